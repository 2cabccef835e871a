//! **table_percent**: percentages in tables against the counts beside them.
//!
//! **What it finds.** A percentage in a table that the table's own counts contradict:
//! - a change note on a count, "808 (11,7 %)" in a column "BEHOV 2040 (% ENDRING)" next to
//!   "ANTALL 2023" 687, where 687 → 808 is +17,6 %;
//! - a percent column beside count columns: a change between two count columns ("2023 | 2024 |
//!   Endring"), a ratio of two count columns ("Antall | Totalt | Andel"), or a share of the
//!   total row ("Antall | Andel" with a "Totalt" row).
//!
//! **Why it matters.** A wrong percentage in a table is quoted onwards as fact (in the board's
//! summary, in the ministry's letter); the counts next to it show it is wrong.
//!
//! **Example.** "Endringen for INTENSIVSYKEPLEIER 2040 er oppgitt til 11,7 %, men 687 → 808 gir
//! 17,6 % (17,5–17,8 % med avrunding)."
//!
//! **How it decides what a percentage means.** The table itself tells: each reading (change from
//! the first count column, change from the nearest count column, ratio, share of total) is tried
//! on every percentage of the table, and the reading that the most cells agree with is taken. It
//! must fit at least two cells, and either the header names it ("endring", "andel") or at least
//! 60 % of the cells fit. Only the cells that then do not fit are reported. Rounding is
//! respected: a cell is reported only when no values inside the intervals of its inputs give a
//! percentage inside the interval of the stated one. Rows whose alignment was guessed (empty cells
//! dropped by the PDF) are left out.

use crate::extract::numbers::NumUnit;
use crate::extract::tables::{Cell, FoundRow, FoundTable};
use crate::model::{CheckPassed, Finding, FindingKind, Severity};
use crate::rules::prose::agrees;
use crate::rules::table_sums::{is_total_label, TABLE_NUMBER};
use crate::rules::Outcome;
use crate::text::{decimals_of, overlaps};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "table_percent";

/// The readings of a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    ChangeFromFirst,
    ChangeFromPrev,
    RatioToFirst,
    RatioOfFirst,
    ShareOfTotal,
}

const READINGS: [Reading; 5] = [
    Reading::ChangeFromFirst,
    Reading::ChangeFromPrev,
    Reading::RatioToFirst,
    Reading::RatioOfFirst,
    Reading::ShareOfTotal,
];

impl Reading {
    fn is_change(self) -> bool {
        matches!(self, Reading::ChangeFromFirst | Reading::ChangeFromPrev)
    }
}

/// Where the percentages of a series are.
#[derive(Debug, Clone, Copy)]
enum Series {
    /// Notes on the cells of column `p`: "321 (6,3 %)".
    Notes(usize),
    /// Column `p` holds percentages.
    Column(usize),
}

impl Series {
    fn col(self) -> usize {
        match self {
            Series::Notes(p) | Series::Column(p) => p,
        }
    }
}

/// One percentage checked against its inputs.
struct Eval {
    ok: bool,
    stated: f64,
    stated_res: f64,
    computed: f64,
    lo: f64,
    hi: f64,
    /// (numerator or new value, denominator or old value)
    a: f64,
    b: f64,
    a_res: f64,
    b_res: f64,
}

/// Checks the percentages of every table.
pub fn check_percents(tables: &[FoundTable]) -> Vec<Finding> {
    outcome(tables).findings
}

/// Checks the percentages of every table: the findings, and the percentages found right.
pub fn outcome(tables: &[FoundTable]) -> Outcome {
    let mut out = Outcome::default();
    for t in tables {
        check_table(t, &mut out);
        check_plain_change_columns(t, &mut out);
    }
    crate::sorting::sort_by_key(&mut out.findings, |f| f.line);
    crate::sorting::sort_by_key(&mut out.passed, |p| p.line);
    out
}

