//! Chain specifications: development and local chains from the runtime's genesis presets, and
//! real networks from their operators' network file (`--chain network:<file>`, documented in
//! `docs/network-template.json`).

use sc_service::ChainType;
use serde::Deserialize;
use sp_core::{crypto::Ss58Codec, ed25519, sr25519};
use std::{path::Path, str::FromStr};
use taonet_primitives::{AccountId, Balance};
use taonet_runtime::{
	configs::governance::COUNCIL_RANK,
	genesis_config_presets::{self, NetworkGenesis},
	WASM_BINARY,
};

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

/// `--chain local`: four authorities (Alice, Bob, Charlie and Dave), the `local_testnet` preset.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	from_preset(
		"Taonet Local Testnet",
		"taonet_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// A network as its operators describe it: names, boot nodes, authorities, the first council and
/// the endowments. Addresses are SS58; balances are in rao.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkFile {
	/// Human name, e.g. "Taonet".
	pub name: String,
	/// Chain id, also the database folder's name, e.g. "taonet".
	pub id: String,
	/// `Live` (the default) for a public network; `Local` for a private test network, on which
	/// the node also allows development sealing (`--sealing`).
	#[serde(default)]
	pub chain_type: NetworkType,
	/// The network's libp2p protocol id; the chain id when absent.
	#[serde(default)]
	pub protocol_id: Option<String>,
	/// Multiaddresses with peer ids of nodes that new nodes first connect to.
	#[serde(default)]
	pub boot_nodes: Vec<String>,
	/// Block authors and finality voters.
	pub authorities: Vec<AuthorityKeys>,
	/// The first council; after genesis only its referenda change it.
	pub council: Vec<CouncilSeat>,
	/// Balances at genesis: `[address, rao]`.
	#[serde(default)]
	pub endowments: Vec<(String, Balance)>,
	/// Divides every referendum period; 1 (the default) on production networks.
	#[serde(default = "one")]
	pub governance_period_divisor: u32,
}

/// The kinds of network a network file may describe.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum NetworkType {
	/// A public network.
	#[default]
	Live,
	/// A private test network.
	Local,
}

fn one() -> u32 {
	1
}

/// An authority's session keys, as SS58 addresses.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorityKeys {
	/// Aura (block authoring), sr25519.
	pub aura: String,
	/// GRANDPA (finality), ed25519.
	pub grandpa: String,
}

/// A council member and rank (1 or more to vote).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CouncilSeat {
	/// The member's account, SS58.
	pub account: String,
	/// The member's rank.
	pub rank: u16,
}

fn account(address: &str, what: &str) -> Result<AccountId, String> {
	AccountId::from_ss58check(address).map_err(|error| format!("{what} {address}: {error:?}"))
}

impl NetworkFile {
	/// Reads and checks a network file.
	pub fn read(path: &Path) -> Result<Self, String> {
		let text = std::fs::read_to_string(path)
			.map_err(|error| format!("network file {}: {error}", path.display()))?;
		let network: Self = serde_json::from_str(&text)
			.map_err(|error| format!("network file {}: {error}", path.display()))?;
		if network.authorities.is_empty() {
			return Err(format!("network file {}: no authorities", path.display()));
		}
		if !network.council.iter().any(|seat| seat.rank >= COUNCIL_RANK) {
			return Err(format!(
				"network file {}: the council needs a member of rank {} or more, or no referendum \
				 could ever pass",
				path.display(),
				COUNCIL_RANK
			));
		}
		if network.governance_period_divisor == 0 {
			return Err(format!(
				"network file {}: governancePeriodDivisor must be at least 1",
				path.display()
			));
		}
		Ok(network)
	}

