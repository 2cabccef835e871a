//! Reading every target sentence and the block that answers it: the report's claim, the
//! claims per entity, and the verdicts per entity from the block's figures.

use super::figures::{verdicts_for, ObservationMemo};
use super::measures::{
    claim_clause, claim_own_clause, label_of, measure_score, names_other_goal, names_other_section,
};
use super::region::{
    excepted_trusts, leading_entity, mentions_region, names_other_entity, owner_of, region_entity,
    speaks_of_all_trusts,
};
use super::sections::{
    answer_section, area_claim, section_number, section_of, section_verdicts, summary_claims,
};
use super::{overall, Assessed, MAX_BLOCK_SENTENCES};
use crate::assess::tables_link;
use crate::document::{Document, Reading, Sentence};
use crate::extract::claims::{parse_claim_folded, ClaimSpec};
use crate::extract::numbers::NumUnit;
use crate::extract::targets::{label_year, parse_nominal_target, parse_targets_folded, TargetSpec};
use crate::model::{Claim, Indicator, Verdict};
use crate::text::fold;

/// Most target sentences on either side of a target whose measures are told apart from its
/// own when its answer is read.
pub(super) const MAX_OTHER_TARGETS: usize = 12;

/// Most sentences without figures or claims between two targets that still share one answer.
const MAX_BRIDGE_SENTENCES: usize = 1;

/// [`super::assess`] with the reading view's sentences (`reading.sentences()`) already split and
/// its text folded (`folded == fold(&reading.text)`, same byte offsets).
pub fn assess_sentences(
    doc: &Document,
    reading: &Reading,
    sentences: &[Sentence],
    folded: &str,
    tables: &[crate::model::Table],
    table_target_rows: &[(usize, usize)],
) -> (Vec<Assessed>, SentenceClaims) {
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| reading.text.get(s.range.clone()).unwrap_or(""))
        .collect();
    let (claims, row_status, mut sentence_specs) = read_sentences(doc, sentences, &texts, folded);
    list_targets(sentences, &texts, &mut sentence_specs);
    label_years(sentences, &texts, &mut sentence_specs);
    // Figures that name no one belong to the region, or to the trust the report is by.
    let meta = crate::extract::meta::read(doc);
    let owner = owner_of(doc, &meta);
    // 1. Targets per sentence.
    let targets = targets_of(&texts, sentence_specs, &claims);
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
        let block_end = answer_end(sentences, &texts, targets[first].0, answer_start, next);
        // Targets listed back to back that end their section ("Bakgrunn" listing four krav,
        // then "1. Ventetid i somatikken", "2. Ventetid i PHBU", …): each is answered by the
        // section whose heading names its measure, not by the sections of the others, when
        // every target of the sentence has one.
        let own_sections = last > first
            && ends_own_section(sentences, &texts, answer_start, block_end)
            && specs.iter().all(|sp| {
                answer_section(
                    sentences,
                    &texts,
                    folded,
                    answer_start,
                    sp,
                    label_of(texts[*si]),
                )
                .is_some()
            });
        let block_end = if own_sections {
            answer_start
        } else {
            block_end
        };
        let block = &sentences[answer_start.min(block_end)..block_end];
        let block_texts = &texts[answer_start.min(block_end)..block_end];
        let sentence = &sentences[*si];
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
        let BlockClaims {
            mut claim,
            claim_all_trusts,
            entity_claims,
            entity_claim_areas,
            mut claim_is_regional,
            claim_topic,
            topic_claims,
        } = block_claims_of(
            (reading, folded, &texts),
            (*si, specs.as_slice()),
            &others,
            (block, block_texts, block_claims, block_start),
            &mut openers,
            &memo.own_trust,
            table_target_rows,
        );
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
            // A long-term goal is not what "Kravet er innfridd" answers; nor is a target for
            // another area than the paragraph of the claim spoke of.
            let other_topic = spec
                .target
                .subject
                .as_ref()
                .is_some_and(|a| !claim_topic.is_empty() && !claim_topic.contains(a));
            let mut claim = if spec.target.long_term {
                None
            } else if other_topic {
                // The claim of a later paragraph about this target's area, if any.
                spec.target.subject.as_ref().and_then(|a| {
                    topic_claims
                        .iter()
                        .find(|(_, _, areas)| areas.contains(a))
                        .map(|(c, l, _)| (c.clone(), *l))
                })
            } else {
                claim.clone()
            };
            answer_from_sections(
                (doc, reading, tables),
                (sentences, &texts, &claims),
                folded,
                block_end,
                (spec, label_of(texts[*si])),
                &others,
                &memo,
                &mut verdicts,
                &mut claim,
            );
            // A target for one area takes the verdict the block gives that area ("Målet er nådd
            // for alle fagområder unntatt somatikk").
            let all_trusts = area_answer(
                reading,
                (block, block_texts),
                spec,
                &mut claim,
                claim_all_trusts,
                memo.own_trust.as_deref(),
            );
            drop_breakdowns(&spec.target, &mut verdicts);
            other_months(sentences, &texts, texts[*si], &mut verdicts);
            one_trusts_target(texts[*si], &mut verdicts);
            let has_figures = !verdicts.is_empty();
            let status = overall(&verdicts);
            let mut entity_claims = entity_claims.clone();
            let mut entity_claim_areas = entity_claim_areas.clone();
            add_excepted(
                (block, block_texts),
                &claim,
                &spec.target,
                &mut entity_claims,
                &mut entity_claim_areas,
            );
            add_every_trust(
                all_trusts,
                &claim,
                &verdicts,
                &mut entity_claims,
                &mut entity_claim_areas,
            );
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
                claim_count: claim.as_ref().and_then(|c| c.0.count),
                so_far: None,
                claim_values: Vec::new(),
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
    let read = SentenceClaims {
        claims,
        row_status,
        target_sentences,
    };
    (out, read)
}

