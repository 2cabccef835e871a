//! Reading staffing groups from a report's table or from a CSV file.
//!
//! # CSV layouts
//!
//! Fields may be separated by `;`, `,` or tab (sniffed). Numbers may use Norwegian formats:
//! space or no-break space between thousands, decimal comma (`1 234,5`); a single `.` is read as a
//! decimal point. Header names are matched without regard to case, spaces, `_` or `-`, in bokmål,
//! nynorsk or English.
//!
//! **Long** — one row per group and need year; the base is repeated on every row of a group:
//!
//! ```text
//! gruppe;basisår;ansatte;år;behov
//! Anestesisykepleier;2023;302;2030;321
//! Anestesisykepleier;2023;302;2040;352
//! Jordmødre;2023;317;2030;323
//! ```
//!
//! | column     | accepted names                                                        |
//! |------------|-----------------------------------------------------------------------|
//! | group      | gruppe, yrkesgruppe, profesjonsgruppe, stillingsgruppe, group, profession |
//! | base year  | basisår, baseår, utgangsår, base year, base_year                      |
//! | base staff | ansatte, tilsette, antall, antall ansatte, base, staff, employees     |
//! | year       | år, behovsår, year                                                    |
//! | need       | behov, need                                                           |
//!
//! A row with empty year and need gives only the group's base.
//!
//! **Wide** — one row per group; the first column is the group, every column whose header holds a
//! year is a count for that year, and the first such column is the base (staff today):
//!
//! ```text
//! gruppe;2023;2030;2040
//! Anestesisykepleier;302;321;352
//! Jordmødre;317;323;329
//! ```
//!
//! Header cells may carry words around the year (`Antall 2023`, `Behov 2030`). An empty need cell
//! is skipped. Other columns are ignored.

use super::model::{Group, NeedPoint, StaffingError};
use crate::document::{lexicon, WordSet};
use crate::model::Table;

/// Recognises a staffing table (group names with a base count and need counts per year) in a
/// report's table. Years come from the header; the base column is the first year column without a
/// need word; the table's own % columns are ignored. Cells like `321 (6,3 %)` or split
/// `321` | `(6,3 %)` are both read. Returns `None` when the table does not look like staffing.
pub fn groups_from_table(table: &Table) -> Option<Vec<Group>> {
    let header_lower: Vec<String> = table.header.iter().map(|h| h.to_lowercase()).collect();
    let lex = lexicon();
    let mentions_need = header_lower
        .iter()
        .any(|h| has_any(h, &lex.staffing_need_words));
    let mentions_group = header_lower
        .iter()
        .take(1)
        .any(|h| has_any(h, &lex.staffing_group_words));
    if !mentions_need && !mentions_group {
        return None;
    }
    let cols = year_columns(&table.header, true)?;
    let (groups, _) = wide_rows(&cols, table.rows.iter().map(|r| (0usize, r.as_slice())));
    (!groups.is_empty()).then_some(groups)
}

/// Reads groups from a CSV text in the long or wide layout (see the module documentation).
/// Errors name the line and the cell.
pub fn groups_from_csv(text: &str) -> Result<Vec<Group>, StaffingError> {
    let raw = crate::intake::read_table(text);
    if raw.header.is_empty() {
        return Err(StaffingError::Data(
            "CSV-filen har ingen overskriftsrad".into(),
        ));
    }
    let names: Vec<String> = raw.header.iter().map(|h| normalise(h)).collect();
    let find = |set: &WordSet| names.iter().position(|n| set.contains(n.as_str()));
    let lex = lexicon();
    let rows = raw
        .row_lines
        .iter()
        .copied()
        .chain(std::iter::repeat(0))
        .zip(raw.rows.iter().map(Vec::as_slice));
    if let (Some(year), Some(need)) = (find(&lex.staffing_long_year), find(&lex.staffing_long_need))
    {
        let group = find(&lex.staffing_long_group).unwrap_or(0);
        let (Some(base_year), Some(base)) = (
            find(&lex.staffing_long_base_year),
            find(&lex.staffing_long_base),
        ) else {
            return Err(StaffingError::Data(
                "CSV-filen har kolonnene år og behov, men mangler basisår og/eller ansatte \
                 (langt format: gruppe;basisår;ansatte;år;behov)"
                    .into(),
            ));
        };
        return long_rows(
            LongCols {
                group,
                base_year,
                base,
                year,
                need,
            },
            rows,
        );
    }
    let Some(cols) = year_columns(&raw.header, false) else {
        return Err(StaffingError::Data(
            "fant ikke årskolonner i CSV-filen; bruk gruppe;basisår;ansatte;år;behov \
             eller gruppe;2023;2030;2040"
                .into(),
        ));
    };
    let (groups, failures) = wide_rows(&cols, rows);
    if let Some((line, why)) = failures.into_iter().next() {
        return Err(StaffingError::Data(format!("linje {line}: {why}")));
    }
    if groups.is_empty() {
        return Err(StaffingError::Data("CSV-filen har ingen grupper".into()));
    }
    Ok(groups)
}