fn is_quantity(c: &Cell) -> bool {
    c.value.is_some()
        && matches!(
            c.unit,
            NumUnit::None
                | NumUnit::Nok
                | NumUnit::Persons
                | NumUnit::Fte
                | NumUnit::Days
                | NumUnit::Hours
                | NumUnit::Weeks
                | NumUnit::Months
        )
}

/// Columns of counts or amounts: every filled cell a plain quantity.
fn quantity_columns(t: &FoundTable) -> Vec<bool> {
    (0..t.width())
        .map(|j| {
            let mut any = false;
            for r in &t.rows {
                match r.cells.get(j) {
                    Some(c) if c.is_blank() => {}
                    Some(c) if is_quantity(c) => any = true,
                    _ => return false,
                }
            }
            any
        })
        .collect()
}

fn series_of(t: &FoundTable) -> Vec<Series> {
    let mut s = Vec::new();
    for p in 0..t.width() {
        let notes = t
            .rows
            .iter()
            .filter(|r| {
                r.cells
                    .get(p)
                    .and_then(|c| c.note.as_ref())
                    .is_some_and(|n| n.value.is_some() && n.unit == NumUnit::Percent)
            })
            .count();
        if notes > 0 {
            s.push(Series::Notes(p));
            continue;
        }
        let mut pct = 0;
        let mut other = false;
        for r in &t.rows {
            match r.cells.get(p) {
                Some(c) if c.is_blank() => {}
                Some(c) if c.value.is_some() && c.unit == NumUnit::Percent => pct += 1,
                _ => other = true,
            }
        }
        if pct >= 2 && !other {
            s.push(Series::Column(p));
        }
    }
    s
}

/// The stated percentage of `series` in `row`: (value, resolution).
fn stated(row: &FoundRow, series: Series) -> Option<(f64, f64)> {
    let c = row.cells.get(series.col())?;
    match series {
        Series::Notes(_) => {
            let n = c.note.as_ref()?;
            if n.unit != NumUnit::Percent {
                return None;
            }
            Some((n.value?, n.resolution))
        }
        Series::Column(_) => Some((c.value?, c.resolution)),
    }
}

/// (numerator column, denominator column, is change) of `reading` for `series`.
fn operands(series: Series, reading: Reading, qty: &[bool]) -> Option<(usize, usize, bool)> {
    let p = series.col();
    let before: Vec<usize> = (0..p).filter(|&j| qty.get(j) == Some(&true)).collect();
    let first = *before.first()?;
    let prev = *before.last()?;
    match series {
        Series::Notes(x) => {
            if qty.get(x) != Some(&true) {
                return None;
            }
            match reading {
                Reading::ChangeFromFirst => Some((x, first, true)),
                Reading::ChangeFromPrev => Some((x, prev, true)),
                Reading::RatioToFirst => Some((x, first, false)),
                Reading::RatioOfFirst | Reading::ShareOfTotal => None,
            }
        }
        Series::Column(_) => {
            if first == prev {
                return None;
            }
            match reading {
                Reading::ChangeFromFirst => Some((prev, first, true)),
                Reading::ChangeFromPrev => None,
                Reading::RatioToFirst => Some((prev, first, false)),
                Reading::RatioOfFirst => Some((first, prev, false)),
                Reading::ShareOfTotal => None,
            }
        }
    }
}

/// The column whose share of the total row a share reading takes.
fn share_column(series: Series, qty: &[bool]) -> Option<usize> {
    match series {
        Series::Notes(x) => (qty.get(x) == Some(&true)).then_some(x),
        Series::Column(p) => (0..p).rev().find(|&j| qty.get(j) == Some(&true)),
    }
}

fn interval(c: &Cell) -> Option<(f64, f64, f64, f64)> {
    let (lo, hi) = c.interval()?;
    Some((c.value?, lo, hi, c.resolution))
}