/// What [`assess_sentences`] read of every sentence, kept for the closing claims
/// ([`super::sections::closing_claims`]), which answer the targets of tables too.
pub struct SentenceClaims {
    /// Each sentence's claim.
    pub claims: Vec<Option<ClaimSpec>>,
    /// Whether a sentence is a table row's trailing status.
    pub row_status: Vec<bool>,
    /// The sentences that set targets.
    pub target_sentences: Vec<usize>,
}

/// Each sentence's claim, whether it is a table row's trailing status, and its targets.
fn read_sentences(
    doc: &Document,
    sentences: &[Sentence],
    texts: &[&str],
    folded: &str,
) -> (Vec<Option<ClaimSpec>>, Vec<bool>, Vec<Vec<TargetSpec>>) {
    // Each sentence's claim and targets, read once (the phrase word cache serves both).
    let mut claims: Vec<Option<ClaimSpec>> = Vec::with_capacity(texts.len());
    // Which claims are a table row's trailing status ("Ventetid PHV under 45 dager  45 dager
    // Delvis").
    let mut row_status: Vec<bool> = Vec::with_capacity(texts.len());
    let mut sentence_specs: Vec<Vec<TargetSpec>> = Vec::with_capacity(texts.len());
    for (s, text) in sentences.iter().zip(texts) {
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
                .or_else(|| {
                    // A status column before a comment column: the cell under it, found in
                    // the raw line and placed in the sentence's text by its content.
                    let (claim, cell) = crate::extract::claims::status_cell(raw)?;
                    let at = text.find(cell.as_str())?;
                    Some(ClaimSpec {
                        claim,
                        entity: None,
                        at,
                        count: None,
                    })
                })
        };
        row_status.push(row_claim.is_some());
        claims.push(parse_claim_folded(text, f).or(row_claim));
        sentence_specs.push(parse_targets_folded(text, f));
    }
    (claims, row_status, sentence_specs)
}

/// "Styringsmål 2025:" alone on the line above a run of target sentences (bullets) gives
/// them its year.
fn label_years(sentences: &[Sentence], texts: &[&str], sentence_specs: &mut [Vec<TargetSpec>]) {
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
}

/// The targets per sentence: a sentence's own targets, or a noun-phrase requirement a claim
/// follows at once.
fn targets_of(
    texts: &[&str],
    sentence_specs: Vec<Vec<TargetSpec>>,
    claims: &[Option<ClaimSpec>],
) -> Vec<(usize, Vec<TargetSpec>)> {
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
    targets
}

