//! Tables on a PDF page: runs of lines split into cells, lined up with their columns by x.
//!
//! A line's cells carry their left and right edges. Consecutive lines close together, at least
//! two of them with two or more cells, are a table candidate (a line of one cell may sit
//! between two such lines: a header cell centred between the lines of its wrapped neighbours,
//! or a row label's first line). The lines with the most cells give the columns (each column
//! spans its cells' edges); every other line's cells go to the column they overlap most, or
//! else the nearest one. So a header wrapped over two lines joins its pieces column by column,
//! and a row with an empty cell keeps its later values in their own columns. The leading rows
//! without figures (the header's lines) are joined into one header row.
//!
//! Where every line has the same number of cells nothing needs lining up and the lines stay as
//! they are; where the widest lines do not agree on their columns (they overlap), neither.

use super::PdfLine;

/// Lines further apart than this many em (of the larger size) do not belong to one table.
const GAP_EM: f32 = 2.2;
/// Lines closer than this many em are one band: pieces of one row at different heights.
const BAND_EM: f32 = 0.9;

/// A page's reading text in blocks.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// One line as it is: its index in the page's lines.
    Line(usize),
    /// A table lined up by x: rows of cells (every row as wide as the table), and for each row
    /// the index of its first line in the page's lines.
    Table {
        rows: Vec<Vec<String>>,
        lines: Vec<usize>,
    },
}

/// The page's lines that are not furniture, in order, with the tables among them lined up.
pub fn page_blocks(lines: &[PdfLine]) -> Vec<Block> {
    let idx: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].furniture && lines[i].cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let multi = |i: usize| {
        let l = &lines[i];
        l.cells.len() >= 2 && l.spans.len() == l.cells.len() && !is_bullet(&l.cells[0])
    };
    let pitch = |a: usize, b: usize| lines[b].y - lines[a].y;
    let em = |a: usize, b: usize| lines[a].size.max(lines[b].size);
    let close = |a: usize, b: usize| pitch(a, b) > 0.0 && pitch(a, b) <= GAP_EM * em(a, b);
    // Less than a line apart: pieces of one table row set beside each other at different
    // heights (cells centred vertically beside a cell wrapped over several lines).
    let band = |a: usize, b: usize| pitch(a, b) > 0.0 && pitch(a, b) < BAND_EM * em(a, b);
    let mut out = Vec::new();
    let mut k = 0;
    while k < idx.len() {
        if !multi(idx[k]) {
            out.push(Block::Line(idx[k]));
            k += 1;
            continue;
        }
        // Lines of one cell just above, less than a line apart: the top of a header band.
        let mut start = k;
        while start > 0
            && band(idx[start - 1], idx[start])
            && matches!(out.last(), Some(Block::Line(i)) if *i == idx[start - 1])
        {
            start -= 1;
            out.pop();
        }
        let mut end = k + 1;
        while end < idx.len() && close(idx[end - 1], idx[end]) {
            if multi(idx[end]) || band(idx[end - 1], idx[end]) {
                end += 1;
                continue;
            }
            // A line of one cell only between two lines of the table.
            let next = idx.get(end + 1).copied();
            if lines[idx[end]].spans.len() == 1
                && next.is_some_and(|n| multi(n) && close(idx[end], n))
            {
                end += 2;
                continue;
            }
            break;
        }
        let block = &idx[start..end];
        match line_up(lines, block) {
            Some((rows, first)) => out.push(Block::Table { rows, lines: first }),
            None => out.extend(block.iter().map(|&i| Block::Line(i))),
        }
        k = end;
    }
    out
}

