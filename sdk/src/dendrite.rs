//! A validator's client for miners' axons: signed requests, bounded answers, verified
//! response signatures.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use subxt_signer::sr25519::Keypair;
use tokio::net::TcpStream;

use crate::{
	auth,
	error::{Error, Result},
	reads::Axon,
	AccountId32,
};

/// A miner's answer.
#[derive(Clone, Debug)]
pub struct Answer {
	/// The HTTP status.
	pub status: u16,
	/// The body.
	pub body: Vec<u8>,
	/// From sending the request to the whole answer.
	pub latency: Duration,
	/// Whether the miner signed the answer for this request (always so for a 200).
	pub signed: bool,
}

/// Sends `body` to `path` of `miner`'s axon, signed by `key`, and waits at most `timeout`
/// for an answer of at most `max_body` bytes. A 200 whose signature does not verify for
/// `miner` and this request is an error.
pub async fn call(
	key: &Keypair,
	axon: &Axon,
	miner: &AccountId32,
	path: &str,
	body: &[u8],
	timeout: Duration,
	max_body: usize,
) -> Result<Answer> {
	let started = Instant::now();
	let address = if axon.ip_type == 6 {
		format!("[{}]:{}", axon.ip, axon.port)
	} else {
		format!("{}:{}", axon.ip, axon.port)
	};
	let exchange = async {
		let stream = TcpStream::connect(&address)
			.await
			.map_err(|e| Error::io(format!("connecting to {address}"), e))?;
		let (mut sender, connection) = http1::handshake(TokioIo::new(stream))
			.await
			.map_err(|e| Error::Invalid(format!("{address}: {e}")))?;
		tokio::spawn(connection);
		let headers = auth::sign_request(key, "POST", path, body, miner);
		let nonce = headers
			.iter()
			.find(|(k, _)| *k == auth::HEADER_NONCE)
			.and_then(|(_, v)| v.parse::<u128>().ok())
			.unwrap_or(0);
		let mut request = hyper::Request::builder()
			.method("POST")
			.uri(path)
			.header("Host", &address)
			.header("Content-Type", "application/json");
		for (name, value) in headers {
			request = request.header(name, value);
		}
		let request = request
			.body(Full::new(Bytes::copy_from_slice(body)))
			.map_err(|e| Error::Invalid(format!("building the request: {e}")))?;
		let response = sender
			.send_request(request)
			.await
			.map_err(|e| Error::Invalid(format!("{address}: {e}")))?;
		let status = response.status().as_u16();
		let response_headers: Vec<(String, String)> = response
			.headers()
			.iter()
			.filter_map(|(k, v)| v.to_str().ok().map(|v| (k.as_str().to_owned(), v.to_owned())))
			.collect();
		let collected =
			Limited::new(response.into_body(), max_body).collect().await.map_err(|e| {
				Error::Invalid(format!(
					"{address}: the answer is over {max_body} bytes or broke off: {e}"
				))
			})?;
		let answer = collected.to_bytes().to_vec();
		let requester = crate::account_of(key);
		let signed =
			auth::verify_response(&response_headers, status, &answer, nonce, &requester, miner);
		if status == 200 {
			signed.clone().map_err(|e| Error::Auth(format!("{address}: the answer's {e}")))?;
		}
		Ok(Answer { status, body: answer, latency: started.elapsed(), signed: signed.is_ok() })
	};
	tokio::time::timeout(timeout, exchange)
		.await
		.map_err(|_| Error::Invalid(format!("{address}: no answer within {timeout:?}")))?
}
