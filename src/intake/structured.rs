//! The text a structured file (PDF, DOCX, XLSX, ODS) becomes, with the origin of every line.
//!
//! The engine reads one kind of input: lines of text. A structured file is written out in the
//! layout the engine reads best, the layout of a text extracted from a PDF with its columns kept:
//! - a paragraph is one line; paragraphs are separated by a blank line, so a heading is never
//!   joined to the paragraph under it;
//! - a table is one line per row, its cells three spaces apart (the table reader splits cells at
//!   gaps of two or more spaces and never joins "200 000   200 000" into one figure), with a
//!   blank line before and after. Cells are not padded into aligned columns: the table reader
//!   takes a line over 80 characters for prose, and padding made rows of seed 000's staffing
//!   table that long. A row that is still too long is wrapped (see `Structured::table`).
//!
//! Every line carries an [`Origin`] (page, paragraph, table row, sheet cell), so results can say
//! where in the file they come from.

use crate::model::{Format, Origin};

/// A structured file turned into text for the engine.
#[derive(Debug, Clone, Default)]
pub struct Structured {
    pub text: String,
    /// One entry per line of `text` (index = line − 1).
    pub origins: Vec<Origin>,
}

/// The text and origins of a structured file, with what it was.
#[derive(Debug, Clone)]
pub struct StructuredInput {
    pub format: Format,
    pub doc: Structured,
}

/// Gap between table columns: wider than the table reader's two-space cell gap.
const COLUMN_GAP: usize = 3;

impl Structured {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of lines written so far.
    pub fn line_count(&self) -> usize {
        self.origins.len()
    }

    /// Appends one line (newlines inside `text` become spaces).
    pub fn line(&mut self, text: &str, origin: Origin) {
        for c in text.chars() {
            match c {
                '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{2028}' | '\u{2029}' => self.text.push(' '),
                '\t' => self.text.push_str("  "),
                c if c.is_control() => {}
                c => self.text.push(c),
            }
        }
        self.text.push('\n');
        self.origins.push(origin);
    }

    /// Appends a blank line unless the text is empty or already ends with one.
    pub fn blank(&mut self) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        self.text.push('\n');
        self.origins.push(Origin::default());
    }

    /// Appends a paragraph (its own line breaks kept as lines) and a blank line after it.
    pub fn paragraph(&mut self, text: &str, origin: Origin) {
        let mut any = false;
        for part in text.split('\n') {
            let part = part.trim_end();
            if part.trim().is_empty() {
                continue;
            }
            self.line(part, origin.clone());
            any = true;
        }
        if any {
            self.blank();
        }
    }

    /// Appends a table the way a PDF lays one out: cells in aligned columns at least
    /// [`COLUMN_GAP`] spaces apart, no line longer than [`MAX_LINE`] characters (the table
    /// reader takes a longer line for prose). To fit, a long row label wraps over lines of its
    /// own above the line with the figures, and a header cell wraps inside its column (the lines
    /// under the header's first line continue the cells above). `origins[i]` is row `i`'s
    /// origin; line breaks in cells become spaces; blank rows are left out. A table too wide
    /// even so is written one row per line with the cells apart (see [`row_lines`]).
    pub fn table(&mut self, rows: &[Vec<String>], origins: &[Origin]) {
        let clean: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| one_line(c)).collect())
            .filter(|r: &Vec<String>| r.iter().any(|c| !c.is_empty()))
            .collect();
        let origins_of: Vec<Origin> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
            .map(|(k, _)| origins.get(k).cloned().unwrap_or_default())
            .collect();
        self.blank();
        match aligned(&clean) {
            Some(lines) => {
                for (row, line) in lines {
                    self.line(&line, origins_of.get(row).cloned().unwrap_or_default());
                }
            }
            None => {
                for (r, origin) in clean.iter().zip(origins_of) {
                    let cells: Vec<&str> = r.iter().map(String::as_str).collect();
                    let last = cells.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
                    for line in row_lines(&cells[..=last]) {
                        self.line(&line, origin.clone());
                    }
                }
            }
        }
        self.blank();
    }
}

