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

// ---------------------------------------------------------------------------------------------
// Phrase lists (data): bokmål and nynorsk side by side.

/// Lines that are page furniture rather than content.
const FOOTER_LINES: &[&str] = &["intern", "internt", "unntatt offentlighet", "ugradert"];

// ---------------------------------------------------------------------------------------------
// Logical lines.

#[derive(Debug, Clone)]
struct LLine {
    text: String,
    first: usize,
    last: usize,
    /// Characters of white space before the text on its first line (the layout's column).
    indent: usize,
}

fn logical_lines(doc: &Document) -> Vec<LLine> {
    let mut out: Vec<LLine> = Vec::new();
    let mut open: Option<(LLine, i32, usize)> = None; // line, paren depth, lines joined
    for line in &doc.lines {
        let raw = doc.text.get(line.start..line.end).unwrap_or("");
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if let Some((mut ll, depth, n)) = open.take() {
            if !is_noise_text(t) && ll.text.chars().count() < 200 {
                ll.text.push(' ');
                ll.text.push_str(t);
                ll.last = line.number;
                let d = depth + paren_balance(t);
                if d > 0 && n < 3 {
                    open = Some((ll, d, n + 1));
                } else {
                    out.push(ll);
                }
                continue;
            }
            out.push(ll);
        }
        let ll = LLine {
            text: t.to_string(),
            first: line.number,
            last: line.number,
            indent: raw.chars().take_while(|c| c.is_whitespace()).count(),
        };
        let d = paren_balance(t);
        if d > 0 && !is_noise_text(t) {
            open = Some((ll, d, 1));
        } else {
            out.push(ll);
        }
    }
    if let Some((ll, _, _)) = open {
        out.push(ll);
    }
    out
}

fn is_bare_small_number(t: &str) -> bool {
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

fn paren_balance(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '(' => d + 1,
        ')' => d - 1,
        _ => d,
    })
}

