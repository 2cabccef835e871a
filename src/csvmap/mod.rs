//! Mapping a CSV table's columns to entity, year, measure and value, and judging a target the
//! user writes in plain Norwegian ("skal reduseres med 20 % sammenlignet med 2023", "minst 95
//! pst.", "sykefraværet skal ikke være høyere enn 9 %") against it, one verdict per entity.
//!
//! Two layouts:
//! - **wide**: one column per year (`Foretak;2023;2024`, `Foretak;Andel 2023;Andel 2024`);
//! - **long**: a year column and value columns (`Foretak;År;Verdi`).
//!
//! A table may hold several measures: value columns with different headers ("Sykefravær 2024",
//! "Antall ansatte 2024"), or a measure column ("Indikator") whose rows name them. A typed target
//! applies to one measure: the one its words name ("sykefraværet …" → the Sykefravær columns;
//! the words and their bokmål/nynorsk forms are `data/csv_measures.txt`), or the one the user
//! picks when the file has several and the words name none ([`Typed::candidates`]). A target in
//! one unit is never judged against a measure in another (a percent target against a count).
//!
//! [`guess_mapping`] proposes a mapping; the user may correct it; [`assess`] reads the target with
//! the report grammar and judges each entity with the same rules as the report checks;
//! [`add_target`] puts a judged target among the document's targets, so it is listed and
//! exported like any other.

use crate::assess::verdicts::{judge, overall};
use crate::document::lexicon;
use crate::extract::entities::catalogue;
use crate::extract::numbers::parse_number;
use crate::extract::targets::parse_targets;
use crate::extract::values::Observation;
use crate::model::{Comparator, Indicator, Table, TargetUnit, Verdict, VerdictStatus};
use crate::report::DocumentReport;

/// Which column holds what. Column indices refer to `Table::header` / each row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// The entity (foretak, region …) column.
    pub entity: usize,
    /// The year column (long layout); `None` in the wide layout.
    pub year: Option<usize>,
    /// A column naming the measure (indicator), when the table holds several.
    pub measure: Option<usize>,
    /// Value columns with the year each stands for (wide layout), or columns and `None` (long
    /// layout: one measure a column).
    pub values: Vec<(usize, Option<i32>)>,
}

const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2100;

/// A year (1900–2100) standing alone as a word in a header cell ("2023", "Andel 2023", "2023*").
pub fn header_year(h: &str) -> Option<i32> {
    let mut found = None;
    for w in h.split(|c: char| !c.is_ascii_digit()) {
        if w.len() == 4 {
            if let Ok(y) = w.parse::<i32>() {
                if (MIN_YEAR..=MAX_YEAR).contains(&y) {
                    if found.is_some() {
                        return None;
                    }
                    found = Some(y);
                }
            }
        }
    }
    found
}

fn norm(h: &str) -> String {
    h.trim().to_lowercase()
}

