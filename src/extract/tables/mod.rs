//! The table reader: rebuilds tables that PDF extraction flattened into plain text.
//!
//! A flattened table looks like this (header cells wrapped over lines, a row label wrapped, values
//! on the next line, a page break with footers in the middle):
//!
//! ```text
//! Tabell 5: Sykefravær
//! Sykefravær 2024 2023
//! Hemit HF 6,9 % 6,1 %
//! Sykehusapotekene i Midt-Norge
//! HF
//! 9,6 % 10,0 %
//! Totalt 8,9 % 9,1 %
//! ```
//!
//! How it reads:
//! - Lines are taken without blank lines; a line with an unclosed parenthesis is joined with the
//!   next one ("1 100 000 (100%" + "stilling) 200 000"). Footers (page numbers, "Side 7", URLs,
//!   mailto, footnotes naming a file) are skipped, so a table split by a page break goes on.
//! - A *row* is a label (words, possibly empty) followed by numeric cells: numbers with an optional
//!   unit ("9,0 %", "10,2 per 100 000", "12 mill.") and an optional parenthesised note
//!   ("321 (6,3 %)", "1 100 000 (100% stilling)"). The note is kept on its cell (`Cell::note`), so
//!   "BEHOV 2030 (% ENDRING)" is one column whose cells are counts with a % change note.
//! - Short lines without numbers between rows are a wrapped label of the next row.
//! - Thousands are grouped with spaces, so "302 321" may be one number or two cells. Each row is
//!   split the way that keeps its cells of similar size and, among equals, matches the table's
//!   column count ("302 321 (6,3 %) 352" → 302 | 321 | 352; "2 200 000 2 366 000" → two cells).
//! - The lines between the caption (or the prose before) and the first row are the header; its
//!   pieces are regrouped into one header per column (label column first).
//! - A table ends at prose (a long line, a sentence ending with a full stop), at a caption, or
//!   after several lines without numbers. It needs at least two rows, two of them full width.
//!
//! Rows with fewer cells than the table are right-aligned (blank cells first) and marked
//! `padded`, because a PDF drops empty cells without trace.

use crate::document::lexicon;
use crate::document::Document;
use crate::extract::numbers::NumUnit;
use crate::model::Table;
use crate::text::fold;

mod assemble;
mod continuation;
mod header;
mod lines;
mod row;
#[cfg(test)]
mod tests;
mod tokens;

pub use assemble::caption_number;
use assemble::*;
pub use continuation::{join_continued, MAX_CONTINUATION_GAP};
pub(crate) use header::{column_pieces, year_in, Piece};
use lines::*;
pub(crate) use tokens::requirement_sign;

/// A parenthesised note on a cell: "(6,3 %)" or "(100% stilling)".
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The text inside the parentheses.
    pub text: String,
    /// Its value when the note is one figure ("6,3 %" → 6.3); `None` for words.
    pub value: Option<f64>,
    pub resolution: f64,
    pub unit: NumUnit,
}

impl Note {
    /// The interval the written figure stands for.
    pub fn interval(&self) -> Option<(f64, f64)> {
        self.value
            .map(|v| (v - self.resolution / 2.0, v + self.resolution / 2.0))
    }
}

/// One cell of a row. A blank cell (padding) has empty text and no value.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The cell as written, with unit and note ("321 (6,3 %)").
    pub text: String,
    /// Value in base units (percent as 9.0 for "9,0 %", "12 mill." as 12e6).
    pub value: Option<f64>,
    /// Size of one step in the last written digit, in base units.
    pub resolution: f64,
    pub unit: NumUnit,
    pub note: Option<Note>,
}

impl Cell {
    fn blank() -> Self {
        Cell {
            text: String::new(),
            value: None,
            resolution: 0.0,
            unit: NumUnit::None,
            note: None,
        }
    }

    /// True for a padding cell.
    pub fn is_blank(&self) -> bool {
        self.value.is_none() && self.text.is_empty()
    }

    /// The interval the written figure stands for.
    pub fn interval(&self) -> Option<(f64, f64)> {
        self.value
            .map(|v| (v - self.resolution / 2.0, v + self.resolution / 2.0))
    }
}

/// One row: its label and one cell per value column.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundRow {
    /// The label with wrapped lines joined and spaces collapsed.
    pub label: String,
    /// Exactly one cell per value column (`FoundTable::columns`).
    pub cells: Vec<Cell>,
    /// 1-based line of the values.
    pub line: usize,
    /// Last line of the values (differs when a note wraps).
    pub end_line: usize,
    /// 1-based line where the label starts.
    pub label_line: usize,
    /// The row had fewer cells than the table; blank cells were put first (a guess).
    pub padded: bool,
}

