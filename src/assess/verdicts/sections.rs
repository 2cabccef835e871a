//! Answers found outside a target's own block: a later numbered section on its measure, a
//! summary table at the end, the comments per trust after a follow-up table.

use super::figures::{verdicts_for, ObservationMemo};
use super::measures::{measure_words_beyond_area, names_area, names_measure};
use super::region::{document_owner, heading_entity, leading_entity};
use super::sentences::MAX_OTHER_TARGETS;
use super::{overall, Assessed, MAX_BLOCK_SENTENCES};
use crate::assess::tables_link;
use crate::document::{Document, Reading, Sentence};
use crate::extract::claims::{subject_claims, ClaimSpec};
use crate::extract::targets::TargetSpec;
use crate::model::Verdict;
use crate::text::fold;
use std::collections::HashMap;

/// Most status rows a summary table is looked for in (a document of thousands of such rows is
/// not answered row by row).
const MAX_SUMMARY_ROWS: usize = 200;

/// A status row of a summary table: sentence, line, folded text before the status, its
/// figures, the areas it names.
type SummaryRow<'a> = (usize, usize, &'a str, Vec<f64>, Vec<String>);

/// A summary table at the end ("Ventetid somatikk under 65 dager | 67 dager | Ikke oppnådd")
/// gives the verdict of a target set earlier that it names by its measure, its area and its
/// figure, when the report gave that target no verdict of its own. A row must name exactly one
/// target and the target be named by exactly one row. (A closing assessment in prose answers
/// the targets still without one, those of tables too: [`closing_claims`].)
pub(super) fn summary_claims(
    out: &mut [Assessed],
    sentences: &[Sentence],
    texts: &[&str],
    folded: &str,
    claims: &[Option<ClaimSpec>],
    row_status: &[bool],
    target_sentences: &[usize],
) {
    let args = (
        sentences,
        texts,
        folded,
        claims,
        row_status,
        target_sentences,
    );
    status_row_claims(out, args);
}

/// The sentences, their texts, the folded reading view, each sentence's claim, whether it is a
/// status row, and the target sentences.
type Later<'a> = (
    &'a [Sentence],
    &'a [&'a str],
    &'a str,
    &'a [Option<ClaimSpec>],
    &'a [bool],
    &'a [usize],
);

/// The summary table's rows ([`summary_claims`]).
fn status_row_claims(
    out: &mut [Assessed],
    (sentences, texts, folded, claims, row_status, target_sentences): Later,
) {
    let target_set: std::collections::HashSet<usize> = target_sentences.iter().copied().collect();
    // (sentence, line, folded head, its figures, its areas) of each status row, read once.
    let rows: Vec<SummaryRow> = (0..sentences.len())
        .filter(|&j| row_status.get(j) == Some(&true) && !target_set.contains(&j))
        .filter_map(|j| {
            let (c, s) = (claims[j].as_ref()?, sentences.get(j)?);
            let head = folded.get(s.range.start..s.range.start + c.at)?;
            let figures = crate::extract::numbers::lex(texts[j].get(..c.at)?)
                .iter()
                .map(|t| t.value)
                .collect();
            let areas = crate::extract::targets::subjects_in(head, 0);
            Some((j, s.line, head, figures, areas))
        })
        .collect();
    // A summary table is a page, not a document of rows: beyond this, leave it.
    if rows.is_empty() || rows.len() > MAX_SUMMARY_ROWS {
        return;
    }
    let names = |a: &Assessed, row: &SummaryRow| -> bool {
        let ind = &a.indicator;
        let (_, line, head, figures, areas) = row;
        let head: &str = head;
        if *line <= ind.end_line || ind.target.long_term {
            return false;
        }
        let figure = |v: f64| figures.iter().any(|t| (t - v).abs() < 1e-9);
        let figure_ok = match (ind.target.threshold, ind.target.change_pct) {
            (Some(th), _) => figure(th),
            (None, Some(p)) => figure(p),
            (None, None) => false,
        };
        let area_ok = match &ind.target.subject {
            Some(subject) => areas.len() == 1 && &areas[0] == subject,
            None => areas.is_empty(),
        };
        let spec = TargetSpec {
            target: ind.target.clone(),
            measure: ind.measure.clone(),
            subjects: Vec::new(),
            sole_area: false,
        };
        figure_ok && area_ok && names_measure(head, &spec, &ind.text)
    };
    let mut links: Vec<(usize, usize)> = Vec::new();
    for (k, a) in out.iter().enumerate() {
        if a.indicator.claim.is_some() {
            continue;
        }
        for row in &rows {
            if names(a, row) {
                links.push((k, row.0));
            }
        }
    }
    link_once(out, (sentences, texts), claims, &links);
}

