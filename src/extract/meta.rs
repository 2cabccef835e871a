//! What a document is: its title, its owner (the RHF or HF it speaks for) and the year it
//! reports on, read from the title page ("Årlig melding 2024 for Helse Nord RHF",
//! "Helse Vest RHF / Årleg melding 2024", "Styresak 058-2025 … Virksomhetsrapport per 1. tertial
//! 2025"), not from the most frequent year of the text. Unknown stays unknown: a document whose
//! first page names no kind of report gets no title, and no year unless one is given beside the
//! report's kind further on ("årlig melding for 2024").

use crate::document::Document;
use crate::extract::entities::{catalogue, EntityKind};
use crate::extract::phrases::{first_of, PhraseBook};
use crate::text::fold;
use std::sync::OnceLock;

const DOCUMENT_TYPES: &str = include_str!("../../data/phrases/document_types.txt");

/// How many non-empty lines count as the title page.
const TITLE_PAGE_LINES: usize = 25;
/// How far a report kind with its year is looked for when the title page gives none.
const YEAR_SEARCH_LINES: usize = 200;
/// How far the RHF a document names most is counted when its first page names no one.
const OWNER_SEARCH_LINES: usize = 120;

fn types() -> &'static PhraseBook {
    static B: OnceLock<PhraseBook> = OnceLock::new();
    B.get_or_init(|| PhraseBook::parse(DOCUMENT_TYPES))
}

/// The title page's reading of a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentMeta {
    /// The title line(s), as written (spaces collapsed).
    pub title: Option<String>,
    /// The canonical name of the RHF or HF the document is by.
    pub owner: Option<String>,
    /// The year the document reports on.
    pub year: Option<i32>,
    /// The months of that year the report covers, when its title says it covers part of the
    /// year only ("Tertialrapport 2. tertial 2025" → 8); `None` for a whole year or unknown.
    pub period_months: Option<u32>,
}

/// A report kind ("årlig melding", "styresak") at the start of a word in the folded line.
fn kind_in(folded: &str) -> Option<(std::ops::Range<usize>, bool)> {
    let b = types();
    let report = first_of(folded, b.get("report"), 0).map(|(r, _)| (r, true));
    let case = first_of(folded, b.get("case"), 0).map(|(r, _)| (r, false));
    match (report, case) {
        (Some(r), _) => Some(r),
        // "Sak" alone is a kind only at the start of the line ("Sak 93/23 …").
        (None, Some((r, false))) if r.start <= 1 || folded[r.clone()].len() > 3 => Some((r, false)),
        _ => None,
    }
}

