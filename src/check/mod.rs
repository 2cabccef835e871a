//! Checks: verdicts per target and entity, and findings — one file per rule.