/// Gives each target the claim of the one row linked to it, when that row is linked to no
/// other target; with the figures of the target's unit the row states beside its claim.
fn link_once(
    out: &mut [Assessed],
    (sentences, texts): (&[Sentence], &[&str]),
    claims: &[Option<ClaimSpec>],
    links: &[(usize, usize)],
) {
    for &(k, j) in links {
        let once = links.iter().filter(|l| l.0 == k).count() == 1
            && links.iter().filter(|l| l.1 == j).count() == 1;
        if let (true, Some(c), Some(a)) = (once, &claims[j], out.get_mut(k)) {
            a.indicator.claim = Some(c.claim);
            a.indicator.claim_line = sentences.get(j).map(|s| s.line);
            let target = &a.indicator.target;
            a.claim_values = crate::extract::numbers::lex(texts.get(j).copied().unwrap_or(""))
                .iter()
                .filter(|t| crate::extract::values::compatible(t, target.unit))
                .map(|t| t.value)
                .filter(|v| Some(*v) != target.threshold && Some(*v) != target.change_pct)
                .collect();
        }
    }
}

/// A closing assessment in prose ("3.5 Vurdering": "Kravet for somatikk er ikke innfridd.",
/// "Målet om lavere andel fristbrudd er nådd for regionen som helhet.") gives the verdict of a
/// target set earlier that it names, when the report gave that target none of its own: the
/// sentence names no trust, names the target's area (or no area, for a target without one)
/// and its measure, and names exactly one target, which no other such sentence names. A
/// long-term target is named only with its own figure ("målet om 50 dager … innen 2027").
pub fn closing_claims(
    out: &mut [Assessed],
    reading: &Reading,
    sentences: &[Sentence],
    folded: &str,
    read: &super::sentences::SentenceClaims,
) {
    if out.iter().all(|a| a.indicator.claim.is_some()) {
        return;
    }
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| reading.text.get(s.range.clone()).unwrap_or(""))
        .collect();
    let (claims, row_status, target_sentences) =
        (&read.claims, &read.row_status, &read.target_sentences);
    let target_set: std::collections::HashSet<usize> = target_sentences.iter().copied().collect();
    let first_target_line = out.iter().map(|a| a.indicator.end_line).min().unwrap_or(0);
    // (sentence, line, folded text, figures, areas) of each prose claim that names no one.
    let rows: Vec<SummaryRow> = (0..sentences.len())
        .filter(|&j| row_status.get(j) != Some(&true) && !target_set.contains(&j))
        .filter_map(|j| {
            let (c, s) = (claims[j].as_ref()?, sentences.get(j)?);
            if c.entity.is_some()
                || s.kind != crate::document::UnitKind::Prose
                || s.line <= first_target_line
            {
                return None;
            }
            let f = folded.get(s.range.clone())?;
            // A trust (or any entity other than the region or its RHF) makes it that one's.
            use crate::extract::entities::{mentions_kind, EntityKind::*};
            let names_trust = mentions_kind(texts[j], &[National, Hf, Support, Private, Total]);
            if names_trust {
                return None;
            }
            let figures = crate::extract::numbers::lex(texts[j])
                .iter()
                .map(|t| t.value)
                .collect();
            let areas = crate::extract::targets::subjects_in(f, 0);
            Some((j, s.line, f, figures, areas))
        })
        .take(MAX_SUMMARY_ROWS + 1)
        .collect();
    if rows.is_empty() || rows.len() > MAX_SUMMARY_ROWS {
        return;
    }
    let names = |a: &Assessed, row: &SummaryRow| -> bool {
        let ind = &a.indicator;
        let (_, line, f, figures, areas) = row;
        if *line <= ind.end_line {
            return false;
        }
        if ind.target.long_term {
            let own = ind.target.threshold.or(ind.target.change_pct);
            if !own.is_some_and(|v| figures.iter().any(|t| (t - v).abs() < 1e-9)) {
                return false;
            }
        }
        let spec = TargetSpec {
            target: ind.target.clone(),
            measure: ind.measure.clone(),
            subjects: Vec::new(),
            sole_area: false,
        };
        match &ind.target.subject {
            Some(subject) => areas.len() == 1 && &areas[0] == subject,
            // The measure's own words (the target sentence's other words, "ikkje", "høgare",
            // are any sentence's).
            // An area the sentence names must be one the measure names ("Kravet for
            // somatikk" may mean "Delen fristbrot i somatikken").
            None => {
                let own = crate::extract::targets::subjects_in(&fold(&ind.measure), 0);
                areas.iter().all(|a| own.contains(a)) && names_measure(f, &spec, "")
            }
        }
    };
    // A target that already has its claim still takes part in the count (a sentence that
    // could name it names more than one), but is not given a second one.
    let mut links: Vec<(usize, usize)> = Vec::new();
    for (k, a) in out.iter().enumerate() {
        for row in &rows {
            if names(a, row) {
                links.push((k, row.0));
            }
        }
    }
    let claimed: Vec<bool> = out.iter().map(|a| a.indicator.claim.is_some()).collect();
    let once: Vec<(usize, usize)> = links
        .iter()
        .filter(|&&(k, j)| {
            !claimed[k]
                && links.iter().filter(|l| l.0 == k).count() == 1
                && links.iter().filter(|l| l.1 == j).count() == 1
        })
        .copied()
        .collect();
    link_once(out, (sentences, &texts), claims, &once);
}