/// Page furniture: URLs, mail links, "Side 7", footnotes naming a file, classification marks.
/// (Bare page numbers are decided by context, see `Class::PageNumber`.)
fn is_noise_text(t: &str) -> bool {
    let t = t.trim();
    if crate::document::is_noise_line(t) && !is_bare_small_number(t) {
        return true;
    }
    // What follows needs a link or footer word at the start (their first letters are h, w, m,
    // f, i, u; an ASCII letter lowercases to one ASCII letter) or an ASCII digit (no other
    // char lowercases to one): most lines have neither and skip the lowercasing.
    let may_start_a_word = t.chars().next().is_some_and(|c| {
        !c.is_ascii() || matches!(c.to_ascii_lowercase(), 'h' | 'w' | 'm' | 'f' | 'i' | 'u')
    });
    if !may_start_a_word && !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = t.to_lowercase();
    if lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.starts_with("mailto:")
        || lower.starts_with("file:")
    {
        return true;
    }
    if FOOTER_LINES.contains(&lower.as_str()) {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    // "Side 7", "side 7 av 12", "7 av 12"
    let is_num = |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        ["side" | "s." | "page", n] if is_num(n) => return true,
        ["side" | "page", n, "av" | "of", m] if is_num(n) && is_num(m) => return true,
        [n, "av", m] if is_num(n) && is_num(m) => return true,
        _ => {}
    }
    // Footnote naming a document: "1 barekraftig-utvikling-....pdf"
    if words.len() == 2 && is_num(words[0]) && words[0].len() <= 2 {
        let w = words[1];
        if w.contains("://")
            || [".pdf", ".html", ".htm", ".docx", ".doc", ".xlsx"]
                .iter()
                .any(|e| w.ends_with(e))
        {
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Tokens of one line.

#[derive(Debug, Clone, PartialEq)]
struct NumLex {
    neg: bool,
    /// Integer digits (thousands dots removed).
    int: String,
    frac: Option<String>,
    /// Written with thousands dots ("1.234.567").
    dotted: bool,
}

#[derive(Debug, Clone)]
enum Elem {
    Num {
        lex: NumLex,
        start: usize,
        end: usize,
        gap: usize,
    },
    Pct {
        end: usize,
    },
    Unit {
        end: usize,
        unit: NumUnit,
        scale: f64,
    },
    Paren {
        start: usize,
        end: usize,
        inner_start: usize,
        inner_end: usize,
    },
    Word {
        start: usize,
        end: usize,
    },
}

impl Elem {
    fn start(&self) -> usize {
        match *self {
            Elem::Num { start, .. } | Elem::Paren { start, .. } | Elem::Word { start, .. } => start,
            Elem::Pct { end } | Elem::Unit { end, .. } => end,
        }
    }
    fn is_num(&self) -> bool {
        matches!(self, Elem::Num { .. })
    }
}

#[derive(Debug, Clone)]
enum Tk {
    Word,
    Num(NumLex),
    Pct,
    Open,
    Close,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Tk,
    start: usize,
    end: usize,
    gap: usize,
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut gap = 0usize;
    let mut piece_start: Option<usize> = None;
    let flush = |start: usize, end: usize, gap: usize, toks: &mut Vec<Tok>| {
        split_piece(s, start, end, gap, toks);
    };
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(ps) = piece_start.take() {
                flush(ps, i, gap, &mut toks);
                gap = 0;
            }
            gap += 1;
        } else if piece_start.is_none() {
            piece_start = Some(i);
        }
    }
    if let Some(ps) = piece_start {
        flush(ps, s.len(), gap, &mut toks);
    }
    toks
}

fn split_piece(s: &str, mut start: usize, mut end: usize, gap: usize, toks: &mut Vec<Tok>) {
    let mut first = true;
    let g = |first: bool| if first { gap } else { 0 };
    while s[start..end].starts_with('(') {
        toks.push(Tok {
            kind: Tk::Open,
            start,
            end: start + 1,
            gap: g(first),
        });
        first = false;
        start += 1;
    }
    let mut closes = 0;
    while end > start && s[start..end].ends_with(')') {
        end -= 1;
        closes += 1;
    }
    if end > start {
        let core = &s[start..end];
        if core == "%" {
            toks.push(Tok {
                kind: Tk::Pct,
                start,
                end,
                gap: g(first),
            });
        } else if let Some(num) = core.strip_suffix('%').and_then(lex_num) {
            toks.push(Tok {
                kind: Tk::Num(num),
                start,
                end: end - 1,
                gap: g(first),
            });
            toks.push(Tok {
                kind: Tk::Pct,
                start: end - 1,
                end,
                gap: 0,
            });
        } else if let Some(num) = lex_num(core) {
            toks.push(Tok {
                kind: Tk::Num(num),
                start,
                end,
                gap: g(first),
            });
        } else {
            toks.push(Tok {
                kind: Tk::Word,
                start,
                end,
                gap: g(first),
            });
        }
        first = false;
    }
    for k in 0..closes {
        toks.push(Tok {
            kind: Tk::Close,
            start: end + k,
            end: end + k + 1,
            gap: g(first),
        });
        first = false;
    }
}

/// A numeric piece: "302", "9,0", "-561", "1.234.567", "13.5", "4 657 500,-" (the last piece).
/// Dates ("09.09.2025"), ordinals ("9.") and pieces with trailing punctuation are not numbers.
fn lex_num(core: &str) -> Option<NumLex> {
    let mut s = core;
    let mut neg = false;
    if let Some(c) = s.chars().next() {
        if matches!(c, '-' | '−' | '–' | '+') {
            let rest = &s[c.len_utf8()..];
            if rest.starts_with(|d: char| d.is_ascii_digit()) {
                neg = c != '+';
                s = rest;
            }
        }
    }
    let s = s.strip_suffix(",-").unwrap_or(s);
    if s.is_empty()
        || !s.starts_with(|c: char| c.is_ascii_digit())
        || !s.ends_with(|c: char| c.is_ascii_digit())
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let seps: Vec<char> = s.chars().filter(|c| *c == ',' || *c == '.').collect();
    let parts: Vec<&str> = s.split([',', '.']).collect();
    match seps.len() {
        0 => Some(NumLex {
            neg,
            int: s.to_string(),
            frac: None,
            dotted: false,
        }),
        1 => {
            let (a, b) = (parts[0], parts[1]);
            if seps[0] == '.' && b.len() == 3 && a.len() <= 3 {
                Some(NumLex {
                    neg,
                    int: format!("{a}{b}"),
                    frac: None,
                    dotted: true,
                })
            } else {
                Some(NumLex {
                    neg,
                    int: a.to_string(),
                    frac: Some(b.to_string()),
                    dotted: false,
                })
            }
        }
        n => {
            // Thousands dots, optionally a decimal comma at the end: "1.234.567", "1.234,5".
            let last_comma = seps[n - 1] == ',';
            let dots = if last_comma { n - 1 } else { n };
            if dots == 0 || seps[..dots].iter().any(|c| *c != '.') || parts[0].len() > 3 {
                return None;
            }
            if parts[1..=dots].iter().any(|p| p.len() != 3) {
                return None;
            }
            let int: String = parts[..=dots].concat();
            Some(NumLex {
                neg,
                int,
                frac: if last_comma {
                    Some(parts[n].to_string())
                } else {
                    None
                },
                dotted: true,
            })
        }
    }
}

/// The unit a name in `data/table_unit_words.txt` stands for.
fn unit_named(name: &str) -> Option<NumUnit> {
    match name {
        "percent" => Some(NumUnit::Percent),
        "percentage_points" => Some(NumUnit::PercentagePoints),
        "days" => Some(NumUnit::Days),
        "nok" => Some(NumUnit::Nok),
        "none" => Some(NumUnit::None),
        _ => None,
    }
}

/// A unit word the number lexer knows ("årsverk", "personer", "timer"): (unit, scale).
fn lexer_unit(word: &str) -> Option<(NumUnit, f64)> {
    if word.chars().count() > 20 || !word.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    let probe = format!("1 {word}");
    let toks = crate::extract::numbers::lex(&probe);
    let [tok] = toks.as_slice() else {
        return None;
    };
    (tok.kind == crate::extract::numbers::NumberKind::Quantity
        && tok.span.end == probe.len()
        && (tok.unit != NumUnit::None || tok.value != 1.0)
        && tok.value.is_finite()
        && tok.value > 0.0)
        .then_some((tok.unit, tok.value))
}

fn elems_of(s: &str) -> Vec<Elem> {
    let toks = tokenize(s);
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        match &t.kind {
            Tk::Open => {
                // Find the matching close (bounded by the line).
                let mut depth = 0i32;
                let mut j = i;
                let mut found = None;
                while j < toks.len() {
                    match toks[j].kind {
                        Tk::Open => depth += 1,
                        Tk::Close => {
                            depth -= 1;
                            if depth == 0 {
                                found = Some(j);
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                match found {
                    Some(j) => {
                        out.push(Elem::Paren {
                            start: t.start,
                            end: toks[j].end,
                            inner_start: t.end,
                            inner_end: toks[j].start,
                        });
                        i = j + 1;
                    }
                    None => {
                        out.push(Elem::Word {
                            start: t.start,
                            end: t.end,
                        });
                        i += 1;
                    }
                }
                continue;
            }
            Tk::Close => out.push(Elem::Word {
                start: t.start,
                end: t.end,
            }),
            Tk::Pct => out.push(Elem::Pct { end: t.end }),
            Tk::Num(n) => out.push(Elem::Num {
                lex: n.clone(),
                start: t.start,
                end: t.end,
                gap: t.gap,
            }),
            Tk::Word => {
                let w = s[t.start..t.end].to_lowercase();
                let after_num = matches!(
                    out.last(),
                    Some(Elem::Num { .. }) | Some(Elem::Pct { .. }) | Some(Elem::Unit { .. })
                );
                // "per 100 000", "pr. 1000"
                if after_num && matches!(w.as_str(), "per" | "pr." | "pr") {
                    let mut j = i + 1;
                    let mut digits = String::new();
                    let mut end = t.end;
                    while j < toks.len() && digits.len() < 8 {
                        match &toks[j].kind {
                            Tk::Num(n) if n.frac.is_none() && !n.neg => {
                                digits.push_str(&n.int);
                                end = toks[j].end;
                                j += 1;
                            }
                            _ => break,
                        }
                        if matches!(digits.as_str(), "100000" | "10000") {
                            break;
                        }
                    }
                    if matches!(digits.as_str(), "100000") {
                        out.push(Elem::Unit {
                            end,
                            unit: NumUnit::Per100k,
                            scale: 1.0,
                        });
                        i = j;
                        continue;
                    }
                }
                if after_num {
                    let known = lexicon()
                        .table_units
                        .get(w.as_str())
                        .and_then(|&(name, scale)| unit_named(name).map(|unit| (unit, scale)))
                        .or_else(|| lexer_unit(&w));
                    if let Some((unit, scale)) = known {
                        out.push(Elem::Unit {
                            end: t.end,
                            unit,
                            scale,
                        });
                        i += 1;
                        continue;
                    }
                }
                out.push(Elem::Word {
                    start: t.start,
                    end: t.end,
                });
            }
        }
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Rows as parsed from one line, before the table's column count is known.

/// One numeric group ("1", "100", "000" of "1 100 000") with what follows it.
#[derive(Debug, Clone)]
struct Group {
    lex: NumLex,
    start: usize,
    gap: usize,
    /// Ends its cell: a %, unit or note follows.
    closed: bool,
    pct: bool,
    unit: NumUnit,
    scale: f64,
    /// End of the cell text including unit and note.
    cell_end: usize,
    note: Option<(usize, usize)>,
}

#[derive(Debug, Clone)]
struct RawRow {
    /// The line's own label (may be empty).
    label: String,
    text: String,
    groups: Vec<Group>,
}

/// One way to cut a row's groups into cells.
#[derive(Debug, Clone)]
struct Cut {
    /// Index of the first group of each cell.
    starts: Vec<usize>,
    /// The first group (a year) belongs to the label.
    absorbed: bool,
    splits: usize,
    spread: f64,
}

fn parse_row(text: &str) -> Option<RawRow> {
    let elems = elems_of(text);
    let n = elems.len();
    let mut i = n;
    let mut tail_start = n;
    while i > 0 {
        match &elems[i - 1] {
            Elem::Num { .. } => {
                i -= 1;
                tail_start = i;
            }
            Elem::Pct { .. } | Elem::Unit { .. } | Elem::Paren { .. } => {
                let prev_ok = i >= 2
                    && matches!(
                        elems[i - 2],
                        Elem::Num { .. } | Elem::Pct { .. } | Elem::Unit { .. }
                    );
                if !prev_ok {
                    break;
                }
                i -= 1;
            }
            Elem::Word { .. } => break,
        }
    }
    if tail_start >= n {
        return None;
    }
    // "Fase 1 (…)": a small number after a naming word is part of the label.
    if tail_start > 0 {
        if let (Elem::Word { start, end }, Elem::Num { lex, .. }) =
            (&elems[tail_start - 1], &elems[tail_start])
        {
            let w = text[*start..*end].to_lowercase();
            if lexicon().name_number_words.contains(w.as_str())
                && lex.frac.is_none()
                && lex.int.len() <= 3
            {
                let mut j = tail_start + 1;
                while j < n && !elems[j].is_num() {
                    j += 1;
                }
                if j >= n {
                    return None;
                }
                tail_start = j;
            }
        }
    }
    let label_end = elems[tail_start].start();
    let label = text[..label_end].trim().trim_end_matches(':').trim_end();
    let mut groups: Vec<Group> = Vec::new();
    for e in &elems[tail_start..] {
        match e {
            Elem::Num {
                lex,
                start,
                end,
                gap,
            } => groups.push(Group {
                lex: lex.clone(),
                start: *start,
                gap: *gap,
                closed: false,
                pct: false,
                unit: NumUnit::None,
                scale: 1.0,
                cell_end: *end,
                note: None,
            }),
            Elem::Pct { end } => {
                if let Some(g) = groups.last_mut() {
                    g.closed = true;
                    g.pct = true;
                    g.unit = NumUnit::Percent;
                    g.cell_end = *end;
                }
            }
            Elem::Unit { end, unit, scale } => {
                if let Some(g) = groups.last_mut() {
                    g.closed = true;
                    if *unit != NumUnit::None || g.unit == NumUnit::None {
                        g.unit = *unit;
                    }
                    g.scale *= *scale;
                    g.cell_end = *end;
                }
            }
            Elem::Paren {
                end,
                inner_start,
                inner_end,
                ..
            } => {
                if let Some(g) = groups.last_mut() {
                    g.closed = true;
                    g.cell_end = *end;
                    g.note = Some((*inner_start, *inner_end));
                }
            }
            Elem::Word { .. } => {}
        }
    }
    if groups.is_empty() || groups.len() > 60 {
        return None;
    }
    Some(RawRow {
        label: collapse_ws(label),
        text: text.to_string(),
        groups,
    })
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_year_group(g: &Group) -> bool {
    g.lex.int.len() == 4
        && g.lex.frac.is_none()
        && !g.lex.neg
        && !g.lex.dotted
        && !g.pct
        && g.unit == NumUnit::None
        && g.lex
            .int
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// May `b` continue the thousands grouping of `a`?
fn joinable(a: &Group, b: &Group) -> bool {
    !a.closed
        && a.lex.frac.is_none()
        && !a.lex.dotted
        && !b.lex.neg
        && !b.lex.dotted
        && b.lex.int.len() == 3
        && b.gap == 1
}

/// May a cell start with group `g`?
fn can_lead(g: &Group) -> bool {
    let d = &g.lex.int;
    d.len() == 1 || !d.starts_with('0') || g.lex.frac.is_some() && d == "0"
}

fn group_value(row: &RawRow, from: usize, to: usize) -> Option<f64> {
    let gs = row.groups.get(from..to)?;
    let first = gs.first()?;
    if gs.len() > MAX_CHAIN || gs.len() > 1 && first.lex.int.len() > 3 {
        return None;
    }
    let mut digits: String = gs.iter().map(|g| g.lex.int.as_str()).collect();
    let last = gs.last()?;
    if let Some(f) = &last.lex.frac {
        digits.push('.');
        digits.push_str(f);
    }
    let v: f64 = digits.parse().ok()?;
    let v = if first.lex.neg { -v } else { v };
    Some(v * last.scale)
}

fn cuts_of(row: &RawRow) -> Vec<Cut> {
    let g = &row.groups;
    let mut cuts = Vec::new();
    let can_absorb = g.len() > 1 && is_year_group(&g[0]) && !joinable(&g[0], &g[1]);
    // A row laid out in columns ("21 480      22 930      1 450      7,4"): every boundary that
    // cannot continue a number is a gap of two or more spaces. Then a single space is a
    // thousands separator and only a wide gap starts a cell.
    // A wide gap after a year that may belong to the label ("Samhandlingskonferanse\n2025  200
    // 000 200 000") says nothing about the figures' columns.
    let aligned = (1 + usize::from(can_absorb)..g.len()).any(|i| g[i].gap >= 2)
        && (1..g.len()).all(|i| g[i].gap >= 2 || joinable(&g[i - 1], &g[i]));
    for absorbed in [false, true] {
        if absorbed && !can_absorb {
            continue;
        }
        let first = usize::from(absorbed);
        // Boundaries where the next group may continue a number. Where it cannot start a cell
        // ("000") the join is forced; the others are free to choose.
        let joins: Vec<(usize, bool)> = (first + 1..g.len())
            .filter(|&i| joinable(&g[i - 1], &g[i]))
            .map(|i| (i, !can_lead(&g[i])))
            .collect();
        let free: Vec<usize> = joins.iter().filter(|j| !j.1).map(|j| j.0).collect();
        let all = (1u32 << free.len().min(31)).wrapping_sub(1);
        let combos: Vec<u32> = if aligned {
            vec![all]
        } else if free.len() > MAX_FREE_JOINS {
            vec![all, 0]
        } else {
            (0..=all).collect()
        };
        for mask in combos {
            // bit set = join at that free boundary
            let mut starts = vec![first];
            let mut splits = 0;
            let mut fi = 0;
            let mut ji = 0;
            for i in first + 1..g.len() {
                let mut join = false;
                if joins.get(ji).is_some_and(|j| j.0 == i) {
                    let forced = joins[ji].1;
                    ji += 1;
                    if forced {
                        join = true;
                    } else {
                        join = (mask >> fi.min(31)) & 1 == 1;
                        fi += 1;
                        if !join {
                            splits += 1;
                        }
                    }
                }
                if !join {
                    starts.push(i);
                }
            }
            if !starts.iter().all(|&s| can_lead(&g[s])) {
                continue;
            }
            let mut vals = Vec::with_capacity(starts.len());
            let mut ok = true;
            for (k, &s) in starts.iter().enumerate() {
                let e = starts.get(k + 1).copied().unwrap_or(g.len());
                match group_value(row, s, e) {
                    Some(v) => vals.push(v),
                    None => ok = false,
                }
            }
            if !ok {
                continue;
            }
            cuts.push(Cut {
                starts,
                absorbed,
                splits,
                spread: spread(&vals),
            });
        }
    }
    if cuts.is_empty() {
        // No valid grouping: every group its own cell.
        let vals: Vec<f64> = (0..g.len())
            .filter_map(|i| group_value(row, i, i + 1))
            .collect();
        cuts.push(Cut {
            starts: (0..g.len()).collect(),
            absorbed: false,
            splits: 0,
            spread: spread(&vals),
        });
    }
    cuts
}

/// Orders of magnitude between the largest and smallest non-zero value.
fn spread(vals: &[f64]) -> f64 {
    let logs: Vec<f64> = vals
        .iter()
        .filter(|v| v.is_finite() && **v != 0.0)
        .map(|v| v.abs().log10())
        .collect();
    if logs.len() < 2 {
        return 0.0;
    }
    let max = logs.iter().cloned().fold(f64::MIN, f64::max);
    let min = logs.iter().cloned().fold(f64::MAX, f64::min);
    max - min
}

fn best_cut(cuts: &[Cut], k0: usize) -> Option<&Cut> {
    cuts.iter().min_by_key(|c| {
        (
            (c.spread / 0.6).floor() as i64,
            c.starts.len().abs_diff(k0),
            c.absorbed,
            c.splits,
        )
    })
}

/// Does the cut's last cell equal the sum of the others (a Sum column)?
fn last_is_sum(row: &RawRow, cut: &Cut) -> bool {
    let vals: Vec<f64> = cut
        .starts
        .iter()
        .enumerate()
        .filter_map(|(k, &s)| {
            let e = cut.starts.get(k + 1).copied().unwrap_or(row.groups.len());
            group_value(row, s, e)
        })
        .collect();
    match vals.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let sum: f64 = rest.iter().sum();
            (sum - last).abs() <= 1e-6 * last.abs().max(1.0)
        }
        _ => false,
    }
}

/// The cut for a table whose header names its columns (years, a Sum column): the header's
/// column count first, then (with a Sum column) the cut whose last cell adds up the others,
/// then similar sizes.
fn header_cut<'a>(row: &RawRow, cuts: &'a [Cut], k: usize, sum_column: bool) -> Option<&'a Cut> {
    cuts.iter().min_by_key(|c| {
        (
            c.starts.len().abs_diff(k),
            sum_column && !last_is_sum(row, c),
            (c.spread / 0.6).floor() as i64,
            c.absorbed,
            c.splits,
        )
    })
}

/// Header words of a column that adds up the others. Bokmål and nynorsk side by side.
const SUM_HEADER_WORDS: &[&str] = &["sum", "total", "totalt", "i alt", "samla", "samlet"];

/// A header line that ends with its column headers: years and a sum column ("Kostnadspost 2026
/// 2027 2028 Sum") → (label header, column headers, whether the last is a sum).
fn year_header_line(line: &str) -> Option<(String, Vec<String>, bool)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut n = 0;
    let mut sum = false;
    for (i, w) in words.iter().enumerate().rev() {
        let lw = w.to_lowercase();
        if is_year_word(w) && w.chars().all(|c| c.is_ascii_digit()) {
            n += 1;
        } else if i + 1 == words.len() && SUM_HEADER_WORDS.contains(&lw.as_str()) {
            n += 1;
            sum = true;
        } else {
            break;
        }
    }
    let years = n - usize::from(sum);
    if years < 2 || n >= words.len() {
        return None;
    }
    let label = words[..words.len() - n].join(" ");
    let cols = words[words.len() - n..]
        .iter()
        .map(|w| w.to_string())
        .collect();
    Some((label, cols, sum))
}

fn build_cells(row: &RawRow, cut: &Cut) -> Vec<Cell> {
    let g = &row.groups;
    let mut cells = Vec::with_capacity(cut.starts.len());
    for (k, &s) in cut.starts.iter().enumerate() {
        let e = cut.starts.get(k + 1).copied().unwrap_or(g.len());
        let (Some(first), Some(last)) = (g.get(s), e.checked_sub(1).and_then(|i| g.get(i))) else {
            continue;
        };
        let text = row
            .text
            .get(first.start..last.cell_end)
            .unwrap_or("")
            .trim();
        let value = group_value(row, s, e);
        let decimals = last.lex.frac.as_ref().map_or(0, |f| f.len()) as i32;
        let note = last.note.and_then(|(a, b)| {
            let t = row.text.get(a..b)?.trim();
            Some(parse_note(t))
        });
        cells.push(Cell {
            text: collapse_ws(text),
            value,
            resolution: 10f64.powi(-decimals) * last.scale,
            unit: last.unit,
            note,
        });
    }
    cells
}

/// A note is a figure when it is one number with an optional % ("6,3 %", "+16 %").
fn parse_note(t: &str) -> Note {
    let mut note = Note {
        text: t.to_string(),
        value: None,
        resolution: 0.0,
        unit: NumUnit::None,
    };
    let compact: String = t.split_whitespace().collect();
    let (body, pct) = match compact.strip_suffix('%') {
        Some(b) => (b, true),
        None => (compact.as_str(), false),
    };
    if let Some(lex) = lex_num(body) {
        let mut digits = lex.int.clone();
        if let Some(f) = &lex.frac {
            digits.push('.');
            digits.push_str(f);
        }
        if let Ok(v) = digits.parse::<f64>() {
            note.value = Some(if lex.neg { -v } else { v });
            note.resolution = 10f64.powi(-(lex.frac.as_ref().map_or(0, |f| f.len()) as i32));
            note.unit = if pct { NumUnit::Percent } else { NumUnit::None };
        }
    }
    note
}

// ---------------------------------------------------------------------------------------------
// Line classes and the scanner.

#[derive(Debug, Clone)]
enum Class {
    Noise,
    /// A bare number of up to three digits: a page number, or the values of a wrapped label.
    PageNumber(RawRow),
    Caption(String, Option<u32>),
    Prose,
    /// A short line ending with ':' ("Intensiv- og overvåkningsplasser:").
    Title,
    Row(RawRow),
    /// A short line that is not a row: a header piece or a wrapped label.
    Text,
}

fn classify(ll: &LLine) -> Class {
    let t = ll.text.as_str();
    if is_bare_small_number(t) {
        return match parse_row(t) {
            Some(r) => Class::PageNumber(r),
            None => Class::Noise,
        };
    }
    if is_noise_text(t) {
        return Class::Noise;
    }
    if let Some((cap, n)) = caption_of(t) {
        return Class::Caption(cap, n);
    }
    let chars = t.chars().count();
    let too_long =
        chars > MAX_TABLE_LINE_CHARS && (chars > MAX_WIDE_ROW_CHARS || !laid_out_in_columns(t));
    if is_figure_caption(t) || too_long || ends_sentence(t) {
        return Class::Prose;
    }
    if t.ends_with(':') {
        return if chars <= MAX_LABEL_CHARS {
            Class::Title
        } else {
            Class::Prose
        };
    }
    match parse_row(t) {
        Some(r) if row_like(&r) => Class::Row(r),
        _ => Class::Text,
    }
}

fn row_like(r: &RawRow) -> bool {
    if r.label.chars().count() > MAX_LABEL_CHARS || is_bullet(&r.label) {
        return false;
    }
    if let Some(last) = r.label.split_whitespace().last() {
        let w = last.to_lowercase();
        if lexicon().prose_label_ends.contains(w.as_str()) || w.ends_with(',') || w.ends_with(';') {
            return false;
        }
    }
    // Only years: a header line ("Sykefravær 2024 2023") or a date, not values.
    !r.groups.iter().all(is_year_group)
}

/// A bulleted list item is prose ("• Prosjektleder: ca. kr 1,5 mill"), not a table row.
fn is_bullet(label: &str) -> bool {
    let mut cs = label.chars();
    match cs.next() {
        Some('•' | '·' | '▪' | '◦' | '\u{f0b7}' | '*' | '–' | '-') => true,
        Some('o') => cs.next() == Some(' '),
        _ => false,
    }
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end();
    if !(t.ends_with('.') || t.ends_with('?') || t.ends_with('!')) {
        return false;
    }
    if t.ends_with('.') {
        let last = t.split_whitespace().last().unwrap_or("").to_lowercase();
        if lexicon().table_abbreviations.contains(last.as_str()) {
            return false;
        }
    }
    true
}

/// The number of a table caption: "Tabell 5: Sykefravær" → 5. The one reader of caption numbers
/// (the table readers and the target–table linking all use it).
pub fn caption_number(caption: &str) -> Option<u32> {
    caption_of(caption).and_then(|(_, n)| n)
}

/// "Tabell 4: Ventetider", "Tabell 1. …", "Tab. 3 …" → (caption, number).
fn caption_of(t: &str) -> Option<(String, Option<u32>)> {
    let mut words = t.split_whitespace();
    let first = words.next()?.to_lowercase();
    if !matches!(first.as_str(), "tabell" | "tab." | "table") {
        return None;
    }
    let second = words.next()?;
    if !second.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits: String = second.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest_of_second = &second[digits.len()..];
    let short = t.chars().count() <= MAX_LABEL_CHARS;
    let marked = matches!(rest_of_second, ":" | "." | "-" | "–")
        || (rest_of_second.is_empty() && words.clone().next().is_none_or(|w| w == "-" || w == "–"))
        // "Tabell 5 Registrerte infeksjoner etter type, 2024": a title in capitals after the
        // number ("Tabell 5 viser at …" is prose).
        // A caption may end with its unit after a full stop ("Tabell 6 Andel … forløpstid.
        // Prosent.").
        || (rest_of_second.is_empty()
            && words
                .clone()
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase)));
    if !(marked || short && rest_of_second.chars().all(|c| c.is_ascii_alphabetic())) {
        return None;
    }
    Some((collapse_ws(t), digits.parse().ok()))
}

fn is_figure_caption(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "figur" | "fig." | "figure" | "diagram")
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

#[derive(Default)]
struct Idle {
    pending: Vec<LLine>,
    caption: Option<(String, Option<u32>, usize)>,
    /// The caption was the last line read and ends mid-phrase: the next line may finish it.
    caption_open: bool,
}

impl Idle {
    fn feed(&mut self, ll: LLine, class: Class) -> Option<Candidate> {
        let open = std::mem::take(&mut self.caption_open);
        match class {
            Class::Noise | Class::PageNumber(_) => {
                self.caption_open = open;
                None
            }
            Class::Caption(c, n) => {
                self.caption_open = !c.trim_end().ends_with('.');
                self.caption = Some((c, n, ll.first));
                self.pending.clear();
                None
            }
            Class::Prose => {
                // A caption wrapped over two lines, its second ending with a full stop
                // ("Tabell 3 Gjennomsnittlig ventetid for pasienter som har startet helsehjelp,
                // alle" + "tjenesteområder samlet. Antall dager.").
                let text = ll.text.trim();
                match self.caption.as_mut() {
                    Some((c, _, _))
                        if open
                            && text.chars().count() <= MAX_TABLE_LINE_CHARS
                            && (continues(c, text)
                                || c.split_whitespace()
                                    .last()
                                    .is_some_and(|w| w.starts_with(char::is_lowercase))) =>
                    {
                        join_label(c, text);
                    }
                    _ => self.caption = None,
                }
                self.pending.clear();
                None
            }
            Class::Title => {
                self.pending.clear();
                if self.caption.is_none() {
                    let c = ll.text.trim().trim_end_matches(':').trim().to_string();
                    self.caption = Some((c, None, ll.first));
                }
                None
            }
            Class::Text => {
                self.pending.push(ll);
                if self.pending.len() > MAX_PENDING {
                    self.pending.remove(0);
                }
                None
            }
            Class::Row(row) => {
                let pre = std::mem::take(&mut self.pending);
                let mut cand = Candidate {
                    caption: self.caption.take(),
                    pre,
                    rows: Vec::new(),
                    pending: Vec::new(),
                };
                // The first row's wrapped label is the last group of the lines before it.
                if row.label.is_empty() || starts_lower(&row.label) {
                    let k = label_group_start(&cand.pre);
                    cand.pending = cand.pre.split_off(k);
                }
                cand.push_row(ll, row);
                Some(cand)
            }
        }
    }
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Does line `cur` continue the cell or label that `prev` began?
fn continues(prev: &str, cur: &str) -> bool {
    let cur = cur.trim();
    let prev = prev.trim_end();
    let first = cur.chars().next().unwrap_or(' ');
    first.is_lowercase()
        || first.is_ascii_digit()
        || first == ')'
        || (prev.ends_with('-') && !prev.ends_with(" -"))
        || paren_balance(prev) > 0
        || (cur.len() <= 4 && cur.chars().all(|c| c.is_uppercase() || c == '/'))
}

/// Index where the last label (a line and its continuations) of `lines` starts.
fn label_group_start(lines: &[LLine]) -> usize {
    let mut k = lines.len();
    while k > 0 {
        k -= 1;
        let cont = k > 0 && continues(&lines[k - 1].text, &lines[k].text);
        if !cont {
            return k;
        }
    }
    0
}

struct Candidate {
    caption: Option<(String, Option<u32>, usize)>,
    pre: Vec<LLine>,
    rows: Vec<(RawRow, usize, usize, usize)>, // row, label_line, line, end_line
    pending: Vec<LLine>,
}

impl Candidate {
    fn push_row(&mut self, ll: LLine, mut row: RawRow) {
        let label_line = self.pending.first().map_or(ll.first, |p| p.first);
        if !self.pending.is_empty() {
            let mut label = String::new();
            for p in &self.pending {
                join_label(&mut label, &p.text);
            }
            join_label(&mut label, &row.label);
            row.label = collapse_ws(&label);
            self.pending.clear();
        }
        self.rows.push((row, label_line, ll.first, ll.last));
    }
}

fn join_label(label: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    if label.ends_with('-') && piece.starts_with(|c: char| c.is_alphabetic()) {
        let before = label.trim_end_matches('-');
        if before.ends_with(|c: char| c.is_alphabetic()) {
            // "Nord-" + "Trøndelag" keeps the hyphen; so does a compound.
            label.push_str(piece);
            return;
        }
    }
    if !label.is_empty() {
        label.push(' ');
    }
    label.push_str(piece);
}

/// A group header over several year columns ("Ventetid somatikk" over "2023 2024") is read
/// into the first column's header only ("Ventetid somatikk 2023", "2024"): a bare year after a
/// header that ends in a year takes that header's words too ("Ventetid somatikk 2024").
fn with_group_names(mut header: Vec<String>) -> Vec<String> {
    for i in 2..header.len() {
        let bare_year =
            |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && is_year_word(w);
        let h = header[i].trim();
        if !bare_year(h) {
            continue;
        }
        let prev = header[i - 1].trim();
        let Some((group, last)) = prev.rsplit_once(' ') else {
            continue;
        };
        // Only a group's name, not a column of its own ("Helse Midt des. 2023" is a column).
        let words = group.split_whitespace().count();
        if bare_year(last)
            && group.chars().any(char::is_alphabetic)
            && words <= 3
            && !group.contains('.')
        {
            header[i] = format!("{group} {h}");
        }
    }
    header
}

fn finish(cand: Option<Candidate>, idle: &mut Idle, out: &mut Vec<FoundTable>) {
    let Some(mut cand) = cand else { return };
    let leftover = std::mem::take(&mut cand.pending);
    if let Some(mut t) = build_table(cand) {
        area_header(&mut t);
        out.push(t);
    }
    idle.pending = leftover;
    idle.caption = None;
}

/// A header flattened from PDF with one space between cells ("Helseføretak Somatikk Psykisk
/// helsevern vaksne (VOP) Psykisk helsevern barn og unge (BUP) TSB") cannot be cut by gaps.
/// When its text names exactly as many areas (fagområder, `data/phrases/subjects.txt`) as the
/// table has value columns, and the columns as cut do not each name one, the columns are those
/// areas in order. Words before the first area that do not label the row column (a wrapped
/// caption's tail, "heile 2024") are dropped.
fn area_header(t: &mut FoundTable) {
    let n = t.width();
    if n < 2 || t.header.is_empty() {
        return;
    }
    let one_each = t.header[1..]
        .iter()
        .filter(|h| crate::extract::targets::subjects_in(&fold(h), 0).len() == 1)
        .count();
    if one_each == n {
        return;
    }
    let joined = t.header.join(" ");
    let f = fold(&joined);
    let mut kept = crate::extract::targets::area_mentions(&f);
    // A last column for all areas together ("Alle fag-/områder", "Totalt") after one per area.
    if kept.len() + 1 == n {
        let Some(last_end) = kept.last().map(|k| k.0.end) else {
            return;
        };
        let rest = f[last_end..].replace("- ", "").replace('-', "");
        let cat = crate::extract::entities::catalogue();
        let total = crate::extract::phrases::subjects().iter().any(|(c, a)| {
            c == "Alle fagområder" && crate::extract::phrases::first_of(&rest, a, 0).is_some()
        }) || cat
            .resolve(rest.trim())
            .is_some_and(|id| cat.kind(id) == crate::extract::entities::EntityKind::Total);
        if !total {
            return;
        }
        // The total column's header starts after the last area's name.
        let start = f[last_end..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map_or(f.len(), |(i, _)| last_end + i);
        kept.push((start..f.len(), String::new()));
    }
    if kept.len() != n {
        return;
    }
    let mut header = Vec::with_capacity(n + 1);
    // The label column: the last word before the first area ("Helseføretak", "Føretak").
    let label = joined[..kept[0].0.start]
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_string();
    header.push(label);
    for (k, (r, _)) in kept.iter().enumerate() {
        let end = kept.get(k + 1).map_or(joined.len(), |x| x.0.start);
        header.push(joined[r.start..end].trim().to_string());
    }
    for (c, h) in t.columns.iter_mut().zip(header.iter().skip(1)) {
        c.header = Some(h.clone());
    }
    t.header = header;
}

fn build_table(cand: Candidate) -> Option<FoundTable> {
    if cand.rows.len() < 2 {
        return None;
    }
    let cuts: Vec<Vec<Cut>> = cand.rows.iter().map(|(r, ..)| cuts_of(r)).collect();
    // The column count to aim for: the header's years ("2023 2024"), else the widest row that
    // can be read only one way, else the widest row read with all thousands joined.
    let header_years = cand
        .pre
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .filter(|w| is_year_word(w))
        .count();
    let fixed = cuts
        .iter()
        .filter(|cs| cs.len() == 1)
        .filter_map(|cs| cs.first().map(|c| c.starts.len()))
        .max();
    let joined = cuts
        .iter()
        .map(|cs| cs.iter().map(|c| c.starts.len()).min().unwrap_or(0))
        .max()
        .unwrap_or(0);
    let k0 = if header_years >= 2 {
        header_years
    } else {
        fixed.unwrap_or(joined)
    };
    // A header line naming every column ("Kostnadspost 2026 2027 2028 Sum") fixes the count.
    let named = cand
        .pre
        .last()
        .filter(|l| l.first == l.last)
        .and_then(|l| year_header_line(&l.text));
    let chosen: Vec<&Cut> = match &named {
        Some((_, cols, sum)) => cand
            .rows
            .iter()
            .zip(&cuts)
            .filter_map(|((r, ..), cs)| header_cut(r, cs, cols.len(), *sum))
            .collect(),
        None => cuts.iter().filter_map(|cs| best_cut(cs, k0)).collect(),
    };
    if chosen.len() != cand.rows.len() {
        return None;
    }
    let k = chosen.iter().map(|c| c.starts.len()).max().unwrap_or(0);
    if k == 0 || chosen.iter().filter(|c| c.starts.len() == k).count() < 2 {
        return None;
    }
    let avg_len = cand
        .rows
        .iter()
        // Padding that lays the columns out is not text: "Helse Bergen      61      58".
        .map(|(r, ..)| {
            r.text
                .split_whitespace()
                .map(|w| w.chars().count() + 1)
                .sum::<usize>()
        })
        .sum::<usize>()
        / cand.rows.len();
    if avg_len > 70 {
        return None;
    }
    let mut rows = Vec::with_capacity(cand.rows.len());
    for ((raw, label_line, line, end_line), cut) in cand.rows.iter().zip(&chosen) {
        let mut label = raw.label.clone();
        if cut.absorbed {
            if let Some(g) = raw.groups.first() {
                join_label(&mut label, &g.lex.int);
            }
        }
        let mut cells = build_cells(raw, cut);
        let padded = cells.len() < k;
        while cells.len() < k {
            cells.insert(0, Cell::blank());
        }
        rows.push(FoundRow {
            label,
            cells,
            line: *line,
            end_line: *end_line,
            label_line: *label_line,
            padded,
        });
    }
    let named = named.filter(|(_, cols, _)| cols.len() == k);
    let gapped = if named.is_some() {
        None
    } else {
        gapped_header(&cand.pre, k)
    };
    let (header, dropped) = match gapped {
        _ if named.is_some() => {
            let (label, cols, _) = named.unwrap_or_default();
            let mut header = vec![label];
            header.extend(cols);
            let above = cand.pre.len().saturating_sub(1);
            let dropped = cand.pre[..above]
                .iter()
                .map(|l| collapse_ws(&l.text))
                .collect();
            (header, dropped)
        }
        Some(g) => {
            // Label-column lines under the header wrap the first row's label.
            if let (Some(first), false) = (rows.first_mut(), g.first_label.is_empty()) {
                let mut label = String::new();
                for l in &g.first_label {
                    join_label(&mut label, l);
                }
                join_label(&mut label, &first.label);
                first.label = collapse_ws(&label);
                first.label_line = first.label_line.min(g.first_label_line);
            }
            (g.header, g.dropped)
        }
        None => {
            let header_lines: Vec<&str> = cand.pre.iter().map(|l| l.text.as_str()).collect();
            header_cells(&header_lines, k)
        }
    };
    let header = with_group_names(header);
    let columns = header
        .iter()
        .skip(1)
        .map(|h| ColumnMeta {
            year: year_in(h),
            header: if h.is_empty() { None } else { Some(h.clone()) },
        })
        .collect();
    let (caption, number, cap_line) = match cand.caption {
        // A caption wrapped over lines ("Tabell 3: Ventetid for" + "pasientar som …").
        Some((mut c, n, l)) if dropped.first().is_some_and(|d| continues(&c, d)) => {
            for d in &dropped {
                join_label(&mut c, d);
            }
            (Some(c), n, Some(l))
        }
        Some((c, n, l)) => (Some(c), n, Some(l)),
        None if !dropped.is_empty() => (Some(dropped.join(" ")), None, None),
        None => (None, None, None),
    };
    let first_row_line = rows.first().map_or(0, |r| r.label_line.min(r.line));
    let line = cap_line
        .into_iter()
        .chain(cand.pre.first().map(|l| l.first))
        .chain(std::iter::once(first_row_line))
        .min()
        .unwrap_or(first_row_line);
    let end_line = rows.last().map_or(line, |r| r.end_line);
    Some(FoundTable {
        caption,
        number,
        header,
        columns,
        rows,
        line,
        end_line,
    })
}

/// One piece of a laid-out line: start and end column and its text.
pub(crate) struct Piece {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
}

/// The pieces of a line laid out in columns: runs of text separated by two or more spaces (or a
/// tab). Column numbers count characters from the start of the physical line.
fn layout_pieces(ll: &LLine) -> Vec<Piece> {
    column_pieces(&ll.text, ll.indent)
}

/// The pieces of a text laid out in columns: runs of text separated by two or more spaces (or a
/// tab), each with the character columns it spans (counted from `indent`).
pub(crate) fn column_pieces(text: &str, indent: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let mut end = 0;
    let mut spaces = 0;
    for (col, c) in (indent..).zip(text.chars()) {
        if c.is_whitespace() {
            spaces += if c == '\t' { 2 } else { 1 };
        } else {
            if spaces >= 2 && !cur.is_empty() {
                out.push(Piece {
                    start,
                    end,
                    text: std::mem::take(&mut cur),
                });
            } else if spaces == 1 && !cur.is_empty() {
                cur.push(' ');
            }
            if cur.is_empty() {
                start = col;
            }
            cur.push(c);
            end = col + 1;
            spaces = 0;
        }
    }
    if !cur.is_empty() {
        out.push(Piece {
            start,
            end,
            text: cur,
        });
    }
    out
}

/// A header read from a column layout.
struct GappedHeader {
    header: Vec<String>,
    /// Lines above the header that are not part of it (a wrapped caption or a title).
    dropped: Vec<String>,
    /// Lines under the header that sit in the label column only: the first row's wrapped label.
    first_label: Vec<String>,
    first_label_line: usize,
}

/// Reads the header of a table laid out in columns (pieces separated by wide gaps): the last line
/// before the rows with one piece per column is the header's skeleton; lines above it with
/// several pieces and lines below it ("(%)  (dager)") add to the columns they sit under. `None`
/// when the lines are not laid out so.
fn gapped_header(pre: &[LLine], k: usize) -> Option<GappedHeader> {
    let want = k + 1;
    if want < 2 || pre.is_empty() {
        return None;
    }
    let pieces: Vec<Vec<Piece>> = pre
        .iter()
        .map(|l| {
            if l.first == l.last {
                layout_pieces(l)
            } else {
                Vec::new()
            }
        })
        .collect();
    let si = (0..pre.len()).rev().find(|&i| {
        let n = pieces[i].len();
        n >= 2 && (n == want || (n + 1 == want && pieces[i][0].start > 0))
    })?;
    // The columns' spans: the label column starts the line when its header is missing.
    let mut cols: Vec<(usize, usize)> = pieces[si].iter().map(|p| (p.start, p.end)).collect();
    let mut header: Vec<String> = pieces[si].iter().map(|p| p.text.clone()).collect();
    if cols.len() + 1 == want {
        let first = cols.first().map_or(0, |c| c.0);
        cols.insert(0, (0, first.saturating_sub(1).max(1)));
        header.insert(0, String::new());
    }
    let column_of = |p: &Piece| -> (usize, usize) {
        let mut best = (0usize, 0usize, usize::MAX); // (column, overlap, distance)
        for (c, &(a, b)) in cols.iter().enumerate() {
            let overlap = p.end.min(b).saturating_sub(p.start.max(a));
            let distance = if overlap > 0 {
                0
            } else if p.end <= a {
                a - p.end
            } else {
                p.start.saturating_sub(b)
            };
            if overlap > best.1 || (overlap == best.1 && distance < best.2) {
                best = (c, overlap, distance);
            }
        }
        (best.0, best.1)
    };
    // Lines below the skeleton: the trailing ones in the label column only wrap the first
    // row's label; the others add to their columns.
    let mut label_from = pre.len();
    while label_from > si + 1
        && !pieces[label_from - 1].is_empty()
        && pieces[label_from - 1].iter().all(|p| column_of(p).0 == 0)
    {
        label_from -= 1;
    }
    for ps in &pieces[si + 1..label_from] {
        if ps.is_empty() || ps.len() > want {
            return None;
        }
        for p in ps {
            let (c, _) = column_of(p);
            if let Some(h) = header.get_mut(c) {
                join_label(h, &p.text);
            }
        }
    }
    // Lines above: only lines with several pieces, each under its own column.
    let mut top = si;
    while top > 0 {
        let ps = &pieces[top - 1];
        if ps.len() < 2 || ps.len() > want {
            break;
        }
        let placed: Vec<(usize, usize)> = ps.iter().map(column_of).collect();
        let distinct = placed.windows(2).all(|w| w[0].0 < w[1].0);
        if !distinct || placed.iter().any(|&(_, overlap)| overlap == 0) {
            break;
        }
        for (p, (c, _)) in ps.iter().zip(placed) {
            if let Some(h) = header.get_mut(c) {
                let mut joined = p.text.clone();
                join_label(&mut joined, h);
                *h = joined;
            }
        }
        top -= 1;
    }
    Some(GappedHeader {
        header: header.iter().map(|h| collapse_ws(h)).collect(),
        dropped: pre[..top].iter().map(|l| collapse_ws(&l.text)).collect(),
        first_label: pre[label_from..].iter().map(|l| l.text.clone()).collect(),
        first_label_line: pre.get(label_from).map_or(usize::MAX, |l| l.first),
    })
}

/// The last plausible year (1900–2100) written as four digits in `h`.
pub(crate) fn year_in(h: &str) -> Option<i32> {
    h.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .rfind(|y| (1900..=2100).contains(y))
}

fn is_year_word(w: &str) -> bool {
    let d = w.trim_matches(|c: char| !c.is_ascii_digit());
    d.len() == 4 && d.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Regroups header lines into `k + 1` headers (label column first). Returns the headers and the
/// leading pieces that did not fit (a title above the header).
fn header_cells(lines: &[&str], k: usize) -> (Vec<String>, Vec<String>) {
    let want = k + 1;
    // Pieces: a line and its continuations.
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut prev: Option<&str> = None;
    for l in lines {
        let words: Vec<String> = l.split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            continue;
        }
        match (prev, groups.last_mut()) {
            (Some(p), Some(g)) if continues(p, l) => {
                if let Some(last) = g.last_mut() {
                    if last.ends_with('-')
                        && last.len() > 1
                        && words[0].starts_with(|c: char| c.is_alphabetic())
                    {
                        let first = words[0].clone();
                        last.push_str(&first);
                        g.extend(words.into_iter().skip(1));
                        prev = Some(l);
                        continue;
                    }
                }
                g.extend(words);
            }
            _ => groups.push(words),
        }
        prev = Some(l);
    }
    // A piece that is only a parenthesised unit ("(dager)", "(antall)", "(%)") belongs to the
    // header before it.
    if groups.len() > want {
        let mut merged: Vec<Vec<String>> = Vec::new();
        for g in groups {
            let unit_only = g.len() == 1 && g[0].starts_with('(') && g[0].ends_with(')');
            match merged.last_mut() {
                Some(prev) if unit_only => prev.extend(g),
                _ => merged.push(g),
            }
        }
        groups = merged;
    }
    let mut dropped = Vec::new();
    if groups.len() > want {
        let extra = groups.len() - want;
        dropped = groups.drain(..extra).map(|g| g.join(" ")).collect();
    }
    // Too few: split off the label header, then between years, then at a capital after a
    // lower-case word.
    if !groups.is_empty() && groups.len() < want && groups[0].len() > 1 {
        let rest = groups[0].split_off(1);
        groups.insert(1, rest);
    }
    for tier in 0..2 {
        while groups.len() < want {
            let mut done = false;
            'find: for gi in 1..groups.len() {
                for wi in 1..groups[gi].len() {
                    let (a, b) = (&groups[gi][wi - 1], &groups[gi][wi]);
                    let ok = match tier {
                        0 => is_year_word(a) && is_year_word(b),
                        _ => {
                            b.starts_with(|c: char| c.is_uppercase())
                                && (a.chars().any(|c| c.is_lowercase()) || is_year_word(a))
                                && !a.ends_with('-')
                        }
                    };
                    if ok {
                        let rest = groups[gi].split_off(wi);
                        groups.insert(gi + 1, rest);
                        done = true;
                        break 'find;
                    }
                }
            }
            if !done {
                break;
            }
        }
    }
    let mut header: Vec<String> = groups.iter().map(|g| g.join(" ")).collect();
    while header.len() < want {
        header.push(String::new());
    }
    (header, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Document {
        Document::new(s.to_string())
    }

    const S000: &str = include_str!("../../examples/000_2a6fda8bf9662336.txt");
    const S001: &str = include_str!("../../examples/001_a15ca66fe45fcd5e.txt");
    const S002: &str = include_str!("../../examples/002_473fd4dd3fe50d6d.txt");
    const S003: &str = include_str!("../../examples/003_1aa3c3bfad0b64da.txt");
    const S004: &str = include_str!("../../examples/004_6a014670dbcf36ad.txt");

    fn values(r: &FoundRow) -> Vec<Option<f64>> {
        r.cells.iter().map(|c| c.value).collect()
    }

    fn table_at(ts: &[FoundTable], line: usize) -> &FoundTable {
        ts.iter()
            .find(|t| t.line <= line && line <= t.end_line)
            .unwrap_or_else(|| panic!("no table at line {line}: {ts:#?}"))
    }

    #[test]
    fn a_group_header_names_each_of_its_year_columns() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            with_group_names(h(&[
                "Føretak",
                "Ventetid BUP 2023",
                "2024",
                "Endring",
                "Fristbrot 2023",
                "2024"
            ])),
            h(&[
                "Føretak",
                "Ventetid BUP 2023",
                "Ventetid BUP 2024",
                "Endring",
                "Fristbrot 2023",
                "Fristbrot 2024"
            ])
        );
        // Bare years after a bare year stay as they are.
        assert_eq!(
            with_group_names(h(&["Post", "2024", "2025"])),
            h(&["Post", "2024", "2025"])
        );
    }

    #[test]
    fn a_wide_row_laid_out_in_columns_is_a_row_not_prose() {
        // Rows of a landscape table run past 80 characters; their gaps make them rows.
        let text = "Tabell 4: Ventetid og fristbrudd per helseforetak\n\
                    Universitetssykehuset Nord-Norge HF    101 200      71      66     -5      2,5 %      1,8 %\n\
                    Nordlandssykehuset HF                   61 300      78      80      2      3,3 %      2,4 %\n\
                    Finnmarkssykehuset HF                   23 800      69      64     -5      1,9 %      1,5 %\n\
                    \n\
                    Ventetiden gikk ned i to av tre foretak, og andelen fristbrudd var lavere enn i fjor i alle tre foretakene samlet sett.\n";
        let ts = find_tables(&doc(text));
        let t = table_at(&ts, 2);
        assert_eq!(t.rows.len(), 3, "{t:#?}");
        assert_eq!(values(&t.rows[0])[0], Some(101_200.0));
        assert_eq!(t.rows[2].cells.last().and_then(|c| c.value), Some(1.5));
        // The long line of prose after it is no row.
        assert!(ts.iter().all(|t| t.end_line < 6), "{ts:#?}");
    }

    #[test]
    fn column_layout_header_with_units_below_and_wrapped_caption() {
        let text = "Tabell 2: Ventetid og fristbrot per føretak, tal for\n\
                    fjoråret i parentes\n\
                    \n\
                    Føretak                 Ventetid BUP       Fristbrot\n\
                    \x20                       (dagar)            (%)\n\
                    Helse Fonna             45 (50)            3,1 (3,4)\n\
                    Helse Førde             38 (41)            2,0 (2,2)\n";
        let ts = find_tables(&doc(text));
        let t = table_at(&ts, 6);
        assert_eq!(
            t.header,
            ["Føretak", "Ventetid BUP (dagar)", "Fristbrot (%)"],
            "{t:#?}"
        );
        assert_eq!(
            t.caption.as_deref(),
            Some("Tabell 2: Ventetid og fristbrot per føretak, tal for fjoråret i parentes")
        );
        assert_eq!(values(&t.rows[0]), [Some(45.0), Some(3.1)]);
    }

    #[test]
    fn budget_rows_split_by_the_header_and_its_sum_column() {
        let text = "Kostnader (kr)\n\
                    Post 2025 2026 Sum\n\
                    Frikjøp sjukepleiarar 200 000 200 000 400 000\n\
                    Kurs og reiser 100 000 50 000 150 000\n\
                    Sum 300 000 250 000 550 000\n";
        let ts = find_tables(&doc(text));
        let t = table_at(&ts, 3);
        assert_eq!(t.header, ["Post", "2025", "2026", "Sum"], "{t:#?}");
        assert_eq!(t.caption.as_deref(), Some("Kostnader (kr)"));
        // Not "200 000 200 000" as one figure.
        assert_eq!(
            values(&t.rows[0]),
            [Some(200_000.0), Some(200_000.0), Some(400_000.0)]
        );
        assert_eq!(
            values(&t.rows[2]),
            [Some(300_000.0), Some(250_000.0), Some(550_000.0)]
        );
    }

    #[test]
    fn column_layout_label_wrapped_under_the_header() {
        let text = "Helseforetak               2023      2024\n\
                    Sykehuset i\n\
                    Vestfold                   12,0      11,5\n\
                    Sykehuset Telemark         10,1       9,8\n";
        let ts = find_tables(&doc(text));
        let t = table_at(&ts, 3);
        assert_eq!(t.header, ["Helseforetak", "2023", "2024"], "{t:#?}");
        assert_eq!(t.rows[0].label, "Sykehuset i Vestfold");
        assert_eq!(t.rows[0].label_line, 2);
        assert_eq!(t.columns[1].year, Some(2024));
    }

    #[test]
    fn sample_001_waiting_times_table_4() {
        let ts = find_tables(&doc(S001));
        let t = table_at(&ts, 2196);
        assert_eq!(t.number, Some(4));
        assert_eq!(t.caption.as_deref(), Some("Tabell 4: Ventetider"));
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Somatikk",
                "PHV voksne",
                "PHV barn og unge",
                "TSB",
                "Alle fagområder"
            ]
        );
        assert_eq!(t.width(), 6);
        assert_eq!(
            values(&t.rows[0]),
            [59.0, 70.0, 74.0, 93.0, 66.0, 60.0].map(Some)
        );
        assert_eq!(t.rows[0].line, 2196);
        assert_eq!(t.header[0], "Fagområde");
        assert!(t.header[1].contains("2019"), "{:?}", t.header);
        assert!(t.header[2].contains("2023"));
        assert!(t.header[3].contains("2024"));
        assert!(t.header[4].contains("Møre og Romsdal"));
        assert!(t.header[5].contains("Nord-Trøndelag"));
        assert!(t.header[6].contains("St. Olavs"));
        assert_eq!(t.columns[0].year, Some(2019));
        assert_eq!(t.columns[2].year, Some(2024));
        assert_eq!(t.columns[3].year, None);
    }

    #[test]
    fn sample_001_sickness_absence_table_5() {
        let ts = find_tables(&doc(S001));
        let t = table_at(&ts, 3286);
        assert_eq!(t.number, Some(5));
        assert_eq!(t.rows.len(), 7);
        assert_eq!(t.header, ["Sykefravær", "2024", "2023"]);
        let r = t
            .rows
            .iter()
            .find(|r| r.label == "Sykehusapotekene i Midt-Norge HF")
            .expect("wrapped label");
        assert_eq!(values(r), [Some(9.6), Some(10.0)]);
        assert_eq!(r.label_line, 3294);
        assert_eq!(r.line, 3297);
        assert_eq!(r.cells[0].unit, NumUnit::Percent);
        assert!((r.cells[0].resolution - 0.1).abs() < 1e-12);
        let last = t.rows.last().unwrap();
        assert_eq!(last.label, "Totalt");
        assert_eq!(last.line, 3301);
        // The page number "39" above the table is not part of it.
        assert!(t.line >= 3282);
    }

    #[test]
    fn sample_001_label_value_list() {
        let ts = find_tables(&doc(S001));
        let t = table_at(&ts, 1551);
        assert_eq!(t.width(), 1);
        assert_eq!(t.rows.len(), 5);
        assert_eq!(t.rows[0].label, "Befolkning");
        // The population's thousands group is joined, as the lexer reads the line on its own.
        let line = doc(S001).line_text(t.rows[0].line).to_string();
        let whole =
            crate::extract::numbers::parse_number(line.trim().trim_start_matches("Befolkning"));
        assert!(whole.is_some_and(|v| v > 100_000.0));
        assert_eq!(values(&t.rows[0]), [whole]);
        assert_eq!(t.rows[2].label, "Tilsvarer andel");
        assert_eq!(t.rows[2].cells[0].unit, NumUnit::Per100k);
        assert_eq!(values(&t.rows[2]), [Some(10.2)]);
        assert_eq!(
            t.caption.as_deref(),
            Some("Intensiv- og overvåkningsplasser")
        );
    }

    #[test]
    fn sample_000_staffing_table_across_page_break() {
        let ts = find_tables(&doc(S000));
        let t = table_at(&ts, 38);
        assert_eq!(t.rows.len(), 6, "{:#?}", t.rows);
        assert_eq!(t.width(), 3);
        assert_eq!(t.header[0], "PROFESJONSGRUPPE");
        assert!(t.header[1].contains("2023"));
        assert!(t.header[3].contains("2040") && t.header[3].contains("ENDRING"));
        let r = &t.rows[2];
        assert_eq!(r.label, "INTENSIVSYKEPLEIER");
        assert_eq!(r.line, 47);
        assert_eq!(values(r), [Some(687.0), Some(729.0), Some(808.0)]);
        let note = r.cells[2].note.as_ref().unwrap();
        assert_eq!(note.value, Some(11.7));
        assert_eq!(note.unit, NumUnit::Percent);
        assert_eq!(r.cells[1].text, "729 (6,1 %)");
        assert_eq!(values(&t.rows[0]), [Some(302.0), Some(321.0), Some(352.0)]);
        assert_eq!(t.rows[5].label, "JORDMØDRE");
        assert_eq!(t.columns[2].year, Some(2040));
    }

    #[test]
    fn sample_000_budget_table_with_wrapped_labels() {
        let ts = find_tables(&doc(S000));
        let t = table_at(&ts, 328);
        assert_eq!(t.width(), 3);
        assert_eq!(
            t.header,
            [
                "Tiltak",
                "Bruk av fagutviklere",
                "Andre midler/tiltak",
                "Total"
            ]
        );
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Implementering anbefalinger Hjem til hjem",
                "Implementering barn og unge",
                "Prosjektfinansiering helhetlige pasientforløp fra hjem til hjem",
                "Samhandlingskonferanse 2025",
                "Finansiering av forskning på samhandling",
                "Sum"
            ]
        );
        assert_eq!(
            values(&t.rows[0]),
            [Some(1_100_000.0), Some(200_000.0), Some(1_300_000.0)]
        );
        assert_eq!(t.rows[0].cells[0].text, "1 100 000 (100% stilling)");
        assert_eq!(values(&t.rows[3]), [None, Some(200_000.0), Some(200_000.0)]);
        assert!(t.rows[3].padded);
        assert_eq!(
            values(&t.rows[5]),
            [Some(2_200_000.0), Some(2_366_000.0), Some(4_566_000.0)]
        );
        assert_eq!(t.rows[5].line, 328);
    }

    #[test]
    fn sample_003_budget_with_values_below_labels() {
        let ts = find_tables(&doc(S003));
        let t = table_at(&ts, 1179);
        assert_eq!(t.width(), 1);
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Medgått arbeidstid og ressurser til planlegging (frikjøp fagpersonell)",
                "Lønn for medisinskfaglig prosjektleder (100 % stilling) frikjøp",
                "Prosjektmøter, utredningsarbeid og analyser",
                "Total"
            ]
        );
        assert_eq!(values(&t.rows[3]), [Some(3_600_000.0)]);
        assert_eq!(t.rows[0].line, 1171);
        assert_eq!(t.rows[0].label_line, 1168);
    }

    #[test]
    fn no_tables_made_of_prose_in_the_samples() {
        // Every table found in the samples is one of the known ones.
        let expected: &[(&str, &[usize])] = &[
            (S000, &[38, 328]),
            (S001, &[1551, 2196, 3286]),
            (S002, &[]),
            (S003, &[1179]),
            (S004, &[]),
        ];
        for (text, lines) in expected {
            let ts = find_tables(&doc(text));
            let found: Vec<(usize, usize)> = ts.iter().map(|t| (t.line, t.end_line)).collect();
            assert_eq!(ts.len(), lines.len(), "found {found:?}");
            for l in *lines {
                table_at(&ts, *l);
            }
        }
    }

    #[test]
    fn prose_with_numbers_is_not_a_table() {
        let text = "I 2024 var median tid for lukking i foretaket 24 dager, mot 31 dager i 2023.\n\
                    Andelen var 86 prosent i 2024\n\
                    og 84 prosent i 2023.\n\
                    Foretaksmøte 11. juni 2024\n\
                    Foretaksmøte 3. juli 2024\n";
        assert!(find_tables(&doc(text)).is_empty());
    }

    #[test]
    fn nynorsk_table_with_caption() {
        let text = "Tabell 2. Sjukefråvær i føretaka\n\
                    Føretak 2023 2024\n\
                    Helse Bergen 7,1 % 6,8 %\n\
                    Helse Fonna 8,0 % 7,5 %\n\
                    Samla 7,4 % 7,0 %\n\
                    Sjukefråværet gjekk ned i alle føretaka.\n";
        let ts = find_tables(&doc(text));
        assert_eq!(ts.len(), 1);
        let t = &ts[0];
        assert_eq!(t.number, Some(2));
        assert_eq!(t.header, ["Føretak", "2023", "2024"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.line, 1);
        assert_eq!(t.end_line, 5);
        let c = t.to_contract();
        assert_eq!(c.rows[2], ["Samla", "7,4 %", "7,0 %"]);
    }

    #[test]
    fn thousands_are_joined_when_cells_stay_alike() {
        let text = "Post 2023 2024\nLønn 1 234 1 456\nDrift 987 1 012\nSum 2 221 2 468\n";
        let ts = find_tables(&doc(text));
        assert_eq!(ts.len(), 1);
        assert_eq!(values(&ts[0].rows[0]), [Some(1234.0), Some(1456.0)]);
        assert_eq!(values(&ts[0].rows[1]), [Some(987.0), Some(1012.0)]);
    }

    #[test]
    fn many_three_digit_columns_stay_apart() {
        let text = "Område 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024\n\
                    Somatikk 159 170 174 193 166 160 171 180 175 190\n\
                    Psykisk helsevern 141 156 153 170 146 146 150 160 155 149\n";
        let ts = find_tables(&doc(text));
        assert_eq!(ts.len(), 1);
        assert_eq!(ts[0].width(), 10);
        assert_eq!(ts[0].rows[1].cells[9].value, Some(149.0));
    }

    #[test]
    fn page_break_inside_a_table_continues_it() {
        let text = "Tabell 7: Årsverk per foretak\n\
                    Foretak 2023 2024\n\
                    St. Olavs hospital 10 950 11 020\n\
                    Helse Møre og Romsdal 6 310 6 402\n\
                    Side 12\n\
                    Intern\n\
                    https://www.helse-midt.no/\n\
                    Helse Nord-Trøndelag 3 120 3 150\n\
                    Sum 20 380 20 572\n\
                    Antall årsverk økte i alle foretak.\n";
        let ts = find_tables(&doc(text));
        assert_eq!(ts.len(), 1);
        let t = &ts[0];
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[2].line, 8);
        assert_eq!(t.rows[0].cells[0].value, Some(10_950.0));
        assert_eq!(t.rows[3].cells[1].value, Some(20_572.0));
        assert_eq!(t.header, ["Foretak", "2023", "2024"]);
    }

    #[test]
    fn unit_words_after_values() {
        let text = "Leger 1 210 årsverk\nSykepleiere 3 400 årsverk\nBudsjett 12,5 mill. kr\n";
        let ts = find_tables(&doc(text));
        assert_eq!(ts.len(), 1);
        let t = &ts[0];
        assert_eq!(t.rows[0].cells[0].value, Some(1210.0));
        assert_eq!(t.rows[0].cells[0].unit, NumUnit::Fte);
        assert_eq!(t.rows[0].cells[0].text, "1 210 årsverk");
        assert_eq!(t.rows[2].cells[0].value, Some(12_500_000.0));
    }

    #[test]
    fn random_table_like_input_does_not_panic() {
        // A small deterministic generator over the characters tables are made of.
        let alphabet: Vec<char> =
            "0123456789 ,.%()-−–:;/øæåØ•\n\n\t\u{a0}Sum Total HF 2024 000 per"
                .chars()
                .collect();
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300 {
            let mut s = String::new();
            for _ in 0..400 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            let ts = find_tables(&doc(&s));
            for t in &ts {
                assert_eq!(t.header.len(), t.width() + 1);
                assert!(t.rows.iter().all(|r| r.cells.len() == t.width()));
                let _ = t.to_contract();
            }
        }
    }

    #[test]
    fn every_unit_word_names_a_unit() {
        for (w, (name, _)) in &lexicon().table_units {
            assert!(unit_named(name).is_some(), "{w}: {name}");
        }
        assert_eq!(
            lexicon().table_units.get("mnok").map(|&(n, f)| (unit_named(n), f)),
            Some((Some(NumUnit::Nok), 1e6))
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "(",
            ")(",
            "Tabell",
            "Tabell 1:",
            "a 1\nb 2\n",
            "æ 1,\nø -\n",
            "x 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3\ny 1 2\n",
            "x 100 000 000 000 000 000 000 000 000 000 000 000 000 000 000\ny 100 000\n",
            "(((((\n1 2\n3 4\n",
            "−5 %\n–6,1 %\n",
        ] {
            let _ = find_tables(&doc(s));
        }
        let long = "Rad 1 2 3\n".repeat(20_000);
        let ts = find_tables(&doc(&long));
        assert_eq!(ts.len(), 1);
    }
}
