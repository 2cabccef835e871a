//! Logical lines: the document's lines with blank lines and page furniture left out and a line
//! with an unclosed parenthesis joined to the next.

use super::*;

// ---------------------------------------------------------------------------------------------
// Logical lines.

#[derive(Debug, Clone)]
pub(super) struct LLine {
    pub(super) text: String,
    pub(super) first: usize,
    pub(super) last: usize,
    /// Characters of white space before the text on its first line (the layout's column).
    pub(super) indent: usize,
}

pub(super) fn logical_lines(doc: &Document) -> Vec<LLine> {
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
        // A line laid out in columns keeps its parentheses per cell ("(prosent-" over "poeng)"
        // in a wrapped header): it is not joined to the next.
        let in_columns = || super::header::column_pieces(t, 0).len() >= 3;
        if d > 0 && !is_noise_text(t) && !in_columns() {
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

pub(super) fn is_bare_small_number(t: &str) -> bool {
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn paren_balance(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '(' => d + 1,
        ')' => d - 1,
        _ => d,
    })
}

/// Page furniture: URLs, mail links, "Side 7", footnotes naming a file, classification marks.
/// (Bare page numbers are decided by context, see `Class::PageNumber`.)
pub(super) fn is_noise_text(t: &str) -> bool {
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
    if lexicon().footer_lines.contains(lower.as_str()) {
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
