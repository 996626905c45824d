//! Builds the baseline's Wasm blob, with feature `wasm` only (the Wasm build itself compiles
//! the crate without `std` and builds nothing).

#[cfg(all(feature = "std", feature = "wasm"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(all(feature = "std", feature = "wasm")))]
fn main() {}
