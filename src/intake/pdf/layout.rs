//! Glyphs → lines → cells, and the page's reading order (one or two columns).

use super::collect::{Glyph, PageGlyphs};

/// A word gap: wider than this many em between two glyphs gives a space.
const SPACE_EM: f32 = 0.15;
/// A column gap: wider than this many em splits a line into cells. A little under one em: Word's
/// default cell margins (0.19 cm each side) leave 0.98 em between left-aligned cells at 11 pt.
const CELL_EM: f32 = 0.8;
/// Glyphs whose baselines differ by at most this many em (of the larger size) share a line.
const BASELINE_EM: f32 = 0.4;

/// The median line of a column of text has at least this many characters (a narrow newspaper
/// column has about 30; a table's cells, a wrapped header's pieces, are shorter).
const MIN_COLUMN_CHARS: usize = 20;

/// A piece of a line between gaps wider than [`CELL_EM`].
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cell {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Characters that are letters (used to tell prose columns from number columns).
    letters: usize,
    chars: usize,
}

/// A line of a page with its position.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line {
    /// Baseline (y grows downwards).
    pub y: f32,
    /// Largest em size on the line.
    pub size: f32,
    pub cells: Vec<Cell>,
}

impl Line {
    pub(super) fn text(&self) -> String {
        let mut s = String::new();
        for (i, c) in self.cells.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&c.text);
        }
        s
    }
}

/// The lines of one page in reading order.
#[derive(Debug, Clone, Default)]
pub(super) struct PageLines {
    pub height: f32,
    pub lines: Vec<Line>,
}

impl PageLines {
    pub(super) fn char_count(&self) -> usize {
        self.lines
            .iter()
            .flat_map(|l| &l.cells)
            .map(|c| c.text.len())
            .sum()
    }
}

/// Builds the page's lines in reading order.
pub(super) fn lay_out(page: PageGlyphs) -> PageLines {
    let lines = group_lines(page.glyphs);
    let lines = match find_gutter(&lines) {
        Some(gutter) => two_columns(lines, gutter),
        None => lines,
    };
    PageLines {
        height: page.height,
        lines,
    }
}

/// Groups glyphs by baseline and builds each line's cells, lines sorted top to bottom.
fn group_lines(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines = Vec::new();
    let mut current: Vec<Glyph> = Vec::new();
    let (mut ref_y, mut ref_size) = (0f32, 0f32);
    for g in glyphs {
        if !current.is_empty() && (g.y - ref_y) > BASELINE_EM * ref_size.max(g.size) {
            lines.extend(make_line(std::mem::take(&mut current)));
        }
        if current.is_empty() {
            ref_y = g.y;
            ref_size = g.size;
        } else {
            ref_size = ref_size.max(g.size);
        }
        current.push(g);
    }
    lines.extend(make_line(current));
    lines
}

/// One baseline's glyphs → a line of cells (None when nothing is left after dropping duplicates).
fn make_line(mut glyphs: Vec<Glyph>) -> Option<Line> {
    if glyphs.is_empty() {
        return None;
    }
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    // The same glyph drawn twice (fill then stroke, or "fake bold" by overprinting) counts once.
    glyphs.dedup_by(|g, p| p.text == g.text && (g.x - p.x).abs() < 0.3 * p.adv.max(0.05 * p.size));
    // The baseline most glyphs sit on (superscripts and subscripts aside).
    let y = {
        let mut ys: Vec<f32> = glyphs.iter().map(|g| g.y).collect();
        ys.sort_by(f32::total_cmp);
        ys[ys.len() / 2]
    };
    let size = glyphs.iter().map(|g| g.size).fold(0f32, f32::max);
    // Gaps between neighbours, in em.
    let gaps: Vec<f32> = glyphs
        .windows(2)
        .map(|w| (w[1].x - (w[0].x + w[0].adv)) / (0.5 * (w[0].size + w[1].size)))
        .collect();
    // A justified line stretches every word space by the same amount, sometimes past a cell gap;
    // table rows have normal spaces inside cells beside wide ones between them. A line whose
    // word spaces are all equal (two or more of them) is text, not cells.
    let spaces = gaps.iter().copied().filter(|&g| g > SPACE_EM);
    let (count, lo, hi) = spaces.fold((0, f32::INFINITY, f32::NEG_INFINITY), |(n, lo, hi), g| {
        (n + 1, lo.min(g), hi.max(g))
    });
    let justified = count >= 2 && hi - lo <= 0.1;
    let mut cells = vec![Cell::new(&glyphs[0])];
    for (g, &gap) in glyphs[1..].iter().zip(&gaps) {
        if gap > CELL_EM && !justified {
            cells.push(Cell::new(g));
        } else {
            let cell = cells.last_mut().expect("the first cell");
            if gap > SPACE_EM {
                cell.text.push(' ');
            }
            cell.add(g);
        }
    }
    Some(Line { y, size, cells })
}