#[derive(Clone, Copy)]
struct LongCols {
    group: usize,
    base_year: usize,
    base: usize,
    year: usize,
    need: usize,
}

fn long_rows<'a>(
    cols: LongCols,
    rows: impl Iterator<Item = (usize, &'a [String])>,
) -> Result<Vec<Group>, StaffingError> {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (line, row) in rows {
        let cell = |i: usize| row.get(i).map(|s| s.trim()).unwrap_or("");
        let name = cell(cols.group);
        if name.is_empty() {
            return Err(StaffingError::Data(format!("linje {line}: mangler gruppe")));
        }
        let base_year = parse_year(cell(cols.base_year)).ok_or_else(|| {
            StaffingError::Data(format!(
                "linje {line}: «{}» er ikke et årstall (basisår)",
                cell(cols.base_year)
            ))
        })?;
        let base = parse_cell(cell(cols.base)).ok_or_else(|| {
            StaffingError::Data(format!(
                "linje {line}: «{}» er ikke et tall (ansatte)",
                cell(cols.base)
            ))
        })?;
        let point = match (cell(cols.year), cell(cols.need)) {
            ("", "") => None,
            (y, n) => {
                let year = parse_year(y).ok_or_else(|| {
                    StaffingError::Data(format!("linje {line}: «{y}» er ikke et årstall (år)"))
                })?;
                let need = parse_cell(n).ok_or_else(|| {
                    StaffingError::Data(format!("linje {line}: «{n}» er ikke et tall (behov)"))
                })?;
                Some(NeedPoint { year, need })
            }
        };
        let key = name.to_lowercase();
        let i = match index.get(&key) {
            Some(&i) => i,
            None => {
                index.insert(key, groups.len());
                groups.push(Group {
                    name: name.to_string(),
                    base_year,
                    base,
                    points: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let Some(g) = groups.get_mut(i) else { continue };
        if g.base_year != base_year || g.base != base {
            return Err(StaffingError::Data(format!(
                "linje {line}: «{name}» har et annet basisår eller antall ansatte enn på en \
                 tidligere rad"
            )));
        }
        g.points.extend(point);
    }
    if groups.is_empty() {
        return Err(StaffingError::Data("CSV-filen har ingen grupper".into()));
    }
    Ok(groups)
}

/// Year columns of a wide table: base column, then need columns (index, year).
struct YearCols {
    width: usize,
    base: (usize, i32),
    needs: Vec<(usize, i32)>,
}

/// Finds the base and need columns from the header. `words`: use the need/base words (report
/// tables); without, the first year column is the base (CSV).
fn year_columns(header: &[String], words: bool) -> Option<YearCols> {
    let lex = lexicon();
    let mut cols: Vec<(usize, i32, bool)> = Vec::new();
    for (i, h) in header.iter().enumerate().skip(1) {
        let lower = h.to_lowercase();
        let years = years_in(&lower);
        let [year] = years.as_slice() else { continue };
        let need = has_any(&lower, &lex.staffing_need_words);
        if words
            && !need
            && !has_any(&lower, &lex.staffing_base_words)
            && has_any(&lower, &lex.staffing_change_words)
        {
            continue;
        }
        cols.push((i, *year, need));
    }
    let base = if words {
        cols.iter()
            .find(|c| !c.2)
            .or_else(|| cols.first())
            .map(|c| (c.0, c.1))?
    } else {
        cols.first().map(|c| (c.0, c.1))?
    };
    let mut needs: Vec<(usize, i32)> = cols
        .iter()
        .filter(|c| c.0 != base.0 && c.1 > base.1)
        .map(|c| (c.0, c.1))
        .collect();
    crate::sorting::sort_by_key(&mut needs, |c| c.0);
    if needs.is_empty() {
        return None;
    }
    Some(YearCols {
        width: header.len(),
        base,
        needs,
    })
}

/// Reads wide rows; returns the groups and the rows that could not be read (line, why).
fn wide_rows<'a>(
    cols: &YearCols,
    rows: impl Iterator<Item = (usize, &'a [String])>,
) -> (Vec<Group>, Vec<(usize, String)>) {
    let mut groups = Vec::new();
    let mut failures = Vec::new();
    for (line, row) in rows {
        let Some(first) = row.first() else { continue };
        let (name, rest) = split_name(first);
        if name.is_empty() || !name.chars().any(char::is_alphabetic) {
            failures.push((line, format!("«{}» er ikke et gruppenavn", first.trim())));
            continue;
        }
        let lower = name.to_lowercase();
        if lexicon()
            .staffing_total_names
            .iter()
            .any(|t| lower == *t || lower.starts_with(&format!("{t} ")))
        {
            continue;
        }
        let mut values = if rest.is_empty() && row.len() == cols.width {
            positional(cols, row).or_else(|| ordered(cols, rest, row))
        } else {
            ordered(cols, rest, row)
        };
        let mut name = name;
        if values.is_none() && !rest.is_empty() && row.len() > 1 {
            // A name with a number in it ("Helsefagarbeider nivå 2") in its own cell.
            let whole = first.trim();
            values = if row.len() == cols.width {
                positional(cols, row).or_else(|| ordered(cols, "", row))
            } else {
                ordered(cols, "", row)
            };
            name = whole;
        }
        match values {
            Some((base, points)) => groups.push(Group {
                name: name.to_string(),
                base_year: cols.base.1,
                base,
                points,
            }),
            None => failures.push((
                line,
                format!(
                    "fant ikke {} tall for «{name}» (ansatte og behov per år)",
                    cols.needs.len() + 1
                ),
            )),
        }
    }
    (groups, failures)
}

/// A first cell like "BIOINGENIØR 302" (reader did not split): name and the numeric rest.
fn split_name(cell: &str) -> (&str, &str) {
    let cell = cell.trim();
    let mut cut = cell.len();
    let mut prev_space = true;
    for (i, c) in cell.char_indices() {
        if prev_space && c.is_ascii_digit() && i > 0 {
            cut = i;
            break;
        }
        prev_space = c.is_whitespace();
    }
    let name = cell.get(..cut).unwrap_or(cell).trim();
    let rest = cell.get(cut..).unwrap_or("").trim();
    (name, rest)
}

/// Values by column position (row as wide as the header).
fn positional(cols: &YearCols, row: &[String]) -> Option<(f64, Vec<NeedPoint>)> {
    let one = |i: usize| -> Option<Option<f64>> {
        let cell = row.get(i)?.trim();
        if cell.is_empty() || is_dash(cell) {
            return Some(None);
        }
        single_count(cell).map(Some)
    };
    let base = one(cols.base.0)??;
    let mut points = Vec::new();
    for &(i, year) in &cols.needs {
        if let Some(need) = one(i)? {
            points.push(NeedPoint { year, need });
        }
    }
    (!points.is_empty()).then_some((base, points))
}

/// Values in order of appearance (percent cells skipped); must match the year columns in count.
fn ordered(cols: &YearCols, rest: &str, row: &[String]) -> Option<(f64, Vec<NeedPoint>)> {
    let cells = || std::iter::once(rest).chain(row.iter().skip(1).map(String::as_str));
    let wanted = cols.needs.len() + 1;
    for grouped in [true, false] {
        let mut values = Vec::with_capacity(wanted);
        let mut bad = false;
        for cell in cells() {
            match counts_in(cell, grouped) {
                Some(v) => values.extend(v),
                None => bad = true,
            }
        }
        if bad || values.len() != wanted {
            continue;
        }
        let mut it = values.into_iter();
        let base = it.next()?;
        let points = cols
            .needs
            .iter()
            .zip(it)
            .map(|(&(_, year), need)| NeedPoint { year, need })
            .collect();
        return Some((base, points));
    }
    None
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—" | "..")
}

fn single_count(cell: &str) -> Option<f64> {
    for grouped in [true, false] {
        if let Some(v) = counts_in(cell, grouped) {
            if let [x] = v.as_slice() {
                return Some(*x);
            }
        }
    }
    None
}

fn has_any(haystack: &str, words: &[String]) -> bool {
    words.iter().any(|w| haystack.contains(w.as_str()))
}

/// Lowercase letters and digits only: "Base_Year" → "baseyear", "Basisår" → "basisår".
fn normalise(s: &str) -> String {
    s.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Four-digit years (1900–2300) standing alone in a text.
fn years_in(s: &str) -> Vec<i32> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i).is_some_and(u8::is_ascii_digit) {
            let start = i;
            let mut v: i64 = 0;
            while let Some(b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
                v = (v * 10 + i64::from(b - b'0')).min(1_000_000);
                i += 1;
            }
            if i - start == 4 && (1900..=2300).contains(&v) {
                let y = v as i32;
                if !out.contains(&y) {
                    out.push(y);
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

fn parse_year(s: &str) -> Option<i32> {
    let t = s.trim();
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

/// One number in a CSV cell (Norwegian formats).
fn parse_cell(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.contains('%') {
        return None;
    }
    single_count(t)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The counts in a table cell: parenthesised parts are dropped, a cell holding a percentage gives
/// no counts, a cell with words gives `None`. `grouped`: "1 234" is one number (thousands).
fn counts_in(cell: &str, grouped: bool) -> Option<Vec<f64>> {
    let mut kept = String::with_capacity(cell.len());
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    if kept.contains('%') {
        return Some(Vec::new());
    }
    // Tokens, each with whether exactly one space precedes it (a possible thousands separator).
    let mut tokens: Vec<(String, bool)> = Vec::new();
    let mut cur = String::new();
    let mut cur_single = false;
    let mut gap = 0usize;
    for c in kept.chars() {
        if c.is_whitespace() || is_space(c) {
            if !cur.is_empty() {
                tokens.push((std::mem::take(&mut cur), cur_single));
            }
            gap += if is_space(c) { 1 } else { 2 };
        } else {
            if cur.is_empty() {
                cur_single = gap == 1 && !tokens.is_empty();
                gap = 0;
            }
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        tokens.push((cur, cur_single));
    }
    let mut merged: Vec<String> = Vec::new();
    for (tok, single_gap) in tokens {
        if !tok
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '−' | '+'))
        {
            if is_dash(&tok) {
                continue;
            }
            return None;
        }
        let joinable = grouped
            && single_gap
            && is_thousands_group(&tok)
            && merged.last().is_some_and(|m| is_group_head(m));
        match merged.last_mut() {
            Some(m) if joinable => m.push_str(&tok),
            _ => merged.push(tok),
        }
    }
    merged.iter().map(|t| parse_plain(t)).collect()
}

/// "234" or "234,5": a thousands group that may end in decimals.
fn is_thousands_group(t: &str) -> bool {
    let int = t.split([',', '.']).next().unwrap_or("");
    int.len() == 3 && int.bytes().all(|b| b.is_ascii_digit()) && t.matches([',', '.']).count() <= 1
}

/// A number so far that may take another thousands group: digits only, first group 1–3 digits.
fn is_group_head(m: &str) -> bool {
    let digits = m.trim_start_matches(['-', '−', '+']);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && {
        let lead = digits.len() % 3;
        lead != 0 || digits.len() >= 3
    }
}

/// A number without spaces ("1234", "234,5", "−3"), read by the shared number parser.
fn parse_plain(t: &str) -> Option<f64> {
    crate::extract::numbers::parse_number(t).filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_numbers() {
        assert_eq!(parse_cell("1 234,5"), Some(1234.5));
        assert_eq!(parse_cell("1\u{a0}234"), Some(1234.0));
        assert_eq!(parse_cell("302"), Some(302.0));
        assert_eq!(parse_cell("2.5"), Some(2.5));
        assert_eq!(parse_cell("1.234,5"), Some(1234.5));
        assert_eq!(parse_cell("−3"), Some(-3.0));
        assert_eq!(parse_cell("abc"), None);
        assert_eq!(parse_cell("5 %"), None);
    }

    #[test]
    fn cells_with_percent_in_parentheses() {
        assert_eq!(counts_in("321 (6,3 %)", true), Some(vec![321.0]));
        assert_eq!(counts_in("(6,3 %)", true), Some(vec![]));
        assert_eq!(
            counts_in("441  471 (6,7 %)", true),
            Some(vec![441.0, 471.0])
        );
        assert_eq!(counts_in("1 441 (6,7 %)", true), Some(vec![1441.0]));
        assert_eq!(counts_in("441 471", false), Some(vec![441.0, 471.0]));
        assert_eq!(counts_in("ca. 300", true), None);
    }

    #[test]
    fn years_in_header_cells() {
        assert_eq!(years_in("behov 2030 (% endring)"), vec![2030]);
        assert_eq!(years_in("endring 2023-2030"), vec![2023, 2030]);
        assert!(years_in("20300").is_empty());
    }

    #[test]
    fn name_split_from_numbers() {
        assert_eq!(split_name("BIOINGENIØR 302"), ("BIOINGENIØR", "302"));
        assert_eq!(split_name("Jordmødre"), ("Jordmødre", ""));
    }

    #[test]
    fn group_name_with_a_number_in_its_own_cell() {
        let cols = year_columns(&["gruppe".into(), "2023".into(), "2030".into()], false).unwrap();
        let row: Vec<String> = vec!["Nivå 2 sykepleier".into(), "10".into(), "12".into()];
        let (groups, failures) = wide_rows(&cols, std::iter::once((2, row.as_slice())));
        assert!(failures.is_empty());
        assert_eq!(groups[0].name, "Nivå 2 sykepleier");
        assert_eq!(groups[0].base, 10.0);
    }
}
