//! The connection to a node: a websocket JSON-RPC client with a deadline on every call and a
//! new connection when the old one dropped.
//!
//! subxt drives the chain through [`subxt_rpcs::client::RpcClientT`]; [`Connection`] is that
//! client. A request made while the websocket is down opens a new one first. A request whose
//! connection drops while it waits is sent once more on a new connection, unless it submits a
//! transaction (`author_*`), which may have reached the pool: that one fails with
//! [`subxt_rpcs::Error::DisconnectedWillReconnect`] and the caller decides.

use std::{sync::Arc, time::Duration};

use futures::StreamExt;
use jsonrpsee::{
	core::{
		client::{ClientT, Error as JsonRpcError, SubscriptionClientT, SubscriptionKind},
		traits::ToRpcParams,
	},
	types::SubscriptionId,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::value::RawValue;
use subxt_rpcs::client::{RawRpcFuture, RawRpcSubscription, RpcClientT};
use tokio::sync::Mutex;

/// How long a call may take before it fails, unless the caller sets another deadline.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(30);

/// Responses up to this size are read: a full subnet's metagraph with its rows is tens of MB.
const MAX_RESPONSE_SIZE: u32 = 64 * 1024 * 1024;

/// A websocket connection to one node's JSON-RPC server, reopened when it drops.
pub struct Connection {
	url: String,
	deadline: Duration,
	client: Mutex<Option<Arc<WsClient>>>,
}

struct Params(Option<Box<RawValue>>);

impl ToRpcParams for Params {
	fn to_rpc_params(self) -> Result<Option<Box<RawValue>>, serde_json::Error> {
		Ok(self.0)
	}
}

impl Connection {
	/// Connects to `url` (`ws://` or `wss://`); every call then has `deadline` to answer.
	pub async fn open(url: &str, deadline: Duration) -> Result<Self, subxt_rpcs::Error> {
		let connection = Self { url: url.to_owned(), deadline, client: Mutex::new(None) };
		connection.client().await?;
		Ok(connection)
	}

	/// The node's address.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// The live client, after opening a new connection if the last one dropped.
	async fn client(&self) -> Result<Arc<WsClient>, subxt_rpcs::Error> {
		let mut slot = self.client.lock().await;
		if let Some(client) = slot.as_ref().filter(|c| c.is_connected()) {
			return Ok(client.clone());
		}
		let built = tokio::time::timeout(
			self.deadline,
			WsClientBuilder::default()
				.request_timeout(self.deadline)
				.connection_timeout(self.deadline)
				.max_response_size(MAX_RESPONSE_SIZE)
				.max_buffer_capacity_per_subscription(4096)
				.build(&self.url),
		)
		.await
		.map_err(|_| {
			client_error(format!("could not connect to {} within {:?}", self.url, self.deadline))
		})?
		.map_err(|e| client_error(format!("could not connect to {}: {e}", self.url)))?;
		let client = Arc::new(built);
		*slot = Some(client.clone());
		Ok(client)
	}

	async fn request(
		&self,
		method: &str,
		params: Option<Box<RawValue>>,
	) -> Result<Box<RawValue>, subxt_rpcs::Error> {
		let retry = !method.starts_with("author_");
		let mut attempt = 0;
		loop {
			attempt += 1;
			let client = self.client().await?;
			let sent = tokio::time::timeout(
				self.deadline,
				client.request::<Box<RawValue>, _>(method, Params(params.clone())),
			)
			.await;
			match sent {
				Err(_) | Ok(Err(JsonRpcError::RequestTimeout)) => {
					return Err(client_error(format!(
						"{method}: no answer from {} within {:?}",
						self.url, self.deadline
					)))
				},
				Ok(Ok(answer)) => return Ok(answer),
				Ok(Err(JsonRpcError::RestartNeeded(why))) if retry && attempt == 1 => {
					log_reconnect(&self.url, &why.to_string());
				},
				Ok(Err(JsonRpcError::RestartNeeded(why))) => {
					return Err(subxt_rpcs::Error::DisconnectedWillReconnect(why.to_string()))
				},
				Ok(Err(other)) => return Err(rpc_error(other)),
			}
		}
	}

	async fn subscribe(
		&self,
		sub: &str,
		params: Option<Box<RawValue>>,
		unsub: &str,
	) -> Result<RawRpcSubscription, subxt_rpcs::Error> {
		let client = self.client().await?;
		let subscription = tokio::time::timeout(
			self.deadline,
			client.subscribe::<Box<RawValue>, _>(sub, Params(params), unsub),
		)
		.await
		.map_err(|_| client_error(format!("{sub}: no answer within {:?}", self.deadline)))?
		.map_err(rpc_error)?;
		let id = match subscription.kind() {
			SubscriptionKind::Subscription(SubscriptionId::Num(n)) => Some(n.to_string()),
			SubscriptionKind::Subscription(SubscriptionId::Str(s)) => Some(s.to_string()),
			_ => None,
		};
		let stream = subscription.map(|item| item.map_err(subxt_rpcs::Error::Deserialization));
		Ok(RawRpcSubscription { stream: Box::pin(stream), id })
	}
}

fn log_reconnect(url: &str, why: &str) {
	eprintln!("taonet-sdk: the connection to {url} dropped ({why}); reconnecting");
}

fn client_error(message: String) -> subxt_rpcs::Error {
	subxt_rpcs::Error::Client(message.into())
}

fn rpc_error(error: JsonRpcError) -> subxt_rpcs::Error {
	match error {
		JsonRpcError::RestartNeeded(why) => {
			subxt_rpcs::Error::DisconnectedWillReconnect(why.to_string())
		},
		JsonRpcError::ParseError(e) => subxt_rpcs::Error::Deserialization(e),
		other => subxt_rpcs::Error::Client(Box::new(other)),
	}
}

impl RpcClientT for Connection {
	fn request_raw<'a>(
		&'a self,
		method: &'a str,
		params: Option<Box<RawValue>>,
	) -> RawRpcFuture<'a, Box<RawValue>> {
		Box::pin(self.request(method, params))
	}

	fn subscribe_raw<'a>(
		&'a self,
		sub: &'a str,
		params: Option<Box<RawValue>>,
		unsub: &'a str,
	) -> RawRpcFuture<'a, RawRpcSubscription> {
		Box::pin(self.subscribe(sub, params, unsub))
	}
}
