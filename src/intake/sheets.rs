//! Spreadsheets: XLSX through calamine (cells streamed with their style, so each value is written
//! with its number format: 0.075 formatted as percent is "7,5 %"), ODS read here from
//! `content.xml` with quick-xml (calamine's ODS reader drops the value type, so a percentage would
//! arrive as 0.075). Each sheet becomes a table under a line with the sheet's name; numbers are
//! written the Norwegian way (decimal comma, thousands apart by a space).
//!
//! Limits: the archive's (see `zipped`); at most [`MAX_CELLS`] non-empty cells per workbook;
//! columns past [`MAX_COLUMNS`] are dropped; repeated ODS rows and cells are expanded only when
//! they hold something.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use quick_xml::events::{BytesStart, Event};

use super::structured::{column_name, Structured};
use super::zipped::{Zip, ZipProblem};
use crate::model::Origin;
use crate::text::{Grouping, Minus, NumberFormat, Rounding};

/// Most non-empty cells read from one workbook.
pub const MAX_CELLS: usize = 1_000_000;
/// Columns past this are dropped.
pub const MAX_COLUMNS: u32 = 256;
/// Deepest XML nesting read in ODS.
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    Zip(ZipProblem),
    Read(String),
    TooManyCells,
    TooDeep,
    Empty,
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::Zip(p) => p.fmt(f),
            SheetError::Read(m) => write!(f, "regnearket kunne ikke leses ({m})"),
            SheetError::TooManyCells => {
                write!(f, "regnearket har mer enn {MAX_CELLS} utfylte celler")
            }
            SheetError::TooDeep => {
                write!(f, "regnearkets XML er nestet dypere enn {MAX_DEPTH} nivåer")
            }
            SheetError::Empty => f.write_str("regnearket har ingen utfylte celler"),
        }
    }
}

impl From<ZipProblem> for SheetError {
    fn from(p: ZipProblem) -> Self {
        SheetError::Zip(p)
    }
}

/// One sheet: its name and its non-empty cells by (row, column), 0-based.
struct Sheet {
    name: String,
    cells: BTreeMap<(u32, u32), String>,
}

/// Reads an .xlsx from memory.
pub fn read_xlsx(bytes: &[u8]) -> Result<Structured, SheetError> {
    // calamine inflates parts itself: check the whole archive against the limits first.
    Zip::open(bytes)?.check_all()?;
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| SheetError::Read(e.to_string()))?;
    let names = book.sheet_names();
    let mut sheets = Vec::new();
    let mut total = 0usize;
    for name in names {
        let mut cells = BTreeMap::new();
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| SheetError::Read(e.to_string()))?;
        let styles: Vec<Option<String>> = reader
            .styles()
            .iter()
            .map(|s| s.number_format.as_ref().map(|n| n.format_code.clone()))
            .collect();
        while let Some((cell, style)) = reader
            .next_cell_with_style_id()
            .map_err(|e| SheetError::Read(e.to_string()))?
        {
            let (row, col) = cell.get_position();
            if col >= MAX_COLUMNS {
                continue;
            }
            let fmt = styles.get(style).and_then(|s| s.as_deref());
            let text = match cell.get_value() {
                DataRef::Empty => continue,
                DataRef::Int(i) => format_number(*i as f64, fmt),
                DataRef::Float(f) => format_number(*f, fmt),
                DataRef::String(s) => s.clone(),
                DataRef::SharedString(s) => s.to_string(),
                DataRef::Bool(b) => if *b { "SANN" } else { "USANN" }.to_string(),
                DataRef::DateTime(d) => {
                    if d.is_duration() {
                        format_number(d.as_f64(), None)
                    } else {
                        let (y, m, day, h, min, _, _) = d.to_ymd_hms_milli();
                        if h == 0 && min == 0 {
                            format!("{day:02}.{m:02}.{y:04}")
                        } else {
                            format!("{day:02}.{m:02}.{y:04} {h:02}:{min:02}")
                        }
                    }
                }
                DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
                DataRef::Error(e) => format!("#{e:?}"),
            };
            if text.trim().is_empty() {
                continue;
            }
            total += 1;
            if total > MAX_CELLS {
                return Err(SheetError::TooManyCells);
            }
            cells.insert((row, col), text);
        }
        sheets.push(Sheet { name, cells });
    }
    write_sheets(sheets)
}

