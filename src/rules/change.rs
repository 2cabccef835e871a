//! **change**: a stated change against the from/to values it describes.
//!
//! Finds sentences that give both a change ("redusert med 26,6 %", "en økning på 13,6 %",
//! "auka med 870 mill. kroner") and the values it runs between ("fra 64 218 til 47 136",
//! "frå 1 759 i 2023 til 1 377 i 2024"), and checks that the change follows from the values.
//! Reports round their figures, so every figure stands for the interval its last digit allows;
//! the sentence is flagged only when no values inside those intervals make the stated change
//! true. A change in % between two % values may mean a relative change or percentage points:
//! either is accepted; "prosentpoeng" means the difference.
//!
//! Why: a change that does not match its own figures means one of the three is wrong, and the
//! reader cannot tell which.
//!
//! Example: "Antallet er redusert med 14 %, fra 81 til 68." → 68/81 − 1 = −16,0 %: flagged.
//! "redusert med 26,6 % fra 2023 til 2024, fra 64 218 til 47 136" → −26,58 %: fine.
//!
//! Only unambiguous sentences are checked: exactly one from/to pair of values (years are not
//! values) and exactly one change figure bound by "med"/"på" to a change word.

use super::prose::{
    arithmetic, decimals_for, fmt_unit, is_plain_quantity, last_direction, looks_like_year,
    pairs_in, passed, Dir, Pair, Prose,
};
use super::Outcome;
use crate::document::lexicon;
use crate::extract::numbers::{NumUnit, NumberToken};
use crate::model::{Finding, Severity};
use crate::text::{corners2, fmt_no, last_word, magnitude, overlaps, tail, words, Iv};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "change";

/// A change figure: the token and the direction word it belongs to.
#[derive(Debug)]
pub(crate) struct ChangeFigure {
    pub token: usize,
    pub dir: Dir,
}

/// Change figures of a sentence: "<change word> … med|på N".
pub(crate) fn change_figures(
    prose: &Prose,
    sentence: &std::ops::Range<usize>,
) -> Vec<ChangeFigure> {
    let mut out = Vec::new();
    let mut lo = sentence.start;
    for i in prose.tokens_in(sentence) {
        let Some(t) = prose.tokens.get(i) else {
            continue;
        };
        let before = prose.text.get(lo..t.span.start).unwrap_or("");
        lo = t.span.end.max(lo);
        if !is_plain_quantity(t) || looks_like_year(t, prose.text) {
            continue;
        }
        let lw = last_word(before).unwrap_or_default();
        if lw != "med" && lw != "på" {
            // "tilsvarende 11 % økning": a % figure right before a direction noun.
            if !matches!(t.unit, NumUnit::Percent | NumUnit::PercentagePoints) {
                continue;
            }
            let after = crate::text::head(prose.text, t.span.end, 40);
            let aw = words(after);
            let Some(d) = aw
                .first()
                .and_then(|w| last_direction(std::slice::from_ref(w)))
            else {
                continue;
            };
            let bw = words(tail(before, before.len(), 60));
            let near = &bw[bw.len().saturating_sub(4)..];
            if d.dir == Dir::Change || near.iter().any(|w| is_target_word(w)) {
                continue;
            }
            out.push(ChangeFigure {
                token: i,
                dir: d.dir,
            });
            continue;
        }
        let trimmed = before.trim_end();
        let cut = trimmed.len().saturating_sub(lw.len());
        let window = tail(trimmed, cut, 80);
        let mut ws = words(window);
        if ws.len() > 6 {
            ws.drain(..ws.len() - 6);
        }
        let Some(d) = last_direction(&ws) else {
            continue;
        };
        if d.negated || ws.iter().any(|w| is_target_word(w)) {
            continue;
        }
        out.push(ChangeFigure {
            token: i,
            dir: d.dir,
        });
    }
    out
}

fn is_target_word(w: &str) -> bool {
    lexicon().change_target_words.contains(w)
}