fn words(h: &str) -> Vec<String> {
    h.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn has_word(h: &str, set: &crate::document::WordSet) -> bool {
    words(h).iter().any(|w| set.contains(w.as_str()))
}

/// What the cells of one column look like.
#[derive(Debug, Clone, Copy, Default)]
struct ColStats {
    filled: usize,
    numbers: usize,
    years: usize,
}

fn col_stats(t: &Table, c: usize) -> ColStats {
    let mut s = ColStats::default();
    for row in &t.rows {
        let Some(cell) = row.get(c).map(|x| x.trim()) else {
            continue;
        };
        if cell.is_empty() {
            continue;
        }
        s.filled += 1;
        if let Some(v) = parse_number(cell) {
            s.numbers += 1;
            if v.fract() == 0.0 && (f64::from(MIN_YEAR)..=f64::from(MAX_YEAR)).contains(&v) {
                s.years += 1;
            }
        }
    }
    s
}

fn ncols(t: &Table) -> usize {
    t.header
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
}

fn header(t: &Table, c: usize) -> &str {
    t.header.get(c).map(String::as_str).unwrap_or("")
}

fn numeric(stats: &[ColStats], c: usize) -> bool {
    stats
        .get(c)
        .is_some_and(|s| s.numbers > 0 && s.numbers * 2 >= s.filled)
}

/// The long layout's value columns: every column of figures that is not the entity, year or
/// measure column, those a value word names ("Verdi", "Andel") first.
fn long_values(t: &Table, stats: &[ColStats], taken: &[usize]) -> Vec<(usize, Option<i32>)> {
    let lex = lexicon();
    let mut cols: Vec<usize> = (0..ncols(t))
        .filter(|c| !taken.contains(c) && numeric(stats, *c))
        .collect();
    crate::sorting::sort_by_key(&mut cols, |&c| {
        !has_word(header(t, c), &lex.csv_value_headers)
    });
    cols.into_iter().map(|c| (c, None)).collect()
}

/// Guesses the mapping: year columns in the header → wide; else a year column → long.
pub fn guess_mapping(t: &Table) -> Mapping {
    let lex = lexicon();
    let n = ncols(t);
    let stats: Vec<ColStats> = (0..n).map(|c| col_stats(t, c)).collect();
    let textual = |c: usize| stats.get(c).is_some_and(|s| s.numbers * 2 < s.filled);

    let wide: Vec<(usize, Option<i32>)> = (0..n)
        .filter_map(|c| header_year(header(t, c)).map(|y| (c, Some(y))))
        .filter(|&(c, _)| numeric(&stats, c) || stats.get(c).is_some_and(|s| s.filled == 0))
        .collect();
    let year_col = if wide.is_empty() {
        (0..n)
            .find(|&c| lex.csv_year_headers.contains(norm(header(t, c)).as_str()))
            .or_else(|| {
                (0..n).find(|&c| {
                    stats
                        .get(c)
                        .is_some_and(|s| s.filled > 0 && s.years == s.filled)
                })
            })
    } else {
        None
    };

    let used: Vec<usize> = wide.iter().map(|(c, _)| *c).chain(year_col).collect();
    let free = |c: &usize| !used.contains(c);
    let entity = (0..n)
        .filter(free)
        .find(|&c| has_word(header(t, c), &lex.csv_entity_headers))
        .or_else(|| (0..n).filter(free).find(|&c| textual(c)))
        .unwrap_or(0);
    let measure = (0..n)
        .filter(free)
        .filter(|&c| c != entity)
        .find(|&c| has_word(header(t, c), &lex.csv_measure_headers) && textual(c));

    let values = if wide.is_empty() {
        let taken: Vec<usize> = year_col
            .into_iter()
            .chain([entity])
            .chain(measure)
            .collect();
        long_values(t, &stats, &taken)
    } else {
        wide
    };
    Mapping {
        entity,
        year: year_col,
        measure,
        values,
    }
}

/// `m` in the long layout (a year column and value columns) or the wide one (the header's year
/// columns), for the user's choice of layout: the first free column is the year, every column
/// of figures after it a value column.
pub fn with_layout(t: &Table, m: &Mapping, long: bool) -> Mapping {
    let n = ncols(t);
    let mut out = m.clone();
    if long {
        let taken = |c: usize| c == m.entity || Some(c) == m.measure;
        out.year = (0..n).find(|&c| !taken(c));
        let stats: Vec<ColStats> = (0..n).map(|c| col_stats(t, c)).collect();
        let used: Vec<usize> = [m.entity]
            .into_iter()
            .chain(m.measure)
            .chain(out.year)
            .collect();
        out.values = long_values(t, &stats, &used);
    } else {
        out.year = None;
        out.values = (0..n)
            .filter_map(|c| header_year(header(t, c)).map(|y| (c, Some(y))))
            .collect();
    }
    out
}

/// The long layout's candidate value columns for `m` (every column of figures that is not the
/// entity, year or measure column): what "all value columns" means on the page.
pub fn value_columns(t: &Table, m: &Mapping) -> Vec<(usize, Option<i32>)> {
    let n = ncols(t);
    let stats: Vec<ColStats> = (0..n).map(|c| col_stats(t, c)).collect();
    let taken: Vec<usize> = [m.entity]
        .into_iter()
        .chain(m.measure)
        .chain(m.year)
        .collect();
    long_values(t, &stats, &taken)
}

/// Reads the user's target. A text without a modal verb is read as "Verdien skal (være) …".
fn read_target(sentence: &str) -> Option<crate::extract::targets::TargetSpec> {
    let s = sentence.trim();
    let candidates = [
        s.to_string(),
        format!("Verdien skal {s}"),
        format!("Verdien skal være {s}"),
    ];
    let mut fallback = None;
    for c in candidates {
        for spec in parse_targets(&c) {
            if spec.target.comparator != Comparator::Qualitative {
                return Some(spec);
            }
            fallback.get_or_insert(spec);
        }
    }
    fallback
}

/// The unit a measure's figures are in, as far as the file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureUnit {
    Percent,
    Count,
    Days,
    Nok,
    /// The file does not say.
    Unknown,
}

