//! # Taonet test runtime
//!
//! The pieces of a mock runtime that the tests of several pallets share, as macros expanded in
//! the test crate. A crate of ordinary code could not hold them: the consensus pallet's tests
//! need a runtime that includes the consensus pallet, and a shared crate depending on
//! `pallet-consensus` would link a second copy of it beside the one under test. Macros name the
//! pallets by path (`pallet_subnets`, `pallet_consensus`, ...), so the test crate resolves them:
//! its own pallet through `use crate as pallet_x`, the others through its dev-dependencies.
//!
//! A test runtime declares `construct_runtime!` with the pallets it needs, then
//! [`system_and_balances!`] and the configs of the Taonet pallets it includes, then
//! [`test_ext!`] for its genesis (`ExtBuilder`) and `run_to_block`. The configs are those of the
//! runtime where they matter to the tests (u64 accounts, rao balances, an existential deposit of
//! 500, RocksDB weights, 4,096 UIDs, 256 validators) and small where a test wants to reach a
//! limit (8 subnets, 2 root validators).

#![no_std]

/// System and Balances for `$runtime`: `u64` accounts, balances in rao, an existential deposit
/// of 500 rao, RocksDB's read and write weights. Needs `RuntimeHoldReason` from
/// `construct_runtime!`.
#[macro_export]
macro_rules! system_and_balances {
	($runtime:ident) => {
		/// Accounts are plain numbers: coldkeys 1..=5, hotkeys from 100.
		pub type AccountId = u64;

		// Each `derive_impl` in its own scope: the helper items it declares would clash.
		const _: () = {
			use frame_support::derive_impl;
			#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
			impl frame_system::Config for $runtime {
				type Block = frame_system::mocking::MockBlock<$runtime>;
				type DbWeight = frame_support::weights::constants::RocksDbWeight;
				type AccountData = pallet_balances::AccountData<taonet_primitives::Balance>;
			}
		};

		const _: () = {
			use frame_support::derive_impl;
			#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
			impl pallet_balances::Config for $runtime {
				type Balance = taonet_primitives::Balance;
				type ExistentialDeposit = frame_support::traits::ConstU64<500>;
				type AccountStore = System;
				type RuntimeHoldReason = RuntimeHoldReason;
			}
		};
	};
}

/// The subnets pallet for `$runtime`, at most 8 subnets, with the hooks, shares and scores
/// given (each a type implementing the trait, or `()`).
#[macro_export]
macro_rules! subnets_config {
	($runtime:ident { hooks: $hooks:ty, shares: $shares:ty, scores: $scores:ty $(,)? }) => {
		frame_support::parameter_types! {
			pub const MaxSubnets: u16 = 8;
			pub const MaxSubnetsU32: u32 = 8;
		}

		impl pallet_subnets::Config for $runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
			type NeuronHooks = $hooks;
			type Shares = $shares;
			type Scores = $scores;
			type MaxSubnets = MaxSubnets;
			type WeightInfo = ();
		}
	};
}

/// The stake pallet for `$runtime`, its hotkeys owned as the subnets pallet binds them.
#[macro_export]
macro_rules! stake_config {
	($runtime:ident) => {
		frame_support::parameter_types! {
			pub const StakePalletId: frame_support::PalletId =
				frame_support::PalletId(*b"tao/stak");
		}

		impl pallet_stake::Config for $runtime {
			type Currency = Balances;
			type RuntimeHoldReason = RuntimeHoldReason;
			type Hotkeys = Subnets;
			type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
			type PalletId = StakePalletId;
			type WeightInfo = ();
		}
	};
}

/// The consensus pallet for `$runtime`: 4,096 UIDs and 256 validators, as the runtime has.
#[macro_export]
macro_rules! consensus_config {
	($runtime:ident) => {
		frame_support::parameter_types! {
			pub const MaxUids: u32 = 4_096;
		}

		impl pallet_consensus::Config for $runtime {
			type Subnets = Subnets;
			type Stake = Stake;
			type MaxUids = MaxUids;
			type MaxValidators = frame_support::traits::ConstU32<256>;
			type WeightInfo = ();
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = Subnets;
		}
	};
}

/// The root pallet for `$runtime`: 2 root validators, subnet activity from `activity`.
#[macro_export]
macro_rules! root_config {
	($runtime:ident { activity: $activity:ty $(,)? }) => {
		frame_support::parameter_types! {
			pub const MaxRootValidators: u32 = 2;
		}

		impl pallet_root::Config for $runtime {
			type Subnets = Subnets;
			type Hotkeys = Subnets;
			type Stake = Stake;
			type Activity = $activity;
			type MaxSubnets = MaxSubnetsU32;
			type MaxRootValidators = MaxRootValidators;
			type WeightInfo = ();
			#[cfg(feature = "runtime-benchmarks")]
			type BenchmarkHelper = Subnets;
		}
	};
}

