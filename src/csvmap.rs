//! Mapping a CSV table's columns to entity, year, measure and value, and judging a target the
//! user writes in plain Norwegian ("skal reduseres med 20 % sammenlignet med 2023", "minst 95
//! pst.") against it, one verdict per entity (and measure).
//!
//! Two layouts:
//! - **wide**: one column per year (`Foretak;2023;2024`, `Foretak;Andel 2023;Andel 2024`);
//! - **long**: a year column and a value column (`Foretak;År;Verdi`).
//!
//! [`guess_mapping`] proposes a mapping; the user may correct it; [`assess`] reads the target with
//! the report grammar and judges each entity with the same rules as the report checks.

use crate::assess::verdicts::{judge, overall};
use crate::extract::entities::catalogue;
use crate::extract::numbers::parse_number;
use crate::extract::targets::parse_targets;
use crate::extract::values::Observation;
use crate::model::{Indicator, Table, Verdict, VerdictStatus};

/// Which column holds what. Column indices refer to `Table::header` / each row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// The entity (foretak, region …) column.
    pub entity: usize,
    /// The year column (long layout); `None` in the wide layout.
    pub year: Option<usize>,
    /// A column naming the measure (indicator), when the table holds several.
    pub measure: Option<usize>,
    /// Value columns with the year each stands for (wide layout), or one column and `None` (long).
    pub values: Vec<(usize, Option<i32>)>,
}

/// Header words (lowercase) that mark the entity column, bokmål / nynorsk / English.
const ENTITY_WORDS: &[&str] = &[
    "foretak",
    "føretak",
    "helseforetak",
    "helseføretak",
    "virksomhet",
    "verksemd",
    "enhet",
    "eining",
    "sykehus",
    "sjukehus",
    "region",
    "hf",
    "navn",
    "namn",
    "entity",
    "organisation",
    "organization",
];
/// Header words that mark a year column (whole normalised header).
const YEAR_HEADERS: &[&str] = &["år", "ar", "aar", "årstall", "year", "periode", "period"];
/// Header words that mark a measure (indicator) column.
const MEASURE_WORDS: &[&str] = &[
    "indikator",
    "måltall",
    "måling",
    "mål",
    "variabel",
    "measure",
    "indicator",
    "kategori",
    "område",
];
/// Header words that mark the value column in the long layout.
const VALUE_WORDS: &[&str] = &[
    "verdi", "resultat", "andel", "tal", "tall", "antall", "talet", "value", "result", "prosent",
];

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