impl Cell {
    fn new(g: &Glyph) -> Cell {
        let mut cell = Cell {
            text: String::new(),
            x0: g.x,
            x1: g.x,
            letters: 0,
            chars: 0,
        };
        cell.add(g);
        cell
    }

    fn add(&mut self, g: &Glyph) {
        g.text.push_to(&mut self.text);
        self.x1 = self.x1.max(g.x + g.adv);
        self.chars += 1;
        if g.text.first().is_alphabetic() {
            self.letters += 1;
        }
    }
}

/// A vertical band free of text between two columns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Gutter {
    pub x0: f32,
    pub x1: f32,
}

/// Finds the gutter of a two-column page: a band in the middle of the text, at least half an em
/// wide, crossed by few lines (titles, footers), with at least five lines of prose on each side
/// (mostly letters, so that a table's number columns do not count as a column of text).
fn find_gutter(lines: &[Line]) -> Option<Gutter> {
    if lines.len() < 8 {
        return None;
    }
    let left = lines
        .iter()
        .flat_map(|l| &l.cells)
        .map(|c| c.x0)
        .fold(f32::INFINITY, f32::min);
    let right = lines
        .iter()
        .flat_map(|l| &l.cells)
        .map(|c| c.x1)
        .fold(f32::NEG_INFINITY, f32::max);
    let width = right - left;
    if !(width.is_finite() && width > 50.0) {
        return None;
    }
    // Coverage of the middle of the text by lines, in 1 pt steps.
    let lo = left + 0.3 * width;
    let hi = left + 0.7 * width;
    let steps = ((hi - lo).ceil() as usize).clamp(1, 4000);
    let step = (hi - lo) / steps as f32;
    let mut cover = vec![0usize; steps];
    for line in lines {
        for c in &line.cells {
            if c.x1 < lo || c.x0 > hi {
                continue;
            }
            let a = (((c.x0 - lo) / step).floor().max(0.0) as usize).min(steps - 1);
            let b = (((c.x1 - lo) / step).ceil().max(0.0) as usize).min(steps);
            for v in &mut cover[a..b] {
                *v += 1;
            }
        }
    }
    let allowed = lines.len() * 3 / 10;
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let em = sizes[sizes.len() / 2];
    // The gutter: the widest run at the lowest coverage that gives a run of at least 0.8 em
    // (lines ending raggedly beside the gutter do not widen it; titles and footers crossing it
    // are the coverage it has).
    let widest = |level: usize| -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < steps {
            if cover[i] > level {
                i += 1;
                continue;
            }
            let start = i;
            while i < steps && cover[i] <= level {
                i += 1;
            }
            if best.is_none_or(|(a, b)| i - start > b - a) {
                best = Some((start, i));
            }
        }
        best
    };
    let least = *cover.iter().min()?;
    let gutter = (least..=allowed).find_map(|level| {
        let (a, b) = widest(level)?;
        let g = Gutter {
            x0: lo + a as f32 * step,
            x1: lo + b as f32 * step,
        };
        (g.x1 - g.x0 >= 0.8 * em).then_some(g)
    })?;
    // Lines crossing the band must be few; prose on both sides.
    let mut crossing = 0;
    let (mut left_lines, mut right_lines) = (0, 0);
    let (mut left_letters, mut left_chars, mut right_letters, mut right_chars) = (0, 0, 0, 0);
    // Characters of each line on each side: lines of a column of text are long, the cells of a
    // table (a wrapped header's pieces, figures) short.
    let (mut left_widths, mut right_widths) = (Vec::new(), Vec::new());
    for line in lines {
        let (mut l, mut r) = (0, 0);
        let mut cross = false;
        for c in &line.cells {
            match side(c, gutter) {
                Side::Left => {
                    l += c.chars;
                    left_letters += c.letters;
                    left_chars += c.chars;
                }
                Side::Right => {
                    r += c.chars;
                    right_letters += c.letters;
                    right_chars += c.chars;
                }
                Side::Across => cross = true,
            }
        }
        if cross {
            crossing += 1;
        } else {
            left_lines += usize::from(l > 0);
            right_lines += usize::from(r > 0);
            if l > 0 {
                left_widths.push(l);
            }
            if r > 0 {
                right_widths.push(r);
            }
        }
    }
    let prose = |letters: usize, chars: usize| chars > 0 && letters * 2 >= chars;
    let long = |mut w: Vec<usize>| {
        w.sort_unstable();
        w.get(w.len() / 2).is_some_and(|&m| m >= MIN_COLUMN_CHARS)
    };
    (crossing <= allowed
        && left_lines >= 5
        && right_lines >= 5
        && prose(left_letters, left_chars)
        && prose(right_letters, right_chars)
        && long(left_widths)
        && long(right_widths))
    .then_some(gutter)
}