/// Reads ODS `content.xml` text (the fuzz target's entry to the ODS parser).
pub fn read_ods_content(xml: &str) -> Result<Structured, SheetError> {
    write_sheets(read_content_xml(xml)?)
}

/// Reads an .ods from memory.
pub fn read_ods(bytes: &[u8]) -> Result<Structured, SheetError> {
    let mut zip = Zip::open(bytes)?;
    let xml = zip
        .read_text("content.xml")?
        .ok_or_else(|| SheetError::Read("content.xml mangler".into()))?;
    write_sheets(read_content_xml(&xml)?)
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attrs(e: &BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .map(|a| {
            (
                local(a.key.as_ref()).to_string(),
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map(|v| v.into_owned())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn get<'a>(a: &'a [(String, String)], k: &str) -> Option<&'a str> {
    a.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

struct OdsCell {
    value_type: String,
    value: Option<f64>,
    text: String,
    repeat: u32,
}

/// Reads ODS `content.xml` into sheets (also used by the fuzz target).
fn read_content_xml(xml: &str) -> Result<Vec<Sheet>, SheetError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let cfg = reader.config_mut();
    cfg.check_end_names = false;
    cfg.allow_unmatched_ends = true;
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut depth = 0usize;
    let mut row: u32 = 0;
    let mut col: u32 = 0;
    let mut row_repeat: u32 = 1;
    let mut row_cells: Vec<(u32, String)> = Vec::new();
    let mut cell: Option<OdsCell> = None;
    let mut in_p = 0usize;
    let mut skip: Option<usize> = None;
    let mut total = 0usize;
    let finish_cell = |cell: OdsCell, col: &mut u32, row_cells: &mut Vec<(u32, String)>| {
        let text = ods_cell_text(&cell);
        if text.trim().is_empty() {
            *col = col.saturating_add(cell.repeat);
        } else {
            for _ in 0..cell.repeat.min(MAX_COLUMNS) {
                if *col < MAX_COLUMNS {
                    row_cells.push((*col, text.clone()));
                }
                *col = col.saturating_add(1);
            }
        }
    };
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| SheetError::Read(e.to_string()))?;
        let (e, empty) = match ev {
            Event::Eof => break,
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(SheetError::TooDeep);
                }
                (e, false)
            }
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                let d = depth;
                depth = depth.saturating_sub(1);
                if let Some(s) = skip {
                    if s == d {
                        skip = None;
                    }
                    continue;
                }
                let name = e.name();
                match local(name.as_ref()) {
                    "table-cell" | "covered-table-cell" => {
                        if let Some(c) = cell.take() {
                            finish_cell(c, &mut col, &mut row_cells);
                        }
                    }
                    "table-row" => {
                        if let Some(c) = cell.take() {
                            finish_cell(c, &mut col, &mut row_cells);
                        }
                        if !row_cells.is_empty() {
                            if let Some(sheet) = sheets.last_mut() {
                                for _ in 0..row_repeat.min(1000) {
                                    for (c, t) in &row_cells {
                                        total += 1;
                                        if total > MAX_CELLS {
                                            return Err(SheetError::TooManyCells);
                                        }
                                        sheet.cells.insert((row, *c), t.clone());
                                    }
                                    row = row.saturating_add(1);
                                }
                                row = row.saturating_add(
                                    row_repeat.saturating_sub(row_repeat.min(1000)),
                                );
                            }
                        } else {
                            row = row.saturating_add(row_repeat);
                        }
                        row_cells.clear();
                    }
                    "p" | "h" => {
                        in_p = in_p.saturating_sub(1);
                    }
                    _ => {}
                }
                continue;
            }
            Event::Text(t) => {
                if skip.is_none() && in_p > 0 {
                    if let Some(c) = cell.as_mut() {
                        c.text.push_str(&t.xml10_content());
                    }
                }
                continue;
            }
            Event::GeneralRef(r) => {
                if skip.is_none() && in_p > 0 {
                    if let Some(c) = cell.as_mut() {
                        if let Ok(Some(ch)) = r.resolve_char_ref() {
                            c.text.push(ch);
                        } else if let Some(s) =
                            quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        {
                            c.text.push_str(s);
                        }
                    }
                }
                continue;
            }
            _ => continue,
        };
        if skip.is_some() {
            continue;
        }
        let name = e.name();
        let n = local(name.as_ref());
        match n {
            "annotation" | "tracked-changes" if !empty => skip = Some(depth),
            "table" if !empty => {
                let a = attrs(&e);
                sheets.push(Sheet {
                    name: get(&a, "name").unwrap_or("Ark").to_string(),
                    cells: BTreeMap::new(),
                });
                row = 0;
            }
            "table-row" => {
                let a = attrs(&e);
                row_repeat = get(&a, "number-rows-repeated")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1)
                    .max(1);
                col = 0;
                row_cells.clear();
                if empty {
                    row = row.saturating_add(row_repeat);
                }
            }
            "table-cell" | "covered-table-cell" => {
                if let Some(c) = cell.take() {
                    finish_cell(c, &mut col, &mut row_cells);
                }
                let a = attrs(&e);
                let c = OdsCell {
                    value_type: get(&a, "value-type").unwrap_or("").to_string(),
                    value: get(&a, "value").and_then(|v| v.parse().ok()),
                    text: String::new(),
                    repeat: get(&a, "number-columns-repeated")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .max(1),
                };
                if empty {
                    finish_cell(c, &mut col, &mut row_cells);
                } else {
                    cell = Some(c);
                }
            }
            "p" | "h" if !empty => {
                if let Some(c) = cell.as_mut() {
                    if !c.text.is_empty() {
                        c.text.push(' ');
                    }
                }
                in_p += 1;
            }
            "s" if in_p > 0 => {
                if let Some(c) = cell.as_mut() {
                    c.text.push(' ');
                }
            }
            "tab" | "line-break" if in_p > 0 => {
                if let Some(c) = cell.as_mut() {
                    c.text.push(' ');
                }
            }
            _ => {}
        }
    }
    Ok(sheets)
}

