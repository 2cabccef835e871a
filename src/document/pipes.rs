//! Tables typed with bars (or tabs, see `tabs_as_columns`) between their cells ("Føretak | 2023 | 2024", a word processor's table
//! pasted as text, or a Markdown table) are laid out in columns before they are read, the way a
//! PDF lays out a table: the bars go, each column is padded to its widest cell and columns are
//! three spaces apart, so every cell of a column starts where its header starts. Lines are
//! neither added nor removed, so every line number of a result points into the original text
//! (which is what the source view shows).
//!
//! A line is a bar line when it has at least two bars that stand between spaces (or at the
//! line's start or end), or one when the line before or after it is a bar line too (a table of
//! two columns). Consecutive bar lines form one table; a rule line inside it (Markdown's
//! "|---|:--|", or "-----+-----" under a text table's header) becomes an empty line. Bars inside words ("a|b") and a lone bar in prose are
//! left as they are.

use std::borrow::Cow;

/// Byte positions of the bars of `line` that separate cells.
fn separators(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    let space = |i: Option<usize>| {
        i.is_none_or(|i| b.get(i).is_none_or(|c| matches!(*c, b' ' | b'\t' | b'\r')))
    };
    (0..b.len())
        .filter(|&i| b[i] == b'|' && space(i.checked_sub(1)) && space(Some(i + 1)))
        .collect()
}

/// A rule line: only bars, dashes, colons, plus signs and spaces, with at least one dash and a bar
/// or a plus (Markdown's "|---|:--|", a text table's "-----+-----+----").
fn is_rule_line(line: &str) -> bool {
    let t = line.trim();
    (t.contains('|') || t.contains('+'))
        && t.contains('-')
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | '+' | ' ' | '\t'))
}

