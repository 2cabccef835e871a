//! The shared runner for the prose rules (`change`, `rate`, `chain`, `ratio`, `direction`,
//! `placeholder`, `list_sum`, `multiple`): a [`Prose`] view (text, sentence ranges, the numbers
//! the lexer found and a map from offsets to input lines), the token tests, the from/to pairs and
//! the unit formatting they share. Every rule takes `&Prose` and returns findings; [`check_all`]
//! runs them all. The pure text helpers they use (words, intervals, `fmt_no`) are in `crate::text`.

use std::ops::Range;

use super::Outcome;

use crate::document::lexicon;
use crate::extract::numbers::{lex, NumUnit, NumberKind, NumberToken};
use crate::model::{CheckPassed, Finding, FindingKind, Severity};
use crate::text::{decimals_of, fmt_no, last_word, lower, tail, words, Iv};

/// The text the prose checks read: sentences, numbers and a way back to input lines.
pub struct Prose<'a> {
    pub text: &'a str,
    /// Byte ranges of the sentences in `text`, in order, not overlapping.
    pub sentences: Vec<Range<usize>>,
    /// Every number in `text`, in order of position (spans are offsets in `text`).
    pub tokens: Vec<NumberToken>,
    /// `fold(text)`: the same byte offsets, lowercased once for every check.
    pub folded: String,
    line_at: Box<dyn Fn(usize) -> usize + 'a>,
}

impl<'a> Prose<'a> {
    /// Builds the view from a text, its sentence ranges and an offset → 1-based line map.
    pub fn new(
        text: &'a str,
        sentences: Vec<Range<usize>>,
        line_at: impl Fn(usize) -> usize + 'a,
    ) -> Self {
        let mut tokens = lex(text);
        tokens.retain(|t| t.span.start < t.span.end && t.span.end <= text.len());
        crate::sorting::sort_by_key(&mut tokens, |t| t.span.start);
        let mut sentences: Vec<Range<usize>> = sentences
            .into_iter()
            .filter(|r| r.start < r.end && r.end <= text.len())
            .collect();
        crate::sorting::sort_by_key(&mut sentences, |r| r.start);
        // "til 68. Antallet …": the lexer may read a number before a full stop and a capital as
        // an ordinal; where the reading view ends a sentence right there it is a quantity.
        let ends: Vec<usize> = sentences.iter().map(|r| r.end).collect();
        for t in tokens.iter_mut() {
            if t.kind == NumberKind::Reference
                && t.upper.is_none()
                && text.get(t.span.clone()).is_some_and(|w| {
                    w.ends_with('.')
                        && w[..w.len() - 1]
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b' ')
                })
                && ends.binary_search(&t.span.end).is_ok()
            {
                t.kind = NumberKind::Quantity;
                t.span.end -= 1;
            }
        }
        Prose {
            text,
            sentences,
            tokens,
            folded: crate::text::fold(text),
            line_at: Box::new(line_at),
        }
    }

    /// The reading view of a document.
    pub fn from_reading(reading: &'a crate::document::Reading) -> Self {
        Prose::from_sentences(reading, &reading.sentences())
    }

    /// The reading view of a document, with its sentences (`reading.sentences()`) already split.
    pub fn from_sentences(
        reading: &'a crate::document::Reading,
        sentences: &[crate::document::Sentence],
    ) -> Self {
        let sentences = sentences.iter().map(|s| s.range.clone()).collect();
        Prose::new(&reading.text, sentences, move |off| reading.line_at(off))
    }

    /// 1-based input line of byte offset `offset` in `text`.
    pub fn line_at(&self, offset: usize) -> usize {
        (self.line_at)(offset)
    }

    /// Text of a range (empty when the range does not fall on char boundaries).
    pub fn slice(&self, r: Range<usize>) -> &'a str {
        self.text.get(r).unwrap_or("")
    }

    /// `fold(self.slice(r))` without folding again (`fold` keeps every byte offset).
    pub fn folded_slice(&self, r: Range<usize>) -> &str {
        self.folded.get(r).unwrap_or("")
    }

    /// Indices into `tokens` of the numbers inside sentence `r`.
    pub fn tokens_in(&self, r: &Range<usize>) -> Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < r.start);
        let b = self.tokens.partition_point(|t| t.span.start < r.end);
        a..b.max(a)
    }

    /// First and last input line of the given tokens.
    pub fn lines_of(&self, toks: &[&NumberToken]) -> (usize, usize) {
        let mut lo = usize::MAX;
        let mut hi = 0;
        for t in toks {
            let a = self.line_at(t.span.start);
            let b = self.line_at(t.span.end.saturating_sub(1).max(t.span.start));
            lo = lo.min(a);
            hi = hi.max(b);
        }
        if lo == usize::MAX {
            (1, 1)
        } else {
            (lo, hi.max(lo))
        }
    }
}

