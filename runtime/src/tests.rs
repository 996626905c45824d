//! Whole-runtime scenario: two subnets, validators with different stakes, a nominator, miners,
//! weights, several epochs. Every payout is computed here from the state before the epoch (the
//! brief's formulas, not the pallets' code) and matched within [`TOLERANCE`] rao; what must be
//! exact (the owner's cut, the issuance, the sums) is matched exactly. The pallets' invariants
//! are checked after every block.

use crate::{
	AccountId, AllPalletsWithSystem, Balance, Balances, BlockNumber, BuildStorage, Consensus,
	Emission, Runtime, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, Stake, Subnets, System,
	TAO,
};
use frame_support::{
	assert_ok,
	traits::{fungible::Inspect, OnInitialize},
};
use pallet_stake::StakeParam;
use pallet_subnets::SubnetParam;
use taonet_primitives::{emission::block_emission, NetUid, StakeInterface};

/// Rao by which a payout may differ from the exact fraction: the epoch computes in Q32.32
/// fixed point (an error below `emission · 2^-32` per step, a few rao at these amounts) and
/// rounds each payment down.
const TOLERANCE: Balance = 16;

/// The owner's cut, 18%, rounded down.
fn owner_cut(pending: Balance) -> Balance {
	pending * 18 / 100
}

/// A validator's take at the default 18% (11,796 / 65,535), rounded down.
fn take(amount: Balance) -> Balance {
	amount * 11_796 / 65_535
}

fn acc(n: u8) -> AccountId {
	AccountId::from([n; 32])
}

const NET1: NetUid = NetUid(1);
const NET2: NetUid = NetUid(2);

// Coldkeys.
fn alice() -> AccountId {
	acc(1)
}
fn bob() -> AccountId {
	acc(2)
}
fn c1() -> AccountId {
	acc(3)
}
fn c2() -> AccountId {
	acc(4)
}
fn nominator() -> AccountId {
	acc(5)
}
fn miner_cold() -> AccountId {
	acc(6)
}
fn c3() -> AccountId {
	acc(7)
}
// Hotkeys.
fn owner_hot1() -> AccountId {
	acc(11)
}
fn owner_hot2() -> AccountId {
	acc(12)
}
fn v1() -> AccountId {
	acc(13)
}
fn v2() -> AccountId {
	acc(14)
}
fn v3() -> AccountId {
	acc(15)
}
fn m(i: u8) -> AccountId {
	acc(20 + i)
}

fn new_ext() -> sp_io::TestExternalities {
	// Shares every block, so that each block's accrual follows the activity before it, as
	// [`before`] computes it; `a_new_subnet_shares_at_once_and_root_weights_wait_for_the_root_epoch`
	// runs the production tempo.
	ext_with_root_tempo(Some(0))
}

