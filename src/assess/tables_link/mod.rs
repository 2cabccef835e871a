//! Links a target to the tables that answer it — by reference ("jf. tabell 5", "tabell 1-3",
//! "tabell nedenfor") or by position inside the target's block — and reads their cells as
//! observations: rows of entities with year columns ("St. Olavs hospital HF 9,0 % 9,2 %"), or rows
//! of areas with entity/year columns ("Somatikk 59 70 74 …" under "Helse Midt des. 2023", …).

use crate::document::{Document, Reading, Sentence};
use crate::extract::entities::{catalogue, EntityKind};
use crate::extract::numbers::{lex, NumberKind};
use crate::extract::tables::MAX_CONTINUATION_GAP;
use crate::extract::values::Observation;
use crate::model::{Table, Target, TargetUnit};
use crate::text::fold;

/// One cell-derived observation with the line it came from.
#[derive(Debug, Clone)]
pub struct TableObservation {
    pub obs: Observation,
    pub line: usize,
}

/// What a table says, per (entity, area): every (year or none, value) it gives.
#[derive(Debug, Clone)]
pub struct TableValues {
    pub caption: Option<String>,
    pub cells: Vec<TableCell>,
    pub observations: Vec<TableObservation>,
}

#[derive(Debug, Clone)]
pub struct TableCell {
    /// The header of the cell's column.
    pub header: String,
    /// The cell's first figure as the lexer read it (unit, resolution).
    pub token: crate::extract::numbers::NumberToken,
    pub entity: String,
    pub subject: Option<String>,
    pub year: Option<i32>,
    pub value: f64,
    pub line: usize,
    /// The unit the column header (or else the caption) gives its bare figures: "(%)",
    /// "(dager)", "prosent".
    pub unit_hint: Option<TargetUnit>,
    /// The cell's row names a measure, not a trust or an area ("Andel fristbrudd (%)" in a
    /// table with one column per trust): it answers only a target of that measure.
    pub measure_row: bool,
}

/// The unit a word of a header or caption gives its bare figures ("prosent", "dagar", "kroner",
/// "antall"; data/phrases/words.txt `[unit_hint_*]`).
fn word_unit(word: &str) -> Option<TargetUnit> {
    [
        ("unit_hint_percent", TargetUnit::Percent),
        ("unit_hint_days", TargetUnit::Days),
        ("unit_hint_nok", TargetUnit::Nok),
        ("unit_hint_count", TargetUnit::Count),
    ]
    .into_iter()
    .find(|(section, _)| crate::extract::phrases::is_word(section, word))
    .map(|(_, unit)| unit)
}