/// One way to read the change between the values.
struct Reading {
    label: &'static str,
    unit: NumUnit,
    point: f64,
    range: Iv,
}

fn readings(
    from: &NumberToken,
    to: &NumberToken,
    pair: &Pair,
    change: &NumberToken,
) -> Vec<Reading> {
    let x = from.interval();
    let y = to.interval();
    let mut out = Vec::new();
    let diff = Reading {
        label: "",
        unit: pair.unit,
        point: to.value - from.value,
        range: (y.0 - x.1, y.1 - x.0),
    };
    match change.unit {
        NumUnit::Percent => {
            if x.0 > 0.0 && y.0 >= 0.0 {
                if let Some(r) = corners2(x, y, |a, b| (b / a - 1.0) * 100.0) {
                    out.push(Reading {
                        label: "relativt",
                        unit: NumUnit::Percent,
                        point: (to.value / from.value - 1.0) * 100.0,
                        range: r,
                    });
                }
            }
            if pair.unit == NumUnit::Percent {
                out.push(Reading {
                    label: "prosentpoeng",
                    unit: NumUnit::PercentagePoints,
                    ..diff
                });
            }
        }
        NumUnit::PercentagePoints => {
            if matches!(pair.unit, NumUnit::Percent | NumUnit::None) {
                out.push(Reading {
                    unit: NumUnit::PercentagePoints,
                    ..diff
                });
            }
        }
        u if u == pair.unit && u != NumUnit::Per100k => out.push(diff),
        _ => {}
    }
    out
}

/// "I somatikken er ventetiden redusert fra 66 til 63 dager, og i PHBU er ventetiden redusert
/// med 5 dager": the change figure stands in a clause of its own (after a comma or semicolon and
/// a conjunction of `[clause_breaks]`) that names its own area or trust, so it is not the change
/// between the values.
fn other_clause(text: &str, from: &NumberToken, to: &NumberToken, change: &NumberToken) -> bool {
    let pair = from.span.start.min(to.span.start)..from.span.end.max(to.span.end);
    let gap = if change.span.start >= pair.end {
        pair.end..change.span.start
    } else if change.span.end <= pair.start {
        change.span.end..pair.start
    } else {
        return false;
    };
    let Some(gap) = text.get(gap) else {
        return false;
    };
    let folded = crate::text::fold(gap);
    let breaks = crate::extract::phrases::claims().get("clause_breaks");
    folded.match_indices([',', ';']).any(|(i, _)| {
        let rest = folded[i + 1..].trim_start();
        let first = rest.split_whitespace().next().unwrap_or("");
        let rest = if breaks.iter().any(|b| b == first) {
            &rest[first.len()..]
        } else {
            rest
        };
        !crate::extract::targets::subjects_in(rest, 0).is_empty()
            || !crate::extract::entities::catalogue()
                .mentions(rest)
                .is_empty()
    })
}

/// Runs the check.
pub fn check(prose: &Prose) -> Vec<Finding> {
    outcome(prose).findings
}

