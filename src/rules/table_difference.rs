//! **table_difference**: a difference column ("Avvik", "Differanse", "Endring") against the two
//! columns before it.
//!
//! **What it finds.** In a table such as "Regnskap | Budsjett | Avvik" or "2023 | 2024 | Endring",
//! a row whose difference is not the difference of its two figures. Which way round the
//! difference runs (regnskap − budsjett or budsjett − regnskap) is learned from the table's other
//! rows: at least two rows, and all but at most a third of them, must agree on one way; otherwise
//! the column is not taken for a difference and nothing is said. A row that fits the other way
//! round is not flagged: accounts turn the sign for costs ("Positivt avvik betyr bedre enn
//! budsjett").
//!
//! **Why it matters.** A budget deviation or a year-on-year change is the figure a board reads
//! first; when it does not follow from the figures beside it, one of the three is wrong.
//!
//! **Example.** "Divisjon medisinsk service  8,7  6,0  3,7" in a table whose other rows give
//! Avvik = Regnskap − Budsjett → "«Avvik» for «Divisjon medisinsk service» er oppgitt til 3,7,
//! men 8,7 − 6,0 = 2,7." A total row that is wrong only because of such a row is not flagged
//! again by `table_sum`.
//!
//! Rounding is respected: each figure stands for the interval its last digit allows. Relative
//! changes (a % column beside figures that are not percentages) are left to other rules.

use super::prose::{agrees, arithmetic, decimals_for, passed};
use super::Outcome;
use crate::extract::numbers::NumUnit;
use crate::extract::tables::{Cell, FoundTable};
use crate::model::{Finding, Severity};
use crate::text::{fmt_no, overlaps};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "table_difference";

fn is_difference_header(h: &str) -> bool {
    let first = h
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    crate::document::lexicon()
        .difference_headers
        .contains(first.as_str())
}

/// A wrong difference: the row, the column, what the row says and what its figures give.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrong {
    pub row: usize,
    pub column: usize,
    pub stated: f64,
    pub computed: f64,
    pub range: (f64, f64),
}

fn iv(c: &Cell) -> Option<(f64, f64)> {
    c.value?;
    c.interval()
}

/// The wrong differences of one table.
pub fn wrong_differences(t: &FoundTable) -> Vec<Wrong> {
    differences(t, None)
}

/// The wrong differences of one table; the right ones (the rows whose difference runs the way
/// the column's rows agree on), with the figure the difference was taken from first, go to
/// `right` when given.
fn differences(t: &FoundTable, mut right: Option<&mut Vec<(Wrong, f64, f64)>>) -> Vec<Wrong> {
    let mut out = Vec::new();
    for c in 2..t.columns.len() {
        let Some(h) = t.columns[c].header.as_deref() else {
            continue;
        };
        if !is_difference_header(h) {
            continue;
        }
        // (row, a, b, d) for rows with all three figures.
        let mut rows = Vec::new();
        for (r, row) in t.rows.iter().enumerate() {
            if row.padded {
                continue;
            }
            let (Some(a), Some(b), Some(d)) =
                (row.cells.get(c - 2), row.cells.get(c - 1), row.cells.get(c))
            else {
                continue;
            };
            let relative = d.unit == NumUnit::Percent && a.unit != NumUnit::Percent;
            if relative || a.unit != b.unit {
                continue;
            }
            if let (Some(ia), Some(ib), Some(id)) = (iv(a), iv(b), iv(d)) {
                rows.push((r, ia, ib, id, a, b, d));
            }
        }
        let fits = |ia: (f64, f64), ib: (f64, f64), id: (f64, f64), ab: bool| {
            let diff = if ab {
                (ia.0 - ib.1, ia.1 - ib.0)
            } else {
                (ib.0 - ia.1, ib.1 - ia.0)
            };
            overlaps(diff, id)
        };
        let n_ab = rows.iter().filter(|x| fits(x.1, x.2, x.3, true)).count();
        let n_ba = rows.iter().filter(|x| fits(x.1, x.2, x.3, false)).count();
        let (ab, agree) = match n_ab.cmp(&n_ba) {
            std::cmp::Ordering::Greater => (true, n_ab),
            std::cmp::Ordering::Less => (false, n_ba),
            std::cmp::Ordering::Equal => continue,
        };
        let failing = rows.len() - agree;
        if agree < 2 || failing * 3 > rows.len() || (failing == 0 && right.is_none()) {
            continue;
        }
        for (r, ia, ib, id, a, b, d) in rows {
            let (x, y, ix, iy) = if ab { (a, b, ia, ib) } else { (b, a, ib, ia) };
            let (Some(xv), Some(yv), Some(dv)) = (x.value, y.value, d.value) else {
                continue;
            };
            if fits(ia, ib, id, ab) {
                if let Some(right) = right.as_deref_mut() {
                    let w = Wrong {
                        row: r,
                        column: c,
                        stated: dv,
                        computed: xv - yv,
                        range: (ix.0 - iy.1, ix.1 - iy.0),
                    };
                    right.push((w, xv, yv));
                }
                continue;
            }
            // Accounts turn the sign for costs ("Positivt avvik betyr bedre enn budsjett"): a
            // row that fits the other way round is not wrong.
            if fits(ia, ib, id, !ab) {
                continue;
            }
            out.push(Wrong {
                row: r,
                column: c,
                stated: dv,
                computed: xv - yv,
                range: (ix.0 - iy.1, ix.1 - iy.0),
            });
        }
    }
    out
}

/// Runs the check over every table.
pub fn check(tables: &[FoundTable]) -> Vec<Finding> {
    outcome(tables).findings
}

