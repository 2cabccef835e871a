//! **missing_data**: a target the report answers with a verdict but no figures, or not at all.
//!
//! Why it matters: "Kravet er innfridd" without a number cannot be checked, and a target with
//! neither verdict nor figures is a gap in the account the ministry asked for.
//!
//! Example: "Andelen skal økes sammenlignet med 2023. Kravet er innfridd." → warning: verdict
//! without figures. A target followed by nothing that answers it → info.

use crate::assess::verdicts::Assessed;
use crate::model::{Claim, Comparator, Finding, FindingKind, Severity};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "missing_data";

/// `report_year`: the year the report is about; targets for later years are not yet due.
pub fn check(assessed: &[Assessed], report_year: Option<i32>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for a in assessed {
        let ind = &a.indicator;
        if ind.target.long_term
            || matches!((ind.target.target_year, report_year), (Some(t), Some(r)) if t > r)
        {
            continue;
        }
        if a.has_figures || ind.target.comparator == Comparator::Qualitative && ind.claim.is_some()
        {
            continue;
        }
        let claim = ind.claim.or_else(|| a.entity_claims.first().map(|c| c.1));
        let (severity, message) = match claim {
                        Some(Claim::Uncertain) => (
                Severity::Info,
                format!(
                    "Rapporten sier det er uvisst om kravet er innfridd, og oppgir ingen tall for målet «{}».",
                    ind.measure
                ),
            ),
            Some(c) => (
                Severity::Warning,
                format!(
                    "Rapporten sier at kravet {}, men oppgir ingen tall som viser det for målet «{}».",
                    match c {
                        Claim::Met => "er innfridd",
                        Claim::NotMet => "ikke er innfridd",
                        Claim::Partial => "er delvis innfridd",
                        Claim::Uncertain => "er uvisst",
                    },
                    ind.measure
                ),
            ),
            None => (
                Severity::Info,
                format!("Rapporten gir verken vurdering eller tall for målet «{}».", ind.measure),
            ),
        };
        // One finding per sentence, also when it sets a target per area.
        if out
            .iter()
            .any(|f| f.line == ind.line && f.message == message)
        {
            continue;
        }
        out.push(Finding {
            kind: FindingKind::MissingData,
            rule: ID.into(),
            severity,
            line: ind.line,
            end_line: ind.end_line,
            message,
            stated: None,
            computed: None,
            computed_range: None,
        });
    }
    out
}