impl MeasureUnit {
    fn from_name(name: &str) -> MeasureUnit {
        match name {
            "percent" => MeasureUnit::Percent,
            "count" => MeasureUnit::Count,
            "days" => MeasureUnit::Days,
            "nok" => MeasureUnit::Nok,
            _ => MeasureUnit::Unknown,
        }
    }

    /// The unit as a reader names it ("et antall", "a count").
    fn text(self, en: bool) -> &'static str {
        match (self, en) {
            (MeasureUnit::Percent, false) => "en andel i prosent",
            (MeasureUnit::Percent, true) => "a share in percent",
            (MeasureUnit::Count, false) => "et antall",
            (MeasureUnit::Count, true) => "a count",
            (MeasureUnit::Days, false) => "et antall dager",
            (MeasureUnit::Days, true) => "a number of days",
            (MeasureUnit::Nok, false) => "et beløp i kroner",
            (MeasureUnit::Nok, true) => "an amount in kroner",
            (MeasureUnit::Unknown, false) => "uten kjent enhet",
            (MeasureUnit::Unknown, true) => "without a known unit",
        }
    }
}

/// A target's unit as a measure's (`Unknown` for a target without one of these).
fn target_unit(unit: Option<TargetUnit>) -> MeasureUnit {
    match unit {
        Some(TargetUnit::Percent) => MeasureUnit::Percent,
        Some(TargetUnit::Count) => MeasureUnit::Count,
        Some(TargetUnit::Days) => MeasureUnit::Days,
        Some(TargetUnit::Nok) => MeasureUnit::Nok,
        _ => MeasureUnit::Unknown,
    }
}

/// Whether a target in `unit` may be judged on a measure in `m`: `Some(true)` when the units
/// are the same, `Some(false)` when they differ (never judged), `None` when either is unknown.
fn unit_fit(unit: Option<TargetUnit>, m: MeasureUnit) -> Option<bool> {
    let t = target_unit(unit);
    (t != MeasureUnit::Unknown && m != MeasureUnit::Unknown).then_some(t == m)
}

/// One measure a CSV table holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// Its name: a value column's header without its year ("Sykefravær"), or a value of the
    /// measure column; empty when the table does not name it ("Foretak;2023;2024").
    pub name: String,
    /// The value columns that hold it, with the year each stands for (wide layout).
    pub columns: Vec<(usize, Option<i32>)>,
    /// The measure column's value of its rows, when the table has a measure column.
    pub rows: Option<String>,
    pub unit: MeasureUnit,
}

/// The measure data line a word names (`data/csv_measures.txt`: a stem it starts with).
fn measure_line(word: &str) -> Option<usize> {
    lexicon()
        .csv_measures
        .iter()
        .position(|(_, stems)| stems.iter().any(|s| word.starts_with(s.as_str())))
}