/// Whether the sentences from `answer_start` open with a numbered heading (after empty lines
/// and other headings): the targets before them end their section.
fn ends_own_section(
    sentences: &[Sentence],
    texts: &[&str],
    answer_start: usize,
    block_end: usize,
) -> bool {
    let is_heading = |j: usize| sentences[j].kind == crate::document::UnitKind::Heading;
    (answer_start..block_end)
        .take_while(|&j| is_heading(j) || texts[j].trim().is_empty())
        .any(|j| section_number(texts[j]).is_some())
}

/// Where the answer to the targets from sentence `first` ends: at `next` (the next target),
/// after at most [`MAX_BLOCK_SENTENCES`], or at a numbered heading of another section.
fn answer_end(
    sentences: &[Sentence],
    texts: &[&str],
    first: usize,
    answer_start: usize,
    next: usize,
) -> usize {
    let mut block_end = next
        .min(answer_start + MAX_BLOCK_SENTENCES)
        .min(sentences.len());
    // A numbered heading of another section ("6. Felles løsning …") starts another topic:
    // what follows it does not answer this target (a subsection of the target's own
    // section, "3.1.2 Resultat" under "3.1", still does). Targets that end their section
    // ("2 Krav" listing them, then "3 Resultater") are answered in the sections after it.
    let section = section_of(sentences, texts, first);
    let is_heading = |j: usize| sentences[j].kind == crate::document::UnitKind::Heading;
    let ends_section = ends_own_section(sentences, texts, answer_start, block_end);
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
    block_end
}

/// What the block after a target claims: the report's claim and line, whether it speaks of every
/// trust or of the region, and the claims per entity with the areas each names.
struct BlockClaims {
    claim: Option<(ClaimSpec, usize)>,
    claim_all_trusts: bool,
    entity_claims: Vec<(String, Claim, usize)>,
    entity_claim_areas: Vec<Vec<String>>,
    claim_is_regional: bool,
    /// The areas the paragraph of the report's claim spoke of, when the claim names none
    /// itself: the claim is for targets of those areas only.
    claim_topic: Vec<String>,
    /// Every region-wide claim that names no area, with the areas its paragraph last spoke of.
    topic_claims: Vec<(ClaimSpec, usize, Vec<String>)>,
}

