//! Reads through the node's `taonet_*` JSON-RPC methods (`docs/rpc.md`), as typed answers.
//!
//! Balances are rao; fractions carry the raw `u16` of 65,535 that the chain stores.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use subxt_rpcs::{rpc_params, RpcClient};

use crate::{
	error::{Error, Result},
	AccountId32, Client,
};

/// A stored fraction: `raw` of 65,535.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
	/// The stored value.
	pub raw: u16,
}

impl Fraction {
	/// The fraction in parts per million, rounded down.
	pub fn ppm(self) -> u32 {
		u32::from(self.raw) * 1_000_000 / 65_535
	}
}

/// A subnet's share of emission, in parts per billion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
	/// Parts per billion.
	pub ppb: u32,
}

/// One subnet, from `taonet_subnets`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubnetInfo {
	/// Its id.
	pub netuid: u16,
	/// The coldkey that registered it.
	pub owner: String,
	/// The owner's hotkey (UID 0 at registration).
	pub owner_hotkey: String,
	/// TAO locked by the registration, rao.
	pub lock: u64,
	/// The registration block.
	pub registered_at: u32,
	/// Blocks per epoch, less one.
	pub tempo: u16,
	/// Registered neurons.
	pub neurons: u16,
	/// Its UID limit.
	pub max_uids: u16,
	/// What registering a neuron burns now, rao.
	pub burn: u64,
	/// Its share of each block's emission.
	pub emission_share: Share,
	/// Emission accrued since its last epoch, rao.
	pub pending_emission: u64,
	/// Blocks until its next epoch.
	pub blocks_to_next_epoch: u64,
}

#[derive(Deserialize)]
struct Subnets {
	subnets: Vec<SubnetInfo>,
}

/// A served axon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Axon {
	/// When it was served.
	pub block: u32,
	/// Its IP address, as text.
	pub ip: String,
	/// 4 or 6.
	pub ip_type: u8,
	/// Its port.
	pub port: u16,
	/// The protocol number the miner announced.
	pub protocol: u8,
	/// The version the miner announced.
	pub version: u32,
}

impl Axon {
	/// `http://ip:port` (IPv6 in brackets).
	pub fn url(&self) -> String {
		if self.ip_type == 6 {
			format!("http://[{}]:{}", self.ip, self.port)
		} else {
			format!("http://{}:{}", self.ip, self.port)
		}
	}
}

/// One neuron, from `taonet_neuron` or a metagraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Neuron {
	/// Its UID.
	pub uid: u16,
	/// Its hotkey.
	pub hotkey: String,
	/// The coldkey that owns the hotkey.
	pub coldkey: String,
	/// Its stake (voting power), rao.
	pub stake: u64,
	/// Whether it set weights within the activity cutoff.
	pub active: bool,
	/// Whether its weights count.
	pub validator_permit: bool,
	/// Validator trust.
	pub validator_trust: Fraction,
	/// Consensus.
	pub consensus: Fraction,
	/// Rank.
	pub rank: Fraction,
	/// Trust.
	pub trust: Fraction,
	/// Incentive: its share of the miners' emission.
	pub incentive: Fraction,
	/// Dividends: its share of the validators' emission.
	pub dividends: Fraction,
	/// What it earned at the last epoch, rao.
	pub emission: u64,
	/// Its axon, if served.
	pub axon: Option<Axon>,
	/// The block of its last weights.
	pub last_update: u32,
	/// Its registration block.
	pub registered_at: u32,
}

/// One sparse row of weights or bonds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
	/// The row's UID.
	pub uid: u16,
	/// `(target UID, value)` pairs.
	pub row: Vec<(u16, u16)>,
}

/// A subnet's neurons at one block, from `taonet_metagraph`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metagraph {
	/// The subnet.
	pub netuid: u16,
	/// The block read.
	pub block: u32,
	/// Every neuron by UID.
	pub neurons: Vec<Neuron>,
	/// Weight rows, when asked for.
	#[serde(default)]
	pub weights: Option<Vec<Row>>,
	/// Bond rows, when asked for.
	#[serde(default)]
	pub bonds: Option<Vec<Row>>,
}

impl Metagraph {
	/// The neuron of `hotkey`, if registered.
	pub fn by_hotkey(&self, hotkey: &AccountId32) -> Option<&Neuron> {
		let address = hotkey.to_string();
		self.neurons.iter().find(|n| n.hotkey == address)
	}
}

/// One stake position of a coldkey.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StakePosition {
	/// The hotkey staked to.
	pub hotkey: String,
	/// The hotkey's owner.
	pub hotkey_owner: String,
	/// The position's worth now, rao.
	pub stake: u64,
}

/// A coldkey's stake, from `taonet_stake`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stake {
	/// The coldkey.
	pub coldkey: String,
	/// Its positions.
	pub positions: Vec<StakePosition>,
}

/// A nominator of a delegate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nominator {
	/// The nominator's coldkey.
	pub coldkey: String,
	/// Its position's worth, rao.
	pub stake: u64,
}