/// A header cell without its year and unit marks ("Sykefravær (%) 2024" → "Sykefravær (%)").
fn measure_name(h: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for w in h.split_whitespace() {
        if header_year(w).is_some() && w.chars().filter(char::is_ascii_digit).count() == 4 {
            continue;
        }
        out.push(w);
    }
    out.join(" ")
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | ':' | ','))
        .to_string()
}

/// The unit of a measure by its name and its cells: a "%" in them (`percent_cell`), then the
/// measure its words name (`data/csv_measures.txt`), then a unit word ("dager", "prosent").
fn unit_of(name: &str, percent_cell: bool) -> MeasureUnit {
    if percent_cell || name.contains('%') {
        return MeasureUnit::Percent;
    }
    let ws = words(name);
    let lex = lexicon();
    if let Some(u) = ws
        .iter()
        .filter_map(|w| measure_line(w))
        .filter_map(|i| lex.csv_measures.get(i))
        .map(|(u, _)| MeasureUnit::from_name(u))
        .find(|u| *u != MeasureUnit::Unknown)
    {
        return u;
    }
    ws.iter()
        .filter_map(|w| lex.table_units.get(w.as_str()))
        .map(|(u, _)| MeasureUnit::from_name(u))
        .find(|u| *u != MeasureUnit::Unknown)
        .unwrap_or(MeasureUnit::Unknown)
}

/// A row's value in the measure column `c` (trimmed; none when empty).
fn measure_value(row: &[String], c: Option<usize>) -> Option<&str> {
    let v = row.get(c?)?.trim();
    (!v.is_empty()).then_some(v)
}

/// The measures the table holds as mapped: the values of the measure column, or else the value
/// columns grouped by their header without its year (each long-layout column its own), in the
/// table's order.
pub fn measures(t: &Table, m: &Mapping) -> Vec<Measure> {
    let mut out: Vec<Measure> = Vec::new();
    // A measure column's values, each the index of its measure (one look-up a row: a file of a
    // million rows is read on every key the user types).
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    if m.measure.is_some() {
        for row in &t.rows {
            let Some(v) = measure_value(row, m.measure) else {
                continue;
            };
            index.entry(v).or_insert_with(|| {
                out.push(Measure {
                    name: v.to_string(),
                    columns: m.values.clone(),
                    rows: Some(v.to_string()),
                    unit: MeasureUnit::Unknown,
                });
                out.len() - 1
            });
        }
    } else {
        for &(c, y) in &m.values {
            let name = measure_name(header(t, c));
            let key = norm(&name);
            // Several columns of one measure (its years), or one column a measure (long).
            match out.iter_mut().find(|x| y.is_some() && norm(&x.name) == key) {
                Some(x) => x.columns.push((c, y)),
                None => out.push(Measure {
                    name,
                    columns: vec![(c, y)],
                    rows: None,
                    unit: MeasureUnit::Unknown,
                }),
            }
        }
    }
    // Which measures have a "%" in a cell, in one pass over the rows.
    let mut percent = vec![false; out.len()];
    for row in &t.rows {
        let own = measure_value(row, m.measure).and_then(|v| index.get(v).copied());
        for (i, x) in out.iter().enumerate() {
            if percent[i] || (m.measure.is_some() && own != Some(i)) {
                continue;
            }
            percent[i] = x
                .columns
                .iter()
                .any(|(c, _)| row.get(*c).is_some_and(|cell| cell.contains('%')));
        }
    }
    for (x, pct) in out.iter_mut().zip(percent) {
        let header_words: String = x
            .columns
            .iter()
            .map(|(c, _)| header(t, *c))
            .collect::<Vec<_>>()
            .join(" ");
        // A measure column's value names its unit first ("Ventetid"), the header after it.
        let own = x
            .rows
            .as_ref()
            .map_or(MeasureUnit::Unknown, |name| unit_of(name, pct));
        x.unit = match own {
            MeasureUnit::Unknown => unit_of(&header_words, pct),
            u => u,
        };
    }
    out
}

