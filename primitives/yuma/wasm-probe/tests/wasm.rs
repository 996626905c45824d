//! The epoch gives the same bits natively and as `wasm32-unknown-unknown`, the target the
//! runtime is built for: this test builds the probe crate for wasm32 (release, as the runtime),
//! runs its `yuma_digest` export in the `wasmi` interpreter and compares it with the native
//! [`digest`] over thousands of random epochs.

use std::{path::PathBuf, process::Command};
use taonet_yuma_wasm_probe::digest;

const SEEDS: u64 = 8;
const CASES_PER_SEED: u32 = 250;

fn build_wasm() -> Vec<u8> {
	let target_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("wasm-probe");
	let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
	// The crate's directory as cargo runs the test (it sets the variable then too): a test
	// binary reused from a build in another clone would otherwise build that clone's probe.
	let manifest_dir =
		std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
	let status = Command::new(cargo)
		.current_dir(manifest_dir)
		.env_remove("RUSTFLAGS")
		.args(["build", "--locked", "--release", "--target", "wasm32-unknown-unknown"])
		.args(["-p", env!("CARGO_PKG_NAME"), "--target-dir"])
		.arg(&target_dir)
		.status()
		.expect("cargo runs");
	assert!(status.success(), "building the probe for wasm32-unknown-unknown failed");
	let file = target_dir.join("wasm32-unknown-unknown/release/taonet_yuma_wasm_probe.wasm");
	std::fs::read(&file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()))
}

#[test]
fn wasm_and_native_epochs_are_bit_identical() {
	let wasm = build_wasm();
	let engine = wasmi::Engine::default();
	let module = wasmi::Module::new(&engine, &wasm[..]).expect("valid wasm module");
	let mut store = wasmi::Store::new(&engine, ());
	let linker = wasmi::Linker::<()>::new(&engine);
	let instance = linker
		.instantiate(&mut store, &module)
		.and_then(|pre| pre.start(&mut store))
		.expect("the probe imports nothing");
	let wasm_digest = instance
		.get_typed_func::<(u64, u32), u64>(&store, "yuma_digest")
		.expect("the probe exports yuma_digest");
	let mut digests = Vec::new();
	for seed in 0..SEEDS {
		let native = digest(seed, CASES_PER_SEED);
		let in_wasm = wasm_digest.call(&mut store, (seed, CASES_PER_SEED)).expect("no trap");
		assert_eq!(in_wasm, native, "seed {seed}: wasm32 and native epochs differ");
		digests.push(native);
	}
	digests.sort_unstable();
	digests.dedup();
	assert_eq!(digests.len() as u64, SEEDS, "different subnets give different digests");
}
