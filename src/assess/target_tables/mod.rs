//! Follow-up tables whose rows are targets: "Styringsparameter | Måltall | Resultat 2023 |
//! Resultat 2024 | Vurdering". Each row sets a target in its target cell ("< 65", "≥ 70 %",
//! "≤ 8,5 %", "–10 %", "Økning"), gives the results per year, and the report's own assessment.
//! Every row becomes an indicator for the report's owner (the region, or the one HF the title
//! names): the latest year's result judged against the target, the year before as the baseline
//! of relative targets, and the assessment column as the claim, so a row assessed "Innfridd"
//! against figures that miss the target is caught by `claim_mismatch`.
//!
//! Example (bokmål; nynorsk "Måltal", "Resultat", "Vurdering" alike):
//!
//! ```text
//! Styringsparameter              Måltall   Resultat   Resultat   Vurdering
//!                                2024      2023       2024
//! Sykefravær                     ≤ 8,5 %   9,1 %      8,9 %      Ikke innfridd
//! ```
//!
//! gives "at most 8,5 %", Regionen 8,9 → not met, claim not met.
//!
//! The table is read from the document's lines as laid out in columns (cells apart by two or
//! more spaces); a label wrapped over several lines is joined to the row that carries the cells.

use crate::assess::verdicts::{document_owner, judge, overall, Assessed};
use crate::document::Document;
use crate::extract::claims::parse_claim;
use crate::extract::tables::{column_pieces, year_in, Piece};
use crate::extract::values::Observation;
use crate::model::VerdictStatus;
use crate::model::{Claim, Comparator, Indicator, Target, Verdict};
use crate::text::fold;

mod header;
pub(crate) use header::Role;
use header::{header, Column};
mod target_cell;
pub(crate) use target_cell::target_cell;
use target_cell::{cell_value, label_unit, target_of};

/// Every target column header (data/target_table_target_headers.txt) contains one of these, in
/// either case of its first letter: a line with none is no target table's header, skipped
/// before it is split into cells (a test keeps the data in line).
const TARGET_GATE: [&str; 3] = ["ål", "rav", "mbisjon"];

/// A label wrapped over more lines than this is not a row label.
const MAX_LABEL_LINES: usize = 4;

/// A cell of a line laid out in columns (the table reader's pieces).
type Cell = Piece;

/// Splits a line into cells at runs of two or more spaces (or a tab).
fn cells(line: &str) -> Vec<Cell> {
    column_pieces(line, 0)
}

fn starts_with_any(folded: &str, words: &[String]) -> bool {
    words.iter().any(|w| folded.starts_with(w.as_str()))
}

/// Indicators from every target table in the document.
pub fn assess(doc: &Document) -> Vec<Assessed> {
    let mut out = Vec::new();
    let owner = document_owner(doc);
    let n = doc.line_count();
    let mut i = 1;
    while i <= n {
        let Some((cols, two_lines)) =
            header(doc.line_text(i), (i < n).then(|| doc.line_text(i + 1)))
        else {
            i += 1;
            continue;
        };
        i = read_rows(doc, i + 1 + two_lines as usize, &cols, &owner, &mut out);
    }
    // The same tables flattened with single spaces between cells (text copied from a PDF).
    out.extend(crate::assess::flat_target_tables::assess(doc, &owner));
    out
}