/// How well the words of a typed target name a measure: how many words of its name one of
/// them names, by the same measure line of `data/csv_measures.txt` or a shared start of five
/// letters or more ("sykefraværet" names "Sykefravær"). Unit words ("prosent", "dager") name
/// no measure.
fn naming_score(said: &[String], name: &str) -> usize {
    let lex = lexicon();
    let plain = |w: &&String| {
        w.chars().all(char::is_alphabetic) && !lex.table_units.contains_key(w.as_str())
    };
    let said: Vec<&String> = said.iter().filter(plain).collect();
    let lines: Vec<usize> = said.iter().filter_map(|w| measure_line(w)).collect();
    words(name)
        .iter()
        .filter(plain)
        .filter(|w| {
            measure_line(w).is_some_and(|i| lines.contains(&i))
                || said.iter().any(|s| {
                    let (a, b) = if s.len() <= w.len() {
                        (s.as_str(), w.as_str())
                    } else {
                        (w.as_str(), s.as_str())
                    };
                    a.chars().count() >= 5 && b.starts_with(a)
                })
        })
        .count()
}

/// What a typed target comes to on a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    /// The target judged per entity on one measure; `None` while the user must pick the measure.
    pub indicator: Option<Indicator>,
    /// The measures the user may pick between, when the file holds several and the target's
    /// words name none of them (or several alike); empty when the words or the file decide.
    pub candidates: Vec<String>,
}

/// Why a typed target could not be judged.
#[derive(Debug, Clone, PartialEq)]
pub enum MapError {
    /// The words set no target.
    NoTarget,
    /// No value column is chosen.
    NoValueColumns,
    /// The value columns hold no figures.
    NoFigures,
    /// The measure is in another unit than the target.
    Unit {
        measure: String,
        target: MeasureUnit,
        found: MeasureUnit,
    },
    /// No measure of the file is in the target's unit.
    NoMeasureInUnit(MeasureUnit),
}

impl MapError {
    /// The message, in English when `en`, else bokmål.
    pub fn message(&self, en: bool) -> String {
        match (self, en) {
            (MapError::NoTarget, false) => "Fant ikke et mål i teksten. Skriv for eksempel «minst 95 pst.» eller «skal reduseres med 20 % sammenlignet med 2023».".into(),
            (MapError::NoTarget, true) => "Found no target in the text. Write for example «minst 95 pst.» or «skal reduseres med 20 % sammenlignet med 2023».".into(),
            (MapError::NoValueColumns, false) => "Velg minst én kolonne med verdier.".into(),
            (MapError::NoValueColumns, true) => "Choose at least one column with values.".into(),
            (MapError::NoFigures, false) => "Fant ingen tall i kolonnene som er valgt som verdier.".into(),
            (MapError::NoFigures, true) => "Found no figures in the columns chosen as values.".into(),
            (MapError::Unit { measure, target, found }, false) => format!(
                "Målet gjelder {}, men «{measure}» er {}: de vurderes ikke mot hverandre. Velg et annet måltall eller skriv målet om.",
                target.text(false),
                found.text(false)
            ),
            (MapError::Unit { measure, target, found }, true) => format!(
                "The target is about {}, but «{measure}» is {}: one is not judged against the other. Choose another measure or write the target again.",
                target.text(true),
                found.text(true)
            ),
            (MapError::NoMeasureInUnit(u), false) => format!("Ingen av måltallene i filen er {}, som målet.", u.text(false)),
            (MapError::NoMeasureInUnit(u), true) => format!("None of the file's measures is {}, as the target is.", u.text(true)),
        }
    }
}

/// One entity's values of the measure by year, with the line each came from.
struct Series {
    entity: String,
    /// (year, value, line), in table order.
    points: Vec<(Option<i32>, f64, usize)>,
}