/// The scenario's genesis (seven funded coldkeys, no network rate limit) at `root_tempo` (the
/// default when `None`).
fn ext_with_root_tempo(root_tempo: Option<u16>) -> sp_io::TestExternalities {
	let mut config = RuntimeGenesisConfig::default();
	config.balances.balances = (1..=7).map(|n| (acc(n), 100_000 * TAO)).collect();
	config.subnets.network_rate_limit = Some(0);
	config.root.tempo = root_tempo;
	let storage = config.build_storage().expect("the genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// One block's hooks, then every invariant: issuance, stake, subnets.
fn next_block() {
	let n = System::block_number() + 1;
	System::reset_events();
	System::set_block_number(n);
	AllPalletsWithSystem::on_initialize(n);
	Emission::do_try_state().expect("issuance + pending = genesis + minted - recycled <= 21M");
	Stake::do_try_state().expect("stake invariants hold");
	Subnets::do_try_state().expect("subnet invariants hold");
	pallet_root::Pallet::<Runtime>::do_try_state().expect("root network invariants hold");
}

/// Runs blocks until block `block`.
fn run_to(block: u32) {
	while System::block_number() < block {
		next_block();
	}
}

/// V1 and V2 set the same weights on subnet 1.
fn validators_weight(uids: Vec<u16>, weights: Vec<u16>) {
	for validator in [v1(), v2()] {
		assert_ok!(Consensus::set_weights(
			RuntimeOrigin::signed(validator),
			NET1,
			uids.clone().try_into().unwrap(),
			weights.clone().try_into().unwrap(),
			0
		));
	}
}

fn is_epoch_block(netuid: NetUid, block: u32) -> bool {
	// Tempo 10: `(block + netuid + 1) / 11` changes.
	(block + u32::from(netuid.0) + 1).is_multiple_of(11)
}

fn uid(netuid: NetUid, hotkey: &AccountId) -> u16 {
	pallet_subnets::Uids::<Runtime>::get(netuid, hotkey).expect("registered").0
}

/// Subnet 1 (Alice's): validators V1 (300 TAO of C1 and 100 TAO of a nominator) and V2 (100
/// TAO), miners M1..M3. Subnet 2 (Bob's): validator V3 (200 TAO), miner M4. Tempo 10, no
/// weights rate limit.
fn setup() {
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(alice()), owner_hot1()));
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(bob()), owner_hot2()));
	for netuid in [NET1, NET2] {
		for param in [
			SubnetParam::Tempo(10),
			SubnetParam::MaxRegistrationsPerBlock(16),
			SubnetParam::WeightsRateLimit(0),
		] {
			assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param));
		}
	}
	for (netuid, coldkey, hotkey) in [
		(NET1, c1(), v1()),
		(NET1, c2(), v2()),
		(NET1, miner_cold(), m(1)),
		(NET1, miner_cold(), m(2)),
		(NET1, miner_cold(), m(3)),
		(NET2, c3(), v3()),
		(NET2, miner_cold(), m(4)),
	] {
		assert_ok!(Subnets::burned_register(
			RuntimeOrigin::signed(coldkey),
			netuid,
			hotkey,
			Balance::MAX
		));
	}
	for (coldkey, hotkey, amount) in [
		(c1(), v1(), 300 * TAO),
		(nominator(), v1(), 100 * TAO),
		(c2(), v2(), 100 * TAO),
		(c3(), v3(), 200 * TAO),
	] {
		assert_ok!(Stake::add_stake(RuntimeOrigin::signed(coldkey), hotkey, amount));
	}
	// Rewards stream over one tempo, as the default period is one default tempo: each epoch's
	// stream is released by the next epoch.
	assert_ok!(Stake::set_stake_parameter(RuntimeOrigin::root(), StakeParam::RewardPeriod(10)));
}

/// What the test reads before an epoch block.
struct Before {
	pending: Balance,
	issuance: Balance,
	total_stake: Balance,
	owner_free: Balance,
	stakes: Vec<(AccountId, Balance)>,
	positions: Vec<(AccountId, AccountId, Balance)>,
}

/// What a position will be worth once the rewards streaming to its pool are released.
fn position(hotkey: &AccountId, coldkey: &AccountId) -> Balance {
	let pool = pallet_stake::Pools::<Runtime>::get(hotkey).at(BlockNumber::MAX);
	pallet_stake::Positions::<Runtime>::get(hotkey, coldkey)
		.map_or(0, |position| pool.value_of(position.shares))
}

fn epoch_paid(netuid: NetUid) -> (Balance, Balance, Balance) {
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::Emission(pallet_emission::Event::EpochPaid {
				netuid: n,
				owner_cut,
				paid,
				kept,
			}) if n == netuid => Some((owner_cut, paid, kept)),
			_ => None,
		})
		.expect("the epoch paid")
}

fn assert_near(actual: Balance, expected: Balance, what: &str) {
	assert!(
		actual.abs_diff(expected) <= TOLERANCE,
		"{what}: {actual} rao, expected {expected} ± {TOLERANCE}"
	);
}

/// Reads the state the epoch will start from; the block's own accrual is added here: without
/// root weights, equal shares among the active subnets (those whose last epoch reached a
/// consensus), or among both while neither is.
fn before(netuid: NetUid, owner: &AccountId, hotkeys: &[AccountId]) -> Before {
	let supply = Balances::total_issuance() + pallet_emission::TotalPending::<Runtime>::get();
	let active = |n: NetUid| pallet_consensus::ActiveSubnets::<Runtime>::contains_key(n);
	let actives = [NET1, NET2].into_iter().filter(|&n| active(n)).count() as u64;
	let share = match (actives, active(netuid)) {
		(0, _) => block_emission(supply) / 2,
		(_, true) => block_emission(supply) / actives,
		(_, false) => 0,
	};
	Before {
		pending: pallet_emission::PendingEmission::<Runtime>::get(netuid) + share,
		issuance: Balances::total_issuance(),
		total_stake: Stake::total_stake(),
		owner_free: Balances::balance(owner),
		stakes: hotkeys.iter().map(|h| (h.clone(), Stake::hotkey_stake(h))).collect(),
		positions: [(v1(), c1()), (v1(), nominator())]
			.into_iter()
			.map(|(h, c)| {
				let stake = position(&h, &c);
				(h, c, stake)
			})
			.collect(),
	}
}

