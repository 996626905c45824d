//! Named genesis presets, from which the node builds its chain specs.
//!
//! - `development` (`--dev`): Alice is the only authority and the sudo key; the well-known dev
//!   accounts are endowed.
//! - `local_testnet` (`--chain local`): Alice, Bob, Charlie and Dave are authorities, Alice is the
//!   sudo key; the same accounts are endowed. Four authorities are the smallest set that keeps
//!   finalizing with one of them down (GRANDPA needs more than two thirds).
//!
//! Both seat Alice, Bob and Charlie as the council and run governance [`DEV_PERIOD_DIVISOR`] times
//! faster than a production network. A production network's genesis comes from its operators'
//! file through [`network`]: authorities, council and endowments, and no sudo key.
//!
//! With the `runtime-benchmarks` feature there is a third, [`BENCHMARK_PRESET`], from which
//! `scripts/benchmark-pallets.sh` measures every pallet: the development chain with an empty
//! council and production referendum periods. The governance pallets' own benchmarks need both:
//! they count council members from zero and expect a referendum to spend a preparation period.

use alloc::{vec, vec::Vec};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{AccountId, Balance, TAO};
use pallet_ranked_collective::Rank;

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

/// The council of development chains: Alice, Bob and Charlie, each at the voting rank.
pub fn dev_council() -> Vec<(AccountId, Rank)> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.into_iter()
		.map(|key| (key.to_account_id(), pallet_governance::COUNCIL_RANK))
		.collect()
}

/// How much faster governance runs on development chains: a root referendum that a full council
/// passes at once enacts after about 25 blocks instead of two days' worth.
pub const DEV_PERIOD_DIVISOR: u32 = 600;

/// The root tempo of development chains: shares follow root weights within 11 blocks, where a
/// production network waits for its root epoch every [`pallet_root::DEFAULT_ROOT_TEMPO`] + 1.
pub const DEV_ROOT_TEMPO: u16 = 10;

/// The genesis of a network: what an operator's network file names (the node reads one with
/// `--chain network:<file>`; see `docs/network-template.json`). It has no sudo key.
pub struct NetworkGenesis {
	/// Aura and GRANDPA keys of each authority.
	pub authorities: Vec<(AuraId, GrandpaId)>,
	/// The first council: members and ranks.
	pub council: Vec<(AccountId, Rank)>,
	/// Balances at genesis.
	pub endowed: Vec<(AccountId, Balance)>,
	/// Divides every referendum period: 1 for production networks.
	pub period_divisor: u32,
}

/// The genesis state as a JSON patch over the default genesis config.
fn genesis(network: NetworkGenesis, sudo: Option<AccountId>) -> Value {
	let aura: Vec<&AuraId> = network.authorities.iter().map(|(aura, _)| aura).collect();
	let grandpa: Vec<(&GrandpaId, u64)> =
		network.authorities.iter().map(|(_, grandpa)| (grandpa, 1u64)).collect();
	serde_json::json!({
		"balances": { "balances": network.endowed },
		"aura": { "authorities": aura },
		"grandpa": { "authorities": grandpa },
		"sudo": { "key": sudo },
		"governance": { "council": network.council, "periodDivisor": network.period_divisor },
	})
}

/// The genesis of a network from its operators' file: no sudo key, so `Root` is reached only by
/// the council's referenda on the root track.
pub fn network(network: NetworkGenesis) -> Value {
	genesis(network, None)
}

/// A development chain: `authorities`, the dev accounts endowed, the dev council, Alice as sudo,
/// and subnets registered without waiting.
fn development_chain(authorities: Vec<(AuraId, GrandpaId)>) -> Value {
	let mut patch = genesis(
		NetworkGenesis {
			authorities,
			council: dev_council(),
			endowed: dev_balances(),
			period_divisor: DEV_PERIOD_DIVISOR,
		},
		Some(Sr25519Keyring::Alice.to_account_id()),
	);
	if let Some(patch) = patch.as_object_mut() {
		patch.insert("subnets".into(), serde_json::json!({ "networkRateLimit": 0 }));
		patch.insert("root".into(), serde_json::json!({ "tempo": DEV_ROOT_TEMPO }));
	}
	patch
}

