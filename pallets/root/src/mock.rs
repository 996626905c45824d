//! A test runtime with what the root network reads: Balances, Subnets and Stake, and subnets'
//! activity as the tests set it.

use crate as pallet_root;
use core::cell::RefCell;
use taonet_primitives::{NetUid, SubnetActivity};

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
		Stake: pallet_stake,
		Root: pallet_root,
	}
);

thread_local! {
	/// The subnets the tests made active.
	pub static ACTIVE: RefCell<Vec<NetUid>> = const { RefCell::new(Vec::new()) };
}

/// Subnets are active when a test says so ([`set_active`]).
pub struct TestActivity;
impl SubnetActivity for TestActivity {
	fn is_active(netuid: NetUid) -> bool {
		ACTIVE.with(|active| active.borrow().contains(&netuid))
	}
}

/// Makes `netuid` active, as a consensus reached in its epoch would.
pub fn set_active(netuid: NetUid) {
	ACTIVE.with(|active| active.borrow_mut().push(netuid));
}

taonet_test_runtime::system_and_balances!(Test);
taonet_test_runtime::subnets_config!(Test { hooks: Root, shares: Root, scores: () });
taonet_test_runtime::stake_config!(Test);
taonet_test_runtime::root_config!(Test { activity: TestActivity });
taonet_test_runtime::test_ext!(Test, try_state: [Subnets, Stake, Root], with root);

/// Coldkeys 1..=5 hold 100,000 TAO each, hotkeys 100..=110 1 TAO; root tempo 10.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().root_tempo(10).build()
}

/// The events this pallet deposited, oldest first.
pub fn root_events() -> Vec<pallet_root::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Root(event) => Some(event),
			_ => None,
		})
		.collect()
}
