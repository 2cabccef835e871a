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

use crate::check::target_tables::{assemble, Role};
use crate::check::verdicts::Assessed;
use crate::document::Document;
use crate::extract::claims::parse_claim;
use crate::extract::numbers::{lex, NumberKind};
use crate::extract::phrases::{first_of, fold};
use crate::extract::targets::parse_targets;

/// Header words (folded): the target column, result columns, the assessment column.
const TARGET_WORDS: &[&str] = &["mål", "måltall", "måltal", "krav", "målverdi", "målnivå"];
const RESULT_WORDS: &[&str] = &["resultat", "status"];
const ASSESSMENT_WORDS: &[&str] = &["vurdering", "måloppnåelse", "måloppnåing"];
/// Words that may open a multi-word assessment ("Ikkje nådd", "Delvis oppfylt", "I hovudsak
/// nådd").
const ASSESSMENT_LEADS: &[&str] = &[
    "ikke", "ikkje", "delvis", "i", "hovedsak", "hovudsak", "all", "langt", "helt", "heilt",
];
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
fn header(doc: &Document, i: usize) -> Option<(Vec<Option<i32>>, usize)> {
    let first = words(doc.line_text(i));
    if first.is_empty() || first.len() > 8 || doc.line_text(i).contains("  ") {
        return None;
    }
    let mut has_target = false;
    let mut results: Vec<Option<i32>> = Vec::new();
    let mut has_assessment = false;
    let mut j = i;
    while j <= doc.line_count() && j < i + MAX_HEADER_LINES {
        let ws = words(doc.line_text(j));
        if ws.is_empty() || ws.len() > 8 {
            break;
        }
        for w in &ws {
            if TARGET_WORDS.contains(&w.as_str()) {
                has_target = true;
            } else if RESULT_WORDS.contains(&w.as_str()) {
                results.push(None);
            } else if ASSESSMENT_WORDS.contains(&w.as_str()) {
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
    let mut i = 1;
    while i <= n {
        let Some((results, body)) = header(doc, i) else {
            i += 1;
            continue;
        };
        i = read_rows(doc, body, &results, owner, &mut out);
    }
    out
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
                if t2.chars().any(|c| c.is_ascii_digit()) || !ASSESSMENT_LEADS.contains(&w.as_str())
                {
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

fn read_rows(
    doc: &Document,
    from: usize,
    results: &[Option<i32>],
    owner: &str,
    out: &mut Vec<Assessed>,
) -> usize {
    let mut chunk: Vec<&str> = Vec::new();
    let mut chunk_start = from;
    let mut i = from;
    while i <= doc.line_count() {
        let line = doc.line_text(i).trim();
        if line.is_empty() || line.chars().count() > MAX_LINE_CHARS || line.contains("  ") {
            break;
        }
        if chunk.is_empty() {
            chunk_start = i;
        }
        chunk.push(line);
        if chunk.len() > MAX_ROW_LINES {
            break;
        }
        let joined = chunk.join(" ");
        if let Some(at) = assessment_at(&joined) {
            if let Some(a) = row(&joined, at, results, owner, chunk_start, i) {
                out.push(a);
            }
            chunk.clear();
        }
        i += 1;
    }
    i
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
        (Some(crate::report::TargetUnit::Percent), u) => {
            u == crate::extract::numbers::NumUnit::Percent
        }
        _ => true,
    };
    if !unit_ok {
        a.indicator.verdicts.clear();
        a.indicator.status = crate::check::verdicts::overall(&a.indicator.verdicts);
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use crate::report::{Claim, Comparator, DocumentReport, FindingKind, VerdictStatus};

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
