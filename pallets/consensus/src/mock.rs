//! A test runtime: System, Balances, the subnets pallet (which tells this pallet of replaced
//! neurons) and this pallet.

use crate as pallet_consensus;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
		Stake: pallet_stake,
		Consensus: pallet_consensus,
	}
);

taonet_test_runtime::system_and_balances!(Test);
taonet_test_runtime::subnets_config!(Test { hooks: Consensus, shares: (), scores: Consensus });
taonet_test_runtime::stake_config!(Test);
taonet_test_runtime::consensus_config!(Test);
taonet_test_runtime::test_ext!(Test, try_state: [Subnets, Stake, Consensus]);

/// Coldkeys 1..=5 hold 100,000 TAO each; hotkeys are 100 and up.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// The events this pallet deposited, oldest first.
pub fn consensus_events() -> Vec<pallet_consensus::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Consensus(event) => Some(event),
			_ => None,
		})
		.collect()
}