/// Judges `target_sentence` against the table as mapped, on the measure its words name (or
/// `chosen`, the user's pick among [`Typed::candidates`]): one verdict per entity. The value is
/// the target year's (or else the latest year's); a target set against a baseline ("redusert
/// med 20 % sammenlignet med 2023") reads the baseline year too; a threshold ("ikke høyere enn
/// 9 %") none. Never panics.
pub fn assess(
    t: &Table,
    m: &Mapping,
    target_sentence: &str,
    chosen: Option<&str>,
) -> Result<Typed, MapError> {
    let spec = read_target(target_sentence).ok_or(MapError::NoTarget)?;
    if m.values.is_empty() {
        return Err(MapError::NoValueColumns);
    }
    let all = measures(t, m);
    let unit = spec.target.unit;
    let fits = |x: &&Measure| unit_fit(unit, x.unit) != Some(false);
    let pick = |x: &Measure| -> Result<Typed, MapError> {
        if !fits(&x) {
            return Err(MapError::Unit {
                measure: x.name.clone(),
                target: target_unit(unit),
                found: x.unit,
            });
        }
        judge_measure(t, m, target_sentence, &spec, x).map(|i| Typed {
            indicator: Some(i),
            candidates: Vec::new(),
        })
    };
    let ask = |among: Vec<&Measure>| -> Result<Typed, MapError> {
        let candidates: Vec<String> = among.iter().map(|x| x.name.clone()).collect();
        match among.iter().find(|x| Some(x.name.as_str()) == chosen) {
            Some(x) => pick(x).map(|mut typed| {
                typed.candidates = candidates;
                typed
            }),
            None => Ok(Typed {
                indicator: None,
                candidates,
            }),
        }
    };
    if let [only] = all.as_slice() {
        return pick(only);
    }
    // The measures the words name, the best named first.
    let said = words(target_sentence);
    let scores: Vec<usize> = all.iter().map(|x| naming_score(&said, &x.name)).collect();
    let best = scores.iter().copied().max().unwrap_or(0);
    if best > 0 {
        let named: Vec<&Measure> = all
            .iter()
            .zip(&scores)
            .filter(|(_, s)| **s == best)
            .map(|(x, _)| x)
            .collect();
        let in_unit: Vec<&Measure> = named.iter().copied().filter(fits).collect();
        return match (named.as_slice(), in_unit.as_slice()) {
            ([first, ..], []) => pick(first),
            (_, [one]) => pick(one),
            _ => ask(in_unit),
        };
    }
    // None named: the measures in the target's unit (those the file says are, else those it
    // says nothing of); one decides, several are the user's pick.
    let in_unit: Vec<&Measure> = all.iter().filter(fits).collect();
    let same: Vec<&Measure> = in_unit
        .iter()
        .copied()
        .filter(|x| unit_fit(unit, x.unit) == Some(true))
        .collect();
    let among = if same.is_empty() { in_unit } else { same };
    match among.as_slice() {
        [] if all.is_empty() => Err(MapError::NoFigures),
        [] => Err(MapError::NoMeasureInUnit(target_unit(unit))),
        [one] => pick(one),
        _ => ask(among),
    }
}

