//! Signed requests between neurons: Bittensor's `btauth/1` scheme (the `bittensor.http_auth`
//! module of the `bittensor` Python package, 11.x), so that Rust and Python neurons verify
//! each other's requests.
//!
//! A request carries these headers:
//!
//! | header | value |
//! |---|---|
//! | `X-Bittensor-Version` | `1` |
//! | `X-Bittensor-Hotkey` | the sender's SS58 address |
//! | `X-Bittensor-Nonce` | nanoseconds since the Unix epoch, decimal |
//! | `X-Bittensor-Receiver` | the receiver's SS58 address |
//! | `X-Bittensor-Signature` | `0x` and the hex of the sr25519 signature |
//!
//! The signature (sr25519, signing context `substrate`) is over eight lines joined by `\n`:
//! `btauth/1`, `sr25519`, the method in capitals, the path with its query as sent, the hex
//! SHA-256 of the body, the nonce, the sender's address and the receiver's (`-` if none).
//!
//! [`Verifier`] checks, in this order: the headers are there and well formed; the receiver is
//! this neuron; the nonce is at most 10 s old and at most 2 s ahead; the signature; and last
//! that (sender, nonce) was not seen in the last 60 s. The seen-nonce store is written only
//! after the signature verifies, so forged requests cannot fill it or lock a sender out; it
//! holds at most [`Verifier::capacity`] entries, and a full store refuses new requests rather
//! than forgetting nonces still inside the window.
//!
//! **Responses.** `btauth/1` signs requests only. Taonet's miners also sign their responses,
//! in headers of their own that Bittensor's clients ignore: `X-Taonet-Response-Hotkey`,
//! `X-Taonet-Response-Nonce` and `X-Taonet-Response-Signature`, over the lines
//! `taonet-response/1`, `sr25519`, the status code, the request's nonce, the hex SHA-256 of
//! the response body, the response's nonce, the responder's address and the requester's.
//! Binding the request's nonce means an old answer cannot be passed off as a new one.

use std::{
	collections::HashMap,
	sync::Mutex,
	time::{Duration, SystemTime, UNIX_EPOCH},
};

use sha2::{Digest, Sha256};
use subxt_signer::sr25519::{self, Keypair, PublicKey, Signature};

use crate::{account_of, parse_account, AccountId32};

/// The protocol line of a request's signed payload.
pub const PROTOCOL: &str = "btauth/1";
/// The protocol line of a response's signed payload (Taonet's; see the module docs).
pub const RESPONSE_PROTOCOL: &str = "taonet-response/1";

/// `X-Bittensor-Version`.
pub const HEADER_VERSION: &str = "X-Bittensor-Version";
/// `X-Bittensor-Hotkey`.
pub const HEADER_HOTKEY: &str = "X-Bittensor-Hotkey";
/// `X-Bittensor-Nonce`.
pub const HEADER_NONCE: &str = "X-Bittensor-Nonce";
/// `X-Bittensor-Receiver`.
pub const HEADER_RECEIVER: &str = "X-Bittensor-Receiver";
/// `X-Bittensor-Signature`.
pub const HEADER_SIGNATURE: &str = "X-Bittensor-Signature";
/// `X-Bittensor-Crypto`: absent for sr25519, the only scheme Taonet's hotkeys use.
pub const HEADER_CRYPTO: &str = "X-Bittensor-Crypto";
/// `X-Taonet-Response-Hotkey`.
pub const HEADER_RESPONSE_HOTKEY: &str = "X-Taonet-Response-Hotkey";
/// `X-Taonet-Response-Nonce`.
pub const HEADER_RESPONSE_NONCE: &str = "X-Taonet-Response-Nonce";
/// `X-Taonet-Response-Signature`.
pub const HEADER_RESPONSE_SIGNATURE: &str = "X-Taonet-Response-Signature";

/// How old a request may be.
pub const MAX_AGE: Duration = Duration::from_secs(10);
/// How far ahead of the receiver's clock a request may be.
pub const ALLOWED_SKEW: Duration = Duration::from_secs(2);
/// How long a seen nonce is remembered: longer than the window it could be replayed in.
pub const NONCE_RETENTION: Duration = Duration::from_secs(60);

