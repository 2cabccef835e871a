//! Reading every target sentence and the block that answers it: the report's claim, the
//! claims per entity, and the verdicts per entity from the block's figures.

use super::figures::{verdicts_for, ObservationMemo};
use super::measures::label_of;
use super::region::{mentions_region, owner_of};
use super::sections::{answer_section, section_number, section_of, summary_claims};
use super::{overall, Assessed, MAX_BLOCK_SENTENCES};
use crate::assess::tables_link;
use crate::document::{Document, Reading, Sentence};
use crate::extract::claims::{parse_claim_folded, ClaimSpec};
use crate::extract::targets::{label_year, parse_nominal_target, parse_targets_folded, TargetSpec};
use crate::model::{Indicator, Verdict};
use crate::text::fold;

mod block_claims;
use block_claims::{block_claims_of, BlockClaims};
mod answers;
use answers::{add_every_trust, add_excepted, answer_from_sections, area_answer};
mod target_lists;
use target_lists::{list_targets, table_requirement_rows};

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
    table_requirement_rows(sentences, tables, &mut sentence_specs);
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
            group_only(texts[*si], &mut verdicts);
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

/// A target set for the group as a whole ("Resultatkravet for føretaksgruppa i 2025 var eit
/// overskot på 250 mill. kroner", `[group_scope]`) is answered by the region's figure only, when
/// there is one: the trusts' own results are parts of it. A sentence that also names each trust
/// (`[trust_scope]`: "både i kvart føretak og for føretaksgruppa") keeps them.
fn group_only(text: &str, verdicts: &mut Vec<Verdict>) {
    let f = fold(text);
    let book = crate::extract::phrases::targets();
    if crate::extract::phrases::first_of(&f, book.get("group_scope"), 0).is_none()
        || crate::extract::phrases::first_of(&f, book.get("trust_scope"), 0).is_some()
    {
        return;
    }
    let cat = crate::extract::entities::catalogue();
    let regional = |v: &Verdict| {
        cat.resolve(&v.entity).is_some_and(|i| {
            matches!(
                cat.kind(i),
                crate::extract::entities::EntityKind::Region
                    | crate::extract::entities::EntityKind::Rhf
            )
        })
    };
    if verdicts.iter().any(regional) {
        verdicts.retain(regional);
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
