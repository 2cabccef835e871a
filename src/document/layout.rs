//! Line layout analysis shared by the reading view and the section finder.
//!
//! Each input line is blank, noise (page furniture) or content. Content lines are cleaned (links
//! and bullet glyphs removed, whitespace collapsed) and described by what sits between them and
//! the previous content line (a paragraph break, a page break) and by their shape (bullet,
//! numbered item, table row, heading). Every step is a constant number of passes over the lines.
//!
//! Paragraph breaks: PDF text extraction often puts an empty line after every text line. When a
//! document has whitespace-only lines (" "), those mark paragraphs and truly empty lines do not;
//! otherwise any blank line marks a paragraph.

use std::collections::HashMap;

use super::lexicon::lexicon;
use super::noise::{is_link_token, is_noise_line, is_page_label, is_page_number};
use super::Document;

/// One content line after cleaning.
#[derive(Debug, Clone)]
pub(crate) struct ContentLine {
    /// 1-based original line number.
    pub number: usize,
    /// Cleaned text: no links, no bullet glyph, single spaces, trimmed.
    pub text: String,
    /// Length of `text` in characters.
    pub chars: usize,
    pub bullet: bool,
    /// Numbering depth when the line starts like "2.", "2.1" or "1)" followed by a capital.
    pub numbered: Option<u8>,
    pub table_row: bool,
    /// A paragraph break lies between this line and the previous content line.
    pub para_before: bool,
    pub heading: HeadingKind,
    /// The raw line starts with whitespace and then a capital letter: in PDF extractions this is
    /// where a bullet glyph or a paragraph indent was lost, so a new sentence starts here.
    pub indented_capital: bool,
    /// A piece of a status table's cell (see `columns`): the first piece of a cell starts a
    /// unit, the others continue it.
    pub cell: CellPiece,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellPiece {
    None,
    First,
    More,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadingKind {
    None,
    /// A section heading with its level.
    Section(u8),
    /// A table or figure caption: its own unit, not a section.
    Caption,
}

/// The cells of a status table as content lines: each cell a unit of its pieces in line order.
fn push_cells(lines: &mut Vec<ContentLine>, t: &super::columns::ColumnTable) {
    for row in &t.rows {
        for cell in row {
            for (k, (i, piece)) in cell.iter().enumerate() {
                let text = piece.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    continue;
                }
                lines.push(ContentLine {
                    number: i + 1,
                    chars: text.chars().count(),
                    text,
                    bullet: false,
                    numbered: None,
                    table_row: false,
                    para_before: k == 0,
                    heading: HeadingKind::None,
                    indented_capital: false,
                    cell: if k == 0 {
                        CellPiece::First
                    } else {
                        CellPiece::More
                    },
                });
            }
        }
    }
}

pub(crate) struct Layout {
    pub lines: Vec<ContentLine>,
    /// Typical full line width in characters (90th percentile of content line lengths).
    pub width: usize,
}

const BULLETS: &[char] = &[
    '•', '▪', '◦', '●', '■', '□', '➢', '►', '▶', '‣', '⁃', '∙', '·', '*', '✓', '✔', '→',
    // Symbol-font bullets that PDF extraction maps to the private use area.
    '\u{F0B7}', '\u{F0A7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}', '\u{F0A8}', '\u{F06E}', '\u{F0E0}',
    '\u{F02D}',
];

/// The rest of a line that opens with a dash token ("– andelen …" gives "andelen …").
fn weak_dash(text: &str) -> Option<&str> {
    let (tok, rest) = text.split_once(' ')?;
    matches!(tok, "-" | "–" | "—").then(|| rest.trim_start())
}

fn is_bullet_token(tok: &str) -> bool {
    let mut cs = tok.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => BULLETS.contains(&c) || matches!(c, '-' | '–' | 'o' | '—'),
        _ => false,
    }
}