/// Why a request was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
	/// A header is missing, empty or malformed.
	#[error("malformed request signature: {0}")]
	Malformed(String),
	/// The request is addressed to another neuron, or to none.
	#[error("wrong receiver: the request is for {0}")]
	WrongReceiver(String),
	/// The nonce is outside the freshness window.
	#[error("stale request: {0}")]
	Stale(String),
	/// The signature does not verify.
	#[error("bad signature: it does not verify for {0}")]
	BadSignature(String),
	/// The nonce was seen already.
	#[error("replayed request: nonce {0} from {1} was seen already")]
	Replayed(u128, String),
	/// The seen-nonce store is full.
	#[error("too many requests: the seen-nonce store is full")]
	Overloaded,
}

impl AuthError {
	/// The HTTP status a server answers with.
	pub fn status(&self) -> u16 {
		match self {
			AuthError::Malformed(_) => 400,
			AuthError::WrongReceiver(_) => 421,
			AuthError::Stale(_) | AuthError::BadSignature(_) => 401,
			AuthError::Replayed(..) => 409,
			AuthError::Overloaded => 429,
		}
	}

	/// A short machine-readable reason, sent in `X-Taonet-Auth-Error`.
	pub fn code(&self) -> &'static str {
		match self {
			AuthError::Malformed(_) => "malformed",
			AuthError::WrongReceiver(_) => "wrong-receiver",
			AuthError::Stale(_) => "stale",
			AuthError::BadSignature(_) => "bad-signature",
			AuthError::Replayed(..) => "replayed",
			AuthError::Overloaded => "overloaded",
		}
	}
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn body_hash(bytes: &[u8]) -> String {
	hex::encode(Sha256::digest(bytes))
}

/// Nanoseconds since the Unix epoch now.
pub fn now_ns() -> u128 {
	SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}

/// The bytes a request's signature is over.
pub fn payload(
	method: &str,
	path: &str,
	body: &[u8],
	nonce_ns: u128,
	sender: &str,
	receiver: Option<&str>,
) -> Vec<u8> {
	[
		PROTOCOL,
		"sr25519",
		&method.to_uppercase(),
		path,
		&body_hash(body),
		&nonce_ns.to_string(),
		sender,
		receiver.filter(|r| !r.is_empty()).unwrap_or("-"),
	]
	.join("\n")
	.into_bytes()
}

/// The bytes a response's signature is over.
pub fn response_payload(
	status: u16,
	request_nonce: u128,
	body: &[u8],
	nonce_ns: u128,
	responder: &str,
	requester: &str,
) -> Vec<u8> {
	[
		RESPONSE_PROTOCOL,
		"sr25519",
		&status.to_string(),
		&request_nonce.to_string(),
		&body_hash(body),
		&nonce_ns.to_string(),
		responder,
		requester,
	]
	.join("\n")
	.into_bytes()
}

fn signature_hex(signature: &Signature) -> String {
	format!("0x{}", hex::encode(signature.0))
}

/// The headers of a request from `key` to `receiver`, with nonce `nonce_ns`.
pub fn sign_request_at(
	key: &Keypair,
	method: &str,
	path: &str,
	body: &[u8],
	receiver: &AccountId32,
	nonce_ns: u128,
) -> Vec<(&'static str, String)> {
	let sender = account_of(key).to_string();
	let receiver = receiver.to_string();
	let signed = payload(method, path, body, nonce_ns, &sender, Some(&receiver));
	vec![
		(HEADER_VERSION, "1".to_owned()),
		(HEADER_HOTKEY, sender),
		(HEADER_NONCE, nonce_ns.to_string()),
		(HEADER_SIGNATURE, signature_hex(&key.sign(&signed))),
		(HEADER_RECEIVER, receiver),
	]
}

/// The headers of a request from `key` to `receiver`, nonce now.
pub fn sign_request(
	key: &Keypair,
	method: &str,
	path: &str,
	body: &[u8],
	receiver: &AccountId32,
) -> Vec<(&'static str, String)> {
	sign_request_at(key, method, path, body, receiver, now_ns())
}

/// The headers of `key`'s response to the request with nonce `request_nonce` from
/// `requester`.
pub fn sign_response(
	key: &Keypair,
	status: u16,
	request_nonce: u128,
	body: &[u8],
	requester: &str,
) -> Vec<(&'static str, String)> {
	let responder = account_of(key).to_string();
	let nonce = now_ns();
	let signed = response_payload(status, request_nonce, body, nonce, &responder, requester);
	vec![
		(HEADER_RESPONSE_HOTKEY, responder),
		(HEADER_RESPONSE_NONCE, nonce.to_string()),
		(HEADER_RESPONSE_SIGNATURE, signature_hex(&key.sign(&signed))),
	]
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
	// As `bittensor.http_auth`: names case-insensitive, the last of a repeated header wins.
	headers.iter().rev().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn required<'a>(headers: &'a [(String, String)], name: &str) -> Result<&'a str, AuthError> {
	match header(headers, name) {
		Some(value) if !value.is_empty() => Ok(value),
		_ => Err(AuthError::Malformed(format!("no {name} header"))),
	}
}

