//! Every call of Taonet's pallets, signed and awaited ([`Wait`]).
//!
//! Amounts are rao. The chain checks everything again; the SDK refuses up front only what
//! it can tell without the chain (rows of different lengths, empty password, ...), so that
//! a bad call costs no fee.

use codec::{Decode, Encode};
use subxt_signer::sr25519::Keypair;

use crate::{
	account_of,
	chain::{
		self,
		runtime_types::{bounded_collections::bounded_vec::BoundedVec, taonet_primitives::NetUid},
	},
	error::{Error, Result},
	weights::{self, CommitStore, PendingCommit},
	AccountId32, Client, Receipt, Wait,
};

/// How a miner is reached: the axon it announces on its subnet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AxonSpec {
	/// Its address.
	pub ip: std::net::IpAddr,
	/// Its port.
	pub port: u16,
	/// The protocol number the subnet uses (0 for HTTP, as the reference subnet).
	pub protocol: u8,
	/// The miner's version.
	pub version: u32,
}

fn ip_parts(ip: std::net::IpAddr) -> (u128, u8) {
	match ip {
		std::net::IpAddr::V4(v4) => (u128::from(u32::from(v4)), 4),
		std::net::IpAddr::V6(v6) => (u128::from(v6), 6),
	}
}

fn row(uids: &[u16], weights: &[u16]) -> Result<(BoundedVec<u16>, BoundedVec<u16>)> {
	if uids.len() != weights.len() {
		return Err(Error::Invalid(format!(
			"{} UIDs but {} weights: give one weight per UID",
			uids.len(),
			weights.len()
		)));
	}
	Ok((BoundedVec(uids.to_vec()), BoundedVec(weights.to_vec())))
}

/// A subnet hyperparameter setter by its metadata name (`Tempo`, `Kappa`, `AlphaBounds`, ...)
/// and its values in field order; flags are 0 or 1.
pub fn subnet_param(
	name: &str,
	values: &[u128],
) -> Result<chain::runtime_types::taonet_primitives::hyperparams::SubnetParam> {
	let param = taonet_primitives::SubnetParam::parse(name, values).ok_or_else(|| {
		Error::Invalid(format!(
			"no hyperparameter {name} taking {} value(s) of that size; see `taonet subnet \
			 hyperparams` for the names",
			values.len()
		))
	})?;
	Decode::decode(&mut &param.encode()[..])
		.map_err(|e| Error::Invalid(format!("the metadata's SubnetParam differs: {e}")))
}

impl Client {
	/// Transfers `amount` rao, keeping the sender alive.
	pub async fn transfer(
		&self,
		from: &Keypair,
		to: &AccountId32,
		amount: u64,
		wait: Wait,
	) -> Result<Receipt> {
		let call = chain::transactions()
			.balances()
			.transfer_keep_alive(subxt::utils::MultiAddress::Id(*to), amount);
		self.submit(&call, from, wait).await
	}

	/// Registers a subnet owned by `coldkey`, with `hotkey` as its UID 0; locks the lock cost.
	pub async fn register_network(
		&self,
		coldkey: &Keypair,
		hotkey: &AccountId32,
		wait: Wait,
	) -> Result<Receipt> {
		let call = chain::transactions().subnets().register_network(*hotkey);
		self.submit(&call, coldkey, wait).await
	}

	/// Dissolves a subnet (its owner, or governance); the lock returns to the owner.
	pub async fn dissolve_network(
		&self,
		owner: &Keypair,
		netuid: u16,
		wait: Wait,
	) -> Result<Receipt> {
		let call = chain::transactions().subnets().dissolve_network(NetUid(netuid));
		self.submit(&call, owner, wait).await
	}

	/// Sets one hyperparameter of a subnet the signer owns.
	pub async fn set_hyperparameter(
		&self,
		owner: &Keypair,
		netuid: u16,
		param: chain::runtime_types::taonet_primitives::hyperparams::SubnetParam,
		wait: Wait,
	) -> Result<Receipt> {
		let call = chain::transactions().subnets().set_hyperparameter(NetUid(netuid), param);
		self.submit(&call, owner, wait).await
	}

	/// Sets a hyperparameter through the sudo key, for what only governance may set (tempo,
	/// rate limits, ...) on development chains and devnets, which have one.
	pub async fn sudo_set_hyperparameter(
		&self,
		sudo: &Keypair,
		netuid: u16,
		param: chain::runtime_types::taonet_primitives::hyperparams::SubnetParam,
		wait: Wait,
	) -> Result<Receipt> {
		use chain::runtime_types::{pallet_subnets::pallet::Call, taonet_runtime::RuntimeCall};
		let inner =
			RuntimeCall::Subnets(Call::set_hyperparameter { netuid: NetUid(netuid), param });
		let call = chain::transactions().sudo().sudo(inner);
		let receipt = self.submit(&call, sudo, wait).await?;
		match receipt.event::<chain::sudo::events::Sudid>() {
			Some(chain::sudo::events::Sudid { sudo_result: Err(e) }) => {
				Err(Error::DispatchOther(format!("the sudo call failed: {e:?}")))
			},
			_ => Ok(receipt),
		}
	}