/// The verdicts a later section (sentences `from..to`, its heading at `from - 1`) gives a
/// target, with the tables it holds or names.
pub(super) fn section_verdicts(
    (doc, reading, tables): (&Document, &Reading, &[crate::model::Table]),
    (sentences, texts, claims): (&[Sentence], &[&str], &[Option<ClaimSpec>]),
    owner: &str,
    target: (&TargetSpec, &str),
    others: &[(&TargetSpec, &str)],
    (from, to): (usize, usize),
) -> Vec<Verdict> {
    let section = &sentences[from..to];
    let linked = tables_link::linked_tables(doc, reading, &sentences[from - 1], section, tables);
    let mut fresh = ObservationMemo {
        owner: owner.to_string(),
        ..ObservationMemo::default()
    };
    verdicts_for(
        reading,
        target,
        others,
        section,
        &texts[from..to],
        &claims[from..to],
        &linked,
        &mut fresh,
    )
}

/// Most sentences after a target in which the section that answers it is looked for.
const MAX_SECTION_SEARCH: usize = 400;

/// The section that answers a target listed earlier: the first numbered heading after the
/// target's block that names its measure, up to the next heading of the same or a higher level
/// (sentence indices, the heading excluded).
pub(super) fn answer_section(
    sentences: &[Sentence],
    texts: &[&str],
    folded: &str,
    from: usize,
    spec: &TargetSpec,
    label: &str,
) -> Option<(usize, usize)> {
    let is_heading = |j: usize| sentences[j].kind == crate::document::UnitKind::Heading;
    // Looked for within a bound, so that a long document stays linear.
    let limit = sentences.len().min(from + MAX_SECTION_SEARCH);
    // Of the numbered headings that name the measure, the one that names its words and its
    // area: "4. Epikrisetid" answers "Minst 80 prosent av epikrisene i somatikken …" before
    // "1. Ventetid i somatikken" does, and "2. Ventetid i PHBU" answers the PHBU waiting time
    // before "1. Ventetid i somatikken". Of equals, the first.
    let (_, h, number) = (from..limit)
        .filter_map(|j| {
            if !is_heading(j) {
                return None;
            }
            let n = section_number(texts[j])?;
            let f = folded.get(sentences[j].range.clone()).unwrap_or("");
            // The heading's words after its number.
            let words = f
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            if words.trim().is_empty() {
                return None;
            }
            let (area, hits) = (
                names_area(words, spec),
                measure_words_beyond_area(words, spec, label),
            );
            (area || hits > 0).then_some(((hits > 0, area, hits), j, n))
        })
        .fold(
            None,
            |best: Option<((bool, bool, usize), usize, String)>, c| match best {
                Some(b) if b.0 >= c.0 => Some(b),
                _ => Some(c),
            },
        )?;
    let depth = number.split('.').count();
    let end = (h + 1..sentences.len())
        .find(|&j| {
            is_heading(j) && section_number(texts[j]).is_some_and(|n| n.split('.').count() <= depth)
        })
        .unwrap_or(sentences.len())
        .min(h + 1 + MAX_BLOCK_SENTENCES);
    (end > h + 1).then_some((h + 1, end))
}

