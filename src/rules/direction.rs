//! **direction**: a direction word against the values it describes.
//!
//! Finds "<direction word> … fra X til Y" / "frå X til Y" and checks that the values move the
//! way the word says: "økt/auka/økning/auke/steg/vekst" need Y above X, "redusert/reduksjon/
//! nedgang/falt/minka/gått ned" need Y below X. Rounding is respected: a move is only wrong when
//! the two values' intervals cannot be ordered the way the word says. Equal values with a
//! direction word are reported as a warning ("uendret"). The words are data:
//! `data/phrases/direction_words.txt`, bokmål and nynorsk.
//!
//! Why: "redusert fra 1,3 % til 6,5 %" tells the reader the opposite of the figures; either the
//! word or a figure is wrong, and a verdict built on it may be wrong too.
//!
//! Example: "Andelen er redusert fra 1,3 % til 6,5 %." → error. "nedgang fra 193 i 2023 til 85
//! i 2024" → fine.

use super::prose::{decimals_for, fmt_unit, last_direction, pairs_in, Dir, Prose};
use crate::extract::numbers::NumUnit;
use crate::model::{Finding, FindingKind, Severity};
use crate::text::{tail, words};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "direction";

/// Runs the check.
pub fn check(prose: &Prose) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in &prose.sentences {
        let mut lo = s.start;
        for pair in pairs_in(prose, s) {
            let (Some(from), Some(to)) = (prose.tokens.get(pair.from), prose.tokens.get(pair.to))
            else {
                continue;
            };
            let before = prose.text.get(lo..pair.fra_at).unwrap_or("");
            lo = to.span.end.max(lo);
            let mut ws = words(tail(before, before.len(), 120));
            if ws.len() > 8 {
                ws.drain(..ws.len() - 8);
            }
            let Some(d) = last_direction(&ws) else {
                continue;
            };
            if d.negated || d.dir == Dir::Change {
                continue;
            }
            if to.unit == NumUnit::Years || is_age_range(prose, to) {
                continue;
            }
            let word = ws
                .get(d.index..d.index + d.len)
                .map(|w| w.join(" "))
                .unwrap_or_default();
            let x = from.interval();
            let y = to.interval();
            let dv = decimals_for(from.resolution.min(to.resolution), pair.unit, from.value);
            let fx = fmt_unit(from.value, pair.unit, dv);
            let fy = fmt_unit(to.value, pair.unit, dv);
            let (severity, message) = if from.value == to.value {
                (
                    Severity::Warning,
                    format!(
                        "Teksten sier «{word}», men tallet er uendret: {fx} både før og etter."
                    ),
                )
            } else if d.dir == Dir::Up && y.1 < x.0 {
                (
                    Severity::Error,
                    format!("Teksten sier «{word}», men tallet går ned fra {fx} til {fy}."),
                )
            } else if d.dir == Dir::Down && y.0 > x.1 {
                (
                    Severity::Error,
                    format!("Teksten sier «{word}», men tallet går opp fra {fx} til {fy}."),
                )
            } else {
                continue;
            };
            let (l0, l1) = prose.lines_of(&[from, to]);
            out.push(Finding {
                kind: FindingKind::Arithmetic,
                rule: ID.into(),
                severity,
                line: prose.line_at(pair.fra_at).min(l0),
                end_line: l1,
                message,
                stated: Some(to.value),
                computed: Some(to.value - from.value),
                computed_range: Some([y.0 - x.1, y.1 - x.0]),
            });
        }
    }
    out
}

/// "fra 18 til 25 år" is an age band, not a change.
fn is_age_range(prose: &Prose, to: &crate::extract::numbers::NumberToken) -> bool {
    let after = prose.text.get(to.span.end..).unwrap_or("");
    let w = words(crate::text::head(after, 0, 16));
    matches!(
        w.first().map(String::as_str),
        Some("år" | "års" | "åringer" | "åringar")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Finding> {
        super::super::prose::run_on(text, check)
    }

    #[test]
    fn word_against_values() {
        let f = run("Andelen er redusert fra 1,3 % til 6,5 %.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0].message.contains("«redusert»"), "{}", f[0].message);
        assert!(f[0].message.contains("1,3 %"), "{}", f[0].message);
        let f = run("Talet på pasientar har auka frå 12 til 9.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        let f = run("Det har vore ein nedgang frå 85 til 193 i 2024.");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn consistent_words_pass() {
        assert!(run("Helse Nord-Trøndelag (HNT) har økt fra 10,6 til 11,5 prosent.").is_empty());
        assert!(run("Det var en nedgang fra 193 i 2023 til 85 i 2024.").is_empty());
        assert!(run("Delen har auka frå 10,6 til 11,5 prosent.").is_empty());
        assert!(run("Helse Møre og Romsdal melder om at andel reinnleggelser innen somatikk er redusert fra 12 til 11,6 prosent.").is_empty());
        assert!(run("St. Olavs hospital HF har redusert antall enheter med sykefravær over 10 % fra 189 i 2023 til 187 i 2024.").is_empty());
    }

    #[test]
    fn equal_values_are_a_warning() {
        let f = run("Andelen har økt fra 12,0 til 12,0 prosent.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("uendret"));
    }

    #[test]
    fn rounding_and_negation_and_ranges() {
        // 12 may be 11,5: a rise to 11,6 fits.
        assert!(run("Andelen har økt fra 12 til 11,6 prosent.").is_empty());
        assert!(run("Andelen har ikke økt, fra 12 til 9 prosent.").is_empty());
        assert!(run("Ventetida er lågare for pasientar frå 18 til 25 år.").is_empty());
    }
}
