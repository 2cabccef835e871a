//! Running headers, footers and page numbers: which lines are page furniture.
//!
//! Only lines in the top or bottom [`BAND`] of a page that stand apart from the body are
//! candidates: walking from the page edge inwards, the lines before the first gap of at least
//! [`APART_EM`] line heights (the header or footer block; a page without such a gap in the band
//! has none). A candidate is furniture when
//! - it is a page number alone ("7", "- 7 -", "Side 7", "side 7 av 12", "7/12", "Page 7 of 12"), or
//! - the same text stands at about the same height on at least `min(3, pages)` pages (and at
//!   least two, so a table header repeated on the next page of a long document is not taken for
//!   a running header), where one number may differ if it follows the page number at a fixed
//!   offset ("Side 3 av 9", "Side 4 av 9"); lines of a template whose numbers vary otherwise
//!   ("hadde 1 200 konsultasjoner i periode 3") are text.

use super::layout::PageLines;
use std::collections::HashMap;

/// Share of the page height at the top and at the bottom where headers and footers live.
const BAND: f32 = 0.12;
/// The gap (in em of the larger of the two lines) that separates a header or footer from the body;
/// lines of running text are 1.1–1.5 em apart, a margin is more.
const APART_EM: f32 = 2.0;

/// For each page, for each line: is it furniture?
pub(super) fn mark(pages: &[PageLines]) -> Vec<Vec<bool>> {
    let mut marks: Vec<Vec<bool>> = pages.iter().map(|p| vec![false; p.lines.len()]).collect();
    // key → band lines with that key.
    let mut seen: HashMap<String, Vec<Candidate>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        let h = page.height.max(1.0);
        for (i, top) in edge_blocks(page) {
            let line = &page.lines[i];
            let text = line.text();
            if is_page_number(&text) {
                marks[p][i] = true;
                continue;
            }
            // Height from its edge, so pages of different sizes still match.
            let y = if top { line.y } else { line.y - h };
            seen.entry(key(&text)).or_default().push(Candidate {
                page: p,
                line: i,
                y,
                size: line.size,
                numbers: numbers(&text),
            });
        }
    }
    let needed = pages.len().clamp(2, 3);
    for places in seen.values() {
        if places.len() < needed {
            continue;
        }
        for c in places {
            let tolerance = (0.5 * c.size).max(2.0);
            let mut here: Vec<&Candidate> = places
                .iter()
                .filter(|o| (o.y - c.y).abs() <= tolerance)
                .collect();
            here.dedup_by_key(|o| o.page);
            if here.len() < needed {
                continue;
            }
            let mut same: Vec<&Candidate> = here
                .iter()
                .copied()
                .filter(|o| o.numbers == c.numbers)
                .collect();
            same.dedup_by_key(|o| o.page);
            if same.len() >= needed || numbers_follow_the_page(&here) {
                marks[c.page][c.line] = true;
            }
        }
    }
    marks
}

/// The lines of the top and bottom blocks: (line index, true for top).
fn edge_blocks(page: &PageLines) -> Vec<(usize, bool)> {
    let h = page.height.max(1.0);
    let mut order: Vec<usize> = (0..page.lines.len()).collect();
    order.sort_by(|&a, &b| page.lines[a].y.total_cmp(&page.lines[b].y));
    let mut out = Vec::new();
    let apart = |a: usize, b: usize| {
        let (la, lb) = (&page.lines[a], &page.lines[b]);
        (lb.y - la.y).abs() >= APART_EM * la.size.max(lb.size)
    };
    // From the top down.
    for (k, &i) in order.iter().enumerate() {
        if page.lines[i].y >= BAND * h {
            break;
        }
        match order.get(k + 1) {
            Some(&next) if !apart(i, next) => continue,
            _ => {
                out.extend(order[..=k].iter().map(|&i| (i, true)));
                break;
            }
        }
    }
    // From the bottom up (lines already taken as top are not taken again).
    let taken = out.len();
    for (k, &i) in order.iter().enumerate().rev() {
        if page.lines[i].y <= (1.0 - BAND) * h || k < taken {
            break;
        }
        match k.checked_sub(1).map(|j| order[j]) {
            Some(prev) if !apart(prev, i) => continue,
            _ => {
                out.extend(order[k..].iter().map(|&i| (i, false)));
                break;
            }
        }
    }
    out
}

