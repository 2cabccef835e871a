//! PDF → text lines with cells, page by page, for the engine's document model.
//!
//! The PDF itself is parsed and interpreted by `hayro-interpret` (pure Rust, builds for wasm32);
//! this module only sees the glyphs it draws: each glyph's Unicode text, its position in device
//! space (after the text matrix and the CTM, y growing downwards from the top of the page), its
//! advance and its font size. From those it builds the reading view:
//!
//! - lines: glyphs on one baseline (within a fraction of the font size), sorted by x;
//! - spaces where the gap between two glyphs is wider than 0.15 em (a narrow word space in Times
//!   is 0.25 em; gaps inside a number such as "64 281" are the font's own advances, so digits are
//!   never split apart);
//! - cells: pieces of a line split at gaps wider than about one em (table columns);
//! - reading order top to bottom; a page with two columns (a vertical gutter free of glyphs over
//!   most of the page, prose on both sides) is read left column first, then the right one, with
//!   full-width lines (titles, footers, wide tables) kept in place between the column blocks;
//! - furniture: lines repeated at the same vertical position in the top or bottom band of several
//!   pages (running headers and footers, digits allowed to vary so "Side 3 av 9" matches
//!   "Side 4 av 9"), and page numbers alone on a line in those bands. They stay in the result,
//!   marked, so the reading view can leave them out.
//!
//! Hyphenated word breaks are left as they are (the engine joins them in text).
//!
//! Limits: at most [`MAX_PAGES`] pages; per page at most [`MAX_GLYPHS_PER_PAGE`] glyphs are kept
//! and at most [`MAX_OPS_PER_PAGE`] drawing operations are interpreted ([`MAX_OPS_TOTAL`] for the
//! document); the whole document keeps at most [`MAX_TEXT_CHARS`] characters. Time is linear in the content the interpreter walks, which
//! these bound (a page that draws too much is refused as malformed) — except that a single
//! compressed stream is inflated whole by the parser, so a "flate bomb" is bounded only by the
//! caller's input size limit.
//!
//! Panics: a panic inside the third-party parser is caught with `std::panic::catch_unwind` and
//! becomes [`PdfError::Malformed`]. That only works where panics unwind (native builds). The
//! page's wasm build uses `panic = "abort"`, where nothing can be caught: there a panic ends the
//! worker, and the page must restart the worker and report the file as unreadable.

mod collect;
mod furniture;
mod layout;
mod table;

pub use table::{page_blocks, Block};

use collect::PageGlyphs;

/// Most pages read; longer documents are refused with [`PdfError::TooManyPages`].
pub const MAX_PAGES: usize = 2000;
/// Glyphs kept per page; further glyphs on the page are ignored.
pub const MAX_GLYPHS_PER_PAGE: usize = 200_000;
/// Drawing operations (glyph runs, paths, images, clips, groups) interpreted per page before the
/// page is refused as malformed: bounds the time a hostile page (e.g. forms nested to draw each
/// other exponentially often) can take. A page of a report uses hundreds to a few thousand; one
/// operation costs a few microseconds in a release build.
pub const MAX_OPS_PER_PAGE: usize = 250_000;
/// Drawing operations for the whole document (2 500 per page on average at [`MAX_PAGES`]).
pub const MAX_OPS_TOTAL: usize = 5_000_000;
/// Characters of text kept for the whole document.
pub const MAX_TEXT_CHARS: usize = 32 * 1024 * 1024;

/// The text of a PDF, page by page.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfText {
    pub pages: Vec<PdfPage>,
}

/// One page: its lines in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfPage {
    /// 1-based page number (the physical page, not the printed number).
    pub number: usize,
    pub lines: Vec<PdfLine>,
}

/// One line of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfLine {
    /// Text pieces, left to right, split at gaps wider than about one em (table cells). Inside a
    /// cell, words are separated by single spaces.
    pub cells: Vec<String>,
    /// Each cell's left and right edge in points from the page's left edge (`spans[i]` is
    /// `cells[i]`'s): how table rows are lined up with their columns.
    pub spans: Vec<(f32, f32)>,
    /// Baseline, in points from the top of the page.
    pub y: f32,
    /// Largest font size on the line, in points.
    pub size: f32,
    /// Running header, footer or page number: kept out of the reading view.
    pub furniture: bool,
}

