//! Checks: where verdicts are made (`verdicts`) and one file per finding rule, like a linter.

pub mod chain;
pub mod change;
pub mod claim_mismatch;
pub mod direction;
pub mod missing_data;
pub mod placeholder;
pub mod prose;
pub mod rate;
pub mod ratio;
pub mod tables_link;
pub mod verdicts;

use crate::document::{Document, Reading};
use crate::report::{Finding, Indicator, Table};

/// Runs the target assessment and every check over a document.
pub fn run(doc: &Document, reading: &Reading, tables: &[Table]) -> (Vec<Indicator>, Vec<Finding>) {
    let assessed = verdicts::assess(doc, reading, tables);
    let mut findings = Vec::new();
    findings.extend(claim_mismatch::check(&assessed));
    findings.extend(missing_data::check(&assessed));
    findings.extend(prose::check_all(reading));
    findings.sort_by_key(|f| (f.line, f.severity));
    let indicators = assessed.into_iter().map(|a| a.indicator).collect();
    (indicators, findings)
}