fn evaluate(
    t: &FoundTable,
    ri: usize,
    series: Series,
    reading: Reading,
    qty: &[bool],
    total_row: Option<usize>,
) -> Option<Eval> {
    let row = t.rows.get(ri)?;
    if row.padded {
        return None;
    }
    let (s, s_res) = stated(row, series)?;
    let (a, a_lo, a_hi, a_res, b, b_lo, b_hi, b_res, change) = if reading == Reading::ShareOfTotal {
        let tr = total_row?;
        if tr == ri {
            return None;
        }
        let col = share_column(series, qty)?;
        let (a, a_lo, a_hi, a_res) = interval(row.cells.get(col)?)?;
        let (b, b_lo, b_hi, b_res) = interval(t.rows.get(tr)?.cells.get(col)?)?;
        (a, a_lo, a_hi, a_res, b, b_lo, b_hi, b_res, false)
    } else {
        let (na, nb, change) = operands(series, reading, qty)?;
        let (a, a_lo, a_hi, a_res) = interval(row.cells.get(na)?)?;
        let (b, b_lo, b_hi, b_res) = interval(row.cells.get(nb)?)?;
        (a, a_lo, a_hi, a_res, b, b_lo, b_hi, b_res, change)
    };
    compare(
        (s, s_res),
        (a, a_lo, a_hi, a_res),
        (b, b_lo, b_hi, b_res),
        change,
    )
}

/// The stated percentage `(value, resolution)` against `a` over `b` (each `(value, low, high,
/// resolution)`): a change (`a / b − 1`) or a ratio, over the intervals of both.
fn compare(
    (s, s_res): (f64, f64),
    (a, a_lo, a_hi, a_res): (f64, f64, f64, f64),
    (b, b_lo, b_hi, b_res): (f64, f64, f64, f64),
    change: bool,
) -> Option<Eval> {
    if b_lo <= 0.0 || a_lo < 0.0 || b == 0.0 {
        return None;
    }
    let (computed, lo, hi) = if change {
        (
            (a / b - 1.0) * 100.0,
            (a_lo / b_hi - 1.0) * 100.0,
            (a_hi / b_lo - 1.0) * 100.0,
        )
    } else {
        (a / b * 100.0, a_lo / b_hi * 100.0, a_hi / b_lo * 100.0)
    };
    if !(computed.is_finite() && lo.is_finite() && hi.is_finite()) {
        return None;
    }
    let h = s_res / 2.0;
    Some(Eval {
        ok: overlaps((s - h, s + h), (lo, hi)),
        stated: s,
        stated_res: s_res,
        computed,
        lo,
        hi,
        a,
        b,
        a_res,
        b_res,
    })
}

fn header_has(t: &FoundTable, col: usize, words: &[String]) -> bool {
    t.columns
        .get(col)
        .and_then(|c| c.header.as_ref())
        .is_some_and(|h| {
            let h = h.to_lowercase();
            words.iter().any(|w| h.contains(w.as_str()))
        })
}

fn check_table(t: &FoundTable, out: &mut Outcome) {
    let series = series_of(t);
    if series.is_empty() {
        return;
    }
    let qty = quantity_columns(t);
    let total_row = t.rows.iter().position(|r| is_total_label(&r.label));
    // Tally each reading over every percentage of the table.
    let mut best: Option<(Reading, usize, usize)> = None;
    for reading in READINGS {
        let (mut fit, mut n) = (0, 0);
        for &s in &series {
            for ri in 0..t.rows.len() {
                if let Some(e) = evaluate(t, ri, s, reading, &qty, total_row) {
                    n += 1;
                    fit += usize::from(e.ok);
                }
            }
        }
        if n > 0 && best.is_none_or(|(_, f, _)| fit > f) {
            best = Some((reading, fit, n));
        }
    }
    let Some((reading, fit, n)) = best else {
        return;
    };
    let lex = crate::document::lexicon();
    let words = if reading.is_change() {
        &lex.change_headers
    } else {
        &lex.share_headers
    };
    let named = series.iter().any(|s| header_has(t, s.col(), words));
    if fit < 2 || !(named || fit * 10 >= n * 6) {
        return;
    }
    for &s in &series {
        for (ri, row) in t.rows.iter().enumerate() {
            let Some(e) = evaluate(t, ri, s, reading, &qty, total_row) else {
                continue;
            };
            if e.ok {
                out.passed.push(pass(t, row, s, reading, &e));
                continue;
            }
            out.findings.push(finding(t, row, s, reading, &e));
        }
    }
}

