//! Tables flattened one cell per line, as some PDF extractions write them:
//!
//! ```text
//! Tabell 3: Ventetid (dagar) per føretak
//! Føretak
//! Somatikk
//! PHV
//! Helse Bergen
//! 63
//! 46
//! Helse Stavanger
//! 59
//! 42
//! ```
//!
//! A row is a label line followed by the same number (two or more) of lines that each hold one
//! figure; at least two such rows in a row make a table. The header is the run of short label
//! lines just before the first row, one per column.

use crate::document::{is_noise_line, Document};
use crate::extract::numbers::{lex, NumUnit, NumberKind};
use crate::extract::tables::{caption_number, Cell, ColumnMeta, FoundRow, FoundTable};

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Figure,
    Label,
    Other,
}

struct Item<'a> {
    text: &'a str,
    line: usize,
    kind: Kind,
}

fn figure_cell(text: &str) -> Option<Cell> {
    let toks = lex(text);
    if toks.len() != 1 {
        return None;
    }
    let t = &toks[0];
    if t.kind != NumberKind::Quantity || !t.value.is_finite() {
        return None;
    }
    // The whole line is the figure (and its unit).
    let covered = text.get(t.span.clone()).map_or(0, |s| s.trim().len());
    if covered + 2 < text.trim().len() {
        return None;
    }
    Some(Cell {
        text: text.trim().to_string(),
        value: Some(t.value),
        resolution: t.resolution,
        unit: t.unit,
        note: None,
    })
}

fn classify(text: &str) -> Kind {
    if figure_cell(text).is_some() {
        return Kind::Figure;
    }
    let words = text.split_whitespace().count();
    let letters = text.chars().any(char::is_alphabetic);
    if letters
        && words <= 8
        && !text.trim_end().ends_with(['.', ':', ';'])
        && text.chars().count() <= 70
    {
        Kind::Label
    } else {
        Kind::Other
    }
}

fn year_in(h: &str) -> Option<i32> {
    lex(h)
        .iter()
        .find(|t| t.kind == NumberKind::Year)
        .map(|t| t.value as i32)
}

/// Finds tables written one cell per line. Linear in the number of lines.
pub fn find_cell_per_line_tables(doc: &Document) -> Vec<FoundTable> {
    let items: Vec<Item> = doc
        .lines
        .iter()
        .filter_map(|l| {
            let text = doc.text.get(l.start..l.end)?.trim();
            if text.is_empty() {
                return None;
            }
            let kind = classify(text);
            // A lone number is a page number to the noise filter, but here it may be a cell.
            if kind != Kind::Figure && is_noise_line(text) {
                return None;
            }
            Some(Item {
                text,
                line: l.number,
                kind,
            })
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        // A row: label + k figures.
        let row_at = |at: usize| -> Option<usize> {
            if items.get(at)?.kind != Kind::Label {
                return None;
            }
            let k = items[at + 1..]
                .iter()
                .take_while(|x| x.kind == Kind::Figure)
                .count();
            (k >= 2).then_some(k)
        };
        let Some(k) = row_at(i) else {
            i += 1;
            continue;
        };
        let mut rows: Vec<(usize, usize)> = Vec::new(); // (label index, k)
        let mut j = i;
        while let Some(kk) = row_at(j) {
            if kk != k || rows.len() >= 10_000 {
                break;
            }
            rows.push((j, kk));
            j += 1 + kk;
        }
        if rows.len() < 2 {
            i += 1;
            continue;
        }
        // Header: up to k + 1 label lines right before the first row.
        let mut h = i;
        while h > 0
            && i - h < k + 1
            && items[h - 1].kind == Kind::Label
            && items[h - 1].text.split_whitespace().count() <= 5
        {
            h -= 1;
        }
        let mut header: Vec<String> = items[h..i].iter().map(|x| x.text.to_string()).collect();
        if header.len() == k {
            header.insert(0, String::new());
        }
        let (header, first_line) = if header.len() == k + 1 {
            (header, items[h].line)
        } else {
            (vec![String::new(); k + 1], items[i].line)
        };
        let caption_item = (h > 0).then(|| &items[h - 1]).filter(|x| {
            let t = x.text.trim_start();
            t.starts_with("Tabell") || t.starts_with("Tab.")
        });
        let caption = caption_item.map(|x| x.text.to_string());
        let columns = header[1..]
            .iter()
            .map(|hd| ColumnMeta {
                year: year_in(hd),
                header: Some(hd.clone()),
            })
            .collect();
        let found_rows: Vec<FoundRow> = rows
            .iter()
            .map(|&(at, kk)| {
                let cells: Vec<Cell> = items[at + 1..at + 1 + kk]
                    .iter()
                    .map(|x| {
                        figure_cell(x.text).unwrap_or(Cell {
                            text: x.text.to_string(),
                            value: None,
                            resolution: 0.0,
                            unit: NumUnit::None,
                            note: None,
                        })
                    })
                    .collect();
                FoundRow {
                    label: items[at].text.to_string(),
                    cells,
                    line: items[at + 1].line,
                    end_line: items[at + kk].line,
                    label_line: items[at].line,
                    padded: false,
                }
            })
            .collect();
        let end_line = found_rows.last().map_or(first_line, |r| r.end_line);
        out.push(FoundTable {
            caption: caption.clone(),
            number: caption.as_deref().and_then(caption_number),
            header,
            columns,
            rows: found_rows,
            line: caption_item.map_or(first_line, |c| c.line),
            end_line,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_cell_per_line_table_is_rebuilt() {
        let text = "Tabell 3: Ventetid (dagar) per føretak\n\nFøretak\n\nSomatikk\n\nPHV\n\nHelse Bergen\n\n63\n\n46\n\nHelse Stavanger\n\n59\n\n42\n\nDette er prosa etter tabellen.\n";
        let doc = Document::new(text.to_string());
        let t = find_cell_per_line_tables(&doc);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].header, vec!["Føretak", "Somatikk", "PHV"]);
        assert_eq!(t[0].number, Some(3));
        assert_eq!(t[0].rows[1].label, "Helse Stavanger");
        assert_eq!(t[0].rows[1].cells[1].value, Some(42.0));
        assert_eq!(t[0].rows[0].line, 11);
    }

    #[test]
    fn prose_and_ordinary_tables_are_not_taken() {
        let doc = Document::new(
            "Helse Bergen 63 46\nHelse Stavanger 59 42\nKravet er oppfylt.\n".to_string(),
        );
        assert!(find_cell_per_line_tables(&doc).is_empty());
        let doc = Document::new("Side 3\n\n12\n\nIntern\n\n13\n".to_string());
        assert!(find_cell_per_line_tables(&doc).is_empty());
    }
}
