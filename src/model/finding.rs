//! Findings: what a reviewer should look at, with the figures behind it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Arithmetic,
    ClaimMismatch,
    MissingData,
    Placeholder,
    /// A gap or inconsistency in a grant application (added to contract v1; additive).
    Application,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Arithmetic => "arithmetic",
            FindingKind::ClaimMismatch => "claim_mismatch",
            FindingKind::MissingData => "missing_data",
            FindingKind::Placeholder => "placeholder",
            FindingKind::Application => "application",
        }
    }
}

/// Something a reviewer should look at, with the figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// The id of the rule that made the finding ("change", "rate", "table_sum", …; the list is
    /// `registry::RULES`). Added to contract v1 (additive): `kind` stays for compatibility,
    /// several rules share one kind. Empty (and not written) only for a finding read from JSON
    /// that predates it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
    pub severity: Severity,
    pub line: usize,
    pub end_line: usize,
    pub message: String,
    pub stated: Option<f64>,
    pub computed: Option<f64>,
    pub computed_range: Option<[f64; 2]>,
}

/// A check a rule made and found right: the arithmetic it did where nothing was wrong, so a
/// reviewer sees that a table or a sentence was checked, not only that nothing was flagged
/// ("Summen 1,5 + 1,3 + 0,8 = 3,6 stemmer"). Made by the same rule code that would have made a
/// finding, from the same figures; written to the contract as a document's `checks_passed`
/// (added to contract v1; additive, absent when there are none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckPassed {
    /// The id of the rule that made the check (as `Finding::rule`).
    pub rule: String,
    pub line: usize,
    pub end_line: usize,
    /// What was checked, in bokmål.
    pub message: String,
    /// The figure the report states.
    pub stated: Option<f64>,
    /// What the report's own figures give.
    pub computed: Option<f64>,
    /// The interval the rounded inputs allow.
    pub computed_range: Option<[f64; 2]>,
}