/// Columns of plain numbers whose header calls them changes in percent ("Endring i %",
/// "Endring % 2)"): no cell carries a unit, no cell is blank text, at least three hold a value.
fn plain_change_columns(t: &FoundTable) -> Vec<usize> {
    let lex = crate::document::lexicon();
    (0..t.width())
        .filter(|&p| {
            header_has(t, p, &lex.change_headers)
                && header_has(t, p, &lex.percent_headers)
                && !header_has(t, p, &lex.share_headers)
        })
        .filter(|&p| {
            let mut n = 0;
            for r in &t.rows {
                match r.cells.get(p) {
                    Some(c) if c.is_blank() => {}
                    Some(c) if c.value.is_some() && c.unit == NumUnit::None => n += 1,
                    _ => return false,
                }
            }
            n >= 3
        })
        .collect()
}

/// The interval of a plain figure, where a whole number ending in 0 may be rounded to tens
/// ("13 480" stands for 13 475–13 485).
fn plain_interval(c: &Cell) -> Option<(f64, f64, f64, f64)> {
    let (v, lo, hi, res) = interval(c)?;
    if (1.0..10.0).contains(&res) && v.abs() >= 100.0 && v % 10.0 == 0.0 {
        return Some((v, v - 5.0, v + 5.0, res));
    }
    Some((v, lo, hi, res))
}

/// The change in percent from column `old` to column `new` in row `ri`, against the stated
/// figure of column `p`.
fn evaluate_plain(t: &FoundTable, ri: usize, p: usize, old: usize, new: usize) -> Option<Eval> {
    let row = t.rows.get(ri)?;
    if row.padded {
        return None;
    }
    let c = row.cells.get(p)?;
    let (s, s_res) = (c.value?, c.resolution);
    let new = plain_interval(row.cells.get(new)?)?;
    let old = plain_interval(row.cells.get(old)?)?;
    compare((s, s_res), new, old, true)
}

/// A column of plain numbers headed as a change in percent ("2023 | 2024 | Endring | Endring
/// i %", "Basisår | 2030 | Endring % | 2035 | Endring %"): which two figures of the row it
/// compares is learned from the table — every pair of quantity columns before it is tried, and
/// the pair that the most rows fit is taken, if it is the only best, fits at least three rows and
/// three in four. Only then are the rows that do not fit reported.
fn check_plain_change_columns(t: &FoundTable, out: &mut Outcome) {
    let lex = crate::document::lexicon();
    let qty = quantity_columns(t);
    let operand = |j: usize| {
        qty.get(j) == Some(&true)
            && !header_has(t, j, &lex.change_headers)
            && !header_has(t, j, &lex.percent_headers)
    };
    for p in plain_change_columns(t) {
        let cols: Vec<usize> = (0..p).filter(|&j| operand(j)).collect();
        let mut best: Option<(usize, usize, usize, usize)> = None;
        let mut tied = false;
        for (k, &old) in cols.iter().enumerate() {
            for &new in &cols[k + 1..] {
                let evals = (0..t.rows.len()).filter_map(|ri| evaluate_plain(t, ri, p, old, new));
                let (mut fit, mut n) = (0, 0);
                for e in evals {
                    n += 1;
                    fit += usize::from(e.ok);
                }
                match best {
                    Some((_, _, f, _)) if fit < f => {}
                    Some((_, _, f, _)) if fit == f => tied = true,
                    _ => {
                        best = Some((old, new, fit, n));
                        tied = false;
                    }
                }
            }
        }
        let Some((old, new, fit, n)) = best else {
            continue;
        };
        if tied || fit < 3 || fit * 4 < n * 3 {
            continue;
        }
        for (ri, row) in t.rows.iter().enumerate() {
            let Some(e) = evaluate_plain(t, ri, p, old, new) else {
                continue;
            };
            let (s, r) = (Series::Column(p), Reading::ChangeFromFirst);
            if e.ok {
                out.passed.push(pass(t, row, s, r, &e));
            } else {
                out.findings.push(finding(t, row, s, r, &e));
            }
        }
    }
}