fn stake_of(before: &Before, hotkey: &AccountId) -> Balance {
	before.stakes.iter().find(|(h, _)| h == hotkey).map(|(_, s)| *s).unwrap_or(0)
}

/// Checks one epoch's payout: `miners` with their consensus weights (the validators agree, so
/// incentive is the normalized weight), `validators` whose dividends follow their stake (the
/// same rows, so the same bonds per unit of stake).
fn check_epoch(
	netuid: NetUid,
	owner: &AccountId,
	before: &Before,
	miners: &[(AccountId, u64)],
	validators: &[AccountId],
) {
	let (cut, paid, kept) = epoch_paid(netuid);
	let expected_cut = owner_cut(before.pending);
	assert_eq!(cut, expected_cut, "owner cut: exactly 18% of pending");
	assert_eq!(Balances::balance(owner), before.owner_free + cut, "the cut goes to the owner");
	let split = before.pending - cut;
	let miner_half = split / 2;
	let validator_half = split - miner_half;

	// Miners: 41% by incentive, into each miner hotkey's position of its coldkey.
	let weight_sum: u64 = miners.iter().map(|(_, w)| w).sum();
	let mut miners_paid = 0;
	for (hotkey, weight) in miners {
		let grown = Stake::hotkey_stake(hotkey) - stake_of(before, hotkey);
		assert_near(grown, miner_half * weight / weight_sum, "miner emission");
		miners_paid += grown;
		let out = &pallet_consensus::Outputs::<Runtime>::get(netuid)[uid(netuid, hotkey) as usize];
		let incentive = u64::from(u16::MAX) * weight / weight_sum;
		assert!(u64::from(out.incentive).abs_diff(incentive) <= 1, "incentive {}", out.incentive);
	}

	// Validators: 41% by dividends, in proportion to stake.
	let stake_sum: Balance = validators.iter().map(|v| stake_of(before, v)).sum();
	let mut validators_paid = 0;
	for hotkey in validators {
		let grown = Stake::hotkey_stake(hotkey) - stake_of(before, hotkey);
		let expected = (u128::from(validator_half) * u128::from(stake_of(before, hotkey))
			/ u128::from(stake_sum)) as Balance;
		assert_near(grown, expected, "validator dividends");
		validators_paid += grown;
		let out = &pallet_consensus::Outputs::<Runtime>::get(netuid)[uid(netuid, hotkey) as usize];
		assert!(out.dividends > 0 && out.validator_permit);
	}

	// V1's nominator: the dividends less the take, pro rata to its stake in the pool.
	if validators.contains(&v1()) {
		let dividends = Stake::hotkey_stake(&v1()) - stake_of(before, &v1());
		let rest = dividends - take(dividends);
		let (_, _, nominator_before) = &before.positions[1];
		let grown = position(&v1(), &nominator()) - nominator_before;
		// The take is staked to the owner's position first, so the rest is shared over the
		// pool grown by it.
		let pool = stake_of(before, &v1()) + take(dividends);
		let expected =
			(u128::from(rest) * u128::from(*nominator_before) / u128::from(pool)) as Balance;
		assert_near(grown, expected, "nominator growth");
		let (_, _, owner_before) = &before.positions[0];
		let owner_grown = position(&v1(), &c1()) - owner_before;
		assert_near(owner_grown + grown, dividends, "the take and the rest go to V1's positions");
		// The take counts at once; the rest reaches the share price over the reward period.
		assert_eq!(Stake::pool(&v1()).streaming, rest, "the rest streams");
		assert!(Stake::position_stake(&v1(), &nominator()) < nominator_before + grown);
	}

	// Exact books: the stake grew by what was paid, issuance by the cut and the payments,
	// and only rounding stayed pending.
	assert_eq!(paid, miners_paid + validators_paid);
	assert_eq!(Stake::total_stake() - before.total_stake, paid);
	assert_eq!(Balances::total_issuance() - before.issuance, cut + paid);
	assert_eq!(kept, before.pending - cut - paid);
	assert_eq!(pallet_emission::PendingEmission::<Runtime>::get(netuid), kept);
	assert!(kept <= 2 * TOLERANCE, "kept {kept}");
}