/// The authority keys of a well-known dev identity.
fn dev_authority(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

fn dev_balances() -> Vec<(AccountId, Balance)> {
	endowed_dev_accounts().into_iter().map(|account| (account, DEV_ENDOWMENT)).collect()
}

/// The `development` preset: one authority (Alice), Alice as sudo, the dev council.
pub fn development() -> Value {
	development_chain(vec![dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)])
}

/// The `local_testnet` preset: four authorities (Alice, Bob, Charlie, Dave), Alice as sudo, the
/// dev council.
pub fn local_testnet() -> Value {
	development_chain(vec![
		dev_authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		dev_authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		dev_authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		dev_authority(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	])
}

/// The name of the preset that pallet benchmarks run on (`runtime-benchmarks` only).
#[cfg(feature = "runtime-benchmarks")]
pub const BENCHMARK_PRESET: &str = "benchmark";

/// The `benchmark` preset: the development chain without a council and with production
/// referendum periods. Registered under [`BENCHMARK_PRESET`] with `runtime-benchmarks` only.
pub fn benchmark() -> Value {
	let mut patch = development();
	if let Some(patch) = patch.as_object_mut() {
		patch.insert(
			"governance".into(),
			serde_json::json!({ "council": Vec::<(AccountId, Rank)>::new(), "periodDivisor": 1 }),
		);
	}
	patch
}

/// The JSON of a named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		#[cfg(feature = "runtime-benchmarks")]
		BENCHMARK_PRESET => benchmark(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime knows.
pub fn preset_names() -> Vec<PresetId> {
	#[allow(unused_mut)]
	let mut names =
		vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)];
	#[cfg(feature = "runtime-benchmarks")]
	names.push(PresetId::from(BENCHMARK_PRESET));
	names
}

/// The genesis state of a preset, for the runtime's own tests.
#[cfg(test)]
pub(crate) fn test_externalities(id: &str) -> sp_io::TestExternalities {
	let patch: Value = serde_json::from_slice(
		&get_preset(&PresetId::from(id)).unwrap_or_else(|| panic!("no preset {id}")),
	)
	.expect("presets are valid JSON");
	externalities_from_patch(patch)
}

