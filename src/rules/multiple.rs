//! **multiple**: "halvert", "doblet", "mer enn halvert" against the figures they describe.
//!
//! Finds a word for a multiple ("halvert/halvering", "doblet/dobling/fordoblet", "tredoblet";
//! nynorsk "halvert/dobla") and the pair of figures it speaks of — "fra X til Y" or "Y …, mot X
//! i 2024" in the same or the previous sentence — and checks the ratio Y/X: "mer enn halvert"
//! needs Y < X/2, "halvert" needs Y within 10 % of X/2 ("nesten/om lag" within 20 %); "doblet"
//! likewise. Every figure stands for its rounding interval.
//!
//! Why: a multiple word is a claim of its own; "mer enn halvert" for 388 → 214 tells the reader
//! something the figures do not say.
//!
//! Example: "venta 214 pasientar …, mot 388 i april 2024. Talet er dermed meir enn halvert." →
//! 214 is more than half of 388: flagged.

use super::prose::{arithmetic, is_plain_quantity, looks_like_year, pairs_in, passed, Prose};
use super::Outcome;
use crate::document::lexicon;
use crate::extract::numbers::NumberToken;
use crate::model::{Finding, Severity};
use crate::text::fmt_no;

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "multiple";

/// Every multiple word (data/multiple_words.txt) contains one of these; most sentences contain
/// neither, and are skipped before the words are looked up (a test keeps the data in line).
const GATE: [&str; 2] = ["halver", "dobl"];

/// The last (from, to) pair of a sentence: "fra X til Y" or "Y …, mot X i 2024 / året før".
fn last_pair<'p>(
    prose: &'p Prose,
    s: &std::ops::Range<usize>,
) -> Option<(&'p NumberToken, &'p NumberToken)> {
    if let Some(p) = pairs_in(prose, s).last() {
        return Some((&prose.tokens[p.from], &prose.tokens[p.to]));
    }
    let idx = prose.tokens_in(s);
    let toks: Vec<&NumberToken> = prose.tokens[idx]
        .iter()
        .filter(|t| is_plain_quantity(t) && !looks_like_year(t, prose.text))
        .collect();
    // "214 pasientar …, mot 388": the figure after "mot" is the earlier one; the later is the
    // nearest figure before it in the same unit.
    for (k, b) in toks.iter().enumerate().rev() {
        let before = prose.folded_slice(s.start..b.span.start);
        let last_words: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|x| !x.is_empty())
            .rev()
            .take(2)
            .collect();
        if !last_words.contains(&"mot") {
            continue;
        }
        if let Some(a) = toks[..k].iter().rev().find(|a| a.unit == b.unit) {
            return Some((b, a));
        }
    }
    None
}

pub fn check(prose: &Prose) -> Vec<Finding> {
    outcome(prose).findings
}

