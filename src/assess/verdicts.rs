//! Where a verdict is made. For every target sentence the report sets, this reads the block of
//! text that answers it (up to the next target), takes the report's own claim and the figures it
//! gives per entity (prose and linked tables), and decides per entity (× area) whether the target
//! was met. Where figures are missing the verdict is `unknown` — never a guess.

use crate::assess::tables_link;
use crate::document::{Document, Reading, Sentence};
use crate::extract::claims::{parse_claim_folded, subject_claims, ClaimSpec};
use crate::extract::targets::{label_year, parse_nominal_target, parse_targets_folded, TargetSpec};
use crate::extract::values::{observations, Observation};
use crate::text::fold;

use crate::model::{
    Claim, Comparator, Indicator, Status, Target, TargetUnit, Verdict, VerdictStatus,
};
use std::collections::HashMap;

/// Sentences after a target that may still answer it.
const MAX_BLOCK_SENTENCES: usize = 40;

/// An indicator together with what the checks need beyond the contract.
#[derive(Debug, Clone)]
pub struct Assessed {
    pub indicator: Indicator,
    /// Claims the report makes about single entities ("HNT har ikke innfridd kravet"), with line.
    pub entity_claims: Vec<(String, Claim, usize)>,
    /// Whether the block gave any figure at all.
    pub has_figures: bool,
    /// The claim speaks of the region as a whole ("For regionen samlet er kravet ikke innfridd").
    pub claim_is_regional: bool,
}

/// Finds every target in the document and assesses it.
pub fn assess(doc: &Document, reading: &Reading, tables: &[crate::model::Table]) -> Vec<Assessed> {
    assess_sentences(
        doc,
        reading,
        &reading.sentences(),
        &fold(&reading.text),
        tables,
        &[],
    )
}

/// Most target sentences on either side of a target whose measures are told apart from its
/// own when its answer is read.
const MAX_OTHER_TARGETS: usize = 12;

/// What naming one of a target's areas weighs in [`measure_score`], against one per word.
const AREA_SCORE: usize = 100;

/// Most sentences without figures or claims between two targets that still share one answer.
const MAX_BRIDGE_SENTENCES: usize = 1;