impl PdfLine {
    /// The cells joined by single spaces.
    pub fn text(&self) -> String {
        self.cells.join(" ")
    }
}

/// Why a PDF could not be read; `Display` gives one Norwegian sentence saying what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Encrypted with a password (or with a scheme that cannot be opened without one).
    Encrypted,
    /// No page has any text (a scanned document without a text layer).
    NoText,
    /// Not a readable PDF (truncated, damaged, or too heavy to read); the detail says which.
    Malformed(String),
    /// More pages than [`MAX_PAGES`]; holds the page count.
    TooManyPages(usize),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Encrypted => write!(
                f,
                "PDF-en er passordbeskyttet eller kryptert; åpne den med passordet og lagre en kopi uten passord, og prøv igjen"
            ),
            PdfError::NoText => write!(
                f,
                "PDF-en har ingen tekst (skannet dokument?); kjør tekstgjenkjenning (OCR) først"
            ),
            PdfError::Malformed(detail) => write!(
                f,
                "PDF-en kan ikke leses ({detail}); lagre den på nytt fra programmet den ble laget i (eller skriv den ut som PDF), og prøv igjen"
            ),
            PdfError::TooManyPages(n) => write!(
                f,
                "PDF-en har {n} sider, og grensen er {MAX_PAGES}; del den opp i mindre filer og prøv igjen"
            ),
        }
    }
}

impl std::error::Error for PdfError {}

/// Reads the text of a PDF. `progress(pages_done, page_count)` is called after each page.
pub fn read_pdf(bytes: &[u8], progress: &mut dyn FnMut(usize, usize)) -> Result<PdfText, PdfError> {
    let pages = collect::collect(bytes, progress)?;
    build(pages)
}

/// Layout and furniture over the glyphs of every page; never fails except for no text at all.
fn build(pages: Vec<PageGlyphs>) -> Result<PdfText, PdfError> {
    let mut laid: Vec<layout::PageLines> = Vec::with_capacity(pages.len());
    let mut chars = 0usize;
    for page in pages {
        let lines = layout::lay_out(page);
        chars += lines.char_count();
        if chars > MAX_TEXT_CHARS {
            return Err(PdfError::Malformed(format!(
                "mer enn {} millioner tegn tekst",
                MAX_TEXT_CHARS / 1_000_000
            )));
        }
        laid.push(lines);
    }
    let marks = furniture::mark(&laid);
    let mut any_text = false;
    let pages = laid
        .into_iter()
        .zip(marks)
        .enumerate()
        .map(|(i, (page, marks))| PdfPage {
            number: i + 1,
            lines: page
                .lines
                .into_iter()
                .zip(marks)
                .map(|(line, furniture)| {
                    any_text |= !furniture;
                    PdfLine {
                        spans: line.cells.iter().map(|c| (c.x0, c.x1)).collect(),
                        cells: line.cells.into_iter().map(|c| c.text).collect(),
                        y: line.y,
                        size: line.size,
                        furniture,
                    }
                })
                .collect(),
        })
        .collect();
    if !any_text {
        return Err(PdfError::NoText);
    }
    Ok(PdfText { pages })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_norwegian_sentence_each() {
        let all = [
            PdfError::Encrypted,
            PdfError::NoText,
            PdfError::Malformed("filen er avkortet".into()),
            PdfError::TooManyPages(2500),
        ];
        for e in all {
            let m = e.to_string();
            assert!(m.starts_with("PDF-en "), "{m}");
            assert!(!m.contains('\n') && !m.ends_with('.'), "{m}");
        }
        assert!(PdfError::NoText.to_string().contains("OCR"));
        assert!(PdfError::TooManyPages(2500).to_string().contains("2500"));
    }

    #[test]
    fn not_a_pdf_is_malformed_without_panicking() {
        let mut calls = 0;
        for bytes in [
            &b""[..],
            b"hei",
            b"%PDF-1.7\n",
            b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer",
        ] {
            let r = read_pdf(bytes, &mut |_, _| calls += 1);
            assert!(matches!(r, Err(PdfError::Malformed(_))), "{r:?}");
        }
        assert_eq!(calls, 0);
    }
}