/// Runs the check over every table: the findings, and the differences found right.
pub fn outcome(tables: &[FoundTable]) -> Outcome {
    let mut out = Outcome::default();
    for t in tables {
        let mut right = Vec::new();
        let wrong = differences(t, Some(&mut right));
        for (w, x, y) in right {
            let (Some(row), Some(h)) = (t.rows.get(w.row), t.header.get(w.column + 1)) else {
                continue;
            };
            let dec = |j: usize, v: f64| {
                row.cells
                    .get(j)
                    .map_or(0, |c| decimals_for(c.resolution, c.unit, v))
            };
            // The two figures as the finer of their columns writes them.
            let dv = dec(w.column - 2, x).max(dec(w.column - 1, y));
            let dd = dec(w.column, w.stated);
            let message = agrees(
                &format!(
                    "«{}» for «{}»: {} − {}",
                    h.trim(),
                    row.label,
                    fmt_no(x, dv),
                    // "−6,1 − (−4,0)": a negative figure taken away in brackets.
                    if y < 0.0 {
                        format!("({})", fmt_no(y, dv))
                    } else {
                        fmt_no(y, dv)
                    }
                ),
                &fmt_no(w.computed, dd),
                &fmt_no(w.stated, dd),
            );
            out.passed.push(passed(
                ID,
                (row.line, row.end_line),
                message,
                w.stated,
                w.computed,
                w.range,
            ));
        }
        for w in wrong {
            let (Some(row), Some(h)) = (t.rows.get(w.row), t.header.get(w.column + 1)) else {
                continue;
            };
            let dec = row
                .cells
                .get(w.column)
                .map_or(0, |c| decimals_for(c.resolution, c.unit, w.stated));
            out.findings.push(arithmetic(
                ID,
                Severity::Error,
                (row.line, row.end_line),
                format!(
                    "«{}» for «{}» er oppgitt til {}, men tallene ved siden av gir {}.",
                    h.trim(),
                    row.label,
                    fmt_no(w.stated, dec),
                    fmt_no(w.computed, dec)
                ),
                w.stated,
                w.computed,
                w.range,
            ));
        }
    }
    out
}

/// A `table_sum` finding on a total row that the wrong differences above it explain: the stated
/// total is what the column would sum to with those rows corrected.
pub fn explains_total(tables: &[FoundTable], f: &Finding) -> bool {
    let (Some(stated), Some(computed)) = (f.stated, f.computed) else {
        return false;
    };
    tables
        .iter()
        .filter(|t| t.line <= f.line && f.line <= t.end_line)
        .any(|t| {
            let wrong = wrong_differences(t);
            let mut columns: Vec<usize> = wrong.iter().map(|w| w.column).collect();
            columns.dedup();
            columns.iter().any(|&c| {
                let correction: f64 = wrong
                    .iter()
                    .filter(|w| w.column == c && t.rows.get(w.row).is_some_and(|r| r.line < f.line))
                    .map(|w| w.computed - w.stated)
                    .sum();
                let res = t
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(c))
                    .map(|x| x.resolution)
                    .fold(0.0, f64::max);
                correction != 0.0 && (computed + correction - stated).abs() <= res * 0.5 + 1e-9
            })
        })
}

#[cfg(test)]
mod tests {
    use crate::report::DocumentReport;

    fn report(text: &str) -> DocumentReport {
        crate::analyze("t.txt", text.as_bytes())
            .map(|a| a.report)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    const BUDGET: &str = "Tabell 4 Resultat per divisjon (MNOK)\n\n\
        Divisjon                    Regnskap   Budsjett   Avvik\n\
        Divisjon medisin               -48,6      -20,0   -28,6\n\
        Divisjon kirurgi               -35,2      -15,0   -20,2\n\
        Divisjon psykisk helsevern      12,4        5,0     7,4\n\
        Divisjon medisinsk service       8,7        6,0     3,7\n\
        Fellesområder                   40,3       76,0   -35,7\n\
        Sum                            -22,4       52,0   -74,4\n\n\
        Kilde: regnskapet.\n";

    #[test]
    fn a_wrong_deviation_is_flagged_and_the_total_it_explains_is_not() {
        let r = report(BUDGET);
        let rules: Vec<(&str, usize)> = r
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.line))
            .collect();
        assert_eq!(rules, vec![(super::ID, 7)], "{:#?}", r.findings);
        assert!(
            r.findings[0].message.contains("2,7"),
            "{}",
            r.findings[0].message
        );
    }

    #[test]
    fn right_differences_pass_whichever_way_they_run() {
        // Budsjett − regnskap, and rounding: 12,44 − 5,0 written 7,4.
        let ok = BUDGET
            .replace("-28,6", " 28,6")
            .replace("-20,2", " 20,2")
            .replace("    7,4", "   -7,4")
            .replace("3,7", "-2,7")
            .replace("-35,7", " 35,7")
            .replace("-74,4", " 74,4");
        let r = report(&ok);
        assert!(
            r.findings.iter().all(|f| f.rule != super::ID),
            "{:#?}",
            r.findings
        );
    }

    #[test]
    fn a_column_that_is_not_a_difference_says_nothing() {
        // "Endring" in % of figures that are not percentages: a relative change.
        let text = "Helseforetak        2023    2024   Endring\n\
            Helse Bergen         610     640     4,9 %\n\
            Helse Stavanger      420     400    -4,8 %\n\
            Helse Fonna          210     230     9,5 %\n";
        let r = report(text);
        assert!(
            r.findings.iter().all(|f| f.rule != super::ID),
            "{:#?}",
            r.findings
        );
    }
}
