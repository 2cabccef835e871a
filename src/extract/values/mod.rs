//! Where figures in prose are bound to entity, year and area: "For regionen samlet ble 86 prosent
//! …", "Tallet for X er 84 prosent, for Y 92 prosent", "Helse Nord-Trøndelag (HNT) har økt fra
//! 10,6 til 11,5 prosent", "fra 12,8 prosent i 2023 til 13.5 prosent i 2024",
//! "(2023: 10,4 prosent; 2024: 11,3 prosent)", "en økning … på 13,6 %".
//!
//! A sentence is cut at each entity mention; the figures up to the next mention belong to it.
//! Only figures in the target's unit are taken, so a count target does not read a percentage.

use crate::extract::entities::catalogue;
use crate::extract::numbers::{lex, NumUnit, NumberKind, NumberToken};
use crate::extract::targets::subjects_in;
use crate::model::TargetUnit;
use crate::text::{find_phrase, fold};

/// A figure (or pair of figures) the report gives for an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub entity: String,
    pub subject: Option<String>,
    pub value: Option<f64>,
    pub baseline_value: Option<f64>,
    pub year: Option<i32>,
    pub baseline_year: Option<i32>,
    /// A stated relative change in percent, signed (−26.6 for "redusert med 26,6 %").
    pub change_pct: Option<f64>,
    /// Byte offset of the evidence in the sentence.
    pub at: usize,
}

/// Whether a figure is in the unit a target is measured in.
pub fn compatible(t: &NumberToken, unit: Option<TargetUnit>) -> bool {
    if t.kind != NumberKind::Quantity || !t.value.is_finite() {
        return false;
    }
    match unit {
        Some(TargetUnit::Percent) => t.unit == NumUnit::Percent,
        Some(TargetUnit::Days) => matches!(t.unit, NumUnit::Days),
        Some(TargetUnit::Count) => {
            matches!(t.unit, NumUnit::None | NumUnit::Persons)
        }
        Some(TargetUnit::Nok) => t.unit == NumUnit::Nok,
        Some(TargetUnit::Per100k) => t.unit == NumUnit::Per100k,
        _ => matches!(
            t.unit,
            NumUnit::None
                | NumUnit::Percent
                | NumUnit::Days
                | NumUnit::Persons
                | NumUnit::Fte
                | NumUnit::Nok
        ),
    }
}

/// +1 for a word saying "up", −1 for "down" (the first one in `f`), from the shared list of
/// direction words; `None` when there is none or it is negated ("ikke økt").
fn direction_sign(f: &str) -> Option<f64> {
    let d = crate::extract::phrases::first_direction(&direction_words(f))?;
    match (d.dir, d.negated) {
        (_, true) | (crate::extract::phrases::Dir::Change, _) => None,
        (crate::extract::phrases::Dir::Up, _) => Some(1.0),
        (crate::extract::phrases::Dir::Down, _) => Some(-1.0),
    }
}

