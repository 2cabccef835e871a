//! Status tables laid out in columns in plain text, their cells wrapped over several lines:
//!
//! ```text
//! Nr  Krav / styringsmål                            Status           Kommentar
//! 1   Det skal være lavere ventetid i 2024 enn i    Delvis innfridd  Lavere i somatikk og PHV,
//!     2023 for somatikk, PHV, PHBU og TSB.                           uendret i TSB.
//! 2   Minst 70 prosent av pakkeforløpene skal ...   Innfridd         Regionen 71,8 prosent.
//! ```
//!
//! Read line by line, such a table mixes three texts into every line. Found here, each cell is
//! read as its own text instead (its pieces joined in line order), so the requirement is a
//! sentence, the status its verdict and the comment what follows it.
//!
//! A table is found from its header line: three or more cells separated by two or more spaces,
//! one of them naming the requirement (data/table_requirement_headers.txt) and one the status
//! (data/table_status_headers.txt). The header's cells give the columns. Every later line whose
//! cells each start at a column (within two characters) and end before the next column belongs
//! to the table; page furniture and single blank lines inside it are passed over. A row starts
//! where the first column has text (a number column: any text; otherwise after a piece that
//! ended a sentence). It counts only with two rows or more, one of them wrapped.

use super::lexicon::lexicon;

/// One status table: the lines it covers and its cells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ColumnTable {
    /// 0-based index of the header line.
    pub header: usize,
    /// 0-based index one past the last line of the table.
    pub end: usize,
    /// Rows, each a list of cells in column order (empty cells and a number column left out),
    /// each cell its pieces: (0-based line index, text).
    pub rows: Vec<Vec<Vec<(usize, String)>>>,
}

/// Cells of a raw line: (character column, text), split at runs of two or more spaces or a tab.
pub(crate) fn segments(raw: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    let mut spaces = 0usize;
    for (col, c) in raw.chars().enumerate() {
        if c == ' ' || c == '\t' {
            spaces += if c == '\t' { 2 } else { 1 };
            continue;
        }
        if spaces >= 2 || cur.is_none() {
            if let Some(done) = cur.take() {
                out.push(done);
            }
            cur = Some((col, String::new()));
        } else if spaces == 1 {
            if let Some((_, s)) = cur.as_mut() {
                s.push(' ');
            }
        }
        spaces = 0;
        if let Some((_, s)) = cur.as_mut() {
            s.push(c);
        }
    }
    out.extend(cur);
    out
}

fn first_word(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase()
}

/// Column starts of a status table's header line, or `None`.
fn header_columns(raw: &str) -> Option<Vec<usize>> {
    let segs = segments(raw);
    if segs.len() < 3 || segs.len() > 8 || raw.chars().count() > 400 {
        return None;
    }
    let lex = lexicon();
    let words: Vec<String> = segs.iter().map(|(_, t)| first_word(t)).collect();
    let requirement = words
        .iter()
        .any(|w| lex.requirement_headers.contains(w.as_str()));
    let status = words
        .iter()
        .any(|w| lex.status_headers.contains(w.as_str()));
    // Header cells are labels, not sentences or figures.
    let labels = segs
        .iter()
        .all(|(_, t)| t.split_whitespace().count() <= 4 && !t.ends_with('.'));
    (requirement && status && labels).then(|| segs.iter().map(|s| s.0).collect())
}

/// The column a cell starting at `col` belongs to, if it starts at one (±2 characters) and
/// `len` characters fit before the next column.
fn column_of(cols: &[usize], col: usize, len: usize) -> Option<usize> {
    // At a column, or indented inside it ("1. Gjennomsnittlig ventetid for" above
    // "   pasienter som har startet").
    let k = cols.iter().rposition(|&c| c <= col + 2)?;
    let fits = cols.get(k + 1).is_none_or(|&next| col + len <= next + 1);
    fits.then_some(k)
}

