use super::*;

/// Reads a requirement written as a noun phrase, "Reduksjon i andel ikke-planlagte
/// reinnleggelser …" or "Økt andel …". Only used where a claim follows (the caller decides).
pub fn parse_nominal_target(sentence: &str) -> Option<TargetSpec> {
    if sentence.len() > MAX_TARGET_SENTENCE {
        return None;
    }
    let f = fold(sentence);
    let book = phrases::targets();
    let tokens = lex(sentence);
    let cmp = if book
        .get("nominal_decrease")
        .iter()
        .any(|p| starts_with_phrase(&f, p))
    {
        Comparator::Decrease
    } else if book
        .get("nominal_increase")
        .iter()
        .any(|p| starts_with_phrase(&f, p))
    {
        Comparator::Increase
    } else {
        return None;
    };
    first_of(&f, book.get("measure_nouns"), 0)?;
    let baseline_year = baseline_year(&f, &tokens, 0);
    Some(TargetSpec {
        target: Target {
            comparator: cmp,
            threshold: None,
            unit: unit_from_measure(&f),
            baseline_year,
            change_pct: None,
            change_pp: None,
            target_year: target_year(&f, &tokens, baseline_year),
            subject: None,
            long_term: false,
        },
        measure: sentence
            .trim()
            .trim_end_matches(['.', ' '])
            .chars()
            .take(160)
            .collect(),
        subjects: subjects_in(&f, 0),
        sole_area: false,
    })
}

/// A requirement opened by a noun: "Kravet til epikrisetid er at …" (lead "kravet … er at",
/// measure "epikrisetid"), "Styringsmålet for sykefravær i 2025 er …", or a label ending in a
/// colon: "Måltall 2025: …", "Fristbrudd – måltall 2025: 0", "Krav for 2025: …".
pub(super) struct NounLead {
    pub(super) start: usize,
    pub(super) end: usize,
    /// A label ("…:") rather than a copula ("… er").
    pub(super) label: bool,
    /// The measure the lead names ("epikrisetid", "sykefravær", "Fristbrudd"), may be empty.
    pub(super) measure: String,
}

/// Most words from the goal noun to its copula or colon ("Målene for gjennomsnittlig ventetid
/// for avviklede pasienter i 2024 var:" has nine between; "Krava til gjennomsnittleg ventetid for
/// pasientar som har starta helsehjelp i 2026, er" twelve).
pub(super) const MAX_NOUN_PHRASE_WORDS: usize = 14;