/// A cell's text: numbers written the Norwegian way with the decimals the file shows.
fn ods_cell_text(c: &OdsCell) -> String {
    let shown = c.text.trim();
    let Some(v) = c.value else {
        return shown.to_string();
    };
    let decimals = shown_decimals(shown);
    match c.value_type.as_str() {
        "percentage" => format!("{} %", norsk(v * 100.0, decimals.unwrap_or(1), false)),
        "float" | "currency" => {
            let grouped = shown.chars().filter(|c| c.is_ascii_digit()).count() > 3
                && shown.contains([' ', '\u{a0}', '\u{202f}'])
                || shown.matches(',').count() + shown.matches('.').count() > 1;
            let mut s = norsk(v, decimals.unwrap_or_else(|| general_decimals(v)), grouped);
            if c.value_type == "currency" && (shown.contains("kr") || shown.contains("NOK")) {
                s.push_str(" kr");
            }
            s
        }
        _ => shown.to_string(),
    }
}

/// Digits after the decimal separator in a shown number ("7,50 %" → 2), if it shows one.
fn shown_decimals(shown: &str) -> Option<usize> {
    let digits: String = shown
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    if digits.is_empty() {
        return None;
    }
    let last = digits.rfind([',', '.']);
    match last {
        None => Some(0),
        Some(i) => {
            let after = digits.len() - i - 1;
            let sep = digits.as_bytes()[i] as char;
            // "1.234.567": the separator repeats, so it groups thousands.
            if after == 3 && digits[..i].contains(sep) {
                Some(0)
            } else {
                Some(after)
            }
        }
    }
}