/// The cells of a bar line, trimmed; the empty cells before a leading and after a trailing bar
/// are dropped.
fn cells(line: &str, seps: &[usize], keep_leading: bool) -> Vec<String> {
    let mut out = Vec::with_capacity(seps.len() + 1);
    let mut from = 0;
    for &p in seps {
        out.push(line[from..p].trim().to_string());
        from = p + 1;
    }
    out.push(line[from..].trim().to_string());
    if !keep_leading && out.first().is_some_and(String::is_empty) {
        out.remove(0);
    }
    if out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// Writes the rows of the table at `lines[start..]` into `out`, each column padded to its widest
/// cell and three spaces from the next (a `None` row, a rule line, becomes empty). A line's
/// carriage return is kept.
fn lay_out(lines: &[&str], start: usize, rows: &[Option<Vec<String>>], out: &mut [String]) {
    let mut width: Vec<usize> = Vec::new();
    for r in rows.iter().flatten() {
        for (j, c) in r.iter().enumerate() {
            let w = c.chars().count();
            match width.get_mut(j) {
                Some(x) => *x = (*x).max(w),
                None => width.push(w),
            }
        }
    }
    for (k, r) in (start..).zip(rows) {
        let cr = if lines[k].ends_with('\r') { "\r" } else { "" };
        let Some(r) = r else {
            out[k] = cr.to_string();
            continue;
        };
        let mut s = String::new();
        for (j, c) in r.iter().enumerate() {
            s.push_str(c);
            if j + 1 < r.len() {
                let pad = width.get(j).copied().unwrap_or(0) + 3 - c.chars().count();
                s.extend(std::iter::repeat_n(' ', pad));
            }
        }
        s.push_str(cr);
        out[k] = s;
    }
}

/// The cells of a line split at its tabs (each tab one separator), trimmed, without the empty
/// cells after the last filled one; `None` when the line has fewer than two filled cells.
fn tab_cells(line: &str) -> Option<Vec<String>> {
    let line = line.trim_end_matches(['\r', ' ', '\t']);
    if !line.contains('\t') {
        return None;
    }
    let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
    (cells.iter().filter(|c| !c.is_empty()).count() >= 2).then_some(cells)
}

/// The text with its tab-separated tables laid out in columns, as bar tables are (see the module
/// doc): at least two consecutive lines with two filled cells or more between tabs. When every
/// line of a table has as many tabs, each tab is a separator (an empty cell stays a column);
/// otherwise a run of tabs is one separator (tabs typed to reach a tab stop). The text itself
/// when it has none.
pub fn tabs_as_columns(text: &str) -> Cow<'_, str> {
    if !text.contains('\t') {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let cells: Vec<Option<Vec<String>>> = lines.iter().map(|l| tab_cells(l)).collect();
    let n = lines.len();
    let mut out: Option<Vec<String>> = None;
    let mut i = 0;
    while i < n {
        if cells[i].is_none() {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && cells[i].is_some() {
            i += 1;
        }
        if i - start < 2 {
            continue;
        }
        let rows = &cells[start..i];
        let same = rows
            .iter()
            .flatten()
            .all(|r| Some(r.len()) == rows[0].as_ref().map(Vec::len));
        let rows: Vec<Option<Vec<String>>> = if same {
            rows.to_vec()
        } else {
            rows.iter()
                .flatten()
                .map(|r| {
                    let lead = r.first().is_some_and(String::is_empty);
                    let filled = r.iter().filter(|c| !c.is_empty()).cloned();
                    Some(lead.then(String::new).into_iter().chain(filled).collect())
                })
                .collect()
        };
        let out = out.get_or_insert_with(|| lines.iter().map(|l| l.to_string()).collect());
        lay_out(&lines, start, &rows, out);
    }
    match out {
        Some(out) => Cow::Owned(out.join("\n")),
        None => Cow::Borrowed(text),
    }
}

/// The text with its bar tables and its tab tables laid out in columns.
pub fn as_columns(text: &str) -> Cow<'_, str> {
    match tabs_as_columns(text) {
        Cow::Borrowed(t) => bars_as_columns(t),
        Cow::Owned(t) => match bars_as_columns(&t) {
            Cow::Borrowed(_) => Cow::Owned(t),
            Cow::Owned(u) => Cow::Owned(u),
        },
    }
}

/// The text with its bar tables laid out in columns (see the module doc); the text itself when
/// it has none.
pub fn bars_as_columns(text: &str) -> Cow<'_, str> {
    if !text.contains(" |") && !text.contains("| ") {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let seps: Vec<Vec<usize>> = lines.iter().map(|l| separators(l)).collect();
    let rule: Vec<bool> = lines.iter().map(|l| is_rule_line(l)).collect();
    let n = lines.len();
    let barred = |i: usize| !rule[i] && !seps[i].is_empty();
    // A line of one bar joins only a neighbour of one bar (a table of two columns); a rule
    // line joins any bar line.
    let single = |i: usize| barred(i) && seps[i].len() == 1;
    let is_bar_line: Vec<bool> = (0..n)
        .map(|i| {
            let prev = i.checked_sub(1);
            let next = (i + 1 < n).then_some(i + 1);
            let any_near = [prev, next].into_iter().flatten().any(&barred);
            let single_near = [prev, next]
                .into_iter()
                .flatten()
                .any(|j| single(j) || rule[j]);
            (rule[i] && any_near) || (barred(i) && (seps[i].len() >= 2 || single_near))
        })
        .collect();
    if !is_bar_line.iter().any(|&b| b) {
        return Cow::Borrowed(text);
    }
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut i = 0;
    while i < n {
        if !is_bar_line[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && is_bar_line[i] {
            i += 1;
        }
        // A table whose first line has no leading bar ("Helseforetak | Somatikk | PHV"): a later
        // line that opens with a bar (" | 2023 | 2024 | …", the header's second line) has an
        // empty first cell, when keeping it does not make the line wider than the first.
        let first = (start..i).find(|&k| !rule[k]);
        let header_width = first.map_or(0, |k| cells(lines[k], &seps[k], false).len());
        let plain = first.is_some_and(|k| !lines[k].trim_start().starts_with('|'));
        let rows: Vec<Option<Vec<String>>> = (start..i)
            .map(|k| {
                (!rule[k]).then(|| {
                    let kept = cells(lines[k], &seps[k], true);
                    if plain && kept.len() <= header_width {
                        kept
                    } else {
                        cells(lines[k], &seps[k], false)
                    }
                })
            })
            .collect();
        lay_out(&lines, start, &rows, &mut out);
    }
    Cow::Owned(out.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_table_is_laid_out_in_columns_line_for_line() {
        let text = "Tabell 2 Talet på avvikla pasientar\n\
                    Føretak | Somatikk | PHV\n\
                    |---|---:|---|\n\
                    | Helse Bergen HF | 98 400 | 9 200 |\n\
                    Helse Førde HF | 1 | 20\n\
                    Ein setning med a|b og 3 | 4 i teksten.\n";
        let out = bars_as_columns(text);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), text.lines().count());
        assert_eq!(lines[0], "Tabell 2 Talet på avvikla pasientar");
        assert_eq!(lines[1], "Føretak           Somatikk   PHV");
        assert_eq!(lines[2], "");
        assert_eq!(lines[3], "Helse Bergen HF   98 400     9 200");
        assert_eq!(lines[4], "Helse Førde HF    1          20");
        // A lone bar in prose, with no bar line beside it, stays.
        assert_eq!(lines[5], "Ein setning med a|b og 3 | 4 i teksten.");
    }

    #[test]
    fn a_second_header_line_opening_with_a_bar_keeps_its_empty_first_cell() {
        let text = "Helseforetak | Somatikk | Somatikk | PHV\n \
                    | 2023 | 2024 | 2023\n\
                    Sykehuset Telemark | 62 | 64 | 49\n";
        let out = bars_as_columns(text);
        let lines: Vec<&str> = out.lines().collect();
        // Each year stays under its own column, not one column to the left.
        assert_eq!(lines[0].find("Somatikk"), lines[1].find("2023"));
        assert_eq!(lines[0].find("PHV"), lines[2].find("49"));
        assert_eq!(lines[1].rfind("2023"), lines[0].find("PHV"));
    }

    #[test]
    fn two_column_table_with_one_bar_a_line() {
        let text = "Indikator | Resultat\nVentetid | 52\n";
        assert_eq!(
            bars_as_columns(text),
            "Indikator   Resultat\nVentetid    52\n"
        );
    }

    #[test]
    fn text_without_bar_tables_is_borrowed() {
        assert!(matches!(
            bars_as_columns("Ingen tabell her."),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            bars_as_columns("Eitt | skilje.\nIngen tabell."),
            Cow::Borrowed(_)
        ));
    }
    #[test]
    fn tab_table_is_laid_out_in_columns_line_for_line() {
        let text = "Målekort\nIndikator\tMål\tjan\tfeb\nVentetid, dagar\t< 55\t58\t54\n\
                    Fristbrot\t0\t\t3\n\nEin setning\tmed tabulator.\n";
        let out = tabs_as_columns(text);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), text.lines().count());
        assert_eq!(lines[0], "Målekort");
        // Columns in characters (the header's "å" is two bytes).
        let col = |l: &str, p: &str| l.find(p).map(|i| l[..i].chars().count());
        assert_eq!(col(lines[1], "Mål"), col(lines[2], "< 55"));
        // An empty cell keeps its column: "3" stays under "feb".
        assert_eq!(col(lines[1], "feb"), col(lines[3], "3"));
        assert_eq!(col(lines[2], "54"), col(lines[3], "3"));
        // A lone tab line after the table is left as it is.
        assert_eq!(lines[5], "Ein setning\tmed tabulator.");
    }

    #[test]
    fn a_lone_tab_line_is_left_as_it_is() {
        let text = "Ein linje\tmed tabulator.\nIngen tabell.\n";
        assert!(matches!(tabs_as_columns(text), Cow::Borrowed(_)));
    }
}