/// The genesis and block driver of a runtime with the subnets and stake pallets (and the root
/// pallet, `with root`): `test_ext!(Test, try_state: [Subnets, Stake], with root)`.
///
/// - `ExtBuilder`: coldkeys 1..=5 hold 100,000 TAO each and hotkeys 100..=110 hold 1 TAO for
///   fees; subnets register without a rate limit; `issuance(i)` tops total issuance up to `i`
///   with account 99; `root_tempo(t)` sets the root pallet's tempo (10 unless set). It starts at
///   block 1.
/// - `run_to_block(n)`: each block runs every pallet's `on_initialize` in index order, as the
///   runtime does (`next_block`), then checks every listed pallet's invariants (`do_try_state`).
#[macro_export]
macro_rules! test_ext {
	($runtime:ident, try_state: [$($pallet:ident),* $(,)?] $(, with $root:ident)? $(,)?) => {
		/// The test genesis; see `taonet_test_runtime::test_ext!`.
		#[allow(dead_code)]
		pub struct ExtBuilder {
			issuance: taonet_primitives::Balance,
			root_tempo: u16,
		}

		impl Default for ExtBuilder {
			fn default() -> Self {
				Self { issuance: 0, root_tempo: 10 }
			}
		}

		#[allow(dead_code)]
		impl ExtBuilder {
			/// Tops total issuance at genesis up to `issuance` (when above the others') with
			/// account 99.
			pub fn issuance(mut self, issuance: taonet_primitives::Balance) -> Self {
				self.issuance = issuance;
				self
			}

			/// The root pallet's tempo (0: shares every block).
			pub fn root_tempo(mut self, tempo: u16) -> Self {
				self.root_tempo = tempo;
				self
			}

			/// The externalities, at block 1.
			pub fn build(self) -> sp_io::TestExternalities {
				use sp_runtime::BuildStorage;
				use taonet_primitives::{Balance, TAO};
				let mut storage = frame_system::GenesisConfig::<$runtime>::default()
					.build_storage()
					.expect("the system genesis builds");
				let mut balances: Vec<(AccountId, Balance)> = (1..=5)
					.map(|who| (who, 100_000 * TAO))
					.chain((100..=110).map(|hotkey| (hotkey, TAO)))
					.collect();
				// The stake pallet's genesis seeds its reward account with the existential
				// deposit.
				let seed: Balance = <<$runtime as pallet_balances::Config>::ExistentialDeposit
					as frame_support::traits::Get<Balance>>::get();
				let others: Balance = balances.iter().map(|(_, b)| b).sum::<Balance>() + seed;
				if self.issuance > others {
					balances.push((99, self.issuance - others));
				}
				pallet_balances::GenesisConfig::<$runtime> { balances, ..Default::default() }
					.assimilate_storage(&mut storage)
					.expect("the balances genesis builds");
				pallet_subnets::GenesisConfig::<$runtime> {
					network_rate_limit: Some(0),
					min_lock_cost: None,
					subnet_limit: Some(8),
					_config: Default::default(),
				}
				.assimilate_storage(&mut storage)
				.expect("the subnets genesis builds");
				pallet_stake::GenesisConfig::<$runtime>::default()
					.assimilate_storage(&mut storage)
					.expect("the stake genesis builds");
				$(
					$crate::test_ext!(@root $root);
					pallet_root::GenesisConfig::<$runtime> {
						tempo: Some(self.root_tempo),
						_config: Default::default(),
					}
					.assimilate_storage(&mut storage)
					.expect("the root genesis builds");
				)?
				let mut ext = sp_io::TestExternalities::new(storage);
				ext.execute_with(|| System::set_block_number(1));
				ext
			}
		}

		/// Runs one block: every pallet's `on_initialize` in index order, no checks (for a
		/// test that breaks an invariant on purpose).
		#[allow(dead_code)]
		pub fn next_block() {
			use frame_support::traits::OnInitialize;
			let block = System::block_number() + 1;
			System::set_block_number(block);
			AllPalletsWithSystem::on_initialize(block);
		}

		/// Runs blocks up to `n` ([`next_block`]), checking every listed pallet's invariants
		/// after each.
		#[allow(dead_code)]
		pub fn run_to_block(n: u64) {
			while System::block_number() < n {
				next_block();
				let block = System::block_number();
				$(
					$pallet::do_try_state().unwrap_or_else(|e| {
						panic!("{}'s invariants after block {block}: {e:?}", stringify!($pallet))
					});
				)*
			}
		}
	};
	(@root root) => {};
}