/// [`assess`] with the reading view's sentences (`reading.sentences()`) already split and its
/// text folded (`folded == fold(&reading.text)`, same byte offsets).
pub fn assess_sentences(
    doc: &Document,
    reading: &Reading,
    sentences: &[Sentence],
    folded: &str,
    tables: &[crate::model::Table],
    table_target_rows: &[(usize, usize)],
) -> Vec<Assessed> {
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| reading.text.get(s.range.clone()).unwrap_or(""))
        .collect();
    // Each sentence's claim and targets, read once (the phrase word cache serves both).
    let mut claims: Vec<Option<ClaimSpec>> = Vec::with_capacity(texts.len());
    // Which claims are a table row's trailing status ("Ventetid PHV under 45 dager  45 dager
    // Delvis").
    let mut row_status: Vec<bool> = Vec::with_capacity(texts.len());
    let mut sentence_specs: Vec<Vec<TargetSpec>> = Vec::with_capacity(texts.len());
    for (s, text) in sentences.iter().zip(&texts) {
        // `fold` keeps offsets, so the sentence's folded text is the same range of `folded`
        // (empty where `text` is).
        let f = folded.get(s.range.clone()).unwrap_or("");
        // A table row that ends with its assessment ("Lavere ventetid enn i 2023  76 dager
        // Innfridd") carries its own claim.
        // A table row is a short line (a long one is prose, and scanning it per sentence would
        // be quadratic on a one-line document).
        let short = s.line == s.end_line && doc.line_text(s.end_line).len() <= MAX_ROW_BYTES;
        let row_claim = if !short {
            None
        } else {
            let raw = doc.line_text(s.end_line).trim_end();
            let cell = raw.rfind("  ").map_or("", |p| raw[p..].trim());
            let own = !cell.is_empty() && text.trim_end().ends_with(cell);
            (s.kind == crate::document::UnitKind::TableRow || own)
                .then(|| crate::extract::claims::trailing_status(text))
                .flatten()
        };
        row_status.push(row_claim.is_some());
        claims.push(parse_claim_folded(text, f).or(row_claim));
        sentence_specs.push(parse_targets_folded(text, f));
    }
    list_targets(sentences, &texts, &mut sentence_specs);
    // "Styringsmål 2025:" alone on the line above a run of target sentences (bullets) gives
    // them its year.
    for i in 1..sentence_specs.len() {
        if sentence_specs[i].is_empty() || !sentence_specs[i - 1].is_empty() {
            continue;
        }
        if sentences[i - 1].end_line + 2 < sentences[i].line {
            continue;
        }
        let Some(year) = label_year(texts[i - 1]) else {
            continue;
        };
        let mut j = i;
        while j < sentence_specs.len() && !sentence_specs[j].is_empty() {
            for spec in sentence_specs[j].iter_mut() {
                if spec.target.target_year.is_none() && spec.target.baseline_year != Some(year) {
                    spec.target.target_year = Some(year);
                }
            }
            j += 1;
        }
    }
    // Figures that name no one belong to the region, or to the trust the report is by.
    let meta = crate::extract::meta::read(doc);
    let owner = owner_of(doc, &meta);
    // 1. Targets per sentence.
    let mut targets: Vec<(usize, Vec<TargetSpec>)> = Vec::new();
    for (i, (text, specs)) in texts.iter().zip(sentence_specs).enumerate() {
        if !specs.is_empty() {
            targets.push((i, specs));
            continue;
        }
        // A noun-phrase requirement counts when a claim follows at once.
        let claim_follows = claims.iter().skip(i + 1).take(2).any(Option::is_some);
        if claim_follows && claims[i].is_none() {
            if let Some(spec) = parse_nominal_target(text) {
                targets.push((i, vec![spec]));
            }
        }
    }
    let mut out = Vec::new();
    // Targets written back to back read the same block: the HF each of its sentences opens
    // with (by sentence index) and its figures (by sentence, unit and default owner) are read
    // once per block.
    let mut openers: Vec<Option<Option<String>>> = vec![None; sentences.len()];
    // A trust's own report, by its title page: that trust's claims are the report's.
    let own_trust = Some(owner.clone())
        .filter(|o| meta.title.is_some() && meta.owner.as_deref() == Some(o.as_str()));
    let mut memo = ObservationMemo {
        owner,
        own_trust,
        ..ObservationMemo::default()
    };
    // Targets written back to back share the answer that follows the last of them; so do
    // targets with only a bridge between them ("I tillegg er de langsiktige målene
    // videreført."): a sentence with no figure, no claim and no heading answers nothing.
    let bridge = |j: usize| {
        claims[j].is_none()
            && sentences[j].kind == crate::document::UnitKind::Prose
            && !crate::extract::numbers::lex(texts[j])
                .iter()
                .any(|t| t.kind == crate::extract::numbers::NumberKind::Quantity)
    };
    let joined = |a: usize, b: usize| {
        let (from, to) = (targets[a].0, targets[b].0);
        to > from && to - from <= 1 + MAX_BRIDGE_SENTENCES && (from + 1..to).all(bridge)
    };
    for (k, (si, specs)) in targets.iter().enumerate() {
        let mut first = k;
        while first > 0 && joined(first - 1, first) {
            first -= 1;
        }
        let mut last = k;
        while last + 1 < targets.len() && joined(last, last + 1) {
            last += 1;
        }
        let answer_start = targets[last].0 + 1;
        let next = targets.get(last + 1).map_or(sentences.len(), |(n, _)| *n);
        let mut block_end = next
            .min(answer_start + MAX_BLOCK_SENTENCES)
            .min(sentences.len());
        // A numbered heading of another section ("6. Felles løsning …") starts another topic:
        // what follows it does not answer this target (a subsection of the target's own
        // section, "3.1.2 Resultat" under "3.1", still does). Targets that end their section
        // ("2 Krav" listing them, then "3 Resultater") are answered in the sections after it.
        let section = section_of(sentences, &texts, targets[first].0);
        let is_heading = |j: usize| sentences[j].kind == crate::document::UnitKind::Heading;
        let ends_section = (answer_start..block_end)
            .take_while(|&j| is_heading(j) || texts[j].trim().is_empty())
            .any(|j| section_number(texts[j]).is_some());
        if let (false, Some(h)) = (
            ends_section,
            (answer_start..block_end).find(|&j| {
                is_heading(j)
                    && section_number(texts[j]).is_some_and(|n| {
                        section
                            .as_deref()
                            .is_none_or(|own| !n.starts_with(&format!("{own}.")))
                    })
            }),
        ) {
            block_end = h;
        }
        let block = &sentences[answer_start.min(block_end)..block_end];
        let block_texts = &texts[answer_start.min(block_end)..block_end];
        let sentence = &sentences[*si];
        // The report's claim: the first region-wide claim sentence of the block. A claim right
        // after a paragraph about one trust ("St. Olavs hospital HF har redusert … Målet er nådd")
        // is that trust's claim.
        let mut claim: Option<(ClaimSpec, usize)> = None;
        // Whether the report's claim speaks of every trust ("Kravet er innfridd i alle
        // føretaka"): then each trust's own figure can contradict it.
        let mut claim_all_trusts = false;
        let mut entity_claims = Vec::new();
        // The areas each entity claim's sentence names ("I TSB hadde Helse Førde 33 dagar, og
        // nådde ikkje målet" speaks of TSB only).
        let mut entity_claim_areas: Vec<Vec<String>> = Vec::new();
        let mut paragraph_entity: Option<String> = None;
        // The area a label opening the paragraph names ("Psykisk helsevern voksne: Kravet er
        // delvis innfridd. NLSH og HSYK når målet …"): the trusts' claims in it are for that area.
        let mut paragraph_area: Option<String> = None;
        let mut claim_is_regional = false;
        let block_claims = &claims[answer_start.min(block_end)..block_end];
        let block_start = answer_start.min(block_end);
        if memo.block_start != block_start {
            memo.block_start = block_start;
            memo.map.clear();
        }
        // The other targets near this one (the document's, up to a bound that keeps a long
        // document linear), by what they measure: a sentence that names one of them and not
        // this one gives figures for that one.
        let others: Vec<(&TargetSpec, &str)> = targets
            [k.saturating_sub(MAX_OTHER_TARGETS)..(k + MAX_OTHER_TARGETS).min(targets.len())]
            .iter()
            .filter(|(n, _)| n != si)
            .flat_map(|(n, o)| {
                let label = label_of(texts[*n]);
                o.iter().map(move |sp| (sp, label))
            })
            .collect();
        let mut foreign_section = false;
        for (k, (s, t)) in block.iter().zip(block_texts).enumerate() {
            if s.kind == crate::document::UnitKind::Heading {
                foreign_section = specs
                    .iter()
                    .all(|sp| names_other_section(t, sp, label_of(texts[*si]), &others));
            }
            let opener = match openers.get_mut(block_start + k) {
                Some(slot) => slot.get_or_insert_with(|| leading_entity(t)).clone(),
                None => leading_entity(t),
            };
            // Of targets written back to back, a claim that names one of them ("Målet for
            // ventetid i PHBU er ikke nådd") answers that one only.
            // A claim that names this target's measure speaks of the target, not of the trust
            // the paragraph before it was about.
            let (names_this, other_target) = match &block_claims[k] {
                Some(c) => {
                    let head = folded
                        .get(s.range.start..s.range.start + c.at)
                        .unwrap_or("");
                    let own = specs
                        .iter()
                        .map(|sp| measure_score(head, sp, label_of(texts[*si])))
                        .max()
                        .unwrap_or(0);
                    // A claim that names another target's measure better than this one's
                    // ("Kravet om … reduksjon i innleie er innfridd" under a target on
                    // heltid) is that target's.
                    let other = others.iter().any(|(o, l)| measure_score(head, o, l) > own);
                    // A row of a target table carries its own target: its status ("Antall
                    // fristbrudd … -25 % fra 2023 … Ikke nådd") is that target's.
                    let row_target = table_target_rows
                        .iter()
                        .any(|&(a, b)| a <= s.end_line && s.line <= b);
                    // "Målet om null fristbrudd er ikke nådd" names the goal it answers: when
                    // that is not this target's measure, the claim is another target's.
                    let names_other_goal = own == 0 && names_other_goal(head, &fold(texts[*si]));
                    (own > 0, other || row_target || names_other_goal)
                }
                None => (false, false),
            };
            let new_paragraph = k == 0
                || s.kind != crate::document::UnitKind::Prose
                || s.line > block[k - 1].end_line + 1;
            if new_paragraph {
                paragraph_area = None;
            }
            if let Some(area) = crate::extract::claims::label_area(t) {
                paragraph_area = Some(area);
            }
            if let Some(c) = block_claims[k]
                .clone()
                .filter(|_| !other_target && !foreign_section)
            {
                let line = reading.line_at(s.range.start + c.at);
                let region_wide = k == 0 || mentions_region(t);
                // The claim's clause names its areas: "For HNT er målet nådd for somatikk og
                // TSB, mens ventetida i PHV er uendra" says nothing of PHV.
                let mut areas =
                    crate::extract::targets::subjects_in(&fold(claim_clause(t, c.at)), 0);
                if areas.is_empty() {
                    areas.extend(paragraph_area.clone());
                }
                // In a trust's own report, the trust's claim is the report's claim
                // ("Vestre Viken nådde målene i alle områder unntatt …").
                let own_report = c.entity.is_some() && c.entity == memo.own_trust;
                if let Some(e) = c.entity.as_ref().filter(|_| !own_report) {
                    entity_claims.push((e.clone(), c.claim, line));
                    entity_claim_areas.push(areas);
                } else if !region_wide
                    && !names_this
                    && opener.is_none()
                    && paragraph_entity.is_some()
                    && !speaks_of_all_trusts(t)
                {
                    entity_claims.push((
                        paragraph_entity.clone().unwrap_or_default(),
                        c.claim,
                        line,
                    ));
                    entity_claim_areas.push(areas);
                } else if claim.is_none() {
                    claim_is_regional = mentions_region(t);
                    claim_all_trusts = speaks_of_all_trusts(t);
                    claim = Some((c, line));
                }
            }
            // A table row is not a paragraph about the trust it names.
            if opener.is_some() && s.kind != crate::document::UnitKind::TableRow {
                paragraph_entity = opener;
            }
            // A table's rows name every trust in turn: the prose after a table speaks of no
            // single one of them.
            if s.kind == crate::document::UnitKind::TableRow {
                paragraph_entity = None;
            }
        }
        // "Kravet er minst 70 prosent, og kravet er dermed innfridd.": a lone target whose own
        // sentence ends in the report's verdict, when the block after it gives none.
        if claim.is_none() && first == last && specs.len() == 1 {
            if let Some(c) = claims[*si].clone().filter(|c| c.entity.is_none()) {
                let line = reading.line_at(sentence.range.start + c.at);
                claim_is_regional = mentions_region(texts[*si]);
                claim = Some((c, line));
            }
        }
        let linked = tables_link::linked_tables(doc, reading, sentence, block, tables);
        for (n, spec) in specs.iter().enumerate() {
            let mut verdicts = verdicts_for(
                reading,
                (spec, label_of(texts[*si])),
                &others,
                block,
                block_texts,
                block_claims,
                &linked,
                &mut memo,
            );
            // A long-term goal is not what "Kravet er innfridd" answers.
            let mut claim = if spec.target.long_term {
                None
            } else {
                claim.clone()
            };
            // Targets listed in one section ("2 Krav for 2024: a) … b) …") are answered in the
            // later section whose numbered heading names the measure ("3.1 Epikrisetid").
            if verdicts.is_empty() && claim.is_none() {
                if let Some((from, to)) = answer_section(
                    sentences,
                    &texts,
                    folded,
                    block_end,
                    spec,
                    label_of(texts[*si]),
                ) {
                    let section = &sentences[from..to];
                    let section_texts = &texts[from..to];
                    let section_claims = &claims[from..to];
                    verdicts = section_verdicts(
                        (doc, reading, tables),
                        (sentences, &texts, &claims),
                        &memo.owner,
                        (spec, label_of(texts[*si])),
                        &[],
                        (from, to),
                    );
                    if !spec.target.long_term {
                        claim = section_claims.iter().zip(section).find_map(|(c, s)| {
                            let c = c.as_ref().filter(|c| c.entity.is_none())?;
                            Some((c.clone(), reading.line_at(s.range.start + c.at)))
                        });
                        // "Kravet … er nådd for somatikk, PHV og PHBU, men ikke for TSB."
                        if let Some(subject) = &spec.target.subject {
                            claim = area_claim(
                                reading,
                                section,
                                section_texts,
                                subject,
                                claim,
                                memo.own_trust.as_deref(),
                            );
                        }
                    }
                }
            } else if !spec.target.long_term
                && verdicts
                    .iter()
                    .all(|v| v.entity == memo.owner || region_entity(&v.entity))
            {
                // A follow-up table's rows give the region's figure and status; the section
                // on the measure further on ("2.1 Ventetider") gives each trust's.
                if let Some((from, to)) = answer_section(
                    sentences,
                    &texts,
                    folded,
                    block_end,
                    spec,
                    label_of(texts[*si]),
                ) {
                    let more = section_verdicts(
                        (doc, reading, tables),
                        (sentences, &texts, &claims),
                        &memo.owner,
                        (spec, label_of(texts[*si])),
                        &others,
                        (from, to),
                    );
                    let region_given = !verdicts.is_empty();
                    for v in more {
                        let known = verdicts
                            .iter()
                            .any(|h| h.entity == v.entity && h.subject == v.subject);
                        let region = v.entity == memo.owner || region_entity(&v.entity);
                        if !(known || (region_given && region)) {
                            verdicts.push(v);
                        }
                    }
                }
            }
            // A target for one area takes the verdict the block gives that area ("Målet er nådd
            // for alle fagområder unntatt somatikk").
            let mut all_trusts = claim_all_trusts;
            if let (Some(subject), false) = (&spec.target.subject, spec.target.long_term) {
                let before = claim.as_ref().map(|c| c.1);
                claim = area_claim(
                    reading,
                    block,
                    block_texts,
                    subject,
                    claim,
                    memo.own_trust.as_deref(),
                );
                // The area's own claim speaks of every trust only if its sentence says so
                // ("Kravet for BUP vart ikkje oppfylt for regionen samla" after "Alle
                // helseføretaka innfridde kravet i VOP").
                if let Some((_, line)) = claim.as_ref().filter(|c| Some(c.1) != before) {
                    all_trusts = all_trusts
                        && block
                            .iter()
                            .zip(block_texts)
                            .find(|(s, _)| s.line <= *line && *line <= s.end_line.max(s.line))
                            .is_some_and(|(_, t)| speaks_of_all_trusts(t));
                }
            }
            let has_figures = !verdicts.is_empty();
            let status = overall(&verdicts);
            let mut entity_claims = entity_claims.clone();
            let mut entity_claim_areas = entity_claim_areas.clone();
            if let (true, Some((c, claim_line))) = (all_trusts, &claim) {
                if matches!(c.claim, Claim::Met | Claim::NotMet) {
                    let cat = crate::extract::entities::catalogue();
                    for v in &verdicts {
                        let is_trust = cat.resolve(&v.entity).is_some_and(|e| {
                            cat.kind(e) == crate::extract::entities::EntityKind::Hf
                        });
                        if is_trust && !entity_claims.iter().any(|(e, _, _)| e == &v.entity) {
                            entity_claims.push((v.entity.clone(), c.claim, *claim_line));
                            entity_claim_areas.push(Vec::new());
                        }
                    }
                }
            }
            let (line, end_line) = (sentence.line, sentence.end_line);
            let text = texts[*si].trim().to_string();
            out.push(Assessed {
                indicator: Indicator {
                    id: if specs.len() > 1 {
                        format!("L{line}-{}", n + 1)
                    } else {
                        format!("L{line}")
                    },
                    line,
                    end_line,
                    text,
                    measure: spec.measure.clone(),
                    target: spec.target.clone(),
                    claim: claim.as_ref().map(|c| c.0.claim),
                    claim_line: claim.as_ref().map(|c| c.1),
                    verdicts,
                    status,
                },
                entity_claims: if spec.target.long_term {
                    Vec::new()
                } else {
                    entity_claims
                        .iter()
                        .zip(&entity_claim_areas)
                        .filter(|(_, areas)| match &spec.target.subject {
                            Some(subject) => areas.is_empty() || areas.contains(subject),
                            None => true,
                        })
                        .map(|(c, _)| c.clone())
                        .collect()
                },
                has_figures,
                claim_is_regional,
            });
        }
    }
    let target_sentences: Vec<usize> = targets.iter().map(|(i, _)| *i).collect();
    summary_claims(
        &mut out,
        sentences,
        &texts,
        folded,
        &claims,
        &row_status,
        &target_sentences,
    );
    out
}