/// The genesis state of a JSON patch over the default genesis config, for the runtime's tests.
#[cfg(test)]
pub(crate) fn externalities_from_patch(patch: Value) -> sp_io::TestExternalities {
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

	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("the patched config decodes");
	config.build_storage().expect("genesis builds").into()
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::traits::RankedMembers;
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
	fn local_testnet_preset_has_four_authorities() {
		test_externalities(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			let aura = pallet_aura::Authorities::<crate::Runtime>::get();
			let names = [
				Sr25519Keyring::Alice,
				Sr25519Keyring::Bob,
				Sr25519Keyring::Charlie,
				Sr25519Keyring::Dave,
			];
			let expected: Vec<AuraId> = names.iter().map(|key| key.public().into()).collect();
			assert_eq!(aura.to_vec(), expected);
			let grandpa = pallet_grandpa::Pallet::<crate::Runtime>::grandpa_authorities();
			let expected: Vec<GrandpaId> = [
				Ed25519Keyring::Alice,
				Ed25519Keyring::Bob,
				Ed25519Keyring::Charlie,
				Ed25519Keyring::Dave,
			]
			.iter()
			.map(|key| key.public().into())
			.collect();
			assert_eq!(grandpa.into_iter().map(|(id, _)| id).collect::<Vec<_>>(), expected);
		});
	}

	#[test]
	fn dev_chains_register_subnets_without_a_rate_limit_and_hold_the_lock() {
		use crate::{Runtime, RuntimeOrigin, Subnets};
		for id in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
			test_externalities(id).execute_with(|| {
				frame_system::Pallet::<Runtime>::set_block_number(1);
				assert_eq!(pallet_subnets::NetworkRateLimit::<Runtime>::get(), 0);
				assert_eq!(pallet_root::Tempo::<Runtime>::get(), DEV_ROOT_TEMPO);
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
				// The six endowments and the existential deposit that opens the stake
				// pallet's reward account.
				let issuance = pallet_balances::TotalIssuance::<crate::Runtime>::get();
				assert_eq!(issuance, DEV_ENDOWMENT * 6 + crate::EXISTENTIAL_DEPOSIT);
				assert!(issuance <= taonet_primitives::MAX_SUPPLY);
				assert!(!issuance.is_zero());
			});
		}
	}

	#[test]
	fn dev_chains_seat_the_dev_council_and_run_governance_fast() {
		for id in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
			test_externalities(id).execute_with(|| {
				for (member, rank) in dev_council() {
					assert_eq!(crate::Council::rank_of(&member), Some(rank));
				}
				assert_eq!(
					pallet_ranked_collective::MemberCount::<crate::Runtime>::get(
						pallet_governance::COUNCIL_RANK
					),
					3
				);
				assert_eq!(
					pallet_governance::Pallet::<crate::Runtime>::period_divisor(),
					DEV_PERIOD_DIVISOR
				);
			});
		}
	}

	#[test]
	fn the_benchmark_preset_has_no_council_and_production_periods() {
		externalities_from_patch(benchmark()).execute_with(|| {
			assert_eq!(
				pallet_ranked_collective::MemberCount::<crate::Runtime>::get(
					pallet_governance::COUNCIL_RANK
				),
				0
			);
			assert_eq!(crate::Council::rank_of(&Sr25519Keyring::Alice.to_account_id()), None);
			assert_eq!(pallet_governance::Pallet::<crate::Runtime>::period_divisor(), 1);
			// The rest is the development chain's.
			assert_eq!(pallet_subnets::NetworkRateLimit::<crate::Runtime>::get(), 0);
			assert_eq!(pallet_aura::Authorities::<crate::Runtime>::get().len(), 1);
		});
	}

	#[test]
	fn a_network_genesis_has_its_council_and_no_sudo_key() {
		let dave = Sr25519Keyring::Dave.to_account_id();
		let eve = Sr25519Keyring::Eve.to_account_id();
		let patch = network(NetworkGenesis {
			authorities: vec![dev_authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob)],
			council: vec![(dave.clone(), 1), (eve.clone(), 2)],
			endowed: vec![(dave.clone(), 10 * TAO)],
			period_divisor: 1,
		});
		externalities_from_patch(patch).execute_with(|| {
			assert_eq!(pallet_sudo::Key::<crate::Runtime>::get(), None);
			let rank = |who: &AccountId| crate::Council::rank_of(who);
			assert_eq!((rank(&dave), rank(&eve)), (Some(1), Some(2)));
			assert_eq!(rank(&Sr25519Keyring::Alice.to_account_id()), None);
			assert_eq!(pallet_governance::Pallet::<crate::Runtime>::period_divisor(), 1);
			assert_eq!(pallet_balances::Pallet::<crate::Runtime>::free_balance(&dave), 10 * TAO);
			let bob: AuraId = Sr25519Keyring::Bob.public().into();
			assert_eq!(pallet_aura::Authorities::<crate::Runtime>::get().to_vec(), vec![bob]);
			// Subnet registration keeps its production rate limit.
			assert_ne!(pallet_subnets::NetworkRateLimit::<crate::Runtime>::get(), 0);
			// Shares follow root weights once per production root tempo.
			assert_eq!(
				pallet_root::Tempo::<crate::Runtime>::get(),
				pallet_root::DEFAULT_ROOT_TEMPO
			);
		});
	}

	#[test]
	fn unknown_preset_is_none() {
		assert!(get_preset(&PresetId::from("mainnet-please")).is_none());
		assert_eq!(preset_names().len(), 2);
	}
}
