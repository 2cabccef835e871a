//! Where a document came from: its format, and the origin of each of its lines in a structured
//! file.

use serde::{Deserialize, Serialize};

/// The format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Csv,
    Pdf,
    Docx,
    Xlsx,
    Ods,
}

/// Where one line of the analysed text came from in a structured file (PDF page, DOCX
/// paragraph, spreadsheet cell). Serialised beside `line` on indicators, verdicts, findings,
/// figures and tables; every field is left out when unknown (added to contract v1; additive).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// 1-based PDF page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// 1-based line on that PDF page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_line: Option<usize>,
    /// 1-based DOCX paragraph (body paragraphs and table rows counted in reading order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// 1-based DOCX table, for a line that is a table row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<usize>,
    /// 1-based row in that table (DOCX) or sheet (XLSX/ODS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Spreadsheet sheet name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Spreadsheet cell ("B4"): the row's first cell, or the cell holding the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Origin {
    pub fn is_empty(&self) -> bool {
        *self == Origin::default()
    }

    /// Short human form: "side 7", "avsnitt 14", "tabell 2, rad 3", "Ark1!B4".
    pub fn label(&self, english: bool) -> Option<String> {
        if let Some(p) = self.page {
            return Some(format!("{} {p}", if english { "page" } else { "side" }));
        }
        if let (Some(s), Some(c)) = (&self.sheet, &self.cell) {
            return Some(format!("{s}!{c}"));
        }
        if let Some(s) = &self.sheet {
            return Some(s.clone());
        }
        if let (Some(t), Some(r)) = (self.table, self.row) {
            return Some(if english {
                format!("table {t}, row {r}")
            } else {
                format!("tabell {t}, rad {r}")
            });
        }
        self.paragraph
            .map(|p| format!("{} {p}", if english { "paragraph" } else { "avsnitt" }))
    }
}