/// Reads rows from line `from` until the table ends; returns the line after it.
fn read_rows(
    doc: &Document,
    from: usize,
    cols: &[Column],
    owner: &str,
    out: &mut Vec<Assessed>,
) -> usize {
    let first_data = cols
        .iter()
        .skip(1)
        .map(|c| c.start)
        .min()
        .unwrap_or(usize::MAX);
    let mut label: Vec<String> = Vec::new();
    let mut label_line = 0;
    // The row just read: its label, label line, values line and whether it gave an indicator
    // (the last in `out`).
    let mut last: Option<(String, usize, usize, bool)> = None;
    let mut i = from;
    while i <= doc.line_count() {
        let line = doc.line_text(i);
        let cs = cells(line);
        if cs.is_empty() {
            last = None;
            i += 1;
            continue;
        }
        // A label wrapped under its row's values ("Gj.snittlig ventetid psykisk  < 40  38 …"
        // then "helsevern voksne (dager)"): a label-only line that opens in lower case or with
        // a bracket, right under the row, before a line that opens a new label.
        if let (Some((text, from_line, values_line, pushed)), [only]) = (&last, cs.as_slice()) {
            let opens_low = only
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c == '(');
            let next_opens_new = (i + 1 > doc.line_count())
                || cells(doc.line_text(i + 1))
                    .first()
                    .is_none_or(|c| c.text.chars().next().is_some_and(char::is_uppercase));
            if *values_line + 1 == i && only.start + 2 < first_data && opens_low && next_opens_new {
                let joined = format!("{text} {}", only.text);
                let values = cells(doc.line_text(*values_line));
                let data: Vec<&Cell> = values
                    .iter()
                    .filter(|c| c.start + 2 >= first_data)
                    .collect();
                if *pushed {
                    out.pop();
                }
                let again = row(cols, &joined, &data, owner, *from_line, *values_line);
                let pushed = again.is_some();
                out.extend(again);
                last = Some((joined, *from_line, *values_line, pushed));
                i += 1;
                continue;
            }
        }
        // The year line under the header.
        if out.is_empty()
            && label.is_empty()
            && cs
                .iter()
                .all(|c| year_in(&c.text).is_some() && c.text.len() <= 12)
            && cs[0].start >= first_data.saturating_sub(2)
        {
            i += 1;
            continue;
        }
        let data: Vec<&Cell> = cs.iter().filter(|c| c.start + 2 >= first_data).collect();
        let head: Vec<&Cell> = cs.iter().filter(|c| c.start + 2 < first_data).collect();
        if data.is_empty() {
            // A wrapped label line.
            if label.len() >= MAX_LABEL_LINES || head.len() != 1 {
                break;
            }
            if label.is_empty() {
                label_line = i;
            }
            label.push(head[0].text.clone());
            i += 1;
            continue;
        }
        if data.len() < 2 {
            break;
        }
        if label.is_empty() {
            label_line = i;
        }
        label.extend(head.iter().map(|c| c.text.clone()));
        let joined = label.join(" ");
        let made = row(cols, &joined, &data, owner, label_line, i);
        last = Some((joined, label_line, i, made.is_some()));
        out.extend(made);
        label.clear();
        i += 1;
    }
    i
}

/// One row → its indicator.
fn row(
    cols: &[Column],
    label: &str,
    data: &[&Cell],
    owner: &str,
    line: usize,
    end_line: usize,
) -> Option<Assessed> {
    let mut by_role: Vec<(Role, Option<i32>, &str)> = Vec::new();
    let mut by_entity: Vec<(String, &str)> = Vec::new();
    let mut taken = vec![false; cols.len()];
    for c in data {
        let (k, col) = cols
            .iter()
            .enumerate()
            .skip(1)
            .min_by_key(|(_, col)| col.start.abs_diff(c.start))?;
        if taken[k] {
            return None;
        }
        taken[k] = true;
        match &col.entity {
            Some(e) => by_entity.push((e.clone(), c.text.as_str())),
            None => by_role.push((col.role, col.year, c.text.as_str())),
        }
    }
    let target_col_year = cols
        .iter()
        .find(|c| c.role == Role::Target)
        .and_then(|c| c.year);
    if by_entity.is_empty() {
        return assemble(
            &by_role,
            target_col_year,
            label,
            owner,
            line,
            end_line,
            None,
        );
    }
    by_entity_row(&by_role, &by_entity, target_col_year, label, line, end_line)
}