/// Lays out `rows` in aligned columns: (row index, line) pairs, or `None` when the columns do
/// not fit even with the label column narrowed and the header wrapped word by word. Lines are
/// kept within [`ROW_WIDTH`] where the columns allow it (the table reader takes a table whose
/// rows average more than 70 characters for prose), else within [`MAX_LINE`]; a header's year
/// stays with the word before it ("BEHOV 2030") unless only splitting them lets the columns fit
/// (the header's lines under the first are then indented: they start in a value column).
fn aligned(rows: &[Vec<String>]) -> Option<Vec<(usize, String)>> {
    let wide = [true, false]
        .into_iter()
        .find_map(|keep_years| aligned_within(rows, MAX_LINE, keep_years))?;
    let lengths: Vec<usize> = wide.iter().map(|(_, l)| l.chars().count()).collect();
    if lengths.iter().sum::<usize>() <= ROW_WIDTH * lengths.len() {
        return Some(wide);
    }
    Some(aligned_within(rows, ROW_WIDTH, true).unwrap_or(wide))
}

fn aligned_within(
    rows: &[Vec<String>],
    max_line: usize,
    keep_years: bool,
) -> Option<Vec<(usize, String)>> {
    let n = rows.iter().map(Vec::len).max()?;
    if n < 2 {
        return None;
    }
    let len = |s: &str| s.chars().count();
    let longest_word = |s: &str| longest_atom(s, keep_years);
    let is_header = |r: &Vec<String>| !r.iter().skip(1).any(|c| is_figure(c));
    // Value columns: as wide as their widest value, and a header's longest word.
    let mut width = vec![0usize; n];
    let mut value_width = vec![0usize; n];
    for r in rows {
        for (i, c) in r.iter().enumerate().skip(1) {
            let w = if is_header(r) {
                longest_word(c)
            } else {
                value_width[i] = value_width[i].max(len(c));
                len(c)
            };
            width[i] = width[i].max(w);
        }
    }
    let values: usize = width[1..].iter().sum::<usize>() + COLUMN_GAP * (n - 1);
    let label_max = rows
        .iter()
        .map(|r| r.first().map_or(0, |c| len(c)))
        .max()
        .unwrap_or(0);
    let label_floor = rows
        .iter()
        .map(|r| r.first().map_or(0, |c| longest_word(c)))
        .max()
        .unwrap_or(0)
        .max(12.min(label_max));
    let room = max_line.checked_sub(values)?;
    if room < label_floor {
        return None;
    }
    width[0] = label_max.min(room);
    // Room left over widens header columns so their cells wrap less, the smallest needs first
    // (a header line under the first must not start with a year: it would read as a row), but
    // a column stays within a few characters of its values: the table reader takes a row with
    // two or more gaps of ten spaces for something else than a table row, and a header like
    // "Psykisk helsevern vaksne (VOP)" over two-digit values made exactly that.
    // Never past ROW_WIDTH on that account: rows that long read as prose.
    let mut spare = (room - width[0]).min(ROW_WIDTH.saturating_sub(values + width[0]));
    let mut needs: Vec<(usize, usize)> = (1..n)
        .map(|i| {
            let full = rows
                .iter()
                .filter(|r| is_header(r))
                .filter_map(|r| r.get(i).map(|c| len(c)))
                .max()
                .unwrap_or(0);
            (full.saturating_sub(width[i]), i)
        })
        .filter(|&(need, _)| need > 0)
        .collect();
    needs.sort_unstable();
    for (need, i) in needs {
        let cap = (value_width[i] + MAX_VALUE_SLACK).saturating_sub(width[i]);
        let grant = need.min(spare).min(cap);
        width[i] += grant;
        spare -= grant;
    }
    let starts: Vec<usize> = (0..n)
        .map(|i| width[..i].iter().sum::<usize>() + COLUMN_GAP * i)
        .collect();
    let mut out = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        let wrapped: Vec<Vec<String>> = (0..n)
            .map(|i| {
                let c = r.get(i).map_or("", String::as_str);
                if i == 0 || is_header(r) {
                    wrap_words(c, width[i].max(1), keep_years)
                } else if c.is_empty() {
                    Vec::new()
                } else {
                    vec![c.to_string()]
                }
            })
            .collect();
        if is_header(r) {
            // Top-aligned: the first line has a piece in every column.
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
            for h in 0..height {
                let pieces: Vec<(usize, &str)> = (0..n)
                    .filter_map(|i| wrapped[i].get(h).map(|p| (starts[i], p.as_str())))
                    .collect();
                out.push((k, place(&pieces)));
            }
        } else {
            // The label's last line goes with the values, the lines before it stand alone.
            let label = &wrapped[0];
            let (last, before) = label
                .split_last()
                .map_or((None, &[][..]), |(l, b)| (Some(l), b));
            for l in before {
                out.push((k, l.clone()));
            }
            let mut pieces: Vec<(usize, &str)> = Vec::new();
            let mut end = 0;
            if let Some(l) = last {
                pieces.push((0, l.as_str()));
                end = len(l);
            }
            for (i, w) in wrapped.iter().enumerate().skip(1) {
                // Left-aligned under the column's header: the readers match a cell to the
                // column whose start is nearest. A value after a narrow value under a wide
                // header, that would leave a gap of ten spaces or more, moves left (never past
                // the middle between its column's start and the one before).
                if let Some(c) = w.first() {
                    let mut at = starts[i];
                    let after_value = pieces.len() > usize::from(last.is_some());
                    if after_value && at > end + MAX_VALUE_GAP + 1 {
                        let mid = (starts[i - 1] + starts[i]) / 2 + 1;
                        at = at.min((end + MAX_VALUE_GAP).max(mid));
                    }
                    let at = at.max(end + COLUMN_GAP);
                    pieces.push((at, c.as_str()));
                    end = at + len(c);
                }
            }
            out.push((k, place(&pieces)));
        }
    }
    Some(out)
}

