//! The budget of an application: a table the document's table reader found in the budget's
//! answer (one column per year, maybe a "Sum" column, a "Totalt" row), or — without one — the
//! answer's lines of amounts ("• Prosjektleder (100 % i 18 måneder): ca. kr 1,5 mill").
//! Every amount keeps the interval its rounding allows, for `rules::budget_sum`.

use super::reader::money;
use super::{phrases, Num};
use crate::extract::numbers::{lex, NumUnit, NumberKind};
use crate::model::Table;
use crate::report::{Budget, BudgetRow};
use crate::rules::table_sums::is_total_label;

/// One budget line as read.
#[derive(Debug, Clone, PartialEq)]
pub struct RowRead {
    pub label: String,
    pub line: usize,
    pub values: Vec<Option<Num>>,
}

/// A budget as read.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetRead {
    pub line: usize,
    pub end_line: usize,
    pub years: Vec<i32>,
    /// The last value of each row is the row's sum.
    pub sum_column: bool,
    /// Cost lines (not the total, not the financing part).
    pub rows: Vec<RowRead>,
    pub total: Option<RowRead>,
    /// A line that gives the amount applied for ("Søkt beløp").
    pub applied: Option<RowRead>,
}

impl BudgetRead {
    pub fn to_contract(&self) -> Budget {
        let row = |r: &RowRead| BudgetRow {
            label: r.label.clone(),
            line: r.line,
            values: r.values.iter().map(|v| v.map(|n| n.value)).collect(),
        };
        Budget {
            line: self.line,
            end_line: self.end_line,
            years: self.years.clone(),
            sum_column: self.sum_column,
            rows: self.rows.iter().map(row).collect(),
            total: self.total.as_ref().map(row),
        }
    }
}

/// An amount in a cell ("1 500 000", "kr 0,3 mill."); percentages and durations are not.
fn cell_amount(cell: &str) -> Option<Num> {
    lex(cell)
        .into_iter()
        .find(|t| {
            t.kind == NumberKind::Quantity
                && t.upper.is_none()
                && matches!(t.unit, NumUnit::Nok | NumUnit::None)
        })
        .map(|t| Num::of(&t))
}

fn bare_year(cell: &str) -> Option<i32> {
    let c = cell.trim();
    (c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit()))
        .then(|| c.parse().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y))
}

fn matches(label: &str, section: &str) -> bool {
    let l = label.to_lowercase();
    phrases()
        .get(section)
        .iter()
        .any(|p| l.contains(p.as_str()))
}

/// Sorts rows into costs, the total, the applied amount; rows after a financing line are left
/// out of the costs.
fn assemble(
    line: usize,
    end_line: usize,
    years: Vec<i32>,
    sum_column: bool,
    raw: Vec<RowRead>,
) -> Option<BudgetRead> {
    let mut b = BudgetRead {
        line,
        end_line,
        years,
        sum_column,
        rows: Vec::new(),
        total: None,
        applied: None,
    };
    let mut financing = false;
    for r in raw {
        if matches(&r.label, "budget.applied") {
            b.applied.get_or_insert(r);
            continue;
        }
        if is_total_label(&r.label) {
            if !financing {
                b.total = Some(r);
            }
            continue;
        }
        if matches(&r.label, "budget.financing") {
            financing = true;
            continue;
        }
        // Lines after the total are notes or the financing, not costs.
        if !financing && b.total.is_none() && r.values.iter().any(Option::is_some) {
            b.rows.push(r);
        }
    }
    (b.rows.len() >= 2 || (b.total.is_some() && !b.rows.is_empty())).then_some(b)
}

fn from_table(t: &Table) -> Option<BudgetRead> {
    let header_years: Vec<Option<i32>> = t.header.iter().skip(1).map(|h| bare_year(h)).collect();
    let years: Vec<i32> = header_years.iter().flatten().copied().collect();
    let sum_column = years.len() >= 2
        && t.header.len() == years.len() + 2
        && t.header.last().is_some_and(|h| is_total_label(h));
    let raw: Vec<RowRead> = t
        .rows
        .iter()
        .enumerate()
        .map(|(k, row)| RowRead {
            label: row.first().cloned().unwrap_or_default(),
            line: t.row_lines.get(k).copied().unwrap_or(t.line),
            values: row.iter().skip(1).map(|c| cell_amount(c)).collect(),
        })
        .collect();
    assemble(t.line, t.end_line, years, sum_column, raw)
}