/// A row of a table with one column per trust ("Indikator | Mål 2024 | Helse Bergen | …"):
/// each trust's figure judged against the row's target, for the target column's year.
fn by_entity_row(
    by_role: &[(Role, Option<i32>, &str)],
    by_entity: &[(String, &str)],
    target_col_year: Option<i32>,
    label: &str,
    line: usize,
    end_line: usize,
) -> Option<Assessed> {
    let cell = by_role.iter().find(|(r, ..)| *r == Role::Target)?.2;
    let mut target = target_of(cell, label)?;
    // Without the year before, a change target cannot be judged from one column per trust.
    if matches!(
        target.comparator,
        Comparator::Increase | Comparator::Decrease
    ) {
        return None;
    }
    target.target_year = target_col_year;
    let verdicts: Vec<Verdict> = by_entity
        .iter()
        .filter_map(|(entity, text)| {
            let obs = Observation {
                entity: entity.clone(),
                subject: None,
                value: Some(cell_value(text)?),
                baseline_value: None,
                year: target_col_year,
                baseline_year: None,
                change_pct: None,
                at: 0,
            };
            verdict_of(&target, &obs, end_line)
        })
        .collect();
    let cells = by_role
        .iter()
        .map(|(_, _, c)| *c)
        .chain(by_entity.iter().map(|(_, c)| *c));
    Some(row_indicator(
        label,
        cells,
        target,
        row_claim(by_role),
        verdicts,
        line,
        end_line,
    ))
}

/// The report's own verdict on a row: its assessment cell ("Innfridd", "Delvis oppfylt", a
/// traffic-light colour), or a comment that opens with a status.
fn row_claim(by_role: &[(Role, Option<i32>, &str)]) -> Option<Claim> {
    by_role
        .iter()
        .find(|(r, ..)| *r == Role::Assessment)
        .and_then(|(_, _, t)| {
            // A bare assessment ("Innfridd", "Delvis oppfylt") is read as the sentence it
            // stands for, with the claim phrases of data/phrases/claims.txt.
            parse_claim(t)
                .map(|c| c.claim)
                .or_else(|| {
                    parse_claim(&format!("Kravet er {}.", t.to_lowercase())).map(|c| c.claim)
                })
                .or_else(|| crate::extract::claims::bare_status(&fold(t)))
        })
        .or_else(|| {
            // A comment that opens with a status: its first clause ("Ikkje nådd; lange
            // ventetider …") read as "Kravet er ikkje nådd.", the status right after "er".
            let (_, _, t) = by_role.iter().find(|(r, ..)| *r == Role::Comment)?;
            let clause = t.split([';', ',', '.', ':']).next()?.trim().to_lowercase();
            let sentence = format!("Kravet er {clause}.");
            parse_claim(&sentence)
                .filter(|c| c.at <= "Kravet er ".len() && c.entity.is_none())
                .map(|c| c.claim)
        })
}

/// The verdict of one figure of a row (its subject the target's), on the row's line.
fn verdict_of(target: &Target, obs: &Observation, line: usize) -> Option<Verdict> {
    Some(Verdict {
        entity: obs.entity.clone(),
        subject: target.subject.clone(),
        status: judge(target, obs)?,
        value: obs.value,
        baseline_value: obs.baseline_value,
        year: obs.year,
        line,
        change_pct: None,
    })
}

/// A row of a target table as an indicator of the report's owner; its text is the label, then
/// its cells apart by " · " instead of column gaps.
fn row_indicator<'c>(
    label: &str,
    cells: impl Iterator<Item = &'c str>,
    target: Target,
    claim: Option<crate::model::Claim>,
    verdicts: Vec<Verdict>,
    line: usize,
    end_line: usize,
) -> Assessed {
    let mut text = label.trim().to_string();
    for c in cells {
        text.push_str(" · ");
        text.push_str(c.trim());
    }
    let status = overall(&verdicts);
    Assessed {
        indicator: Indicator {
            id: format!("L{line}"),
            line,
            end_line,
            text,
            measure: label.trim().to_string(),
            target,
            claim,
            claim_line: claim.map(|_| end_line),
            verdicts,
            status,
        },
        entity_claims: Vec::new(),
        has_figures: true,
        claim_is_regional: true,
        claim_count: None,
        so_far: None,
        claim_values: Vec::new(),
    }
}

