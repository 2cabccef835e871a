//! Checks: verdicts per target and entity, and findings — one file per rule.

pub mod chain;
pub mod change;
pub mod direction;
pub mod placeholder;
pub mod prose;
pub mod rate;
pub mod ratio;
