//! A target as a report sets it: what is compared with what, by when, and the report's own
//! claim about it.

use serde::{Deserialize, Serialize};

/// A target: comparator, threshold or change, unit, baseline and target year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub comparator: Comparator,
    pub threshold: Option<f64>,
    pub unit: Option<TargetUnit>,
    pub baseline_year: Option<i32>,
    pub change_pct: Option<f64>,
    /// A change in percentage points from the baseline year ("skal økes med minst 2
    /// prosentpoeng fra 2024"): the level must move this far from the baseline's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_pp: Option<f64>,
    pub target_year: Option<i32>,
    /// Area the target applies to when one sentence sets several ("somatikk", "PHV", "TSB" ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// A long-term target ("på sikt") rather than one for the report year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub long_term: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    AtLeast,
    AtMost,
    Above,
    Below,
    Increase,
    Decrease,
    NotAboveBaseline,
    NotBelowBaseline,
    Qualitative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetUnit {
    Percent,
    Days,
    Count,
    Nok,
    #[serde(rename = "per_100k")]
    Per100k,
    Ratio,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    Met,
    NotMet,
    Partial,
    Uncertain,
}