/// The words of a header: runs of letters and digits, and runs of the signs "+/-", "%", "±".
fn header_words(text: &str) -> Vec<String> {
    let is_sign = |c: char| matches!(c, '+' | '-' | '/' | '÷' | '±' | '%');
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut cur_sign = false;
    for c in fold(text).chars() {
        let (word, sign) = (c.is_alphanumeric(), is_sign(c));
        if !cur.is_empty() && (!(word || sign) || sign != cur_sign) {
            words.push(std::mem::take(&mut cur));
        }
        if word || sign {
            cur.push(c);
            cur_sign = sign;
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Does a column header name the requirement or a plan ("Krav 2024", "Mål", "Måltal",
/// "Budsjett 2024", "Prognose")? Its first word is in data/table_requirement_headers.txt,
/// table_target_headers.txt or table_plan_headers.txt: its figures are no result.
fn is_requirement_header(header: &str) -> bool {
    let words = header_words(header);
    // "Langsiktig mål (dager)", "Nasjonalt krav": a qualifier may stand before the word.
    let at = usize::from(
        words
            .first()
            .is_some_and(|w| crate::extract::phrases::is_word("header_qualifiers", w)),
    );
    let Some(word) = words.get(at) else {
        return false;
    };
    let lex = crate::document::lexicon();
    lex.requirement_headers.contains(word.as_str())
        || lex.target_headers.contains(word.as_str())
        || lex.plan_headers.contains(word.as_str())
}

/// A cell written as a requirement: a comparison sign before its figure ("< 55", "≥ 70 %").
fn is_requirement_cell(cell: &str) -> bool {
    crate::extract::tables::requirement_sign(cell.trim_start()).is_some()
}

/// Does a column header name a change ("Endring (%)", "Diff", "+/-")?
pub fn is_change_header(header: &str) -> bool {
    header_words(header).iter().any(|w| {
        crate::document::lexicon()
            .level_change_headers
            .contains(w.as_str())
    })
}

/// The unit a header or caption gives its figures, when it names exactly one.
pub fn unit_hint(text: &str) -> Option<TargetUnit> {
    // "Tvangsinnleggingar per 100 000 innbyggjarar": a rate, whatever else the words say.
    if crate::extract::phrases::first_of(
        &fold(text),
        crate::extract::phrases::targets().get("per_capita"),
        0,
    )
    .is_some()
    {
        return Some(TargetUnit::Per100k);
    }
    let mut found: Option<TargetUnit> = None;
    for w in header_words(text) {
        if let Some(u) = word_unit(&w) {
            // "Andel ansatte (%)": a share of what is counted is a share.
            let share_of_count = |a: TargetUnit, b: TargetUnit| {
                matches!(
                    (a, b),
                    (TargetUnit::Percent, TargetUnit::Count)
                        | (TargetUnit::Count, TargetUnit::Percent)
                )
            };
            match found {
                Some(f) if share_of_count(f, u) => found = Some(TargetUnit::Percent),
                Some(f) if f != u => return None,
                _ => found = Some(u),
            }
        }
    }
    found
}

pub use crate::extract::tables::caption_number;

/// Table numbers a text refers to: "tabell 5", "tabell 1-3", "tabell 1 og 2", "jf. tabell 4".
pub fn referenced_numbers(text: &str) -> (Vec<u32>, bool) {
    let f = fold(text);
    let mut out = Vec::new();
    let mut below_or_above = false;
    let mut at = 0;
    while let Some(rel) = f.get(at..).and_then(|s| s.find("tabell")) {
        let start = at + rel + "tabell".len();
        let rest = f.get(start..).unwrap_or("");
        let rest = rest
            .trim_start_matches(|c: char| c.is_alphabetic())
            .trim_start();
        let mut nums: Vec<u32> = Vec::new();
        let mut cur = String::new();
        let mut range = false;
        for c in rest.chars().take(20) {
            if c.is_ascii_digit() {
                cur.push(c);
            } else {
                if let Ok(n) = cur.parse::<u32>() {
                    if range {
                        if let Some(&a) = nums.last() {
                            nums.extend((a + 1)..=n.min(a + 20));
                        }
                        range = false;
                    } else {
                        nums.push(n);
                    }
                }
                cur.clear();
                match c {
                    '-' | '–' => range = true,
                    ' ' | ',' => {}
                    'o' | 'g' if !nums.is_empty() => {}
                    _ => break,
                }
            }
        }
        if let Ok(n) = cur.parse::<u32>() {
            nums.push(n);
        }
        if nums.is_empty() {
            let word = f.get(start..).unwrap_or("").trim_start();
            if crate::extract::phrases::words()
                .get("reference_directions")
                .iter()
                .any(|w| word.starts_with(w.as_str()))
            {
                below_or_above = true;
            }
        }
        out.extend(nums);
        at = start;
    }
    (out, below_or_above)
}

/// The tables that answer a target: referenced by number in the target or its block, or placed
/// inside the block.
pub fn linked_tables(
    _doc: &Document,
    reading: &Reading,
    target: &Sentence,
    block: &[Sentence],
    tables: &[Table],
) -> Vec<TableValues> {
    let block_end_line = block.last().map_or(target.end_line, |s| s.end_line);
    let mut refs: Vec<u32> = Vec::new();
    let mut nearby = false;
    for s in std::iter::once(target).chain(block.iter()) {
        let (n, near) = referenced_numbers(reading.text.get(s.range.clone()).unwrap_or(""));
        refs.extend(n);
        nearby |= near;
    }
    // A referenced table whose caption was not read ("jf. tabell 3", the caption wrapped over
    // two lines): a table without a number inside the block stands in for it, when no table
    // of the document carries that number.
    let unmatched_ref = refs.iter().any(|n| {
        !tables
            .iter()
            .any(|t| t.caption.as_deref().and_then(caption_number) == Some(*n))
    });
    let by_number = |t: &Table| {
        t.caption
            .as_deref()
            .and_then(caption_number)
            .is_some_and(|n| refs.contains(&n))
    };
    // A table split by a page break goes on without its caption, under the same header: the
    // part after the break belongs to the table it continues.
    let continues_linked = |i: usize| {
        let t = &tables[i];
        t.caption.is_none()
            && i > 0
            && by_number(&tables[i - 1])
            && tables[i - 1].header == t.header
            && t.line <= tables[i - 1].end_line + MAX_CONTINUATION_GAP
    };
    tables
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            let number = t.caption.as_deref().and_then(caption_number);
            let inside = t.line > target.end_line && t.line <= block_end_line;
            // A target read from a row of the table itself ("Krav 2025  < 55  < 42 …").
            let own = t.line <= target.line && target.end_line <= t.end_line;
            by_number(t)
                || own
                || continues_linked(*i)
                || (inside && (nearby || refs.is_empty() || (unmatched_ref && number.is_none())))
        })
        .map(|(_, t)| table_values(t))
        .collect()
}

fn year_of(text: &str) -> Option<i32> {
    lex(text)
        .iter()
        .find(|t| t.kind == NumberKind::Year)
        .map(|t| t.value as i32)
        .or_else(|| {
            // A bare year in a header cell may be lexed as a quantity.
            let d: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
            d.parse::<i32>().ok().filter(|y| (1990..=2100).contains(y))
        })
}

fn first_value(cell: &str) -> Option<crate::extract::numbers::NumberToken> {
    lex(cell)
        .into_iter()
        .find(|t| t.kind == NumberKind::Quantity && t.value.is_finite())
}

fn entity_of(label: &str) -> Option<String> {
    let cat = catalogue();
    if let Some(e) = cat.resolve(label) {
        return Some(cat.name(e).to_string());
    }
    let m = cat.mentions(label).into_iter().next()?;
    Some(cat.name(m.entity).to_string())
}

/// A header that is an area's name and nothing more ("Somatikk", "PHV (dagar)").
fn names_only_area(header: &str) -> bool {
    let f = fold(header);
    let areas = crate::extract::targets::area_mentions(&f);
    let [(r, _)] = areas.as_slice() else {
        return false;
    };
    let rest = format!("{} {}", &f[..r.start], &f[r.end..]);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| word_unit(w).is_some() || w.parse::<i32>().is_ok())
}

fn subject_of(label: &str) -> Option<String> {
    crate::extract::targets::subjects_in(&fold(label), 0)
        .into_iter()
        .next()
        .or_else(|| {
            let f = fold(label);
            (f.trim() == "alle fagområder" || f.trim() == "totalt")
                .then(|| "Alle fagområder".to_string())
        })
}

/// Reads a table's cells as (entity, area, year, value).
pub fn table_values(table: &Table) -> TableValues {
    let cat = catalogue();
    let ncols = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    // Column meta from the header (the header's first cell labels the row column).
    let header_for = |c: usize| -> &str {
        if table.header.len() == ncols {
            table.header.get(c).map(String::as_str).unwrap_or("")
        } else {
            // Header without the label column: align from the right.
            let shift = ncols.saturating_sub(table.header.len());
            c.checked_sub(shift)
                .and_then(|i| table.header.get(i))
                .map(String::as_str)
                .unwrap_or("")
        }
    };
    let col_year: Vec<Option<i32>> = (0..ncols).map(|c| year_of(header_for(c))).collect();
    let col_entity: Vec<Option<String>> = (0..ncols)
        .map(|c| {
            let h = header_for(c);
            let without_digits: String = h.chars().filter(|ch| !ch.is_ascii_digit()).collect();
            let cleaned = fold(&without_digits)
                .replace("des.", "")
                .replace("des ", "")
                .replace("desember", "");
            entity_of(cleaned.trim()).or_else(|| entity_of(h))
        })
        .collect();
    // "Ventetid somatikk (dager)": a column may name the area.
    let col_subject: Vec<Option<String>> = (0..ncols).map(|c| subject_of(header_for(c))).collect();
    // "Tabell 1 Gjennomsnittlig ventetid somatikk per helseforetak": a caption that names one
    // area gives it to every cell that names none.
    let caption_subject = table.caption.as_deref().and_then(|c| {
        let areas = crate::extract::targets::subjects_in(&fold(c), 0);
        (areas.len() == 1).then(|| areas[0].clone())
    });
    let caption_unit = table.caption.as_deref().and_then(unit_hint);
    // "Tabell 5 Resultat 2025 (mill. kroner)": bare figures in kroner are millions.
    let caption_scale = table.caption.as_deref().and_then(money_scale);
    let col_scale: Vec<Option<f64>> = (0..ncols)
        .map(|c| money_scale(header_for(c)).or(caption_scale))
        .collect();
    let col_unit: Vec<Option<TargetUnit>> = (0..ncols)
        .map(|c| unit_hint(header_for(c)).or(caption_unit))
        .collect();
    // A table of the owner's own units (clinics, departments) names no entity in its rows or
    // columns: its sum row ("Sum", "Totalt", "I alt") is the owner's total.
    let is_total = |e: &str| {
        cat.resolve(e)
            .is_some_and(|i| cat.kind(i) == EntityKind::Total)
    };
    let names_entities = col_entity.iter().any(Option::is_some)
        || table.rows.iter().any(|row| {
            row.first()
                .and_then(|l| entity_of(l))
                .is_some_and(|e| !is_total(&e))
        });
    let trust_columns = col_entity.iter().flatten().count();
    // Rows for the trusts, the RHF and the group's sum ("Helse Midt-Noreg RHF 97,3" above "Sum
    // føretaksgruppa 251,2"): the RHF's row is the parent company's own figure, the sum row
    // the region's.
    let label_entity = |row: &Vec<String>| row.first().and_then(|l| entity_of(l));
    let has_sum_row = table.rows.iter().filter_map(label_entity).any(|e| {
        is_total(&e)
            || cat
                .resolve(&e)
                .is_some_and(|i| cat.kind(i) == EntityKind::Region)
    });
    let parent_row = |e: &str| {
        has_sum_row
            && cat
                .resolve(e)
                .is_some_and(|i| cat.kind(i) == EntityKind::Rhf)
    };
    let mut cells = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let line = table.row_lines.get(r).copied().unwrap_or(table.line);
        let Some(label) = row.first() else { continue };
        // In a table by month, the row for the whole year so far is the owner's total.
        let year_row = crate::extract::phrases::targets()
            .get("year_rows")
            .iter()
            .any(|p| fold(label).trim() == p.as_str());
        let row_entity = entity_of(label)
            .or_else(|| (year_row && !names_entities).then(|| "Totalt".to_string()))
            .filter(|e| {
                !is_total(e)
                    || matches!(
                        fold(label).trim(),
                        "totalt" | "total" | "sum" | "i alt" | "samla" | "samlet"
                    )
                    || !names_entities
            });
        let row_subject = if row_entity.is_none() {
            subject_of(label)
        } else {
            None
        };
        // A table with one column per trust and one row per measure ("Andel fristbrudd (%)",
        // "Sykefravær 2023 (%)"): a row that names neither a trust nor an area names its
        // measure, and answers only targets of that measure.
        // In a table by trust, a row's label is part of what its cells measure.
        let label_measures = row_entity.is_none() && trust_columns >= 2;
        let measure_row =
            label_measures && row_subject.is_none() && label.chars().any(char::is_alphabetic);
        if row_entity.is_none() && row_subject.is_none() && !measure_row {
            continue;
        }
        if row_entity.as_deref().is_some_and(parent_row) {
            continue;
        }
        let row_year = year_of(label);
        let row_unit = unit_hint(label);
        for (c, cell) in row.iter().enumerate().skip(1) {
            // A change column ("Endring", "Avvik") is no level of the measure; a requirement
            // column ("Krav 2024", "Mål") or a cell written as a requirement ("< 55", "≥ 70 %")
            // is the target, not a result.
            if is_change_header(header_for(c))
                || is_requirement_header(header_for(c))
                || is_requirement_cell(cell)
            {
                continue;
            }
            let Some(token) = first_value(cell) else {
                continue;
            };
            let scale = col_scale
                .get(c)
                .copied()
                .flatten()
                .filter(|_| token.unit == crate::extract::numbers::NumUnit::None);
            let value = token.value * scale.unwrap_or(1.0);
            // A total of shares ("Totalt … 99,9 %" under "Andel (%)") is the whole, not a
            // level of the measure.
            let percent = token.unit == crate::extract::numbers::NumUnit::Percent
                || unit_hint(header_for(c)) == Some(TargetUnit::Percent);
            if row_entity.as_deref().is_some_and(is_total)
                && percent
                && (99.0..=101.0).contains(&value)
            {
                continue;
            }
            let entity = match (&row_entity, col_entity.get(c).cloned().flatten()) {
                (Some(e), _) => e.clone(),
                (None, Some(e)) => e,
                // A table by area that names no one ("Fagområde | 2023 | 2024") gives the
                // figures of the report's owner, as its total row would.
                (None, None) if !names_entities => "Totalt".to_string(),
                (None, None) => continue,
            };
            let entity = region_name(&entity);
            cells.push(TableCell {
                token,
                entity,
                header: if label_measures {
                    format!("{label} {}", header_for(c))
                } else {
                    header_for(c).to_string()
                },
                measure_row,
                subject: row_subject
                    .clone()
                    .or_else(|| col_subject.get(c).cloned().flatten())
                    .or_else(|| caption_subject.clone()),
                year: col_year.get(c).copied().flatten().or(if label_measures {
                    row_year
                } else {
                    None
                }),
                value,
                line,
                unit_hint: if label_measures { row_unit } else { None }
                    .or_else(|| col_unit.get(c).copied().flatten()),
            });
        }
    }
    TableValues {
        caption: table.caption.clone(),
        cells,
        observations: Vec::new(),
    }
}