/// A cell that runs into the next column with one space ("… over 10 prosent Ikke innfridd",
/// as PDF extraction writes a full cell) is split where a word starts at that column.
fn split_at_columns(segs: Vec<(usize, String)>, cols: &[usize]) -> Vec<(usize, String)> {
    let mut out = Vec::with_capacity(segs.len());
    for (start, text) in segs {
        let mut start = start;
        let mut rest = text;
        loop {
            let len = rest.chars().count();
            let cut = cols.iter().find_map(|&c| {
                if c <= start + 2 || c >= start + len {
                    return None;
                }
                // The word that starts at the column, one character either way.
                (c - 1..=c + 1).find_map(|p| {
                    let k = p.checked_sub(start)?;
                    let before = rest.chars().nth(k.checked_sub(1)?)?;
                    let at = rest.chars().nth(k)?;
                    (before == ' ' && at != ' ').then_some(k)
                })
            });
            match cut {
                Some(k) => {
                    let byte = rest.char_indices().nth(k).map_or(rest.len(), |(b, _)| b);
                    let tail = rest[byte..].to_string();
                    out.push((start, rest[..byte].trim_end().to_string()));
                    start += k;
                    rest = tail;
                }
                None => {
                    out.push((start, rest));
                    break;
                }
            }
        }
    }
    out
}

/// A line drawn with dashes or rules ("-----", "=====", "_____", "─────").
fn is_rule(raw: &str) -> bool {
    raw.trim().chars().count() >= 5 && super::noise::is_rule(raw)
}

fn is_number_cell(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ')']);
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}

/// A cell that is a figure and nothing more ("1 412", "6,1 %", "-25").
fn is_figure(t: &str) -> bool {
    let t = t.trim();
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '.' | '%' | '-' | '+' | '−'))
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?', ':'])
}

/// Finds the status tables of a document. `line(i)` gives raw line `i` (0-based), `skip(i)`
/// whether it is page furniture or noise, `blank(i)` whether it is blank.
pub(crate) fn find(
    n: usize,
    line: impl Fn(usize) -> String,
    skip: impl Fn(usize) -> bool,
    blank: impl Fn(usize) -> bool,
) -> Vec<ColumnTable> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(cols) = (!skip(i) && !blank(i))
            .then(|| header_columns(&line(i)))
            .flatten()
        else {
            i += 1;
            continue;
        };
        match read_body(i, n, &cols, &line, &skip, &blank) {
            Some(t) => {
                i = t.end;
                out.push(t);
            }
            None => i += 1,
        }
    }
    out
}