fn clean_label(s: &str) -> String {
    let mut l = super::form::strip_bullet(s).trim().to_string();
    loop {
        let before = l.len();
        for tail in ["ca.", "ca", "kr.", "kr", "nok", ":", "–", "-", "="] {
            if l.to_lowercase().ends_with(tail) {
                l.truncate(l.len() - tail.len());
                l = l.trim_end().to_string();
            }
        }
        if l.len() == before {
            break;
        }
    }
    l
}

/// Reads the budget in `region` (line number, text; labels and prompts left out), whose lines
/// (labels included) are `region_lines`; a table of the document there is preferred.
pub fn read(
    region: &[(usize, &str)],
    region_lines: &[usize],
    tables: &[Table],
) -> Option<BudgetRead> {
    let lo = *region_lines.iter().min()?;
    let hi = *region_lines.iter().max()?;
    if let Some(b) = tables
        .iter()
        .filter(|t| t.line <= hi && lo <= t.end_line)
        .find_map(from_table)
    {
        return Some(b);
    }
    let mut years: Vec<i32> = Vec::new();
    let mut raw: Vec<RowRead> = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    let (mut first, mut last) = (usize::MAX, 0);
    for &(line, text) in region {
        let amounts = money(text);
        if amounts.is_empty() {
            let ys: Vec<i32> = text.split_whitespace().filter_map(bare_year).collect();
            if ys.len() >= 2 {
                years = ys;
                first = first.min(line);
                pending = None;
            } else if !text.trim().is_empty() {
                pending = Some((line, text.trim().to_string()));
            }
            continue;
        }
        let label_end = amounts[0].span.start;
        let mut label = clean_label(text.get(..label_end).unwrap_or(""));
        if let Some((pl, pt)) = pending.take() {
            if pl + 1 == line || label.is_empty() {
                label = clean_label(&format!("{} {}", super::form::strip_bullet(&pt), label));
            }
        }
        if label.is_empty() {
            continue;
        }
        first = first.min(line);
        last = last.max(line);
        raw.push(RowRead {
            label,
            line,
            values: amounts.iter().map(|t| Some(Num::of(t))).collect(),
        });
    }
    let sum_column = years.len() >= 2 && raw.iter().any(|r| r.values.len() == years.len() + 1);
    if first == usize::MAX {
        return None;
    }
    assemble(first, last.max(first), years, sum_column, raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_list_of_amounts() {
        let lines = [
            (10, "• Prosjektleder (100 % i 18 måneder): ca. kr 1,5 mill"),
            (11, "• Frikjøp av fagpersonell fra kommuner og"),
            (12, "sykehus: ca. kr 1,5 mill."),
            (13, "• Reiser: ca. kr 0,3 mill."),
        ];
        let b = read(&lines, &[9, 10, 11, 12, 13], &[]).unwrap();
        assert_eq!(b.rows.len(), 3);
        assert_eq!(b.rows[0].label, "Prosjektleder (100 % i 18 måneder)");
        assert_eq!(
            b.rows[1].label,
            "Frikjøp av fagpersonell fra kommuner og sykehus"
        );
        assert_eq!(b.rows[2].values[0].map(|n| n.value), Some(300_000.0));
        assert!(b.total.is_none());
    }

    #[test]
    fn reads_year_columns_and_the_total() {
        let lines = [
            (20, "Kostnad                2026        2027        Sum"),
            (21, "Lønn                500 000     500 000   1 000 000"),
            (22, "Drift               100 000     100 000     200 000"),
            (23, "Sum                 600 000     600 000   1 200 000"),
        ];
        let b = read(&lines, &[19, 20, 21, 22, 23], &[]).unwrap();
        assert_eq!(b.years, vec![2026, 2027]);
        assert!(b.sum_column);
        assert_eq!(b.rows.len(), 2);
        assert_eq!(b.total.as_ref().map(|t| t.line), Some(23));
    }
}