fn column_name(t: &FoundTable, col: usize) -> String {
    match t.columns.get(col) {
        Some(c) => match (c.year, &c.header) {
            (Some(y), _) => y.to_string(),
            (None, Some(h)) => format!("«{h}»"),
            (None, None) => format!("i kolonne {}", col + 1),
        },
        None => String::new(),
    }
}

/// A percentage found right: its two figures give it within rounding.
fn pass(t: &FoundTable, row: &FoundRow, s: Series, reading: Reading, e: &Eval) -> CheckPassed {
    let d = decimals_of(e.stated_res);
    let a = TABLE_NUMBER.decimals(decimals_of(e.a_res)).format(e.a);
    let b = TABLE_NUMBER.decimals(decimals_of(e.b_res)).format(e.b);
    let what = format!("{} {}", row.label, column_name(t, s.col()));
    let sum = if reading.is_change() {
        format!("Endringen for {}: {b} → {a}", what.trim())
    } else {
        format!("Andelen for {}: {a} av {b}", what.trim())
    };
    let pct = |v: f64| format!("{} %", TABLE_NUMBER.decimals(d).format(v));
    CheckPassed {
        rule: ID.into(),
        line: row.line,
        end_line: row.end_line,
        message: agrees(&sum, &pct(e.computed), &pct(e.stated)),
        stated: Some(e.stated),
        computed: Some(e.computed),
        computed_range: Some([e.lo, e.hi]),
    }
}