/// Four-digit years (1990–2099) as whole words or after a hyphen/slash ("058-2025").
fn years_in(text: &str) -> Vec<(usize, i32)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let boundary_before = i == 0 || !b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-';
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let boundary_after = i + 4 == b.len() || !b[i + 4].is_ascii_digit();
        if boundary_before && digits && boundary_after && (i == 0 || !b[i - 1].is_ascii_digit()) {
            if let Ok(y) = text[i..i + 4].parse::<i32>() {
                if (1990..=2099).contains(&y) {
                    out.push((i, y));
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// Reads the title, owner and report year of a document.
pub fn read(doc: &Document) -> DocumentMeta {
    let cat = catalogue();
    let page: Vec<(usize, &str)> = (1..=doc.line_count())
        .map(|n| (n, doc.line_text(n).trim()))
        .filter(|(_, t)| !t.is_empty())
        .take(TITLE_PAGE_LINES)
        .collect();
    let mut meta = DocumentMeta::default();
    // The title: the first title-page line naming a kind of report or case paper; a line that
    // runs on (ends without a full stop and the next starts in lower case) takes the next too.
    let mut title_at = None;
    for (k, (_, t)) in page.iter().enumerate() {
        if t.chars().count() > 160 {
            continue;
        }
        let f = fold(t);
        // A sentence that mentions a report in passing ("Vi viser til … Årlig melding") is
        // not a title: the kind must open the line or follow a short lead ("Styresak 12/2025
        // … Virksomhetsrapport per desember 2024": the case opens it). Nor is a line that
        // continues a paragraph (it opens in lower case), leads into one (it ends with a
        // colon) or is a style sheet's.
        let opens = |r: &std::ops::Range<usize>| {
            r.start <= 40 && f[..r.start].split_whitespace().count() <= 4
        };
        let kind = kind_in(&f).filter(|(r, _)| opens(r)).or_else(|| {
            first_of(&f, types().get("case"), 0)
                .filter(|(r, _)| r.start == 0)
                .map(|(r, _)| (r, false))
        });
        if kind.is_some() {
            if t.chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || !c.is_alphanumeric())
                || t.ends_with(':')
                || is_section_heading(t)
                || t.contains(['{', '}'])
            {
                continue;
            }
            let mut title = collapse(t);
            // "Saksframlegg" or "STYRESAK" alone names the form, not the matter: the subject
            // field ("SAKA GJELD: …") or the short line under it does.
            if is_bare_kind(&f) {
                if let Some(subject) = subject_of(&page[k + 1..]) {
                    title = format!("{title} – {subject}");
                    meta.title = Some(title);
                    title_at = Some(k);
                    break;
                }
            }
            if let Some((_, next)) = page.get(k + 1) {
                let runs_on = !t.ends_with(['.', ':'])
                    && next.chars().next().is_some_and(char::is_lowercase)
                    && next.chars().count() < 80;
                if runs_on {
                    title.push(' ');
                    title.push_str(&collapse(next));
                }
            }
            meta.title = Some(title);
            title_at = Some(k);
            break;
        }
    }
    // The year: on the title line, after the kind of report; else beside a report kind early
    // in the text ("Årlig melding for 2024").
    if let Some(title) = &meta.title {
        let f = fold(title);
        if let Some((r, _)) = kind_in(&f) {
            let years = years_in(&f);
            meta.year = years
                .iter()
                .find(|(at, _)| *at >= r.end)
                .or(years.first())
                .map(|(_, y)| *y);
        }
    }
    if meta.year.is_none() {
        let b = types();
        'search: for n in 1..=doc.line_count().min(YEAR_SEARCH_LINES) {
            let f = fold(doc.line_text(n));
            let mut from = 0;
            while let Some((r, _)) = first_of(&f, b.get("report"), from) {
                let rest = &f[r.end..];
                let lead = rest.trim_start();
                let lead = lead
                    .strip_prefix("for ")
                    .or_else(|| lead.strip_prefix("per "))
                    .unwrap_or(lead)
                    .trim_start();
                if let Some(&(0, y)) = years_in(lead).first() {
                    meta.year = Some(y);
                    break 'search;
                }
                from = r.end;
            }
        }
    }
    // The owner: the one RHF or HF the title names; else the first one named on the title
    // page; else nothing.
    let named = |t: &str| -> Vec<usize> {
        cat.mentions(t)
            .into_iter()
            .map(|m| m.entity)
            .filter(|&e| matches!(cat.kind(e), EntityKind::Rhf | EntityKind::Hf))
            .collect()
    };
    let title_lines: Vec<&str> = match title_at {
        Some(k) => page[k.saturating_sub(2)..(k + 2).min(page.len())]
            .iter()
            .map(|(_, t)| *t)
            .collect(),
        None => Vec::new(),
    };
    let mut owner = None;
    for t in &title_lines {
        let ents = named(t);
        if let Some(&hf) = ents.iter().find(|&&e| cat.kind(e) == EntityKind::Hf) {
            owner = Some(hf);
            break;
        }
        if owner.is_none() {
            owner = ents.first().copied();
        }
    }
    if owner.is_none() {
        owner = page
            .iter()
            .take(10)
            .find_map(|(_, t)| named(t).first().copied());
    }
    // A board case whose first page names no one: the RHF it names most often early on, when
    // it is named at least twice and more often than any other.
    if owner.is_none() {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for n in 1..=doc.line_count().min(OWNER_SEARCH_LINES) {
            for e in named(doc.line_text(n)) {
                if cat.kind(e) != EntityKind::Rhf {
                    continue;
                }
                match counts.iter_mut().find(|(x, _)| *x == e) {
                    Some(c) => c.1 += 1,
                    None => counts.push((e, 1)),
                }
            }
        }
        crate::sorting::sort_by(&mut counts, |a, b| b.1.cmp(&a.1));
        let top = counts.first().copied();
        let second = counts.get(1).map_or(0, |c| c.1);
        owner = top.filter(|(_, n)| *n >= 2 && *n > second).map(|(e, _)| e);
    }
    meta.owner = owner.map(|e| cat.name(e).to_string());
    let title_line = meta.title.clone().map(|t| (0, t));
    let lines: Vec<(usize, &str)> = title_line
        .iter()
        .map(|(n, t)| (*n, t.as_str()))
        .chain(page.iter().copied())
        .collect();
    meta.period_months = period_months(&lines, meta.year);
    meta
}

/// A numbered section heading ("3 Søknad om kompetansemidler", "3.1 Krav"): a chapter of the
/// document, not its title.
fn is_section_heading(line: &str) -> bool {
    let (number, rest) = line.split_once(' ').unwrap_or((line, ""));
    !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
        && number.len() <= 5
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a (folded) title line is a case form's name and nothing more ("styresak",
/// "saksframlegg", "styresak 118/26").
fn is_bare_kind(folded: &str) -> bool {
    let words: String = folded
        .chars()
        .filter(|c| c.is_alphabetic() || *c == ' ')
        .collect();
    let words = words.trim();
    types().get("case").iter().any(|k| k == words)
}

/// How many title-page lines after a bare case form are searched for its subject.
const SUBJECT_SEARCH_LINES: usize = 10;

/// The subject of a case form: the value of a subject field ("SAKA GJELD: Leiinga sin
/// gjennomgang 2026", `[subject_fields]`) among the next lines, or else the next line when it is
/// a short line of words (not a field "X: …", not laid out in columns).
fn subject_of(next: &[(usize, &str)]) -> Option<String> {
    let fields = types().get("subject_fields");
    for (_, t) in next.iter().take(SUBJECT_SEARCH_LINES) {
        let Some((label, value)) = t.split_once(':') else {
            continue;
        };
        let label = fold(label.trim());
        if fields.contains(&label) && !value.trim().is_empty() {
            return Some(collapse(value));
        }
    }
    let (_, line) = next.first()?;
    let plain = line.chars().count() <= 100
        && !line.contains(':')
        && !line.contains("  ")
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 8;
    plain.then(|| collapse(line))
}

/// The part of the year a report covers, from a title-page line that names a kind of report
/// and a period ("Virksomhetsrapport per 1. tertial 2025"), or a short line that opens with the
/// period ("2. tertial 2025"), or the title as read (line 0). A year on that line must be the
/// report's.
fn period_months(page: &[(usize, &str)], year: Option<i32>) -> Option<u32> {
    let b = types();
    for (n, t) in page {
        if t.chars().count() > 160 {
            continue;
        }
        let folded = fold(t);
        // Line 0 is the title as read, whatever kind of paper it names.
        let with_kind = *n == 0 || first_of(&folded, b.get("report"), 0).is_some();
        // "per 1. tertial" as written, "per 31. august" without its day.
        let forms = [folded.clone(), without_day_numbers(&folded)];
        for months in 1..12u32 {
            let list = b.get(&format!("period_{months}"));
            let Some((f, r)) = forms
                .iter()
                .find_map(|f| first_of(f, list, 0).map(|(r, _)| (f, r)))
            else {
                continue;
            };
            let opens = r.start <= 1 && f.chars().count() <= 60;
            if !(with_kind || opens) {
                continue;
            }
            let years = years_in(f);
            let same_year = match (year, years.iter().find(|(at, _)| *at >= r.end)) {
                (Some(y), Some((_, on_line))) => *on_line == y,
                _ => true,
            };
            if same_year {
                return Some(months);
            }
        }
    }
    None
}

/// "per 31. august" → "per august": the day of a period's last date is passed over.
fn without_day_numbers(folded: &str) -> String {
    let words: Vec<&str> = folded.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let is_day = w.len() <= 3
            && w.ends_with('.')
            && w[..w.len() - 1].bytes().all(|c| c.is_ascii_digit())
            && i > 0
            && words[i - 1] == "per";
        if !is_day {
            out.push(w);
        }
    }
    out.join(" ")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> DocumentMeta {
        read(&Document::new(text.to_string()))
    }

    #[test]
    fn annual_report_title_with_owner_and_year() {
        let m = meta("Årlig melding 2024 for Helse Nord RHF - tilleggsrapportering\n\nVi viser til brev av 3. april 2025.\n");
        assert_eq!(m.year, Some(2024));
        assert_eq!(m.owner.as_deref(), Some("Helse Nord RHF"));
        assert!(m.title.unwrap().starts_with("Årlig melding 2024"));
    }

    #[test]
    fn nynorsk_owner_above_the_title() {
        let m = meta(
            "Helse Vest RHF\n\nÅrleg melding 2024\n\n3 Rapportering på mål\nI 2023 var talet 61.\n",
        );
        assert_eq!(m.year, Some(2024));
        assert_eq!(m.owner.as_deref(), Some("Helse Vest RHF"));
        assert_eq!(m.title.as_deref(), Some("Årleg melding 2024"));
    }

    #[test]
    fn a_trusts_own_report_is_the_trusts() {
        let m = meta("Årsrapport 2025 – Helse Fonna HF\n\nHelse Vest RHF har bedt om …\n");
        assert_eq!(m.owner.as_deref(), Some("Helse Fonna HF"));
        assert_eq!(m.year, Some(2025));
    }

    #[test]
    fn board_case_year_from_the_report_it_carries() {
        let m = meta("Helse Sør-Øst RHF\n\nStyresak 058-2025     Møtedato: 19. juni 2025\n\nVirksomhetsrapport per 1. tertial 2025\n");
        assert_eq!(m.owner.as_deref(), Some("Helse Sør-Øst RHF"));
        assert_eq!(m.year, Some(2025));
        assert!(m.title.unwrap().starts_with("Styresak 058-2025"));
    }

    #[test]
    fn a_tertial_report_covers_part_of_its_year() {
        let m =
            meta("Sørlandet sykehus HF\n\nStyresak 071-2025\n\nTERTIALRAPPORT 2. TERTIAL 2025\n");
        assert_eq!(m.period_months, Some(8));
        let m = meta("Helse Førde HF\n\nVerksemdsrapport per 31. mai 2025\n");
        assert_eq!(m.period_months, Some(5));
        let m = meta(
            "Helse Sør-Øst RHF\n\nStyresak 058-2025\n\nVirksomhetsrapport per 1. tertial 2025\n",
        );
        assert_eq!(m.period_months, Some(4));
    }

    #[test]
    fn an_annual_report_covers_its_whole_year() {
        let m =
            meta("Helse Vest RHF\n\nÅrleg melding 2024\n\nTal per 2. tertial 2024 er ikkje med.\n");
        assert_eq!(m.period_months, None);
        let m = meta("Helse Fonna HF\n\nVerksemdsrapport 3. tertial 2024\n");
        assert_eq!(m.period_months, None);
        // A period of an earlier year named beside the kind is not this report's.
        let m = meta("Årlig melding 2025\n\nJf. virksomhetsrapport per august 2024.\n");
        assert_eq!(m.period_months, None);
    }

    #[test]
    fn no_title_page_gives_no_title_but_the_year_beside_the_kind() {
        let m = meta("1. Innledning\n\nI 2019 var ventetiden 60 dager, og i 2023 57 dager.\nDenne årlige meldingen viser til Årlig melding for 2024 og oppdraget.\n");
        assert_eq!(m.title, None);
        assert_eq!(m.year, Some(2024));
    }

    #[test]
    fn a_bare_case_form_takes_its_subject() {
        let m = meta("Helse Møre og Romsdal HF\n\nSaksframlegg\nRapportering 2. tertial 2026\n\nSaksnr        Utval\n");
        assert_eq!(
            m.title.as_deref(),
            Some("Saksframlegg – Rapportering 2. tertial 2026")
        );
        assert_eq!((m.year, m.period_months), (Some(2026), Some(8)));
        let m = meta("STYRESAK\n\nGÅR TIL:          Styremedlemmer\nFØRETAK:          Helse Bergen HF\nSAKA GJELD:       Leiinga sin gjennomgang 2026 – kvalitet\n");
        assert_eq!(
            m.title.as_deref(),
            Some("STYRESAK – Leiinga sin gjennomgang 2026 – kvalitet")
        );
        assert_eq!(m.year, Some(2026));
        // A form name followed by fields only keeps its name.
        let m = meta("Styresak\n\nMøtedato: 24.09.2026\nSaksbehandler: Kari\n");
        assert_eq!(m.title.as_deref(), Some("Styresak"));
    }

    #[test]
    fn a_case_number_opens_the_title_before_the_report_kind() {
        let m = meta("Nordlandssykehuset HF\n\nStyresak 12/2025                                  Virksomhetsrapport per desember 2024\n\nMøtedato: 29. januar 2025\n");
        assert_eq!(m.year, Some(2024));
        assert_eq!(m.owner.as_deref(), Some("Nordlandssykehuset HF"));
        // A numbered chapter is no title.
        let m = meta("Vestre Viken HF\n\n3 Søknad om kompetansemidler\nVi søker om midler.\n");
        assert_eq!(m.title, None);
    }

    #[test]
    fn a_paragraph_line_is_no_title() {
        let m = meta("HELSE MIDT-NORGE RHF\n\nOppfølging av planen – rapportering for 2025\n\nVi viser til brevet, der vi bes om å\nrapportere på målene i oppdragsdokumentet. Nedenfor gjengis hvert mål for St. Olavs hospital HF.\n");
        assert_eq!(m.title, None);
        assert_eq!(m.owner.as_deref(), Some("Helse Midt-Norge RHF"));
        let m = meta("Internrevisjonen\n\nRevisjonskriteriene er hentet fra oppdragsdokumentet 2025 og regionale mål:\n");
        assert_eq!(m.title, None);
    }

    #[test]
    fn a_sentence_about_a_report_is_no_title() {
        let m = meta("Vi viser til brev fra departementet der det bes om tilleggsrapportering til Årlig melding for 2024.\n");
        assert_eq!(m.title, None);
        assert_eq!(m.year, Some(2024));
    }
}