/// Runs the check: the findings, and the changes found to follow from their values.
pub fn outcome(prose: &Prose) -> Outcome {
    let mut out = Outcome::default();
    for s in &prose.sentences {
        let pairs = pairs_in(prose, s);
        if pairs.len() != 1 {
            continue;
        }
        let pair = pairs[0];
        let figures: Vec<ChangeFigure> = change_figures(prose, s)
            .into_iter()
            .filter(|c| c.token != pair.from && c.token != pair.to)
            .collect();
        if figures.len() != 1 {
            continue;
        }
        let fig = &figures[0];
        let (Some(from), Some(to), Some(change)) = (
            prose.tokens.get(pair.from),
            prose.tokens.get(pair.to),
            prose.tokens.get(fig.token),
        ) else {
            continue;
        };
        if other_clause(prose.text, from, to, change) {
            continue;
        }
        let rs = readings(from, to, &pair, change);
        if rs.is_empty() {
            continue;
        }
        let stated_iv = magnitude(change.interval());
        let mag = change.value.abs();
        let stated = if fig.dir == Dir::Down { -mag } else { mag };
        let d = decimals_for(change.resolution, change.unit, change.value) + 1;
        let dv = decimals_for(from.resolution.min(to.resolution), pair.unit, from.value);
        if let Some(r) = rs.iter().find(|r| overlaps(magnitude(r.range), stated_iv)) {
            let message = format!(
                "Oppgitt endring på {} stemmer med tallene fra {} til {}: endringen er {}.",
                fmt_unit(change.value, change.unit, d - 1),
                fmt_unit(from.value, pair.unit, dv),
                fmt_unit(to.value, pair.unit, dv),
                fmt_unit(r.point, r.unit, d),
            );
            out.passed.push(passed(
                ID,
                prose.lines_of(&[change, from, to]),
                message,
                stated,
                r.point,
                r.range,
            ));
            continue;
        }
        let shown: Vec<String> = rs
            .iter()
            .map(|r| {
                let mut s = fmt_unit(r.point, r.unit, d);
                let lo = fmt_no(r.range.0, d);
                let hi = fmt_no(r.range.1, d);
                if lo != hi {
                    s.push_str(&format!(" (med avrunding mellom {lo} og {hi})"));
                }
                if r.label == "relativt" && rs.len() > 1 {
                    s.push_str(" relativt");
                }
                s
            })
            .collect();
        let message = format!(
            "Oppgitt endring på {} stemmer ikke med tallene fra {} til {}: endringen er {}.",
            fmt_unit(change.value, change.unit, d - 1),
            fmt_unit(from.value, pair.unit, dv),
            fmt_unit(to.value, pair.unit, dv),
            shown.join(" eller "),
        );
        let first = &rs[0];
        out.findings.push(arithmetic(
            ID,
            Severity::Error,
            prose.lines_of(&[change, from, to]),
            message,
            stated,
            first.point,
            first.range,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_in_a_clause_about_another_area_is_not_checked_against_the_values() {
        // Pass: the 5 days belong to PHBU, the values to somatikk.
        assert!(run(
            "I somatikken er ventetiden redusert fra 66 til 63 dager, og i PHBU er ventetiden redusert med 5 dager."
        )
        .is_empty());
        // Fail: one clause, one statement.
        assert_eq!(
            run("I somatikken er ventetiden redusert med 5 dager, fra 66 til 63 dager.").len(),
            1
        );
    }

    fn run(text: &str) -> Vec<Finding> {
        super::super::prose::run_on(text, check)
    }

    #[test]
    fn correct_relative_changes_pass() {
        // bokmål, the sample's own sentences
        assert!(run("St. Olavs hospital HF har redusert arbeidstidsavvikene med 26,6 % fra 2023 til 2024, fra 64 218 til 47 136 brudd.").is_empty());
        assert!(run("St. Olavs hospital HF har redusert antallet med 21,7 %, fra 1 759 tilfeller i 2023 til 1 377 i 2024.").is_empty());
        assert!(run("St. Olavs hospital HF har registrert en økning på 46 prosent, fra 1 886 skader i 2023 til 2 748 i 2024.").is_empty());
        // nynorsk
        assert!(
            run("Talet på brot er redusert med 2,9 %, frå 451 i 2023 til 438 i 2024.").is_empty()
        );
        assert!(run("Det har vore ein auke på 39 %, frå 523 i 2023 til 726 i 2024.").is_empty());
    }

    #[test]
    fn a_right_change_is_recorded_as_checked_and_a_wrong_one_is_not() {
        let outcome = |text: &str| {
            let doc = crate::document::Document::new(text.to_string());
            let reading = doc.reading();
            let prose = Prose::from_reading(&reading);
            let o = super::outcome(&prose);
            (o.findings, o.passed)
        };
        // 47 136 / 64 218 − 1 = −26,60 %: written 26,6 %, right.
        let (f, p) = outcome("Antallet er redusert med 26,6 %, fra 64 218 til 47 136 brudd.");
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].rule, ID);
        assert_eq!(p[0].line, 1);
        assert_eq!(p[0].stated, Some(-26.6));
        assert!((p[0].computed.unwrap() + 26.6).abs() < 0.001, "{p:?}");
        assert_eq!(
            p[0].message,
            "Oppgitt endring på 26,6 % stemmer med tallene fra 64 218 til 47 136: endringen er \
             −26,60 %."
        );
        // 68/81 − 1 = −16,0 %, not −14 %: a finding, and nothing found right.
        let (f, p) = outcome("Antallet er redusert med 14 %, fra 81 til 68.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(p.is_empty(), "{p:?}");
        // A sentence the rule does not bind (no stated change) is not a check either.
        let (f, p) = outcome("Helse Nord-Trøndelag har økt fra 10,6 til 11,5 prosent.");
        assert!(f.is_empty() && p.is_empty(), "{f:?} {p:?}");
    }

    #[test]
    fn wrong_relative_change_is_flagged() {
        let f = run("Antallet er redusert med 14 %, fra 81 til 68.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].stated, Some(-14.0));
        let c = f[0].computed.unwrap();
        assert!((c + 16.05).abs() < 0.01, "{c}");
        assert!(f[0].message.contains("−16,0 %"), "{}", f[0].message);
        let f = run("Talet har auka med 20 % frå 100 til 110 i 2024.");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn percent_of_percent_accepts_points_or_relative() {
        // 11,5 − 10,6 = 0,9 points; 11,5/10,6 − 1 = 8,5 %
        assert!(run("Andelen har økt med 8,5 % fra 10,6 til 11,5 prosent.").is_empty());
        assert!(run("Delen har auka med 0,9 prosentpoeng frå 10,6 til 11,5 prosent.").is_empty());
        assert_eq!(
            run("Andelen har økt med 2 prosentpoeng fra 10,6 til 11,5 prosent.").len(),
            1
        );
        assert_eq!(
            run("Andelen har økt med 3 % fra 10,6 til 11,5 prosent.").len(),
            1
        );
    }

    #[test]
    fn absolute_change_in_money() {
        assert!(run(
            "Ramma auka med 870 mill. kroner frå 3 518 mill. kroner til 4 388 mill. kroner."
        )
        .is_empty());
        assert_eq!(
            run("Rammen økte med 800 mill. kroner fra 3 518 mill. kroner til 4 388 mill. kroner.")
                .len(),
            1
        );
    }

    #[test]
    fn change_after_the_pair() {
        // 001 line 1213: 278/251 − 1 = 10,8 % ≈ 11 %.
        assert!(
            run("Antallet har gått fra 251 til 278 studier, tilsvarende 11 % økning.").is_empty()
        );
        assert_eq!(
            run("Talet har gått frå 251 til 278 studiar, tilsvarande 15 % auke.").len(),
            1
        );
    }

    #[test]
    fn targets_are_not_results() {
        assert!(run("Antallet skal reduseres med 20 %, fra 100 til 85.").is_empty());
        assert!(run("Målet er 20 % reduksjon, fra 100 til 85.").is_empty());
    }

    #[test]
    fn unbound_figures_are_left_alone() {
        // No stated change.
        assert!(run("Helse Nord-Trøndelag (HNT) har økt fra 10,6 til 11,5 prosent.").is_empty());
        // A number in the measure's name is not the change.
        assert!(run("St. Olavs hospital HF har redusert antall enheter med sykefravær over 10 % fra 189 i 2023 til 187 i 2024.").is_empty());
        // Two pairs: which one the change belongs to is not certain.
        assert!(run("Økt med 5 % fra 10 til 20 og fra 30 til 40.").is_empty());
        // Approximate values.
        assert!(run("Kostnadene har økt med 50 % fra i underkant av 80 millioner kroner til 175 millioner kroner.").is_empty());
    }
}