enum Side {
    Left,
    Right,
    Across,
}

fn side(c: &Cell, g: Gutter) -> Side {
    let slack = 0.5;
    if c.x1 <= g.x0 + slack {
        Side::Left
    } else if c.x0 >= g.x1 - slack {
        Side::Right
    } else {
        Side::Across
    }
}

/// Reading order of a two-column page: between full-width lines, the left column top to
/// bottom, then the right one. A line on one side only that lies above or below where both
/// columns run, apart from its column by more than three line heights (a footer, a caption
/// under the columns), is read as full width in its place.
fn two_columns(lines: Vec<Line>, gutter: Gutter) -> Vec<Line> {
    let crosses = |l: &Line| {
        l.cells
            .iter()
            .any(|c| matches!(side(c, gutter), Side::Across))
    };
    let has = |l: &Line, want_left: bool| {
        l.cells
            .iter()
            .any(|c| matches!(side(c, gutter), Side::Left) == want_left)
    };
    let left_span = column_span(&lines, |l| !crosses(l) && has(l, true));
    let right_span = column_span(&lines, |l| !crosses(l) && has(l, false));
    let (Some(left_span), Some(right_span)) = (left_span, right_span) else {
        return lines;
    };
    let within = |y: f32, (top, bottom): (f32, f32)| y >= top && y <= bottom;

    // A line with cells on both sides where one side is not prose is a table row (names on the
    // left, numbers on the right): it stays whole.
    let table_row = |l: &Line| {
        let (mut ll, mut lc, mut rl, mut rc) = (0, 0, 0, 0);
        for c in &l.cells {
            if matches!(side(c, gutter), Side::Left) {
                (ll, lc) = (ll + c.letters, lc + c.chars);
            } else {
                (rl, rc) = (rl + c.letters, rc + c.chars);
            }
        }
        lc > 0 && rc > 0 && (ll * 2 < lc || rl * 2 < rc)
    };

    let mut out = Vec::with_capacity(lines.len() + 8);
    let mut left: Vec<Line> = Vec::new();
    let mut right: Vec<Line> = Vec::new();
    for line in lines {
        let full_width = crosses(&line)
            || match (has(&line, true), has(&line, false)) {
                (true, false) => !within(line.y, left_span),
                (false, true) => !within(line.y, right_span),
                _ => table_row(&line),
            };
        if full_width {
            out.append(&mut left);
            out.append(&mut right);
            out.push(line);
            continue;
        }
        let (l, r): (Vec<Cell>, Vec<Cell>) = line
            .cells
            .into_iter()
            .partition(|c| matches!(side(c, gutter), Side::Left));
        if !l.is_empty() {
            left.push(Line {
                y: line.y,
                size: line.size,
                cells: l,
            });
        }
        if !r.is_empty() {
            right.push(Line {
                y: line.y,
                size: line.size,
                cells: r,
            });
        }
    }
    out.append(&mut left);
    out.append(&mut right);
    out
}

