//! Indicators (a target with the report's claim and our verdicts) and verdicts per entity.

use serde::{Deserialize, Serialize};

use super::{Claim, Target};

/// A target the report sets, with the report's own verdict and ours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub line: usize,
    pub end_line: usize,
    pub text: String,
    /// What is measured, e.g. "pasientavtalene" or "sykefravær".
    pub measure: String,
    pub target: Target,
    pub claim: Option<Claim>,
    pub claim_line: Option<usize>,
    pub verdicts: Vec<Verdict>,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictStatus {
    Met,
    NotMet,
    Unknown,
    /// The target's deadline lies after the period of the figure ("innen 2026" judged on 2024
    /// figures): not failed yet (added to contract v1; additive).
    Pending,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Partial,
    Unknown,
    /// Every figure is from before the target's deadline (added to contract v1; additive).
    Pending,
}

/// Our verdict for one entity (and subject) against one target, from the report's own figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub entity: String,
    pub subject: Option<String>,
    pub status: VerdictStatus,
    pub value: Option<f64>,
    pub baseline_value: Option<f64>,
    pub year: Option<i32>,
    pub line: usize,
    /// A relative change in percent the report states for the entity ("en økning på 18 %"),
    /// used when it gives no from/to figures (added to contract v1; additive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_pct: Option<f64>,
}

/// How much an entity's figure moved from its baseline: `absolute` in the measure's own unit
/// (percentage points for a percent), `pct` relative to the baseline in percent. Either may be
/// missing: without a baseline only a change the report states is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub absolute: Option<f64>,
    pub pct: Option<f64>,
    /// `pct` is the report's own stated change, not computed from two figures.
    pub stated: bool,
}

impl Verdict {
    /// The change from the baseline value to the value (for the per-entity table a reviewer
    /// checks by eye), or the relative change the report states when it gives no baseline.
    /// `None` when neither is known.
    pub fn change(&self) -> Option<Change> {
        if let (Some(v), Some(b)) = (self.value, self.baseline_value) {
            let absolute = v - b;
            let pct = (b != 0.0).then(|| absolute / b.abs() * 100.0);
            return Some(Change {
                absolute: Some(absolute),
                pct,
                stated: false,
            });
        }
        self.change_pct.map(|p| Change {
            absolute: None,
            pct: Some(p),
            stated: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(value: Option<f64>, baseline: Option<f64>, stated: Option<f64>) -> Verdict {
        Verdict {
            entity: "Helse Nord".into(),
            subject: None,
            status: VerdictStatus::Met,
            value,
            baseline_value: baseline,
            year: Some(2024),
            line: 1,
            change_pct: stated,
        }
    }

    #[test]
    fn a_verdict_change_is_value_minus_baseline_and_its_share_of_the_baseline() {
        let c = verdict(Some(110.8), Some(100.0), None).change().unwrap();
        assert!((c.absolute.unwrap() - 10.8).abs() < 1e-9);
        assert!((c.pct.unwrap() - 10.8).abs() < 1e-9);
        assert!(!c.stated);
        let c = verdict(Some(45.0), Some(60.0), None).change().unwrap();
        assert!((c.absolute.unwrap() + 15.0).abs() < 1e-9);
        assert!((c.pct.unwrap() + 25.0).abs() < 1e-9);
        // A zero baseline has an absolute change but no relative one.
        let c = verdict(Some(3.0), Some(0.0), None).change().unwrap();
        assert_eq!((c.absolute, c.pct), (Some(3.0), None));
    }

    #[test]
    fn a_verdict_change_falls_back_to_the_stated_change_and_is_none_without_either() {
        let c = verdict(Some(50.0), None, Some(18.0)).change().unwrap();
        assert_eq!((c.absolute, c.pct, c.stated), (None, Some(18.0), true));
        assert_eq!(verdict(Some(50.0), None, None).change(), None);
        assert_eq!(verdict(None, Some(50.0), None).change(), None);
    }
}
