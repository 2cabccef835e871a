//! Row parsing: a line as a label and its cells, split the way that keeps the cells alike.

use super::*;
use super::{header::*, tokens::*};

// ---------------------------------------------------------------------------------------------
// Rows as parsed from one line, before the table's column count is known.

/// One numeric group ("1", "100", "000" of "1 100 000") with what follows it.
#[derive(Debug, Clone)]
pub(super) struct Group {
    pub(super) lex: NumLex,
    pub(super) start: usize,
    pub(super) gap: usize,
    /// Ends its cell: a %, unit or note follows.
    pub(super) closed: bool,
    pub(super) pct: bool,
    pub(super) unit: NumUnit,
    pub(super) scale: f64,
    /// End of the cell text including unit and note.
    pub(super) cell_end: usize,
    pub(super) note: Option<(usize, usize)>,
}

#[derive(Debug, Clone)]
pub(super) struct RawRow {
    /// The line's own label (may be empty).
    pub(super) label: String,
    pub(super) text: String,
    pub(super) groups: Vec<Group>,
    /// Characters of indentation before `text` on its line (set when the row joins a table).
    pub(super) indent: usize,
}

/// One way to cut a row's groups into cells.
#[derive(Debug, Clone)]
pub(super) struct Cut {
    /// Index of the first group of each cell.
    pub(super) starts: Vec<usize>,
    /// The first group (a year) belongs to the label.
    pub(super) absorbed: bool,
    pub(super) splits: usize,
    pub(super) spread: f64,
}

pub(super) fn parse_row(text: &str) -> Option<RawRow> {
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
        indent: 0,
    })
}

pub(super) fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn is_year_group(g: &Group) -> bool {
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
pub(super) fn joinable(a: &Group, b: &Group) -> bool {
    !a.closed
        && a.lex.frac.is_none()
        && !a.lex.dotted
        && !b.lex.neg
        && !b.lex.dotted
        && b.lex.int.len() == 3
        && b.gap == 1
}

/// May a cell start with group `g`?
pub(super) fn can_lead(g: &Group) -> bool {
    let d = &g.lex.int;
    d.len() == 1 || !d.starts_with('0') || g.lex.frac.is_some() && d == "0"
}

pub(super) fn group_value(row: &RawRow, from: usize, to: usize) -> Option<f64> {
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

pub(super) fn cuts_of(row: &RawRow) -> Vec<Cut> {
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
pub(super) fn spread(vals: &[f64]) -> f64 {
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

pub(super) fn best_cut(cuts: &[Cut], k0: usize) -> Option<&Cut> {
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
pub(super) fn last_is_sum(row: &RawRow, cut: &Cut) -> bool {
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
pub(super) fn header_cut<'a>(
    row: &RawRow,
    cuts: &'a [Cut],
    k: usize,
    sum_column: bool,
) -> Option<&'a Cut> {
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

/// A header line that ends with its column headers: years and a sum column ("Kostnadspost 2026
/// 2027 2028 Sum") → (label header, column headers, whether the last is a sum).
pub(super) fn year_header_line(line: &str) -> Option<(String, Vec<String>, bool)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut n = 0;
    let mut sum = false;
    for (i, w) in words.iter().enumerate().rev() {
        let lw = w.to_lowercase();
        if is_year_word(w) && w.chars().all(|c| c.is_ascii_digit()) {
            n += 1;
        } else if i + 1 == words.len() && lexicon().sum_header_words.contains(lw.as_str()) {
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

/// The character column where each cell of `cut` ends on its line (its last figure, unit or
/// note), counted like the header's columns.
pub(super) fn cell_ends(row: &RawRow, cut: &Cut) -> Vec<usize> {
    let g = &row.groups;
    (0..cut.starts.len())
        .filter_map(|k| {
            let e = cut.starts.get(k + 1).copied().unwrap_or(g.len());
            let last = e.checked_sub(1).and_then(|i| g.get(i))?;
            Some(row.indent + row.text.get(..last.cell_end)?.chars().count())
        })
        .collect()
}

pub(super) fn build_cells(row: &RawRow, cut: &Cut) -> Vec<Cell> {
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
pub(super) fn parse_note(t: &str) -> Note {
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