	/// Registers `hotkey` on a subnet for `coldkey`, burning the current price if it is at most
	/// `max_burn` rao (the price ceiling: a price raised by others in the pool fails the call
	/// instead of costing more).
	pub async fn burned_register(
		&self,
		coldkey: &Keypair,
		netuid: u16,
		hotkey: &AccountId32,
		max_burn: u64,
		wait: Wait,
	) -> Result<Receipt> {
		let call =
			chain::transactions().subnets().burned_register(NetUid(netuid), *hotkey, max_burn);
		self.submit(&call, coldkey, wait).await
	}

	/// Announces the hotkey's axon on a subnet.
	pub async fn serve_axon(
		&self,
		hotkey: &Keypair,
		netuid: u16,
		axon: AxonSpec,
		wait: Wait,
	) -> Result<Receipt> {
		let (ip, ip_type) = ip_parts(axon.ip);
		let call = chain::transactions().subnets().serve_axon(
			NetUid(netuid),
			axon.version,
			ip,
			axon.port,
			ip_type,
			axon.protocol,
		);
		self.submit(&call, hotkey, wait).await
	}

	/// Announces the hotkey's Prometheus endpoint on a subnet.
	pub async fn serve_prometheus(
		&self,
		hotkey: &Keypair,
		netuid: u16,
		ip: std::net::IpAddr,
		port: u16,
		version: u32,
		wait: Wait,
	) -> Result<Receipt> {
		let (ip, ip_type) = ip_parts(ip);
		let call = chain::transactions().subnets().serve_prometheus(
			NetUid(netuid),
			version,
			ip,
			port,
			ip_type,
		);
		self.submit(&call, hotkey, wait).await
	}

	/// Stakes `amount` rao of `coldkey`'s to `hotkey`.
	pub async fn add_stake(
		&self,
		coldkey: &Keypair,
		hotkey: &AccountId32,
		amount: u64,
		wait: Wait,
	) -> Result<Receipt> {
		let call = chain::transactions().stake().add_stake(*hotkey, amount);
		self.submit(&call, coldkey, wait).await
	}

	/// Unstakes `amount` rao of `coldkey`'s position on `hotkey`.
	pub async fn remove_stake(
		&self,
		coldkey: &Keypair,
		hotkey: &AccountId32,
		amount: u64,
		wait: Wait,
	) -> Result<Receipt> {
		let call = chain::transactions().stake().remove_stake(*hotkey, amount);
		self.submit(&call, coldkey, wait).await
	}

	/// Moves `amount` rao of `coldkey`'s stake from one hotkey to another.
	pub async fn move_stake(
		&self,
		coldkey: &Keypair,
		from: &AccountId32,
		to: &AccountId32,
		amount: u64,
		wait: Wait,
	) -> Result<Receipt> {
		let call = chain::transactions().stake().move_stake(*from, *to, amount);
		self.submit(&call, coldkey, wait).await
	}

	/// Gives `amount` rao of `coldkey`'s position on `hotkey` to another coldkey.
	pub async fn transfer_stake(
		&self,
		coldkey: &Keypair,
		to_coldkey: &AccountId32,
		hotkey: &AccountId32,
		amount: u64,
		wait: Wait,
	) -> Result<Receipt> {
		let call = chain::transactions().stake().transfer_stake(*to_coldkey, *hotkey, amount);
		self.submit(&call, coldkey, wait).await
	}

	/// Sets the take of a hotkey `owner` owns, in 65,535ths: up at most at the rate limit,
	/// down at any time.
	pub async fn set_take(
		&self,
		owner: &Keypair,
		hotkey: &AccountId32,
		take: u16,
		current: u16,
		wait: Wait,
	) -> Result<Receipt> {
		if take > current {
			let call = chain::transactions().stake().increase_take(*hotkey, take);
			self.submit(&call, owner, wait).await
		} else {
			let call = chain::transactions().stake().decrease_take(*hotkey, take);
			self.submit(&call, owner, wait).await
		}
	}

	/// Sets the hotkey's weights on a subnet (commit-reveal off).
	pub async fn set_weights(
		&self,
		hotkey: &Keypair,
		netuid: u16,
		uids: &[u16],
		weights: &[u16],
		version_key: u64,
		wait: Wait,
	) -> Result<Receipt> {
		let (uids, weights) = row(uids, weights)?;
		let call = chain::transactions().consensus().set_weights(
			NetUid(netuid),
			uids,
			weights,
			version_key,
		);
		self.submit(&call, hotkey, wait).await
	}

