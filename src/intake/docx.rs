//! Word documents (.docx): `word/document.xml` read with quick-xml into paragraphs and tables.
//!
//! - Paragraphs (`w:p`) and their runs: text (`w:t`), tabs (`w:tab`, written as a wide gap),
//!   line and page breaks (`w:br`, `w:cr`: a new line in the paragraph), non-breaking hyphens.
//! - Tables (`w:tbl`/`w:tr`/`w:tc`): one row per line, cells in aligned columns; a cell spanning
//!   columns (`w:gridSpan`) is followed by empty cells, a vertically merged continuation cell
//!   (`w:vMerge` without `restart`) is empty. A table inside a cell is flattened into the cell.
//! - Content controls (`w:sdt`) are read through; tracked insertions (`w:ins`, `w:moveTo`) are
//!   kept, deletions (`w:del`, `w:moveFrom`) dropped; of `mc:AlternateContent` the first
//!   `mc:Choice` (or else the `mc:Fallback`) is read, once. Text boxes become paragraphs after
//!   the paragraph that anchors them. Field instructions (`w:instrText`) are left out.
//! - Headers, footers, footnotes and comments live in other parts and are not read: they are
//!   not part of the reading text.
//!
//! Limits: the archive's (see `zipped`), and XML nesting deeper than [`MAX_DEPTH`] is refused.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::structured::Structured;
use super::zipped::{Zip, ZipProblem};
use crate::model::Origin;

/// Deepest XML nesting read.
pub const MAX_DEPTH: usize = 256;

/// Why a DOCX could not be read (Norwegian, shown to users).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    Zip(ZipProblem),
    /// No `word/document.xml`.
    NotWord,
    Xml(String),
    TooDeep,
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxError::Zip(p) => p.fmt(f),
            DocxError::NotWord => f.write_str("arkivet har ingen word/document.xml"),
            DocxError::Xml(m) => write!(f, "dokumentets XML er skadet ({m})"),
            DocxError::TooDeep => {
                write!(f, "dokumentets XML er nestet dypere enn {MAX_DEPTH} nivåer")
            }
        }
    }
}

impl From<ZipProblem> for DocxError {
    fn from(p: ZipProblem) -> Self {
        DocxError::Zip(p)
    }
}

/// Reads a .docx from memory.
pub fn read_docx(bytes: &[u8]) -> Result<Structured, DocxError> {
    let mut zip = Zip::open(bytes)?;
    let xml = zip
        .read_text("word/document.xml")?
        .ok_or(DocxError::NotWord)?;
    read_document_xml(&xml)
}

#[derive(Default)]
struct CellB {
    text: String,
    span: usize,
    merged_below: bool,
}

#[derive(Default)]
struct TableB {
    rows: Vec<Vec<CellB>>,
}

/// Where a paragraph's text goes.
enum Frame {
    /// A paragraph being read, and the text boxes found in it (paragraphs of their own).
    Para {
        text: String,
        boxed: Vec<String>,
        /// A list item (numbering or a list style), written with a bullet like a PDF's text.
        list: bool,
    },
    Table(TableB),
    Cell(CellB),
}

struct State {
    out: Structured,
    frames: Vec<Frame>,
    paragraphs: usize,
    tables: usize,
}

impl State {
    fn para_text(&mut self) -> Option<&mut String> {
        self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Para { text, .. } => Some(text),
            _ => None,
        })
    }

    fn push_text(&mut self, s: &str) {
        if let Some(t) = self.para_text() {
            t.push_str(s);
        }
    }

    /// A finished paragraph goes to the innermost paragraph (a text box), cell, or the body.
    fn end_para(&mut self) {
        let Some(pos) = self
            .frames
            .iter()
            .rposition(|f| matches!(f, Frame::Para { .. }))
        else {
            return;
        };
        let Frame::Para { text, boxed, list } = self.frames.remove(pos) else {
            return;
        };
        let text = if list && !text.trim().is_empty() {
            format!("• {}", text.trim_start())
        } else {
            text
        };
        self.frames.truncate(pos);
        let mut all = vec![text];
        all.extend(boxed);
        match self.frames.last_mut() {
            Some(Frame::Para { boxed: outer, .. }) => {
                outer.extend(all.into_iter().filter(|t| !t.trim().is_empty()))
            }
            Some(Frame::Cell(c)) => {
                for t in all {
                    if !t.trim().is_empty() {
                        if !c.text.is_empty() {
                            c.text.push('\n');
                        }
                        c.text.push_str(&t);
                    }
                }
            }
            Some(Frame::Table(_)) => {}
            None => {
                for t in all {
                    if t.trim().is_empty() {
                        continue;
                    }
                    self.paragraphs += 1;
                    self.out.paragraph(
                        &t,
                        Origin {
                            paragraph: Some(self.paragraphs),
                            ..Origin::default()
                        },
                    );
                }
            }
        }
    }

    fn end_table(&mut self) {
        let Some(pos) = self
            .frames
            .iter()
            .rposition(|f| matches!(f, Frame::Table(_)))
        else {
            return;
        };
        let Frame::Table(t) = self.frames.remove(pos) else {
            return;
        };
        self.frames.truncate(pos);
        let rows: Vec<Vec<String>> = t
            .rows
            .into_iter()
            .map(|r| {
                let mut cells = Vec::new();
                for c in r {
                    cells.push(if c.merged_below {
                        String::new()
                    } else {
                        c.text
                    });
                    for _ in 1..c.span.clamp(1, 64) {
                        cells.push(String::new());
                    }
                }
                cells
            })
            .collect();
        match self.frames.last_mut() {
            // A table in a cell: its rows flattened into the cell's text.
            Some(Frame::Cell(c)) => {
                for r in rows {
                    let line = r
                        .iter()
                        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !line.is_empty() {
                        if !c.text.is_empty() {
                            c.text.push('\n');
                        }
                        c.text.push_str(&line);
                    }
                }
            }
            Some(Frame::Para { text, .. }) => {
                for r in rows {
                    text.push(' ');
                    text.push_str(&r.join(" "));
                }
            }
            Some(Frame::Table(_)) | None => {
                self.tables += 1;
                let table = self.tables;
                let origins: Vec<Origin> = (1..=rows.len())
                    .map(|row| Origin {
                        table: Some(table),
                        row: Some(row),
                        ..Origin::default()
                    })
                    .collect();
                self.out.table(&rows, &origins);
            }
        }
    }
}