fn finding(t: &FoundTable, row: &FoundRow, s: Series, reading: Reading, e: &Eval) -> Finding {
    let d = decimals_of(e.stated_res).max(1);
    let (lo, hi) = (
        TABLE_NUMBER.decimals(d).format(e.lo),
        TABLE_NUMBER.decimals(d).format(e.hi),
    );
    let range = if lo == hi {
        String::new()
    } else {
        format!(" ({lo}–{hi} % med avrunding)")
    };
    let a = TABLE_NUMBER.decimals(decimals_of(e.a_res)).format(e.a);
    let b = TABLE_NUMBER.decimals(decimals_of(e.b_res)).format(e.b);
    let what = format!("{} {}", row.label, column_name(t, s.col()));
    let message = if reading.is_change() {
        format!(
            "Endringen for {} er oppgitt til {} %, men {b} → {a} gir {} %{range}.",
            what.trim(),
            TABLE_NUMBER
                .decimals(decimals_of(e.stated_res))
                .format(e.stated),
            TABLE_NUMBER.decimals(d).format(e.computed),
        )
    } else {
        format!(
            "Andelen for {} er oppgitt til {} %, men {a} av {b} gir {} %{range}.",
            what.trim(),
            TABLE_NUMBER
                .decimals(decimals_of(e.stated_res))
                .format(e.stated),
            TABLE_NUMBER.decimals(d).format(e.computed),
        )
    };
    Finding {
        kind: FindingKind::Arithmetic,
        rule: ID.into(),
        severity: Severity::Error,
        line: row.line,
        end_line: row.end_line,
        message,
        stated: Some(e.stated),
        computed: Some(e.computed),
        computed_range: Some([e.lo, e.hi]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract::tables::find_tables;

    fn findings(text: &str) -> Vec<Finding> {
        check_percents(&find_tables(&Document::new(text.to_string())))
    }

    #[test]
    fn sample_000_staffing_changes() {
        let text = include_str!("../../examples/000_2a6fda8bf9662336.txt");
        let f = findings(text);
        let intensiv = f
            .iter()
            .find(|f| f.line == 47 && f.stated == Some(11.7))
            .unwrap_or_else(|| panic!("{f:#?}"));
        assert_eq!(intensiv.severity, Severity::Error);
        assert!((intensiv.computed.unwrap() - 17.612).abs() < 0.01);
        assert_eq!(
            intensiv.message,
            "Endringen for INTENSIVSYKEPLEIER 2040 er oppgitt til 11,7 %, men 687 → 808 gir \
             17,6 % (17,5–17,8 % med avrunding)."
        );
        // 302 → 321 is 6,3 %: right, not flagged. 302 → 352 is 16,6 %, not 16,15 %.
        assert!(!f.iter().any(|f| f.stated == Some(6.3)));
        assert!(f.iter().any(|f| f.line == 38 && f.stated == Some(16.15)));
        // KREFTSYKEPLEIER 182 → 196 is 7,7 %, not 8,9 %; JORDMØDRE 317 → 323 is 1,9 %, not 3,1 %.
        assert!(f.iter().any(|f| f.line == 49 && f.stated == Some(8.9)));
        assert!(f.iter().any(|f| f.line == 50 && f.stated == Some(3.1)));
        // Right within rounding: 118 → 139 is 17,8 %, stated 18,5 % fits 118±0,5 → 139±0,5.
        assert!(!f.iter().any(|f| f.stated == Some(18.5)));
        assert!(f.iter().all(|f| f.kind == FindingKind::Arithmetic));
    }

    #[test]
    fn other_samples_have_no_percent_findings() {
        for text in [
            include_str!("../../examples/001_a15ca66fe45fcd5e.txt"),
            include_str!("../../examples/002_473fd4dd3fe50d6d.txt"),
            include_str!("../../examples/003_1aa3c3bfad0b64da.txt"),
        ] {
            assert!(findings(text).is_empty());
        }
    }

    #[test]
    fn share_column_against_counts_bokmal() {
        let text = "Tabell 2: Pasientavtaler\n\
                    Foretak Antall Totalt Andel\n\
                    St. Olavs hospital 840 1 000 84 %\n\
                    Helse Nord-Trøndelag 460 500 92 %\n\
                    Helse Møre og Romsdal 300 400 70 %\n\
                    Andelen varierer mellom foretakene.\n";
        let f = findings(text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].line, 5);
        assert_eq!(f[0].stated, Some(70.0));
        assert_eq!(f[0].computed, Some(75.0));
        assert!(
            f[0].message.starts_with("Andelen for Helse Møre og Romsdal «Andel» er oppgitt til 70 %, men 300 av 400 gir 75,0 %"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn shares_that_fit_their_counts_are_recorded_as_checked() {
        let text = "Tabell 2: Pasientavtaler\n\
                    Foretak Antall Totalt Andel\n\
                    St. Olavs hospital 840 1 000 84 %\n\
                    Helse Nord-Trøndelag 460 500 92 %\n\
                    Helse Møre og Romsdal 300 400 70 %\n\
                    Andelen varierer mellom foretakene.\n";
        let o = outcome(&find_tables(&Document::new(text.to_string())));
        // The two right shares are checks found right; the wrong one is only a finding.
        let lines: Vec<usize> = o.passed.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 4], "{:#?}", o.passed);
        assert_eq!(o.findings.len(), 1);
        assert_eq!(o.findings[0].line, 5);
        assert_eq!(
            o.passed[0].message,
            "Andelen for St. Olavs hospital «Andel»: 840 av 1000 = 84 % stemmer."
        );
        assert_eq!(o.passed[0].stated, Some(84.0));
    }

    #[test]
    fn change_column_nynorsk() {
        let text = "Tabell 3: Årsverk\n\
                    Føretak 2023 2024 Endring\n\
                    Helse Bergen 1 200 1 260 5,0 %\n\
                    Helse Fonna 800 840 5,0 %\n\
                    Helse Førde 500 540 5,0 %\n\
                    Talet på årsverk auka i alle føretaka.\n";
        let f = findings(text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].line, 5);
        assert!((f[0].computed.unwrap() - 8.0).abs() < 1e-9);
        // Corrected, the table passes.
        assert!(findings(&text.replace("540 5,0", "525 5,0")).is_empty());
    }

    #[test]
    fn tables_of_percentages_only_are_left_alone() {
        let text = "Sjukefråvær 2024 2023\n\
                    Helse Bergen 7,1 % 6,8 %\n\
                    Helse Fonna 8,0 % 7,5 %\n\
                    Samla 7,4 % 7,0 %\n";
        assert!(findings(text).is_empty());
    }

    #[test]
    fn unexplained_percentages_are_not_guessed_at() {
        // The percentages fit no reading of the counts: nothing is claimed.
        let text = "Enhet 2023 2024 Mål\n\
                    Avdeling A 120 130 95 %\n\
                    Avdeling B 80 85 90 %\n\
                    Avdeling C 40 41 85 %\n";
        assert!(findings(text).is_empty());
    }

    #[test]
    fn plain_percent_column_after_an_absolute_change_nynorsk() {
        // "Endring" is in units, "Endring i %" in percent of the first year: 40 120 → 41 900
        // is +4,4 %, not 5,4 %.
        let text = "Tabell 5 Aktivitet 2023–2024\n\
                    \x20                       2023      2024    Endring   Endring i %\n\
                    Døgnopphald              8 410     8 650        240           2,9\n\
                    Dagbehandlingar          5 120     5 300        180           3,5\n\
                    Polikliniske konsultasjonar   40 120    41 900      1 780           5,4\n\
                    Årsverk                  1 410     1 452         42           3,0\n\
                    Kjelde: eigne tal.\n";
        let f = findings(text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].line, 5);
        assert_eq!(f[0].stated, Some(5.4));
        assert!((f[0].computed.unwrap() - 4.437).abs() < 0.01);
        // Corrected, the table passes.
        assert!(findings(&text.replace("1 780           5,4", "1 780           4,4")).is_empty());
    }

    #[test]
    fn plain_percent_columns_from_a_base_year_bokmal() {
        // Both % columns count from the base year (the second is not 2030 → 2040): only the
        // row whose 2040 change fits neither is reported (251 → 271 is +8,0 %, not 10,8 %;
        // written 250 → 270 it could be rounded to tens and would pass).
        let text = "Tabell 2 Behov for årsverk\n\
                    Gruppe          Basisår   2030   Endring %   2040   Endring %\n\
                    Sykepleiere       4 200  4 620        10,0  5 040        20,0\n\
                    Leger             2 100  2 268         8,0  2 436        16,0\n\
                    Jordmødre           251    261         4,0    271        10,8\n\
                    Helsefagarbeidere   900    990        10,0  1 080        20,0\n";
        let f = findings(text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].line, 5);
        assert_eq!(f[0].stated, Some(10.8));
        assert!(findings(
            &text
                .replace("251    261", "250    260")
                .replace("271", "270")
        )
        .is_empty());
    }

    #[test]
    fn plain_share_column_is_not_read_as_change() {
        let text = "Tabell 3 Pasientar\n\
                    Føretak     2023   2024   Andel i %\n\
                    Helse Bergen  400   420         50\n\
                    Helse Fonna   200   210         25\n\
                    Helse Førde   200   210         25\n";
        assert!(findings(text).is_empty());
    }
}
