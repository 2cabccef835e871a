//! **table_sum**: sums and totals in tables against the rows and cells they add up.
//!
//! **What it finds.** A "Sum", "Total", "Totalt", "I alt", "Til sammen", "Samla" or "Samlet" row
//! whose figure in a column is not the sum of the rows above it (back to the previous total row),
//! and a "Total" column whose figure in a row is not the sum of the row's other cells.
//!
//! **Why it matters.** A total that does not add up means either a row is missing, a figure was
//! mistyped, or the total was copied from an older version of the table. A reviewer cannot tell
//! which, and the report should say.
//!
//! **Example.** A budget table with "Lønn 1 200 000", "Drift 300 000" and "Sum 1 600 000" gives
//! "«Sum» i kolonnen «Beløp» er oppgitt til 1 600 000, men radene over summerer seg til
//! 1 500 000."
//!
//! Rounding is respected: each figure stands for the interval its last digit allows, and a total
//! is flagged only when no values inside those intervals add up to a value inside the total's own
//! interval. Columns of percentages, rates, averages, days or changes are never summed ("Totalt
//! 8,9 %" in a table of sickness absence is a weighted average). When a row had empty cells that
//! the PDF dropped, its alignment is a guess: both alignments are tried and a total that fails
//! both is reported as a warning only.

use crate::document::lexicon;
use crate::extract::numbers::NumUnit;
use crate::extract::tables::{Cell, FoundRow, FoundTable};
use crate::model::{CheckPassed, Finding, FindingKind, Severity};
use crate::rules::Outcome;
use crate::text::{decimals_of, overlaps, Grouping, NumberFormat};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "table_sum";

/// Is `label` the label of a total row (or header of a total column)?
pub(crate) fn is_total_label(label: &str) -> bool {
    let l = label
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let lex = lexicon();
    lex.total_labels.contains(l.as_str())
        || lex.total_prefixes.iter().any(|p| l.starts_with(p.as_str()))
}