/// Reads the claims of the block (`block_start..`) that answers the targets `specs` of sentence
/// `si`; `openers` caches the HF each sentence opens with.
fn block_claims_of(
    (reading, folded, texts): (&Reading, &str, &[&str]),
    (si, specs): (usize, &[TargetSpec]),
    others: &[(&TargetSpec, &str)],
    (block, block_texts, block_claims, block_start): (
        &[Sentence],
        &[&str],
        &[Option<ClaimSpec>],
        usize,
    ),
    openers: &mut [Option<Option<String>>],
    own_trust: &Option<String>,
    table_target_rows: &[(usize, usize)],
) -> BlockClaims {
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
    let mut foreign_section = false;
    // The areas the paragraph's last sentence that named any named ("I somatikken nådde to av
    // fire helseføretak kravet. Regionen samla … når ikkje kravet" is about somatikk).
    let mut topic_areas: Vec<String> = Vec::new();
    let mut claim_topic: Vec<String> = Vec::new();
    let mut topic_claims = Vec::new();
    for (k, (s, t)) in block.iter().zip(block_texts).enumerate() {
        let new_paragraph = k == 0
            || s.kind != crate::document::UnitKind::Prose
            || s.line > block[k - 1].end_line + 1;
        if new_paragraph {
            topic_areas.clear();
        }
        let sentence_areas = crate::extract::targets::subjects_in(
            folded.get(s.range.clone()).unwrap_or_default(),
            0,
        );
        let names_no_area = sentence_areas.is_empty();
        if s.kind == crate::document::UnitKind::Heading {
            // A new section is about no trust of the paragraph before it.
            paragraph_entity = None;
            foreign_section = specs
                .iter()
                .all(|sp| names_other_section(t, sp, label_of(texts[si]), others));
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
                    .map(|sp| measure_score(head, sp, label_of(texts[si])))
                    .max()
                    .unwrap_or(0);
                // A claim that names another target's measure better than this one's
                // ("Kravet om … reduksjon i innleie er innfridd" under a target on
                // heltid) is that target's.
                let other = others.iter().any(|(o, l)| measure_score(head, o, l) > own);
                // A claim that names another target's figure and not this one's ("Målet om eit
                // sjukefråvær på 7,5 prosent er ikkje nådd" under the goal on units above 10
                // prosent) is that target's.
                // The claim's own figures, lexed once for the two tests that read them.
                let quantities: Vec<crate::extract::numbers::NumberToken> =
                    crate::extract::numbers::lex(t.get(..c.at).unwrap_or(t))
                        .into_iter()
                        .filter(|n| n.kind == crate::extract::numbers::NumberKind::Quantity)
                        .collect();
                let figures: Vec<f64> = quantities.iter().map(|n| n.value).collect();
                let names_figure = |sp: &TargetSpec| {
                    sp.target
                        .threshold
                        .or(sp.target.change_pct)
                        .is_some_and(|v| figures.iter().any(|f| (f - v).abs() < 1e-9))
                };
                let other_figure =
                    !specs.iter().any(names_figure) && others.iter().any(|(o, _)| names_figure(o));
                let other = other || other_figure;
                // A row of a target table carries its own target: its status ("Antall
                // fristbrudd … -25 % fra 2023 … Ikke nådd") is that target's.
                let row_target = table_target_rows
                    .iter()
                    .any(|&(a, b)| a <= s.end_line && s.line <= b);
                // "Målet om null fristbrudd er ikke nådd" names the goal it answers: when
                // that is not this target's measure, the claim is another target's.
                let names_other_goal = own == 0 && names_other_goal(head, &fold(texts[si]));
                // A claim naming no area, in a paragraph about another area than this
                // target's one, is that area's.
                let other_area = sentence_areas.is_empty()
                    && !topic_areas.is_empty()
                    && specs.iter().all(|sp| {
                        sp.target
                            .subject
                            .as_ref()
                            .is_some_and(|a| !topic_areas.contains(a))
                    });
                // "Regionen samla endar på 61 dagar og når ikkje kravet" under a target for a
                // share: a claim whose own figures are all of another unit is another
                // measure's. A relative change ("reduseres med 20 %") is in percent of any unit.
                let with_unit: Vec<&crate::extract::numbers::NumberToken> = quantities
                    .iter()
                    .filter(|n| n.unit != NumUnit::None)
                    .collect();
                let other_unit = !with_unit.is_empty()
                    && specs.iter().all(|sp| {
                        let change = matches!(
                            sp.target.comparator,
                            crate::model::Comparator::Increase | crate::model::Comparator::Decrease
                        ) || sp.target.change_pct.is_some();
                        sp.target.unit.is_some_and(|su| {
                            !with_unit.iter().any(|n| {
                                crate::extract::values::compatible(n, Some(su))
                                    || matches!(
                                        (su, n.unit),
                                        (
                                            crate::model::TargetUnit::Percent,
                                            NumUnit::PercentagePoints
                                        ) | (crate::model::TargetUnit::Count, NumUnit::Fte)
                                    )
                                    || (change
                                        && matches!(
                                            n.unit,
                                            NumUnit::Percent | NumUnit::PercentagePoints
                                        ))
                            })
                        })
                    });
                (
                    own > 0,
                    other || row_target || names_other_goal || other_area || other_unit,
                )
            }
            None => (false, false),
        };
        if new_paragraph {
            paragraph_area = None;
        }
        if !sentence_areas.is_empty() {
            topic_areas = sentence_areas;
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
            let mut areas = crate::extract::targets::subjects_in(&fold(claim_clause(t, c.at)), 0);
            if areas.is_empty() {
                areas.extend(paragraph_area.clone());
            }
            // In a trust's own report, the trust's claim is the report's claim
            // ("Vestre Viken nådde målene i alle områder unntatt …").
            let own_report = c.entity.is_some() && c.entity == *own_trust;
            if let Some(e) = c.entity.as_ref().filter(|_| !own_report) {
                entity_claims.push((e.clone(), c.claim, line));
                entity_claim_areas.push(areas);
            } else if !region_wide
                && !names_this
                && opener.is_none()
                && paragraph_entity
                    .as_deref()
                    .is_some_and(|e| !names_other_entity(t, e))
                && !speaks_of_all_trusts(claim_own_clause(t, c.at))
            {
                entity_claims.push((paragraph_entity.clone().unwrap_or_default(), c.claim, line));
                entity_claim_areas.push(areas);
            } else {
                if names_no_area && !topic_areas.is_empty() {
                    topic_claims.push((c.clone(), line, topic_areas.clone()));
                }
                if claim.is_none() {
                    if names_no_area {
                        claim_topic = topic_areas.clone();
                    }
                    claim_is_regional = mentions_region(t);
                    claim_all_trusts = speaks_of_all_trusts(claim_own_clause(t, c.at));
                    claim = Some((c, line));
                }
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
    BlockClaims {
        claim,
        claim_all_trusts,
        entity_claims,
        entity_claim_areas,
        claim_is_regional,
        claim_topic,
        topic_claims,
    }
}

/// "… skal være under 2 prosent i september og oktober 2025": a target for named months is
/// answered only by figures whose sentence names the same months ("Samlet for januar–oktober
/// … 2,6 prosent" is another period's figure). Months in brackets and dates ("11. juni") do
/// not count.
fn other_months(sentences: &[Sentence], texts: &[&str], target: &str, verdicts: &mut Vec<Verdict>) {
    // A date ("i foretaksmøtet 11. juni 2024") names a day, not a period.
    let months = |t: &str| -> Vec<u32> {
        let folded = fold(t);
        let words: Vec<&str> = folded
            .split(|c: char| c.is_whitespace() || matches!(c, '–' | '-' | '/' | ',' | '(' | ')'))
            .filter(|w| !w.is_empty())
            .collect();
        let mut m: Vec<u32> = words
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                !(*i > 0 && {
                    let p = words[i - 1];
                    p.ends_with('.') && p.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit())
                })
            })
            .filter_map(|(_, w)| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                crate::document::lexicon().months.get(w).copied()
            })
            .collect();
        m.sort_unstable();
        m.dedup();
        m
    };
    // A bracket describes how the figure is made ("(snitt av målingane i mai og november)"),
    // not the period the target is for.
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in target.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let wanted = months(&plain);
    if wanted.is_empty() {
        return;
    }
    verdicts.retain(|v| {
        sentences
            .iter()
            .position(|s| s.line <= v.line && v.line <= s.end_line)
            .is_some_and(|j| months(texts[j]) == wanted)
    });
}