/// What is known of one value column.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMeta {
    /// The year its header names ("des. 2023" → 2023).
    pub year: Option<i32>,
    /// Its header text, when there is one.
    pub header: Option<String>,
}

/// A table rebuilt from the text.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundTable {
    /// "Tabell 4: Ventetider", or a short title line ending in ':' just before the table.
    pub caption: Option<String>,
    /// N of "Tabell N".
    pub number: Option<u32>,
    /// One header per column, the label column first (empty strings where unknown).
    pub header: Vec<String>,
    /// One entry per value column (`header.len() - 1`).
    pub columns: Vec<ColumnMeta>,
    pub rows: Vec<FoundRow>,
    /// First line (caption, header or first row).
    pub line: usize,
    /// Last line of the last row.
    pub end_line: usize,
}

impl FoundTable {
    /// The table in the JSON contract: header and rows of strings, the label first.
    pub fn to_contract(&self) -> Table {
        let width = self.header.len();
        Table {
            line: self.line,
            end_line: self.end_line,
            caption: self.caption.clone(),
            header: self.header.clone(),
            rows: self
                .rows
                .iter()
                .map(|r| {
                    let mut v = Vec::with_capacity(width);
                    v.push(r.label.clone());
                    v.extend(r.cells.iter().map(|c| c.text.clone()));
                    v
                })
                .collect(),
            row_lines: self.rows.iter().map(|r| r.line).collect(),
        }
    }

    /// Number of value columns.
    pub fn width(&self) -> usize {
        self.columns.len()
    }
}

/// Finds the tables in `doc`. Linear in the length of the text; never panics.
pub fn find_tables(doc: &Document) -> Vec<FoundTable> {
    let lines = logical_lines(doc);
    let mut out = Vec::new();
    let mut idle = Idle::default();
    let mut current: Option<Candidate> = None;
    for ll in lines {
        let class = classify(&ll);
        if let Some(cand) = current.as_mut() {
            match class {
                Class::Noise => {}
                Class::PageNumber(row) => {
                    // A bare small number is a page number unless a label waits for its values.
                    if !cand.pending.is_empty() {
                        cand.push_row(ll, row);
                    }
                }
                Class::Row(row) => cand.push_row(ll, row),
                Class::Text => {
                    // "Universitetssykehuset Nord-  61  64" then "Norge" alone: the row's label
                    // broken at its hyphen goes on under it, not into the next row's label.
                    if cand.pending.is_empty() {
                        if let Some((row, ..)) = cand.rows.last_mut() {
                            let piece = ll.text.trim();
                            if piece.split_whitespace().count() <= 3
                                && piece.starts_with(char::is_alphabetic)
                                && crate::document::hyphen_break(&row.label, piece).is_some()
                            {
                                join_label(&mut row.label, piece);
                                continue;
                            }
                        }
                    }
                    cand.pending.push(ll);
                    if cand.pending.len() > MAX_LABEL_LINES {
                        let c = current.take();
                        finish(c, &mut idle, &mut out);
                    }
                }
                Class::Caption(..) | Class::Prose | Class::Title => {
                    let c = current.take();
                    finish(c, &mut idle, &mut out);
                    current = idle.feed(ll, class);
                }
            }
        } else {
            current = idle.feed(ll, class);
        }
    }
    finish(current, &mut idle, &mut out);
    out
}

/// Most lines without numbers a wrapped label may take inside a table.
const MAX_LABEL_LINES: usize = 4;
/// Most lines kept as a possible header before the first row.
const MAX_PENDING: usize = 14;
/// Most free thousands boundaries in a row tried every way (2^n cuts); beyond, only all-joined
/// and none-joined are tried. Keeps a row to at most 64 cuts.
const MAX_FREE_JOINS: usize = 6;
/// Most space-separated groups in one number ("999 999 999 999").
const MAX_CHAIN: usize = 4;
/// Longest label a row may have (characters).
const MAX_LABEL_CHARS: usize = 60;
/// Lines longer than this (characters) are prose, unless laid out in columns (see
/// [`laid_out_in_columns`]) and no longer than [`MAX_WIDE_ROW_CHARS`].
const MAX_TABLE_LINE_CHARS: usize = 80;
/// Longest line read as a row of a wide table laid out in columns (a landscape page).
const MAX_WIDE_ROW_CHARS: usize = 200;

/// A line whose text after its first word stands in three or more blocks apart by runs of two
/// or more spaces ("Akershus universitetssykehus HF    118 400    71    66    -5    2,5 %"):
/// a row of a wide table, not a line of prose, however long.
fn laid_out_in_columns(t: &str) -> bool {
    t.trim()
        .split("  ")
        .filter(|p| !p.trim().is_empty())
        .count()
        >= 4
}
