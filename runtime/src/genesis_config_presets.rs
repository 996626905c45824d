//! Named genesis presets, from which the node builds its chain specs.
//!
//! - `development` (`--dev`): Alice is the only authority and the sudo key; the well-known dev
//!   accounts are endowed.
//! - `local_testnet` (`--chain local`): Alice and Bob are authorities, Alice is the sudo key; the
//!   same accounts are endowed.

use alloc::{vec, vec::Vec};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{AccountId, Balance, TAO};

/// What each endowed development account starts with: 100,000 TAO. Six of them hold 600,000 TAO,
/// well under the 21,000,000 TAO supply cap.
pub const DEV_ENDOWMENT: Balance = 100_000 * TAO;

/// The accounts that development presets endow: Alice, Bob, Charlie, Dave, Eve and Ferdie.
pub fn endowed_dev_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|key| key.to_account_id())
	.collect()
}

/// The genesis state as a JSON patch over the default genesis config.
fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<(AccountId, Balance)>,
	sudo: Option<AccountId>,
) -> Value {
	let aura: Vec<&AuraId> = authorities.iter().map(|(aura, _)| aura).collect();
	let grandpa: Vec<(&GrandpaId, u64)> =
		authorities.iter().map(|(_, grandpa)| (grandpa, 1u64)).collect();
	serde_json::json!({
		"balances": { "balances": endowed },
		"aura": { "authorities": aura },
		"grandpa": { "authorities": grandpa },
		"sudo": { "key": sudo },
		// Development and test chains register subnets without waiting.
		"subnets": { "networkRateLimit": 0 },
	})
}

/// The authority keys of a well-known dev identity.
fn dev_authority(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

fn dev_balances() -> Vec<(AccountId, Balance)> {
	endowed_dev_accounts().into_iter().map(|account| (account, DEV_ENDOWMENT)).collect()
}

/// The `development` preset: one authority (Alice), Alice as sudo.
pub fn development() -> Value {
	genesis(
		vec![dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_balances(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The `local_testnet` preset: two authorities (Alice, Bob), Alice as sudo.
pub fn local_testnet() -> Value {
	genesis(
		vec![
			dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		dev_balances(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The JSON of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime knows.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}

/// The genesis state of a preset, for the runtime's own tests.
#[cfg(test)]
pub(crate) fn test_externalities(id: &str) -> sp_io::TestExternalities {
	use crate::{BuildStorage, RuntimeGenesisConfig};

	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (key, value) in patch {
					merge(base.entry(key).or_insert(Value::Null), value);
				}
			},
			(base, patch) => *base = patch,
		}
	}

	let patch: Value = serde_json::from_slice(
		&get_preset(&PresetId::from(id)).unwrap_or_else(|| panic!("no preset {id}")),
	)
	.expect("presets are valid JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the patched config decodes");
	config.build_storage().expect("genesis builds").into()
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::traits::Zero;

	#[test]
	fn development_preset_has_alice_as_sole_authority_and_sudo() {
		test_externalities(DEV_RUNTIME_PRESET).execute_with(|| {
			let aura = pallet_aura::Authorities::<crate::Runtime>::get();
			assert_eq!(aura.len(), 1);
			let alice: AuraId = Sr25519Keyring::Alice.public().into();
			assert_eq!(aura[0], alice);
			assert_eq!(pallet_grandpa::Pallet::<crate::Runtime>::grandpa_authorities().len(), 1);
			assert_eq!(
				pallet_sudo::Key::<crate::Runtime>::get(),
				Some(Sr25519Keyring::Alice.to_account_id())
			);
		});
	}

	#[test]
	fn local_testnet_preset_has_alice_and_bob_as_authorities() {
		test_externalities(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			let aura = pallet_aura::Authorities::<crate::Runtime>::get();
			let expected: Vec<AuraId> =
				vec![Sr25519Keyring::Alice.public().into(), Sr25519Keyring::Bob.public().into()];
			assert_eq!(aura.to_vec(), expected);
			assert_eq!(pallet_grandpa::Pallet::<crate::Runtime>::grandpa_authorities().len(), 2);
		});
	}

	#[test]
	fn dev_chains_register_subnets_without_a_rate_limit_and_hold_the_lock() {
		use crate::{Runtime, RuntimeOrigin, Subnets};
		for id in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
			test_externalities(id).execute_with(|| {
				frame_system::Pallet::<Runtime>::set_block_number(1);
				assert_eq!(pallet_subnets::NetworkRateLimit::<Runtime>::get(), 0);
				let alice = Sr25519Keyring::Alice.to_account_id();
				let bob = Sr25519Keyring::Bob.to_account_id();
				let lock = Subnets::lock_cost();
				assert_eq!(lock, 1_000 * taonet_primitives::TAO);
				for hotkey in [Sr25519Keyring::Charlie, Sr25519Keyring::Dave] {
					Subnets::register_network(
						RuntimeOrigin::signed(alice.clone()),
						hotkey.to_account_id(),
					)
					.expect("Alice can pay the lock");
				}
				// The locks show as Alice's reserved balance (what polkadot.js displays).
				assert_eq!(pallet_balances::Pallet::<Runtime>::reserved_balance(&alice), 3 * lock);
				assert_eq!(pallet_subnets::Networks::<Runtime>::count(), 2);
				assert!(Subnets::burned_register(
					RuntimeOrigin::signed(bob),
					taonet_primitives::NetUid(1),
					Sr25519Keyring::Eve.to_account_id(),
					Balance::MAX
				)
				.is_ok());
				Subnets::do_try_state().expect("subnets invariants hold");
			});
		}
	}

	#[test]
	fn presets_endow_dev_accounts_within_the_supply_cap() {
		for id in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
			test_externalities(id).execute_with(|| {
				for account in endowed_dev_accounts() {
					assert_eq!(
						pallet_balances::Pallet::<crate::Runtime>::free_balance(&account),
						DEV_ENDOWMENT
					);
				}
				let issuance = pallet_balances::TotalIssuance::<crate::Runtime>::get();
				assert_eq!(issuance, DEV_ENDOWMENT * 6);
				assert!(issuance <= taonet_primitives::MAX_SUPPLY);
				assert!(!issuance.is_zero());
			});
		}
	}

	#[test]
	fn unknown_preset_is_none() {
		assert!(get_preset(&PresetId::from("mainnet-please")).is_none());
		assert_eq!(preset_names().len(), 2);
	}
}