fn parse_signature(text: &str) -> Result<Signature, AuthError> {
	let bytes = hex::decode(text.strip_prefix("0x").unwrap_or(text))
		.map_err(|_| AuthError::Malformed("the signature is not hex".into()))?;
	let bytes: [u8; 64] = bytes
		.try_into()
		.map_err(|_| AuthError::Malformed("the signature is not 64 bytes".into()))?;
	Ok(Signature(bytes))
}

fn parse_sender(text: &str) -> Result<(AccountId32, PublicKey), AuthError> {
	let account =
		parse_account(text).map_err(|e| AuthError::Malformed(format!("{HEADER_HOTKEY}: {e}")))?;
	Ok((account, PublicKey(account.0)))
}

/// Whether `signature` is `sender`'s over `message`, raw or wrapped in `<Bytes>` as
/// polkadot.js' `signRaw` wraps it (`bittensor.http_auth` accepts both).
fn verifies(signature: &Signature, message: &[u8], sender: &PublicKey) -> bool {
	if sr25519::verify(signature, message, sender) {
		return true;
	}
	let mut wrapped = b"<Bytes>".to_vec();
	wrapped.extend_from_slice(message);
	wrapped.extend_from_slice(b"</Bytes>");
	sr25519::verify(signature, &wrapped, sender)
}

/// A request that verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
	/// The sender's hotkey.
	pub hotkey: AccountId32,
	/// Its nonce, for the response.
	pub nonce: u128,
}

/// Checks requests addressed to one neuron, and remembers their nonces.
pub struct Verifier {
	receiver: String,
	max_age: Duration,
	skew: Duration,
	capacity: usize,
	seen: Mutex<HashMap<([u8; 32], u128), u128>>,
}

impl Verifier {
	/// A verifier for requests to `receiver`, with the default window (10 s back, 2 s ahead)
	/// and a store of at most 100,000 nonces.
	pub fn new(receiver: &AccountId32) -> Self {
		Self {
			receiver: receiver.to_string(),
			max_age: MAX_AGE,
			skew: ALLOWED_SKEW,
			capacity: 100_000,
			seen: Mutex::new(HashMap::new()),
		}
	}

	/// The same with room for `capacity` nonces.
	pub fn with_capacity(mut self, capacity: usize) -> Self {
		self.capacity = capacity;
		self
	}

	/// How many nonces the store holds at most.
	pub fn capacity(&self) -> usize {
		self.capacity
	}

