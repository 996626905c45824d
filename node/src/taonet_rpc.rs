//! The `taonet_*` JSON-RPC methods: what miners, validators and apps need, as JSON objects.
//!
//! Each method calls the runtime API (`TaonetApi`, `EmissionApi`) at the block given as its last,
//! optional parameter (the best block without it) and turns the answer into JSON:
//!
//! - accounts as SS58 strings (prefix 42);
//! - balances in rao as JSON integers, exact in the JSON text. JavaScript numbers hold them
//!   exactly below 2^53 rao (about 9,007,199 TAO): every stake, lock, burn and reward, but not
//!   total issuance past that, nor the halving thresholds (10.5M TAO and up) or a `u64`
//!   version key; a client that needs those to the rao parses the text with a big-integer JSON
//!   parser (see `docs/rpc.md`);
//! - fractions as `{ "raw": u16, "value": raw / 65535 }`.
//!
//! Errors are JSON-RPC errors with a message that says what was wrong: an unknown subnet
//! (code 1001) or neuron (1002), a runtime API failure (1000); malformed parameters (an account
//! that is not an SS58 address with prefix 42, a netuid that is not a number) are the
//! invalid-params error (-32602). The methods run on the server's blocking pool, since a
//! metagraph of a large subnet takes a while to gather.
//! `docs/rpc.md` lists every method with an example.

use std::sync::Arc;

use jsonrpsee::{types::ErrorObjectOwned, RpcModule};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
use taonet_primitives::{Field, NetUid, SubnetHyperparams, Unit, SS58_PREFIX};
use taonet_runtime::{opaque::Block, AccountId, Hash};
use taonet_runtime_api::{
	AxonInfo, Delegate, EmissionApi, Neuron, StakePosition, SubnetSummary, TaonetApi,
};

/// Error codes of the `taonet_*` methods.
pub mod codes {
	/// The runtime API call failed (for instance at a block from before the API existed).
	pub const RUNTIME: i32 = 1000;
	/// No subnet has that netuid.
	pub const UNKNOWN_SUBNET: i32 = 1001;
	/// No neuron has that UID or hotkey in the subnet.
	pub const UNKNOWN_NEURON: i32 = 1002;
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

fn account(id: &AccountId) -> String {
	id.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX))
}

fn fraction(raw: u16) -> Value {
	json!({ "raw": raw, "value": f64::from(raw) / f64::from(u16::MAX) })
}

fn subnet_json(s: SubnetSummary<AccountId>) -> Value {
	json!({
		"netuid": s.netuid.0,
		"owner": account(&s.owner),
		"ownerHotkey": account(&s.owner_hotkey),
		"lock": s.lock,
		"registeredAt": s.registered_at,
		"tempo": s.tempo,
		"neurons": s.neurons,
		"maxUids": s.max_uids,
		"burn": s.burn,
		"emissionShare": { "ppb": s.emission_share_ppb, "value": f64::from(s.emission_share_ppb) / 1e9 },
		"pendingEmission": s.pending_emission,
		"blocksToNextEpoch": s.blocks_to_next_epoch,
	})
}

/// `snake_case` as `camelCase`, as the JSON answers name fields.
fn camel_case(snake: &str) -> String {
	let mut words = snake.split('_');
	let mut name = words.next().unwrap_or_default().to_string();
	for word in words {
		let mut chars = word.chars();
		name.extend(chars.next().map(|c| c.to_ascii_uppercase()));
		name.push_str(chars.as_str());
	}
	name
}

/// Every hyperparameter under its camel-case name, from the table that declares them
/// (`SubnetHyperparams::fields`): a flag as a boolean, a ratio or a fixed-point number as its
/// raw value and what it reads as.
fn hyperparams_json(netuid: NetUid, p: SubnetHyperparams) -> Value {
	let mut object = serde_json::Map::new();
	object.insert("netuid".into(), netuid.0.into());
	for Field { name, value, unit } in p.fields() {
		let raw = u64::try_from(value).unwrap_or(u64::MAX);
		let scaled = |denominator: f64| json!({ "raw": raw, "value": raw as f64 / denominator });
		let shown = match unit {
			Unit::Flag => Value::Bool(value != 0),
			Unit::Ratio => scaled(f64::from(u16::MAX)),
			Unit::Millionths => scaled(1e6),
			Unit::Hundredths => scaled(100.0),
			Unit::Count | Unit::Blocks | Unit::Epochs | Unit::Rao => raw.into(),
		};
		object.insert(camel_case(name), shown);
	}
	Value::Object(object)
}

