//! The SDK's connection against a local JSON-RPC server: a call after the websocket dropped
//! opens a new one, and a call that gets no answer fails at its deadline.

use std::{net::SocketAddr, time::Duration};

use jsonrpsee::{
	server::{Server, ServerHandle},
	RpcModule,
};
use subxt_rpcs::{rpc_params, RpcClient};
use taonet_sdk::Connection;

async fn serve(at: SocketAddr) -> (SocketAddr, ServerHandle) {
	let server = Server::builder().build(at).await.expect("a local port");
	let addr = server.local_addr().expect("the bound address");
	let mut module = RpcModule::new(());
	module.register_method("probe", |_, _, _| "ok").expect("a new method");
	module
		.register_async_method("slow", |_, _, _| async {
			tokio::time::sleep(Duration::from_secs(5)).await;
			"late"
		})
		.expect("a new method");
	(addr, server.start(module))
}

#[tokio::test]
async fn a_dropped_websocket_is_reopened_for_the_next_call() {
	let (addr, first) = serve("127.0.0.1:0".parse().expect("an address")).await;
	let url = format!("ws://{addr}");
	let rpc = RpcClient::new(Connection::open(&url, Duration::from_secs(5)).await.expect("open"));
	let answer: Result<String, _> = rpc.request("probe", rpc_params![]).await;
	assert_eq!(answer.ok().as_deref(), Some("ok"));

	first.stop().expect("a running server");
	first.stopped().await;
	let down: Result<String, _> = rpc.request("probe", rpc_params![]).await;
	assert!(down.is_err(), "no server, no answer");

	let (_, _second) = serve(addr).await;
	let answer: Result<String, _> = rpc.request("probe", rpc_params![]).await;
	assert_eq!(answer.ok().as_deref(), Some("ok"), "the same client answers again");
}

#[tokio::test]
async fn a_call_without_an_answer_fails_at_its_deadline() {
	let (addr, _server) = serve("127.0.0.1:0".parse().expect("an address")).await;
	let url = format!("ws://{addr}");
	let connection = Connection::open(&url, Duration::from_millis(500)).await.expect("open");
	let rpc = RpcClient::new(connection);
	let late: Result<String, _> = rpc.request("slow", rpc_params![]).await;
	let error = late.err().map(|e| e.to_string()).unwrap_or_default();
	// The server answers after 5 s; the deadline of 500 ms ends the call first.
	assert!(error.contains("no answer from") && error.contains("500ms"), "{error}");
}
