//! Where a verdict is made: each target the extractors read is judged against the report's own
//! figures (`verdicts`), and tables are linked to the targets they answer (`tables_link`,
//! `target_tables`, `flat_target_tables`).

pub mod flat_target_tables;
pub mod tables_link;
pub mod target_tables;
pub mod verdicts;