/// The vertical extent of one column: the longest run of that side's lines (in y order) where each
/// line is within three line heights of the one before.
fn column_span(lines: &[Line], on_side: impl Fn(&Line) -> bool) -> Option<(f32, f32)> {
    let ys: Vec<(f32, f32)> = lines
        .iter()
        .filter(|l| on_side(l))
        .map(|l| (l.y, l.size))
        .collect();
    if ys.is_empty() {
        return None;
    }
    let mut best = (0, 0);
    let mut start = 0;
    for i in 1..=ys.len() {
        let broken = i == ys.len() || ys[i].0 - ys[i - 1].0 > 3.0 * ys[i].1.max(ys[i - 1].1);
        if broken {
            if i - start > best.1 - best.0 {
                best = (start, i);
            }
            start = i;
        }
    }
    Some((ys[best.0].0, ys[best.1 - 1].0))
}

#[cfg(test)]
mod tests {
    use super::super::collect::GlyphText;
    use super::*;

    /// Glyphs for `text` set at (x, y) in a font of `size` pt where every glyph advances 0.5 em
    /// and a space advances 0.28 em (Helvetica-like), the space drawn as a gap.
    fn set(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in text.chars() {
            if c == ' ' {
                x += 0.28 * size;
                continue;
            }
            out.push(Glyph {
                text: GlyphText::One(c),
                x,
                y,
                adv: 0.5 * size,
                size,
            });
            x += 0.5 * size;
        }
        out
    }

    fn page(glyphs: Vec<Glyph>) -> Vec<Vec<String>> {
        let laid = lay_out(PageGlyphs {
            height: 842.0,
            glyphs,
        });
        laid.lines
            .into_iter()
            .map(|l| l.cells.into_iter().map(|c| c.text).collect())
            .collect()
    }

    #[test]
    fn numbers_keep_their_spaces_and_digits_stay_together() {
        let mut g = set("fra 64 281 til 48 306 avvik, 7,0 %", 72.0, 100.0, 11.0);
        g.reverse(); // content order must not matter
        assert_eq!(page(g), vec![vec!["fra 64 281 til 48 306 avvik, 7,0 %"]]);
    }

    #[test]
    fn table_row_splits_into_cells_at_wide_gaps() {
        let mut g = set("St. Olavs hospital HF", 72.0, 200.0, 10.0);
        g.extend(set("9,0 %", 300.0, 200.0, 10.0));
        g.extend(set("9,2 %", 380.0, 200.4, 10.0));
        assert_eq!(
            page(g),
            vec![vec!["St. Olavs hospital HF", "9,0 %", "9,2 %"]]
        );
    }

    #[test]
    fn lines_read_top_to_bottom_and_superscripts_stay_on_their_line() {
        let mut g = set("andre linje", 72.0, 120.0, 10.0);
        g.extend(set("første linje", 72.0, 100.0, 10.0));
        g.extend(set("1", 129.8, 97.0, 6.0));
        assert_eq!(page(g), vec![vec!["første linje1"], vec!["andre linje"]]);
    }

    #[test]
    fn justified_lines_stay_whole_however_wide_their_spaces() {
        let mut g = Vec::new();
        let mut x = 72.0;
        for w in ["poliklinikker", "ved", "behov", "oppsøker"] {
            g.extend(set(w, x, 100.0, 10.0));
            x += 5.0 * w.chars().count() as f32 + 14.0;
        }
        assert_eq!(page(g), vec![vec!["poliklinikker ved behov oppsøker"]]);
    }