fn has_word(h: &str, set: &[&str]) -> bool {
    words(h).iter().any(|w| set.contains(&w.as_str()))
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

/// Guesses the mapping: year columns in the header → wide; else a year column → long.
pub fn guess_mapping(t: &Table) -> Mapping {
    let ncols = t
        .header
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    let stats: Vec<ColStats> = (0..ncols).map(|c| col_stats(t, c)).collect();
    let header = |c: usize| t.header.get(c).map(String::as_str).unwrap_or("");
    let numeric = |c: usize| {
        stats
            .get(c)
            .is_some_and(|s| s.numbers > 0 && s.numbers * 2 >= s.filled)
    };
    let textual = |c: usize| stats.get(c).is_some_and(|s| s.numbers * 2 < s.filled);

    let wide: Vec<(usize, Option<i32>)> = (0..ncols)
        .filter_map(|c| header_year(header(c)).map(|y| (c, Some(y))))
        .filter(|&(c, _)| numeric(c) || stats.get(c).is_some_and(|s| s.filled == 0))
        .collect();
    let year_col = if wide.is_empty() {
        (0..ncols)
            .find(|&c| YEAR_HEADERS.contains(&norm(header(c)).as_str()))
            .or_else(|| {
                (0..ncols).find(|&c| {
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
    let entity = (0..ncols)
        .filter(free)
        .find(|&c| has_word(header(c), ENTITY_WORDS))
        .or_else(|| (0..ncols).filter(free).find(|&c| textual(c)))
        .unwrap_or(0);
    let measure = (0..ncols)
        .filter(free)
        .filter(|&c| c != entity)
        .find(|&c| has_word(header(c), MEASURE_WORDS) && textual(c));

    let values = if !wide.is_empty() {
        wide
    } else {
        let taken = |c: &usize| free(c) && *c != entity && Some(*c) != measure;
        let by_word = (0..ncols)
            .filter(taken)
            .find(|&c| numeric(c) && has_word(header(c), VALUE_WORDS));
        let last_numeric = (0..ncols).filter(taken).rfind(|&c| numeric(c));
        by_word
            .or(last_numeric)
            .map(|c| vec![(c, None)])
            .unwrap_or_default()
    };
    Mapping {
        entity,
        year: year_col,
        measure,
        values,
    }
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
            if spec.target.comparator != crate::model::Comparator::Qualitative {
                return Some(spec);
            }
            fallback.get_or_insert(spec);
        }
    }
    fallback
}

/// One entity's (and measure's) values by year, with the line each came from.
struct Series {
    entity: String,
    subject: Option<String>,
    /// (year, value, line), in table order.
    points: Vec<(Option<i32>, f64, usize)>,
}

/// Judges `target_sentence` against the table as mapped: one verdict per entity (and measure).
/// The value is the target year's (or else the latest year's); a baseline target reads the
/// baseline year too. Errors (Norwegian) when the text sets no target or the mapping reads no
/// values. Never panics.
pub fn assess(t: &Table, m: &Mapping, target_sentence: &str) -> Result<Indicator, String> {
    let spec = read_target(target_sentence).ok_or_else(|| {
        "Fant ikke et mål i teksten. Skriv for eksempel «minst 95 pst.» eller «skal reduseres med 20 % sammenlignet med 2023»."
            .to_string()
    })?;
    if m.values.is_empty() {
        return Err("Velg minst én kolonne med verdier.".into());
    }
    let long = m.values.iter().all(|(_, y)| y.is_none());
    let cat = catalogue();
    let mut series: Vec<Series> = Vec::new();
    let mut index: std::collections::HashMap<(String, Option<String>), usize> =
        std::collections::HashMap::new();
    for (i, row) in t.rows.iter().enumerate() {
        let cell = |c: usize| row.get(c).map(|s| s.trim()).unwrap_or("");
        let label = cell(m.entity);
        if label.is_empty() {
            continue;
        }
        let entity = cat
            .resolve(label)
            .and_then(|e| cat.entities.get(e))
            .map(|e| e.name.clone())
            .unwrap_or_else(|| label.to_string());
        let subject = m
            .measure
            .map(|c| cell(c).to_string())
            .filter(|s| !s.is_empty());
        let line = t.row_lines.get(i).copied().unwrap_or(t.line);
        let row_year = if long {
            m.year.and_then(|c| parse_number(cell(c))).and_then(|v| {
                (v.fract() == 0.0 && (f64::from(MIN_YEAR)..=f64::from(MAX_YEAR)).contains(&v))
                    .then_some(v as i32)
            })
        } else {
            None
        };
        let key = (entity.clone(), subject.clone());
        let at = *index.entry(key).or_insert_with(|| {
            series.push(Series {
                entity,
                subject,
                points: Vec::new(),
            });
            series.len() - 1
        });
        let Some(s) = series.get_mut(at) else {
            continue;
        };
        for &(c, y) in &m.values {
            if let Some(v) = parse_number(cell(c)).filter(|v| v.is_finite()) {
                s.points.push((y.or(row_year), v, line));
            }
        }
    }
    series.retain(|s| !s.points.is_empty());
    if series.is_empty() {
        return Err("Fant ingen tall i kolonnene som er valgt som verdier.".into());
    }
    let target = spec.target.clone();
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
                .and_then(at_year)
                .filter(|b| current.is_none_or(|c| c.0 != b.0));
            let o = Observation {
                entity: s.entity.clone(),
                subject: s.subject.clone(),
                value: current.map(|p| p.1),
                baseline_value: base.map(|p| p.1),
                year: current.and_then(|p| p.0),
                baseline_year: base.and_then(|p| p.0),
                change_pct: None,
                at: 0,
            };
            Verdict {
                entity: s.entity,
                subject: s.subject,
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
        text: target_sentence.trim().to_string(),
        measure: spec.measure,
        target,
        claim: None,
        claim_line: None,
        verdicts,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Comparator, Status};

    fn table(csv: &str) -> Table {
        let raw = crate::intake::read_table(csv);
        Table {
            line: raw.header_line.max(1),
            end_line: raw.end_line.max(1),
            caption: None,
            header: raw.header,
            rows: raw.rows,
            row_lines: raw.row_lines,
        }
    }

    const WIDE: &str = "Helseforetak;Sykefravær 2023;Sykefravær 2024\n\
        St. Olavs hospital HF;7,9;6,1\n\
        Helse Møre og Romsdal HF;7,0;6,9\n\
        Helse Nord-Trøndelag HF;8,0;8,4\n";

    #[test]
    fn wide_norwegian_csv_is_guessed_and_judged_against_a_reduction_target() {
        let t = table(WIDE);
        let m = guess_mapping(&t);
        assert_eq!(m.entity, 0);
        assert_eq!(m.year, None);
        assert_eq!(m.values, vec![(1, Some(2023)), (2, Some(2024))]);
        let ind = assess(&t, &m, "skal reduseres med 20 % sammenlignet med 2023").unwrap();
        assert_eq!(ind.target.comparator, Comparator::Decrease);
        assert_eq!(ind.verdicts.len(), 3);
        // 7,9 → 6,1 is −22,8 %: met. 7,0 → 6,9 is −1,4 %: not met. 8,0 → 8,4 rose: not met.
        let st: Vec<_> = ind.verdicts.iter().map(|v| v.status).collect();
        assert_eq!(
            st,
            vec![
                VerdictStatus::Met,
                VerdictStatus::NotMet,
                VerdictStatus::NotMet
            ]
        );
        assert_eq!(ind.verdicts[0].value, Some(6.1));
        assert_eq!(ind.verdicts[0].baseline_value, Some(7.9));
        assert_eq!(ind.verdicts[0].year, Some(2024));
        assert_eq!(ind.verdicts[0].line, 2);
        assert_eq!(ind.status, Status::Partial);
    }

    #[test]
    fn long_csv_with_a_threshold_in_plain_words() {
        let csv = "Foretak;År;Andel\n\
            Helse Alfa;2023;93,5\n\
            Helse Alfa;2024;96,1\n\
            Helse Beta;2023;97,0\n\
            Helse Beta;2024;94,2\n";
        let t = table(csv);
        let m = guess_mapping(&t);
        assert_eq!(m.entity, 0);
        assert_eq!(m.year, Some(1));
        assert_eq!(m.values, vec![(2, None)]);
        let ind = assess(&t, &m, "minst 95 pst.").unwrap();
        assert_eq!(ind.target.comparator, Comparator::AtLeast);
        assert_eq!(ind.target.threshold, Some(95.0));
        // The latest year (2024) decides: Alfa 96,1 met, Beta 94,2 not met; unknown names kept.
        assert_eq!(ind.verdicts[0].entity, "Helse Alfa");
        assert_eq!(ind.verdicts[0].status, VerdictStatus::Met);
        assert_eq!(ind.verdicts[0].value, Some(96.1));
        assert_eq!(ind.verdicts[1].status, VerdictStatus::NotMet);
        assert_eq!(ind.verdicts[1].year, Some(2024));
    }

    #[test]
    fn a_target_year_picks_that_year_and_entity_names_are_resolved() {
        let csv = "Navn;2022;2023;2024\nSt. Olav hospital;91;96;90\n";
        let t = table(csv);
        let m = guess_mapping(&t);
        let ind = assess(&t, &m, "Andelen skal være minst 95 pst. i 2023").unwrap();
        let v = &ind.verdicts[0];
        assert_eq!(v.year, Some(2023));
        assert_eq!(v.value, Some(96.0));
        assert_eq!(v.status, VerdictStatus::Met);
        assert!(v.entity.contains("Olav"), "{}", v.entity);
    }

    #[test]
    fn a_measure_column_splits_verdicts_and_a_user_correction_is_honoured() {
        let csv = "Indikator;Foretak;År;Verdi;Kommentar\n\
            Ventetid;Helse Alfa;2024;55;ok\n\
            Fristbrudd;Helse Alfa;2024;3;ok\n";
        let t = table(csv);
        let m = guess_mapping(&t);
        assert_eq!(m.entity, 1);
        assert_eq!(m.measure, Some(0));
        assert_eq!(m.values, vec![(3, None)]);
        let ind = assess(&t, &m, "under 60 dager").unwrap();
        assert_eq!(ind.verdicts.len(), 2);
        assert_eq!(ind.verdicts[0].subject.as_deref(), Some("Ventetid"));
        // The user says the measure column is not one: the two rows become one entity series.
        let m2 = Mapping {
            measure: None,
            ..m.clone()
        };
        assert_eq!(assess(&t, &m2, "under 60 dager").unwrap().verdicts.len(), 1);
    }

    #[test]
    fn no_target_or_no_values_is_an_error_not_a_panic() {
        let t = table(WIDE);
        let m = guess_mapping(&t);
        assert!(assess(&t, &m, "hei").is_err());
        assert!(assess(&t, &m, "").is_err());
        let none = Mapping {
            values: vec![],
            ..m.clone()
        };
        assert!(assess(&t, &none, "minst 95 pst.").is_err());
        let out_of_range = Mapping {
            entity: 99,
            year: Some(77),
            measure: Some(55),
            values: vec![(42, None)],
        };
        assert!(assess(&t, &out_of_range, "minst 95 pst.").is_err());
        let empty = table("");
        let _ = guess_mapping(&empty);
    }
}