/// The scale of amounts a caption or header gives in brackets ("(mill. kroner)", "(mrd.
/// kr)"): read by the number lexer as the amount "1 mill. kroner", so the scale words are the
/// lexer's.
fn money_scale(text: &str) -> Option<f64> {
    let inner = text.split('(').skip(1).filter_map(|p| p.split(')').next());
    inner.into_iter().find_map(|p| {
        let probe = format!("1 {}", p.trim());
        let tokens = crate::extract::numbers::lex(&probe);
        let t = tokens.first()?;
        (t.span.start == 0
            && t.unit == crate::extract::numbers::NumUnit::Nok
            && [1e3, 1e6, 1e9]
                .iter()
                .any(|s| (t.value / s - 1.0).abs() < 1e-9))
        .then_some(t.value)
    })
}

/// A region's RHF named as a column ("Helse Midt") stands for the region.
fn region_name(entity: &str) -> String {
    entity.to_string()
}

/// Turns a table's cells into observations for a target: baseline from the baseline-year column,
/// value from the target-year column (or the latest year).
/// Content words of a text, lowercased (4 letters or more).
fn content_words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_string)
        .collect()
}

/// The number of letters two words share from their start ("epikrisar"/"epikrisane": 7).
fn common_stem(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// How many of `measure`'s words a column header shares (same word, or a common stem of six
/// letters: "ventetid"/"ventetider", "fristbrudd"/"fristbruddene"; or seven letters in common:
/// "epikrisar"/"epikrisane").
fn header_score(header: &str, measure: &[String]) -> usize {
    let h = content_words(header);
    measure
        .iter()
        .filter(|m| {
            h.iter().any(|w| {
                w == *m
                    || (w.chars().count() >= 6 && m.starts_with(w.as_str()))
                    || (m.chars().count() >= 6 && w.starts_with(m.as_str()))
                    || common_stem(w, m) >= 7
            })
        })
        .count()
}

/// Does a table give figures per trust in a column that names `measure` ("Ventetid (dager)"
/// in a table of results per helseforetak with one column per measure)? Two trusts or more.
pub fn trust_column_for(values: &TableValues, measure: &str) -> bool {
    let words = content_words(measure);
    let cat = crate::extract::entities::catalogue();
    let mut trusts: Vec<&str> = values
        .cells
        .iter()
        .filter(|c| header_score(&c.header, &words) > 0)
        .filter(|c| {
            cat.resolve(&c.entity)
                .is_some_and(|e| cat.kind(e) == crate::extract::entities::EntityKind::Hf)
        })
        .map(|c| c.entity.as_str())
        .collect();
    trusts.sort_unstable();
    trusts.dedup();
    trusts.len() >= 2
}

pub fn observations_for(
    values: &TableValues,
    target: &Target,
    measure: &str,
) -> Vec<TableObservation> {
    // When the columns hold different measures ("Ventetid …", "Fristbrudd …"), only the
    // columns that name the target's measure answer it.
    let measure_words = content_words(measure);
    // A column whose header names the target's unit ("Resultat (mill. kr)") makes the bare
    // figures of the other columns something else ("Behandla pasientar").
    let unit_named =
        target.unit.is_some() && values.cells.iter().any(|c| c.unit_hint == target.unit);
    // Only cells in the target's unit: a table of counts does not answer a share.
    let unit_ok = |c: &TableCell| {
        // A bare figure under a header that names its unit is in that unit.
        if let (Some(want), Some(hint), crate::extract::numbers::NumUnit::None) =
            (target.unit, c.unit_hint, c.token.unit)
        {
            return want == hint;
        }
        target.unit.is_none()
            || crate::extract::values::compatible(&c.token, target.unit)
            || (c.token.unit == crate::extract::numbers::NumUnit::None
                && !unit_named
                && matches!(
                    target.unit,
                    Some(crate::model::TargetUnit::Days | crate::model::TargetUnit::Nok)
                ))
    };
    // The best-named column among those in the target's unit ("Del fristbrot (prosent)", not
    // "Avvikla pasientar", which shares more words with the measure but counts).
    let best = values
        .cells
        .iter()
        .filter(|c| unit_ok(c))
        .map(|c| header_score(&c.header, &measure_words))
        .max()
        .unwrap_or(0);
    let keep_cell = |c: &TableCell| {
        let score = header_score(&c.header, &measure_words);
        (best == 0 && !c.measure_row)
            || (score > 0 && score == best)
            // A column headed by the target's area alone ("Somatikk" beside "Avvikla
            // pasientar somatikk", which shares more words with the caption's measure).
            || (target.subject.is_some()
                && c.subject == target.subject
                && names_only_area(&c.header))
    };
    let mut keys: Vec<(String, Option<String>)> = Vec::new();
    for c in &values.cells {
        let k = (c.entity.clone(), c.subject.clone());
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let mut out = Vec::new();
    for (entity, subject) in keys {
        let mut cells: Vec<&TableCell> = values
            .cells
            .iter()
            .filter(|c| c.entity == entity && c.subject == subject && keep_cell(c))
            .filter(|c| unit_ok(c))
            .collect();
        // "Somatikk" beside "Avvikla somatikk": of two columns for one area, the one headed
        // by the area's name alone.
        if subject.is_some() && cells.len() > 1 {
            let bare: Vec<&TableCell> = cells
                .iter()
                .copied()
                .filter(|c| names_only_area(&c.header))
                .collect();
            if !bare.is_empty() && bare.len() < cells.len() {
                cells = bare;
            }
        }
        let base = target
            .baseline_year
            .and_then(|y| cells.iter().find(|c| c.year == Some(y)));
        let value = match target.target_year {
            // A table without year columns gives the figures for the period it reports.
            Some(y) => cells.iter().find(|c| c.year == Some(y)).or_else(|| {
                (cells.len() == 1 && cells[0].year.is_none() && target.baseline_year.is_none())
                    .then(|| &cells[0])
            }),
            // Of two columns of the latest year, the one headed by the year alone ("2025"
            // beside "Årsverk 2025").
            None => cells
                .iter()
                .filter(|c| c.year.is_some() && c.year != target.baseline_year)
                .max_by_key(|c| (c.year, c.header.trim().len() == 4))
                .or_else(|| {
                    if target.baseline_year.is_none() && cells.len() == 1 {
                        cells.first()
                    } else {
                        None
                    }
                }),
        };
        let Some(value) = value else { continue };
        if value.year.is_some() && value.year == target.baseline_year {
            continue;
        }
        // Against a later national or older figure only when the target asks for it.
        if target.baseline_year.is_some() && base.is_none() {
            continue;
        }
        out.push(TableObservation {
            obs: Observation {
                entity: entity.clone(),
                subject: subject.clone(),
                value: Some(value.value),
                baseline_value: base.map(|b| b.value),
                year: value.year,
                baseline_year: base.and_then(|b| b.year),
                change_pct: None,
                at: 0,
            },
            line: value.line,
        });
    }
    out
}

#[cfg(test)]
mod tests;