/// A line with each piece starting at its column (at least [`COLUMN_GAP`] after the one before).
fn place(pieces: &[(usize, &str)]) -> String {
    let mut line = String::new();
    let mut have = 0usize;
    for &(col, text) in pieces {
        if have > 0 || col > 0 {
            let pad = if have == 0 {
                col
            } else {
                col.saturating_sub(have).max(COLUMN_GAP)
            };
            line.extend(std::iter::repeat_n(' ', pad));
            have += pad;
        }
        line.push_str(text);
        have += text.chars().count();
    }
    line
}

/// Widest gap between two values of a row, where the columns allow it (see [`aligned`]).
const MAX_VALUE_GAP: usize = 8;

/// How much wider than its widest value a column may grow to keep its header on fewer lines.
const MAX_VALUE_SLACK: usize = 6;

/// Longest table line the table reader reads as a row (its MAX_TABLE_LINE_CHARS).
const MAX_LINE: usize = 80;

/// Widest row aimed for: the table reader takes rows averaging over 70 characters for prose.
const ROW_WIDTH: usize = 70;

/// A cell that holds a figure (not a year heading): starts with a digit or a signed digit.
fn is_figure(cell: &str) -> bool {
    let t = cell.trim_start_matches(['-', '−', '–', '+']);
    let year = t.len() == 4 && t.chars().all(|c| c.is_ascii_digit());
    t.starts_with(|c: char| c.is_ascii_digit()) && !year
}

fn compact(cells: &[&str]) -> String {
    let mut line = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 && !c.is_empty() {
            line.extend(std::iter::repeat_n(' ', COLUMN_GAP));
        }
        line.push_str(c);
    }
    line.trim_start().to_string()
}

/// The lines one table row is written as (see [`Structured::table`]).
fn row_lines(cells: &[&str]) -> Vec<String> {
    let one = compact(cells);
    if one.chars().count() <= MAX_LINE {
        return vec![one];
    }
    if cells.iter().skip(1).any(|c| is_figure(c)) {
        return wrap_label(cells);
    }
    wrap_header(cells)
}

/// A year or a span of years: "2030", "2023–2030", "2023-2030".
fn is_year(w: &str) -> bool {
    let year = |y: &str| {
        y.len() == 4
            && y.bytes().all(|b| b.is_ascii_digit())
            && (y.starts_with("19") || y.starts_with("20"))
    };
    match w.split_once(['–', '-']) {
        Some((a, b)) => year(a) && year(b),
        None => year(w),
    }
}