pub(super) fn noun_lead(f: &str) -> Option<NounLead> {
    let book = phrases::targets();
    let nouns = book.get("goal_nouns");
    let copulas = book.get("goal_copula");
    // Words with their byte ranges.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for w in f.split_whitespace() {
        let at = pos + f[pos..].find(w)?;
        words.push((at, at + w.len()));
        pos = at + w.len();
        if words.len() > 16 {
            break;
        }
    }
    let core = |k: usize| -> &str {
        let (a, b) = words[k];
        f[a..b].trim_matches(|c: char| !c.is_alphanumeric())
    };
    // A short label before the sentence proper ("Svar:", "Oppdrag:") is skipped.
    let mut first = 0;
    // A goal noun as the label ("Mål: Under 50 dagar …") is the lead itself, unless what
    // follows is a requirement of its own ("Styringsmål: Minst 70 prosent … skal …").
    let modal = || {
        words[1..]
            .iter()
            .any(|&(a, b)| book.get("modal").iter().any(|m| m == &f[a..b]))
    };
    if words.len() > 2
        && f[words[0].0..words[0].1].ends_with(':')
        && words[0].1 - words[0].0 < 14
        && (!nouns.iter().any(|n| n == core(0)) || modal())
    {
        first = 1;
    }
    // Inverted after a fronted phrase: "For psykisk helsevern voksne (PHV) er kravet maksimalt
    // 42 dager", "I somatikken er kravet en gjennomsnittleg ventetid under 54 dagar", "For 2025
    // er målet …": the copula before the noun, the fronted phrase naming area or year.
    if let Some(k) = (first + 1..words.len().saturating_sub(1).min(first + 8)).find(|&k| {
        copulas.iter().any(|c| c == core(k))
            && nouns
                .iter()
                .any(|n| n == &f[words[k + 1].0..words[k + 1].1])
            && super::predicate::fronted_phrase(&f[words[first].0..words[k].0])
    }) {
        let (_, n_end) = words[k + 1];
        let (end, at) = match words.get(k + 2) {
            Some(&(na, nb)) if &f[na..nb] == "at" => (nb, true),
            _ => (n_end, false),
        };
        // "I PHV og TSB var målene strengere, og ventetida skulle vere under …": a later modal
        // outside an "at" clause carries the requirement.
        let later_modal = words[k + 2..]
            .iter()
            .any(|&(a, b)| book.get("modal").iter().any(|m| m == &f[a..b]));
        if later_modal && !at {
            return None;
        }
        return Some(NounLead {
            start: words[first].0,
            end,
            label: false,
            measure: lead_measure_text(f[words[first].0..words[k].0].trim()),
        });
    }
    let noun = (first..words.len().min(first + 4)).find(|&k| nouns.iter().any(|n| n == core(k)))?;
    let (n_start, n_end) = words[noun];
    for k in noun..words.len().min(noun + MAX_NOUN_PHRASE_WORDS) {
        let (a, b) = words[k];
        let raw = &f[a..b];
        // A label: the noun phrase ends with a colon ("Måltall 2025:", "Krav til ventetid i 2026:").
        if raw.ends_with(':') && raw.len() > 1 {
            let before = f[words[first].0..n_start]
                .trim()
                .trim_end_matches(['–', '-', ':', ','])
                .trim();
            let after_noun = f.get(n_end..b.saturating_sub(1)).unwrap_or("").trim();
            return Some(NounLead {
                start: n_start,
                end: b,
                label: true,
                measure: lead_measure_text(if before.is_empty() {
                    after_noun
                } else {
                    before
                }),
            });
        }
        // "Krava til gjennomsnittleg ventetid … i 2026, er høvesvis under …": one comma that
        // closes the noun phrase right before its copula.
        let comma_before_copula = raw.ends_with(',')
            && !raw[..raw.len() - 1].contains([',', ';', '.'])
            && words
                .get(k + 1)
                .is_some_and(|&(a, b)| copulas.iter().any(|c| c == &f[a..b]));
        if k > noun
            && raw.contains([',', ';', '.'])
            && !raw.ends_with("nr.")
            && !comma_before_copula
        {
            return None;
        }
        if k > noun && copulas.iter().any(|c| c == raw) {
            let mut end = b;
            if let Some(&(na, nb)) = words.get(k + 1) {
                if &f[na..nb] == "at" {
                    end = nb;
                }
            }
            return Some(NounLead {
                start: n_start,
                end,
                label: false,
                measure: lead_measure_text(f[n_end..a].trim()),
            });
        }
    }
    None
}

/// "til epikrisetid" → "epikrisetid"; "for 2024" → ""; "for sykefravær i 2025" → "sykefravær".
pub(super) fn lead_measure_text(s: &str) -> String {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    // "for 2024 om gjennomsnittleg ventetid" → "gjennomsnittleg ventetid": a leading year goes
    // with its preposition.
    let is_year =
        |w: &str| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1990..2100).contains(&y));
    while words.first().is_some_and(|w| {
        matches!(
            *w,
            "til" | "for" | "om" | "i" | "på" | "frå" | "fra" | "–" | "-"
        ) || (is_year(w) && words.len() > 1)
    }) {
        words.remove(0);
    }
    // Drop a trailing year ("i 2025", "2024").
    while words.last().is_some_and(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric()).len() == 4
            && w.trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .all(|c| c.is_ascii_digit())
    }) || words
        .last()
        .is_some_and(|w| matches!(*w, "i" | "for" | "innen" | "innan"))
    {
        words.pop();
    }
    if words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        return String::new();
    }
    words.join(" ")
}

/// A label with a bare figure: "Måltal 2024: sjukefråvær 7,0 %", "Fristbrudd – måltall 2025: 0".
/// The comparator follows the measure's better direction (`lower_is_better` /
/// `higher_is_better` in the phrase data); unknown direction gives no target.
pub(super) fn bare_label_figure(
    f: &str,
    tokens: &[NumberToken],
    from: usize,
    measure: Option<&str>,
) -> Option<(Kind, usize, usize)> {
    let t = tokens
        .iter()
        .find(|t| t.span.start >= from && t.kind == NumberKind::Quantity)?;
    // At most three words (the measure) between the colon and the figure.
    let gap = f.get(from..t.span.start)?;
    if gap.split_whitespace().count() > 3 || gap.contains([',', ';']) {
        return None;
    }
    let text = format!("{} {}", measure.unwrap_or(""), gap);
    let cmp = measure_polarity(&fold(&text))?;
    Some((Kind::Threshold(cmp), t.span.start, t.span.start))
}