#[test]
fn validators_weights_move_tao_to_miners_validators_nominators_and_owners() {
	new_ext().execute_with(|| {
		setup();
		let genesis_issuance = Balances::total_issuance();
		// The first epochs (blocks 8 and 9) hand out permits; nobody has weights yet.
		run_to(9);
		for (netuid, hotkey) in [(NET1, v1()), (NET1, v2()), (NET2, v3())] {
			let permits = pallet_consensus::ValidatorPermits::<Runtime>::get(netuid);
			assert!(permits[uid(netuid, &hotkey) as usize], "a staked validator has a permit");
		}
		// V1 and V2 rate M1 and M2 3:1 (M3 not at all); V3 rates M4.
		let (m1, m2) = (uid(NET1, &m(1)), uid(NET1, &m(2)));
		validators_weight(vec![m1, m2], vec![3, 1]);
		assert_ok!(Consensus::set_weights(
			RuntimeOrigin::signed(v3()),
			NET2,
			vec![uid(NET2, &m(4))].try_into().unwrap(),
			vec![1].try_into().unwrap(),
			0
		));
		let net1_hotkeys = [owner_hot1(), v1(), v2(), m(1), m(2), m(3)];
		let net2_hotkeys = [owner_hot2(), v3(), m(4)];
		let mut epochs = 0;
		while System::block_number() < 42 {
			let block = System::block_number() + 1;
			let net1 = is_epoch_block(NET1, block).then(|| before(NET1, &alice(), &net1_hotkeys));
			let net2 = is_epoch_block(NET2, block).then(|| before(NET2, &bob(), &net2_hotkeys));
			next_block();
			if let Some(before) = net1 {
				check_epoch(NET1, &alice(), &before, &[(m(1), 3), (m(2), 1)], &[v1(), v2()]);
				// M3 is rated by nobody and the owner's hotkey has no stake: nothing for them.
				assert_eq!(Stake::hotkey_stake(&m(3)), 0);
				assert_eq!(Stake::hotkey_stake(&owner_hot1()), 0);
				epochs += 1;
			}
			if let Some(before) = net2 {
				check_epoch(NET2, &bob(), &before, &[(m(4), 1)], &[v3()]);
				epochs += 1;
			}
		}
		assert_eq!(epochs, 6, "three epochs per subnet after the first");
		// Issuance grew over the whole run by what was minted: the blocks' emission less what
		// is still pending (registration burns are on the books from genesis on).
		let emitted = pallet_emission::TotalEmitted::<Runtime>::get();
		let pending = pallet_emission::TotalPending::<Runtime>::get();
		assert_eq!(Balances::total_issuance() + pending, genesis_issuance + emitted);
		assert_eq!(emitted, 41 * TAO, "blocks 2..=42 emitted 1 TAO each");
	});
}

/// The runtime API's answers after the scenario's epochs: what the chain holds, read back.
#[test]
fn the_runtime_api_answers_from_the_chain_state() {
	use crate::queries;
	new_ext().execute_with(|| {
		setup();
		run_to(9);
		let (m1, m2) = (uid(NET1, &m(1)), uid(NET1, &m(2)));
		validators_weight(vec![m1, m2], vec![3, 1]);
		run_to(20);
		let subnets = queries::subnets();
		assert_eq!(subnets.iter().map(|s| s.netuid).collect::<Vec<_>>(), vec![NET1, NET2]);
		assert_eq!(subnets[0].owner, alice());
		assert_eq!(subnets[0].neurons, 6);
		assert_eq!(subnets[0].emission_share_ppb + subnets[1].emission_share_ppb, 1_000_000_000);
		assert_eq!(subnets[0].blocks_to_next_epoch, 11, "its epoch ran at block 20");
		let metagraph = queries::metagraph(NET1, true).expect("subnet 1");
		assert_eq!(metagraph.neurons.len(), 6);
		let outputs = pallet_consensus::Outputs::<Runtime>::get(NET1);
		for neuron in &metagraph.neurons {
			let out = &outputs[neuron.uid as usize];
			assert_eq!(
				(neuron.incentive, neuron.dividends, neuron.emission),
				(out.incentive, out.dividends, out.emission)
			);
			assert_eq!(neuron.stake, Stake::hotkey_stake(&neuron.hotkey));
		}
		let miner = queries::neuron_by_hotkey(NET1, m(1)).expect("registered");
		assert_eq!((miner.uid, miner.coldkey.clone()), (m1, Some(miner_cold())));
		assert!(miner.incentive > queries::neuron(NET1, m2).expect("registered").incentive);
		assert_eq!(metagraph.weights.len(), 2, "the two validators' rows");
		assert!(queries::metagraph(NetUid(9), false).is_none());
		assert!(queries::neuron(NET1, 99).is_none());
		assert!(queries::neuron_by_hotkey(NET2, m(1)).is_none());
		let positions = Stake::stake_positions(&nominator());
		assert_eq!(positions.len(), 1);
		assert_eq!(positions[0].stake, Stake::position_stake(&v1(), &nominator()));
		assert!(positions[0].stake < position(&v1(), &nominator()), "its rewards still stream");
		let delegates = Stake::delegates();
		let first = &delegates[0];
		assert_eq!(first.hotkey, v1(), "most stake first");
		assert_eq!(first.nominators.len(), 2);
		// Block 20 paid V1's dividends: their rest still streams, outside the positions' worth.
		let worth = first.nominators.iter().map(|(_, s)| s).sum::<Balance>();
		let streaming = Stake::pool(&v1()).streaming;
		assert!(streaming > 0);
		assert!(worth <= first.total_stake - streaming);
		assert!(first.total_stake - streaming - worth <= 2, "rounding only");
	});
}

