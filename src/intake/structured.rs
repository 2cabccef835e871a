//! The text a structured file (PDF, DOCX, XLSX, ODS) becomes, with the origin of every line.
//!
//! The engine reads one kind of input: lines of text. A structured file is written out in the
//! layout the engine reads best, the layout of a text extracted from a PDF with its columns kept:
//! - a paragraph is one line; paragraphs are separated by a blank line, so a heading is never
//!   joined to the paragraph under it;
//! - a table is one line per row, its cells padded into aligned columns at least three spaces
//!   apart (the table reader splits cells at gaps of two or more spaces, reads the header by the
//!   columns the pieces sit under, and never joins "200 000   200 000" into one figure), with a
//!   blank line before and after.
//!
//! Every line carries an [`Origin`] (page, paragraph, table row, sheet cell), so results can say
//! where in the file they come from.

use crate::report::{Format, Origin};

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

    /// Appends a table: one line per row, cells padded into aligned columns. `origins[i]` is
    /// row `i`'s origin. Cells are written on one line each (line breaks become spaces); blank
    /// rows are left out.
    pub fn table(&mut self, rows: &[Vec<String>], origins: &[Origin]) {
        let clean: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| one_line(c)).collect())
            .collect();
        let cols = clean.iter().map(Vec::len).max().unwrap_or(0);
        let mut width = vec![0usize; cols];
        for r in &clean {
            for (i, c) in r.iter().enumerate() {
                width[i] = width[i].max(c.chars().count());
            }
        }
        self.blank();
        for (r, origin) in clean.iter().zip(
            origins
                .iter()
                .cloned()
                .chain(std::iter::repeat(Origin::default())),
        ) {
            if r.iter().all(|c| c.is_empty()) {
                continue;
            }
            let last = r.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
            let mut line = String::new();
            for (i, c) in r.iter().enumerate().take(last + 1) {
                line.push_str(c);
                if i < last {
                    let pad = width[i] - c.chars().count() + COLUMN_GAP;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            self.line(&line, origin);
        }
        self.blank();
    }
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
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }
}