/// A hotkey with stake, from `taonet_delegates`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delegate {
	/// The hotkey.
	pub hotkey: String,
	/// Its owner.
	pub owner: String,
	/// Its take of nominators' rewards.
	pub take: Fraction,
	/// Its voting power, rao.
	pub total_stake: u64,
	/// Its nominators.
	pub nominators: Vec<Nominator>,
}

#[derive(Deserialize)]
struct Delegates {
	delegates: Vec<Delegate>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LockCost {
	lock_cost: u64,
}

/// The emission schedule, from `taonet_emissionSchedule`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmissionSchedule {
	/// Emission per block now, rao.
	pub block_emission: u64,
	/// Issuance, rao.
	pub total_issuance: u64,
	/// Emission accrued and not yet paid, rao.
	pub total_pending: u64,
	/// The issuance at which emission next halves.
	pub next_halving_threshold: Option<u64>,
	/// Blocks to the next halving at today's rate.
	pub blocks_to_next_halving: Option<u64>,
}

async fn read<T: DeserializeOwned>(
	rpc: &RpcClient,
	method: &'static str,
	params: subxt_rpcs::client::RpcParams,
) -> Result<T> {
	rpc.request(method, params).await.map_err(|e| match e {
		subxt_rpcs::Error::Client(inner) => {
			let message = match inner.downcast_ref::<jsonrpsee::core::client::Error>() {
				Some(jsonrpsee::core::client::Error::Call(object)) => object.message().to_owned(),
				_ => inner.to_string(),
			};
			Error::Read { method, message }
		},
		other => Error::Rpc(other),
	})
}

impl Client {
	/// Every subnet.
	pub async fn subnets(&self) -> Result<Vec<SubnetInfo>> {
		Ok(read::<Subnets>(self.rpc(), "taonet_subnets", rpc_params![]).await?.subnets)
	}

	/// One subnet.
	pub async fn subnet(&self, netuid: u16) -> Result<SubnetInfo> {
		self.subnets().await?.into_iter().find(|s| s.netuid == netuid).ok_or(Error::Read {
			method: "taonet_subnets",
			message: format!("no subnet has netuid {netuid}"),
		})
	}

	/// A subnet's hyperparameters by name, as the node answers them (`docs/rpc.md`).
	pub async fn hyperparams(
		&self,
		netuid: u16,
	) -> Result<serde_json::Map<String, serde_json::Value>> {
		read(self.rpc(), "taonet_subnetHyperparams", rpc_params![netuid]).await
	}

	/// A subnet's metagraph; `with_rows` adds the weight and bond rows.
	pub async fn metagraph(&self, netuid: u16, with_rows: bool) -> Result<Metagraph> {
		read(self.rpc(), "taonet_metagraph", rpc_params![netuid, with_rows]).await
	}

	/// One neuron by UID.
	pub async fn neuron(&self, netuid: u16, uid: u16) -> Result<Neuron> {
		read(self.rpc(), "taonet_neuron", rpc_params![netuid, uid]).await
	}

	/// One neuron by hotkey.
	pub async fn neuron_by_hotkey(&self, netuid: u16, hotkey: &AccountId32) -> Result<Neuron> {
		read(self.rpc(), "taonet_neuronByHotkey", rpc_params![netuid, hotkey.to_string()]).await
	}

	/// A coldkey's stake positions.
	pub async fn stake_of(&self, coldkey: &AccountId32) -> Result<Stake> {
		read(self.rpc(), "taonet_stake", rpc_params![coldkey.to_string()]).await
	}

	/// Every hotkey with stake, most stake first.
	pub async fn delegates(&self) -> Result<Vec<Delegate>> {
		Ok(read::<Delegates>(self.rpc(), "taonet_delegates", rpc_params![]).await?.delegates)
	}

	/// What registering a subnet locks now, rao.
	pub async fn lock_cost(&self) -> Result<u64> {
		Ok(read::<LockCost>(self.rpc(), "taonet_lockCost", rpc_params![]).await?.lock_cost)
	}

	/// The emission schedule.
	pub async fn emission_schedule(&self) -> Result<EmissionSchedule> {
		read(self.rpc(), "taonet_emissionSchedule", rpc_params![]).await
	}

	/// A hotkey's take, in 65,535ths (the default until its owner set one).
	pub async fn take_of(&self, hotkey: &AccountId32) -> Result<u16> {
		let query = crate::chain::storage().stake().takes();
		let at = self.api().at_current_block().await?;
		Ok(at.storage().fetch(query, (*hotkey,)).await?.decode()?)
	}

	/// An account's free balance, rao.
	pub async fn free_balance(&self, account: &AccountId32) -> Result<u64> {
		let query = crate::chain::storage().system().account();
		let at = self.api().at_current_block().await?;
		let info = at.storage().try_fetch(query, (*account,)).await?;
		match info {
			Some(value) => Ok(value.decode()?.data.free),
			None => Ok(0),
		}
	}
}