/// A neuron that takes over a UID shows none of its predecessor's results, though the last
/// epoch's outputs for the UID are still stored; from its first epoch on it shows its own.
#[test]
fn a_new_neuron_shows_no_results_of_the_uid_it_took() {
	use crate::queries;
	new_ext().execute_with(|| {
		setup();
		run_to(9);
		let miners = [uid(NET1, &m(1)), uid(NET1, &m(2)), uid(NET1, &m(3))];
		validators_weight(miners.to_vec(), vec![4, 1, 1]);
		run_to(20);
		// Full, and no immunity: the next registration replaces the weakest miner.
		for param in [SubnetParam::MaxUids(6), SubnetParam::ImmunityPeriod(0)] {
			assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), NET1, param));
		}
		next_block();
		let newcomer = acc(30);
		assert_ok!(Subnets::burned_register(
			RuntimeOrigin::signed(miner_cold()),
			NET1,
			newcomer.clone(),
			Balance::MAX
		));
		let taken = uid(NET1, &newcomer);
		assert!(miners[1..].contains(&taken), "a weakest miner's UID");
		// The predecessor's results and permit are cleared when the UID is taken.
		let stored = pallet_consensus::Outputs::<Runtime>::get(NET1)[taken as usize];
		assert_eq!(stored, pallet_consensus::NeuronOutput::default(), "no predecessor results");
		let neuron = queries::neuron(NET1, taken).expect("registered");
		assert_eq!(neuron.hotkey, newcomer);
		assert_eq!(
			(neuron.active, neuron.incentive, neuron.dividends, neuron.emission, neuron.rank),
			(false, 0, 0, 0, 0)
		);
		// Its first epoch (block 31): active from its registration on.
		run_to(31);
		assert!(queries::neuron(NET1, taken).expect("registered").active);
	});
}

