//! Checks: verdicts per target and entity, and findings — one file per rule.
pub mod table_percent;
pub mod table_sums;