fn read_body(
    header: usize,
    n: usize,
    cols: &[usize],
    line: &impl Fn(usize) -> String,
    skip: &impl Fn(usize) -> bool,
    blank: &impl Fn(usize) -> bool,
) -> Option<ColumnTable> {
    // A first column of row numbers ("Nr", "1", "2", …) starts every row and is left out.
    let mut number_column: Option<bool> = None;
    let mut rows: Vec<Vec<Vec<(usize, String)>>> = Vec::new();
    let mut last_first: Option<String> = None;
    let mut blanks = 0;
    // A rule line ("-----") between rows: the next line starts a row.
    let mut ruled = false;
    let mut last_full = false;
    let mut end = header + 1;
    let mut j = header + 1;
    while j < n {
        if is_rule(&line(j)) {
            ruled = true;
            j += 1;
            continue;
        }
        if skip(j) {
            j += 1;
            continue;
        }
        if blank(j) {
            blanks += 1;
            if blanks >= 2 {
                break;
            }
            j += 1;
            continue;
        }
        let raw = line(j);
        let segs = split_at_columns(segments(&raw), cols);
        let placed: Option<Vec<(usize, String)>> = segs
            .iter()
            .map(|(c, t)| column_of(cols, *c, t.chars().count()).map(|k| (k, t.clone())))
            .collect();
        let Some(placed) = placed else {
            break;
        };
        let first = placed.iter().find(|(k, _)| *k == 0).map(|(_, t)| t.clone());
        let numbered = *number_column.get_or_insert_with(|| {
            first.as_deref().is_some_and(is_number_cell) && placed.len() >= 2
        });
        // A line with a cell in every column after a line that had one too is a row of its
        // own (a table typed one row a line); a wrapped row's later lines leave columns empty.
        let mut filled: Vec<usize> = placed.iter().map(|(k, _)| *k).collect();
        filled.dedup();
        let full = filled.len() == cols.len();
        // A row whose every cell has text, followed by a line filling every column again and
        // opening with a capital ("Andel pakkeforløp …  Helse Nord: 69,6 %  Delvis oppfylt"
        // after "… PHV, PHBU og TSB"): a cell's continuation does not start a new sentence in
        // every column at once.
        let row_complete = rows.last().is_some_and(|r| r.iter().all(|c| !c.is_empty()));
        let starts_row = match (&first, numbered) {
            (Some(t), true) => is_number_cell(t),
            (Some(t), false) => {
                ruled
                    || blanks > 0
                    || last_first.as_deref().is_none_or(ends_sentence)
                    || rows.is_empty()
                    || (full && last_full)
                    || (full && row_complete && t.starts_with(char::is_uppercase))
            }
            (None, _) => rows.is_empty(),
        };
        if numbered && first.as_deref().is_some_and(|t| !is_number_cell(t)) {
            break;
        }
        // A figure does not wrap: a figure under a figure of the same column is the next row
        // ("1 412" then "6,1 %" under "Resultat 2023").
        let figure_under_figure = rows.last().is_some_and(|r| {
            placed.iter().any(|(k, t)| {
                is_figure(t)
                    && r.get(*k)
                        .and_then(|c| c.last())
                        .is_some_and(|(_, p)| is_figure(p))
            })
        });
        let starts_row = starts_row || (figure_under_figure && first.is_some());
        if starts_row {
            rows.push(vec![Vec::new(); cols.len()]);
        }
        let Some(row) = rows.last_mut() else {
            break;
        };
        for (k, t) in placed {
            if numbered && k == 0 {
                continue;
            }
            if let Some(cell) = row.get_mut(k) {
                cell.push((j, t));
            }
        }
        if !numbered {
            last_first = first.or(last_first);
        }
        blanks = 0;
        ruled = false;
        last_full = full;
        j += 1;
        end = j;
    }
    let wrapped = rows.iter().any(|r| r.iter().any(|c| c.len() >= 2));
    // Rows of one line each whose requirements are sentences (a table typed with bars, one row
    // a line) are a table of text too.
    let words = |c: &Vec<(usize, String)>| {
        c.iter()
            .map(|(_, t)| t.split_whitespace().count())
            .sum::<usize>()
    };
    let sentences = rows
        .iter()
        .filter(|r| r.first().is_some_and(|c| words(c) >= 6))
        .count();
    if rows.len() < 2 || !(wrapped || sentences * 2 >= rows.len()) {
        return None;
    }
    // A table of figures ("Mål 2025 | Resultat | Status" with "< 58 | 58 | Ikke nådd") reads
    // well line by line, each row one line; only tables of text are read by column.
    let figure_rows = rows
        .iter()
        .filter(|r| {
            r.iter()
                .skip(1)
                .any(|c| c.iter().any(|(_, t)| is_figure(t)))
        })
        .count();
    if figure_rows * 2 >= rows.len() {
        return None;
    }
    let rows = rows
        .into_iter()
        .map(|r| r.into_iter().filter(|c| !c.is_empty()).collect())
        .collect();
    Some(ColumnTable { header, end, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> Vec<ColumnTable> {
        let lines: Vec<&str> = text.lines().collect();
        find(
            lines.len(),
            |i| lines[i].to_string(),
            |_| false,
            |i| lines[i].trim().is_empty(),
        )
    }

    fn cell_texts(t: &ColumnTable) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| c.iter().map(|p| p.1.as_str()).collect::<Vec<_>>().join(" "))
                    .collect()
            })
            .collect()
    }

    const NUMBERED: &str = "\
Nr  Krav / styringsmål                          Status           Kommentar
1   Ventetida skal vere under 50 dagar i        Delvis innfridd  Nådd i PHV, ikkje i
    somatikken og PHV.                                           somatikken.