/// Delegation at Bittensor's scale in the whole runtime: 10,000 nominators on one validator.
/// Its dividends are one pool payment made in the epoch's own block, and each nominator's
/// position grows by its share of them once the stream is released; the stake pallet's books
/// (`try_state`, after every block) balance over all 10,000 positions.
#[test]
fn ten_thousand_nominators_on_one_validator_are_paid_in_the_epochs_block() {
	const NOMINATORS: u32 = 10_000;
	let nominator_n = |i: u32| {
		let mut key = [0xA0; 32];
		key[..4].copy_from_slice(&i.to_le_bytes());
		AccountId::from(key)
	};
	new_ext().execute_with(|| {
		setup();
		for i in 0..NOMINATORS {
			let who = nominator_n(i);
			assert_ok!(Balances::transfer_keep_alive(
				RuntimeOrigin::signed(alice()),
				who.clone().into(),
				TAO
			));
			// 0.01 TAO and up, each a different amount.
			let amount = TAO / 100 + Balance::from(i) * 10_000;
			assert_ok!(Stake::add_stake(RuntimeOrigin::signed(who), v1(), amount));
		}
		assert_eq!(pallet_stake::Positions::<Runtime>::iter_prefix(v1()).count(), 10_002);
		run_to(9);
		let (m1, m2) = (uid(NET1, &m(1)), uid(NET1, &m(2)));
		validators_weight(vec![m1, m2], vec![3, 1]);
		while !is_epoch_block(NET1, System::block_number() + 1) {
			next_block();
		}
		let sample = [0, NOMINATORS / 2, NOMINATORS - 1].map(nominator_n);
		let worth_before = sample.clone().map(|coldkey| position(&v1(), &coldkey));
		let stake_before = Stake::hotkey_stake(&v1());
		next_block();
		// The payout was made in the epoch's block: its books are out in the same block.
		let (_, paid, _) = epoch_paid(NET1);
		assert!(paid > 0);
		let (amount, take) = System::events()
			.into_iter()
			.find_map(|record| match record.event {
				RuntimeEvent::Stake(pallet_stake::Event::HotkeyRewarded {
					hotkey,
					amount,
					take,
					..
				}) if hotkey == v1() => Some((amount, take)),
				_ => None,
			})
			.expect("V1's dividends were paid");
		assert!(amount > take && take > 0);
		assert_eq!(Stake::hotkey_stake(&v1()), stake_before + amount);
		// Each nominator's claim grew by its share of the dividends after the take.
		let shares = pallet_stake::Pools::<Runtime>::get(v1()).shares;
		for (coldkey, before) in sample.iter().zip(worth_before) {
			let own =
				pallet_stake::Positions::<Runtime>::get(v1(), coldkey).expect("staked").shares;
			let expected = u128::from(amount - take) * own / shares;
			assert_near(position(&v1(), coldkey) - before, expected as Balance, "nominator growth");
			assert!(expected > 0);
		}
		// Released over the reward period, as for any pool.
		run_to(System::block_number() + 10);
		assert_eq!(
			pallet_stake::Pools::<Runtime>::get(v1()).at(System::block_number()).streaming,
			0
		);
	});
}

/// At the production root tempo, a new subnet shares from the block after its registration
/// (the root pallet's hook runs before emission's), while root weights wait for the root epoch.
#[test]
fn a_new_subnet_shares_at_once_and_root_weights_wait_for_the_root_epoch() {
	ext_with_root_tempo(None).execute_with(|| {
		let tempo = pallet_root::Tempo::<Runtime>::get();
		assert_eq!(tempo, pallet_root::DEFAULT_ROOT_TEMPO);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(alice()), owner_hot1()));
		next_block();
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(bob()), owner_hot2()));
		let pending = |n| pallet_emission::PendingEmission::<Runtime>::get(n);
		let (one, two) = (pending(NET1), pending(NET2));
		next_block();
		let emitted = pending(NET1) - one + pending(NET2) - two;
		assert!(emitted > 0);
		assert_eq!(pending(NET2) - two, emitted / 2, "subnet 2 accrues half at once");
		// Alice's hotkey joins the root network and weights only subnet 2.
		assert_ok!(Stake::add_stake(RuntimeOrigin::signed(alice()), owner_hot1(), 100 * TAO));
		assert_ok!(pallet_root::Pallet::<Runtime>::root_register(
			RuntimeOrigin::signed(alice()),
			owner_hot1()
		));
		assert_ok!(pallet_root::Pallet::<Runtime>::set_root_weights(
			RuntimeOrigin::signed(owner_hot1()),
			vec![2].try_into().unwrap(),
			vec![1].try_into().unwrap(),
			0
		));
		let root_epoch = (System::block_number() + 1..)
			.find(|&b| pallet_root::Pallet::<Runtime>::is_root_epoch(b))
			.expect("a root epoch comes");
		assert!(root_epoch - System::block_number() <= u32::from(tempo) + 1);
		run_to(root_epoch - 1);
		let shares = pallet_root::SubnetShares::<Runtime>::get;
		assert_eq!((shares(NET1), shares(NET2)), (1, 1), "equal until the root epoch");
		next_block();
		assert!(shares(NET1) == 0 && shares(NET2) > 0);
	});
}

/// Signers outside the runtime (the node's benchmarks) sign over [`crate::immortal_tx_implicit`]:
/// it must be what the runtime itself adds, or their signatures fail.
#[test]
fn immortal_implicit_is_what_the_runtime_adds() {
	use sp_runtime::traits::TransactionExtension;
	new_ext().execute_with(|| {
		let genesis = frame_system::BlockHash::<Runtime>::get(0);
		assert_ne!(genesis, Default::default());
		let implicit = crate::immortal_tx_extension(7).implicit().expect("implicit data");
		assert_eq!(implicit, crate::immortal_tx_implicit(genesis));
	});
}
