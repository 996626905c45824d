//! A miner's HTTP server (its axon): only requests signed (`btauth/1`, [`crate::auth`]) by a
//! hotkey with a validator permit on the miner's subnet reach the handler, and every answer
//! to them is signed.
//!
//! Each request, in order: a connection limit and a concurrency limit (503 when full); the
//! body, at most [`AxonConfig::max_body`] bytes (413) read within
//! [`AxonConfig::read_timeout`] (408); the signature checks of [`crate::auth::Verifier`]
//! (400, 401, 409, 421, 429, with the reason in `X-Taonet-Auth-Error`); the validator permit,
//! read from the metagraph every [`AxonConfig::refresh`] (403); then the handler, within
//! [`AxonConfig::handler_timeout`] (504). A refused request costs the miner no handler call
//! and leaves no nonce behind.

use std::{
	collections::HashSet,
	convert::Infallible,
	future::Future,
	net::SocketAddr,
	pin::Pin,
	sync::{Arc, RwLock},
	time::Duration,
};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::{body::Incoming, server::conn::http1, service::service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use subxt_signer::sr25519::Keypair;
use tokio::{net::TcpListener, sync::Semaphore, task::JoinHandle};

use crate::{
	auth::{self, AuthError, Verifier},
	error::{Error, Result},
	AccountId32, Client,
};

/// What the handler gets: a request that verified, from a permitted validator.
#[derive(Clone, Debug)]
pub struct Request {
	/// The validator's hotkey.
	pub caller: AccountId32,
	/// The HTTP method.
	pub method: String,
	/// The path with its query.
	pub path: String,
	/// The body.
	pub body: Vec<u8>,
}

/// The handler's answer.
#[derive(Clone, Debug)]
pub struct Response {
	/// The HTTP status.
	pub status: u16,
	/// The body (JSON, for the reference subnet).
	pub body: Vec<u8>,
}

/// A future the handler returns.
pub type HandlerFuture = Pin<Box<dyn Future<Output = Response> + Send>>;
/// A miner's request handler.
pub type Handler = Arc<dyn Fn(Request) -> HandlerFuture + Send + Sync>;

/// An axon's limits.
#[derive(Clone, Debug)]
pub struct AxonConfig {
	/// The miner's subnet, whose validator permits admit requests.
	pub netuid: u16,
	/// Where to listen.
	pub bind: SocketAddr,
	/// Requests handled at once.
	pub max_concurrent: usize,
	/// Open connections at once.
	pub max_connections: usize,
	/// The largest request body.
	pub max_body: usize,
	/// How long a client may take to send its headers and body.
	pub read_timeout: Duration,
	/// How long the handler may take.
	pub handler_timeout: Duration,
	/// How often the validator permits are read again.
	pub refresh: Duration,
}

impl AxonConfig {
	/// The defaults for subnet `netuid` on `bind`: 32 requests at once over at most 256
	/// connections, 64 KiB bodies, 5 s to read, 12 s to answer, permits read every 12 s.
	pub fn new(netuid: u16, bind: SocketAddr) -> Self {
		Self {
			netuid,
			bind,
			max_concurrent: 32,
			max_connections: 256,
			max_body: 64 * 1024,
			read_timeout: Duration::from_secs(5),
			handler_timeout: Duration::from_secs(12),
			refresh: Duration::from_secs(12),
		}
	}
}

/// A running axon; dropping it stops it.
pub struct Axon {
	addr: SocketAddr,
	tasks: Vec<JoinHandle<()>>,
}

impl Axon {
	/// The address it listens on.
	pub fn local_addr(&self) -> SocketAddr {
		self.addr
	}
}

impl Drop for Axon {
	fn drop(&mut self) {
		for task in &self.tasks {
			task.abort();
		}
	}
}

type Permits = Arc<RwLock<HashSet<[u8; 32]>>>;

async fn read_permits(client: &Client, netuid: u16) -> Result<HashSet<[u8; 32]>> {
	let graph = client.metagraph(netuid, false).await?;
	Ok(graph
		.neurons
		.iter()
		.filter(|n| n.validator_permit)
		.filter_map(|n| crate::parse_account(&n.hotkey).ok())
		.map(|a| a.0)
		.collect())
}

struct Shared {
	config: AxonConfig,
	hotkey: Keypair,
	verifier: Verifier,
	permits: Permits,
	busy: Semaphore,
	handler: Handler,
}

fn reply(
	status: u16,
	body: Vec<u8>,
	headers: Vec<(&'static str, String)>,
) -> hyper::Response<Full<Bytes>> {
	let mut response = hyper::Response::new(Full::new(Bytes::from(body)));
	*response.status_mut() =
		hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
	for (name, value) in headers {
		if let Ok(value) = hyper::header::HeaderValue::from_str(&value) {
			response.headers_mut().insert(name, value);
		}
	}
	response
}

fn refuse(status: u16, message: String) -> hyper::Response<Full<Bytes>> {
	reply(status, message.into_bytes(), vec![])
}

fn refuse_auth(error: &AuthError) -> hyper::Response<Full<Bytes>> {
	reply(
		error.status(),
		error.to_string().into_bytes(),
		vec![("X-Taonet-Auth-Error", error.code().into())],
	)
}

async fn handle(
	shared: Arc<Shared>,
	request: hyper::Request<Incoming>,
) -> hyper::Response<Full<Bytes>> {
	let Ok(_slot) = shared.busy.try_acquire() else {
		return refuse(503, "busy: too many requests at once".into());
	};
	let method = request.method().as_str().to_owned();
	let path = request.uri().path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_default();
	let headers: Vec<(String, String)> = request
		.headers()
		.iter()
		.filter_map(|(k, v)| v.to_str().ok().map(|v| (k.as_str().to_owned(), v.to_owned())))
		.collect();
	let limited = Limited::new(request.into_body(), shared.config.max_body);
	let body = match tokio::time::timeout(shared.config.read_timeout, limited.collect()).await {
		Err(_) => return refuse(408, "the body took too long to arrive".into()),
		Ok(Err(_)) => {
			return refuse(413, format!("the body is over {} bytes", shared.config.max_body))
		},
		Ok(Ok(collected)) => collected.to_bytes().to_vec(),
	};
	let netuid = shared.config.netuid;
	let admit = |hotkey: &AccountId32| {
		let permitted = shared.permits.read().map(|p| p.contains(&hotkey.0)).unwrap_or(false);
		if permitted {
			Ok(())
		} else {
			Err(format!("forbidden: {hotkey} has no validator permit on subnet {netuid}"))
		}
	};
	let caller =
		match shared.verifier.verify_at(&headers, &method, &path, &body, auth::now_ns(), admit) {
			Err(error) => return refuse_auth(&error),
			Ok(Err(forbidden)) => {
				return reply(
					403,
					forbidden.into_bytes(),
					vec![("X-Taonet-Auth-Error", "forbidden".into())],
				)
			},
			Ok(Ok(caller)) => caller,
		};
	let call = (shared.handler)(Request { caller: caller.hotkey, method, path, body });
	let answer = match tokio::time::timeout(shared.config.handler_timeout, call).await {
		Ok(answer) => answer,
		Err(_) => Response { status: 504, body: b"the miner did not answer in time".to_vec() },
	};
	let signature = auth::sign_response(
		&shared.hotkey,
		answer.status,
		caller.nonce,
		&answer.body,
		&caller.hotkey.to_string(),
	);
	let mut headers = signature;
	headers.push(("Content-Type", "application/json".into()));
	reply(answer.status, answer.body, headers)
}

/// Starts `hotkey`'s axon: reads the subnet's validator permits, then listens.
pub async fn serve(
	client: Client,
	hotkey: Keypair,
	config: AxonConfig,
	handler: Handler,
) -> Result<Axon> {
	let permits: Permits = Arc::new(RwLock::new(read_permits(&client, config.netuid).await?));
	let listener = TcpListener::bind(config.bind)
		.await
		.map_err(|e| Error::io(format!("listening on {}", config.bind), e))?;
	let addr = listener.local_addr().map_err(|e| Error::io("reading the bound address", e))?;
	let refresh = {
		let (permits, client, netuid, every) =
			(permits.clone(), client.clone(), config.netuid, config.refresh);
		tokio::spawn(async move {
			loop {
				tokio::time::sleep(every).await;
				match read_permits(&client, netuid).await {
					Ok(fresh) => {
						if let Ok(mut slot) = permits.write() {
							*slot = fresh;
						}
					},
					Err(e) => eprintln!("axon: could not read the validator permits: {e}"),
				}
			}
		})
	};
	let connections = Arc::new(Semaphore::new(config.max_connections));
	let shared = Arc::new(Shared {
		verifier: Verifier::new(&crate::account_of(&hotkey)),
		busy: Semaphore::new(config.max_concurrent),
		config,
		hotkey,
		permits,
		handler,
	});
	let accept = tokio::spawn(async move {
		loop {
			let Ok((stream, _)) = listener.accept().await else { continue };
			let Ok(slot) = connections.clone().try_acquire_owned() else {
				drop(stream);
				continue;
			};
			let shared = shared.clone();
			let read_timeout = shared.config.read_timeout;
			tokio::spawn(async move {
				let service = service_fn(move |request| {
					let shared = shared.clone();
					async move { Ok::<_, Infallible>(handle(shared, request).await) }
				});
				let _ = http1::Builder::new()
					.timer(TokioTimer::new())
					.header_read_timeout(read_timeout)
					.serve_connection(TokioIo::new(stream), service)
					.await;
				drop(slot);
			});
		}
	});
	Ok(Axon { addr, tasks: vec![accept, refresh] })
}