/// Runs every prose check on a document's reading view.
pub fn check_all(reading: &crate::document::Reading) -> Vec<Finding> {
    run_all(&Prose::from_reading(reading))
}

/// Runs `check` on `text` read as a document (tests).
#[cfg(test)]
pub fn run_on(text: &str, check: fn(&Prose) -> Vec<Finding>) -> Vec<Finding> {
    let doc = crate::document::Document::new(text.to_string());
    let reading = doc.reading();
    let prose = Prose::from_reading(&reading);
    let found = check(&prose);
    drop(prose);
    found
}

/// Runs every prose check on a prepared view.
pub fn run_all(prose: &Prose) -> Vec<Finding> {
    run_all_outcome(prose).findings
}

/// Runs every prose check on a prepared view: the findings, and the checks found right.
pub fn run_all_outcome(prose: &Prose) -> Outcome {
    let mut out = Outcome::default();
    out.extend(super::change::outcome(prose));
    out.extend(super::rate::outcome(prose));
    out.extend(super::chain::outcome(prose));
    out.extend(super::ratio::outcome(prose));
    out.findings.extend(super::direction::check(prose));
    out.findings.extend(super::placeholder::check(prose));
    out.extend(super::list_sum::outcome(prose));
    out.extend(super::multiple::outcome(prose));
    crate::sorting::sort_by_key(&mut out.findings, |f| (f.line, f.end_line));
    crate::sorting::sort_by_key(&mut out.passed, |p| (p.line, p.end_line));
    out
}

// ---------------------------------------------------------------------------------------------
// Intervals of tokens