fn general_decimals(v: f64) -> usize {
    // Up to 10 significant digits, trailing zeros dropped.
    let s = format!(
        "{:.*}",
        10usize.saturating_sub(v.abs().max(1.0).log10().floor() as usize + 1),
        v
    );
    match s.find('.') {
        Some(i) => s[i + 1..].trim_end_matches('0').len(),
        None => 0,
    }
}

/// `v` as a sheet shows it, with `decimals` decimals (at most 15), decimal comma and (when
/// `grouped`) thousands apart by a space: Excel rounds half away from zero (f64::round), not to
/// even as `format!` does, writes a hyphen for minus, and nothing stands for a value that is not
/// finite.
pub fn norsk(v: f64, decimals: usize, grouped: bool) -> String {
    NumberFormat::nb(decimals.min(15))
        .rounding(Rounding::HalfAwayFromZero)
        .minus(Minus::Hyphen)
        .not_finite("")
        .grouping(if grouped {
            Grouping::From1000
        } else {
            Grouping::None
        })
        .format(v)
}

/// Writes an Excel number with its format code: percent (×100, " %"), the decimals and the
/// thousands grouping the code asks for, and literal text around it ("kr", "dager"). "General"
/// or no format: up to ten significant digits, no grouping.
pub fn format_number(v: f64, code: Option<&str>) -> String {
    let code = code.unwrap_or("General");
    // The positive section; the negative one only changes signs and colours.
    let section = split_sections(code).into_iter().next().unwrap_or_default();
    let mut digits_seen = false;
    let mut decimals = 0usize;
    let mut in_decimals = false;
    let mut grouped = false;
    let mut percent = false;
    let mut prefix = String::new();
    let mut suffix = String::new();
    let mut chars = section.chars().peekable();
    let mut general = false;
    let lower = section.to_ascii_lowercase();
    if lower.trim() == "general"
        || lower.trim() == "@"
        || lower.trim().is_empty()
        || lower.contains("general")
    {
        general = true;
    }
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut lit = String::new();
                for d in chars.by_ref() {
                    if d == '"' {
                        break;
                    }
                    lit.push(d);
                }
                if digits_seen {
                    suffix.push_str(&lit)
                } else {
                    prefix.push_str(&lit)
                }
            }
            '\\' => {
                if let Some(d) = chars.next() {
                    if digits_seen {
                        suffix.push(d)
                    } else {
                        prefix.push(d)
                    }
                }
            }
            '[' => {
                // [Red], [$kr-414], [>=100]: a currency symbol is kept.
                let mut inner = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    inner.push(d);
                }
                if let Some(sym) = inner.strip_prefix('$') {
                    let sym = sym.split('-').next().unwrap_or("");
                    if digits_seen {
                        suffix.push_str(sym)
                    } else {
                        prefix.push_str(sym)
                    }
                }
            }
            '_' | '*' => {
                chars.next();
            }
            '0' | '#' | '?' => {
                digits_seen = true;
                if in_decimals {
                    decimals += 1;
                }
            }
            '.' => in_decimals = true,
            ',' if digits_seen && !in_decimals => grouped = true,
            '%' => percent = true,
            ' ' | '\u{a0}' => {
                if digits_seen {
                    suffix.push(' ')
                } else {
                    prefix.push(' ')
                }
            }
            c if c.is_alphabetic() && !general => {
                if digits_seen {
                    suffix.push(c)
                } else {
                    prefix.push(c)
                }
            }
            _ => {}
        }
    }
    if general || !digits_seen {
        let d = general_decimals(v);
        return norsk(v, d, false);
    }
    let shown = if percent { v * 100.0 } else { v };
    let mut s = norsk(shown, decimals, grouped);
    if percent {
        s.push_str(" %");
    }
    let prefix = prefix.trim();
    let suffix = suffix.trim();
    if !prefix.is_empty() {
        s = format!("{prefix} {s}");
    }
    if !suffix.is_empty() {
        s = format!("{s} {suffix}");
    }
    s
}

