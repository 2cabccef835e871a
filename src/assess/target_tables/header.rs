//! The header of a target table: which column is the label, the target, a year's result, the
//! report's assessment, and for which entity or period.

use crate::extract::tables::year_in;
use crate::text::fold;

use super::target_cell::cell_value;
use super::{cells, starts_with_any, Cell, TARGET_GATE};

/// Whether a (folded) header cell names a result column: a result word, or a month (the
/// number lexer's month names).
pub(super) fn is_result_header(folded: &str) -> bool {
    starts_with_any(
        folded,
        &crate::document::lexicon().target_table_result_headers,
    ) || folded
        .split(|c: char| !c.is_alphabetic())
        .next()
        .and_then(crate::extract::numbers::month_of)
        .is_some()
}

/// Whether a (folded) header names a results column for a whole period ("heile året"; data/
/// table_whole_period_headers.txt).
pub(super) fn is_whole_period_header(folded: &str) -> bool {
    let lex = crate::document::lexicon();
    lex.whole_period_headers
        .iter()
        .any(|w| folded.trim_start().starts_with(w.as_str()))
}

/// Whether a (folded) header names a results column for a part of a year ("1. tertial", "T2";
/// data/table_part_period_headers.txt).
pub(super) fn is_part_period_header(folded: &str) -> bool {
    let lex = crate::document::lexicon();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| lex.part_period_headers.contains(w))
}

/// A header line whose first cell starts this far right has no label cell: its first cell
/// names a column of figures ("Mål 2024" over the targets, "Indikator" on the line below).
pub(super) const LABELLESS_HEADER_START: usize = 12;

/// The columns of a target table's header: (start column, role, year).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Role {
    Label,
    Target,
    Result,
    /// The result for a whole period beside columns for its parts ("Heile året" after
    /// "1. tertial", "2. tertial", "3. tertial"): the row's result.
    WholePeriod,
    /// A result for a part of a year ("2. tertial 2025"): of several for the latest year, the
    /// last is the row's result.
    PartPeriod,
    Assessment,
    /// A comment column ("Kommentar"): its opening status is the assessment when the table
    /// has no assessment column.
    Comment,
    /// One trust's or the region's results ("Helse / Bergen" over two header lines).
    Entity,
    Other,
}

#[derive(Debug, Clone)]
pub(super) struct Column {
    pub(super) start: usize,
    pub(super) role: Role,
    pub(super) year: Option<i32>,
    /// The entity an `Entity` column gives results for.
    pub(super) entity: Option<String>,
}

/// The entity a header cell names, "Helse Bergen" (HF, RHF or the region), when the whole cell
/// is that name.
pub(super) fn header_entity(text: &str) -> Option<String> {
    let cat = crate::extract::entities::catalogue();
    let id = cat.resolve(text.trim())?;
    use crate::extract::entities::EntityKind as K;
    matches!(cat.kind(id), K::Hf | K::Rhf | K::Region | K::Support)
        .then(|| cat.name(id).to_string())
}