    #[test]
    fn overprinted_glyphs_count_once() {
        let mut g = set("Fet", 72.0, 100.0, 10.0);
        g.extend(set("Fet", 72.2, 100.0, 10.0));
        assert_eq!(page(g), vec![vec!["Fet"]]);
        let ll = set("alle", 72.0, 100.0, 10.0);
        assert_eq!(page(ll), vec![vec!["alle"]]);
    }

    #[test]
    fn two_columns_read_left_then_right() {
        let mut g = set(
            "Tittel over begge spalter som er lang nok",
            72.0,
            80.0,
            14.0,
        );
        for i in 0..8 {
            let y = 120.0 + 14.0 * i as f32;
            g.extend(set(
                &format!("venstre spalte linje {i} med tekst"),
                72.0,
                y,
                10.0,
            ));
            g.extend(set(
                &format!("høyre spalte linje {i} med tekst"),
                320.0,
                y,
                10.0,
            ));
        }
        g.extend(set(
            "Bunntekst som går over hele siden og krysser",
            72.0,
            800.0,
            9.0,
        ));
        let lines = page(g);
        let texts: Vec<String> = lines.iter().map(|l| l.join(" | ")).collect();
        assert_eq!(texts[0], "Tittel over begge spalter som er lang nok");
        assert_eq!(texts[1], "venstre spalte linje 0 med tekst");
        assert_eq!(texts[8], "venstre spalte linje 7 med tekst");
        assert_eq!(texts[9], "høyre spalte linje 0 med tekst");
        assert_eq!(texts[16], "høyre spalte linje 7 med tekst");
        assert_eq!(texts[17], "Bunntekst som går over hele siden og krysser");
    }

    #[test]
    fn a_longer_left_column_ends_before_the_right_one_starts() {
        let mut g = Vec::new();
        for i in 0..9 {
            let y = 120.0 + 14.0 * i as f32;
            g.extend(set(
                &format!("venstre spalte linje {i} med tekst"),
                72.0,
                y,
                10.0,
            ));
            if i < 6 {
                g.extend(set(
                    &format!("høyre spalte linje {i} med tekst"),
                    320.0,
                    y,
                    10.0,
                ));
            }
        }
        let texts: Vec<String> = page(g).iter().map(|l| l.join(" | ")).collect();
        assert_eq!(texts[8], "venstre spalte linje 8 med tekst");
        assert_eq!(texts[9], "høyre spalte linje 0 med tekst");
    }

    #[test]
    fn a_number_table_under_two_columns_keeps_its_rows_whole() {
        let mut g = Vec::new();
        for i in 0..8 {
            let y = 120.0 + 14.0 * i as f32;
            g.extend(set(
                &format!("venstre spalte linje {i} med tekst"),
                72.0,
                y,
                10.0,
            ));
            g.extend(set(
                &format!("høyre spalte linje {i} med tekst"),
                320.0,
                y,
                10.0,
            ));
        }
        for i in 0..3 {
            let y = 260.0 + 14.0 * i as f32;
            g.extend(set(&format!("Helse {i}"), 72.0, y, 10.0));
            g.extend(set(&format!("{} 173", 70 + i), 330.0, y, 10.0));
            g.extend(set("9,0 %", 420.0, y, 10.0));
        }
        let texts: Vec<String> = page(g).iter().map(|l| l.join(" | ")).collect();
        assert_eq!(texts[15], "høyre spalte linje 7 med tekst");
        assert_eq!(texts[16], "Helse 0 | 70 173 | 9,0 %");
        assert_eq!(texts[18], "Helse 2 | 72 173 | 9,0 %");
    }

    #[test]
    fn a_number_table_is_not_two_columns() {
        let mut g = Vec::new();
        for i in 0..10 {
            let y = 120.0 + 14.0 * i as f32;
            g.extend(set(&format!("Helseforetak nummer {i}"), 72.0, y, 10.0));
            g.extend(set(&format!("{} 173", 70 + i), 330.0, y, 10.0));
            g.extend(set("9,0 %", 420.0, y, 10.0));
        }
        let lines = page(g);
        assert_eq!(lines.len(), 10);
        assert_eq!(lines[3], vec!["Helseforetak nummer 3", "73 173", "9,0 %"]);
    }
}
