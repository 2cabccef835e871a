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
use crate::extract::numbers::parse_number;
use crate::extract::phrases::{first_direction, Dir};
use crate::extract::tables::{column_pieces, year_in, Piece};
use crate::extract::values::Observation;
use crate::model::{Claim, Comparator, Indicator, Target, TargetUnit, Verdict};
use crate::text::fold;

/// Every target column header (data/target_table_target_headers.txt) contains one of these, in
/// either case of its first letter: a line with none is no target table's header, skipped
/// before it is split into cells (a test keeps the data in line).
const TARGET_GATE: [&str; 3] = ["ål", "rav", "mbisjon"];

/// The unit a name in `data/target_table_label_units.txt` stands for.
fn unit_named(name: &str) -> Option<TargetUnit> {
    match name {
        "days" => Some(TargetUnit::Days),
        "percent" => Some(TargetUnit::Percent),
        "count" => Some(TargetUnit::Count),
        _ => None,
    }
}

/// Whether a (folded) header cell names a result column: a result word, or a month (the
/// number lexer's month names).
fn is_result_header(folded: &str) -> bool {
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
fn is_whole_period_header(folded: &str) -> bool {
    let lex = crate::document::lexicon();
    lex.whole_period_headers
        .iter()
        .any(|w| folded.trim_start().starts_with(w.as_str()))
}

/// Whether a (folded) header names a results column for a part of a year ("1. tertial", "T2";
/// data/table_part_period_headers.txt).
fn is_part_period_header(folded: &str) -> bool {
    let lex = crate::document::lexicon();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| lex.part_period_headers.contains(w))
}

/// A header line whose first cell starts this far right has no label cell: its first cell
/// names a column of figures ("Mål 2024" over the targets, "Indikator" on the line below).
const LABELLESS_HEADER_START: usize = 12;
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
struct Column {
    start: usize,
    role: Role,
    year: Option<i32>,
    /// The entity an `Entity` column gives results for.
    entity: Option<String>,
}

/// The entity a header cell names, "Helse Bergen" (HF, RHF or the region), when the whole cell
/// is that name.
fn header_entity(text: &str) -> Option<String> {
    let cat = crate::extract::entities::catalogue();
    let id = cat.resolve(text.trim())?;
    use crate::extract::entities::EntityKind as K;
    matches!(cat.kind(id), K::Hf | K::Rhf | K::Region | K::Support)
        .then(|| cat.name(id).to_string())
}