/// Removes links and a leading bullet glyph, collapses whitespace. Returns (text, bullet).
fn clean(raw: &str) -> (String, bool) {
    let mut out = String::with_capacity(raw.len());
    let mut bullet = false;
    let mut first = true;
    let mut toks = raw.split_whitespace().peekable();
    while let Some(tok) = toks.next() {
        let mut tok = tok;
        if first {
            first = false;
            if is_bullet_token(tok) {
                // Dashes and "o" are bullets only before a capital ("– psykisk helsevern"
                // wrapped onto a new line is not a list item).
                let weak = matches!(tok, "-" | "–" | "—" | "o");
                let next_upper = toks
                    .peek()
                    .and_then(|n| first_alnum(n))
                    .is_some_and(|c| c.is_uppercase());
                // "– somatikk: under 55 dagar": an item of the form "label: value" is a list
                // item whatever its case.
                let labelled = raw
                    .split_whitespace()
                    .skip(1)
                    .take(8)
                    .any(|w| w.ends_with(':') && w.len() > 1);
                if !weak || next_upper || labelled || toks.peek().is_none() {
                    bullet = true;
                    continue;
                }
            }
            // A lettered item ("a) Andelen …", "(b) For …", "iii) Det …") before a capital.
            if is_letter_marker(tok)
                && toks
                    .peek()
                    .and_then(|n| first_alnum(n))
                    .is_some_and(|c| c.is_uppercase())
            {
                bullet = true;
                continue;
            }
            if let Some(c) = tok.chars().next() {
                if BULLETS.contains(&c) && c != '*' {
                    bullet = true;
                    tok = &tok[c.len_utf8()..];
                    if tok.is_empty() {
                        continue;
                    }
                }
            }
        }
        if is_link_token(tok) {
            // Keep sentence punctuation that followed the link.
            if let Some(c @ ('.' | ',' | ';')) = tok.chars().last() {
                out.push(c);
            }
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(tok);
    }
    (out, bullet)
}

/// "a)", "(b)", "iv)": the marker of a lettered or roman-numbered list item.
fn is_letter_marker(tok: &str) -> bool {
    let Some(body) = tok.strip_suffix(')') else {
        return false;
    };
    let body = body.strip_prefix('(').unwrap_or(body);
    let mut chars = body.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_lowercase());
    single
        || matches!(
            body,
            "ii" | "iii" | "iv" | "vi" | "vii" | "viii" | "ix" | "xi" | "xii"
        )
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// First letter or digit after opening punctuation.
pub(crate) fn first_alnum(s: &str) -> Option<char> {
    s.chars()
        .find(|c| !matches!(c, '(' | '[' | '«' | '"' | '\'' | '“' | '‘' | '„'))
        .filter(|c| c.is_alphanumeric())
}

pub(crate) fn starts_lower(s: &str) -> bool {
    first_alnum(s).is_some_and(|c| c.is_lowercase())
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

fn last_word(s: &str) -> &str {
    s.split_whitespace().next_back().unwrap_or("")
}

/// The line ends with a word a sentence cannot end on, or with a comma.
pub(crate) fn ends_open(s: &str) -> bool {
    if s.ends_with(',') || s.ends_with('&') {
        return true;
    }
    let w = last_word(s).to_lowercase();
    lexicon().continuation.contains(w.as_str())
}

pub(crate) fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches([')', '"', '»', '\'', '”', '’']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Numbering at the start: "2.", "2.1", "2.1.", "1)" followed by a capital letter.
/// Returns the depth. A bare "2 Kvalitet" counts only when `allow_bare`.
fn numbering(s: &str, allow_bare: bool) -> Option<u8> {
    let tok = first_word(s);
    let rest = s.get(tok.len()..).unwrap_or("");
    if !starts_upper_word(rest) {
        return None;
    }
    let (body, closed) = if let Some(b) = tok.strip_suffix(')') {
        (b, true)
    } else if let Some(b) = tok.strip_suffix('.') {
        (b, true)
    } else {
        (tok, false)
    };
    let groups: Vec<&str> = body.split('.').collect();
    if groups.is_empty() || groups.len() > 6 {
        return None;
    }
    if !groups
        .iter()
        .all(|g| !g.is_empty() && g.len() <= 2 && g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if !closed && groups.len() == 1 && !allow_bare {
        return None;
    }
    Some(groups.len().min(6) as u8)
}

fn starts_upper_word(rest: &str) -> bool {
    rest.starts_with(char::is_whitespace)
        && first_alnum(rest.trim_start()).is_some_and(|c| c.is_uppercase())
}

fn is_num_token(tok: &str) -> bool {
    let t = tok.trim_start_matches(['(', '+', '-', '−', '–']);
    let t = t.trim_end_matches([')', '%', ',', ';', '*', ':']);
    first_char(t).is_some_and(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

fn is_filler_token(tok: &str) -> bool {
    matches!(
        tok,
        "%" | "%)" | "(%" | "-" | "–" | "—" | "x" | "(" | ")" | "pp" | "kr" | "mill" | "mnok"
    )
}

/// A table row: a short label followed by at least two numbers ("Somatikk 59 70 74 93 66 60",
/// "St. Olavs Hospital HF 9,0 % 9,2 %", "Sykefravær 2024 2023").
fn is_table_row(s: &str) -> bool {
    if ends_terminal(s) && !s.ends_with("%.") {
        // Prose ends with a full stop; rows rarely do.
        let last = last_word(s);
        if !is_num_token(last) {
            return false;
        }
    }
    let toks: Vec<&str> = s.split_whitespace().collect();
    let mut nums = 0;
    let mut i = toks.len();
    while i > 0 {
        let t = toks[i - 1];
        if is_num_token(t) {
            nums += 1;
        } else if !is_filler_token(&t.to_lowercase()) {
            break;
        }
        i -= 1;
    }
    nums >= 2 && i <= 6
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).take(3).count()
}

fn is_caption(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let (Some(w), Some(n)) = (words.next(), words.next()) else {
        return false;
    };
    lexicon().captions.contains(w.to_lowercase().as_str())
        && n.trim_end_matches([':', '.'])
            .bytes()
            .all(|b| b.is_ascii_digit())
        && first_char(n).is_some_and(|c| c.is_ascii_digit())
}

fn is_known_heading(s: &str) -> bool {
    let lower = s.to_lowercase();
    let t = lower.trim_end_matches(':').trim();
    let t = t
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–')
        .trim();
    let lex = lexicon();
    if lex.headings.contains(t) {
        return true;
    }
    let n = t.split_whitespace().count();
    n <= 3 && lex.headings.contains(first_word(t).trim_end_matches(':'))
}

fn all_caps(s: &str) -> bool {
    let mut upper = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        upper += 1;
    }
    upper >= 4
}

/// Shape of a heading line on its own: short, no final sentence punctuation, starts with a
/// capital (after any numbering), not a table row, not ending with a word that cannot end a
/// sentence.
fn heading_shape(l: &ContentLine) -> bool {
    let s = l.text.as_str();
    if l.bullet || l.table_row || l.chars > 100 || letters(s) < 2 {
        return false;
    }
    let words = s.split_whitespace().count();
    if words > 12 {
        return false;
    }
    if s.ends_with([',', ';', '-', '–', '.', '!', '?'])
        || ends_open(s.trim_end_matches(':').trim_end())
        || s.starts_with('(')
    {
        return false;
    }
    if s.ends_with(':') && words > 6 {
        return false;
    }
    // A bare section number ("3 Ventetider") is numbering too: the body after it is the title.
    let body = if l.numbered.is_some() || numbering(s, true).is_some() {
        s.get(first_word(s).len()..).unwrap_or("").trim_start()
    } else {
        s
    };
    if body.contains(": ") {
        // "Prosjekteiere: Rana kommune" is a form field, not a heading.
        return false;
    }
    first_alnum(body).is_some_and(|c| c.is_uppercase())
}

/// The line ends with a number that is not a year ("Ordinære plasser 77"): a table cell.
fn ends_with_count(s: &str) -> bool {
    let w = last_word(s).trim_end_matches(':');
    if !is_num_token(w) {
        return false;
    }
    !(w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
}

fn has_finite_verb(s: &str) -> bool {
    let lex = lexicon();
    s.split_whitespace()
        .any(|w| lex.finite_verbs.contains(w.to_lowercase().as_str()))
}

impl Layout {
    /// Line `i`, numbered at depth `d`, sits in a list of items numbered at the same depth
    /// with no paragraph break between them ("3. Styrke …", "4. Åpen …", "5. Bidra …").
    fn in_numbered_list(&self, i: usize, d: u8) -> bool {
        let same = |l: &ContentLine| l.numbered == Some(d);
        // Backwards: up to three lines of the previous item.
        let mut k = i;
        for _ in 0..3 {
            if self.lines.get(k).is_none_or(|l| l.para_before) || k == 0 {
                break;
            }
            k -= 1;
            if self.lines.get(k).is_some_and(same) {
                return true;
            }
        }
        // Forwards: the next item may follow within three lines.
        for k in i + 1..=i + 3 {
            match self.lines.get(k) {
                Some(l) if l.para_before => break,
                Some(l) if same(l) => return true,
                Some(_) => {}
                None => break,
            }
        }
        false
    }

    pub(crate) fn of(doc: &Document) -> Layout {
        let n = doc.lines.len();
        // Pass 1: blank kinds and context-free noise.
        #[derive(Clone, Copy, PartialEq)]
        enum K {
            Empty,
            WsBlank,
            Noise,
            PageNoise,
            Content,
        }
        let mut kinds = Vec::with_capacity(n);
        let mut ws_blanks = 0usize;
        for i in 0..n {
            let raw = doc.line_text(i + 1);
            let t = raw.trim();
            let k = if raw.is_empty() {
                K::Empty
            } else if t.is_empty() {
                ws_blanks += 1;
                K::WsBlank
            } else if is_page_number(t) || is_page_label(t) {
                K::PageNoise
            } else if is_noise_line(t) {
                K::Noise
            } else {
                K::Content
            };
            kinds.push(k);
        }
        let soft_empty = ws_blanks > 0;
        let is_blank = |k: K| matches!(k, K::Empty | K::WsBlank);

        // A lone small number right after a line that cannot end a sentence, with at most one
        // blank line on either side, is content ("… økte med\n\n12\n\nprosent").
        let mut last_content: Option<usize> = None;
        for i in 0..n {
            match kinds[i] {
                K::Content => last_content = Some(i),
                K::PageNoise if is_page_number(doc.line_text(i + 1).trim()) => {
                    let blank_before = i >= 2 && is_blank(kinds[i - 1]) && is_blank(kinds[i - 2]);
                    let blank_after = i + 2 < n && is_blank(kinds[i + 1]) && is_blank(kinds[i + 2]);
                    let prev_open = last_content
                        .map(|p| ends_open(doc.line_text(p + 1).trim()))
                        .unwrap_or(false);
                    if prev_open && !blank_before && !blank_after {
                        kinds[i] = K::Content;
                        last_content = Some(i);
                    }
                }
                _ => {}
            }
        }

        // Running footers: short lines seen at least twice within three lines of a page number.
        let mut near_page = vec![false; n];
        let mut dist = usize::MAX;
        for i in 0..n {
            dist = if kinds[i] == K::PageNoise {
                0
            } else {
                dist.saturating_add(1)
            };
            near_page[i] = dist <= 3;
        }
        dist = usize::MAX;
        for i in (0..n).rev() {
            dist = if kinds[i] == K::PageNoise {
                0
            } else {
                dist.saturating_add(1)
            };
            near_page[i] |= dist <= 3;
        }
        let mut footer_count: HashMap<&str, usize> = HashMap::new();
        for i in 0..n {
            if kinds[i] == K::Content && near_page[i] {
                let t = doc.line_text(i + 1).trim();
                if t.len() <= 80 {
                    *footer_count.entry(t).or_insert(0) += 1;
                }
            }
        }
        for i in 0..n {
            if kinds[i] == K::Content && near_page[i] {
                let t = doc.line_text(i + 1).trim();
                if footer_count.get(t).copied().unwrap_or(0) >= 2 {
                    kinds[i] = K::PageNoise;
                }
            }
        }

        // Status tables whose cells wrap over lines: read cell by cell (see `columns`).
        let tables = super::columns::find(
            n,
            |i| doc.line_text(i + 1).to_string(),
            |i| matches!(kinds[i], K::Noise | K::PageNoise),
            |i| is_blank(kinds[i]),
        );
        let mut table_at = 0usize;

        // Pass 2: content lines with their gaps.
        let mut lines: Vec<ContentLine> = Vec::new();
        let mut para = false;
        let mut page = false;
        let mut pending_bullet = false;
        // Whether the last content line opened with a dash.
        let mut last_dash = false;
        for (i, kind) in kinds.iter().enumerate() {
            while tables.get(table_at).is_some_and(|t| t.end <= i) {
                table_at += 1;
            }
            if let Some(t) = tables.get(table_at).filter(|t| t.header < i && i < t.end) {
                if i == t.header + 1 {
                    push_cells(&mut lines, t);
                    para = false;
                    page = false;
                }
                continue;
            }
            match *kind {
                K::Empty => para |= !soft_empty,
                K::WsBlank => para = true,
                K::PageNoise => page = true,
                K::Noise => {}
                K::Content => {
                    let raw = doc.line_text(i + 1);
                    let (mut text, mut bullet) = clean(raw);
                    // A dash before a small letter is a list item when it follows a lead that
                    // ends with a colon or another such item ("… disse kravene:" / "–
                    // gjennomsnittlig ventetid skal …" / "– andelen fristbrudd skal …").
                    let dash = !bullet && weak_dash(&text).is_some();
                    if dash
                        && lines.last().is_some_and(|l| {
                            l.number + 1 == i + 1
                                && (l.text.ends_with(':') || (l.bullet && last_dash))
                        })
                    {
                        if let Some(rest) = weak_dash(&text) {
                            text = rest.to_string();
                            bullet = true;
                        }
                    }
                    last_dash = dash || (bullet && weak_dash(raw.trim_start()).is_some());
                    let indented_capital = raw.starts_with([' ', '\t'])
                        && raw
                            .trim_start()
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase);
                    if text.is_empty() {
                        pending_bullet |= bullet;
                        continue;
                    }
                    let bullet = bullet || std::mem::take(&mut pending_bullet);
                    let chars = text.chars().count();
                    let table_row = is_table_row(&text);
                    let numbered = numbering(&text, false);
                    lines.push(ContentLine {
                        number: i + 1,
                        text,
                        chars,
                        bullet,
                        indented_capital,
                        numbered,
                        table_row,
                        // Blank lines around page furniture say nothing about paragraphs.
                        para_before: (para && !page) || lines.is_empty(),
                        heading: HeadingKind::None,
                        cell: CellPiece::None,
                    });
                    para = false;
                    page = false;
                }
            }
        }

        // Typical width: 90th percentile of line lengths (capped histogram, linear).
        let mut hist = [0usize; 301];
        for l in &lines {
            hist[l.chars.min(300)] += 1;
        }
        let target = lines.len() - lines.len() / 10;
        let mut acc = 0;
        let mut width = 80;
        for (w, c) in hist.iter().enumerate() {
            acc += c;
            if acc >= target && acc > 0 {
                width = w.max(20);
                break;
            }
        }

        let mut layout = Layout { lines, width };
        layout.find_headings();
        layout
    }

    /// Line `a` stopped well before the right margin: the first word of `b` would have fit.
    pub(crate) fn ended_early(&self, a: &ContentLine, b: &ContentLine) -> bool {
        let next = first_word(&b.text).chars().count();
        (a.chars + 1 + next) * 100 < self.width * 85
    }

    fn find_headings(&mut self) {
        let n = self.lines.len();
        let shape: Vec<bool> = self.lines.iter().map(heading_shape).collect();
        let mut last_numbered = 0u8;
        for i in 0..n {
            if self.lines[i].chars <= 150 && is_caption(&self.lines[i].text) {
                self.lines[i].heading = HeadingKind::Caption;
                continue;
            }
            if !shape[i] || self.lines[i].cell != CellPiece::None {
                continue;
            }
            let cur = &self.lines[i];
            let prev = i.checked_sub(1).and_then(|p| self.lines.get(p));
            let next = self.lines.get(i + 1);
            let prev_ok = match prev {
                None => true,
                Some(p) => {
                    cur.para_before
                        || ends_terminal(&p.text)
                        || p.text.ends_with(':')
                        || p.table_row
                        || (!ends_open(&p.text) && self.ended_early(p, cur))
                }
            };
            let next_ok = match next {
                None => true,
                Some(nx) => {
                    !starts_lower(&nx.text)
                        && (nx.para_before
                            || cur.text.ends_with(':')
                            || self.ended_early(cur, nx)
                            || nx.bullet
                            || nx.table_row)
                }
            };
            if !prev_ok || !next_ok {
                continue;
            }
            let text = cur.text.as_str();
            let numbered = cur.numbered.or_else(|| numbering(text, true));
            let level = if let Some(d) = numbered {
                if self.in_numbered_list(i, d) {
                    continue;
                }
                last_numbered = d;
                Some(d)
            } else {
                // Runs of short lines without paragraph breaks are lists or table cells.
                let in_run = (i > 0 && shape[i - 1] && !cur.para_before)
                    || next.is_some_and(|nx| shape[i + 1] && !nx.para_before);
                let body_follows = next.is_none_or(|nx| {
                    !nx.table_row
                        && (ends_terminal(&nx.text) || nx.text.split_whitespace().count() >= 4)
                });
                let strong = is_known_heading(text) || (all_caps(text) && body_follows && !in_run);
                let generic = !in_run
                    && body_follows
                    && text.split_whitespace().count() <= 10
                    && !ends_with_count(text)
                    && !has_finite_verb(text)
                    && text.chars().filter(|c| c.is_ascii_digit()).count() <= 4;
                (strong || generic).then(|| (last_numbered + 1).min(6))
            };
            if let Some(level) = level {
                self.lines[i].heading = HeadingKind::Section(level.max(1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_are_recognised() {
        assert!(is_table_row("Somatikk 59 70 74 93 66 60"));
        assert!(is_table_row("St. Olavs Hospital HF 9,0 % 9,2 %"));
        assert!(is_table_row("Sykefravær 2024 2023"));
        assert!(is_table_row("BIOINGENIØR 302 321 (6,3 %) 352 (16,15 %)"));
        assert!(!is_table_row(
            "økning fra 9 992 pasienter i oppfølging i 2023 til 13 647 i 2024. St. Olavs"
        ));
        assert!(!is_table_row("2023"));
        assert!(!is_table_row(
            "prosent. Tallet for St. Olav hospital er 84 prosent, for Helse Nord-Trøndelag 92 prosent"
        ));
    }

    #[test]
    fn lettered_items_are_bullets() {
        assert_eq!(
            clean("b) For Oslo gjelder et særskilt krav."),
            ("For Oslo gjelder et særskilt krav.".to_string(), true)
        );
        assert!(clean("(iv) Andelen skal økes").1);
        // A letter in brackets inside running text wrapped to a new line is not an item.
        assert!(!clean("a) og b) nedenfor").1);
    }

    #[test]
    fn numbering_depth() {
        assert_eq!(numbering("2.1 Kvalitet", false), Some(2));
        assert_eq!(
            numbering("1. Indikator om utdanningsstillinger", false),
            Some(1)
        );
        assert_eq!(numbering("3.2.1. Oppfølging", false), Some(3));
        assert_eq!(numbering("27. april 2024", false), None);
        assert_eq!(numbering("2024 Helse", true), None);
        assert_eq!(numbering("2 Kvalitet", false), None);
        assert_eq!(numbering("2 Kvalitet", true), Some(1));
    }

    #[test]
    fn cleaning_drops_links_and_bullets() {
        assert_eq!(
            clean("• Høyere  stillingsandel ").0,
            "Høyere stillingsandel"
        );
        assert!(clean("• Høyere").1);
        // A dash item "label: value" with a long label is an item whatever its case.
        assert!(clean("- psykisk helsevern for barn og unge (BUP): under 40 dagar").1);
        assert!(!clean("– psykisk helsevern innan 2026.").1);
        assert!(clean("o Lavere turnover").1);
        assert_eq!(
            clean("Sjå https://www.helse-midt.no/rapport. Meir").0,
            "Sjå. Meir"
        );
        assert_eq!(clean("-").0, "");
    }
}