impl State {
    /// A paragraph property: numbering (`w:numPr`) or a list style makes a list item; a
    /// heading style does not (numbered headings are headings).
    fn paragraph_property(&mut self, e: &BytesStart) {
        let name = e.name();
        let n = local(name.as_ref());
        let list = match n {
            "numPr" => Some(true),
            "pStyle" => {
                let v = attr(e, "val").unwrap_or_default().to_lowercase();
                if v.starts_with("heading") || v.starts_with("overskrift") || v == "title" {
                    Some(false)
                } else if v.contains("list") || v.contains("liste") {
                    Some(true)
                } else {
                    None
                }
            }
            _ => None,
        };
        let heading = n == "pStyle" && list == Some(false);
        if let Some(Frame::Para { list: l, .. }) = self.frames.last_mut() {
            if heading {
                *l = false;
            } else if list == Some(true) {
                *l = true;
            }
        }
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attr(e: &BytesStart, want: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        if local(a.key.as_ref()) == want {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        } else {
            None
        }
    })
}

/// Reads `word/document.xml` (also used by the fuzz target).
pub fn read_document_xml(xml: &str) -> Result<Structured, DocxError> {
    let mut reader = Reader::from_str(xml);
    let cfg = reader.config_mut();
    cfg.check_end_names = false;
    cfg.allow_unmatched_ends = true;
    let mut st = State {
        out: Structured::new(),
        frames: Vec::new(),
        paragraphs: 0,
        tables: 0,
    };
    let mut depth = 0usize;
    // Skipping an element's content: the depth at which it started.
    let mut skip: Option<usize> = None;
    // mc:AlternateContent: per open one, whether a branch was taken already.
    let mut alternates: Vec<(usize, bool)> = Vec::new();
    let mut in_text = false;
    // Inside a paragraph's properties (w:pPr): only list numbering and style are looked at.
    let mut ppr: Option<usize> = None;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| DocxError::Xml(e.to_string()))?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(DocxError::TooDeep);
                }
                if skip.is_some() {
                    continue;
                }
                if ppr.is_some() {
                    st.paragraph_property(&e);
                    continue;
                }
                let name = e.name();
                let n = local(name.as_ref());
                match n {
                    "del" | "moveFrom" | "instrText" | "delText" | "delInstrText" | "rPr"
                    | "tblPr" | "sectPr" | "footnoteReference" | "commentReference" => {
                        // Deleted text, field codes, and properties (no text; tcPr is read
                        // for spans and merges, so it is not skipped).
                        skip = Some(depth);
                    }
                    "AlternateContent" => alternates.push((depth, false)),
                    "Choice" | "Fallback" => match alternates.last_mut() {
                        Some((d, taken)) if *d + 1 == depth => {
                            if *taken {
                                skip = Some(depth);
                            } else {
                                *taken = true;
                            }
                        }
                        _ => {}
                    },
                    "p" => st.frames.push(Frame::Para {
                        text: String::new(),
                        boxed: Vec::new(),
                        list: false,
                    }),
                    "pPr" => ppr = Some(depth),
                    "tbl" => st.frames.push(Frame::Table(TableB::default())),
                    "tr" => {
                        if let Some(Frame::Table(t)) = st.frames.last_mut() {
                            t.rows.push(Vec::new());
                        }
                    }
                    "tc" => st.frames.push(Frame::Cell(CellB {
                        span: 1,
                        ..CellB::default()
                    })),
                    "t" => in_text = true,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip.is_some() || depth + 1 > MAX_DEPTH {
                    continue;
                }
                if ppr.is_some() {
                    st.paragraph_property(&e);
                    continue;
                }
                let name = e.name();
                match local(name.as_ref()) {
                    "tab"
                        if !matches!(
                            st.frames.last(),
                            Some(Frame::Cell(_)) | Some(Frame::Table(_))
                        ) =>
                    {
                        st.push_text("\t")
                    }
                    "br" | "cr" => st.push_text("\n"),
                    "noBreakHyphen" => st.push_text("-"),
                    "gridSpan" => {
                        if let Some(Frame::Cell(c)) = st.frames.last_mut() {
                            c.span = attr(&e, "val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1)
                                .max(1);
                        }
                    }
                    "vMerge" => {
                        if let Some(Frame::Cell(c)) = st.frames.last_mut() {
                            c.merged_below = attr(&e, "val").as_deref() != Some("restart");
                        }
                    }
                    "p" => {
                        // An empty paragraph: nothing to write.
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                let d = depth;
                depth = depth.saturating_sub(1);
                if let Some(s) = skip {
                    if d == s {
                        skip = None;
                    }
                    continue;
                }
                if let Some(p) = ppr {
                    if d == p {
                        ppr = None;
                    }
                    continue;
                }
                let name = e.name();
                match local(name.as_ref()) {
                    "AlternateContent" if alternates.last().is_some_and(|(ad, _)| *ad == d) => {
                        alternates.pop();
                    }
                    "p" => st.end_para(),
                    "tbl" => st.end_table(),
                    "tc" => {
                        // Close any paragraph left open inside the cell.
                        while matches!(st.frames.last(), Some(Frame::Para { .. })) {
                            st.end_para();
                        }
                        if let Some(Frame::Cell(c)) = st.frames.pop() {
                            if let Some(Frame::Table(t)) = st.frames.last_mut() {
                                if t.rows.is_empty() {
                                    t.rows.push(Vec::new());
                                }
                                if let Some(r) = t.rows.last_mut() {
                                    r.push(c);
                                }
                            }
                        }
                    }
                    "t" => in_text = false,
                    _ => {}
                }
            }
            Event::Text(t) if skip.is_none() && in_text => st.push_text(&t.xml10_content()),
            Event::CData(t) if skip.is_none() && in_text => st.push_text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                if skip.is_some() || !in_text {
                    continue;
                }
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    let mut b = [0u8; 4];
                    st.push_text(c.encode_utf8(&mut b));
                } else if let Some(s) =
                    quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                {
                    st.push_text(s);
                }
            }
            _ => {}
        }
    }
    // Unclosed elements at the end (a truncated part): write what was read.
    while let Some(f) = st.frames.last() {
        match f {
            Frame::Para { .. } => st.end_para(),
            Frame::Table(_) => st.end_table(),
            Frame::Cell(_) => {
                st.frames.pop();
            }
        }
    }
    Ok(st.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn read(body: &str) -> Structured {
        read_document_xml(&format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        ))
        .unwrap()
    }

    #[test]
    fn paragraphs_runs_tracked_changes_and_alternates() {
        let s = read(
            r#"<w:p><w:r><w:t>Sykefravær </w:t></w:r><w:ins><w:r><w:t>9,0</w:t></w:r></w:ins><w:del><w:r><w:delText>8,0</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> % &amp; mer</w:t></w:r></w:p>
               <w:p/>
               <w:p><w:sdt><w:sdtContent><w:r><w:t>Kontroll</w:t></w:r></w:sdtContent></w:sdt><w:r><mc:AlternateContent><mc:Choice><w:t>A</w:t></mc:Choice><mc:Fallback><w:t>B</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
               <w:p><w:r><w:t>Linje</w:t><w:br/><w:t>to</w:t><w:tab/><w:t>tre</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            s.text,
            "Sykefravær 9,0 % & mer\n\nKontrollA\n\nLinje\nto  tre\n\n"
        );
        assert_eq!(s.origins[0].paragraph, Some(1));
        assert_eq!(s.origins[2].paragraph, Some(2));
        assert_eq!(s.origins[5].paragraph, Some(3));
    }

    #[test]
    fn tables_with_spans_and_merges() {
        let s = read(
            r#"<w:p><w:r><w:t>Tabell 1: Ventetid</w:t></w:r></w:p>
            <w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Foretak</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Dager</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Helse</w:t></w:r></w:p><w:p><w:r><w:t>Bergen</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>63</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>46</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1 200</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>300</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        assert_eq!(
            s.text,
            "Tabell 1: Ventetid\n\nForetak        Dager\nHelse Bergen   63      46\n                  1 200   300\n\n"
                .replace("                  1 200", "               1 200")
        );
        assert_eq!(s.origins[2].table, Some(1));
        assert_eq!(s.origins[3].row, Some(2));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "<w:sdt>".repeat(MAX_DEPTH + 5);
        let xml = format!("<w:document {W}><w:body>{deep}</w:body></w:document>");
        assert_eq!(read_document_xml(&xml).unwrap_err(), DocxError::TooDeep);
    }
}