/// A header line (and the line under it, if it goes on with years or with the rest of the
/// column names) → its columns and whether the next line was part of the header, when it is a
/// target table.
fn header(line: &str, next: Option<&str>) -> Option<(Vec<Column>, bool)> {
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

fn nearest(cols: &mut [Column], start: usize) -> Option<&mut Column> {
    cols.iter_mut().min_by_key(|c| c.start.abs_diff(start))
}

/// A result cell's figure: "8,9 %" → 8.9, "281 mill. kr" → 281 000 000.
fn cell_value(t: &str) -> Option<f64> {
    crate::extract::numbers::lex(t)
        .into_iter()
        .find(|x| x.kind == crate::extract::numbers::NumberKind::Quantity && x.value.is_finite())
        .map(|x| x.value)
        .or_else(|| parse_number(t.trim().trim_end_matches('%').trim()))
}

/// A target cell → the target it sets (without unit when the cell gives none).
fn target_cell(text: &str) -> Option<Target> {
    let t = text.trim();
    let f = fold(t);
    let percent = t.contains('%') || f.contains("prosent");
    let mut target = Target {
        comparator: Comparator::AtLeast,
        threshold: None,
        unit: percent.then_some(TargetUnit::Percent),
        baseline_year: None,
        change_pct: None,
        target_year: None,
        subject: None,
        long_term: false,
    };
    // The first figure of the cell's rest ("25 % fra 2023" → 25).
    let number = |s: &str| {
        crate::extract::numbers::lex(s)
            .into_iter()
            .find(|x| {
                x.kind == crate::extract::numbers::NumberKind::Quantity && x.value.is_finite()
            })
            .map(|x| x.value)
            .or_else(|| parse_number(s.trim().trim_end_matches('%').trim()))
    };
    for (sign, comparator) in [
        ("<=", Comparator::AtMost),
        (">=", Comparator::AtLeast),
        ("≤", Comparator::AtMost),
        ("≥", Comparator::AtLeast),
        ("<", Comparator::Below),
        (">", Comparator::Above),
    ] {
        if let Some(rest) = t.strip_prefix(sign) {
            target.comparator = comparator;
            target.threshold = Some(number(rest)?);
            return Some(target);
        }
    }
    // "minst 70 %", "maks 5 %", "under 60 dagar": the comparator words of the target grammar.
    let book = crate::extract::phrases::targets();
    for (section, comparator) in [
        ("at_least", Comparator::AtLeast),
        ("at_most", Comparator::AtMost),
        ("below", Comparator::Below),
        ("above", Comparator::Above),
    ] {
        let hit = book.get(section).iter().find(|p| {
            f.starts_with(p.as_str())
                && f[p.len()..].starts_with(' ')
                && f[p.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
        });
        if let Some(p) = hit {
            target.comparator = comparator;
            target.threshold = Some(number(&f[p.len()..])?);
            return Some(target);
        }
    }
    // "–10 %", "-10 %", "+5 %": a change from the year before ("-25 % fra 2023": from that
    // year).
    for (sign, comparator) in [
        ('–', Comparator::Decrease),
        ('-', Comparator::Decrease),
        ('−', Comparator::Decrease),
        ('+', Comparator::Increase),
    ] {
        if let Some(rest) = t.strip_prefix(sign) {
            if percent {
                target.comparator = comparator;
                target.change_pct = Some(number(rest)?);
                target.unit = None;
                target.baseline_year = year_in(rest);
                return Some(target);
            }
        }
    }
    // "Ingen": none at all.
    let bare = f.trim_end_matches(['.', '!']).trim();
    if book.get("zero_cell").iter().any(|p| p == bare) {
        target.comparator = Comparator::AtMost;
        target.threshold = Some(0.0);
        return Some(target);
    }
    // "Økning", "Auke", "Reduksjon": a direction only, read with the shared direction words.
    let words: Vec<String> = f.split_whitespace().map(str::to_string).collect();
    let d = first_direction(&words).filter(|d| d.index == 0 && !d.negated)?;
    target.comparator = match d.dir {
        Dir::Up => Comparator::Increase,
        Dir::Down => Comparator::Decrease,
        Dir::Change => return None,
    };
    target.unit = None;
    Some(target)
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

/// The unit a row's label gives ("Ventetid (dagar)", "Andel …") to a threshold without one.
fn label_unit(target: &mut Target, label_folded: &str) {
    if target.unit.is_none() && target.threshold.is_some() {
        target.unit = crate::document::lexicon()
            .target_table_label_units
            .iter()
            .find(|(w, _)| label_folded.contains(w.as_str()))
            .and_then(|(_, name)| unit_named(name));
    }
}

/// A target cell read with its row's label: the unit from the label when the cell gives none,
/// and a bare figure ("0 %", "75") read by the measure's better direction.
fn target_of(cell: &str, label: &str) -> Option<Target> {
    let lf = fold(label);
    let mut target = match target_cell(cell) {
        Some(t) => t,
        None => {
            let value = cell_value(cell)?;
            let comparator = crate::extract::targets::measure_polarity(&lf)?;
            let percent = cell.contains('%') || fold(cell).contains("prosent");
            Target {
                comparator,
                threshold: Some(value),
                unit: percent.then_some(TargetUnit::Percent),
                baseline_year: None,
                change_pct: None,
                target_year: None,
                subject: None,
                long_term: false,
            }
        }
    };
    label_unit(&mut target, &lf);
    // "Gj.snittleg ventetid somatikk": a row for one area sets that area's target.
    if let [area] = crate::extract::targets::subjects_in(&lf, 0).as_slice() {
        target.subject = Some(area.clone());
    }
    Some(target)
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
    let pos = match results.last()?.0 {
        Some(_) if only_parts => results.len() - 1,
        Some(latest) => results.iter().position(|r| r.0 == Some(latest))?,
        None => results.len() - 1,
    };
    let (year, value) = results[pos];
    let before = pos.checked_sub(1).and_then(|k| results.get(k)).copied();
    let relative = matches!(
        target.comparator,
        Comparator::Increase | Comparator::Decrease
    );
    // Columns for parts of one year ("Jan–apr | Mai–aug | Hittil i år") are no baseline of
    // each other: an earlier result is a baseline when it is of an earlier year, or when the
    // target is a change that needs one.
    let before = before.filter(|b| relative || matches!((b.0, year), (Some(a), Some(y)) if a < y));
    if relative && target.baseline_year.is_none() {
        target.baseline_year = before.and_then(|b| b.0);
    }
    target.target_year = target_col_year.or(target.target_year);
    let obs = Observation {
        entity: owner.to_string(),
        subject: target.subject.clone(),
        value: Some(value),
        baseline_value: before.map(|b| b.1),
        year,
        baseline_year: before.and_then(|b| b.0),
        change_pct: None,
        at: 0,
    };
    let verdicts: Vec<Verdict> = verdict_of(&target, &obs, end_line).into_iter().collect();
    let claim = row_claim(by_role);
    let cells = by_role.iter().map(|(_, _, c)| *c);
    Some(row_indicator(
        label, cells, target, claim, verdicts, line, end_line,
    ))
}

#[cfg(test)]
mod tests;