fn axon_json(a: AxonInfo) -> Value {
	let ip = if a.ip_type == 4 {
		let v4 = u32::try_from(a.ip & u128::from(u32::MAX)).unwrap_or(0);
		std::net::Ipv4Addr::from(v4).to_string()
	} else {
		std::net::Ipv6Addr::from(a.ip).to_string()
	};
	json!({
		"block": a.block,
		"version": a.version,
		"ip": ip,
		"port": a.port,
		"ipType": a.ip_type,
		"protocol": a.protocol,
	})
}

fn neuron_json(n: Neuron<AccountId>) -> Value {
	json!({
		"uid": n.uid,
		"hotkey": account(&n.hotkey),
		"coldkey": n.coldkey.as_ref().map(account),
		"stake": n.stake,
		"active": n.active,
		"validatorPermit": n.validator_permit,
		"validatorTrust": fraction(n.validator_trust),
		"consensus": fraction(n.consensus),
		"rank": fraction(n.rank),
		"trust": fraction(n.trust),
		"incentive": fraction(n.incentive),
		"dividends": fraction(n.dividends),
		"emission": n.emission,
		"axon": n.axon.map(axon_json),
		"lastUpdate": n.last_update,
		"registeredAt": n.registered_at,
	})
}

fn rows_json(rows: Vec<(u16, Vec<(u16, u16)>)>) -> Value {
	Value::Array(
		rows.into_iter()
			.map(|(uid, row)| json!({ "uid": uid, "row": row.into_iter().map(|(t, w)| json!([t, w])).collect::<Vec<_>>() }))
			.collect(),
	)
}

fn position_json(p: StakePosition<AccountId>) -> Value {
	json!({
		"hotkey": account(&p.hotkey),
		"hotkeyOwner": p.hotkey_owner.as_ref().map(account),
		"stake": p.stake,
	})
}

fn delegate_json(d: Delegate<AccountId>) -> Value {
	json!({
		"hotkey": account(&d.hotkey),
		"owner": d.owner.as_ref().map(account),
		"take": fraction(d.take),
		"totalStake": d.total_stake,
		"nominators": d.nominators.into_iter().map(|(c, s)| json!({ "coldkey": account(&c), "stake": s })).collect::<Vec<_>>(),
	})
}