/// Interval of a token; for a range token ("7-800") the whole span of the range.
pub fn iv(t: &NumberToken) -> Iv {
    t.interval()
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// A quantity the checks can use: not a year, date or period, no range.
pub fn is_plain_quantity(t: &NumberToken) -> bool {
    t.kind == NumberKind::Quantity && t.upper.is_none() && t.value.is_finite()
}

/// A year, date or period, or four bare digits that read as a calendar year (in case the lexer
/// leaves "fra 2023 til 2024" as counts).
pub fn looks_like_year(t: &NumberToken, text: &str) -> bool {
    if t.kind != NumberKind::Quantity {
        return true;
    }
    let written = text.get(t.span.clone()).unwrap_or("").trim();
    t.unit == NumUnit::None
        && t.value.fract() == 0.0
        && (1950.0..=2100.0).contains(&t.value)
        && written.len() == 4
        && written.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a token is a rate per 100 000 (by unit, or by the words right after it).
pub fn is_per_100k(t: &NumberToken, text: &str) -> bool {
    if t.unit == NumUnit::Per100k {
        return true;
    }
    let after = text.get(t.span.end..).unwrap_or("");
    let mut cut = after.len().min(24);
    while !after.is_char_boundary(cut) {
        cut -= 1;
    }
    let after = &after[..cut];
    let after = lower(after.trim_start());
    [
        "per 100 000",
        "pr. 100 000",
        "pr 100 000",
        "per 100000",
        "pr. 100000",
    ]
    .iter()
    .any(|p| after.starts_with(p))
        || after.starts_with("per\u{a0}100\u{a0}000")
}

// ---------------------------------------------------------------------------------------------
// Approximation words

/// Whether the words right before a figure (in `before`) make it approximate.
pub fn approximate_before(before: &str) -> bool {
    let w = words(tail(before, before.len(), 24));
    match w.last() {
        Some(last) => lexicon().approximate.contains(last.as_str()),
        None => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Direction words

pub use crate::extract::phrases::{first_direction, last_direction, Dir, DirWord};

/// Whether any direction word occurs in `s`.
pub fn has_direction_word(s: &str) -> bool {
    let w = words(s);
    last_direction(&w).is_some_and(|d| d.dir != Dir::Change)
}

// ---------------------------------------------------------------------------------------------
// From/to pairs

/// "fra X til Y" / "frå X til Y" in one sentence: indices into `Prose::tokens`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub from: usize,
    pub to: usize,
    /// Byte offset of the word "fra"/"frå".
    pub fra_at: usize,
    /// The unit both values share (one of them may be written without it).
    pub unit: NumUnit,
}

/// Units two values of a pair may have; `None` when they do not go together.
fn pair_unit(a: NumUnit, b: NumUnit) -> Option<NumUnit> {
    match (a, b) {
        (x, y) if x == y => Some(x),
        (NumUnit::None, y) | (y, NumUnit::None) if y != NumUnit::Nok => Some(y),
        _ => None,
    }
}

/// Byte offset of the "fra"/"frå" that introduces token `t` (fillers allowed between), and
/// whether an approximation word stands in between ("fra i underkant av 80").
fn fra_before(text: &str, lo: usize, t: &NumberToken) -> Option<(usize, bool)> {
    let before = text.get(lo..t.span.start)?;
    let window = tail(before, before.len(), 48);
    let base = t.span.start - window.len();
    // Walk back over words.
    let mut end = window.len();
    let mut approx = false;
    for _ in 0..5 {
        let seg = window.get(..end)?;
        let trimmed = seg.trim_end();
        if trimmed.ends_with([',', ';', ':', '(', ')']) {
            return None;
        }
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let w = lower(
            trimmed
                .get(start..)?
                .trim_end_matches('.')
                .trim_start_matches(['(', '«', '"']),
        );
        if w.is_empty() || w.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        if w == "fra" || w == "frå" {
            return Some((base + start, approx));
        }
        if lexicon().approximate.contains(w.as_str()) || w == "av" || w == "om" {
            approx = true;
        } else if !lexicon().pair_fillers.contains(w.as_str()) {
            return None;
        }
        end = start;
    }
    None
}

/// Whether the text between the from-value and the to-value reads "… til" with at most a few
/// words (not a new "fra", no clause break) and only years in between.
fn til_between(between: &str) -> Option<bool> {
    let t = between.trim_end();
    let lw = last_word(t)?;
    let (rest, approx) = if lw == "til" {
        (t.get(..t.len().saturating_sub(3))?, false)
    } else if lexicon().approximate.contains(lw.as_str()) || lw == "av" {
        // "til i overkant av 90", "til om lag 90"
        let p = t.rfind(|c: char| c.is_whitespace()).unwrap_or(0);
        let before = t.get(..p)?.trim_end();
        let mut ws = words(before);
        while ws.last().is_some_and(|w| {
            lexicon().approximate.contains(w.as_str()) || w == "av" || w == "om" || w == "i"
        }) {
            ws.pop();
        }
        if ws.last().map(String::as_str) != Some("til") {
            return None;
        }
        (before, true)
    } else {
        return None;
    };
    if rest.contains([';', ':', '(', ')']) {
        return None;
    }
    let ws = words(rest);
    if ws.len() > 9 || ws.iter().any(|w| w == "fra" || w == "frå" || w == "og") {
        return None;
    }
    Some(approx)
}

/// The "fra X til Y" pairs of a sentence (years are never values of a pair). Pairs whose values
/// are approximate ("fra i underkant av 80") are left out.
pub fn pairs_in(prose: &Prose, sentence: &Range<usize>) -> Vec<Pair> {
    let idx = prose.tokens_in(sentence);
    let toks = &prose.tokens;
    let mut out = Vec::new();
    let mut lo = sentence.start;
    for i in idx.clone() {
        let Some(a) = toks.get(i) else { continue };
        let usable_a = is_plain_quantity(a) && !looks_like_year(a, prose.text);
        let fra = if usable_a {
            fra_before(prose.text, lo, a)
        } else {
            None
        };
        let prev_end = a.span.end;
        if let Some((fra_at, approx_a)) = fra {
            // The to-value: the next token that is not a year.
            let mut found = None;
            for j in i + 1..idx.end {
                let Some(b) = toks.get(j) else { break };
                if looks_like_year(b, prose.text) {
                    continue;
                }
                found = Some(j);
                break;
            }
            if let Some(j) = found {
                let b = &toks[j];
                let between = prose.text.get(a.span.end..b.span.start).unwrap_or("");
                if let Some(approx_b) = til_between(between) {
                    if is_plain_quantity(b) && !approx_a && !approx_b {
                        if let Some(unit) = pair_unit(a.unit, b.unit) {
                            out.push(Pair {
                                from: i,
                                to: j,
                                fra_at,
                                unit,
                            });
                        }
                    }
                }
            }
        }
        lo = prev_end.max(lo);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Formatting

/// A value in its unit as a reader writes it: "26,6 %", "870 mill. kroner", "10,47 per 100 000".
pub fn fmt_unit(v: f64, unit: NumUnit, decimals: usize) -> String {
    match unit {
        NumUnit::Percent => format!("{} %", fmt_no(v, decimals)),
        NumUnit::PercentagePoints => format!("{} prosentpoeng", fmt_no(v, decimals)),
        NumUnit::Days => format!("{} dager", fmt_no(v, decimals)),
        NumUnit::Per100k => format!("{} per 100 000", fmt_no(v, decimals)),
        NumUnit::Nok => {
            if v.abs() >= 1e6 {
                format!(
                    "{} mill. kroner",
                    fmt_no(v / 1e6, decimals.saturating_sub(6))
                )
            } else {
                format!("{} kroner", fmt_no(v, decimals))
            }
        }
        _ => fmt_no(v, decimals),
    }
}

/// Decimals to show a base-unit value of a token with resolution `res` (money shown in millions).
pub fn decimals_for(res: f64, unit: NumUnit, v: f64) -> usize {
    match unit {
        NumUnit::Nok if v.abs() >= 1e6 => decimals_of(res / 1e6) + 6,
        _ => decimals_of(res),
    }
}

/// A check made by rule `rule` (the check's `ID`) and found right: `stated` is the report's
/// figure, `computed` what its own figures give, `range` what their rounding allows.
pub fn passed(
    rule: &'static str,
    lines: (usize, usize),
    message: String,
    stated: f64,
    computed: f64,
    range: Iv,
) -> CheckPassed {
    CheckPassed {
        rule: rule.into(),
        line: lines.0,
        end_line: lines.1.max(lines.0),
        message,
        stated: Some(stated),
        computed: Some(computed),
        computed_range: Some([range.0, range.1]),
    }
}

/// The message of a check found right: "`sum` = `stated` stemmer." when what the figures give,
/// written as the report writes the stated figure (`computed`), is the stated figure; else
/// "`sum` = `computed`; oppgitt `stated` stemmer med avrunding." (the rounded figures allow it).
pub fn agrees(sum: &str, computed: &str, stated: &str) -> String {
    if computed == stated {
        format!("{sum} = {stated} stemmer.")
    } else {
        format!("{sum} = {computed}; oppgitt {stated} stemmer med avrunding.")
    }
}

/// A figure as the report writes it ("2,9 mill. kroner"), spaces inside it made one.
pub fn written(prose: &Prose, t: &NumberToken) -> String {
    prose
        .slice(t.span.clone())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `v` (what figures add up to) as a check found right shows it beside the stated figure `t`:
/// as the report writes `t` when `v` rounds to it, else in `t`'s unit and decimals.
pub fn shown_beside(prose: &Prose, t: &NumberToken, v: f64) -> String {
    if (v - t.value).abs() <= t.resolution / 2.0 + 1e-9 * t.value.abs().max(1.0) {
        written(prose, t)
    } else {
        fmt_unit(v, t.unit, decimals_for(t.resolution, t.unit, t.value))
    }
}

/// An arithmetic finding made by rule `rule` (the check's `ID`).
#[allow(clippy::too_many_arguments)]
pub fn arithmetic(
    rule: &'static str,
    severity: Severity,
    lines: (usize, usize),
    message: String,
    stated: f64,
    computed: f64,
    range: Iv,
) -> Finding {
    Finding {
        kind: FindingKind::Arithmetic,
        rule: rule.into(),
        severity,
        line: lines.0,
        end_line: lines.1.max(lines.0),
        message,
        stated: Some(stated),
        computed: Some(computed),
        computed_range: Some([range.0, range.1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_in_its_unit() {
        assert_eq!(fmt_unit(8.7e8, NumUnit::Nok, 6), "870 mill. kroner");
        assert_eq!(fmt_unit(26.6, NumUnit::Percent, 1), "26,6 %");
    }
}
#[cfg(test)]
mod samples {
    use super::*;

    fn sample(name: &str) -> String {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn all(text: &str) -> Vec<Finding> {
        run_on(text, run_all)
    }

    const S001: &str = "001_a15ca66fe45fcd5e.txt";

    #[test]
    fn sample_001_rates_and_changes() {
        let text = sample(S001);
        let f = all(&text);
        let at = |line: usize| {
            f.iter()
                .filter(|x| x.line <= line && line <= x.end_line)
                .count()
        };
        let rate = f
            .iter()
            .find(|x| x.line == 1555)
            .expect("rate finding at 1555");
        assert_eq!(rate.stated, Some(10.2));
        assert!((rate.computed.unwrap_or(0.0) - 10.47).abs() < 0.01);
        let rate2 = f
            .iter()
            .find(|x| x.line == 1559)
            .expect("rate finding at 1559");
        assert!((rate2.computed.unwrap_or(0.0) - 17.13).abs() < 0.01);
        // Correct changes: nothing to report.
        assert_eq!(at(4858), 0, "{f:?}");
        assert_eq!(at(4816) + at(4817), 0, "{f:?}");
        // The driftskredittramme chain adds up (3 518 + 870 = 4 388).
        assert_eq!(at(4260), 0, "{f:?}");
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn sample_001_sentences_are_really_bound() {
        // The same sentences with a wrong figure are caught, so the silence above is a check,
        // not a miss.
        let text = sample(S001);
        let f = all(&text.replacen(
            "redusert antallet med 21,7 %",
            "redusert antallet med 27,1 %",
            1,
        ));
        let hit = f.iter().find(|x| x.line == 4858).expect("finding at 4858");
        assert_eq!(hit.stated, Some(-27.1));
        let f = all(&text.replacen("med 26,6 % fra 2023", "med 22,6 % fra 2023", 1));
        assert!(
            f.iter().any(|x| x.line == 4816 && x.end_line == 4818),
            "{f:?}"
        );
        let f = all(&text.replacen("økt med 870 mill. kroner", "økt med 780 mill. kroner", 1));
        assert!(
            f.iter().any(|x| x.line == 4258 && x.end_line == 4260),
            "{f:?}"
        );
    }

    #[test]
    fn sample_002_ratio_and_003_placeholder() {
        let f = all(&sample("002_473fd4dd3fe50d6d.txt"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 191);
        assert_eq!(f[0].stated, Some(14.0));
        let f = all(&sample("003_1aa3c3bfad0b64da.txt"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].line, f[0].kind), (1961, FindingKind::Placeholder));
    }

    #[test]
    fn odd_input_never_panics() {
        let odd = [
            "",
            "fra",
            "fra 1 til",
            "[",
            "<",
            "???",
            "kr",
            "X",
            "æøå/",
            "5/0 = 3 %",
            "0/0=0 %",
            "0 av 0 (0 %)",
            "fra 0 til 5, økt med 10 %.",
            "økt med 5 til",
            "per 100 000",
            "Befolkning 0\nplasser 0\n0,0 per 100 000",
            "ø/ø=ø %",
            "1/2=",
            "[[]]<<>>",
            "redusert med −5 % fra −3 til −4",
            "utgjør 5 % av 0 (0)",
            "kr. X\r\nNN har",
        ];
        for s in odd {
            let _ = all(s);
        }
        let long = "Antallet er redusert med 14 %, fra 81 til 68. ".repeat(2000);

        assert_eq!(all(&long).len(), 2000);
    }

    #[test]
    fn samples_000_and_004_are_clean() {
        assert!(all(&sample("000_2a6fda8bf9662336.txt")).is_empty());
        assert!(all(&sample("004_6a014670dbcf36ad.txt")).is_empty());
    }
}