/// The region's verdict a section gives a target: its first claim that names no trust, or for
/// a target of one area the claim that speaks of that area ("Kravet … er nådd for somatikk, PHV
/// og PHBU, men ikke for TSB").
fn section_claim(
    reading: &Reading,
    (section, texts, claims): (&[Sentence], &[&str], &[Option<ClaimSpec>]),
    spec: &TargetSpec,
    memo: &ObservationMemo,
) -> Option<(ClaimSpec, usize)> {
    let claim = claims.iter().zip(section).find_map(|(c, s)| {
        let c = c.as_ref().filter(|c| c.entity.is_none())?;
        Some((c.clone(), reading.line_at(s.range.start + c.at)))
    });
    match &spec.target.subject {
        Some(subject) => area_claim(
            reading,
            section,
            texts,
            subject,
            claim,
            memo.own_trust.as_deref(),
        ),
        None => claim,
    }
}

/// Most lines after a target's block in which a table of results per trust is looked for.
const MAX_TRUST_TABLE_LINES: usize = 150;

/// Answers from a later section on the target's measure: all of them when the block gave none,
/// each trust's figure when it gave only the region's.
#[allow(clippy::too_many_arguments)]
fn answer_from_sections(
    (doc, reading, tables): (&Document, &Reading, &[crate::model::Table]),
    (sentences, texts, claims): (&[Sentence], &[&str], &[Option<ClaimSpec>]),
    folded: &str,
    block_end: usize,
    (spec, label): (&TargetSpec, &str),
    others: &[(&TargetSpec, &str)],
    memo: &ObservationMemo,
    verdicts: &mut Vec<Verdict>,
    claim: &mut Option<(ClaimSpec, usize)>,
) {
    // Targets listed in one section ("2 Krav for 2024: a) … b) …") are answered in the
    // later section whose numbered heading names the measure ("3.1 Epikrisetid").
    if verdicts.is_empty() && claim.is_none() {
        if let Some((from, to)) = answer_section(sentences, texts, folded, block_end, spec, label) {
            let section = &sentences[from..to];
            let section_texts = &texts[from..to];
            let section_claims = &claims[from..to];
            *verdicts = section_verdicts(
                (doc, reading, tables),
                (sentences, texts, claims),
                &memo.owner,
                (spec, label),
                &[],
                (from, to),
            );
            if !spec.target.long_term {
                *claim = section_claim(
                    reading,
                    (section, section_texts, section_claims),
                    spec,
                    memo,
                );
            }
        }
    } else if !spec.target.long_term
        && verdicts
            .iter()
            .all(|v| v.entity == memo.owner || region_entity(&v.entity))
    {
        // A follow-up table's rows give the region's figure and status; the section
        // on the measure further on ("2.1 Ventetider") gives each trust's.
        if let Some((from, to)) = answer_section(sentences, texts, folded, block_end, spec, label) {
            let more = section_verdicts(
                (doc, reading, tables),
                (sentences, texts, claims),
                &memo.owner,
                (spec, label),
                others,
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
    // Figures from a table but no verdict in words yet: the section on the measure may give it
    // ("2. Ventetid i PHBU", its table, then "Kravet er dermed delvis innfridd").
    if claim.is_none() && !verdicts.is_empty() && !spec.target.long_term {
        if let Some((from, to)) = answer_section(sentences, texts, folded, block_end, spec, label) {
            let section = (&sentences[from..to], &texts[from..to], &claims[from..to]);
            *claim = section_claim(reading, section, spec, memo);
        }
    }
    // A table of results per trust further on, one column per measure ("Tabell 2 Resultater
    // per helseforetak" with "Ventetid (dager) | Fristbrudd 2024 | …"): each trust's figure,
    // when neither the block nor a section gave one.
    let cat = crate::extract::entities::catalogue();
    let is_trust = |e: &str| {
        cat.resolve(e)
            .is_some_and(|e| cat.kind(e) == crate::extract::entities::EntityKind::Hf)
    };
    if spec.target.long_term || verdicts.iter().any(|v| is_trust(&v.entity)) {
        return;
    }
    let from_line = sentences
        .get(block_end)
        .or_else(|| sentences.last())
        .map_or(0, |s| s.line);
    let Some(table) = tables.iter().find(|t| {
        t.line >= from_line
            && t.line <= from_line + MAX_TRUST_TABLE_LINES
            && tables_link::trust_column_for(&tables_link::table_values(t), &spec.measure)
    }) else {
        return;
    };
    let linked = vec![tables_link::table_values(table)];
    let mut fresh = ObservationMemo {
        owner: memo.owner.clone(),
        ..ObservationMemo::default()
    };
    // The column is chosen by the measure; the caption ("Resultater per helseforetak") may
    // share a word with another target and still answer this one.
    let more = verdicts_for(
        reading,
        (spec, label),
        &[],
        &[],
        &[],
        &[],
        &linked,
        &mut fresh,
    );
    for v in more {
        if is_trust(&v.entity)
            && !verdicts
                .iter()
                .any(|h| h.entity == v.entity && h.subject == v.subject)
        {
            verdicts.push(v);
        }
    }
}

/// For a target for one area, the verdict the block gives that area (into `claim`); whether that
/// claim speaks of every trust.
fn area_answer(
    reading: &Reading,
    (block, block_texts): (&[Sentence], &[&str]),
    spec: &TargetSpec,
    claim: &mut Option<(ClaimSpec, usize)>,
    claim_all_trusts: bool,
    own_trust: Option<&str>,
) -> bool {
    let mut all_trusts = claim_all_trusts;
    if let (Some(subject), false) = (&spec.target.subject, spec.target.long_term) {
        let before = claim.as_ref().map(|c| c.1);
        *claim = area_claim(
            reading,
            block,
            block_texts,
            subject,
            claim.take(),
            own_trust,
        );
        // The area's own claim speaks of every trust only if its sentence says so
        // ("Kravet for BUP vart ikkje oppfylt for regionen samla" after "Alle
        // helseføretaka innfridde kravet i VOP").
        if let Some((c, line)) = claim.as_ref().filter(|c| Some(c.1) != before) {
            all_trusts = all_trusts
                && block
                    .iter()
                    .zip(block_texts)
                    .find(|(s, _)| s.line <= *line && *line <= s.end_line.max(s.line))
                    .is_some_and(|(_, t)| speaks_of_all_trusts(claim_own_clause(t, c.at)));
        }
    }
    all_trusts
}

/// The trusts the claim's sentence sets apart after an exception get the opposite of its verb
/// ("nådd for regionen samla, men ikkje i Helse Stavanger": Helse Stavanger not met), unless the
/// report answers them otherwise.
fn add_excepted(
    (block, block_texts): (&[Sentence], &[&str]),
    claim: &Option<(ClaimSpec, usize)>,
    target: &crate::model::Target,
    entity_claims: &mut Vec<(String, Claim, usize)>,
    entity_claim_areas: &mut Vec<Vec<String>>,
) {
    let Some((c, line)) = claim else {
        return;
    };
    let opposite = match c.claim {
        Claim::Met | Claim::Partial => Claim::NotMet,
        Claim::NotMet => Claim::Met,
        Claim::Uncertain => return,
    };
    let Some(text) = block
        .iter()
        .zip(block_texts)
        .find(|(s, _)| s.line <= *line && *line <= s.end_line.max(s.line))
        .map(|(_, t)| *t)
    else {
        return;
    };
    for e in excepted_trusts(text) {
        if !entity_claims.iter().any(|(x, _, _)| *x == e) {
            entity_claims.push((e, opposite, *line));
            entity_claim_areas.push(target.subject.iter().cloned().collect());
        }
    }
}

/// A claim that speaks of every trust is each trust's claim too, for every trust with a verdict.
fn add_every_trust(
    all_trusts: bool,
    claim: &Option<(ClaimSpec, usize)>,
    verdicts: &[Verdict],
    entity_claims: &mut Vec<(String, Claim, usize)>,
    entity_claim_areas: &mut Vec<Vec<String>>,
) {
    if let (true, Some((c, claim_line))) = (all_trusts, claim) {
        if matches!(c.claim, Claim::Met | Claim::NotMet) {
            let cat = crate::extract::entities::catalogue();
            for v in verdicts {
                let is_trust = cat
                    .resolve(&v.entity)
                    .is_some_and(|e| cat.kind(e) == crate::extract::entities::EntityKind::Hf);
                if is_trust && !entity_claims.iter().any(|(e, _, _)| e == &v.entity) {
                    entity_claims.push((v.entity.clone(), c.claim, *claim_line));
                    entity_claim_areas.push(Vec::new());
                }
            }
        }
    }
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
        // "under 54 dagar i somatikken": the item opens with its comparator and names its one
        // area after the figure; read as the lead's sentence ending with it.
        if let Some(read) = comparator_item(lead, item) {
            return Some(read);
        }
        // "somatikk: under 55 dagar", or without the colon "somatikk 55 dagar": the area is
        // what stands before the figure.
        let (area, rest) = item.split_once(':').or_else(|| {
            let at = item.find(|c: char| c.is_ascii_digit())?;
            (at > 0).then(|| item.split_at(at))
        })?;
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
        // One area of a list of several: a figure that names no area is not this one's.
        read.iter_mut().for_each(|r| r.sole_area = false);
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
        let mut first_free = true;
        while j < sentences.len() && sentences[j].kind == crate::document::UnitKind::Bullet {
            // Items that are target sentences of their own ("- Sjukefråværet skal vere under
            // 7,0 prosent.") stand among the others.
            if !specs[j].is_empty() {
                first_free = false;
                j += 1;
                continue;
            }
            if let Some(read) = read_item(lead, texts[j]) {
                specs[j] = vec![read];
            } else if let Some(read) = measure_item(texts[j]) {
                // "- Ventetid: under 50 dagar i somatikken og under 40 dagar i PHV".
                specs[j] = read;
            } else {
                break;
            }
            first_free = false;
            j += 1;
        }
        let j = if first_free { j } else { i + 2 };
        // The items on one line: "BUP: 45 dagar, TSB: 35 dagar, VOP: 42 dagar".
        if j == i + 1 && j < sentences.len() && specs[j].is_empty() {
            if let Some(read) = read_items(lead, texts[j]) {
                specs[j] = read;
            }
        }
    }
}

/// A list item that opens with a comparator and its figure and names one area after it ("under
/// 54 dagar i somatikken", "høgst 30 dagar for TSB"), under a lead whose sentence it ends
/// ("Kravet var at gjennomsnittleg ventetid … skulle vere:"): read as the lead and the item as
/// one sentence.
fn comparator_item(lead: &str, item: &str) -> Option<TargetSpec> {
    let item = item.trim().trim_end_matches(['.', ';', ',']);
    let f = fold(item);
    let book = crate::extract::phrases::targets();
    let opens = ["at_least", "at_most", "above", "below"]
        .iter()
        .any(|section| {
            crate::extract::phrases::first_of(&f, book.get(section), 0)
                .is_some_and(|(r, _)| r.start == 0)
        });
    if !opens || crate::extract::targets::subjects_in(&f, 0).len() != 1 {
        return None;
    }
    let sentence = format!("{} {item}.", lead.trim_end());
    let mut read = crate::extract::targets::parse_targets_folded(&sentence, &fold(&sentence));
    (read.len() == 1 && read[0].subjects.len() == 1).then(|| read.remove(0))
}

/// A list item that names a measure and then its limit ("Ventetid: under 50 dagar i
/// somatikken og under 40 dagar i PHV"), under a lead that sets requirements: read as "Ventetid
/// skal vere under …". The part after the colon must open with a comparator.
fn measure_item(item: &str) -> Option<Vec<TargetSpec>> {
    let (label, rest) = item.split_once(':')?;
    let label = label.trim();
    if label.is_empty() || label.split_whitespace().count() > 4 {
        return None;
    }
    let book = crate::extract::phrases::targets();
    let f = fold(rest.trim());
    let opens = ["at_least", "at_most", "above", "below"]
        .iter()
        .any(|section| {
            crate::extract::phrases::first_of(&f, book.get(section), 0)
                .is_some_and(|(r, _)| r.start == 0)
        });
    if !opens {
        return None;
    }
    let sentence = format!("{label} skal vere {}", rest.trim());
    let read = crate::extract::targets::parse_targets_folded(&sentence, &fold(&sentence));
    (!read.is_empty()).then_some(read)
}

/// Longest line read as a table row that may end with its status.
const MAX_ROW_BYTES: usize = 400;

/// A target that names one trust and no other body ("For Oslo universitetssykehus gjelder eit
/// særskilt krav om at epikriseandelen skal vere minst 65 prosent") is that trust's: the other
/// trusts' figures do not answer it.
fn one_trusts_target(text: &str, verdicts: &mut Vec<Verdict>) {
    let cat = crate::extract::entities::catalogue();
    let mut named: Vec<usize> = cat.mentions(text).iter().map(|m| m.entity).collect();
    named.dedup();
    let [one] = named.as_slice() else {
        return;
    };
    if cat.kind(*one) != crate::extract::entities::EntityKind::Hf {
        return;
    }
    let name = cat.name(*one).to_string();
    if verdicts.iter().any(|v| v.entity == name) {
        verdicts.retain(|v| v.entity == name);
    }
}

/// A target for no one area judged on an entity's whole figure ("73,8 prosent av epikrisane")
/// is not judged again on that entity's figures split by area in one sentence ("… frå
/// somatikken, der delen var 76,2 prosent, og … frå psykisk helsevern, der delen var 61,5
/// prosent"): those are parts of the whole. One area's figure on its own (an earlier table row,
/// a rate beside a count) is kept.
fn drop_breakdowns(target: &crate::model::Target, verdicts: &mut Vec<Verdict>) {
    if target.subject.is_some() {
        return;
    }
    let split = |v: &Verdict| {
        verdicts
            .iter()
            .filter(|w| w.entity == v.entity && w.line == v.line && w.subject.is_some())
            .count()
            >= 2
    };
    let parts: Vec<bool> = verdicts
        .iter()
        .map(|v| {
            v.subject.is_some()
                && split(v)
                && verdicts
                    .iter()
                    .any(|w| w.subject.is_none() && w.entity == v.entity)
        })
        .collect();
    let mut k = 0;
    verdicts.retain(|_| {
        k += 1;
        !parts[k - 1]
    });
}