/// A header line (and the line under it, if it goes on with years or with the rest of the
/// column names) → its columns and whether the next line was part of the header, when it is a
/// target table.
pub(super) fn header(line: &str, next: Option<&str>) -> Option<(Vec<Column>, bool)> {
    // Cheap gate before splitting: columns, and a target-column word.
    if !line.contains("  ") || !TARGET_GATE.iter().any(|w| line.contains(w)) {
        return None;
    }
    let lex = crate::document::lexicon();
    let mut cs = cells(line);
    if cs.first().is_some_and(|c| {
        c.start >= LABELLESS_HEADER_START
            && starts_with_any(&fold(&c.text), &lex.target_table_target_headers)
    }) {
        cs.insert(
            0,
            Cell {
                start: 0,
                end: 0,
                text: String::new(),
            },
        );
    }
    // A header whose first line holds only some column names over a fuller line under it
    // ("Mål" over "2025", "Helse" over "Nord", above "Indikator  2025  UNN  NLSH  …"): the
    // line under it is the skeleton, each name above joined to the cell it stands over.
    let mut over_skeleton = false;
    if let Some(next) = next {
        let under = cells(next);
        let named: Vec<&Cell> = cs.iter().filter(|c| !c.text.is_empty()).collect();
        let aligned = under.len() > cs.len()
            && under.len() >= 3
            && !named.is_empty()
            && named
                .iter()
                .all(|c| under.iter().any(|u| u.start.abs_diff(c.start) <= 2))
            && under
                .iter()
                .all(|u| cell_value(&u.text).is_none() || year_in(&u.text).is_some());
        if aligned {
            cs = under
                .into_iter()
                .map(|mut u| {
                    if let Some(c) = named.iter().find(|c| u.start.abs_diff(c.start) <= 2) {
                        u.text = format!("{} {}", c.text, u.text);
                    }
                    u
                })
                .collect();
            over_skeleton = true;
        }
    }
    if cs.len() < 3 {
        return None;
    }
    let mut cols: Vec<Column> = cs
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let f = fold(&c.text);
            let role = if i == 0 {
                Role::Label
            } else if starts_with_any(&f, &lex.target_table_target_headers) {
                Role::Target
            } else if is_whole_period_header(&f) {
                Role::WholePeriod
            } else if is_part_period_header(&f) {
                Role::PartPeriod
            } else if is_result_header(&f) {
                Role::Result
            } else if starts_with_any(&f, &lex.target_table_assessment_headers) {
                Role::Assessment
            } else if f
                .split_whitespace()
                .next()
                .is_some_and(|w| crate::document::lexicon().comment_headers.contains(w))
            {
                Role::Comment
            } else {
                Role::Other
            };
            Column {
                start: c.start,
                role,
                year: year_in(&c.text),
                entity: None,
            }
        })
        .collect();
    // Column names wrapped onto the next line ("Helse" over "Bergen", "Mål" over "2024"): each
    // piece under the column it starts at.
    let mut consumed = false;
    if over_skeleton {
        for (c, col) in cs.iter().zip(cols.iter_mut()) {
            if let Some(e) = header_entity(&c.text).filter(|_| col.role == Role::Other) {
                col.role = Role::Entity;
                col.entity = Some(e);
            }
        }
        consumed = true;
    }
    let next = next.filter(|_| !over_skeleton);
    let texts: Vec<String> = cs.iter().map(|c| c.text.clone()).collect();
    let mut joined = texts.clone();
    if let Some(next) = next {
        let under = cells(next);
        let aligned = !under.is_empty()
            && under.len() <= cs.len()
            && under
                .iter()
                .all(|u| cs.iter().any(|c| c.start.abs_diff(u.start) <= 2))
            && under.iter().all(|u| u.text.chars().count() <= 24)
            && under
                .iter()
                .all(|u| cell_value(&u.text).is_none() || year_in(&u.text).is_some());
        if aligned {
            for u in &under {
                if let Some(k) = cs.iter().position(|c| c.start.abs_diff(u.start) <= 2) {
                    // "Helse Nord-" over "Trøndelag": a name hyphenated across the lines.
                    let glue = if joined[k].ends_with('-') { "" } else { " " };
                    joined[k] = format!("{}{glue}{}", joined[k], u.text);
                }
            }
        }
        let entities: Vec<Option<String>> = joined.iter().map(|t| header_entity(t)).collect();
        if aligned && entities.iter().filter(|e| e.is_some()).count() >= 2 {
            consumed = true;
            for (c, e) in cols.iter_mut().zip(entities) {
                if e.is_some() && c.role == Role::Other {
                    c.role = Role::Entity;
                    c.entity = e;
                }
            }
            for (c, t) in cols.iter_mut().zip(&joined) {
                c.year = c.year.or(year_in(t));
            }
        }
    }
    // Years on the line under the header beside other words ("Indikator  2024  2024  2023
    // 2024  november"): each column takes its own.
    if let Some(next) = next.filter(|_| !consumed) {
        let under = cells(next);
        let aligned = !under.is_empty()
            && under.len() <= cs.len()
            && under.iter().any(|u| year_in(&u.text).is_some())
            && under.iter().all(|u| {
                u.text.chars().count() <= 24
                    && (cell_value(&u.text).is_none() || year_in(&u.text).is_some())
                    && cs.iter().any(|c| c.start.abs_diff(u.start) <= 2)
            });
        if aligned {
            for u in &under {
                if let Some(k) = cs.iter().position(|c| c.start.abs_diff(u.start) <= 2) {
                    cols[k].year = cols[k].year.or(year_in(&u.text));
                    // "Hittil i" over "år 2025": the period the whole header names.
                    let f = fold(&joined[k]);
                    if k > 0 && matches!(cols[k].role, Role::Result | Role::Other) {
                        if is_whole_period_header(&f) {
                            cols[k].role = Role::WholePeriod;
                        } else if cols[k].role == Role::Other && is_part_period_header(&f) {
                            cols[k].role = Role::PartPeriod;
                        }
                    }
                }
            }
            consumed = true;
        }
    }
    if !consumed {
        for (c, t) in cols.iter_mut().zip(&texts) {
            if let Some(e) = header_entity(t).filter(|_| c.role == Role::Other) {
                c.role = Role::Entity;
                c.entity = Some(e);
            }
        }
    }
    // "Status" beside result columns is the assessment ("Nådd", "Ikke nådd", "grønn").
    let results_named = cs
        .iter()
        .zip(&cols)
        .filter(|(c, col)| {
            matches!(
                col.role,
                Role::Result | Role::WholePeriod | Role::PartPeriod
            ) && !fold(&c.text).starts_with("status")
        })
        .count();
    // So is it beside one column per trust.
    let entity_columns = cols.iter().filter(|c| c.role == Role::Entity).count();
    if (results_named > 0 || entity_columns >= 2)
        && !cols.iter().any(|c| c.role == Role::Assessment)
    {
        for (c, col) in cs.iter().zip(cols.iter_mut()) {
            if col.role == Role::Result && fold(&c.text).starts_with("status") {
                col.role = Role::Assessment;
            }
        }
    }
    // A whole period's column is the row's result only beside columns for its parts ("T1 |
    // T2 | T3 | 2024": the bare year is the whole year); beside months or years it is a plain
    // result column (the status speaks of the month).
    let parts = cs.iter().any(|c| is_part_period_header(&fold(&c.text)));
    for (c, col) in cs.iter().zip(cols.iter_mut()) {
        let bare_year = year_in(&c.text).is_some() && c.text.trim().len() == 4;
        if col.role == Role::WholePeriod && !parts {
            col.role = Role::Result;
        } else if parts && col.role == Role::Other && bare_year {
            col.role = Role::WholePeriod;
        } else if col.role == Role::Other && bare_year {
            // "Indikator | Mål | 2025 | 2026": a bare year beside the target column is that
            // year's result.
            col.role = Role::Result;
        }
    }
    let has = |r: Role| cols.iter().filter(|c| c.role == r).count();
    if has(Role::Target) != 1
        || has(Role::WholePeriod) > 1
        || (has(Role::Result) + has(Role::PartPeriod) == 0 && has(Role::Entity) < 2)
    {
        return None;
    }
    if consumed {
        return Some((cols, true));
    }
    // Years on the line under the header, each under the nearest column.
    if let Some(next) = next {
        let under = cells(next);
        if !under.is_empty()
            && under
                .iter()
                .all(|c| year_in(&c.text).is_some() && c.text.len() <= 12)
        {
            for u in under {
                if let Some(c) = nearest(&mut cols, u.start) {
                    c.year = c.year.or(year_in(&u.text));
                }
            }
        }
    }
    Some((cols, false))
}

pub(super) fn nearest(cols: &mut [Column], start: usize) -> Option<&mut Column> {
    cols.iter_mut().min_by_key(|c| c.start.abs_diff(start))
}