/// Targets written as a list after a lead that ends with a colon ("Måltala for gjennomsnittleg
/// ventetid i 2024 er:" then "– somatikk: under 55 dagar", "– TSB: under 30 dagar"): each item
/// is read as the lead's sentence with its own figure and area ("Måltala for … i 2024 er under
/// 55 dagar for somatikk"). The lead must hold a goal noun (`[goal_nouns]`; when it stands later
/// in the lead, the noun phrase from it is the items' subject), the items be list items of the
/// form "area: figure" that set no target of their own.
fn list_targets(sentences: &[Sentence], texts: &[&str], specs: &mut [Vec<TargetSpec>]) {
    let book = crate::extract::phrases::targets();
    let nouns = book.get("goal_nouns");
    // A goal noun inside the lead ("Helse Vest stilte desse krava til ventetid:"): the items
    // are read with the noun phrase as their subject ("krava til ventetid er under 55 dagar").
    let noun_lead = |lead: &str| -> String {
        // A bracket that closes the lead is a reference ("(jf. tabell 1)"), not the target's.
        let lead = match lead.trim_end().strip_suffix(')').and_then(|l| l.rfind('(')) {
            Some(k) => lead[..k].trim_end(),
            None => lead,
        };
        let f = fold(lead);
        if f.split_whitespace()
            .take(3)
            .any(|w| nouns.iter().any(|n| n == w))
            || crate::extract::phrases::first_of(&f, book.get("modal"), 0).is_some()
        {
            return lead.to_string();
        }
        let at = nouns
            .iter()
            .filter_map(|n| crate::text::find_phrase(&f, n, 0).map(|r| r.start))
            .min();
        match at.and_then(|a| lead.get(a..)) {
            Some(rest) => format!("{} er", rest.trim_end()),
            None => lead.to_string(),
        }
    };
    // "Måltala for … i 2024 er:" + "somatikk: under 55 dagar" → one target sentence.
    let read_item = |lead: &str, item: &str| -> Option<TargetSpec> {
        let lead = noun_lead(lead);
        let lead = lead.as_str();
        let (area, rest) = item.split_once(':')?;
        if crate::extract::targets::subjects_in(&fold(area), 0).is_empty() {
            return None;
        }
        // The item ends with its figure ("58 dagar"), whatever a joined paragraph runs on with.
        let rest = rest.trim();
        let rest = crate::extract::numbers::lex(rest)
            .iter()
            .find(|t| t.kind == crate::extract::numbers::NumberKind::Quantity)
            .map_or(rest, |t| &rest[..t.span.end]);
        let sentence = format!(
            "{lead} {} for {}.",
            rest.trim().trim_end_matches(['.', ';', ',']),
            area.trim()
        );
        let mut read = crate::extract::targets::parse_targets_folded(&sentence, &fold(&sentence));
        (read.len() == 1).then(|| read.remove(0))
    };
    // The items "area: figure" of a text, when it is nothing else ("BUP: 45 dagar, TSB: 35
    // dagar, VOP: 42 dagar"), each read with the lead.
    let read_items = |lead: &str, text: &str| -> Option<Vec<TargetSpec>> {
        let items: Vec<&str> = text
            .split([',', ';'])
            .flat_map(|p| p.split(" og "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        // The items from the start, as long as they are items.
        let read: Vec<TargetSpec> = items.iter().map_while(|it| read_item(lead, it)).collect();
        (read.len() >= 2).then_some(read)
    };
    // A lead that opens with a goal noun ("Måltala for … er:") or that sets a requirement whose
    // figures follow ("Innan utgangen av 2026 skal ventetida vere på høgst:").
    // A goal noun later in the lead counts too ("Helse Vest stilte desse krava til ventetid:"):
    // the items must still read as targets of their own with it.
    let opens = |lead: &str| {
        let f = fold(lead);
        f.split_whitespace().any(|w| nouns.iter().any(|n| n == w))
            || crate::extract::phrases::first_of(&f, book.get("modal"), 0).is_some()
    };
    for i in 0..sentences.len() {
        let text = texts[i].trim();
        if !specs[i].is_empty() || text.len() > 400 {
            continue;
        }
        let Some(lead) = text.strip_suffix(':') else {
            // Lead and items in one sentence, as a paragraph joins them.
            if let Some((lead, items)) = text.split_once(": ") {
                if lead.len() <= 200 && opens(lead) {
                    if let Some(read) = read_items(lead, items.trim_end_matches('.')) {
                        specs[i] = read;
                    }
                }
            }
            continue;
        };
        if lead.len() > 200 || !opens(lead) {
            continue;
        }
        let mut j = i + 1;
        while j < sentences.len()
            && sentences[j].kind == crate::document::UnitKind::Bullet
            && specs[j].is_empty()
        {
            let Some(read) = read_item(lead, texts[j]) else {
                break;
            };
            specs[j] = vec![read];
            j += 1;
        }
        // The items on one line: "BUP: 45 dagar, TSB: 35 dagar, VOP: 42 dagar".
        if j == i + 1 && j < sentences.len() && specs[j].is_empty() {
            if let Some(read) = read_items(lead, texts[j]) {
                specs[j] = read;
            }
        }
    }
}

/// Longest line read as a table row that may end with its status.
const MAX_ROW_BYTES: usize = 400;

/// Most status rows a summary table is looked for in (a document of thousands of such rows is
/// not answered row by row).
const MAX_SUMMARY_ROWS: usize = 200;

/// A status row of a summary table: sentence, line, folded text before the status, its
/// figures, the areas it names.
type SummaryRow<'a> = (usize, usize, &'a str, Vec<f64>, Vec<String>);

/// A summary table at the end ("Ventetid somatikk under 65 dager | 67 dager | Ikke oppnådd")
/// gives the verdict of a target set earlier that it names by its measure, its area and its
/// figure, when the report gave that target no verdict of its own. A row must name exactly one
/// target and the target be named by exactly one row.
fn summary_claims(
    out: &mut [Assessed],
    sentences: &[Sentence],
    texts: &[&str],
    folded: &str,
    claims: &[Option<ClaimSpec>],
    row_status: &[bool],
    target_sentences: &[usize],
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
    for &(k, j) in &links {
        let once = links.iter().filter(|l| l.0 == k).count() == 1
            && links.iter().filter(|l| l.1 == j).count() == 1;
        if let (true, Some(c), Some(a)) = (once, &claims[j], out.get_mut(k)) {
            a.indicator.claim = Some(c.claim);
            a.indicator.claim_line = sentences.get(j).map(|s| s.line);
        }
    }
}

/// The verdicts a later section (sentences `from..to`, its heading at `from - 1`) gives a
/// target, with the tables it holds or names.
fn section_verdicts(
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
fn answer_section(
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
    let (h, number) = (from..limit).find_map(|j| {
        if !is_heading(j) {
            return None;
        }
        let n = section_number(texts[j])?;
        let f = folded.get(sentences[j].range.clone()).unwrap_or("");
        // The heading's words after its number.
        let words = f
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        names_measure(words, spec, label).then_some((j, n))
    })?;
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
fn section_number(text: &str) -> Option<String> {
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
fn section_of(sentences: &[Sentence], texts: &[&str], i: usize) -> Option<String> {
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
fn area_claim(
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

/// The figures of the sentences of one block, by (index in the block, target unit, whether
/// figures default to the region). `observations` is pure, so reading a sentence again gives
/// the same list.
#[derive(Default)]
struct ObservationMemo {
    block_start: usize,
    map: HashMap<(usize, Option<TargetUnit>, bool), Vec<Observation>>,
    /// Who unnamed figures belong to (see [`document_owner`]).
    owner: String,
    /// The trust whose own report this is, when its title page says so.
    own_trust: Option<String>,
}

#[allow(clippy::too_many_arguments)]
fn verdicts_for(
    reading: &Reading,
    (spec, label): (&TargetSpec, &str),
    others: &[(&TargetSpec, &str)],
    block: &[Sentence],
    block_texts: &[&str],
    block_claims: &[Option<ClaimSpec>],
    tables: &[tables_link::TableValues],
    memo: &mut ObservationMemo,
) -> Vec<Verdict> {
    let owner = memo.owner.clone();
    let owner = owner.as_str();
    let target = &spec.target;
    let mut out: Vec<Verdict> = Vec::new();
    let push = |v: Verdict, out: &mut Vec<Verdict>| {
        // The national figure is a reference, not a body the report answers for.
        let cat = crate::extract::entities::catalogue();
        if cat
            .resolve(&v.entity)
            .is_some_and(|e| cat.kind(e) == crate::extract::entities::EntityKind::National)
        {
            return;
        }
        if !out
            .iter()
            .any(|o| o.entity == v.entity && o.subject == v.subject)
        {
            out.push(v);
        }
    };
    // Verdicts (indices in `out`) made from a figure for the whole period so far.
    let mut whole_period: Vec<usize> = Vec::new();
    // Figures of a relative target without their baseline: (figure, its area, line).
    let mut loose: Vec<(Observation, Option<String>, usize)> = Vec::new();
    // The answer proper starts at the report's claim, or at the top of the block.
    let answer = block_claims.iter().position(Option::is_some).unwrap_or(0);
    // The paragraph the claim closes is the answer too ("Samla for 2024 var delen 3,2
    // prosent. Målet er nådd."): up to three sentences before it, with no blank line between.
    let mut answer_from = answer;
    while answer_from > 0
        && answer - answer_from < 3
        && block[answer_from - 1].kind == crate::document::UnitKind::Prose
        && block[answer_from - 1].end_line + 1 >= block[answer_from].line
    {
        answer_from -= 1;
    }
    // The trust a heading of its own names ("Helse Bergen" over its paragraph): the figures
    // under it that name no one are that trust's.
    let mut heading_owner: Option<String> = None;
    // Whether the unit before was a list's lead or item that spoke for the owner.
    let mut owner_list = false;
    // Under a heading that names another target's measure and not this one's ("Epikrisetid"
    // below a target on pakkeforløp), the figures are that target's.
    let mut foreign_section = false;
    // Whether the last sentence of the paragraph that named a measure named another target's
    // better than this one's: a sentence that names none continues its topic ("Målet for
    // pakkeforløp innenfor forløpstid er ikkje nådd. Finnmarkssykehuset har lågast del, 58
    // prosent.").
    let mut foreign_topic = false;
    for (k, (s, t)) in block.iter().zip(block_texts).enumerate() {
        if s.kind == crate::document::UnitKind::Heading {
            heading_owner = heading_entity(t);
            foreign_section = names_other_section(t, spec, label, others);
            foreign_topic = false;
            continue;
        }
        if foreign_section {
            continue;
        }
        if k > 0 && s.line > block[k - 1].end_line.max(block[k - 1].line) + 1 {
            foreign_topic = false;
        }
        // A line that is a trust's name and nothing more is its heading too (a PDF's text
        // has no blank line to set it apart).
        if s.line == s.end_line {
            if let Some(e) = heading_entity(t) {
                heading_owner = Some(e);
                continue;
            }
        }
        // The first sentences of the answer speak for the region when they name no one
        // ("Kostnader til innleie har gått ned ca 19 % fra 2023 til 2024").
        // Table rows are read as tables, with their headers, not as prose.
        if s.kind == crate::document::UnitKind::TableRow {
            continue;
        }
        // "Til sammenligning var ventetiden 67 dager i Helse Nord samlet": a figure given
        // for comparison answers nothing.
        let lead = fold(t.get(..t.len().min(40)).unwrap_or(t));
        if crate::extract::phrases::targets()
            .get("reference_leads")
            .iter()
            .any(|p| lead.trim_start().starts_with(p.as_str()))
        {
            continue;
        }
        // The items of a list whose lead speaks for the owner speak for it too, however
        // long the list ("Ventetid 2024 (2023 i parentes):" over one item per area).
        let continues_list = s.kind == crate::document::UnitKind::Bullet && owner_list;
        let default = match &heading_owner {
            Some(h) => Some(h.as_str()),
            None => ((k < 3 || (k >= answer_from && k < answer + 5) || continues_list)
                && out.iter().all(|v| v.entity == owner))
            .then_some(owner),
        };
        owner_list = default == Some(owner)
            && (s.kind == crate::document::UnitKind::Bullet || t.trim_end().ends_with(':'));
        let found = memo
            .map
            .entry((k, target.unit, default.is_some()))
            .or_insert_with(|| observations(t, target.unit, default));
        if !others.is_empty() {
            // A sentence that names another target's measure better than this one's gives
            // figures for that one ("Andelen pakkeforløp gjennomført innenfor standard
            // forløpstid" is the cancer target's, not that of evaluation in pakkeforløp).
            let f = fold(t);
            let own = measure_score(&f, spec, label);
            let scores: Vec<usize> = others
                .iter()
                .map(|(o, l)| measure_score(&f, o, l))
                .collect();
            // A list's lead ("Andelen er redusert i seks av åtte helseforetak:") sets no topic
            // for its items, and items are read for themselves.
            let lead = t.trim_end().ends_with(':');
            if !lead && (own > 0 || scores.iter().any(|&x| x > 0)) {
                foreign_topic = scores.iter().any(|&x| x > own);
            }
            let prose = s.kind == crate::document::UnitKind::Prose;
            if foreign_topic && own == 0 && prose {
                continue;
            }
        }
        let quoted = quoted_threshold(t, target);
        let year_to_date = crate::extract::phrases::first_of(
            &fold(t),
            crate::extract::phrases::targets().get("year_to_date"),
            0,
        )
        .is_some();
        for o in found.iter() {
            if !subject_fits(spec, o.subject.as_deref()) {
                continue;
            }
            // "… ventetid under 60 dagar": the target's own limit restated, not a figure.
            if quoted
                && o.baseline_value.is_none()
                && ((target.threshold.is_some() && o.value == target.threshold)
                    || (target.threshold.is_none()
                        && o.value.is_none()
                        && o.change_pct.map(f64::abs) == target.change_pct))
            {
                continue;
            }
            if let (Some(y), Some(ty)) = (o.year, target.target_year) {
                if y != ty {
                    continue;
                }
            }
            let line = reading.line_at(s.range.start + o.at);
            // A target for one named area ("Aktiviteten innen TSB …") gives its figures that area.
            let subject = o
                .subject
                .clone()
                .or_else(|| target.subject.clone())
                .or_else(|| (spec.subjects.len() == 1).then(|| spec.subjects[0].clone()));
            if target.baseline_year.is_some()
                && o.baseline_value.is_none()
                && o.value.is_some()
                && o.change_pct.is_none()
            {
                loose.push((o.clone(), subject.clone(), line));
            }
            if let Some(status) = judge(target, o) {
                let v = Verdict {
                    entity: o.entity.clone(),
                    subject,
                    status,
                    value: o.value,
                    baseline_value: o.baseline_value,
                    year: o.year.or(target.target_year),
                    line,
                    change_pct: if o.value.is_none() {
                        o.change_pct
                    } else {
                        None
                    },
                };
                // "… 71,2 prosent i 2. tertial. Hittil i år er andelen 68,7 prosent": the
                // figure for the year so far answers the target, not the one for a tertial.
                if year_to_date {
                    match out
                        .iter()
                        .position(|w| w.entity == v.entity && w.subject == v.subject)
                    {
                        Some(i) if !whole_period.contains(&i) => {
                            out[i] = v;
                            whole_period.push(i);
                            continue;
                        }
                        Some(_) => continue,
                        None => whole_period.push(out.len()),
                    }
                }
                push(v, &mut out);
            }
        }
    }
    // "I 2024 … gir 104 per 100 000 innbyggjarar. I 2023 … 112 per 100 000": a relative target's
    // value and its baseline-year figure given in two sentences of the answer, for one entity.
    if let Some(by) = target.baseline_year {
        for (o, subject, line) in &loose {
            if o.year.is_none_or(|y| y <= by) || out.iter().any(|v| v.entity == o.entity) {
                continue;
            }
            let Some((base, _, _)) = loose
                .iter()
                .find(|(b, bs, _)| b.entity == o.entity && bs == subject && b.year == Some(by))
            else {
                continue;
            };
            let mut joined = o.clone();
            joined.baseline_value = base.value;
            joined.baseline_year = Some(by);
            if let Some(status) = judge(target, &joined) {
                push(
                    Verdict {
                        entity: joined.entity.clone(),
                        subject: subject.clone(),
                        status,
                        value: joined.value,
                        baseline_value: joined.baseline_value,
                        year: joined.year,
                        line: *line,
                        change_pct: None,
                    },
                    &mut out,
                );
            }
        }
    }
    let prose_count = out.len();
    let cat = crate::extract::entities::catalogue();
    let owner_is_trust = cat
        .resolve(owner)
        .is_some_and(|e| cat.kind(e) == crate::extract::entities::EntityKind::Hf);
    for table in tables {
        // A table whose caption names the measure of another target of the group and not
        // this one's ("Tabell 5 Antall fristbrudd …" beside a target on ventetid) answers
        // that other target.
        if let Some(caption) = table.caption.as_deref().map(fold) {
            if !names_measure(&caption, spec, label)
                && others.iter().any(|(o, l)| names_measure(&caption, o, l))
            {
                continue;
            }
        }
        for o in tables_link::observations_for(table, target, &spec.measure) {
            if !subject_fits(spec, o.obs.subject.as_deref()) {
                continue;
            }
            let mut o2 = o.obs.clone();
            // In a trust's own report, the total row of a table of its units is the trust's.
            if owner_is_trust
                && cat
                    .resolve(&o2.entity)
                    .is_some_and(|e| cat.kind(e) == crate::extract::entities::EntityKind::Total)
            {
                o2.entity = owner.to_string();
            }
            if let Some(status) = judge(target, &o2) {
                push(
                    Verdict {
                        entity: o2.entity.clone(),
                        subject: o2.subject.clone().or_else(|| target.subject.clone()),
                        status,
                        value: o2.value,
                        baseline_value: o2.baseline_value,
                        year: o2.year,
                        line: o.line,
                        change_pct: None,
                    },
                    &mut out,
                );
            }
        }
    }
    // A table's own row for the region outweighs a figure the prose gave the region only by
    // default (no owner named) for another area.
    let cat = crate::extract::entities::catalogue();
    let region_row = |entity: &str| {
        cat.resolve(entity).is_some_and(|e| {
            matches!(
                cat.kind(e),
                crate::extract::entities::EntityKind::Rhf
                    | crate::extract::entities::EntityKind::Total
            )
        })
    };
    let table_region: Vec<Option<String>> = out[prose_count.min(out.len())..]
        .iter()
        .filter(|v| v.entity == "Regionen" || region_row(&v.entity))
        .map(|v| v.subject.clone())
        .collect();
    if !table_region.is_empty() {
        let mut k = 0;
        let before = out.len();
        out.retain(|v| {
            k += 1;
            !(k <= prose_count
                && v.entity == "Regionen"
                && v.subject.is_some()
                && !table_region.contains(&v.subject))
        });
        // The prose's verdicts are still first; fewer of them now.
        let prose_count = prose_count.saturating_sub(before - out.len());
        // The same figure for the region from the prose ("Regionen", by default) and from the
        // table's row for the RHF is one verdict: the table's row, with the prose's baseline.
        let (prose, tables) = out.split_at_mut(prose_count);
        let mut merged = vec![false; prose.len()];
        for (k, p) in prose.iter().enumerate() {
            if p.entity != "Regionen" || p.value.is_none() {
                continue;
            }
            if let Some(t) = tables.iter_mut().find(|t| {
                t.entity != p.entity
                    && t.subject == p.subject
                    && t.value == p.value
                    && region_row(&t.entity)
            }) {
                if t.baseline_value.is_none() && t.status == p.status {
                    t.baseline_value = p.baseline_value;
                }
                merged[k] = true;
            }
        }
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !merged.get(k - 1).copied().unwrap_or(false)
        });
    }
    out
}

/// Words that put a figure as a limit, not as a level ("under 60 dagar", "minst 80 %").
/// Bokmål and nynorsk side by side.
const LIMIT_WORDS: &[&str] = &[
    "under",
    "over",
    "minst",
    "høyst",
    "høgst",
    "maks",
    "maksimalt",
    "inntil",
    "innen",
    "innan",
    "enn",
    "overstige",
    "overstiger",
    "overstig",
];

/// Does `text` write the target's threshold only as a limit ("… har ei ventetid under 60
/// dagar")? Then a figure equal to it is the target restated, not an observation.
fn quoted_threshold(text: &str, target: &Target) -> bool {
    let Some(threshold) = target.threshold.or(target.change_pct) else {
        return false;
    };
    let nouns = crate::extract::phrases::targets().get("goal_nouns");
    let mut any = false;
    for t in crate::extract::numbers::lex(text) {
        if (t.value - threshold).abs() > 1e-9 * threshold.abs().max(1.0) {
            continue;
        }
        let before = fold(text.get(..t.span.start).unwrap_or(""));
        let words: Vec<&str> = before
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        let word = words.first().copied().unwrap_or("");
        // "målet om 95 prosent", "kravet på under 60 dagar", "et mål om 10 prosent reduksjon".
        let after_noun = |k: usize| {
            words
                .get(k)
                .is_some_and(|w| matches!(*w, "om" | "på" | "til"))
                && words
                    .get(k + 1)
                    .is_some_and(|n| nouns.iter().any(|g| g == n))
        };
        if !(LIMIT_WORDS.contains(&word)
            || after_noun(0)
            || (LIMIT_WORDS.contains(&word) && after_noun(1)))
        {
            return false;
        }
        any = true;
    }
    any
}

fn subject_fits(spec: &TargetSpec, subject: Option<&str>) -> bool {
    match (&spec.target.subject, subject) {
        (Some(want), Some(got)) => want == got,
        (Some(_), None) => spec.sole_area,
        (None, Some(got)) => {
            spec.subjects.is_empty()
                || spec.subjects.iter().any(|s| s == got)
                || got == "Alle fagområder"
        }
        (None, None) => true,
    }
}

/// Who the report speaks for when a figure names no one: the one trust (HF) the document's
/// title names ("Årlig melding 2024 – Helse Stavanger HF"), else the region ("Regionen").
/// The title is the first line, among the first three non-empty ones, that names an entity.
pub(crate) fn document_owner(doc: &Document) -> String {
    owner_of(doc, &crate::extract::meta::read(doc))
}

/// [`document_owner`] with the title page already read.
fn owner_of(doc: &Document, meta: &crate::extract::meta::DocumentMeta) -> String {
    use crate::extract::entities::EntityKind;
    let cat = crate::extract::entities::catalogue();
    let title = (1..=doc.line_count().min(40))
        .map(|n| doc.line_text(n))
        .filter(|t| !t.trim().is_empty())
        .take(3)
        // A title names its trust; a sentence that opens the text ("Helse Møre og Romsdal har
        // ikke nådd målet.") does not make the document that trust's.
        .filter(|t| !t.trim_end().ends_with('.'))
        .map(|t| cat.mentions(t))
        .find(|m| !m.is_empty());
    if let Some(m) = title {
        let first = m[0].entity;
        if m.iter().all(|x| x.entity == first) && cat.kind(first) == EntityKind::Hf {
            return cat.name(first).to_string();
        }
    }
    // The owner the title page names (a case paper's "Nordlandssykehuset HF" under its
    // meeting date and archive number).
    meta.owner
        .clone()
        .filter(|o| {
            cat.resolve(o)
                .is_some_and(|id| cat.kind(id) == EntityKind::Hf)
        })
        .unwrap_or_else(|| String::from("Regionen"))
}

/// Whether the words before a claim phrase (`head`, folded) name the target's area or a
/// distinctive word of its measure ("målet for ventetid i phbu" names "Gjennomsnittlig
/// ventetid i psykisk helsevern barn og unge").
/// Whether the words before a claim name the goal they answer by what it is about ("målet om
/// null fristbrudd") and that is not what `target` (the target sentence, folded) is about. The
/// figures, units, comparators and change words of a goal restated ("målet om 10 prosent
/// reduksjon") say nothing of what it is about.
fn names_other_goal(head: &str, target: &str) -> bool {
    let book = crate::extract::phrases::targets();
    let Some(about) = book.get("goal_nouns").iter().find_map(|n| {
        let r = crate::text::find_phrase(head, n, 0)?;
        head[r.end..].trim_start().strip_prefix("om ")
    }) else {
        return false;
    };
    let plain = |w: &str| {
        let one = [w.to_string()];
        crate::extract::phrases::first_direction(&one).is_some()
            || [
                "at_least",
                "at_most",
                "above",
                "below",
                "zero",
                "change_size",
                "goal_restated_words",
            ]
            .iter()
            .any(|sec| book.get(sec).iter().any(|p| p == w))
    };
    // What the goal is about ends at its verb ("målet om 20 prosent reduksjon er dermed ikke").
    let copulas = book.get("goal_copula");
    let words: Vec<&str> = about
        .split(|c: char| !c.is_alphanumeric())
        .take_while(|w| !copulas.iter().any(|c| c == w))
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !plain(w))
        .collect();
    !words.is_empty()
        && !words.iter().any(|w| {
            let stem: String = w.chars().take(5).collect();
            target.contains(&stem)
        })
}

/// Whether a heading names the measure of one of `others` and not that of `spec`.
fn names_other_section(
    heading: &str,
    spec: &TargetSpec,
    label: &str,
    others: &[(&TargetSpec, &str)],
) -> bool {
    let f = fold(heading);
    // A word of the heading that begins as a word of this target's does ("Bemanning og
    // sykefravær" over "Sykefraværet skal ikke overstige …").
    let own_text = fold(label);
    let shares_stem = f.split_whitespace().any(|w| {
        w.chars().count() >= 5 && {
            let stem: String = w.chars().take(6).collect();
            own_text.contains(&stem) || fold(&spec.measure).contains(&stem)
        }
    });
    !shares_stem
        && measure_score(&f, spec, label) == 0
        && others.iter().any(|(o, l)| measure_score(&f, o, l) > 0)
}

/// What a target sentence says before its first figure ("Pakkeforløp for kreft: Delen … skal
/// vere minst"): the words a claim may name it by, beside its measure.
fn label_of(sentence: &str) -> &str {
    let end = sentence
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(sentence.len());
    &sentence[..end]
}

fn names_measure(head: &str, spec: &TargetSpec, label: &str) -> bool {
    measure_score(head, spec, label) > 0
}

/// How well `head` (folded) names the measure of `spec`: an area of the target counts most,
/// then each distinct word of the measure (or the target sentence's label) found in it.
fn measure_score(head: &str, spec: &TargetSpec, label: &str) -> usize {
    if head.trim().is_empty() {
        return 0;
    }
    let subjects = crate::extract::targets::subjects_in(head, 0);
    if subjects
        .iter()
        .any(|s| spec.subjects.contains(s) || spec.target.subject.as_ref() == Some(s))
    {
        return AREA_SCORE;
    }
    let generic = crate::extract::phrases::targets().get("generic_measure_words");
    let measure = format!("{} {}", fold(&spec.measure), fold(label));
    let head_words: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    measure
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5 && !generic.iter().any(|g| g == w))
        .filter(|w| {
            // A stem of seven letters: "ventetid" ~ "ventetida", "fristbrudd" ~ "fristbrot".
            let stem_end = w.char_indices().nth(7).map_or(w.len(), |(i, _)| i);
            let stem = &w[..stem_end];
            if seen.contains(&stem) {
                return false;
            }
            seen.push(stem);
            // A short word is matched with its endings only ("helse" ~ "helsa", not
            // "helseforetak").
            let short = w.chars().count() < 7;
            head_words.iter().any(|h| {
                h.starts_with(stem) && (!short || h.chars().count() <= w.chars().count() + 3)
            })
        })
        .count()
}

/// The HF a sentence opens with ("Helse Nord-Trøndelag HF har …"), if any.
fn leading_entity(text: &str) -> Option<String> {
    let cat = crate::extract::entities::catalogue();
    let m = cat.mentions(text).into_iter().next()?;
    if m.span.start > 4 {
        return None;
    }
    match cat.kind(m.entity) {
        crate::extract::entities::EntityKind::Hf
        | crate::extract::entities::EntityKind::Support
        | crate::extract::entities::EntityKind::Private => Some(cat.name(m.entity).to_string()),
        _ => None,
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

/// Longest trust name a heading may be ("Universitetssykehuset Nord-Norge HF" and some room).
const MAX_HEADING_NAME_BYTES: usize = 60;

/// The trust a heading is the name of and nothing more ("Helse Bergen", "Helse Førde HF:").
fn heading_entity(text: &str) -> Option<String> {
    use crate::extract::entities::EntityKind;
    let name = text.trim().trim_end_matches(':');
    // A trust's name is a few words (most lines are not one: leave them at once).
    if name.len() > MAX_HEADING_NAME_BYTES || name.contains(',') {
        return None;
    }
    let cat = crate::extract::entities::catalogue();
    let e = cat.resolve(name)?;
    matches!(
        cat.kind(e),
        EntityKind::Hf | EntityKind::Support | EntityKind::Private
    )
    .then(|| cat.name(e).to_string())
}

/// Whether an entity name stands for the region as a whole (the RHF, "Regionen", a total row).
pub(crate) fn region_entity(entity: &str) -> bool {
    let cat = crate::extract::entities::catalogue();
    cat.resolve(entity).is_some_and(|e| {
        matches!(
            cat.kind(e),
            crate::extract::entities::EntityKind::Rhf
                | crate::extract::entities::EntityKind::Region
                | crate::extract::entities::EntityKind::Total
        )
    })
}

/// The sentence up to the end of the clause a claim at byte `at` stands in: cut at the first
/// ", men", ", mens", ", medan" or ";" after it (clause_breaks of data/phrases/claims.txt).
fn claim_clause(sentence: &str, at: usize) -> &str {
    let f = fold(sentence);
    let from = at.min(f.len());
    let mut end = f[from..].find(';').map_or(f.len(), |p| from + p);
    for w in crate::extract::phrases::claims().get("clause_breaks") {
        if w == "og" || w == "samt" {
            continue;
        }
        if let Some(p) = f[from..end].find(&format!(", {w} ")) {
            end = from + p;
        }
    }
    sentence.get(..end).unwrap_or(sentence)
}

fn mentions_region(text: &str) -> bool {
    // "regionen samlet", "foretaksgruppen", "heile regionen": the region's aliases in
    // data/entities.tsv.
    let cat = crate::extract::entities::catalogue();
    cat.mentions(text)
        .iter()
        .any(|m| cat.kind(m.entity) == crate::extract::entities::EntityKind::Region)
}

/// Decides one verdict from the report's figures; `None` when they cannot decide it.
pub fn judge(target: &Target, o: &Observation) -> Option<VerdictStatus> {
    use Comparator::*;
    let met = |b: bool| {
        if b {
            VerdictStatus::Met
        } else {
            VerdictStatus::NotMet
        }
    };
    match target.comparator {
        AtLeast => Some(met(o.value? >= target.threshold?)),
        AtMost => Some(met(o.value? <= target.threshold?)),
        Above => Some(met(o.value? > target.threshold?)),
        Below => Some(met(o.value? < target.threshold?)),
        Increase | Decrease => {
            let sign = if target.comparator == Increase {
                1.0
            } else {
                -1.0
            };
            let change = match (o.value, o.baseline_value) {
                (Some(v), Some(b)) if b != 0.0 => Some((v - b) / b.abs() * 100.0),
                (Some(v), Some(b)) => Some(if v > b {
                    100.0
                } else if v < b {
                    -100.0
                } else {
                    0.0
                }),
                _ => o.change_pct,
            }?;
            let needed = target.change_pct.unwrap_or(0.0);
            if needed > 0.0 {
                Some(met(sign * change >= needed - 1e-9))
            } else {
                Some(met(sign * change > 0.0))
            }
        }
        NotAboveBaseline => match (o.value, o.baseline_value, o.change_pct) {
            (Some(v), Some(b), _) => Some(met(v <= b)),
            (_, _, Some(c)) => Some(met(c <= 0.0)),
            _ => None,
        },
        NotBelowBaseline => match (o.value, o.baseline_value, o.change_pct) {
            (Some(v), Some(b), _) => Some(met(v >= b)),
            (_, _, Some(c)) => Some(met(c >= 0.0)),
            _ => None,
        },
        Qualitative => None,
    }
}

/// All met → met; all not met → not met; a mix → partial; nothing decided → unknown.
pub fn overall(verdicts: &[Verdict]) -> Status {
    let met = verdicts
        .iter()
        .filter(|v| v.status == VerdictStatus::Met)
        .count();
    let not = verdicts
        .iter()
        .filter(|v| v.status == VerdictStatus::NotMet)
        .count();
    let pending = verdicts
        .iter()
        .filter(|v| v.status == VerdictStatus::Pending)
        .count();
    match (met, not) {
        (0, 0) if pending > 0 => Status::Pending,
        (0, 0) => Status::Unknown,
        (_, 0) => Status::Met,
        (0, _) => Status::NotMet,
        _ => Status::Partial,
    }
}

/// A target whose deadline lies after the year of its figures is not failed yet: its verdicts
/// become pending ("Innan utgangen av 2026 skal ventetida vere på høgst 45 dagar" judged on 2024
/// figures). A long-term goal with no year ("på sikt") is pending too. `report_year` stands in
/// for a figure without a year.
pub fn mark_pending(assessed: &mut [Assessed], report_year: Option<i32>) {
    for a in assessed.iter_mut() {
        let target = &a.indicator.target;
        let due = target.target_year;
        let open_ended = target.long_term && due.is_none();
        let mut changed = false;
        for v in a.indicator.verdicts.iter_mut() {
            if !matches!(v.status, VerdictStatus::Met | VerdictStatus::NotMet) {
                continue;
            }
            // The figure's year, or the report's when that is earlier (a figure read
            // without a year of its own takes the target's).
            let year = match (v.year, report_year) {
                (Some(a), Some(r)) => Some(a.min(r)),
                (a, r) => a.or(r),
            };
            let before_due = match (due, year) {
                (Some(d), Some(y)) => d > y,
                _ => false,
            };
            if open_ended || before_due {
                v.status = VerdictStatus::Pending;
                changed = true;
            }
        }
        if changed {
            a.indicator.status = overall(&a.indicator.verdicts);
        }
    }
}

#[cfg(test)]
mod quoted_tests {
    use super::*;

    #[test]
    fn a_restated_limit_is_not_a_figure() {
        let target = Target {
            comparator: Comparator::Below,
            threshold: Some(60.0),
            unit: Some(TargetUnit::Days),
            baseline_year: None,
            change_pct: None,
            target_year: None,
            subject: None,
            long_term: false,
        };
        assert!(quoted_threshold(
            "To av tre føretak har ei ventetid under 60 dagar.",
            &target
        ));
        assert!(quoted_threshold(
            "Målet om høyst 60 dager er nådd.",
            &target
        ));
        // Reached exactly: a figure, not the limit.
        assert!(!quoted_threshold("Ventetida var 60 dagar i 2024.", &target));
        assert!(!quoted_threshold("Ventetida var 58 dagar.", &target));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Claim, FindingKind, Status, VerdictStatus};
    use crate::report::DocumentReport;

    #[test]
    fn targets_listed_after_a_lead_with_a_colon() {
        // Nynorsk: the lead names the measure and year, each item an area and its figure.
        let text = "Innleiing.\n\nMåltala for gjennomsnittleg ventetid i 2024 er:\n\
            \x20  – somatikk: under 55 dagar\n\
            \x20  – TSB: under 30 dagar\n\n\
            Ventetida i somatikk var 57 dagar og i TSB 24 dagar.\n";
        let r = report(text);
        let got = subjects_and_thresholds(&r);
        assert_eq!(
            got,
            vec![(Some("Somatikk"), Some(55.0)), (Some("TSB"), Some(30.0))]
        );
        // Fail: a dash that continues a sentence is no list item, and no target.
        let prose = "Ventetida skal ned i somatikk og\n– psykisk helsevern innan 2026.\n";
        assert!(report(prose)
            .indicators
            .iter()
            .all(|i| i.target.threshold.is_none()));
    }

    #[test]
    fn a_closing_status_table_answers_the_targets_listed_first() {
        let text = "1. Styringsmål for 2025\n\n\
            a) Gjennomsnittlig ventetid skal være under 65 dager i somatikk og under 40 dager i PHBU.\n\
            b) Minst 70 prosent av epikrisene skal være sendt innen 1 dag etter utskrivning.\n\n\
            2. Resultater\n\n\
            Ventetiden i somatikk var 67 dager og i PHBU 38 dager. Andelen epikriser sendt innen\n\
            1 dag var 67,8 prosent.\n\n\
            3. Oppsummering\n\n\
            Styringsmål                               Resultat        Status\n\
            Ventetid somatikk under 65 dager          67 dager        Ikke oppnådd\n\
            Ventetid PHBU under 40 dager              38 dager        Oppnådd\n\
            Epikrise innen 1 dag, minst 70 prosent    67,8 prosent    Oppnådd\n";
        let r = report(text);
        let claim = |needle: &str, subject: Option<&str>| {
            r.indicators
                .iter()
                .find(|i| i.text.contains(needle) && i.target.subject.as_deref() == subject)
                .and_then(|i| i.claim)
        };
        assert_eq!(claim("ventetid", Some("Somatikk")), Some(Claim::NotMet));
        assert_eq!(
            claim("ventetid", Some("Psykisk helsevern barn og unge")),
            Some(Claim::Met)
        );
        assert_eq!(claim("epikrisene", None), Some(Claim::Met));
        // The epikrise row says "Oppnådd" against 67,8 % of a 70 % floor: the report's own
        // figures contradict it.
        assert!(
            r.findings
                .iter()
                .any(|f| f.kind == FindingKind::ClaimMismatch && f.line == 16),
            "{:#?}",
            r.findings
        );
    }

    #[test]
    fn a_trusts_own_list_and_claim_answer_each_area() {
        let text = "Helse Førde HF\nTilleggsrapportering 2024\n\n\
            Mål\nFor 2024 var målet at ventetida skulle vere under 58 dagar i somatikken, under 42 dagar i psykisk helsevern for vaksne, under 40 dagar i psykisk helsevern for barn og unge og under 33 dagar i TSB.\n\n\
            Resultat\nGjennomsnittleg ventetid 2024 (2023 i parentes):\n\
            - Somatikk: 56 dagar (60)\n- Psykisk helsevern vaksne: 45 dagar (47)\n\
            - Psykisk helsevern barn og unge: 38 dagar (44)\n- TSB: 30 dagar (31)\n\n\
            Helse Førde nådde måla i alle område unntatt psykisk helsevern for vaksne.\n\n\
            I psykisk helsevern for vaksne gjekk ventetida ned med 2 dagar.\n";
        let r = report(text);
        let by_area = |area: &str| {
            let i = r
                .indicators
                .iter()
                .find(|i| i.target.subject.as_deref() == Some(area))
                .unwrap_or_else(|| panic!("{area}: {:#?}", r.indicators));
            let v: Vec<(f64, VerdictStatus)> = i
                .verdicts
                .iter()
                .filter_map(|v| Some((v.value?, v.status)))
                .collect();
            (i.claim, v)
        };
        // Every item of the list is the trust's figure, the last one too.
        assert_eq!(
            by_area("TSB"),
            (Some(Claim::Met), vec![(30.0, VerdictStatus::Met)])
        );
        // The trust's own claim, with its exception, is the report's claim per area; the
        // change of 2 dagar is not a level.
        assert_eq!(
            by_area("Psykisk helsevern voksne"),
            (Some(Claim::NotMet), vec![(45.0, VerdictStatus::NotMet)])
        );
        assert_no_claim_mismatch(&r);
    }

    #[test]
    fn a_list_after_a_lead_that_names_the_requirements_later() {
        let text =
            "Helse Vest RHF stilte desse krava til gjennomsnittleg ventetid (jf. tabell 1):\n\
            \x20  - somatikk: under 55 dagar\n\
            \x20  - psykisk helsevern for barn og unge (BUP): under 40 dagar\n\n\
            Alle helseføretaka innfridde kravet i somatikken.\n\
            Kravet for BUP vart ikkje oppfylt for regionen samla.\n\
            Ventetida i BUP var 42 dagar for regionen. Helse Førde hadde 36 dagar i BUP.\n";
        let r = report(text);
        let got = subjects_and_thresholds(&r);
        assert_eq!(
            got,
            vec![
                (Some("Somatikk"), Some(55.0)),
                (Some("Psykisk helsevern barn og unge"), Some(40.0))
            ]
        );
        // The BUP claim is the region's, not every trust's: Helse Førde's 36 dagar does not
        // contradict it.
        assert_no_claim_mismatch(&r);
    }

    #[test]
    fn a_section_on_another_target_answers_that_target() {
        let text = "Styringsmål 2024\n\n\
            Andelen pakkeforløp gjennomført innenfor standard forløpstid skal være minst 70 prosent.\n\
            Minst 70 prosent av epikrisene skal sendes innen 1 dag etter utskrivning.\n\n\
            Pakkeforløp for kreft\n\
            Målet for pakkeforløp innenfor standard forløpstid er ikke nådd for regionen, som hadde 66 prosent.\n\
            Finnmarkssykehuset har lavest andel, 58 prosent.\n\n\
            Epikrisetid\n\
            Målet for epikrisetid er nådd for regionen samlet, med 70,6 prosent.\n";
        let r = report(text);
        let epikrise = r
            .indicators
            .iter()
            .find(|i| i.text.contains("epikrisene"))
            .expect("epikrise target");
        // Fail before: Finnmarkssykehuset's 58 prosent under "Pakkeforløp for kreft" was taken
        // for the epikrise target too, against the report's "nådd".
        assert!(
            epikrise.verdicts.iter().all(|v| v.value != Some(58.0)),
            "{:#?}",
            epikrise.verdicts
        );
        assert_no_claim_mismatch(&r);
    }

    #[test]
    fn a_claim_that_names_another_goal_is_not_this_targets() {
        let text = "Vestre Viken HF\nTilleggsrapportering 2024\n\n\
            Ventetiden i somatikken skal være under 58 dager.\n\n\
            Ventetiden i somatikken var 57 dager i 2024.\n\n\
            Det er registrert 422 fristbrudd. Målet om null fristbrudd er ikke nådd.\n";
        let r = report(text);
        let i = &r.indicators[0];
        assert_eq!(i.status, Status::Met);
        assert_ne!(i.claim, Some(Claim::NotMet));
        assert_no_claim_mismatch(&r);
        // Pass: a goal restated by its figure is this target's ("Målet om 20 prosent reduksjon").
        let text = "Sjukefråveret skal reduserast med 20 prosent samanlikna med 2023.\n\n\
            Sjukefråveret gjekk ned frå 8,0 prosent i 2023 til 7,0 prosent i 2024. Målet om 20 prosent reduksjon er dermed ikkje nådd.\n";
        assert_eq!(report(text).indicators[0].claim, Some(Claim::NotMet));
    }

    /// Each target's area and threshold, in order.
    fn subjects_and_thresholds(r: &DocumentReport) -> Vec<(Option<&str>, Option<f64>)> {
        r.indicators
            .iter()
            .map(|i| (i.target.subject.as_deref(), i.target.threshold))
            .collect()
    }

    /// The report's claims agree with its figures: no claim_mismatch finding.
    fn assert_no_claim_mismatch(r: &DocumentReport) {
        assert!(
            r.findings
                .iter()
                .all(|f| f.kind != FindingKind::ClaimMismatch),
            "{:#?}",
            r.findings
        );
    }

    fn report(text: &str) -> DocumentReport {
        crate::analyze("t.txt", text.as_bytes())
            .map(|a| a.report)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn claim_at(d: &DocumentReport, line: usize) -> Option<(Claim, usize)> {
        let i = d.indicators.iter().find(|i| i.line == line)?;
        Some((i.claim?, i.claim_line?))
    }

    fn flags(d: &DocumentReport) -> Vec<(crate::model::FindingKind, usize)> {
        d.findings
            .iter()
            .filter(|f| f.kind != crate::model::FindingKind::MissingData)
            .map(|f| (f.kind, f.line))
            .collect()
    }

    #[test]
    fn a_target_sentence_may_end_in_the_reports_verdict() {
        let d = report(
            "2.3 Epikriser\n\
             Andelen epikriser sendt innen 1 dag var 76,2 prosent (73,0 prosent).\n\
             Kravet er minst 75 prosent, og kravet er dermed oppfylt.\n",
        );
        assert_eq!(claim_at(&d, 3), Some((Claim::Met, 3)), "{d:#?}");
        // A requirement that it shall be met is no verdict.
        let d = report(
            "Kravet er minst 75 prosent, og målet skal være nådd innen 2026.\n\
             Andelen var 71,0 prosent.\n",
        );
        assert_eq!(claim_at(&d, 1), None, "{d:#?}");
    }

    #[test]
    fn a_trusts_own_area_verdict_is_not_the_regions() {
        // "Helse Møre og Romsdal har ikke nådd målet for somatikk" speaks of that trust; the
        // region, whose figure went down, is not contradicted.
        let d = report(
            "Ventetiden skal reduseres sammenlignet med 2023 for somatikk og TSB.\n\n\
             For regionen gikk ventetiden i somatikken ned fra 74 til 72 dager og i TSB fra 20 til 18 dager.\n\
             Helse Møre og Romsdal har ikke nådd målet for somatikk.\n",
        );
        assert_eq!(flags(&d), vec![]);
    }

    #[test]
    fn a_claim_for_every_trust_is_held_to_each_trusts_figure() {
        let text = "Minst 72 prosent av epikrisene skal sendes innen én dag.\n\n\
                    Helse Bergen hadde 74,6 prosent, Helse Fonna 70,9 prosent og Helse Førde 78,1 prosent.\n\
                    Kravet er innfridd i alle foretakene.\n";
        let d = report(text);
        assert_eq!(
            flags(&d),
            vec![(crate::model::FindingKind::ClaimMismatch, 4)]
        );
        // Pass: the same claim where every trust meets the target.
        let d = report(&text.replace("70,9", "72,9"));
        assert_eq!(flags(&d), vec![]);
    }

    #[test]
    fn a_numbered_heading_ends_the_answer_to_a_target() {
        // The claim under "6. Felles løsning" answers the next section's assignment, not the
        // long-term target above it.
        let d = report(
            "5. Heltid\n\nAndelen ansatte i heltid skal være minst 75 prosent.\n\n\
             Ved utgangen av 2024 var andelen 68,4 prosent.\n\n\
             6. Felles løsning for ventelister\n\nOppdraget er gjennomført.\n",
        );
        let i = d.indicators.iter().find(|i| i.line == 3).expect("target");
        assert_eq!(i.claim, None);
    }

    #[test]
    fn a_claim_naming_one_of_two_targets_answers_that_one() {
        // bokmål
        let d = report(
            "Styringsmål:\n\
             • Andelen fristbrudd skal ikke overstige 5 %.\n\
             • Gjennomsnittlig ventetid i psykisk helsevern barn og unge skal være under 40 dager.\n\
             \n\
             Sykehuset Østfold hadde 3,6 prosent fristbrudd.\n\
             Målet for ventetid i PHBU er ikke nådd.\n",
        );
        assert_eq!(claim_at(&d, 3), Some((Claim::NotMet, 6)), "{d:#?}");
        assert_eq!(claim_at(&d, 2), None, "{d:#?}");
        // Not bound to the trust of the sentence before it either.
        assert!(
            !d.findings
                .iter()
                .any(|f| f.kind == FindingKind::ClaimMismatch),
            "{:#?}",
            d.findings
        );
        // nynorsk
        let d = report(
            "Styringsmål:\n\
             • Delen fristbrot skal ikkje overstige 5 %.\n\
             • Ventetida i psykisk helsevern for barn og unge skal vere under 40 dagar.\n\
             \n\
             Ventetida i PHBU er ikkje oppfylt.\n",
        );
        assert_eq!(claim_at(&d, 3), Some((Claim::NotMet, 5)), "{d:#?}");
        assert_eq!(claim_at(&d, 2), None, "{d:#?}");
    }

    #[test]
    fn unnamed_figures_in_a_trusts_own_report_are_the_trusts() {
        let body = "\n\nAndelen epikriser sendt innen én dag skal være minst 80 prosent.\n\n\
                    Målet er ikke nådd. Andelen var 77,6 prosent i 2024.\n";
        for (title, owner) in [
            (
                "Årlig melding 2024 – Helse Stavanger HF",
                "Helse Stavanger HF",
            ),
            ("Årleg melding 2024 for Helse Førde HF", "Helse Førde HF"),
            ("Årlig melding 2024 for Helse Vest RHF", "Regionen"),
        ] {
            let d = report(&format!("{title}{body}"));
            let i = d.indicators.iter().find(|i| i.line == 3).expect("target");
            let who: Vec<&str> = i.verdicts.iter().map(|v| v.entity.as_str()).collect();
            assert_eq!(who, [owner], "{title}: {d:#?}");
        }
    }

    #[test]
    fn the_answer_not_the_quoted_old_claim() {
        let d = report(
            "Spørsmål frå HOD: Delen pakkeforløp innanfor standard forløpstid skal vere minst 70 prosent. \
             Helse Nord RHF har i årleg melding rapportert at kravet er delvis oppfylt. Vi ber om tal per helseføretak.\n\
             \n\
             Svar:\n\
             Kravet er ikkje oppfylt for regionen samla.\n",
        );
        assert_eq!(claim_at(&d, 1), Some((Claim::NotMet, 4)), "{d:#?}");
    }
}

/// Whether a claim sentence speaks of every trust ("Kravet er innfridd i alle føretaka"). Only the
/// claim's own clause counts: in "Målet er nådd for somatikk, men ikke for PHV ved alle
/// helseforetak" the trusts belong to the exception.
fn speaks_of_all_trusts(sentence: &str) -> bool {
    let folded = fold(sentence);
    let phrases = crate::extract::phrases::claims();
    let own = crate::extract::phrases::first_of(&folded, phrases.get("exception"), 0)
        .map_or(folded.len(), |(r, _)| r.start);
    crate::extract::phrases::first_of(&folded, phrases.get("all_trusts"), 0)
        .is_some_and(|(r, _)| r.start < own)
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