2   Minst 80 prosent av epikrisene skal sendast Innfridd         82 prosent.
    innan éin dag.

Teksten held fram her med ein lang setning som går over heile breidda av sida og ikkje er ein del av tabellen.";

    #[test]
    fn a_table_of_figures_is_read_line_by_line() {
        // Rows of one line each, their labels ending no sentence: one row per line, and no
        // column reading (the status column would otherwise be one text "Ikke nådd Nådd …").
        let t = tables(
            "\
Indikator                     Måltall 2024   Resultat   Resultat   Status
                                             2023       2024
Antall fristbrudd avviklede   -25 % fra 2023 1 412      1 106      Ikke nådd
Passert planlagt tid (andel)  maks 5 %       6,1 %      6,8 %      Ikke nådd
Pakkeforløp innen standard    minst 70 %     65,2 %     68,7 %     Nådd
forløpstid
",
        );
        assert!(t.is_empty());
    }

    #[test]
    fn numbered_rows_with_wrapped_cells() {
        let t = tables(NUMBERED);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].header, t[0].end), (0, 5));
        assert_eq!(
            cell_texts(&t[0]),
            vec![
                vec![
                    "Ventetida skal vere under 50 dagar i somatikken og PHV.",
                    "Delvis innfridd",
                    "Nådd i PHV, ikkje i somatikken."
                ],
                vec![
                    "Minst 80 prosent av epikrisene skal sendast innan éin dag.",
                    "Innfridd",
                    "82 prosent."
                ],
            ]
        );
    }

    #[test]
    fn rows_without_numbers_start_after_a_finished_sentence() {
        let text = "\
Styringsmål                               Vurdering        Kommentar
Gjennomsnittlig ventetid skal være        Ikke innfridd    61 dager.
under 55 dager.
Sykefraværet skal være under 8 prosent.   Innfridd         7,6 prosent.";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(
            cell_texts(&t[0])[0][0],
            "Gjennomsnittlig ventetid skal være under 55 dager."
        );
    }

    #[test]
    fn a_full_line_opening_a_sentence_starts_a_row() {
        // Rows whose cells wrap without a full stop: a line that fills every column again and
        // opens with a capital, after a row with text in every column, is the next row.
        let text = "\
Mål/krav                                  Resultat 2024             Status
Ventetiden skal reduseres                 Se kapittel 3             Se kapittel 3
sammenlignet med 2023 i somatikk
Andel epikriser sendt innen 1 dag skal    Regionen: 71,5 %          Oppfylt
være minst 70 %                           UNN 73,0 – NLSH 71,2
Sykefraværet skal være under 8 %          8,4 %                     Ikke oppfylt";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        let cells = cell_texts(&t[0]);
        assert_eq!(cells.len(), 3, "{cells:?}");
        assert_eq!(
            cells[1][0],
            "Andel epikriser sendt innen 1 dag skal være minst 70 %"
        );
        assert_eq!(cells[2][2], "Ikke oppfylt");
    }

    #[test]
    fn not_a_status_table() {
        // A numeric table without a status column, rows on one line each, and prose.
        assert!(tables(
            "Helseforetak    2023    2024\nHelse Bergen    61      58\nHelse Førde     55      52"
        )
        .is_empty());
        assert!(tables(
            "Indikator   Mål   Status\nVentetid    60    Innfridd\nFristbrudd  0     Ikke innfridd"
        )
        .is_empty());
        assert!(
            tables("Kravet er at ventetida skal vere under 50 dagar. Status er god.").is_empty()
        );
    }
}
