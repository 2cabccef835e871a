//! What the sentences after a target claim about it: the report's own verdict, the claims per
//! trust and the areas each names, and the paragraph's topic.

use crate::assess::verdicts::measures::{
    claim_clause, claim_own_clause, label_of, measure_score, names_other_goal, names_other_section,
};
use crate::assess::verdicts::region::{
    leading_entity, mentions_region, names_other_entity, speaks_of_all_trusts,
};
use crate::document::{Reading, Sentence};
use crate::extract::claims::ClaimSpec;
use crate::extract::numbers::NumUnit;
use crate::extract::targets::TargetSpec;
use crate::model::Claim;
use crate::text::fold;

/// What the block after a target claims: the report's claim and line, whether it speaks of every
/// trust or of the region, and the claims per entity with the areas each names.
pub(super) struct BlockClaims {
    pub(super) claim: Option<(ClaimSpec, usize)>,
    pub(super) claim_all_trusts: bool,
    pub(super) entity_claims: Vec<(String, Claim, usize)>,
    pub(super) entity_claim_areas: Vec<Vec<String>>,
    pub(super) claim_is_regional: bool,
    /// The areas the paragraph of the report's claim spoke of, when the claim names none
    /// itself: the claim is for targets of those areas only.
    pub(super) claim_topic: Vec<String>,
    /// Every region-wide claim that names no area, with the areas its paragraph last spoke of.
    pub(super) topic_claims: Vec<(ClaimSpec, usize, Vec<String>)>,
}

/// Reads the claims of the block (`block_start..`) that answers the targets `specs` of sentence
/// `si`; `openers` caches the HF each sentence opens with.
pub(super) fn block_claims_of(
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
    let mut claim_names_this = false;
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
                // "For PHV er kravet innfridd …" under a target for no area (a share of
                // fristbrudd), with a target for PHV nearby: the claim is that target's.
                let other_areas_target = own == 0
                    && !sentence_areas.is_empty()
                    && specs
                        .iter()
                        .all(|sp| sp.target.subject.is_none() && sp.subjects.is_empty())
                    && others.iter().any(|(o, _)| {
                        o.target
                            .subject
                            .as_ref()
                            .is_some_and(|a| sentence_areas.contains(a))
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
                    other
                        || row_target
                        || names_other_goal
                        || other_area
                        || other_areas_target
                        || other_unit,
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
                // The first such claim, unless a later one names this target's measure and
                // the first does not ("Tre av fire føretak har redusert delen fristbrot"
                // after claims on waiting times of the targets before it). A sentence of
                // several targets keeps its first claim: a later one may name only one of them.
                if claim.is_none() || (names_this && !claim_names_this && specs.len() == 1) {
                    claim_names_this = names_this;
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
