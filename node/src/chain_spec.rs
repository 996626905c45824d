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

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: one authority (Alice), the `development` preset.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Taonet Development",
		"taonet_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// `--chain local`: two authorities (Alice and Bob), the `local_testnet` preset.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Taonet Local Testnet",
		"taonet_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

#[cfg(test)]
mod tests {
	use super::*;
	use sc_service::ChainSpec as _;

	#[test]
	fn dev_and_local_specs_announce_tao_with_9_decimals_and_ss58_42() {
		for spec in [development_chain_spec(), local_chain_spec()] {
			let spec = spec.expect("the runtime's Wasm is built");
			let properties = spec.properties();
			assert_eq!(properties.get("tokenSymbol"), Some(&"TAO".into()));
			assert_eq!(properties.get("tokenDecimals"), Some(&9.into()));
			assert_eq!(properties.get("ss58Format"), Some(&42.into()));
		}
	}

	#[test]
	fn specs_have_the_expected_ids_and_types() {
		let dev = development_chain_spec().expect("dev spec");
		assert_eq!((dev.id(), dev.chain_type()), ("taonet_dev", ChainType::Development));
		let local = local_chain_spec().expect("local spec");
		assert_eq!((local.id(), local.chain_type()), ("taonet_local", ChainType::Local));
	}

	#[test]
	fn the_raw_dev_spec_holds_the_genesis_storage() {
		let raw = development_chain_spec().and_then(|spec| spec.as_json(true)).expect("raw spec");
		let json: serde_json::Value = serde_json::from_str(&raw).expect("valid json");
		let top = &json["genesis"]["raw"]["top"];
		assert!(
			top.as_object().is_some_and(|storage| storage.len() > 10),
			"genesis storage: {top}"
		);
		// `:code` holds the runtime itself.
		assert!(top.get("0x3a636f6465").is_some());
	}
}