/// The words of `f` as the direction list matches them (hyphens kept: "øre-nese-hals").
fn direction_words(f: &str) -> Vec<String> {
    f.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Words that make a sentence speak of a group of trusts rather than the region as a whole.
const GROUP_WORDS: &[&str] = &[
    "øvrige",
    "de andre",
    "dei andre",
    "flere helseforetak",
    "fleire helseføretak",
    "noen helseforetak",
    "nokre helseføretak",
    "enkelte helseforetak",
    "enkelte enheter",
    "einskilde",
];

/// Reads the figures of a sentence in `unit`, bound to the entities it names. A sentence that
/// names no entity binds its figures to `default` when one is given.
pub fn observations(
    sentence: &str,
    unit: Option<TargetUnit>,
    default: Option<&str>,
) -> Vec<Observation> {
    if sentence.len() > 2000 {
        return Vec::new();
    }
    let cat = catalogue();
    let f = fold(sentence);
    let mentions = cat.mentions(sentence);
    // "Alle føretaka unntatt Helse Stavanger har halde delen på same nivå": a name left out by
    // an exception is not what the sentence's direction speaks of (its own figure after it,
    // "unntatt Sykehuset Innlandet, som hadde 34 dager", is still its).
    let excepted_words = crate::extract::phrases::claims().get("excepted_name");
    let excepted: Vec<String> = mentions
        .iter()
        .filter(|m| {
            let before = f.get(..m.span.start).unwrap_or("").trim_end();
            excepted_words.iter().any(|w| {
                before.ends_with(w.as_str())
                    && before[..before.len() - w.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
        })
        .map(|m| cat.name(m.entity).to_string())
        .collect();
    let mut tokens = lex(sentence);
    // "1,02 infeksjonar per 1 000 liggjedøgn": the figure after "per" is what a rate is counted
    // against, never a value of its own.
    tokens.retain(|t| !is_denominator(&f, t));
    // "De øvrige helseforetakene melder om uendret kapasitet" speaks of some trusts, not the region.
    let default = default.filter(|_| !GROUP_WORDS.iter().any(|w| f.contains(w)));
    let mut out: Vec<Observation> = if mentions.is_empty() {
        match default {
            Some(d) => read_segments(sentence, &f, &tokens, 0, sentence.len(), unit, d),
            None => Vec::new(),
        }
    } else {
        by_entity(sentence, &f, &tokens, &mentions, unit, default)
    };
    out.retain(|o| o.value.is_some() || !excepted.contains(&o.entity));
    // "I 2024 var det 506 tvangsinnleggingar …, 104 per 100 000": a year that opens the sentence,
    // its only one, is the year of its figures.
    if let Some(y) = leading_year(&f, &tokens) {
        for o in &mut out {
            if o.year.is_none() && o.baseline_year.is_none() {
                o.year = Some(y);
            }
        }
    }
    // "I somatikken hadde UNN 64 dagar, Nordlandssykehuset 71 dagar …": the one area the
    // sentence names is that of every trust's figure in it.
    if !out.is_empty() && out.iter().all(|o| o.subject.is_none()) {
        if let [area] = subjects_in(&f, 0).as_slice() {
            for o in &mut out {
                o.subject = Some(area.clone());
            }
        }
    }
    out
}

/// The figures of a sentence that names entities, each read for the entity it belongs to.
fn by_entity(
    sentence: &str,
    f: &str,
    tokens: &[NumberToken],
    mentions: &[crate::extract::entities::Mention],
    unit: Option<TargetUnit>,
    default: Option<&str>,
) -> Vec<Observation> {
    let cat = catalogue();
    let mut out: Vec<Observation> = Vec::new();
    // "7,2 prosent i Helse Bergen, 7,9 prosent i Helse Stavanger …": each name owns the figures
    // between the previous name and itself.
    let anchors: Vec<(usize, usize)> = mentions
        .iter()
        .map(|m| (m.span.start, m.span.end))
        .collect();
    // "Helse Bergen og Helse Stavanger låg på høvesvis 76 og 78 pst.": names and figures in order.
    let paired = respectively(f, &anchors, tokens, unit);
    for (i, t) in &paired {
        let entity = cat.name(mentions[*i].entity).to_string();
        let subject = f
            .get(mentions[*i].span.end..t.span.start)
            .and_then(|g| subjects_in(g, 0).into_iter().next());
        out.push(Observation {
            entity,
            subject,
            value: Some(t.value),
            baseline_value: None,
            year: None,
            baseline_year: None,
            change_pct: None,
            at: t.span.start,
        });
    }
    let all: Vec<&NumberToken> = tokens.iter().collect();
    if paired.is_empty() && mentions.len() >= 2 && figures_come_first(f, &anchors, &all, unit) {
        for (i, m) in mentions.iter().enumerate() {
            let start = if i == 0 { 0 } else { mentions[i - 1].span.end };
            let entity = cat.name(m.entity).to_string();
            if out.iter().any(|o| o.entity == entity) {
                continue;
            }
            out.extend(read_segments(
                sentence,
                f,
                tokens,
                start,
                m.span.start,
                unit,
                &entity,
            ));
        }
        return out;
    }
    // Figures before the first name: "… er uendret fra 2023 til 2024 ved regionens tre
    // helseforetak" belongs to the entity named after a preposition; otherwise to `default`.
    let first = &mentions[0];
    if first.span.start > 12 {
        let before = f[..first.span.start].trim_end();
        let prepositional = ["ved", "for", "hos", "i", "på", "innen", "innan"]
            .iter()
            .any(|p| before.ends_with(&format!(" {p}")));
        let trailing_segment_empty = !tokens.iter().any(|t| {
            t.span.start >= first.span.end
                && mentions.get(1).is_none_or(|n| t.span.start < n.span.start)
                && compatible(t, unit)
        });
        let owner = if prepositional && trailing_segment_empty {
            Some(cat.name(first.entity).to_string())
        } else {
            default.map(str::to_string)
        };
        if let Some(owner) = owner {
            out.extend(read_segments(
                sentence,
                f,
                tokens,
                0,
                first.span.start,
                unit,
                &owner,
            ));
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        if paired.iter().any(|(p, _)| *p == i) {
            continue;
        }
        let start = m.span.end;
        let end = mentions.get(i + 1).map_or(sentence.len(), |n| n.span.start);
        if end <= start {
            continue;
        }
        let entity = cat.name(m.entity).to_string();
        if out.iter().any(|o| o.entity == entity)
            && mentions[..i].iter().any(|p| p.entity == m.entity)
        {
            // "Helse Nord-Trøndelag (HNT)": the second mention continues the first.
            if let Some(prev) = out.iter_mut().rev().find(|o| o.entity == entity) {
                if prev.value.is_none() {
                    if let Some(o) = read_segment(sentence, f, tokens, start, end, unit, &entity) {
                        *prev = o;
                    }
                }
            }
            continue;
        }
        let found = read_segments(sentence, f, tokens, start, end, unit, &entity);
        if !found.is_empty() {
            out.extend(found);
        } else if i + 1 < mentions.len() && mentions[i + 1].entity == m.entity {
            continue;
        }
    }
    out
}

/// Words before a year that opens a sentence and dates its figures ("I 2024 …", "For 2023 …").
const YEAR_LEADS: &[&str] = &["i", "for", "i året", "i heile", "i hele"];

/// The year a sentence opens with ("I 2024 var det …"), when it names no other year.
fn leading_year(f: &str, tokens: &[NumberToken]) -> Option<i32> {
    let mut years = tokens.iter().filter(|t| t.kind == NumberKind::Year);
    let first = years.next()?;
    if years.any(|t| t.value != first.value) {
        return None;
    }
    let lead = f.get(..first.span.start)?.trim();
    YEAR_LEADS.contains(&lead).then_some(first.value as i32)
}

/// "respectively": names listed first, then their figures in the same order.
const RESPECTIVELY: &[&str] = &["henholdsvis", "høvesvis", "respektive"];

/// "A og B låg på høvesvis 76 og 78 pst.": the names right before "henholdsvis"/"høvesvis" (with
/// no figure between them) paired in order with as many figures after it. Returns (index into
/// `anchors`, figure); empty unless the counts agree.
fn respectively<'t>(
    f: &str,
    anchors: &[(usize, usize)],
    tokens: &'t [NumberToken],
    unit: Option<TargetUnit>,
) -> Vec<(usize, &'t NumberToken)> {
    if anchors.len() < 2 {
        return Vec::new();
    }
    let Some(r) = RESPECTIVELY.iter().find_map(|w| find_phrase(f, w, 0)) else {
        return Vec::new();
    };
    // The run of names before the word: walk back while no figure stands between two names.
    let Some(last) = anchors.iter().rposition(|a| a.1 <= r.start) else {
        return Vec::new();
    };
    let figure_between = |from: usize, to: usize| {
        tokens
            .iter()
            .any(|t| t.span.start >= from && t.span.end <= to && t.kind == NumberKind::Quantity)
    };
    if figure_between(anchors[last].1, r.start) {
        return Vec::new();
    }
    let mut first = last;
    while first > 0 && !figure_between(anchors[first - 1].1, anchors[first].0) {
        let gap = f.get(anchors[first - 1].1..anchors[first].0).unwrap_or("");
        // Only a list: "A og B", "A, B og C".
        if gap.split_whitespace().count() > 1 {
            break;
        }
        first -= 1;
    }
    let n = last + 1 - first;
    let until = anchors.get(last + 1).map_or(f.len(), |a| a.0);
    let figures: Vec<&NumberToken> = tokens
        .iter()
        .filter(|t| t.span.start >= r.end && t.span.end <= until && t.kind == NumberKind::Quantity)
        .take(n)
        .collect();
    // "76 og 78 pst.": the unit may be written after the last figure only.
    let unit_of_last = figures.get(n - 1).map(|t| t.unit);
    let fits = |t: &NumberToken| {
        compatible(t, unit)
            || (t.unit == NumUnit::None && unit_of_last.is_some_and(|u| u != NumUnit::None))
    };
    if n < 2
        || figures.len() < n
        || !figures[..n].iter().all(|t| fits(t))
        || !compatible(figures[n - 1], unit)
    {
        return Vec::new();
    }
    (first..=last).zip(figures).collect()
}

/// Where each area is named in `f[start..end]`, in order.
fn subject_spans(f: &str, start: usize, end: usize) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for (canonical, aliases) in crate::extract::phrases::subjects() {
        if canonical == "Alle fagområder" {
            continue;
        }
        for a in aliases {
            let mut at = start;
            while let Some(r) = find_phrase(f, a, at) {
                if r.start >= end {
                    break;
                }
                if !out
                    .iter()
                    .any(|(p, e, _)| *p <= r.start && r.start < (*e).max(*p + 3))
                {
                    out.push((r.start, r.end, canonical.clone()));
                }
                at = r.end;
            }
        }
    }
    crate::sorting::sort(&mut out);
    out.dedup_by(|a, b| a.2 == b.2 && a.0 >= b.0);
    out
}

/// Prepositions between a figure and the name it belongs to ("7,2 prosent i Helse Bergen").
const BACKWARD_PREPOSITIONS: &[&str] = &[
    "i", "ved", "hos", "for", "på", "innen", "innan", "innenfor", "innanfor",
];

/// Whether the figures of a list are written before the names they belong to
/// ("7,2 prosent i Helse Bergen, 7,9 prosent i Helse Stavanger …") rather than after them
/// ("for Helse Bergen 7,2 prosent, for Helse Stavanger 7,9 prosent").
fn figures_come_first(
    f: &str,
    anchors: &[(usize, usize)],
    tokens: &[&NumberToken],
    unit: Option<TargetUnit>,
) -> bool {
    let mut forward = 0;
    let mut backward = 0;
    for (i, &(a_start, a_end)) in anchors.iter().enumerate() {
        let next_anchor = anchors.get(i + 1).map_or(f.len(), |n| n.0);
        // A figure right after the name, not after a comma or "og" (which begin the next item).
        if let Some(t) = tokens.iter().find(|t| {
            t.span.start >= a_end && t.span.start < next_anchor && t.kind == NumberKind::Quantity
        }) {
            let gap = f.get(a_end..t.span.start).unwrap_or("");
            let words: Vec<&str> = gap.split_whitespace().collect();
            // "i somatikken (69 dagar i 2023)": a bracket after the name is an aside to it.
            if !gap.contains(',')
                && !gap.contains('(')
                && !words.contains(&"og")
                && words.len() <= 5
            {
                forward += 1;
            }
        }
        // A figure right before "i/ved/for … name".
        let prev_anchor = if i == 0 { 0 } else { anchors[i - 1].1 };
        if let Some(t) = tokens
            .iter()
            .rev()
            .find(|t| t.span.end <= a_start && t.span.start >= prev_anchor && compatible(t, unit))
        {
            let gap = f.get(t.span.end..a_start).unwrap_or("");
            let words: Vec<&str> = gap.split_whitespace().collect();
            if words.len() <= 3
                && words
                    .last()
                    .is_some_and(|w| BACKWARD_PREPOSITIONS.contains(w))
            {
                backward += 1;
            }
        }
    }
    backward > forward && backward * 2 >= anchors.len()
}

/// Reads a segment; when it names several areas ("i somatikken … , medan … i TSB"), each area's
/// part is read on its own.
fn read_segment(
    sentence: &str,
    f: &str,
    tokens: &[NumberToken],
    start: usize,
    end: usize,
    unit: Option<TargetUnit>,
    entity: &str,
) -> Option<Observation> {
    read_segments(sentence, f, tokens, start, end, unit, entity)
        .into_iter()
        .next()
}

fn read_segments(
    sentence: &str,
    f: &str,
    tokens: &[NumberToken],
    start: usize,
    end: usize,
    unit: Option<TargetUnit>,
    entity: &str,
) -> Vec<Observation> {
    let spans = subject_spans(f, start, end);
    // Fewer than two distinct subjects: one reading.
    if spans
        .iter()
        .all(|s| spans.first().is_some_and(|f| f.2 == s.2))
    {
        return read_one(sentence, f, tokens, start, end, unit, entity)
            .into_iter()
            .collect();
    }
    let anchors: Vec<(usize, usize)> = spans.iter().map(|s| (s.0, s.1)).collect();
    let in_range: Vec<&NumberToken> = tokens
        .iter()
        .filter(|t| t.span.start >= start && t.span.end <= end)
        .collect();
    let backward = figures_come_first(f, &anchors, &in_range, unit);
    // "66 dagar i somatikken (69 dagar i 2023), 47 dagar i …": a bracket right after an area's
    // name still belongs to that area.
    let bracket_end = |at_end: usize| -> usize {
        let rest = f.get(at_end..end).unwrap_or("");
        let lead = rest.len() - rest.trim_start().len();
        match rest.trim_start().strip_prefix('(') {
            Some(inner) => inner
                .find(')')
                .map_or(at_end, |c| at_end + lead + 1 + c + 1),
            None => at_end,
        }
    };
    let mut out = Vec::new();
    for (i, (at, at_end, _)) in spans.iter().enumerate() {
        // Forward: from this area to the next. Backward: from the previous area to the end of this one.
        let (s, e) = if backward {
            (
                if i == 0 {
                    start
                } else {
                    bracket_end(spans[i - 1].1)
                },
                bracket_end(*at_end),
            )
        } else {
            (
                if i == 0 { start } else { *at },
                spans.get(i + 1).map_or(end, |n| n.0),
            )
        };
        if let Some(o) = read_one(sentence, f, tokens, s, e, unit, entity) {
            out.push(o);
        }
    }
    out
}

fn read_one(
    _sentence: &str,
    f: &str,
    tokens: &[NumberToken],
    start: usize,
    end: usize,
    unit: Option<TargetUnit>,
    entity: &str,
) -> Option<Observation> {
    let seg: Vec<&NumberToken> = tokens
        .iter()
        .filter(|t| t.span.start >= start && t.span.end <= end)
        .collect();
    let seg_text = f.get(start..end).unwrap_or("");
    let subject = subjects_in(seg_text, 0).into_iter().next();
    let mut obs = Observation {
        entity: entity.to_string(),
        subject,
        value: None,
        baseline_value: None,
        year: None,
        baseline_year: None,
        change_pct: None,
        at: start,
    };
    // "64 218 i 2023", "1 886 skader i 2023", "(2023)": a year right after a figure.
    let year_after = |t: &NumberToken| -> Option<i32> {
        let y = seg.iter().find(|y| y.span.start >= t.span.end)?;
        if y.kind != NumberKind::Year {
            return None;
        }
        let gap = f.get(t.span.end..y.span.start)?;
        let words: Vec<&str> = gap.split_whitespace().collect();
        let ok = gap.len() <= 24
            && (words.is_empty()
                || words == ["i"]
                || words == ["("]
                || (words.len() == 2 && words[1] == "i"));
        ok.then_some(y.value as i32)
    };
    let mut used: Vec<usize> = Vec::new();

    // A stated change: "med 26,6 %", "på 13,6 %".
    for t in &seg {
        if t.kind == NumberKind::Quantity && t.unit == NumUnit::Percent {
            let before = f.get(start..t.span.start).unwrap_or("").trim_end();
            let before = before
                .strip_suffix(" ca")
                .or_else(|| before.strip_suffix(" ca."))
                .or_else(|| before.strip_suffix(" om lag"))
                .unwrap_or(before);
            if before.ends_with(" med")
                || before.ends_with(" på")
                || before.ends_with(" ned")
                || before.ends_with(" opp")
            {
                if let Some(sign) = direction_sign(seg_text) {
                    obs.change_pct = Some(sign * t.value.abs());
                    used.push(t.span.start);
                    break;
                }
            }
            // "en 3,4 prosents økning", "10,2 % reduksjon": the change word right after.
            let after = f.get(t.span.end..end).unwrap_or("");
            let next_word = after
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(sign) = direction_sign(next_word) {
                obs.change_pct = Some(sign * t.value.abs());
                used.push(t.span.start);
                break;
            }
        }
    }
    // "redusert med 4 dager", "en nedgang på 6 dagar", "nedgangen var 6 dager", "8 dager
    // lavere": a change in the target's own unit, not a level. It is passed over (the level, if
    // the sentence gives one, is read as usual).
    for t in &seg {
        let is_level_unit = t.kind == NumberKind::Quantity && t.unit != NumUnit::Percent;
        if is_level_unit && compatible(t, unit) && absolute_change(f, start, t) {
            used.push(t.span.start);
        }
    }
    // "er uendret fra 2023 til 2024": no change.
    if obs.change_pct.is_none()
        && [
            "uendret",
            "uforandret",
            "uendra",
            "på samme nivå",
            "på same nivå",
        ]
        .iter()
        .any(|w| seg_text.contains(w))
    {
        // "har uendret antall, 19 enheter": the one figure is both then and now.
        let figures: Vec<&&NumberToken> = seg.iter().filter(|t| compatible(t, unit)).collect();
        if figures.len() == 1 {
            obs.value = Some(figures[0].value);
            obs.baseline_value = Some(figures[0].value);
            obs.at = figures[0].span.start;
            return Some(obs);
        }
        if !figures.is_empty() {
            return None;
        }
        obs.change_pct = Some(0.0);
        return Some(obs);
    }
    // "har 24 enheter, mot 27 året før" / "7,6 prosent i april, samanlikna med 8,0 prosent i
    // april 2024": now, then the figure it is compared with. A bare "mot" must point back in
    // time ("året før", "i fjor", an earlier year); the comparison words say so themselves.
    for w in [
        "sammenlignet med",
        "sammenliknet med",
        "samanlikna med",
        "samanlikna mot",
        "mot",
    ] {
        let Some(r) = find_phrase(f, w, start).filter(|r| r.end <= end) else {
            continue;
        };
        let before = seg
            .iter()
            .rev()
            .find(|t| t.span.end <= r.start && compatible(t, unit));
        let after = seg
            .iter()
            .find(|t| t.span.start >= r.end && t.kind == NumberKind::Quantity);
        let (Some(v), Some(b)) = (before, after) else {
            continue;
        };
        // The figure's year: right after it, or the one closing its clause before the
        // comparison ("72,0 prosent av … i 2024, mot 69,6 prosent i 2023").
        let v_year = year_after(v).or_else(|| {
            seg.iter()
                .rev()
                .find(|t| t.span.start >= v.span.end && t.span.end <= r.start)
                .filter(|t| {
                    t.kind == NumberKind::Year
                        && f.get(t.span.end..r.start)
                            .is_some_and(|g| g.trim_matches([',', ' ']).is_empty())
                })
                .map(|t| t.value as i32)
        });
        let points_back = if w == "mot" {
            let tail = f.get(b.span.end..end).unwrap_or("").trim_start();
            // "54 dager, mot 61 dager i 2023": a figure without a year, right before "mot", set
            // against one of a named year is the current one.
            let right_before = f
                .get(v.span.end..r.start)
                .is_some_and(|g| g.split_whitespace().count() <= 2);
            tail.starts_with("året før")
                || tail.starts_with("i fjor")
                || match (year_after(b), v_year) {
                    (Some(yb), Some(yv)) => yb < yv,
                    (Some(_), None) => right_before,
                    _ => false,
                }
        } else {
            compatible(b, unit)
        };
        // The figure may be followed by what it counts ("72,0 prosent av pakkeforløpene
        // innenfor standard forløpstid i 2024, mot 69,6 prosent i 2023") when no other
        // quantity stands between it and the comparison.
        let near = gap_ok(f, v.span.end, r.start, 4)
            || (f.get(v.span.end..r.start).is_some_and(|g| {
                !g.contains([';', ':', '.'])
                    && g.split_whitespace().count() <= MAX_COMPARED_GAP_WORDS
            }) && !seg.iter().any(|t| {
                t.kind == NumberKind::Quantity
                    && t.span.start >= v.span.end
                    && t.span.end <= r.start
            }));
        if points_back && gap_ok(f, r.end, b.span.start, 1) && near {
            obs.value = Some(v.value);
            obs.baseline_value = Some(b.value);
            obs.year = v_year;
            obs.baseline_year = year_after(b);
            obs.at = v.span.start;
            return Some(obs);
        }
    }
    // "85 … i 2024, ned fra 193 … i 2023": the figure before "ned/opp fra" is the value.
    for w in [
        "ned fra",
        "opp fra",
        "ned frå",
        "opp frå",
        "ned fra totalt",
        "opp fra totalt",
    ] {
        if let Some(r) = find_phrase(f, w, start).filter(|r| r.end <= end) {
            let before = seg.iter().rev().find(|t| {
                t.span.end <= r.start && compatible(t, unit) && !used.contains(&t.span.start)
            });
            let after = seg
                .iter()
                .find(|t| t.span.start >= r.end && t.kind != NumberKind::Year);
            if let (Some(v), Some(b)) = (before, after) {
                if gap_ok(f, r.end, b.span.start, 1)
                    && (compatible(b, unit) || b.unit == NumUnit::None)
                {
                    obs.value = Some(v.value);
                    obs.baseline_value = Some(b.value);
                    obs.year = year_after(v);
                    obs.baseline_year = year_after(b);
                    obs.at = v.span.start;
                    return Some(obs);
                }
            }
        }
    }

    // "fra X (i 2023) til Y (i 2024)".
    let mut at = start;
    while let Some(r) = find_phrase(f, "fra", at).or_else(|| find_phrase(f, "frå", at)) {
        if r.start >= end {
            break;
        }
        at = r.end;
        let Some(a) = seg
            .iter()
            .find(|t| t.span.start >= r.end && t.kind != NumberKind::Year)
        else {
            break;
        };
        // "fra 11,9 i 2023 til 12,1 prosent": the unit is written once, after the second figure.
        let a_ok =
            compatible(a, unit) || (a.unit == NumUnit::None && a.kind == NumberKind::Quantity);
        if !gap_ok(f, r.end, a.span.start, 2) || !a_ok || used.contains(&a.span.start) {
            continue;
        }
        let Some(til) = find_phrase(f, "til", a.span.end) else {
            continue;
        };
        if til.start >= end || til.start - a.span.end > 40 {
            continue;
        }
        let Some(b) = seg
            .iter()
            .find(|t| t.span.start >= til.end && t.kind != NumberKind::Year)
        else {
            continue;
        };
        if !gap_ok(f, til.end, b.span.start, 2)
            || !compatible(b, unit)
            || (!compatible(a, unit) && b.unit == a.unit)
        {
            continue;
        }
        obs.baseline_value = Some(a.value * carried_scale(f, a, b));
        obs.value = Some(b.value);
        obs.baseline_year = year_after(a);
        obs.year = year_after(b);
        obs.at = a.span.start;
        return Some(obs);
    }

    // "33 dagar både i 2023 og i 2024": the same figure both years.
    if let Some(r) = find_phrase(f, "både i", start).filter(|r| r.end <= end) {
        let years: Vec<&&NumberToken> = seg
            .iter()
            .filter(|t| t.kind == NumberKind::Year && t.span.start >= r.end)
            .collect();
        if let (Some(v), 2) = (
            seg.iter()
                .rev()
                .find(|t| t.span.end <= r.start && compatible(t, unit)),
            years.len(),
        ) {
            obs.value = Some(v.value);
            obs.baseline_value = Some(v.value);
            obs.baseline_year = Some(years[0].value as i32);
            obs.year = Some(years[1].value as i32);
            obs.at = v.span.start;
            return Some(obs);
        }
    }
    // "delen 1,9 prosent (2,4 prosent i 2023)" / "1,9 prosent (2023: 2,4 prosent)": the figure
    // in brackets, with its year, is the earlier value it is compared with.
    if let Some(o) = bracketed_earlier(f, &seg, unit, &used, &year_after) {
        let (v, b, year) = o;
        obs.value = Some(v.value);
        obs.baseline_value = Some(b.value);
        obs.baseline_year = Some(year);
        obs.year = year_after(v).filter(|y| *y != year);
        obs.at = v.span.start;
        return Some(obs);
    }
    // "(2023: 10,4 prosent; 2024: 11,3 prosent)" and "10,4 prosent i 2023 og 11,3 prosent i 2024".
    let mut pairs: Vec<(i32, f64, usize)> = Vec::new();
    for (k, t) in seg.iter().enumerate() {
        if t.kind == NumberKind::Year {
            if let Some(v) = seg.get(k + 1) {
                let gap = f.get(t.span.end..v.span.start).unwrap_or("");
                if gap.trim() == ":" && compatible(v, unit) {
                    pairs.push((t.value as i32, v.value, v.span.start));
                }
            }
        } else if compatible(t, unit) && !used.contains(&t.span.start) {
            if let Some(y) = year_after(t) {
                if !pairs.iter().any(|p| p.2 == t.span.start) {
                    pairs.push((y, t.value, t.span.start));
                }
            }
        }
    }
    crate::sorting::sort_by_key(&mut pairs, |p| p.0);
    pairs.dedup_by_key(|p| p.0);
    if pairs.len() >= 2 {
        let (b, v) = (pairs[pairs.len() - 2], pairs[pairs.len() - 1]);
        obs.baseline_year = Some(b.0);
        obs.baseline_value = Some(b.1);
        obs.year = Some(v.0);
        obs.value = Some(v.1);
        obs.at = b.2;
        return Some(obs);
    }
    if let Some(p) = pairs.first() {
        obs.year = Some(p.0);
        obs.value = Some(p.1);
        obs.at = p.2;
        return Some(obs);
    }

    // A stated change is the answer; a lone figure next to it is something else
    // ("ned ca 19 % fra 2023 til 2024, og 27 % sammenliknet med 2022").
    if obs.change_pct.is_some() {
        return Some(obs);
    }
    // A single figure: "… er 84 prosent".
    if let Some(t) = seg
        .iter()
        .find(|t| compatible(t, unit) && !used.contains(&t.span.start))
    {
        obs.value = Some(t.value);
        obs.year = year_after(t);
        obs.at = t.span.start;
        return Some(obs);
    }
    obs.change_pct.is_some().then_some(obs)
}

/// Whether figure `t` stands right after "per" or "pr." (the base of a rate).
fn is_denominator(f: &str, t: &NumberToken) -> bool {
    let before = f.get(..t.span.start).unwrap_or("").trim_end();
    before.ends_with(" per") || before.ends_with(" pr.") || before.ends_with(" pr")
}

/// Whether figure `t` is the size of a change: after "med"/"på" that follows a direction word
/// ("gikk ned med 4 dager", "en økning på 120 årsverk"), right after a direction word
/// ("nedgangen var 6 dager", "økte 1 dag"), or right before one ("8 dager lavere").
fn absolute_change(f: &str, start: usize, t: &NumberToken) -> bool {
    let before = direction_words(f.get(start..t.span.start).unwrap_or(""));
    let mut k = before.len();
    // "ca.", "om lag", "cirka" before the figure.
    while k > 0 && matches!(before[k - 1].as_str(), "ca" | "cirka" | "lag" | "om") {
        k -= 1;
    }
    let direction_before = |from: usize, to: usize| -> bool {
        crate::extract::phrases::first_direction(&before[from..to])
            .is_some_and(|d| d.dir != crate::extract::phrases::Dir::Change && !d.negated)
    };
    if k > 0 && matches!(before[k - 1].as_str(), "med" | "på") {
        return k >= 2 && direction_before(k.saturating_sub(5), k);
    }
    // "nedgangen 6 dager", "nedgangen var 6 dager", "økte 1 dag".
    let mut j = k;
    if j > 0
        && matches!(
            before[j - 1].as_str(),
            "var" | "er" | "vart" | "ble" | "blei"
        )
    {
        j -= 1;
    }
    if j > 0 && direction_before(j - 1, j) {
        return true;
    }
    let after = direction_words(f.get(t.span.end..).unwrap_or(""));
    after.first().is_some_and(|w| {
        crate::extract::phrases::first_direction(std::slice::from_ref(w))
            .is_some_and(|d| d.dir != crate::extract::phrases::Dir::Change)
    })
}

/// Most words between a figure and the bracket that gives its earlier value ("66 dagar i psykisk
/// helsevern barn og unge (69 …)").
const MAX_BRACKET_GAP_WORDS: usize = 6;

/// A figure followed at once by a bracket that holds one figure of the same unit and a year
/// ("1,9 prosent (2,4 prosent i 2023)", "1,9 prosent (2023: 2,4 prosent)"), when the first figure
/// has no year of its own or a later one: (value, earlier value, earlier year).
fn bracketed_earlier<'t>(
    f: &str,
    seg: &[&'t NumberToken],
    unit: Option<TargetUnit>,
    used: &[usize],
    year_after: &dyn Fn(&NumberToken) -> Option<i32>,
) -> Option<(&'t NumberToken, &'t NumberToken, i32)> {
    if !f.contains('(') {
        return None;
    }
    for (k, v) in seg.iter().enumerate() {
        if !compatible(v, unit) || used.contains(&v.span.start) {
            continue;
        }
        let rest = &seg[k + 1..];
        let (b, year) = match rest {
            // "(2,4 prosent i 2023)"
            [b, y, ..] if b.kind == NumberKind::Quantity && y.kind == NumberKind::Year => {
                match year_after(b) {
                    Some(yr) => (*b, yr),
                    None => continue,
                }
            }
            // "(2023: 2,4 prosent)"
            [y, b, ..] if y.kind == NumberKind::Year && b.kind == NumberKind::Quantity => {
                let colon = f.get(y.span.end..b.span.start).unwrap_or("");
                if colon.trim() != ":" {
                    continue;
                }
                (*b, y.value as i32)
            }
            // "47 dagar (45)" after "66 dagar (69 dagar i 2023)": a bare figure alone in its
            // bracket has the year the sentence's other brackets give.
            [b, ..]
                if b.kind == NumberKind::Quantity
                    && f.get(b.span.end..)
                        .is_some_and(|r| r.trim_start().starts_with(')')) =>
            {
                match sentence_bracket_year(f) {
                    Some(yr) => (*b, yr),
                    None => continue,
                }
            }
            _ => continue,
        };
        let first = rest.first().map_or(b.span.start, |t| t.span.start);
        // "66 dagar (69 dagar i 2023)", also with the area's name between ("66 dagar i
        // somatikken (69 …)"); the bracket's figure may leave out the unit ("64 dagar (2023: 70)").
        let gap = f.get(v.span.end..first).unwrap_or("").trim();
        let Some(words) = gap.strip_suffix('(') else {
            continue;
        };
        if words.split_whitespace().count() > MAX_BRACKET_GAP_WORDS
            || words
                .chars()
                .any(|c| !c.is_alphabetic() && !c.is_whitespace())
            || (b.unit != v.unit && b.unit != NumUnit::None)
        {
            continue;
        }
        // "7,4 prosent i 2024 (…)" has its own year; "(2023: …)" right after is the bracket's.
        let own_year = if rest.first().is_some_and(|t| t.kind == NumberKind::Year) {
            None
        } else {
            year_after(v)
        };
        if own_year.is_some_and(|yv| yv <= year) {
            continue;
        }
        return Some((v, b, year));
    }
    None
}

/// The one year the brackets of a sentence give their figures ("66 dagar (69 dagar i 2023), 47
/// dagar (45)" → 2023), when a bracket names a year and no two name different ones.
fn sentence_bracket_year(f: &str) -> Option<i32> {
    let mut year: Option<i32> = None;
    let mut rest = f;
    while let Some(open) = rest.find('(') {
        let inner = &rest[open + 1..];
        let Some(close) = inner.find(')') else {
            break;
        };
        for t in lex(&inner[..close]) {
            if t.kind == NumberKind::Year {
                let y = t.value as i32;
                if year.is_some_and(|have| have != y) {
                    return None;
                }
                year = Some(y);
            }
        }
        rest = &inner[close + 1..];
    }
    year
}

/// "fra 121,4 til 96,0 mill. kroner": the scale written once, after the second figure, applies
/// to the first as well. Returns the factor to apply to `a`.
fn carried_scale(f: &str, a: &NumberToken, b: &NumberToken) -> f64 {
    if a.unit != NumUnit::None || b.unit != NumUnit::Nok {
        return 1.0;
    }
    let text = f.get(b.span.clone()).unwrap_or("");
    let digits: String = text
        .chars()
        .take_while(|c| {
            c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.' | '-' | '−')
        })
        .collect();
    match crate::extract::numbers::parse_number(digits.trim()) {
        Some(raw) if raw != 0.0 && b.value.is_finite() => {
            let scale = b.value / raw;
            if [1e3, 1e6, 1e9]
                .iter()
                .any(|s| (scale / s - 1.0).abs() < 1e-6)
            {
                scale
            } else {
                1.0
            }
        }
        _ => 1.0,
    }
}

/// Words that soften a figure without changing what it is ("fra i underkant av 80").
const APPROXIMATORS: &[&str] = &[
    "i underkant av",
    "i overkant av",
    "om lag",
    "omlag",
    "ca.",
    "ca",
    "rundt",
    "nesten",
    "vel",
    "drøyt",
    "knapt",
];

/// At most `words` words between two offsets (and no sentence punctuation); approximators
/// ("i underkant av", "ca.") do not count.
/// Most words between a figure and the "mot" that compares it with an earlier one.
const MAX_COMPARED_GAP_WORDS: usize = 10;

fn gap_ok(f: &str, from: usize, to: usize, words: usize) -> bool {
    if to < from || to - from > 40 {
        return false;
    }
    let Some(g) = f.get(from..to) else {
        return false;
    };
    if g.contains([';', ':']) {
        return false;
    }
    let mut g = format!(" {} ", g.trim());
    for a in APPROXIMATORS {
        g = g.replace(&format!(" {a} "), " ");
    }
    g.split_whitespace().count() <= words
}

#[cfg(test)]
mod tests;
