//! `missing_data`: a target the report answers with a verdict but no figures, or not at all.
//!
//! Why it matters: "Kravet er innfridd" without a number cannot be checked, and a target with
//! neither verdict nor figures is a gap in the account the ministry asked for.
//!
//! Example: "Andelen skal økes sammenlignet med 2023. Kravet er innfridd." → warning: verdict
//! without figures. A target followed by nothing that answers it → info.

use crate::check::verdicts::Assessed;
use crate::report::{Claim, Comparator, Finding, FindingKind, Severity};

pub fn check(assessed: &[Assessed]) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in assessed {
        let ind = &a.indicator;
        if a.has_figures || ind.target.comparator == Comparator::Qualitative && ind.claim.is_some() {
            continue;
        }
        let claim = ind.claim.or_else(|| a.entity_claims.first().map(|c| c.1));
        let (severity, message) = match claim {
            Some(Claim::Uncertain) => continue,
            Some(c) => (
                Severity::Warning,
                format!(
                    "Rapporten sier at kravet er {}, men oppgir ingen tall som viser det for målet «{}».",
                    match c {
                        Claim::Met => "innfridd",
                        Claim::NotMet => "ikke innfridd",
                        Claim::Partial => "delvis innfridd",
                        Claim::Uncertain => "uvisst",
                    },
                    ind.measure
                ),
            ),
            None => (
                Severity::Info,
                format!("Rapporten gir verken vurdering eller tall for målet «{}».", ind.measure),
            ),
        };
        out.push(Finding {
            kind: FindingKind::MissingData,
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