/// The number of a numbered heading ("3.1 Ventetider" → "3.1", "6. Felles løsning" → "6"):
/// one to four dot-separated numbers of at most two digits, then a capitalised word.
pub(super) fn section_number(text: &str) -> Option<String> {
    let t = text.trim_start();
    let end = t.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (num, rest) = t.split_at(end);
    let num = num.trim_end_matches('.');
    let parts: Vec<&str> = num.split('.').collect();
    let ok = !num.is_empty()
        && parts.len() <= 4
        && parts.iter().all(|p| (1..=2).contains(&p.len()))
        && rest.starts_with(' ')
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    ok.then(|| num.to_string())
}

/// The number of the section sentence `i` stands in: the nearest numbered heading before it.
pub(super) fn section_of(sentences: &[Sentence], texts: &[&str], i: usize) -> Option<String> {
    (0..=i.min(sentences.len().saturating_sub(1)))
        .rev()
        .take(400)
        .find_map(|j| {
            (sentences[j].kind == crate::document::UnitKind::Heading)
                .then(|| section_number(texts[j]))
                .flatten()
        })
}

/// The verdict a block gives one area: the first sentence that names the area (or all but
/// some) with a verdict. A claim sentence that gives verdicts for other areas only does not
/// answer this one.
pub(super) fn area_claim(
    reading: &Reading,
    block: &[Sentence],
    block_texts: &[&str],
    subject: &str,
    general: Option<(ClaimSpec, usize)>,
    own_trust: Option<&str>,
) -> Option<(ClaimSpec, usize)> {
    let mut general_names_others = false;
    for (s, t) in block.iter().zip(block_texts) {
        let per_area = subject_claims(t);
        if per_area.is_empty() {
            continue;
        }
        // "Helse Møre og Romsdal har ikke nådd målet for somatikk" is that trust's verdict
        // (an entity claim), not the region's for the area.
        let other_entity = |e: &String| Some(e.as_str()) != own_trust;
        if leading_entity(t).is_some_and(|e| other_entity(&e))
            || crate::extract::claims::parse_claim(t)
                .is_some_and(|c| c.entity.as_ref().is_some_and(other_entity))
        {
            continue;
        }
        let own = per_area
            .iter()
            .find(|(x, _, _)| x == subject)
            .or_else(|| per_area.iter().find(|(x, _, _)| x == "*"));
        if let Some((_, c, at)) = own {
            let line = reading.line_at(s.range.start + at);
            let spec = ClaimSpec {
                claim: *c,
                entity: None,
                at: 0,
                count: None,
            };
            return Some((spec, line));
        }
        if general
            .as_ref()
            .is_some_and(|(_, l)| s.line <= *l && *l <= s.end_line.max(s.line))
        {
            general_names_others = true;
        }
    }
    if general_names_others {
        None
    } else {
        general
    }
}

/// Most sentences after a follow-up table that its comments per trust may take.
const MAX_TRUST_SECTION_SENTENCES: usize = 60;

