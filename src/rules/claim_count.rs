//! **claim_count**: the report counts how many trusts met a target, and its own figures give another count.
//!
//! Why it matters: "Tre av fire helseforetak nådde målet" is what a reader remembers; if the
//! report's own table shows two, the summary sent to the ministry is wrong, and the trust that was
//! counted in by mistake is not followed up.
//!
//! Example: "Minst 70 prosent skal … Tre av fire helseforetak klarte kravet." with figures 72, 71,
//! 69 and 66 % → error: the figures show two of four.
//!
//! Rules: only a claim that counts some of a few ("N av M", N < M) is checked, only when the
//! target has one claim of its own (not one sentence answering several areas), and only when the
//! report gives a decided verdict (met or not met) for exactly M trusts: then the number met must
//! be N. Only hospital trusts are counted (not the region, the RHF or support trusts such as
//! the pharmacy); a count the figures do not cover is left alone.

use crate::assess::verdicts::{region_entity, Assessed};
use crate::model::{Finding, FindingKind, Severity, VerdictStatus};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "claim_count";

pub fn check(assessed: &[Assessed]) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in assessed {
        let ind = &a.indicator;
        let (Some((n, m)), Some(claim_line)) = (a.claim_count, ind.claim_line) else {
            continue;
        };
        // One sentence answering several targets (areas) counts trusts across them.
        let shared = assessed
            .iter()
            .filter(|b| b.indicator.claim_line == Some(claim_line))
            .count();
        if shared != 1 {
            continue;
        }
        // The trusts' decided verdicts, one per trust (a second figure for one trust leaves
        // the count unknown).
        let mut trusts: Vec<(&str, bool, usize)> = Vec::new();
        let cat = crate::extract::entities::catalogue();
        let hospital_trust = |name: &str| {
            cat.resolve(name)
                .is_some_and(|id| cat.kind(id) == crate::extract::entities::EntityKind::Hf)
        };
        for v in &ind.verdicts {
            // The count is of hospital trusts: the region, the RHF and the support trusts
            // (pharmacy, IT) are not among them.
            if region_entity(&v.entity) || !hospital_trust(&v.entity) {
                continue;
            }
            let met = match v.status {
                VerdictStatus::Met => true,
                VerdictStatus::NotMet => false,
                _ => continue,
            };
            if let Some(t) = trusts.iter().find(|t| t.0 == v.entity) {
                if t.1 != met {
                    trusts.clear();
                    break;
                }
                continue;
            }
            trusts.push((v.entity.as_str(), met, v.line));
        }
        if trusts.len() != m as usize {
            continue;
        }
        let met: Vec<&str> = trusts.iter().filter(|t| t.1).map(|t| t.0).collect();
        if met.len() == n as usize {
            continue;
        }
        let mut lines: Vec<usize> = trusts.iter().map(|t| t.2).collect();
        crate::sorting::sort(&mut lines);
        lines.dedup();
        let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
        let named = if met.is_empty() {
            String::new()
        } else {
            format!(" ({})", met.join(", "))
        };
        out.push(Finding {
            kind: FindingKind::ClaimMismatch,
            rule: ID.into(),
            severity: Severity::Error,
            line: claim_line,
            end_line: claim_line,
            message: format!(
                "Rapporten sier at {n} av {m} har innfridd kravet (linje {claim_line}), men tallene den selv oppgir viser {} av {m}{named} (tall på linje {}). Mål: «{}».",
                met.len(),
                lines.join(", "),
                ind.text
            ),
            stated: Some(f64::from(n)),
            computed: Some(met.len() as f64),
            computed_range: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    fn counts(text: &str) -> Vec<(Option<f64>, Option<f64>)> {
        let d = crate::analyze("t.txt", text.as_bytes())
            .map(|a| a.report)
            .unwrap_or_else(|e| panic!("{e}"));
        d.findings
            .iter()
            .filter(|f| f.rule == super::ID)
            .map(|f| (f.stated, f.computed))
            .collect()
    }

    const TARGET: &str =
        "Årleg melding 2024\n\nKravet er at minst 70 prosent av pakkeforløpa skal \
        gjennomførast innan standard forløpstid.\n";

    #[test]
    fn a_count_the_figures_contradict() {
        // Fail: three of four claimed, two of four in the figures.
        let text = format!(
            "{TARGET}{}",
            "Tre av fire helseføretak nådde kravet. Helse Bergen hadde 72 prosent, Helse \
             Stavanger 71 prosent, Helse Fonna 69 prosent og Helse Førde 66 prosent.\n"
        );
        assert_eq!(counts(&text), vec![(Some(3.0), Some(2.0))]);
    }

    #[test]
    fn a_count_the_figures_bear_out() {
        // Pass: three of four, and three are at 70 or more.
        let text = format!(
            "{TARGET}{}",
            "Tre av fire helseføretak nådde kravet. Helse Bergen hadde 72 prosent, Helse \
             Stavanger 71 prosent, Helse Fonna 70 prosent og Helse Førde 66 prosent.\n"
        );
        assert!(counts(&text).is_empty());
        // Pass: figures for only two of the four trusts leave the count unchecked.
        let text = format!(
            "{TARGET}{}",
            "Tre av fire helseføretak nådde kravet. Helse Bergen hadde 72 prosent og Helse \
             Førde 66 prosent.\n"
        );
        assert!(counts(&text).is_empty());
    }
}