/// The pieces a cell may wrap between: words, with a parenthesised group kept whole (the table
/// reader joins a line with an unclosed parenthesis to the next one) and, with `keep_years`, a
/// year kept with the word before it.
fn atoms(s: &str, keep_years: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut depth = 0i32;
    for w in s.split_whitespace() {
        // A year stays with the word before it ("BEHOV 2030", "ENDRING 2023–2030"): a header
        // line under the first that starts with a year reads as a row of figures.
        match out.last_mut() {
            Some(last) if depth > 0 || (keep_years && is_year(w)) => {
                last.push(' ');
                last.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
        depth = depth.max(0);
    }
    out
}

/// The longest piece a cell cannot be wrapped inside.
fn longest_atom(s: &str, keep_years: bool) -> usize {
    atoms(s, keep_years)
        .iter()
        .map(|a| a.chars().count())
        .max()
        .unwrap_or(0)
}

/// Words of `s` greedily wrapped to `width` characters (a longer atom gets a line of its own).
fn wrap_words(s: &str, width: usize, keep_years: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in atoms(s, keep_years) {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(&w);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A row with figures whose line is too long: the label's first words go on lines of their own
/// (no figures on them), the rest of the label stays with the figures.
fn wrap_label(cells: &[&str]) -> Vec<String> {
    let rest = compact(&cells[1..]);
    let room = MAX_LINE
        .saturating_sub(rest.chars().count() + COLUMN_GAP)
        .max(12);
    let words: Vec<&str> = cells[0].split_whitespace().collect();
    // The tail of the label that fits beside the figures.
    let mut tail_len = 0;
    let mut split = words.len();
    while split > 0 {
        let add = words[split - 1].chars().count() + usize::from(tail_len > 0);
        if tail_len + add > room {
            break;
        }
        tail_len += add;
        split -= 1;
    }
    if split == words.len() && !words.is_empty() {
        split -= 1;
    }
    let mut out = wrap_words(&words[..split].join(" "), 60, true);
    let tail = words[split..].join(" ");
    let mut last = tail;
    if !last.is_empty() && !rest.is_empty() {
        last.extend(std::iter::repeat_n(' ', COLUMN_GAP));
    }
    last.push_str(&rest);
    out.push(last);
    out
}

/// A header row too long for one line: each cell wrapped in its own column, the columns
/// narrowed (widest first, never below its longest word) until the row fits; the first line
/// has a piece in every column, the lines under it continue the cells above.
fn wrap_header(cells: &[&str]) -> Vec<String> {
    let n = cells.len();
    let room = MAX_LINE.saturating_sub(COLUMN_GAP * n.saturating_sub(1));
    // A year stays with its word unless the columns cannot fit so.
    let floors =
        |keep: bool| -> Vec<usize> { cells.iter().map(|c| longest_atom(c, keep)).collect() };
    let keep_years = floors(true).iter().sum::<usize>() <= room;
    let floor = floors(keep_years);
    let mut width: Vec<usize> = cells.iter().map(|c| c.chars().count()).collect();
    while width.iter().sum::<usize>() > room {
        let Some(i) = (0..n)
            .filter(|&i| width[i] > floor[i])
            .max_by_key(|&i| width[i])
        else {
            break;
        };
        width[i] -= 1;
    }
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(&width)
        .map(|(c, &w)| wrap_words(c, w.max(1), keep_years))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for k in 0..height {
        let mut line = String::new();
        let mut col = 0;
        for (i, cell) in wrapped.iter().enumerate() {
            if let Some(piece) = cell.get(k) {
                let have = line.chars().count();
                if have < col {
                    line.extend(std::iter::repeat_n(' ', col - have));
                } else if have > 0 {
                    line.extend(std::iter::repeat_n(' ', COLUMN_GAP));
                }
                line.push_str(piece);
            }
            col += width[i] + COLUMN_GAP;
        }
        out.push(line.trim_end().to_string());
    }
    out
}

/// A cell's text on one line: whitespace runs (line breaks included) become one space, so the
/// only wide gaps in a table line are the ones between cells.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "A", "B", …, "Z", "AA" … for a 0-based column.
pub fn column_name(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_aligned_with_wide_gaps() {
        let mut s = Structured::new();
        s.paragraph("Tabell 1: Sykefravær", Origin::default());
        s.table(
            &[
                vec!["Foretak".into(), "2023".into(), "2024".into()],
                vec!["Helse Bergen".into(), "200 000".into(), "9,0 %".into()],
            ],
            &[],
        );
        assert_eq!(
            s.text,
            "Tabell 1: Sykefravær\n\nForetak        2023      2024\nHelse Bergen   200 000   9,0 %\n\n"
        );
        assert_eq!(s.line_count(), 5);
    }

    #[test]
    fn narrow_values_under_wide_headers_keep_their_gaps_under_ten_spaces() {
        // Word table of variants3/a1: long area names over two-digit waiting times.
        let row = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        let mut s = Structured::new();
        s.table(
            &[
                row(&[
                    "Helseføretak",
                    "Somatikk",
                    "Psykisk helsevern vaksne (VOP)",
                    "Psykisk helsevern barn og unge (BUP)",
                    "TSB",
                ]),
                row(&["Helse Bergen", "56", "44", "47", "29"]),
                row(&["Helse Stavanger", "61", "39", "38", "31"]),
            ],
            &[],
        );
        let gaps = |l: &str| {
            let mut wide = 0;
            for run in l.trim_start().split(|c: char| c != ' ') {
                wide += usize::from(run.len() >= 10);
            }
            wide
        };
        for line in s.text.lines().filter(|l| l.starts_with("Helse ")) {
            assert!(gaps(line) <= 1, "{line:?}\n{}", s.text);
            assert_eq!(line.split_whitespace().count(), 6, "{line:?}");
        }
    }

    #[test]
    fn a_header_too_wide_with_its_years_wraps_them_under_their_words() {
        let row = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        let mut s = Structured::new();
        s.table(
            &[
                row(&[
                    "GRUPPE",
                    "TAL 2023",
                    "BEHOV 2030",
                    "ENDRING 2023–2030",
                    "BEHOV 2040",
                    "ENDRING 2023–2040",
                ]),
                row(&[
                    "OPERASJONSSJUKEPLEIARAR",
                    "138",
                    "149",
                    "8,0 %",
                    "165",
                    "16,3 %",
                ]),
                row(&["KREFTSJUKEPLEIARAR", "57", "63", "10,5 %", "70", "22,8 %"]),
            ],
            &[],
        );
        let lines: Vec<&str> = s.text.lines().filter(|l| !l.is_empty()).collect();
        assert!(
            lines.iter().all(|l| l.chars().count() <= MAX_LINE),
            "{}",
            s.text
        );
        // The header's second line starts in a value column, with a year.
        assert!(
            lines[1].starts_with("   ") && lines[1].contains("2023–2040"),
            "{}",
            s.text
        );
        // Rows stay within the width the table reader takes for rows.
        assert!(
            lines[2..].iter().all(|l| l.chars().count() <= ROW_WIDTH),
            "{}",
            s.text
        );
    }

    #[test]
    fn long_rows_are_wrapped_to_the_table_readers_width() {
        let header = [
            "Helseforetak",
            "Ventetid somatikk (dager)",
            "Ventetid psykisk helsevern (dager)",
            "Fristbrudd (antall)",
        ];
        let lines = row_lines(&header);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(
            lines.iter().all(|l| l.chars().count() <= MAX_LINE),
            "{lines:?}"
        );
        assert_eq!(
            lines[0]
                .split("  ")
                .filter(|p| !p.trim().is_empty())
                .count(),
            4
        );
        let row = [
            "Prosjektfinansiering helhetlige pasientforløp fra hjem til hjem i hele regionen",
            "",
            "1 200 000 (2 x 50% stillinger)",
            "1 200 000",
        ];
        let lines = row_lines(&row);
        assert!(
            lines.iter().all(|l| l.chars().count() <= MAX_LINE),
            "{lines:?}"
        );
        assert!(lines.last().unwrap().ends_with("stillinger)   1 200 000"));
        assert!(!lines[0].contains(char::is_numeric));
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }
}