/// Comments per trust after a table ("Helse Bergen" / its paragraph, "Helse Stavanger" / …):
/// the sentences from `from` to the next numbered heading, when two or more of their headings
/// each name a trust.
fn trust_sections(sentences: &[Sentence], texts: &[&str], from: usize) -> Option<(usize, usize)> {
    let is_heading = |j: usize| sentences[j].kind == crate::document::UnitKind::Heading;
    let limit = sentences.len().min(from + MAX_TRUST_SECTION_SENTENCES);
    let end = (from..limit)
        .find(|&j| is_heading(j) && section_number(texts[j]).is_some())
        .unwrap_or(limit);
    let trusts = (from..end)
        .filter(|&j| {
            (is_heading(j) || sentences[j].line == sentences[j].end_line)
                && heading_entity(texts[j]).is_some()
        })
        .count();
    (from > 0 && trusts >= 2).then_some((from, end))
}

/// Targets read from a follow-up table ("Krav | Status | Kommentar") are answered in the
/// sections after it as well: "2.1 Ventetider" under a table row on ventetid gives each trust's
/// figure ("St. Olavs hospital hadde 57 dagar, Helse Møre og Romsdal 66 dagar …"). Adds the
/// verdicts of entities the row itself did not give. `table_targets` are the indicators of
/// [`crate::assess::target_tables::assess`].
pub fn answer_table_targets(
    doc: &Document,
    reading: &Reading,
    sentences: &[Sentence],
    folded: &str,
    tables: &[crate::model::Table],
    table_targets: &mut [Assessed],
) {
    if table_targets.is_empty() {
        return;
    }
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| reading.text.get(s.range.clone()).unwrap_or(""))
        .collect();
    let specs: Vec<TargetSpec> = table_targets
        .iter()
        .map(|a| TargetSpec {
            target: a.indicator.target.clone(),
            measure: a.indicator.measure.clone(),
            subjects: a.indicator.target.subject.iter().cloned().collect(),
            sole_area: false,
        })
        .collect();
    let owner = document_owner(doc);
    let mut claims_cache: HashMap<(usize, usize), Vec<Option<ClaimSpec>>> = HashMap::new();
    for (k, a) in table_targets.iter_mut().enumerate() {
        if a.indicator.target.long_term {
            continue;
        }
        let spec = &specs[k];
        let from = sentences.partition_point(|s| s.line <= a.indicator.end_line);
        let Some((start, end)) = answer_section(sentences, &texts, folded, from, spec, "")
            .or_else(|| trust_sections(sentences, &texts, from))
        else {
            continue;
        };
        // The nearest other rows of the table, as for sentence targets.
        let others: Vec<(&TargetSpec, &str)> = specs
            [k.saturating_sub(MAX_OTHER_TARGETS)..(k + MAX_OTHER_TARGETS).min(specs.len())]
            .iter()
            .filter(|o| !std::ptr::eq(*o, spec))
            .map(|o| (o, ""))
            .collect();
        let section = &sentences[start..end];
        let section_texts = &texts[start..end];
        let section_claims = claims_cache.entry((start, end)).or_insert_with(|| {
            section_texts
                .iter()
                .map(|t| crate::extract::claims::parse_claim(t))
                .collect()
        });
        let linked =
            tables_link::linked_tables(doc, reading, &sentences[start - 1], section, tables);
        let mut memo = ObservationMemo {
            owner: owner.clone(),
            ..ObservationMemo::default()
        };
        let found = verdicts_for(
            reading,
            (spec, ""),
            &others,
            section,
            section_texts,
            section_claims,
            &linked,
            &mut memo,
        );
        let have = &mut a.indicator.verdicts;
        let region_given = have.iter().any(|v| v.entity == owner);
        for v in found {
            // The row's own figure for the report's owner stands; the section adds the others.
            if have
                .iter()
                .any(|h| h.entity == v.entity && h.subject == v.subject)
                || (region_given && v.entity == owner)
            {
                continue;
            }
            have.push(v);
        }
        a.has_figures = !have.is_empty();
        a.indicator.status = overall(have);
    }
}