/// A format code's sections (split at ';' outside quotes and brackets).
fn split_sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in code.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            quoted = !quoted;
        } else if !quoted && c == '[' {
            bracket = true;
        } else if !quoted && c == ']' {
            bracket = false;
        } else if !quoted && !bracket && c == ';' {
            out.push(String::new());
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

/// Each sheet with cells: a line with its name, then its rows as a table.
fn write_sheets(sheets: Vec<Sheet>) -> Result<Structured, SheetError> {
    let mut out = Structured::new();
    for sheet in sheets {
        if sheet.cells.is_empty() {
            continue;
        }
        out.paragraph(
            &sheet.name,
            Origin {
                sheet: Some(sheet.name.clone()),
                ..Origin::default()
            },
        );
        let max_col = sheet.cells.keys().map(|k| k.1).max().unwrap_or(0) as usize;
        let min_col = sheet.cells.keys().map(|k| k.1).min().unwrap_or(0) as usize;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut origins: Vec<Origin> = Vec::new();
        let mut current: Option<u32> = None;
        for (&(r, c), text) in &sheet.cells {
            if current != Some(r) {
                current = Some(r);
                rows.push(vec![String::new(); max_col - min_col + 1]);
                origins.push(Origin {
                    sheet: Some(sheet.name.clone()),
                    row: Some(r as usize + 1),
                    cell: Some(format!("{}{}", column_name(c as usize), r + 1)),
                    ..Origin::default()
                });
            }
            if let Some(row) = rows.last_mut() {
                row[c as usize - min_col] = text.clone();
            }
        }
        out.table(&rows, &origins);
    }
    if out.line_count() == 0 {
        return Err(SheetError::Empty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_norwegian() {
        assert_eq!(format_number(0.075, Some("0.0%")), "7,5 %");
        assert_eq!(format_number(0.075, Some("0%")), "8 %");
        assert_eq!(format_number(0.07512, Some("0.00%")), "7,51 %");
        assert_eq!(format_number(1234567.891, Some("#,##0")), "1 234 568");
        assert_eq!(format_number(1234.5, Some("#,##0.00")), "1 234,50");
        assert_eq!(
            format_number(-1234.5, Some("#,##0.0;[Red]-#,##0.0")),
            "-1 234,5"
        );
        assert_eq!(format_number(45.0, Some("0 \"dager\"")), "45 dager");
        assert_eq!(format_number(2500.0, Some("#,##0\\ \"kr\"")), "2 500 kr");
        assert_eq!(format_number(0.1 + 0.2, None), "0,3");
        assert_eq!(format_number(9.0, Some("General")), "9");
        assert_eq!(format_number(12.25, Some("General")), "12,25");
        assert_eq!(format_number(1234.0, None), "1234");
        assert_eq!(format_number(1310500.5, Some("#,##0")), "1 310 501");
    }

    #[test]
    fn ods_content_with_percent_and_repeats() {
        let xml = r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet>
            <table:table table:name="Ark1">
              <table:table-row><table:table-cell office:value-type="string"><text:p>Foretak</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2024"><text:p>2024</text:p></table:table-cell></table:table-row>
              <table:table-row><table:table-cell office:value-type="string"><text:p>Helse Bergen</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.075"><text:p>7,50 %</text:p></table:table-cell></table:table-row>
              <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>"#;
        let sheets = read_content_xml(xml).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(
            sheets[0].cells.get(&(1, 1)).map(String::as_str),
            Some("7,50 %")
        );
        let s = write_sheets(sheets).unwrap();
        assert_eq!(
            s.text,
            "Ark1\n\nForetak        2024\nHelse Bergen   7,50 %\n\n"
        );
        assert_eq!(s.origins[3].cell.as_deref(), Some("A2"));
        assert_eq!(s.origins[3].sheet.as_deref(), Some("Ark1"));
    }
}
