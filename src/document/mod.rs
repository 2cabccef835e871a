//! The document model: the decoded text as lines with their original 1-based numbers, and a
//! normalised reading view (hyphenation joined, footers, page numbers, links and bullets dropped,
//! lines of one sentence joined) in which every position maps back to its original line.

mod columns;
pub(crate) use columns::segments as cells_of;
mod layout;
mod lexicon;
pub mod noise;
pub mod pipes;
pub mod reading;
pub mod sections;

pub(crate) use lexicon::{hyphen_break, lexicon, HyphenBreak, WordSet};
pub use noise::is_noise_line;
pub use reading::{Reading, Sentence, UnitKind};
pub use sections::Section;

/// One line of the input as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the input (every line counted).
    pub number: usize,
    /// Byte offsets of the line's text in `Document::text`, without its line terminator.
    pub start: usize,
    pub end: usize,
}

/// A decoded text split into lines (`\n`, `\r\n` and lone `\r` all end a line).
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub lines: Vec<Line>,
}

impl Document {
    pub fn new(text: String) -> Self {
        let mut lines = Vec::new();
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    lines.push(Line {
                        number: lines.len() + 1,
                        start,
                        end: i,
                    });
                    i += 1;
                    start = i;
                }
                b'\r' => {
                    lines.push(Line {
                        number: lines.len() + 1,
                        start,
                        end: i,
                    });
                    i += if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    start = i;
                }
                _ => i += 1,
            }
        }
        if start < bytes.len() {
            lines.push(Line {
                number: lines.len() + 1,
                start,
                end: bytes.len(),
            });
        }
        Document { text, lines }
    }

    /// Number of lines in the input.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Text of 1-based line `number` (empty when out of range).
    pub fn line_text(&self, number: usize) -> &str {
        match number.checked_sub(1).and_then(|i| self.lines.get(i)) {
            Some(l) => &self.text[l.start..l.end],
            None => "",
        }
    }

    /// The normalised reading view (see `reading`). Linear in the text length.
    pub fn reading(&self) -> Reading {
        Reading::of(self)
    }

    /// Headings with their levels and line spans (see `sections`). Linear in the text length.
    pub fn sections(&self) -> Vec<Section> {
        sections::sections(self)
    }

    /// 1-based line holding byte offset `offset` of `text`.
    pub fn line_of_offset(&self, offset: usize) -> usize {
        match self.lines.binary_search_by(|l| l.start.cmp(&offset)) {
            Ok(i) => i + 1,
            Err(0) => 1,
            Err(i) => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_line_endings_count_every_line() {
        let d = Document::new("a\r\nb\rc\n\nd".to_string());
        assert_eq!(d.line_count(), 5);
        assert_eq!(d.line_text(3), "c");
        assert_eq!(d.line_text(4), "");
        assert_eq!(d.line_text(5), "d");
        assert_eq!(d.line_of_offset(d.lines[4].start), 5);
    }

    /// The CSV reader's row lines (`intake::read_table`) are the document's line numbers, with
    /// CRLF, lone CR and a line break inside a quoted field.
    #[test]
    fn csv_row_lines_are_document_lines() {
        let text = "a;b\r\n1;2\r\n\r\n\"3\r\n4\";5\r\n6;7\r8;9\r\r10;11";
        let t = crate::intake::read_table(text);
        let doc = Document::new(text.to_string());
        assert_eq!(t.row_lines, vec![2, 4, 6, 7, 9]);
        for (row, &line) in t.rows.iter().zip(&t.row_lines) {
            assert!(doc.line_text(line).contains(row[0].lines().next().unwrap()));
        }
    }
}
