//! Tables continued after a page break: when a table is the part after a page break of the
//! one before it, and the document's tables with such parts joined.

use super::*;

impl FoundTable {
    /// Whether this table is the part after a page break of `prev`: the same header, begun
    /// within a page's furniture of `prev`'s last row, and no caption of its own or one that
    /// says it goes on ("Tabell 2 (forts.)", `data/table_continued_words.txt`) or repeats
    /// `prev`'s number.
    pub fn continues(&self, prev: &FoundTable) -> bool {
        if self.header != prev.header
            || self.header.len() < 2
            || self.line <= prev.end_line
            || self.line > prev.end_line + MAX_CONTINUATION_GAP
        {
            return false;
        }
        match &self.caption {
            None => true,
            Some(c) => {
                let lex = crate::document::lexicon();
                (self.number.is_some() && self.number == prev.number)
                    || fold(c)
                        .split(|ch: char| ch.is_whitespace() || ch == '(' || ch == ')')
                        .any(|w| lex.continued.contains(w))
            }
        }
    }
}

/// Lines of page furniture (footer, header, page number) a table may cross and go on.
pub const MAX_CONTINUATION_GAP: usize = 15;

/// The document's tables with each part after a page break joined to the table it continues
/// (see [`FoundTable::continues`]): one table, its rows in order, for checks over whole columns.
pub fn join_continued(tables: &[FoundTable]) -> Vec<FoundTable> {
    let mut out: Vec<FoundTable> = Vec::with_capacity(tables.len());
    for t in tables {
        match out.last_mut() {
            Some(prev) if t.continues(prev) => {
                prev.rows.extend(t.rows.iter().cloned());
                prev.end_line = t.end_line;
            }
            _ => out.push(t.clone()),
        }
    }
    out
}