/// Runs the check: the findings, and the multiples ("halvert", "doblet") found to fit their
/// figures.
pub fn outcome(prose: &Prose) -> Outcome {
    let mut out = Outcome::default();
    for (si, s) in prose.sentences.iter().enumerate() {
        let text = prose.slice(s.clone());
        if text.len() > 1500 {
            continue;
        }
        let f = prose.folded_slice(s.clone());
        if !GATE.iter().any(|g| f.contains(g)) {
            continue;
        }
        let words: Vec<&str> = f
            .split(|c: char| !c.is_alphanumeric())
            .filter(|x| !x.is_empty())
            .collect();
        let lex = lexicon();
        let Some((word, factor)) = lex
            .multiples
            .iter()
            .find(|(w, _)| words.contains(&w.as_str()))
            .map(|(w, f)| (w.as_str(), *f))
        else {
            continue;
        };
        let Some(at) = f.find(word) else { continue };
        let before = &f[..at];
        // "eit prosjekt for å halvere talet", "målet om halvering": an aim, not a result.
        let window: Vec<&str> = before.split_whitespace().rev().take(4).collect();
        let window = window.into_iter().rev().collect::<Vec<_>>().join(" ");
        let intent = crate::extract::phrases::targets().get("intent");
        if intent.iter().any(|c| {
            window.split(' ').any(|w| w == c) || (c.contains(' ') && window.contains(c.as_str()))
        }) {
            continue;
        }
        // "Kravet om halvering er ikkje innfridd": the word names a target (a goal noun of
        // data/phrases/targets.txt and "om"/"på" before it), it claims no result.
        let mut last = before.split_whitespace().rev();
        if matches!(last.next(), Some("om" | "på"))
            && last.next().is_some_and(|n| {
                crate::extract::phrases::targets()
                    .get("goal_nouns")
                    .iter()
                    .any(|g| g == n)
            })
        {
            continue;
        }
        let near = |list: &[String]| list.iter().any(|m| before.trim_end().ends_with(m.as_str()));
        let pair = last_pair(prose, s).or_else(|| {
            (si > 0)
                .then(|| last_pair(prose, &prose.sentences[si - 1]))
                .flatten()
        });
        let Some((from, to)) = pair else { continue };
        let (flo, fhi) = from.interval();
        let (tlo, thi) = to.interval();
        if flo <= 0.0 || tlo < 0.0 {
            continue;
        }
        // The ratio's range over the rounding intervals.
        let (rlo, rhi) = (tlo / fhi, thi / flo);
        let ratio = to.value / from.value;
        let ok = if near(&lex.more_than) {
            if factor < 1.0 {
                rlo < factor
            } else {
                rhi > factor
            }
        } else if near(&lex.less_than) {
            if factor < 1.0 {
                rhi > factor
            } else {
                rlo < factor
            }
        } else {
            let slack = if near(&lex.roughly) { 0.2 } else { 0.1 };
            rhi >= factor * (1.0 - slack) && rlo <= factor * (1.0 + slack)
        };
        let qualifier = lex
            .more_than
            .iter()
            .chain(&lex.less_than)
            .chain(&lex.roughly)
            .find(|m| before.trim_end().ends_with(m.as_str()))
            .map(|m| format!("{m} "))
            .unwrap_or_default();
        if ok {
            let message = format!(
                "«{qualifier}{word}» stemmer: {} → {} er {} % av utgangspunktet (forholdet {}).",
                fmt_no(from.value, 0),
                fmt_no(to.value, 0),
                fmt_no(ratio * 100.0, 1),
                fmt_no(ratio, 2)
            );
            out.passed.push(passed(
                ID,
                prose.lines_of(&[from, to]),
                message,
                factor,
                ratio,
                (rlo, rhi),
            ));
            continue;
        }
        let message = format!(
            "Teksten sier «{qualifier}{}», men {} → {} er {} % av utgangspunktet (forholdet {}).",
            word,
            fmt_no(from.value, 0),
            fmt_no(to.value, 0),
            fmt_no(ratio * 100.0, 1),
            fmt_no(ratio, 2)
        );
        out.findings.push(arithmetic(
            ID,
            Severity::Error,
            prose.lines_of(&[from, to]),
            message,
            factor,
            ratio,
            (rlo, rhi),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::prose::run_on;
    use super::*;

    #[test]
    fn every_multiple_word_passes_the_gate() {
        let lex = lexicon();
        assert!(!lex.multiples.is_empty());
        for (w, f) in &lex.multiples {
            assert!(GATE.iter().any(|g| w.contains(g)), "{w}");
            assert!(f.is_finite() && *f > 0.0, "{w}: {f}");
        }
        assert_eq!(lex.multiples[0], ("halvert".to_string(), 0.5));
    }

    #[test]
    fn more_than_halved_must_be_less_than_half() {
        let f = run_on("Per april venta 214 pasientar meir enn 12 månader, mot 388 i april 2024. Talet er dermed meir enn halvert.", check);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(run_on("Per april venta 164 pasientar, mot 388 i april 2024. Talet er dermed meir enn halvert.", check).is_empty());
    }

    #[test]
    fn doubled_and_halved_in_bokmal() {
        assert!(run_on("Antallet økte fra 120 til 241, altså doblet.", check).is_empty());
        assert_eq!(
            run_on("Antallet økte fra 120 til 180, altså doblet.", check).len(),
            1
        );
        assert!(run_on("Ventetiden er nesten halvert, fra 80 til 44 dager.", check).is_empty());
    }

    #[test]
    fn an_aim_is_not_a_result() {
        // The figures before it are last year's level; "halvere" is what the project aims at.
        let aim = "I 2024 låg 22 pasientar per døgn på korridor, mot 27 året før. Sjukehuset har \
                   starta eit prosjekt for å halvere talet på korridorpasientar.";
        assert!(run_on(aim, check).is_empty(), "{:#?}", run_on(aim, check));
        assert!(run_on(
            "Antallet gikk fra 27 til 22. Målet om halvering står fast.",
            check
        )
        .is_empty());
        // A requirement named by its goal noun claims no result either.
        let named = "Antall fristbrudd ble redusert fra 4 860 i 2024 til 2 710 i 2025. \
                     Kravet om halvering er ikke innfridd.";
        assert!(
            run_on(named, check).is_empty(),
            "{:#?}",
            run_on(named, check)
        );
        // A result is still checked.
        assert_eq!(
            run_on("Antallet gikk fra 27 til 22, altså halvert.", check).len(),
            1
        );
    }

    #[test]
    fn no_pair_no_finding() {
        assert!(run_on("Målet er å halvere ventetiden innen 2030.", check).is_empty());
    }
}
