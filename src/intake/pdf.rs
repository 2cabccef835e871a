//! PDF intake: a stub until the PDF reader lands (it replaces this file with the same API).

/// The text of a PDF, page by page.
pub struct PdfText {
    pub pages: Vec<PdfPage>,
}

/// One page.
pub struct PdfPage {
    /// 1-based page number.
    pub number: usize,
    pub lines: Vec<PdfLine>,
}

/// One line of a page.
pub struct PdfLine {
    /// Text pieces split at gaps wider than about one em.
    pub cells: Vec<String>,
    /// A running header or footer.
    pub furniture: bool,
}

/// Why a PDF could not be read.
pub enum PdfError {
    Encrypted,
    NoText,
    Malformed(String),
    TooManyPages(usize),
}

/// Reads a PDF's text. `progress(done, total)` is called per page.
pub fn read_pdf(
    _bytes: &[u8],
    _progress: &mut dyn FnMut(usize, usize),
) -> Result<PdfText, PdfError> {
    Err(PdfError::Malformed("ikke tilgjengelig".into()))
}