	/// Commits to weights with a new random salt, and keeps them in `store` until
	/// [`Client::reveal_due`] reveals them.
	#[allow(clippy::too_many_arguments)]
	pub async fn commit_weights(
		&self,
		hotkey: &Keypair,
		netuid: u16,
		uids: &[u16],
		weights: &[u16],
		version_key: u64,
		store: &CommitStore,
		wait: Wait,
	) -> Result<(Receipt, PendingCommit)> {
		row(uids, weights)?;
		let params = self.subnet_timing(netuid).await?;
		let salt = weights::random_salt()?;
		let account = account_of(hotkey);
		let hash = weights::commit_hash(&account, netuid, uids, weights, &salt, version_key);
		let call = chain::transactions().consensus().commit_weights(NetUid(netuid), hash.into());
		let receipt = self.submit(&call, hotkey, wait).await?;
		let block = self.block_number_of(receipt.block).await?;
		let commit = PendingCommit {
			hotkey: account.to_string(),
			netuid,
			uids: uids.to_vec(),
			weights: weights.to_vec(),
			salt,
			version_key,
			committed_at: block.into(),
			reveal_epoch: weights::epoch_of(block, netuid, params.0)
				.saturating_add(params.1.into()),
		};
		let mut pending = store.load()?;
		pending.retain(|c| !(c.hotkey == commit.hotkey && c.netuid == netuid));
		pending.push(commit.clone());
		store.save(&pending)?;
		Ok((receipt, commit))
	}

	/// Reveals committed weights.
	pub async fn reveal_weights(
		&self,
		hotkey: &Keypair,
		commit: &PendingCommit,
		wait: Wait,
	) -> Result<Receipt> {
		let (uids, weights) = row(&commit.uids, &commit.weights)?;
		let call = chain::transactions().consensus().reveal_weights(
			NetUid(commit.netuid),
			uids,
			weights,
			BoundedVec(commit.salt.clone()),
			commit.version_key,
		);
		self.submit(&call, hotkey, wait).await
	}

	/// Reveals each of `hotkey`'s stored commits whose reveal epoch is now, drops the ones
	/// whose epoch has passed (the chain no longer takes them), and keeps the rest. Returns
	/// the commits revealed. A validator calls it every block or so.
	pub async fn reveal_due(
		&self,
		hotkey: &Keypair,
		store: &CommitStore,
		wait: Wait,
	) -> Result<Vec<PendingCommit>> {
		let account = account_of(hotkey).to_string();
		let now = u32::try_from(self.best_number().await?).unwrap_or(u32::MAX);
		let mut kept = Vec::new();
		let mut revealed = Vec::new();
		for commit in store.load()? {
			if commit.hotkey != account {
				kept.push(commit);
				continue;
			}
			let (tempo, _) = self.subnet_timing(commit.netuid).await?;
			let epoch = weights::epoch_of(now, commit.netuid, tempo);
			if epoch < commit.reveal_epoch {
				kept.push(commit);
			} else if epoch == commit.reveal_epoch {
				self.reveal_weights(hotkey, &commit, wait).await?;
				revealed.push(commit);
			}
		}
		store.save(&kept)?;
		Ok(revealed)
	}

	/// Registers the signer's `hotkey` in the root network (it needs to be one of the
	/// subnets' top-staked validators).
	pub async fn root_register(
		&self,
		coldkey: &Keypair,
		hotkey: &AccountId32,
		wait: Wait,
	) -> Result<Receipt> {
		let call = chain::transactions().root().root_register(*hotkey);
		self.submit(&call, coldkey, wait).await
	}

	/// Sets the root validator's weights over subnets (the root network has no version key;
	/// the call's is sent as 0).
	pub async fn set_root_weights(
		&self,
		hotkey: &Keypair,
		netuids: &[u16],
		weights: &[u16],
		wait: Wait,
	) -> Result<Receipt> {
		let (netuids, weights) = row(netuids, weights)?;
		let call = chain::transactions().root().set_root_weights(netuids, weights, 0);
		self.submit(&call, hotkey, wait).await
	}

	/// A subnet's tempo and reveal period.
	async fn subnet_timing(&self, netuid: u16) -> Result<(u16, u16)> {
		let params = self.hyperparams(netuid).await?;
		let read = |name: &str| {
			params
				.get(name)
				.and_then(|v| v.as_u64())
				.and_then(|v| u16::try_from(v).ok())
				.ok_or_else(|| Error::Read {
					method: "taonet_subnetHyperparams",
					message: format!("the answer has no {name}"),
				})
		};
		Ok((read("tempo")?, read("revealPeriod")?))
	}

	/// The number of block `hash`.
	async fn block_number_of(&self, hash: crate::H256) -> Result<u32> {
		let at = self.api().at_block(hash).await?;
		Ok(u32::try_from(at.block_number()).unwrap_or(u32::MAX))
	}
}
