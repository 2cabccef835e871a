//! Table assembly: each logical line classified (row, caption, prose, noise), rows gathered
//! into a candidate with the header lines before them, and the candidate built into a table.

use super::*;
use super::{header::*, lines::*, row::*};
use crate::document::{hyphen_break, HyphenBreak};

// ---------------------------------------------------------------------------------------------
// Line classes and the scanner.

#[derive(Debug, Clone)]
pub(super) enum Class {
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

pub(super) fn classify(ll: &LLine) -> Class {
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

pub(super) fn row_like(r: &RawRow) -> bool {
    if r.label.chars().count() > MAX_LABEL_CHARS || is_bullet(&r.label) {
        return false;
    }
    // "Verken eller           14": a label ending with a conjunction (data/phrases/words.txt
    // `[label_conjunctions]`) set apart from its figure by a run of spaces is a table row.
    let laid_out = r
        .groups
        .first()
        .and_then(|g| r.text.get(..g.start))
        .is_some_and(|head| head.ends_with("   "));
    if let Some(last) = r.label.split_whitespace().last() {
        let w = last.to_lowercase();
        let conjunction = crate::extract::phrases::is_word("label_conjunctions", &w);
        if (lexicon().prose_label_ends.contains(w.as_str()) && !(laid_out && conjunction))
            || w.ends_with(',')
            || w.ends_with(';')
        {
            return false;
        }
    }
    // Only years: a header line ("Sykefravær 2024 2023") or a date, not values.
    !r.groups.iter().all(is_year_group)
}

/// A bulleted list item is prose ("• Prosjektleder: ca. kr 1,5 mill"), not a table row.
pub(super) fn is_bullet(label: &str) -> bool {
    let mut cs = label.chars();
    match cs.next() {
        Some('•' | '·' | '▪' | '◦' | '\u{f0b7}' | '*' | '–' | '-') => true,
        Some('o') => cs.next() == Some(' '),
        _ => false,
    }
}

pub(super) fn ends_sentence(t: &str) -> bool {
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
pub(super) fn caption_of(t: &str) -> Option<(String, Option<u32>)> {
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

pub(super) fn is_figure_caption(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "figur" | "fig." | "figure" | "diagram")
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

#[derive(Default)]
pub(super) struct Idle {
    pub(super) pending: Vec<LLine>,
    pub(super) caption: Option<(String, Option<u32>, usize)>,
    /// The caption was the last line read and ends mid-phrase: the next line may finish it.
    pub(super) caption_open: bool,
}

impl Idle {
    pub(super) fn feed(&mut self, ll: LLine, class: Class) -> Option<Candidate> {
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

pub(super) fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Does line `cur` continue the cell or label that `prev` began?
pub(super) fn continues(prev: &str, cur: &str) -> bool {
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
pub(super) fn label_group_start(lines: &[LLine]) -> usize {
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

pub(super) struct Candidate {
    pub(super) caption: Option<(String, Option<u32>, usize)>,
    pub(super) pre: Vec<LLine>,
    pub(super) rows: Vec<(RawRow, usize, usize, usize)>, // row, label_line, line, end_line
    pub(super) pending: Vec<LLine>,
}

impl Candidate {
    pub(super) fn push_row(&mut self, ll: LLine, mut row: RawRow) {
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
        row.indent = ll.indent;
        self.rows.push((row, label_line, ll.first, ll.last));
    }
}

pub(super) fn join_label(label: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    // A word broken over lines in a cell ("Nordlands-" / "sykehuset") is one word again; a real
    // hyphen ("Nord-" / "Trøndelag") stays; a suspended compound ("helse-" / "og") keeps its space.
    if piece.starts_with(|c: char| c.is_alphabetic()) {
        match hyphen_break(label, piece) {
            Some(HyphenBreak::Drop) => {
                label.pop();
                label.push_str(piece);
                return;
            }
            Some(HyphenBreak::Keep) => {
                label.push_str(piece);
                return;
            }
            _ => {}
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
pub(super) fn with_group_names(mut header: Vec<String>) -> Vec<String> {
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

pub(super) fn finish(cand: Option<Candidate>, idle: &mut Idle, out: &mut Vec<FoundTable>) {
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
pub(super) fn area_header(t: &mut FoundTable) {
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

pub(super) fn build_table(cand: Candidate) -> Option<FoundTable> {
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
    let edges = column_edges(&cand.rows, &chosen, k);
    let mut rows = Vec::with_capacity(cand.rows.len());
    for (((raw, label_line, line, end_line), cut), options) in
        cand.rows.iter().zip(&chosen).zip(&cuts)
    {
        // A short row whose figures end under the columns: the reading of its figures (thousands
        // joined or not) that lays each under a column, the most cells first.
        let placed = edges
            .as_ref()
            .filter(|_| cut.starts.len() < k)
            .and_then(|e| {
                options
                    .iter()
                    .filter(|c| c.absorbed == cut.absorbed && c.starts.len() < k)
                    .filter_map(|c| Some((c, place_by_edges(&cell_ends(raw, c), e)?)))
                    .max_by_key(|(c, _)| c.starts.len())
            });
        let cut = placed.as_ref().map_or(*cut, |(c, _)| *c);
        let mut label = raw.label.clone();
        if cut.absorbed {
            if let Some(g) = raw.groups.first() {
                // "Sykefravær 2023 (%)": the unit or note after the year stays with it.
                let written = raw.text.get(g.start..g.cell_end).unwrap_or(&g.lex.int);
                join_label(&mut label, written);
            }
        }
        let mut cells = build_cells(raw, cut);
        let padded = cells.len() < k;
        match placed.map(|(_, columns)| columns) {
            Some(columns) if padded && columns.len() == cells.len() => {
                let mut placed = vec![Cell::blank(); k];
                for (cell, j) in cells.into_iter().zip(columns) {
                    placed[j] = cell;
                }
                cells = placed;
            }
            _ => {
                while cells.len() < k {
                    cells.insert(0, Cell::blank());
                }
            }
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

/// How far (in characters) the right edges of one column may wander between the table's full
/// rows, and how far a short row's cell may stand from them, for the layout to place it.
const EDGE_SLACK: usize = 1;

/// The right edge of each column, as the smallest and largest end seen on the table's full rows,
/// when every column's figures are right-aligned within [`EDGE_SLACK`] on each side and the
/// columns do not overlap; otherwise none (the layout cannot place a short row).
fn column_edges(
    rows: &[(RawRow, usize, usize, usize)],
    cuts: &[&Cut],
    k: usize,
) -> Option<Vec<(usize, usize)>> {
    let mut edges: Vec<Option<(usize, usize)>> = vec![None; k];
    for ((raw, ..), cut) in rows.iter().zip(cuts) {
        if cut.starts.len() != k {
            continue;
        }
        let ends = cell_ends(raw, cut);
        if ends.len() != k {
            return None;
        }
        for (edge, end) in edges.iter_mut().zip(ends) {
            *edge = Some(edge.map_or((end, end), |(lo, hi)| (lo.min(end), hi.max(end))));
        }
    }
    let edges: Vec<(usize, usize)> = edges.into_iter().collect::<Option<_>>()?;
    let aligned = edges.iter().all(|(lo, hi)| hi - lo <= 2 * EDGE_SLACK)
        && edges.windows(2).all(|w| w[0].1 + 2 * EDGE_SLACK < w[1].0);
    aligned.then_some(edges)
}

/// The column of each of a short row's cells, when each ends under exactly one column's edge
/// (within [`EDGE_SLACK`]) and the columns run left to right: "Helse Sør-Øst  55  41  38  29"
/// under five columns whose last one it leaves empty. None when any cell stands between columns
/// (then the row is padded at its start, as a PDF drops empty cells without trace).
fn place_by_edges(ends: &[usize], edges: &[(usize, usize)]) -> Option<Vec<usize>> {
    let mut out: Vec<usize> = Vec::with_capacity(ends.len());
    for &end in ends {
        let mut hits = edges
            .iter()
            .enumerate()
            .filter(|(_, (lo, hi))| end + EDGE_SLACK >= *lo && end <= hi + EDGE_SLACK)
            .map(|(j, _)| j);
        let j = hits.next()?;
        if hits.next().is_some() || out.last().is_some_and(|&p| p >= j) {
            return None;
        }
        out.push(j);
    }
    Some(out)
}
