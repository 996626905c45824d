//! Builds the runtime's Wasm blob and hands it to the native crate as `WASM_BINARY`.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("TAO", 9)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// No Wasm is built when the runtime is itself compiled to Wasm.
#[cfg(not(feature = "std"))]
fn main() {}
