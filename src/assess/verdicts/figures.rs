//! The figures a block gives per entity (prose and linked tables) and the verdicts they make
//! for one target.

use super::judge;
use super::measures::{measure_score, names_measure, names_other_section};
use super::region::heading_entity;
use crate::assess::tables_link;
use crate::document::{Reading, Sentence};
use crate::extract::claims::ClaimSpec;
use crate::extract::phrases::is_word;
use crate::extract::targets::TargetSpec;
use crate::extract::values::{observations, Observation};
use crate::model::{Target, TargetUnit, Verdict};
use crate::text::fold;
use std::collections::HashMap;

/// The figures of the sentences of one block, by (index in the block, target unit, whether
/// figures default to the region). `observations` is pure, so reading a sentence again gives
/// the same list.
#[derive(Default)]
pub(super) struct ObservationMemo {
    pub(super) block_start: usize,
    pub(super) map: HashMap<(usize, Option<TargetUnit>, bool), Vec<Observation>>,
    /// Who unnamed figures belong to (see [`super::document_owner`]).
    pub(super) owner: String,
    /// The trust whose own report this is, when its title page says so.
    pub(super) own_trust: Option<String>,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn verdicts_for(
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
        match out
            .iter_mut()
            .find(|o| o.entity == v.entity && o.subject == v.subject)
        {
            // A stated change alone ("reduserte kostnadene med 8,8 mill. kroner, eller 15
            // prosent") gives way to the figures a table gives the same entity.
            Some(o) if o.value.is_none() && v.value.is_some() => {
                let stated = o.change_pct;
                *o = Verdict {
                    change_pct: v.change_pct.or(stated),
                    ..v
                };
            }
            Some(_) => {}
            None => out.push(v),
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
            // A table row is one measure's: a row whose label names another target's measure
            // better ("Nye kreftpasienter i pakkeforløp" beside "Pakkeforløp kreft, andel
            // innenfor standard forløpstid") is that target's row.
            let row = s.kind == crate::document::UnitKind::TableRow;
            if foreign_topic && ((own == 0 && prose) || row) {
                continue;
            }
        }
        let quoted = quoted_threshold(t, target);
        let folded = fold(t);
        let book = crate::extract::phrases::targets();
        let year_to_date =
            crate::extract::phrases::first_of(&folded, book.get("year_to_date"), 0).is_some();
        // "… frå 58 dagar i T1 til 49 dagar i T3": the course of the year between two
        // tertials, not the year's figure.
        let tertials = book.get("one_tertial");
        let within_year = crate::extract::phrases::first_of(&folded, tertials, 0)
            .and_then(|(r, _)| crate::extract::phrases::first_of(&folded, tertials, r.end))
            .is_some();
        if within_year && !year_to_date {
            continue;
        }
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
        // "≥ 70 %" in a row's target cell: a comparator sign of data/phrases/targets.txt.
        let signed = {
            let b = before.trim_end();
            let book = crate::extract::phrases::targets();
            ["at_least", "at_most", "above", "below"].iter().any(|s| {
                book.get(s).iter().any(|p| {
                    !p.chars().any(char::is_alphanumeric)
                        && !p.is_empty()
                        && b.ends_with(p.as_str())
                })
            })
        };
        if !(is_word("limit_words", word)
            || signed
            || after_noun(0)
            || (is_word("limit_words", word) && after_noun(1)))
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

#[cfg(test)]
mod quoted_tests {
    use super::*;
    use crate::model::Comparator;

    #[test]
    fn a_restated_limit_is_not_a_figure() {
        let target = Target {
            comparator: Comparator::Below,
            threshold: Some(60.0),
            unit: Some(TargetUnit::Days),
            baseline_year: None,
            change_pct: None,
            change_pp: None,
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
