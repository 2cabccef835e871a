//! Follow-up tables whose rows are targets, as text copied from a PDF leaves them: one space
//! between cells, the header wrapped over several lines, long labels wrapped above their cells.
//!
//! ```text
//! Styringsparameter Mål Resultat
//! 2023
//! Resultat
//! 2024
//! Vurdering
//! Gjennomsnittleg ventetid, somatikk Under 60 dagar 63 58 Nådd
//! Delen fristbrot, pasientar som har starta
//! helsehjelp
//! Lågare enn 2023 2,4 % 2,6 % Nådd
//! ```
//!
//! Cells cannot be found by gaps here, so a row is read by its grammar: it ends with the
//! assessment ("Nådd", "Ikkje nådd", "Innfridd", "Delvis oppfylt" — the claim phrases), the
//! figures just before it are the results (as many as the header has result columns, in the
//! header's year order), and the target cell starts at the first comparator or direction word
//! after the label ("Under 60 dagar", "Minst 70 %", "Lågare enn 2023", "Redusert med 20 % frå
//! 2023"), read with the same target grammar as sentences. Rows that do not fit are skipped:
//! unknown is better than a guess.

use crate::assess::target_tables::{assemble, Role};
use crate::assess::verdicts::Assessed;
use crate::document::Document;
use crate::extract::claims::parse_claim;
use crate::extract::numbers::{lex, NumberKind};
use crate::extract::phrases::{first_of, is_word};
use crate::extract::targets::parse_targets;
use crate::text::fold;

/// How many lines a header may be wrapped over, and a row.
const MAX_HEADER_LINES: usize = 8;
const MAX_ROW_LINES: usize = 6;
/// Lines longer than this are prose, which ends the table.
const MAX_LINE_CHARS: usize = 110;

