//! Header reading: the pieces of a laid-out line, a header over gapped columns, and the header
//! lines regrouped into one header per column.

use super::{assemble::*, lines::*, row::*};

/// One piece of a laid-out line: start and end column and its text.
pub(crate) struct Piece {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
}

/// The pieces of a line laid out in columns: runs of text separated by two or more spaces (or a
/// tab). Column numbers count characters from the start of the physical line.
pub(super) fn layout_pieces(ll: &LLine) -> Vec<Piece> {
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
pub(super) struct GappedHeader {
    pub(super) header: Vec<String>,
    /// Lines above the header that are not part of it (a wrapped caption or a title).
    pub(super) dropped: Vec<String>,
    /// Lines under the header that sit in the label column only: the first row's wrapped label.
    pub(super) first_label: Vec<String>,
    pub(super) first_label_line: usize,
}

/// Reads the header of a table laid out in columns (pieces separated by wide gaps): the last line
/// before the rows with one piece per column is the header's skeleton; lines above it with
/// several pieces and lines below it ("(%)  (dager)") add to the columns they sit under. `None`
/// when the lines are not laid out so.
pub(super) fn gapped_header(pre: &[LLine], k: usize) -> Option<GappedHeader> {
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
    // A skeleton that repeats its headers ("2023  2024  Endr. %  2023  2024  Endr. %") has a
    // line of group labels above it, each spanning the columns it stands over ("Brutto
    // månadsverk", "Innleige (mill. kroner)").
    let repeats = header
        .iter()
        .enumerate()
        .skip(1)
        .any(|(i, h)| !h.is_empty() && header[i + 1..].contains(h));
    let mut top = si;
    while top > 0 {
        let ps = &pieces[top - 1];
        if ps.len() < 2 || ps.len() > want {
            break;
        }
        let data_start = cols.get(1).map_or(0, |c| c.0);
        if repeats && ps.len() + 1 < want && ps.iter().all(|p| p.start + 2 >= data_start) {
            for (&(a, b), h) in cols.iter().zip(header.iter_mut()).skip(1) {
                // The label over the column, by the most characters they share (a column just
                // past a label's end still belongs to it).
                let overlap = |p: &Piece| (p.end + 1).min(b).saturating_sub(p.start.max(a));
                let over = ps
                    .iter()
                    .filter(|p| overlap(p) > 0)
                    .max_by_key(|p| overlap(p));
                if let Some(p) = over {
                    let mut joined = p.text.clone();
                    join_label(&mut joined, h);
                    *h = joined;
                }
            }
            top -= 1;
            continue;
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

pub(super) fn is_year_word(w: &str) -> bool {
    let d = w.trim_matches(|c: char| !c.is_ascii_digit());
    d.len() == 4 && d.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Regroups header lines into `k + 1` headers (label column first). Returns the headers and the
/// leading pieces that did not fit (a title above the header).
pub(super) fn header_cells(lines: &[&str], k: usize) -> (Vec<String>, Vec<String>) {
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
                    let brk = crate::document::hyphen_break(last, &words[0]);
                    if brk.is_some_and(|b| b != crate::document::HyphenBreak::Suspended)
                        && words[0].starts_with(|c: char| c.is_alphabetic())
                    {
                        if brk == Some(crate::document::HyphenBreak::Drop) {
                            last.pop();
                        }
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