/// A line in the top or bottom block.
struct Candidate {
    page: usize,
    line: usize,
    /// Height from the nearer page edge (negative from the bottom).
    y: f32,
    size: f32,
    numbers: Vec<u64>,
}

/// The digit runs of a line as numbers (saturating).
fn numbers(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut current: Option<u64> = None;
    for c in text.chars() {
        match c.to_digit(10) {
            Some(d) => {
                current = Some(
                    current
                        .unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add(d as u64),
                )
            }
            None => out.extend(current.take()),
        }
    }
    out.extend(current);
    out
}

/// Same-key lines (one per page, in page order): every number is the same on all of them except
/// at most one, which is the page number plus a fixed offset.
fn numbers_follow_the_page(lines: &[&Candidate]) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    let mut varying = 0;
    for j in 0..first.numbers.len() {
        let values: Vec<Option<u64>> = lines.iter().map(|c| c.numbers.get(j).copied()).collect();
        if values.iter().all(|v| *v == values[0]) {
            continue;
        }
        varying += 1;
        let offset = |c: &Candidate| c.numbers.get(j).map(|&n| n as i128 - c.page as i128);
        let o = offset(first);
        if varying > 1 || o.is_none() || lines.iter().any(|c| offset(c) != o) {
            return false;
        }
    }
    true
}

/// Lower case, digit runs as '#', single spaces: "Side 3 av 12" → "side # av #".
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = ' ';
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = if c.is_ascii_digit() {
            '#'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if (c == '#' || c == ' ') && c == last {
            continue;
        }
        out.push(c);
        last = c;
    }
    out.trim().to_string()
}

/// A page number alone: digits (one or two numbers, e.g. "3 av 12"), with the words and marks
/// that go around page numbers, and nothing else.
fn is_page_number(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "side", "s.", "page", "p.", "av", "of", "-", "–", "—", "|", "/",
    ];
    let mut numbers = 0;
    for token in text
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|t| !t.is_empty())
    {
        let lower = token.to_lowercase();
        if WORDS.contains(&lower.as_str()) {
            continue;
        }
        let digits = lower.trim_matches(|c| matches!(c, '-' | '–' | '—' | '(' | ')' | '[' | ']'));
        if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
            numbers += 1;
        } else {
            return false;
        }
    }
    (1..=2).contains(&numbers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for yes in [
            "7",
            "- 7 -",
            "Side 7",
            "side 7 av 12",
            "7/12",
            "7 / 12",
            "Page 7 of 12",
            "(7)",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["7 tiltak", "Tabell 7", "64 281 12", "", "side", "7,0 %"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn only_the_page_number_may_vary() {
        let c = |page: usize, text: &str| Candidate {
            page,
            line: 0,
            y: 800.0,
            size: 9.0,
            numbers: numbers(text),
        };
        let check =
            |lines: &[Candidate]| numbers_follow_the_page(&lines.iter().collect::<Vec<_>>());
        assert!(check(&[
            c(0, "Side 1 av 9 – 2024"),
            c(1, "Side 2 av 9 – 2024"),
            c(3, "Side 4 av 9 – 2024")
        ]));
        assert!(check(&[c(4, "side 3"), c(5, "side 4"), c(6, "side 5")]));
        assert!(!check(&[
            c(0, "hadde 1 137 i periode 1"),
            c(1, "hadde 1 274 i periode 2"),
            c(2, "hadde 1 411 i periode 3")
        ]));
        assert!(!check(&[
            c(0, "Tabell 4"),
            c(1, "Tabell 2"),
            c(2, "Tabell 9")
        ]));
        assert!(!check(&[
            c(1, "HF 7 64 281"),
            c(3, "HF 20 64 281"),
            c(9, "HF 55 64 281")
        ]));
        assert_eq!(numbers("64 281 og 7,0 %"), vec![64, 281, 7, 0]);
    }

    #[test]
    fn keys_ignore_digits_and_case() {
        assert_eq!(key("Side 3 av 12"), "side # av #");
        assert_eq!(key("SIDE  10 av 12 "), "side # av #");
    }
}