/// The rows of `block` (indices into `lines`) in columns, with each row's first line; `None`
/// when the lines need no lining up or cannot be lined up.
fn line_up(lines: &[PdfLine], block: &[usize]) -> Option<(Vec<Vec<String>>, Vec<usize>)> {
    let n = block.iter().map(|&i| lines[i].cells.len()).max()?;
    let multi = block.iter().filter(|&&i| lines[i].cells.len() >= 2).count();
    if n < 2 || multi < 2 || block.iter().all(|&i| lines[i].cells.len() == n) {
        return None;
    }
    // The columns: the edges of the widest lines' cells.
    let mut cols = vec![(f32::INFINITY, f32::NEG_INFINITY); n];
    for &i in block.iter().filter(|&&i| lines[i].cells.len() == n) {
        for (c, &(x0, x1)) in cols.iter_mut().zip(&lines[i].spans) {
            c.0 = c.0.min(x0);
            c.1 = c.1.max(x1);
        }
    }
    if cols.windows(2).any(|w| w[0].1 > w[1].0 + 0.5) {
        return None;
    }
    let column_of = |(x0, x1): (f32, f32)| -> usize {
        let mut best = (0, f32::NEG_INFINITY);
        for (k, &(c0, c1)) in cols.iter().enumerate() {
            // Overlap, or minus the distance when apart.
            let score = x1.min(c1) - x0.max(c0);
            if score > best.1 {
                best = (k, score);
            }
        }
        best.0
    };
    let join = |cell: &mut String, text: &str| {
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(text.trim());
    };
    // The usual distance between two rows with values.
    let mut pitches: Vec<f32> = block
        .windows(2)
        .filter(|w| lines[w[0]].cells.len() >= 2 && lines[w[1]].cells.len() >= 2)
        .map(|w| lines[w[1]].y - lines[w[0]].y)
        .collect();
    pitches.sort_by(f32::total_cmp);
    let row_pitch = pitches.get(pitches.len() / 2).copied();
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(block.len());
    let mut first: Vec<usize> = Vec::with_capacity(block.len());
    let mut prev: Option<usize> = None;
    for &i in block {
        let l = &lines[i];
        let mut row = vec![String::new(); n];
        for (text, &span) in l.cells.iter().zip(&l.spans) {
            join(&mut row[column_of(span)], text);
        }
        let gap = prev.map(|p| l.y - lines[p].y);
        prev = Some(i);
        let em = l.size.max(1.0);
        // One band with the line before: its pieces join the row above, column by column.
        let same_band = gap.is_some_and(|g| g < BAND_EM * em);
        // A label's next line under a row with values, closer than rows are to each other.
        let label_tail = row.iter().skip(1).all(String::is_empty)
            && rows
                .last()
                .is_some_and(|r| r.iter().skip(1).any(|c| is_figure(c)))
            && matches!((gap, row_pitch), (Some(g), Some(p)) if g < 0.85 * p);
        match rows.last_mut() {
            Some(last) if same_band || label_tail => {
                for (c, piece) in last.iter_mut().zip(&row) {
                    if !piece.is_empty() {
                        join(c, piece);
                    }
                }
            }
            _ => {
                rows.push(row);
                first.push(i);
            }
        }
    }
    // The header's lines: the leading rows without a figure in a value column, each after the
    // first leaving a cell empty (a wrapped header does not fill every column on every line).
    let figures = |r: &Vec<String>| r.iter().skip(1).any(|c| is_figure(c));
    let mut h = rows.iter().take_while(|r| !figures(r)).count();
    if let Some(k) = (1..h).find(|&k| rows[k].iter().all(|c| !c.is_empty())) {
        h = k;
    }
    if h >= 2 && h < rows.len() {
        let mut header = vec![String::new(); n];
        for r in &rows[..h] {
            for (hc, c) in header.iter_mut().zip(r) {
                if c.is_empty() {
                    continue;
                }
                if !hc.is_empty() {
                    hc.push(' ');
                }
                hc.push_str(c);
            }
        }
        rows.splice(..h, [header]);
        first.drain(1..h);
    }
    Some((rows, first))
}

/// A cell that holds a figure (not a year heading): starts with a digit or a signed digit.
fn is_figure(cell: &str) -> bool {
    let t = cell.trim_start_matches(['-', '−', '–', '+']);
    let year = t.len() == 4 && t.chars().all(|c| c.is_ascii_digit());
    t.starts_with(|c: char| c.is_ascii_digit()) && !year
}

/// A list item's bullet drawn apart from its text.
fn is_bullet(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "•" | "·" | "▪" | "◦" | "●" | "■" | "-" | "–" | "—" | "*" | "o" | "➢" | "►"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, cells: &[(&str, f32)]) -> PdfLine {
        PdfLine {
            cells: cells.iter().map(|(t, _)| t.to_string()).collect(),
            spans: cells
                .iter()
                .map(|(t, x)| (*x, x + 5.0 * t.chars().count() as f32))
                .collect(),
            y,
            size: 10.0,
            furniture: false,
        }
    }

    #[test]
    fn a_wrapped_header_joins_its_columns_and_an_empty_cell_keeps_its_place() {
        let lines = vec![
            line(80.0, &[("Tabell 1 Ventetid", 72.0)]),
            line(
                100.0,
                &[("Ventetid", 200.0), ("Fristbrudd", 280.0), ("Andel", 380.0)],
            ),
            line(106.0, &[("Foretak", 72.0)]),
            line(
                112.0,
                &[("(dager)", 200.0), ("(antall)", 280.0), ("(%)", 380.0)],
            ),
            line(
                126.0,
                &[
                    ("Helse Nord", 72.0),
                    ("41", 200.0),
                    ("17", 280.0),
                    ("3,1", 380.0),
                ],
            ),
            line(
                140.0,
                &[("Helse Vest", 72.0), ("38", 200.0), ("2,2", 380.0)],
            ),
            line(180.0, &[("Kilde: eigne tal", 72.0)]),
        ];
        let blocks = page_blocks(&lines);
        assert_eq!(blocks[0], Block::Line(0));
        let Block::Table { rows, lines: first } = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            rows,
            &vec![
                vec![
                    "Foretak",
                    "Ventetid (dager)",
                    "Fristbrudd (antall)",
                    "Andel (%)"
                ],
                vec!["Helse Nord", "41", "17", "3,1"],
                vec!["Helse Vest", "38", "", "2,2"],
            ]
        );
        assert_eq!(first, &vec![1, 4, 5]);
        assert_eq!(blocks[2], Block::Line(6));
    }

    #[test]
    fn rows_with_the_same_cells_and_bullets_stay_lines() {
        let same = vec![
            line(100.0, &[("Helse Nord", 72.0), ("41", 200.0)]),
            line(114.0, &[("Helse Vest", 72.0), ("38", 200.0)]),
        ];
        assert_eq!(page_blocks(&same), vec![Block::Line(0), Block::Line(1)]);
        let bullets = vec![
            line(100.0, &[("•", 72.0), ("Færre reinnleggelser", 90.0)]),
            line(
                114.0,
                &[("•", 72.0), ("Bedre informasjonsflyt", 90.0), ("x", 300.0)],
            ),
        ];
        assert_eq!(page_blocks(&bullets), vec![Block::Line(0), Block::Line(1)]);
    }
}
