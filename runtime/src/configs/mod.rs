//! Pallet parameters, one module per concern.
//!
//! - [`system`]: accounts, block limits, batching.
//! - [`consensus`]: time, Aura authoring and GRANDPA finality.
//! - [`monetary`]: TAO balances and transaction fees.
//! - [`governance`]: council referenda, their tracks and enactment; sudo on development chains.
//! - [`subnets`]: subnets and neurons.
//! - [`stake`]: staking and delegation.
//! - [`emission`]: weights, epochs, the root network and emission.

pub mod consensus;
pub mod emission;
pub mod governance;
pub mod monetary;
pub mod stake;
pub mod subnets;
pub mod system;