/// Judges the target on one measure: its columns and, with a measure column, its rows.
fn judge_measure(
    t: &Table,
    m: &Mapping,
    sentence: &str,
    spec: &crate::extract::targets::TargetSpec,
    measure: &Measure,
) -> Result<Indicator, MapError> {
    let long = measure.columns.iter().all(|(_, y)| y.is_none());
    let cat = catalogue();
    let mut series: Vec<Series> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, row) in t.rows.iter().enumerate() {
        let cell = |c: usize| row.get(c).map(|s| s.trim()).unwrap_or("");
        if let (Some(mc), Some(v)) = (m.measure, measure.rows.as_deref()) {
            if cell(mc) != v {
                continue;
            }
        }
        let label = cell(m.entity);
        if label.is_empty() {
            continue;
        }
        let entity = cat
            .resolve(label)
            .and_then(|e| cat.entities.get(e))
            .map(|e| e.name.clone())
            .unwrap_or_else(|| label.to_string());
        let line = t.row_lines.get(i).copied().unwrap_or(t.line);
        let row_year = if long {
            m.year.and_then(|c| parse_number(cell(c))).and_then(|v| {
                (v.fract() == 0.0 && (f64::from(MIN_YEAR)..=f64::from(MAX_YEAR)).contains(&v))
                    .then_some(v as i32)
            })
        } else {
            None
        };
        let at = *index.entry(entity.clone()).or_insert_with(|| {
            series.push(Series {
                entity,
                points: Vec::new(),
            });
            series.len() - 1
        });
        let Some(s) = series.get_mut(at) else {
            continue;
        };
        for &(c, y) in &measure.columns {
            if let Some(v) = parse_number(cell(c)).filter(|v| v.is_finite()) {
                s.points.push((y.or(row_year), v, line));
            }
        }
    }
    series.retain(|s| !s.points.is_empty());
    if series.is_empty() {
        return Err(MapError::NoFigures);
    }
    let target = spec.target.clone();
    // A threshold ("ikke høyere enn 9 %") has no baseline, whatever years the file gives.
    let baseline = matches!(
        target.comparator,
        Comparator::Increase
            | Comparator::Decrease
            | Comparator::NotAboveBaseline
            | Comparator::NotBelowBaseline
    );
    let verdicts: Vec<Verdict> = series
        .into_iter()
        .map(|s| {
            let at_year = |y: i32| s.points.iter().rev().find(|p| p.0 == Some(y)).copied();
            let latest = s
                .points
                .iter()
                .copied()
                .filter(|p| p.0.is_some())
                .max_by_key(|p| p.0)
                .or_else(|| s.points.last().copied());
            let current = target.target_year.and_then(at_year).or(latest);
            let base = target
                .baseline_year
                .filter(|_| baseline)
                .and_then(at_year)
                .filter(|b| current.is_none_or(|c| c.0 != b.0));
            let o = Observation {
                entity: s.entity.clone(),
                subject: None,
                value: current.map(|p| p.1),
                baseline_value: base.map(|p| p.1),
                year: current.and_then(|p| p.0),
                baseline_year: base.and_then(|p| p.0),
                change_pct: None,
                at: 0,
            };
            Verdict {
                entity: s.entity,
                subject: None,
                status: judge(&target, &o).unwrap_or(VerdictStatus::Unknown),
                value: o.value,
                baseline_value: o.baseline_value,
                year: o.year,
                line: current.map(|p| p.2).unwrap_or(t.line),
                change_pct: None,
            }
        })
        .collect();
    let status = overall(&verdicts);
    Ok(Indicator {
        id: "csv-1".into(),
        line: t.line,
        end_line: t.end_line,
        text: sentence.trim().to_string(),
        measure: if measure.name.is_empty() {
            spec.measure.clone()
        } else {
            measure.name.clone()
        },
        target,
        claim: None,
        claim_line: None,
        verdicts,
        status,
    })
}

/// `report` with `ind` among its targets, so a CSV file's typed target is listed, put in the
/// matrix and exported like the targets a report sets: its id is "csv-N" (N counts the typed
/// targets); a target typed again with the same words for the same measure replaces the earlier.
pub fn add_target(report: &DocumentReport, mut ind: Indicator) -> DocumentReport {
    let mut r = report.clone();
    let typed = |x: &Indicator| x.id.starts_with("csv-");
    match r
        .indicators
        .iter()
        .position(|x| typed(x) && x.text == ind.text && x.measure == ind.measure)
    {
        Some(i) => {
            ind.id = r.indicators[i].id.clone();
            r.indicators[i] = ind;
        }
        None => {
            ind.id = format!(
                "csv-{}",
                r.indicators.iter().filter(|x| typed(x)).count() + 1
            );
            r.indicators.push(ind);
        }
    }
    r
}

#[cfg(test)]
mod tests;
