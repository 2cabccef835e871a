//! Answers from outside a target's own block: a later section on its measure, the verdict the
//! block gives one area, the trusts a claim excepts or covers.

use crate::assess::tables_link;
use crate::assess::verdicts::figures::{verdicts_for, ObservationMemo};
use crate::assess::verdicts::measures::claim_own_clause;
use crate::assess::verdicts::region::{excepted_trusts, region_entity, speaks_of_all_trusts};
use crate::assess::verdicts::sections::{answer_section, area_claim, section_verdicts};
use crate::document::{Document, Reading, Sentence};
use crate::extract::claims::ClaimSpec;
use crate::extract::targets::TargetSpec;
use crate::model::{Claim, Verdict};

/// Most lines after a target's block in which a table of results per trust is looked for.
pub(super) const MAX_TRUST_TABLE_LINES: usize = 150;

/// Answers from a later section on the target's measure: all of them when the block gave none,
/// each trust's figure when it gave only the region's.
#[allow(clippy::too_many_arguments)]
pub(super) fn answer_from_sections(
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
pub(super) fn area_answer(
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
pub(super) fn add_excepted(
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
pub(super) fn add_every_trust(
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
