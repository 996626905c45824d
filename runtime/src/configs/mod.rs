//! Pallet parameters, one module per concern.
//!
//! - [`system`]: accounts, block limits, batching.
//! - [`authoring`]: time, Aura authoring and GRANDPA finality.
//! - [`monetary`]: TAO balances and transaction fees.
//! - [`governance`]: council referenda, their tracks and enactment; sudo on development chains.
//! - [`subnets`]: subnets and neurons.
//! - [`stake`]: staking and delegation.
//! - [`consensus`]: weights and Yuma epochs.
//! - [`root`]: the root network and the subnets' emission shares.
//! - [`emission`]: block emission, epoch and payment budgets.

pub mod authoring;
pub mod consensus;
pub mod emission;
pub mod governance;
pub mod monetary;
pub mod root;
pub mod stake;
pub mod subnets;
pub mod system;
