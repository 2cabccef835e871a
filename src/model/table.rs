//! A table as the document gives it: caption, header and rows of cell text.

use serde::{Deserialize, Serialize};

/// A table found in the text (rebuilt from its PDF flattening) or read from a CSV file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub line: usize,
    pub end_line: usize,
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// 1-based line of each row's values (added to contract v1; additive).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub row_lines: Vec<usize>,
}