	/// The network's genesis, as the runtime builds it.
	pub fn genesis(&self) -> Result<NetworkGenesis, String> {
		let authorities = self
			.authorities
			.iter()
			.map(|keys| {
				let aura = sr25519::Public::from_ss58check(&keys.aura)
					.map_err(|error| format!("aura key {}: {error:?}", keys.aura))?;
				let grandpa = ed25519::Public::from_ss58check(&keys.grandpa)
					.map_err(|error| format!("grandpa key {}: {error:?}", keys.grandpa))?;
				Ok((aura.into(), grandpa.into()))
			})
			.collect::<Result<_, String>>()?;
		let council = self
			.council
			.iter()
			.map(|seat| Ok((account(&seat.account, "council member")?, seat.rank)))
			.collect::<Result<_, String>>()?;
		let endowed = self
			.endowments
			.iter()
			.map(|(address, balance)| Ok((account(address, "endowed account")?, *balance)))
			.collect::<Result<_, String>>()?;
		Ok(NetworkGenesis {
			authorities,
			council,
			endowed,
			period_divisor: self.governance_period_divisor,
		})
	}
}

/// `--chain network:<file>`: a live network from its operators' file, without a sudo key.
pub fn network_chain_spec(path: &Path) -> Result<ChainSpec, String> {
	let network = NetworkFile::read(path)?;
	let boot_nodes = network
		.boot_nodes
		.iter()
		.map(|address| {
			sc_network::config::MultiaddrWithPeerId::from_str(address)
				.map_err(|error| format!("boot node {address}: {error}"))
		})
		.collect::<Result<Vec<_>, String>>()?;
	let patch = genesis_config_presets::network(network.genesis()?);
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(&network.name)
		.with_id(&network.id)
		.with_protocol_id(network.protocol_id.as_deref().unwrap_or(&network.id))
		.with_chain_type(match network.chain_type {
			NetworkType::Live => ChainType::Live,
			NetworkType::Local => ChainType::Local,
		})
		.with_boot_nodes(boot_nodes)
		.with_genesis_config_patch(patch)
		.with_properties(properties())
		.build())
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

	#[test]
	fn the_network_template_builds_a_live_spec_without_sudo() {
		let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/network-template.json");
		let spec = network_chain_spec(&template).expect("the template is a valid network file");
		assert_eq!(spec.chain_type(), ChainType::Live);
		assert!(!spec.boot_nodes().is_empty());
		let json: serde_json::Value =
			serde_json::from_str(&spec.as_json(false).expect("spec")).expect("json");
		let patch = &json["genesis"]["runtimeGenesis"]["patch"];
		assert!(patch["sudo"]["key"].is_null(), "no sudo key: {}", patch["sudo"]);
		assert!(patch["governance"]["council"].as_array().is_some_and(|c| !c.is_empty()));
		assert_eq!(patch["governance"]["periodDivisor"], 1);
	}

	#[test]
	fn a_network_file_without_a_voting_council_is_refused() {
		let dir = std::env::temp_dir().join(format!("taonet-network-{}", std::process::id()));
		std::fs::create_dir_all(&dir).expect("temp dir");
		let file = dir.join("network.json");
		let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
		let grandpa = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
		let write = |council_rank: u16| {
			let text = format!(
				r#"{{"name":"T","id":"t","authorities":[{{"aura":"{alice}","grandpa":"{grandpa}"}}],
				"council":[{{"account":"{alice}","rank":{council_rank}}}]}}"#
			);
			std::fs::write(&file, text).expect("write");
		};
		write(0);
		let error = network_chain_spec(&file).err().expect("rank 0 cannot vote");
		assert!(error.contains("the council needs a member of rank 1"), "{error}");
		write(1);
		assert!(network_chain_spec(&file).is_ok());
		std::fs::write(&file, r#"{"name":"T","id":"t","authorities":[],"council":[]}"#)
			.expect("write");
		assert!(network_chain_spec(&file)
			.err()
			.expect("no authorities")
			.contains("no authorities"));
		std::fs::write(&file, r#"{"name":"T","id":"t","sudo":"x"}"#).expect("write");
		assert!(network_chain_spec(&file).err().expect("unknown field").contains("sudo"));
		let _ = std::fs::remove_dir_all(&dir);
	}
}