	/// Checks a request's signature headers against its method, path and body, at `now`
	/// (nanoseconds since the epoch); on success the nonce is recorded. `admit` runs after
	/// the signature verified and before the nonce is recorded: a caller it refuses (say, a
	/// hotkey without a validator permit) leaves nothing behind.
	pub fn verify_at<E>(
		&self,
		headers: &[(String, String)],
		method: &str,
		path: &str,
		body: &[u8],
		now: u128,
		admit: impl FnOnce(&AccountId32) -> Result<(), E>,
	) -> Result<Result<Caller, E>, AuthError> {
		if required(headers, HEADER_VERSION)? != "1" {
			return Err(AuthError::Malformed(format!("{HEADER_VERSION} is not 1")));
		}
		if let Some(crypto) = header(headers, HEADER_CRYPTO) {
			if !crypto.trim().eq_ignore_ascii_case("sr25519") && crypto.trim() != "1" {
				return Err(AuthError::Malformed(format!("{HEADER_CRYPTO}: only sr25519")));
			}
		}
		let sender_text = required(headers, HEADER_HOTKEY)?;
		let nonce: u128 = required(headers, HEADER_NONCE)?
			.trim()
			.parse()
			.map_err(|_| AuthError::Malformed(format!("{HEADER_NONCE} is not a number")))?;
		let signature = parse_signature(required(headers, HEADER_SIGNATURE)?)?;
		let receiver = header(headers, HEADER_RECEIVER).unwrap_or("");
		if receiver != self.receiver {
			let to = if receiver.is_empty() { "no receiver" } else { receiver };
			return Err(AuthError::WrongReceiver(to.to_owned()));
		}
		let max_age = self.max_age.as_nanos();
		if now.saturating_sub(nonce) > max_age {
			return Err(AuthError::Stale(format!(
				"the nonce is {} ms old; at most {} ms",
				now.saturating_sub(nonce) / 1_000_000,
				max_age / 1_000_000
			)));
		}
		if nonce.saturating_sub(now) > self.skew.as_nanos() {
			return Err(AuthError::Stale(format!(
				"the nonce is {} ms ahead of this neuron's clock; at most {} ms",
				nonce.saturating_sub(now) / 1_000_000,
				self.skew.as_millis()
			)));
		}
		let (sender, public) = parse_sender(sender_text)?;
		let signed = payload(method, path, body, nonce, sender_text, Some(receiver));
		if !verifies(&signature, &signed, &public) {
			return Err(AuthError::BadSignature(sender_text.to_owned()));
		}
		if let Err(refused) = admit(&sender) {
			return Ok(Err(refused));
		}
		let mut seen = self.seen.lock().map_err(|_| AuthError::Overloaded)?;
		if seen.contains_key(&(sender.0, nonce)) {
			return Err(AuthError::Replayed(nonce, sender_text.to_owned()));
		}
		if seen.len() >= self.capacity {
			let retention = NONCE_RETENTION.as_nanos();
			seen.retain(|_, at| now.saturating_sub(*at) <= retention);
			if seen.len() >= self.capacity {
				return Err(AuthError::Overloaded);
			}
		}
		seen.insert((sender.0, nonce), now);
		Ok(Ok(Caller { hotkey: sender, nonce }))
	}

	/// [`Self::verify_at`] now, admitting every sender whose signature verifies.
	pub fn verify(
		&self,
		headers: &[(String, String)],
		method: &str,
		path: &str,
		body: &[u8],
	) -> Result<Caller, AuthError> {
		self.verify_at::<std::convert::Infallible>(headers, method, path, body, now_ns(), |_| {
			Ok(())
		})?
		.map_err(|never| match never {})
	}
}