/// Does column `j` hold amounts that may be added up?
fn additive(t: &FoundTable, j: usize) -> bool {
    if let Some(h) = t.columns.get(j).and_then(|c| c.header.as_ref()) {
        let h = h.to_lowercase();
        if lexicon()
            .non_additive_headers
            .iter()
            .any(|w| h.contains(w.as_str()))
        {
            return false;
        }
    }
    let mut any = false;
    for r in &t.rows {
        if let Some(c) = r.cells.get(j) {
            if c.is_blank() {
                continue;
            }
            let amount = matches!(
                c.unit,
                NumUnit::None | NumUnit::Nok | NumUnit::Persons | NumUnit::Fte | NumUnit::Hours
            );
            if c.value.is_none() || !amount {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Cell `j` of `row`, with the row's cells right-aligned (as stored) or left-aligned.
fn cell_at(row: &FoundRow, j: usize, left: bool) -> Option<&Cell> {
    if !left || !row.padded {
        return row.cells.get(j);
    }
    row.cells.iter().filter(|c| !c.is_blank()).nth(j)
}

/// One sum: the total as stated, the parts (value and resolution) and what they add up to.
struct Sum {
    stated: f64,
    stated_res: f64,
    parts: Vec<(f64, f64)>,
    sum: f64,
    lo: f64,
    hi: f64,
}

/// Result of one sum under one alignment.
enum SumOutcome {
    Consistent(Sum),
    Inconclusive,
    Wrong(Sum),
}

/// Whether the table's caption or header says its figures are amounts in a larger unit
/// ("Resultat (mill. kroner)"): then its whole numbers are rounded, not exact counts.
fn in_rounded_units(t: &FoundTable) -> bool {
    let lex = crate::document::lexicon();
    t.caption
        .iter()
        .chain(t.header.iter())
        .flat_map(|s| s.split_whitespace())
        .any(|w| {
            let w = w
                .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ':' | ';'))
                .to_lowercase();
            lex.rounded_units.contains(&w)
        })
}

/// The interval a cell stands for in a sum. Small whole counts ("41 stillinger") are exact:
/// nobody rounds 41 positions, so they get no rounding slack; other figures keep theirs, and
/// so do whole numbers in a table of amounts in a larger unit (`rounded`).
fn sum_interval(c: &Cell, rounded: bool) -> Option<(f64, f64)> {
    let v = c.value?;
    let exact = !rounded
        && matches!(c.unit, NumUnit::None | NumUnit::Persons)
        && v.fract() == 0.0
        && v.abs() < 1000.0
        && (c.resolution - 1.0).abs() < 1e-12;
    if exact {
        Some((v, v))
    } else {
        c.interval()
    }
}

fn sum_column(
    members: &[&FoundRow],
    total: &FoundRow,
    j: usize,
    left: bool,
    rounded: bool,
) -> SumOutcome {
    let step = rounding_step(members.iter().copied().chain([total]), j, left);
    let widen = |c: &Cell| {
        let (a, b) = sum_interval(c, rounded)?;
        Some((a.min(c.value? - step / 2.0), b.max(c.value? + step / 2.0)))
    };
    let Some((t_lo, t_hi)) = cell_at(total, j, left).and_then(widen) else {
        return SumOutcome::Inconclusive;
    };
    let (mut lo, mut hi, mut sum) = (0.0, 0.0, 0.0);
    let mut parts = Vec::new();
    for r in members {
        if let Some(c) = cell_at(r, j, left) {
            if let (Some(v), Some((a, b))) = (c.value, widen(c)) {
                sum += v;
                lo += a;
                hi += b;
                parts.push((v, c.resolution));
            }
        }
    }
    if parts.len() < 2 {
        return SumOutcome::Inconclusive;
    }
    let c = cell_at(total, j, left);
    let found = Sum {
        stated: c.and_then(|c| c.value).unwrap_or(0.0),
        stated_res: c.map_or(1.0, |c| c.resolution),
        parts,
        sum,
        lo,
        hi,
    };
    if overlaps((t_lo, t_hi), (lo, hi)) {
        SumOutcome::Consistent(found)
    } else if (sum.abs() > 0.0 && (t_lo / sum).abs() > MISREAD_RATIO)
        || (t_hi.abs() > 0.0 && (sum / t_hi).abs() > MISREAD_RATIO)
    {
        // A total a hundred times its rows (or the reverse) is another column's figure, read
        // into this one where the table's columns could not be lined up (a header wrapped over
        // several lines in a PDF): not a wrong sum, unknown.
        SumOutcome::Inconclusive
    } else {
        SumOutcome::Wrong(found)
    }
}

/// The parts of a sum as a reader checks them: "1,5 + 1,3 + 0,8", or the first two, "…" and the
/// last of a long column with their count ("12 + 15 + … + 9 (14 rader)").
fn terms(parts: &[(f64, f64)], noun: &str) -> String {
    let fmt = |&(v, res): &(f64, f64)| TABLE_NUMBER.decimals(decimals_of(res)).format(v);
    if parts.len() <= 6 {
        return parts.iter().map(fmt).collect::<Vec<_>>().join(" + ");
    }
    let last = parts.last().map(fmt).unwrap_or_default();
    format!(
        "{} + {} + … + {last} ({} {noun})",
        fmt(&parts[0]),
        fmt(&parts[1]),
        parts.len()
    )
}

/// A sum found right: "«Sum» i kolonnen «2025»: 1 200 000 + 300 000 = 1 500 000 stemmer."
fn sum_passed(what: String, noun: &str, row: &FoundRow, found: &Sum) -> CheckPassed {
    let d = decimals_of(found.stated_res);
    let message = crate::rules::prose::agrees(
        &format!("{what}: {}", terms(&found.parts, noun)),
        &TABLE_NUMBER.decimals(d).format(found.sum),
        &TABLE_NUMBER.decimals(d).format(found.stated),
    );
    CheckPassed {
        rule: ID.into(),
        line: row.line,
        end_line: row.end_line,
        message,
        stated: Some(found.stated),
        computed: Some(found.sum),
        computed_range: Some([found.lo, found.hi]),
    }
}

/// The step a column's whole numbers were rounded to, when every figure in it is a multiple
/// of 10 ("5 840, 1 620, 310 … Sum 19 000": rounded to tens, whatever the table's note says):
/// each then stands for ± 5. 0 when the column shows no such rounding or has fewer than three
/// figures.
fn rounding_step<'r>(rows: impl Iterator<Item = &'r FoundRow>, j: usize, left: bool) -> f64 {
    let values: Vec<f64> = rows
        .filter_map(|r| cell_at(r, j, left).and_then(|c| c.value))
        .filter(|v| *v != 0.0)
        .collect();
    if values.len() < 3 || values.iter().any(|v| v.fract() != 0.0) {
        return 0.0;
    }
    // Only tens: a column of round thousands is a budget's exact amounts as often as rounded
    // figures, and a budget's sum must add up to the krone.
    let tens = values.iter().all(|v| v % 10.0 == 0.0);
    let hundreds = values.iter().all(|v| v % 100.0 == 0.0);
    if tens && !hundreds {
        10.0
    } else {
        0.0
    }
}

/// How far a total may be from its rows before the table is taken as misread, not wrong.
const MISREAD_RATIO: f64 = 100.0;

/// Checks every total row and total column of `tables`.
pub fn check_sums(tables: &[FoundTable]) -> Vec<Finding> {
    outcome(tables).findings
}

/// Checks every total row and total column of `tables`: the findings, and the sums found right.
pub fn outcome(tables: &[FoundTable]) -> Outcome {
    let mut out = Outcome::default();
    // A total row after a page break sums the rows of both parts.
    for t in &crate::extract::tables::join_continued(tables) {
        // A wrong row total ("Reiser | 240 000 | 250 000 | 250 000 | 760 000") is reported
        // once: the Sum row under it, right once that total is mended, is not wrong too.
        let mut mended = Vec::new();
        let mut by_column = Outcome::default();
        check_total_column(t, &mut by_column, &mut mended);
        check_total_rows(t, &mut out, &mended);
        out.extend(by_column);
    }
    out
}

fn column_name(t: &FoundTable, j: usize) -> String {
    match t.columns.get(j).and_then(|c| c.header.as_ref()) {
        Some(h) => format!("kolonnen «{h}»"),
        None => format!("kolonne {}", j + 1),
    }
}

/// A total row whose figure lies between the smallest and largest of the rows above it is an
/// average of them (a weighted mean of rates), not their sum.
fn total_is_an_average(members: &[&FoundRow], total: &FoundRow, j: usize) -> bool {
    let Some(t) = cell_at(total, j, false).and_then(|c| sum_interval(c, false)) else {
        return false;
    };
    let vals: Vec<(f64, f64)> = members
        .iter()
        .filter_map(|r| cell_at(r, j, false).and_then(|c| sum_interval(c, false)))
        .collect();
    if vals.len() < 2 || vals.iter().any(|v| v.0 < 0.0) {
        return false;
    }
    let lo = vals.iter().map(|v| v.0).fold(f64::INFINITY, f64::min);
    let hi = vals.iter().map(|v| v.1).fold(f64::NEG_INFINITY, f64::max);
    t.1 >= lo && t.0 <= hi
}

/// A row total found wrong: (the row's line, its column, computed minus stated).
type Mended = (usize, usize, f64);

fn check_total_rows(t: &FoundTable, out: &mut Outcome, mended: &[Mended]) {
    let rounded = in_rounded_units(t);
    let mut start = 0;
    for (ti, total) in t.rows.iter().enumerate() {
        if !is_total_label(&total.label) {
            continue;
        }
        let members: Vec<&FoundRow> = t.rows[start..ti]
            .iter()
            .filter(|r| !is_total_label(&r.label))
            .collect();
        start = ti + 1;
        if members.len() < 2 {
            continue;
        }
        let uncertain = total.padded || members.iter().any(|r| r.padded);
        for j in 0..t.width() {
            if !additive(t, j) {
                continue;
            }
            if total_is_an_average(&members, total, j) {
                continue;
            }
            let Sum {
                stated,
                stated_res,
                sum,
                lo,
                hi,
                ..
            } = match sum_column(&members, total, j, false, rounded) {
                SumOutcome::Wrong(w) => w,
                SumOutcome::Consistent(found) => {
                    let what = format!("«{}» i {}", total.label, column_name(t, j));
                    out.passed.push(sum_passed(what, "rader", total, &found));
                    continue;
                }
                SumOutcome::Inconclusive => continue,
            };
            if uncertain
                && !matches!(
                    sum_column(&members, total, j, true, rounded),
                    SumOutcome::Wrong(_)
                )
            {
                continue;
            }
            // The rows' own totals mended, the column adds up: the error is theirs.
            let mend: f64 = mended
                .iter()
                .filter(|(line, c, _)| *c == j && members.iter().any(|r| r.line == *line))
                .map(|m| m.2)
                .sum();
            if mend != 0.0
                && lo + mend <= stated + 1e-9 * stated.abs().max(1.0)
                && stated <= hi + mend + 1e-9 * stated.abs().max(1.0)
            {
                continue;
            }
            let d = decimals_of(stated_res);
            out.findings.push(Finding {
                kind: FindingKind::Arithmetic,
                rule: ID.into(),
                severity: if uncertain {
                    Severity::Warning
                } else {
                    Severity::Error
                },
                line: total.line,
                end_line: total.end_line,
                message: format!(
                    "«{}» i {} er oppgitt til {}, men radene over summerer seg til {}{}.",
                    total.label,
                    column_name(t, j),
                    TABLE_NUMBER.decimals(d).format(stated),
                    TABLE_NUMBER.decimals(d).format(sum),
                    sum_range_note(sum, lo, hi, d)
                ),
                stated: Some(stated),
                computed: Some(sum),
                computed_range: Some([lo, hi]),
            });
        }
    }
}

/// Whether column `j`'s header is a total's ("Totalt", "Sum").
fn is_total_column(t: &FoundTable, j: usize) -> bool {
    t.columns
        .get(j)
        .and_then(|c| c.header.as_ref())
        .is_some_and(|h| is_total_label(h))
}

/// Checks each total column against the columns before it, back to the previous total column
/// ("Korttid | Langtid | Totalt | Totalt 2024": the last is another year's total, with no
/// parts of its own here). A total column inside the table needs two parts before it.
fn check_total_column(t: &FoundTable, out: &mut Outcome, mended: &mut Vec<Mended>) {
    let w = t.width();
    if w < 2 {
        return;
    }
    let mut first = 0;
    for j in 1..w {
        if !is_total_column(t, j) {
            continue;
        }
        if j == w - 1 || j - first >= 2 {
            check_one_total_column(t, first, j, out, mended);
        }
        first = j + 1;
    }
}

fn check_one_total_column(
    t: &FoundTable,
    first: usize,
    last: usize,
    out: &mut Outcome,
    mended: &mut Vec<Mended>,
) {
    let Some(h) = t.columns.get(last).and_then(|c| c.header.as_ref()) else {
        return;
    };
    if !additive(t, last) || last <= first {
        return;
    }
    if first > 0 && last - first < 2 {
        return;
    }
    let parts: Vec<usize> = (first..last).filter(|&j| additive(t, j)).collect();
    if parts.len() != last - first {
        // A column that may not be added (a share, a change) sits among the parts.
        return;
    }
    for r in &t.rows {
        let Some(total) = r.cells.get(last) else {
            continue;
        };
        let (Some(stated), Some((t_lo, t_hi))) = (total.value, total.interval()) else {
            continue;
        };
        let (mut lo, mut hi, mut sum) = (0.0, 0.0, 0.0);
        let mut terms = Vec::new();
        for &j in &parts {
            if let Some(c) = r.cells.get(j) {
                if let (Some(v), Some((a, b))) = (c.value, c.interval()) {
                    sum += v;
                    lo += a;
                    hi += b;
                    terms.push((v, c.resolution));
                }
            }
        }
        if terms.is_empty() {
            continue;
        }
        if overlaps((t_lo, t_hi), (lo, hi)) {
            // A total of one filled cell is no sum to speak of.
            if terms.len() >= 2 {
                let found = Sum {
                    stated,
                    stated_res: total.resolution,
                    parts: terms,
                    sum,
                    lo,
                    hi,
                };
                let what = format!("«{h}» for «{}»", r.label);
                out.passed.push(sum_passed(what, "celler", r, &found));
            }
            continue;
        }
        let d = decimals_of(total.resolution);
        mended.push((r.line, last, sum - stated));
        out.findings.push(Finding {
            kind: FindingKind::Arithmetic,
            rule: ID.into(),
            severity: if r.padded {
                Severity::Warning
            } else {
                Severity::Error
            },
            line: r.line,
            end_line: r.end_line,
            message: format!(
                "«{h}» for «{}» er oppgitt til {}, men cellene i raden summerer seg til {}{}.",
                r.label,
                TABLE_NUMBER.decimals(d).format(stated),
                TABLE_NUMBER.decimals(d).format(sum),
                sum_range_note(sum, lo, hi, d)
            ),
            stated: Some(stated),
            computed: Some(sum),
            computed_range: Some([lo, hi]),
        });
    }
}

/// The rounding range of a sum, when it is wide enough to matter to a reader (not for a few
/// whole kroner on a million).
fn sum_range_note(sum: f64, lo: f64, hi: f64, decimals: usize) -> String {
    if hi - lo > 1e-3 * sum.abs() {
        range_note(lo, hi, decimals, "")
    } else {
        String::new()
    }
}

/// " (lo–hi med avrunding)" when the rounded ends differ.
pub(crate) fn range_note(lo: f64, hi: f64, decimals: usize, unit: &str) -> String {
    let (a, b) = (
        TABLE_NUMBER.decimals(decimals).format(lo),
        TABLE_NUMBER.decimals(decimals).format(hi),
    );
    if a == b {
        String::new()
    } else {
        format!(" ({a}–{b}{unit} med avrunding)")
    }
}

/// Figures in a table's messages: spaces between thousands only from 10 000, so a four-digit
/// figure reads as tables write it ("2024", "4 566 000").
pub(crate) const TABLE_NUMBER: NumberFormat = NumberFormat::nb(0).grouping(Grouping::From10000);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract::tables::find_tables;

    fn findings(text: &str) -> Vec<Finding> {
        check_sums(&find_tables(&Document::new(text.to_string())))
    }

    #[test]
    fn sample_000_budget_sum_adds_up() {
        let text = include_str!("../../examples/000_2a6fda8bf9662336.txt");
        let f = findings(text);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn sample_003_budget_total_adds_up() {
        let text = include_str!("../../examples/003_1aa3c3bfad0b64da.txt");
        assert!(findings(text).is_empty());
    }

    #[test]
    fn sample_001_percent_totals_are_not_sums() {
        // "Totalt 8,9 % 9,1 %" in Tabell 5 is a weighted average.
        let text = include_str!("../../examples/001_a15ca66fe45fcd5e.txt");
        assert!(findings(text).is_empty());
    }

    #[test]
    fn wrong_sum_row_is_flagged_bokmal() {
        let text = "Tabell 3: Budsjett\n\
                    Post 2025 2026\n\
                    Lønn 1 200 000 1 250 000\n\
                    Drift 300 000 310 000\n\
                    Reiser 45 000 45 000\n\
                    Sum 1 545 000 1 615 000\n\
                    Budsjettet er foreløpig.\n";
        let f = findings(text);
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = &f[0];
        assert_eq!(f.line, 6);
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.kind, FindingKind::Arithmetic);
        assert_eq!(f.stated, Some(1_615_000.0));
        assert_eq!(f.computed, Some(1_605_000.0));
        assert_eq!(
            f.message,
            "«Sum» i kolonnen «2026» er oppgitt til 1 615 000, men radene over summerer seg til \
             1 605 000."
        );
    }

    #[test]
    fn a_right_sum_is_recorded_as_checked_and_a_wrong_one_is_not() {
        let text = "Tabell 2 Kostnader (mill. kroner)\n\
                    Post          2024\n\
                    Lønn           1,5\n\
                    Drift          1,3\n\
                    Annet          0,8\n\
                    Sum            3,6\n";
        let o = outcome(&find_tables(&Document::new(text.to_string())));
        assert!(o.findings.is_empty(), "{:#?}", o.findings);
        assert_eq!(o.passed.len(), 1, "{:#?}", o.passed);
        let p = &o.passed[0];
        assert_eq!(p.rule, ID);
        assert_eq!((p.line, p.end_line), (6, 6));
        assert_eq!(p.stated, Some(3.6));
        assert!((p.computed.unwrap() - 3.6).abs() < 1e-9);
        assert_eq!(
            p.message,
            "«Sum» i kolonnen «2024»: 1,5 + 1,3 + 0,8 = 3,6 stemmer."
        );
        // Within rounding, not to the digit: said so.
        let o = outcome(&find_tables(&Document::new(text.replace("3,6", "3,5"))));
        assert!(o.findings.is_empty(), "{:#?}", o.findings);
        assert_eq!(
            o.passed[0].message,
            "«Sum» i kolonnen «2024»: 1,5 + 1,3 + 0,8 = 3,6; oppgitt 3,5 stemmer med avrunding."
        );
        // Wrong: a finding, and no check found right.
        let o = outcome(&find_tables(&Document::new(text.replace("3,6", "3,9"))));
        assert_eq!(o.findings.len(), 1, "{:#?}", o.findings);
        assert!(o.passed.is_empty(), "{:#?}", o.passed);
        // A total that is an average of its rows is not summed, so not checked.
        let avg = "Sykefravær 2024\nHelse Fonna 9,0 %\nHelse Førde 8,0 %\nTotalt 8,9 %\n";
        let o = outcome(&find_tables(&Document::new(avg.to_string())));
        assert!(
            o.findings.is_empty() && o.passed.is_empty(),
            "{:#?}",
            o.passed
        );
    }

    #[test]
    fn a_long_column_is_shown_by_its_ends_and_its_count() {
        let parts = [
            (12.0, 1.0),
            (15.0, 1.0),
            (3.0, 1.0),
            (4.0, 1.0),
            (5.0, 1.0),
            (6.0, 1.0),
        ];
        assert_eq!(terms(&parts, "rader"), "12 + 15 + 3 + 4 + 5 + 6");
        let mut more = parts.to_vec();
        more.push((9.0, 1.0));
        assert_eq!(terms(&more, "rader"), "12 + 15 + … + 9 (7 rader)");
    }

    #[test]
    fn wrong_total_column_is_flagged_nynorsk() {
        let text = "Tiltak Eigne midlar Tilskot Totalt\n\
                    Kurs 100 000 50 000 150 000\n\
                    Reiser 20 000 30 000 60 000\n\
                    Samla 120 000 80 000 200 000\n\
                    Tabellen viser fordelinga.\n";
        let f = findings(text);
        // One wrong row total: its row is flagged, not the column's total as well (right
        // once that row total is mended).
        assert_eq!(f.len(), 1, "{f:#?}");
        let row = f.iter().find(|f| f.line == 3).expect("row finding");
        assert_eq!(row.stated, Some(60_000.0));
        assert_eq!(row.computed, Some(50_000.0));
        assert_eq!(
            row.message,
            "«Totalt» for «Reiser» er oppgitt til 60 000, men cellene i raden summerer seg til \
             50 000."
        );
        // A wrong part cell ("Tilskot 30 000" for 40 000) with a right row total still breaks
        // its column's total.
        let f = findings(&text.replace("20 000 30 000 60 000", "20 000 40 000 60 000"));
        let col = f.iter().find(|f| f.line == 4).expect("column finding");
        assert_eq!(col.computed, Some(90_000.0), "{f:#?}");
        // Corrected, nothing is left.
        assert!(findings(&text.replace("60 000", "50 000")).is_empty());
    }

    #[test]
    fn a_later_total_column_is_another_period() {
        // "Totalt 2024" is last year's total, not the sum of this year's parts.
        let text = "Tabell 2 Sjukefråvær per eining (prosent)\n\
                    Eining           Korttid   Langtid   Totalt   Totalt 2024\n\
                    Klinikk A          2,1       5,4       7,5        7,9\n\
                    Klinikk B          1,7       4,2       5,9        6,3\n\
                    Føretaket          1,9       4,8       6,7        7,1\n";
        assert!(findings(text).is_empty(), "{:#?}", findings(text));
        // The total of this year's parts is still checked.
        assert_eq!(findings(&text.replace("7,5  ", "8,5  ")).len(), 1);
    }

    #[test]
    fn figures_rounded_to_tens_keep_their_rounding() {
        // Every figure a multiple of 10: each stands for ± 5, and 22 230 may be 22 240.
        let text = "Tabell 3 Behov for årsverk\n\
                    Yrkesgruppe          2024      2035\n\
                    Sykepleiere         5 840     7 010\n\
                    Leger               3 050     3 660\n\
                    Jordmødre             310       340\n\
                    Andre               6 900     7 680\n\
                    Sum                16 100    18 700\n";
        assert!(findings(text).is_empty(), "{:#?}", findings(text));
        // A sum off by more than the rows' rounding is still wrong.
        assert_eq!(findings(&text.replace("18 700", "18 800")).len(), 1);
    }

    #[test]
    fn whole_millions_are_rounded() {
        // Rows of whole millions may add up to 2 less than a total made from unrounded figures.
        let text = "Tabell 5 Resultat per føretak (mill. kroner)\n\
                    Føretak         Resultat   Budsjett\n\
                    Føretak A          -120        -30\n\
                    Føretak B           -64        -10\n\
                    Føretak C           -33          5\n\
                    Føretak D            12         15\n\
                    Sum                -203        -20\n";
        assert!(findings(text).is_empty(), "{:#?}", findings(text));
        // Counts in a table without such a unit are exact.
        let counts = text.replace(" (mill. kroner)", "");
        assert_eq!(findings(&counts).len(), 1, "{:#?}", findings(&counts));
    }

    #[test]
    fn rounding_is_allowed() {
        // 12,4 + 7,3 + 0,4 = 20,1, total written 20,0: within the rounding of four figures.
        let text = "Kostnad mill. 2024\n\
                    Lønn 12,4 mill.\n\
                    Drift 7,3 mill.\n\
                    Annet 0,4 mill.\n\
                    Totalt 20,0 mill.\n";
        let tables = find_tables(&Document::new(text.to_string()));
        assert_eq!(tables.len(), 1);
        assert!(check_sums(&tables).is_empty());
        // But not 20,5.
        let wrong = text.replace("20,0", "20,5");
        let f = findings(&wrong);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].computed_range.map(|r| r[0] < r[1]), Some(true));
    }

    #[test]
    fn percent_and_average_rows_are_never_summed() {
        let text = "Sykefravær 2024 2023\n\
                    Helse Fonna 9,0 % 9,2 %\n\
                    Helse Førde 8,0 % 8,1 %\n\
                    Totalt 8,9 % 9,1 %\n\
                    Ventetid dagar 2024\n";
        assert!(findings(text).is_empty());
    }

    #[test]
    fn number_formatting() {
        assert_eq!(TABLE_NUMBER.decimals(0).format(4_566_000.0), "4 566 000");
        assert_eq!(TABLE_NUMBER.decimals(0).format(2024.0), "2024");
        assert_eq!(TABLE_NUMBER.decimals(1).format(17.6123), "17,6");
        assert_eq!(TABLE_NUMBER.decimals(1).format(-0.04), "0,0");
        assert_eq!(TABLE_NUMBER.decimals(1).format(-12.5), "−12,5");
        assert_eq!(decimals_of(0.01), 2);
        assert_eq!(decimals_of(1000.0), 0);
    }

    /// The table rules on whatever the table reader makes of random table-like text (the
    /// reader's own version of this test, in `extract::tables`, checks the tables' shape).
    #[test]
    fn random_table_like_input_does_not_panic_the_table_rules() {
        // A small deterministic generator over the characters tables are made of.
        let alphabet: Vec<char> =
            "0123456789 ,.%()-−–:;/øæåØ•\n\n\t\u{a0}Sum Total HF 2024 000 per"
                .chars()
                .collect();
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300 {
            let mut s = String::new();
            for _ in 0..400 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            let ts = find_tables(&Document::new(s));
            let _ = check_sums(&ts);
            let _ = crate::rules::table_difference::check(&ts);
            let _ = crate::rules::table_percent::check_percents(&ts);
        }
    }
}