/// The `taonet_*` methods, reading through `client`.
pub fn module<C>(
	client: Arc<C>,
) -> Result<RpcModule<Arc<C>>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: TaonetApi<Block, AccountId> + EmissionApi<Block>,
{
	let mut module = RpcModule::new(client);

	/// The block a method answers at: the one asked for, or the best block.
	fn block<C: HeaderBackend<Block>>(client: &C, at: Option<Hash>) -> Hash {
		at.unwrap_or_else(|| client.info().best_hash)
	}

	/// Runs `f` against the runtime API at `at`.
	fn call<C, R>(
		client: &C,
		at: Hash,
		f: impl FnOnce(&sp_api::ApiRef<'_, C::Api>, Hash) -> Result<R, sp_api::ApiError>,
	) -> Result<R, ErrorObjectOwned>
	where
		C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	{
		let api = client.runtime_api();
		f(&api, at)
			.map_err(|e| error(codes::RUNTIME, format!("runtime API call failed at {at:?}: {e}")))
	}

	/// An SS58 account with Taonet's prefix (42).
	fn parse_account(kind: &str, text: &str) -> Result<AccountId, ErrorObjectOwned> {
		let invalid = |why: String| {
			error(
				jsonrpsee::types::error::INVALID_PARAMS_CODE,
				format!("invalid {kind} {text:?}: {why}"),
			)
		};
		let (id, format) = AccountId::from_ss58check_with_version(text)
			.map_err(|e| invalid(format!("not an SS58 address ({e:?})")))?;
		if u16::from(format) != SS58_PREFIX {
			return Err(invalid(format!(
				"SS58 prefix {}, but Taonet addresses use {SS58_PREFIX}",
				u16::from(format)
			)));
		}
		Ok(id)
	}

	fn unknown_subnet(netuid: NetUid) -> ErrorObjectOwned {
		error(codes::UNKNOWN_SUBNET, format!("unknown subnet: no subnet has netuid {}", netuid.0))
	}

	module.register_blocking_method("taonet_subnets", |params, client, _| {
		let at = block(&**client, params.sequence().optional_next()?);
		let subnets = call(&**client, at, |api, at| api.subnets(at))?;
		let subnets: Vec<Value> = subnets.into_iter().map(subnet_json).collect();
		Ok::<_, ErrorObjectOwned>(json!({ "subnets": subnets }))
	})?;

	module.register_blocking_method("taonet_subnetHyperparams", |params, client, _| {
		let mut seq = params.sequence();
		let netuid = NetUid(seq.next::<u16>()?);
		let at = block(&**client, seq.optional_next()?);
		let found = call(&**client, at, |api, at| api.subnet_hyperparams(at, netuid))?;
		let params = found.ok_or_else(|| unknown_subnet(netuid))?;
		Ok::<_, ErrorObjectOwned>(hyperparams_json(netuid, params))
	})?;

	module.register_blocking_method("taonet_metagraph", |params, client, _| {
		let mut seq = params.sequence();
		let netuid = NetUid(seq.next::<u16>()?);
		// `withRows` may be left out before a block hash: `[netuid, "0x..."]`.
		let (with_rows, at) = match seq.optional_next::<Value>()? {
			None | Some(Value::Null) => (false, seq.optional_next()?),
			Some(Value::Bool(rows)) => (rows, seq.optional_next()?),
			Some(hash) => (
				false,
				Some(serde_json::from_value::<Hash>(hash).map_err(|e| {
					error(
						jsonrpsee::types::error::INVALID_PARAMS_CODE,
						format!("invalid withRows or block hash: {e}"),
					)
				})?),
			),
		};
		let at = block(&**client, at);
		let found = call(&**client, at, |api, at| api.metagraph(at, netuid, with_rows))?;
		let m = found.ok_or_else(|| unknown_subnet(netuid))?;
		let mut out = json!({
			"netuid": m.netuid.0,
			"block": m.block,
			"neurons": m.neurons.into_iter().map(neuron_json).collect::<Vec<_>>(),
		});
		if with_rows {
			out["weights"] = rows_json(m.weights);
			out["bonds"] = rows_json(m.bonds);
		}
		Ok::<_, ErrorObjectOwned>(out)
	})?;

	/// A neuron the subnet has, or the error that says why not.
	fn found<C>(
		client: &C,
		at: Hash,
		netuid: NetUid,
		which: String,
		neuron: Option<Neuron<AccountId>>,
	) -> Result<Value, ErrorObjectOwned>
	where
		C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
		C::Api: TaonetApi<Block, AccountId>,
	{
		match neuron {
			Some(n) => Ok(neuron_json(n)),
			None => match call(client, at, |api, at| api.subnet_hyperparams(at, netuid))? {
				None => Err(unknown_subnet(netuid)),
				Some(_) => Err(error(
					codes::UNKNOWN_NEURON,
					format!("unknown neuron: subnet {} has no neuron {which}", netuid.0),
				)),
			},
		}
	}

	module.register_blocking_method("taonet_neuron", |params, client, _| {
		let mut seq = params.sequence();
		let netuid = NetUid(seq.next::<u16>()?);
		let uid: u16 = seq.next()?;
		let at = block(&**client, seq.optional_next()?);
		let neuron = call(&**client, at, |api, at| api.neuron(at, netuid, uid))?;
		found(&**client, at, netuid, format!("with UID {uid}"), neuron)
	})?;

	module.register_blocking_method("taonet_neuronByHotkey", |params, client, _| {
		let mut seq = params.sequence();
		let netuid = NetUid(seq.next::<u16>()?);
		let hotkey: String = seq.next()?;
		let at = block(&**client, seq.optional_next()?);
		let account = parse_account("hotkey", &hotkey)?;
		let neuron = call(&**client, at, |api, at| api.neuron_by_hotkey(at, netuid, account))?;
		found(&**client, at, netuid, format!("with hotkey {hotkey}"), neuron)
	})?;

	module.register_blocking_method("taonet_stake", |params, client, _| {
		let mut seq = params.sequence();
		let coldkey: String = seq.next()?;
		let at = block(&**client, seq.optional_next()?);
		let coldkey = parse_account("coldkey", &coldkey)?;
		let positions = call(&**client, at, |api, at| api.stake_positions(at, coldkey.clone()))?;
		let positions: Vec<Value> = positions.into_iter().map(position_json).collect();
		Ok::<_, ErrorObjectOwned>(json!({ "coldkey": account(&coldkey), "positions": positions }))
	})?;

	module.register_blocking_method("taonet_delegates", |params, client, _| {
		let at = block(&**client, params.sequence().optional_next()?);
		let delegates = call(&**client, at, |api, at| api.delegates(at))?;
		let delegates: Vec<Value> = delegates.into_iter().map(delegate_json).collect();
		Ok::<_, ErrorObjectOwned>(json!({ "delegates": delegates }))
	})?;

	module.register_blocking_method("taonet_lockCost", |params, client, _| {
		let at = block(&**client, params.sequence().optional_next()?);
		let cost = call(&**client, at, |api, at| api.lock_cost(at))?;
		Ok::<_, ErrorObjectOwned>(json!({ "lockCost": cost }))
	})?;

	module.register_blocking_method("taonet_emissionSchedule", |params, client, _| {
		let at = block(&**client, params.sequence().optional_next()?);
		let s = call(&**client, at, |api, at| api.emission_schedule(at))?;
		Ok::<_, ErrorObjectOwned>(json!({
			"blockEmission": s.block_emission,
			"totalIssuance": s.total_issuance,
			"totalPending": s.total_pending,
			"nextHalvingThreshold": s.next_halving_threshold,
			"blocksToNextHalving": s.blocks_to_next_halving,
		}))
	})?;

	Ok(module)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// The shape of a JSON value: its kind, and an object's keys with their shapes.
	fn shape(value: &Value) -> String {
		match value {
			Value::Bool(_) => "bool".into(),
			Value::Number(_) => "number".into(),
			Value::Object(map) => {
				let fields: Vec<String> =
					map.iter().map(|(key, v)| format!("{key}: {}", shape(v))).collect();
				format!("{{{}}}", fields.join(", "))
			},
			other => format!("{other}"),
		}
	}

	/// `docs/rpc.md`'s example answer of `taonet_subnetHyperparams` has every hyperparameter of
	/// the table, under the name and in the shape the node answers with, and nothing else.
	#[test]
	fn the_rpc_docs_show_every_hyperparameter_as_the_node_answers() {
		let docs = include_str!("../../docs/rpc.md");
		let section = docs.split("### `taonet_subnetHyperparams`").nth(1).unwrap_or_default();
		let answer = section.split("```json").nth(2).and_then(|block| block.split("```").next());
		let answer: Value = serde_json::from_str(answer.unwrap_or_default()).unwrap_or_default();
		let documented = answer.get("result").cloned().unwrap_or_default();
		let answered = hyperparams_json(NetUid(1), SubnetHyperparams::default());
		assert_eq!(shape(&documented), shape(&answered));
		let fields = SubnetHyperparams::default().fields().len();
		assert_eq!(
			answered.as_object().map(|o| o.len()),
			Some(fields + 1),
			"netuid and each field"
		);
	}

	#[test]
	fn field_names_turn_camel_case() {
		assert_eq!(camel_case("max_registrations_per_block"), "maxRegistrationsPerBlock");
		assert_eq!(camel_case("yuma3_enabled"), "yuma3Enabled");
		assert_eq!(camel_case("tempo"), "tempo");
	}
}
