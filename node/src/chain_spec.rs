//! Chain specifications, built from the runtime's genesis presets.

use sc_service::ChainType;
use taonet_runtime::WASM_BINARY;

/// The node's chain spec type: no extensions beyond Substrate's.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Chain properties wallets read: the token's symbol and decimals and the address format.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), taonet_primitives::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), taonet_primitives::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), taonet_primitives::SS58_PREFIX.into());
	properties
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY
		.ok_or_else(|| "the runtime's Wasm binary is missing: build without SKIP_WASM_BUILD".into())
}

/// `--dev`: one authority (Alice), the `development` preset.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Taonet Development")
		.with_id("taonet_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: two authorities (Alice and Bob), the `local_testnet` preset.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Taonet Local Testnet")
		.with_id("taonet_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