/// Checks a response's signature: from `responder`, to the request with nonce
/// `request_nonce` that `requester` sent.
pub fn verify_response(
	headers: &[(String, String)],
	status: u16,
	body: &[u8],
	request_nonce: u128,
	requester: &AccountId32,
	responder: &AccountId32,
) -> Result<(), AuthError> {
	let hotkey = required(headers, HEADER_RESPONSE_HOTKEY)?;
	if hotkey != responder.to_string() {
		return Err(AuthError::BadSignature(format!("{hotkey}, not the miner {responder}")));
	}
	let nonce: u128 = required(headers, HEADER_RESPONSE_NONCE)?
		.parse()
		.map_err(|_| AuthError::Malformed(format!("{HEADER_RESPONSE_NONCE} is not a number")))?;
	let signature = parse_signature(required(headers, HEADER_RESPONSE_SIGNATURE)?)?;
	let signed =
		response_payload(status, request_nonce, body, nonce, hotkey, &requester.to_string());
	if sr25519::verify(&signature, &signed, &PublicKey(responder.0)) {
		Ok(())
	} else {
		Err(AuthError::BadSignature(hotkey.to_owned()))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use subxt_signer::sr25519::dev;

	fn owned(headers: Vec<(&'static str, String)>) -> Vec<(String, String)> {
		headers.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
	}

	const NOW: u128 = 1_700_000_000_000_000_000;

	fn signed(nonce: u128) -> Vec<(String, String)> {
		let bob = account_of(&dev::bob());
		owned(sign_request_at(&dev::alice(), "post", "/solve?x=1", b"{}", &bob, nonce))
	}

	fn check(v: &Verifier, headers: &[(String, String)]) -> Result<Caller, AuthError> {
		v.verify_at::<()>(headers, "POST", "/solve?x=1", b"{}", NOW, |_| Ok(()))?
			.map_err(|()| AuthError::Overloaded)
	}

	#[test]
	fn the_payload_is_btauth_1s_eight_lines() {
		let payload = payload(
			"post",
			"/generate",
			br#"{"prompt": "hello"}"#,
			NOW,
			"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
			Some("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"),
		);
		// The bytes `bittensor.http_auth.build_payload` gives for the same request.
		let expected = "btauth/1\nsr25519\nPOST\n/generate\n\
			341c57448e531310fbbe83f44cea2a5e838bd9e8a6b82b269f01d0dbbc23c3cc\n\
			1700000000000000000\n5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\n\
			5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
		assert_eq!(String::from_utf8(payload).ok().as_deref(), Some(expected));
		assert_eq!(
			body_hash(b""),
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
		);
	}

	#[test]
	fn a_signed_request_verifies_once() {
		let v = Verifier::new(&account_of(&dev::bob()));
		let headers = signed(NOW - 1_000);
		let caller = check(&v, &headers);
		assert_eq!(caller.map(|c| c.hotkey), Ok(account_of(&dev::alice())));
		assert!(matches!(check(&v, &headers), Err(AuthError::Replayed(..))));
	}

	#[test]
	fn every_broken_part_is_refused_with_its_own_reason() {
		let v = Verifier::new(&account_of(&dev::bob()));
		let without =
			|name: &str| signed(NOW).into_iter().filter(|(k, _)| k != name).collect::<Vec<_>>();
		let code = |h: &[(String, String)]| check(&v, h).err().map(|e| e.code());
		assert_eq!(code(&without(HEADER_SIGNATURE)), Some("malformed"));
		let mut empty = without(HEADER_SIGNATURE);
		empty.push((HEADER_SIGNATURE.into(), String::new()));
		assert_eq!(code(&empty), Some("malformed"));
		assert_eq!(code(&without(HEADER_RECEIVER)), Some("wrong-receiver"));
		assert_eq!(code(&signed(NOW - 10_000_000_001)), Some("stale"));
		assert_eq!(code(&signed(NOW + 2_000_000_001)), Some("stale"));
		assert!(check(&v, &signed(NOW - 10_000_000_000)).is_ok());
		assert!(check(&v, &signed(NOW + 2_000_000_000)).is_ok());
		// Another signer's signature under Alice's address.
		let mut forged = signed(NOW - 5);
		let eve = owned(sign_request_at(
			&dev::eve(),
			"POST",
			"/solve?x=1",
			b"{}",
			&account_of(&dev::bob()),
			NOW - 5,
		));
		forged.retain(|(k, _)| k != HEADER_SIGNATURE);
		forged.extend(eve.into_iter().filter(|(k, _)| k == HEADER_SIGNATURE));
		assert_eq!(code(&forged), Some("bad-signature"));
		// The same headers over another body.
		let other =
			v.verify_at::<()>(&signed(NOW - 6), "POST", "/solve?x=1", b"{ }", NOW, |_| Ok(()));
		assert_eq!(other.err().map(|e| e.code()), Some("bad-signature"));
		// Addressed to Bob, read by Charlie.
		let charlie = Verifier::new(&account_of(&dev::charlie()));
		assert_eq!(
			check(&charlie, &signed(NOW - 7)).err().map(|e| e.code()),
			Some("wrong-receiver")
		);
	}

	#[test]
	fn refused_callers_and_forgeries_leave_no_nonce_behind() {
		let v = Verifier::new(&account_of(&dev::bob())).with_capacity(2);
		let headers = signed(NOW - 100);
		let refused = v.verify_at(&headers, "POST", "/solve?x=1", b"{}", NOW, |_| Err("no permit"));
		assert_eq!(refused, Ok(Err("no permit")));
		// Not recorded: the same request is admitted once the caller is.
		assert!(check(&v, &headers).is_ok());
		assert!(check(&v, &signed(NOW - 101)).is_ok());
		// Full, with every entry inside the retention: refused, not forgotten.
		assert_eq!(check(&v, &signed(NOW - 102)), Err(AuthError::Overloaded));
	}

	#[test]
	fn responses_bind_the_request_they_answer() {
		let (alice, bob) = (account_of(&dev::alice()), account_of(&dev::bob()));
		let headers = owned(sign_response(&dev::bob(), 200, 42, b"answer", &alice.to_string()));
		assert_eq!(verify_response(&headers, 200, b"answer", 42, &alice, &bob), Ok(()));
		assert!(verify_response(&headers, 200, b"answer", 43, &alice, &bob).is_err());
		assert!(verify_response(&headers, 200, b"other", 42, &alice, &bob).is_err());
		assert!(verify_response(&headers, 500, b"answer", 42, &alice, &bob).is_err());
		let charlie = account_of(&dev::charlie());
		assert!(verify_response(&headers, 200, b"answer", 42, &alice, &charlie).is_err());
	}
}