fn words(line: &str) -> Vec<String> {
    fold(line)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A flattened header starting at line `i`: (result column years, in order; the line after
/// the header).
/// With `spaced` (a blank line after every paragraph) a blank line inside the header is skipped.
fn header(doc: &Document, i: usize, spaced: bool) -> Option<(Vec<Option<i32>>, usize)> {
    let first = words(doc.line_text(i));
    if first.is_empty() || first.len() > 8 || doc.line_text(i).contains("  ") {
        return None;
    }
    let mut has_target = false;
    let mut results: Vec<Option<i32>> = Vec::new();
    let mut has_assessment = false;
    let mut j = i;
    let mut lines = 0;
    while j <= doc.line_count() && lines < MAX_HEADER_LINES {
        if spaced && doc.line_text(j).trim().is_empty() && blank_between(doc, j) {
            j += 1;
            continue;
        }
        lines += 1;
        let ws = words(doc.line_text(j));
        if ws.is_empty() || ws.len() > 8 {
            break;
        }
        for w in &ws {
            if is_word("flat_target_headers", w) {
                has_target = true;
            } else if is_word("flat_result_headers", w) {
                results.push(None);
            } else if is_word("flat_assessment_headers", w) {
                has_assessment = true;
            } else if let Ok(y) = w.parse::<i32>() {
                if (1990..=2100).contains(&y) {
                    if let Some(last) = results.last_mut().filter(|r| r.is_none()) {
                        *last = Some(y);
                    }
                }
            }
        }
        j += 1;
        if has_assessment {
            break;
        }
    }
    (has_target && has_assessment && !results.is_empty() && results.len() <= 4)
        .then_some((results, j))
}

/// Indicators from every flattened target table in the document.
pub fn assess(doc: &Document, owner: &str) -> Vec<Assessed> {
    let mut out = Vec::new();
    let n = doc.line_count();
    let spaced = paragraph_spaced(doc);
    let mut i = 1;
    while i <= n {
        let Some((results, body)) = header(doc, i, spaced) else {
            i += 1;
            continue;
        };
        i = read_rows(doc, body, &results, owner, spaced, &mut out);
    }
    out
}

/// A document with a blank line after (nearly) every line of text: each paragraph is one line
/// (the text of a Word file), so a blank line separates paragraphs, not tables from prose.
fn paragraph_spaced(doc: &Document) -> bool {
    let n = doc.line_count();
    let (mut text, mut followed) = (0usize, 0usize);
    for i in 1..=n {
        if doc.line_text(i).trim().is_empty() {
            continue;
        }
        text += 1;
        if i < n && doc.line_text(i + 1).trim().is_empty() {
            followed += 1;
        }
    }
    text >= 4 && followed * 10 >= text * 8
}

/// Line `j` is a single blank line between two lines of text.
fn blank_between(doc: &Document, j: usize) -> bool {
    let text = |k: usize| k >= 1 && k <= doc.line_count() && !doc.line_text(k).trim().is_empty();
    text(j - 1) && text(j + 1)
}

/// The assessment at the end of a row's text: its start, when the text ends with a claim.
fn assessment_at(text: &str) -> Option<usize> {
    let t = text.trim_end();
    let ws: Vec<(usize, &str)> = t
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect();
    // One to four words at the end ("Nådd", "Ikkje nådd", "Delvis oppfylt", "Ikke innfridd").
    for k in (ws.len().saturating_sub(4)..ws.len()).rev() {
        let tail = &t[ws[k].0..];
        if tail.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let as_claim = format!("Kravet er {}.", tail.to_lowercase());
        if parse_claim(tail).is_some() || parse_claim(&as_claim).is_some() {
            // The longest tail that still reads as a claim: keep looking left.
            let mut best = ws[k].0;
            for k2 in (ws.len().saturating_sub(4)..k).rev() {
                let t2 = &t[ws[k2].0..];
                // Only words of an assessment go with it ("Ikkje nådd", "Delvis oppfylt").
                let w = fold(ws[k2].1);
                if t2.chars().any(|c| c.is_ascii_digit()) || !is_word("assessment_leads", &w) {
                    break;
                }
                let c2 = format!("Kravet er {}.", t2.to_lowercase());
                if parse_claim(&c2).is_some() {
                    best = ws[k2].0;
                }
            }
            return Some(best);
        }
    }
    None
}

/// Reads rows from line `from` until the table ends; returns the line after it. A row may wrap
/// over lines; several rows may also share one line (rows joined into one paragraph): a row
/// ends at its assessment, and the next one starts with a capital.
fn read_rows(
    doc: &Document,
    from: usize,
    results: &[Option<i32>],
    owner: &str,
    spaced: bool,
    out: &mut Vec<Assessed>,
) -> usize {
    let mut chunk = String::new();
    let mut chunk_lines = 0;
    let mut chunk_start = from;
    let mut i = from;
    while i <= doc.line_count() {
        let line = doc.line_text(i).trim();
        if line.is_empty() && spaced && blank_between(doc, i) {
            i += 1;
            continue;
        }
        if line.is_empty() || line.contains("  ") {
            break;
        }
        let long = line.chars().count() > MAX_LINE_CHARS;
        if chunk.is_empty() {
            chunk_start = i;
        }
        let mut joined = chunk.clone();
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(line);
        let (rows, rest) = split_rows(&joined, results, owner, chunk_start, i);
        // A long line is prose unless rows were read from it.
        if long && rows.is_empty() {
            break;
        }
        if rows.is_empty() {
            chunk_lines += 1;
        } else {
            // What follows the last row on this line starts the next one.
            chunk_lines = 1;
            chunk_start = i;
        }
        out.extend(rows);
        chunk = rest;
        if chunk.is_empty() {
            chunk_lines = 0;
        }
        if chunk_lines > MAX_ROW_LINES {
            break;
        }
        i += 1;
    }
    i
}

/// The rows `text` holds: each ends with an assessment, the next starting with a capital after
/// it (or the text ends). Returns the rows and the text after the last one.
fn split_rows(
    text: &str,
    results: &[Option<i32>],
    owner: &str,
    line: usize,
    end_line: usize,
) -> (Vec<Assessed>, String) {
    let mut rows = Vec::new();
    let mut start = 0;
    // Word ends where a row may stop: before a word with a capital, and the end of the text.
    let mut stops: Vec<usize> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for w in text.split_whitespace() {
        let at = w.as_ptr() as usize - text.as_ptr() as usize;
        if let Some(e) = prev_end {
            if w.starts_with(|c: char| c.is_uppercase()) {
                stops.push(e);
            }
        }
        prev_end = Some(at + w.len());
    }
    stops.extend(prev_end);
    for stop in stops {
        let Some(piece) = text.get(start..stop) else {
            continue;
        };
        let Some(at) = assessment_at(piece) else {
            continue;
        };
        if let Some(a) = row(piece, at, results, owner, line, end_line) {
            rows.push(a);
            start = stop;
        } else if stop == text.len() {
            // Ends with an assessment but does not read as a row: skipped, as before.
            start = stop;
        }
    }
    let rest = text.get(start..).unwrap_or("").trim().to_string();
    (rows, rest)
}

fn row(
    text: &str,
    assessment_at: usize,
    result_years: &[Option<i32>],
    owner: &str,
    line: usize,
    end_line: usize,
) -> Option<Assessed> {
    let body = text[..assessment_at].trim_end();
    let assessment = text[assessment_at..].trim();
    // The results: the last figures before the assessment, one per result column.
    let toks: Vec<_> = lex(body)
        .into_iter()
        .filter(|t| t.kind == NumberKind::Quantity && t.value.is_finite())
        .collect();
    let k = result_years.len();
    if toks.len() < k {
        return None;
    }
    let res = &toks[toks.len() - k..];
    // Nothing but the results between the first result and the assessment.
    let between = &body[res[0].span.start..];
    if lex(between)
        .iter()
        .filter(|t| t.kind == NumberKind::Quantity)
        .count()
        != k
    {
        return None;
    }
    let head = body[..res[0].span.start].trim_end();
    // The target cell: from the first comparator or direction word after the label.
    let f = fold(head);
    let book = crate::extract::phrases::targets();
    let starts: Vec<usize> = [
        "at_least",
        "at_most",
        "above",
        "below",
        "increase",
        "decrease",
        "same_or_lower",
        "same_or_higher",
    ]
    .iter()
    .filter_map(|s| first_of(&f, book.get(s), 0).map(|(r, _)| r.start))
    .collect();
    let cut = *starts.iter().min()?;
    let label = head[..cut].trim().trim_end_matches([',', ':']).trim();
    let cell = head[cut..].trim();
    if label.chars().count() < 3 || cell.is_empty() {
        return None;
    }
    // The target cell read as the requirement it stands for.
    let sentence = format!("{label} skal vere {}.", cell.to_lowercase());
    let specs = parse_targets(&sentence);
    let parsed = specs.into_iter().next().map(|s| s.target);
    // The results as written ("281 mill. kr"), read again by the row's cell reader.
    let res_text: Vec<String> = res
        .iter()
        .map(|t| body.get(t.span.clone()).unwrap_or("").to_string())
        .collect();
    let mut by_role: Vec<(Role, Option<i32>, &str)> = vec![(Role::Target, None, cell)];
    for (y, t) in result_years.iter().zip(&res_text) {
        by_role.push((Role::Result, *y, t.as_str()));
    }
    by_role.push((Role::Assessment, None, assessment));
    let mut a = assemble(&by_role, None, label, owner, line, end_line, parsed)?;
    // Percent results for a percent target, days for days: a unit the target does not share
    // decides nothing.
    let unit_ok = match (a.indicator.target.unit, res[0].unit) {
        (Some(crate::model::TargetUnit::Percent), u) => {
            u == crate::extract::numbers::NumUnit::Percent
        }
        _ => true,
    };
    if !unit_ok {
        a.indicator.verdicts.clear();
        a.indicator.status = crate::assess::verdicts::overall(&a.indicator.verdicts);
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use crate::model::{Claim, Comparator, FindingKind, VerdictStatus};
    use crate::report::DocumentReport;

    fn report(text: &str) -> DocumentReport {
        crate::analyze("t.txt", text.as_bytes())
            .map(|a| a.report)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    const NYNORSK: &str = "Helse Midt-Norge RHF\n\
        Oppfølging av styringsparametrar 2024\n\
        \n\
        Tabell 2 Styringsparametrar\n\
        Styringsparameter Måltal Resultat\n\
        2023\n\
        Resultat\n\
        2024\n\
        Vurdering\n\
        Gjennomsnittleg ventetid, TSB Under 40 dagar 43 38 Nådd\n\
        Delen korridorpasientar i\n\
        somatikken\n\
        Lågare enn 2023 1,9 % 2,1 % Nådd\n\
        Epikrisar sende innan éin dag Minst 75 % 71 % 73 % Ikkje nådd\n\
        Kjelde: eigne tal.\n";

    #[test]
    fn flattened_rows_become_targets_with_results_and_assessments() {
        let d = report(NYNORSK);
        let tsb = d.indicators.iter().find(|i| i.line == 10).expect("TSB row");
        assert_eq!(tsb.target.comparator, Comparator::Below);
        assert_eq!(tsb.target.threshold, Some(40.0));
        assert_eq!(tsb.target.subject.as_deref(), Some("TSB"));
        assert_eq!(tsb.claim, Some(Claim::Met));
        assert_eq!(tsb.verdicts[0].value, Some(38.0));
        assert_eq!(tsb.verdicts[0].status, VerdictStatus::Met);
        // The wrapped label's row: lower than 2023, but the share rose.
        let corr = d
            .indicators
            .iter()
            .find(|i| i.line == 11)
            .expect("wrapped row");
        assert_eq!(corr.target.comparator, Comparator::Decrease);
        assert_eq!(corr.verdicts[0].status, VerdictStatus::NotMet);
        assert!(d
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::ClaimMismatch && f.line == 13));
        let epi = d
            .indicators
            .iter()
            .find(|i| i.line == 14)
            .expect("epikrise row");
        assert_eq!(epi.target.comparator, Comparator::AtLeast);
        assert_eq!(epi.claim, Some(Claim::NotMet));
        assert_eq!(epi.verdicts[0].status, VerdictStatus::NotMet);
    }

    #[test]
    fn rows_joined_into_paragraphs_with_blank_lines_between_are_read() {
        // A Word file's text: each paragraph one line, a blank line after it; three rows
        // joined into one paragraph, the last row's label wrapped into the next paragraphs.
        let text = "Helse Midt-Norge RHF\n\nOppfølging av styringsparametrar 2024\n\n\
            Tabell 2 Styringsparametrar\n\nStyringsparameter Måltal Resultat\n\n2023\n\n\
            Resultat\n\n2024\n\nVurdering\n\n\
            Gjennomsnittleg ventetid, TSB Under 40 dagar 43 38 Nådd \
            Epikrisar sende innan éin dag Minst 75 % 71 % 73 % Ikkje nådd \
            Delen korridorpasientar i\n\nsomatikken\n\n\
            Lågare enn 2023 1,9 % 2,1 % Nådd\n\nKjelde: eigne tal.\n";
        let d = report(text);
        let rows: Vec<_> = d.indicators.iter().filter(|i| i.line >= 17).collect();
        assert_eq!(rows.len(), 3, "{:#?}", d.indicators);
        assert_eq!(rows[0].target.threshold, Some(40.0));
        assert_eq!(rows[0].claim, Some(Claim::Met));
        assert_eq!(rows[1].target.comparator, Comparator::AtLeast);
        assert_eq!(rows[1].claim, Some(Claim::NotMet));
        assert_eq!(rows[2].target.comparator, Comparator::Decrease);
        assert_eq!(rows[2].verdicts[0].status, VerdictStatus::NotMet);
    }

    #[test]
    fn prose_with_the_same_words_is_no_table() {
        let d = report(
            "Resultat og vurdering av mål\n\
             Målet er at ventetida skal ned. Resultatet for 2024 viser 58 dagar, og vurderinga er at målet er nådd.\n",
        );
        assert!(d
            .indicators
            .iter()
            .all(|i| i.line != 2 || i.claim.is_none()));
    }
}