/// A row's cells by role → its indicator. `parsed` is a target already read from the cell.
pub(crate) fn assemble(
    by_role: &[(Role, Option<i32>, &str)],
    target_col_year: Option<i32>,
    label: &str,
    owner: &str,
    line: usize,
    end_line: usize,
    parsed: Option<Target>,
) -> Option<Assessed> {
    let cell = by_role.iter().find(|(r, ..)| *r == Role::Target)?.2;
    let mut target = match parsed {
        Some(t) => t,
        None => target_of(cell, label)?,
    };
    label_unit(&mut target, &fold(label));
    let mut results: Vec<(Option<i32>, f64)> = by_role
        .iter()
        .filter(|(r, ..)| matches!(r, Role::Result | Role::PartPeriod))
        .filter_map(|(_, y, t)| Some((*y, cell_value(t)?)))
        .collect();
    let only_parts = !by_role.iter().any(|(r, ..)| *r == Role::Result);
    // A column for the whole period beside its parts ("1. tertial … | Heile året") gives the
    // row's result alone, for the year of its parts; the parts are no baseline of it.
    if let Some((_, y, t)) = by_role.iter().find(|(r, ..)| *r == Role::WholePeriod) {
        let latest = results.iter().filter_map(|r| r.0).max();
        results = vec![(y.or(latest), cell_value(t)?)];
    }
    crate::sorting::sort_by_key(&mut results, |(y, _)| *y);
    // The latest year's result; of two for that year ("November 2024", "Hittil 2024") the
    // first, the period the row's status speaks of.
    // Of parts of a year ("1. tertial 2025 | 2. tertial 2025"), the last.
    let first = match results.last()?.0 {
        Some(_) if only_parts => results.len() - 1,
        Some(latest) => results.iter().position(|r| r.0 == Some(latest))?,
        None => results.len() - 1,
    };
    let relative = matches!(
        target.comparator,
        Comparator::Increase | Comparator::Decrease
    );
    target.target_year = target_col_year.or(target.target_year);
    // The observation of result `pos`: its baseline the result before it, of an earlier year
    // (columns for parts of one year, "Jan–apr | Mai–aug | Hittil i år", are no baseline of
    // each other) or, for a change that needs one, the one right before.
    let observe = |pos: usize| {
        let (year, value) = results[pos];
        let before = results[..pos]
            .iter()
            .rev()
            .find(|b| matches!((b.0, year), (Some(a), Some(y)) if a < y))
            .or_else(|| pos.checked_sub(1).and_then(|k| results.get(k)))
            .copied()
            .filter(|b| relative || matches!((b.0, year), (Some(a), Some(y)) if a < y))
            // "−10 % mot 2023" beside a 2024 column: not the baseline the target names.
            .filter(|b| !matches!((b.0, target.baseline_year), (Some(a), Some(t)) if a != t));
        Observation {
            entity: owner.to_string(),
            subject: target.subject.clone(),
            value: Some(value),
            baseline_value: before.map(|b| b.1),
            year,
            baseline_year: before.and_then(|b| b.0),
            change_pct: None,
            at: 0,
        }
    };
    let claim = row_claim(by_role);
    // "Des. 2025 | Hele 2025 | Status": a status that only a later column of the same year
    // bears out (the whole period after its last month) speaks of that column (the report's
    // legend says which, and we do not read it); held to the first, it would be a false
    // contradiction. A status the first column bears out stays with it.
    let agrees = |pos: usize| {
        let mut t = target.clone();
        let obs = observe(pos);
        if relative && t.baseline_year.is_none() {
            t.baseline_year = obs.baseline_year;
        }
        match (claim, verdict_of(&t, &obs, end_line).map(|v| v.status)) {
            (Some(Claim::Met), Some(VerdictStatus::Met))
            | (Some(Claim::NotMet), Some(VerdictStatus::NotMet)) => Some(true),
            (
                Some(Claim::Met | Claim::NotMet),
                Some(VerdictStatus::Met | VerdictStatus::NotMet),
            ) => Some(false),
            _ => None,
        }
    };
    let pos = if agrees(first) == Some(false) {
        (0..results.len())
            .find(|&k| k > first && results[k].0 == results[first].0 && agrees(k) == Some(true))
            .unwrap_or(first)
    } else {
        first
    };
    let obs = observe(pos);
    if relative && target.baseline_year.is_none() {
        target.baseline_year = obs.baseline_year;
    }
    let verdicts: Vec<Verdict> = verdict_of(&target, &obs, end_line).into_iter().collect();
    let cells = by_role.iter().map(|(_, _, c)| *c);
    Some(row_indicator(
        label, cells, target, claim, verdicts, line, end_line,
    ))
}

#[cfg(test)]
mod tests;
