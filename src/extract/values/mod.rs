//! Where figures in prose are bound to entity, year and area: "For regionen samlet ble 86 prosent
//! …", "Tallet for X er 84 prosent, for Y 92 prosent", "Helse Nord-Trøndelag (HNT) har økt fra
//! 10,6 til 11,5 prosent", "fra 12,8 prosent i 2023 til 13.5 prosent i 2024",
//! "(2023: 10,4 prosent; 2024: 11,3 prosent)", "en økning … på 13,6 %".
//!
//! A sentence is cut at each entity mention; the figures up to the next mention belong to it.
//! Only figures in the target's unit are taken, so a count target does not read a percentage.

use crate::extract::entities::catalogue;
use crate::extract::numbers::{lex, NumUnit, NumberKind, NumberToken};
use crate::extract::phrases::{is_word, words};
use crate::extract::targets::subjects_in;
use crate::model::TargetUnit;
use crate::text::{find_phrase, fold};

mod segment;
mod single;
use segment::{read_segment, read_segments};
use single::read_one;
mod context;
use context::{
    absolute_change, bracketed_earlier, carried_scale, gap_ok, is_bound, is_denominator,
    is_planned, is_unweighted_mean, MAX_COMPARED_GAP_WORDS,
};

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
    // "eit underskot på 84,3 mill. kroner": an amount of money in a negative context is a
    // negative result (the lexer keeps the figure as written and marks the context).
    for t in tokens.iter_mut() {
        if t.negative_context && t.unit == NumUnit::Nok && t.value > 0.0 {
            t.value = -t.value;
        }
    }
    // "UNN og Finnmarkssykehuset lå over 58 dager": a bound, not a level.
    tokens.retain(|t| !is_bound(&f, t));
    // "Budsjettet for 2026 har eit overskot på 20 mill. kroner": a plan, not a result.
    tokens.retain(|t| !is_planned(&f, t));
    // "Et enkelt snitt av de fire foretakene gir 8,8 prosent": a mean nobody reports as its
    // own figure.
    tokens.retain(|t| !is_unweighted_mean(&f, t));
    // "De øvrige helseforetakene melder om uendret kapasitet" speaks of some trusts, not the region.
    let default = default.filter(|_| {
        !words()
            .get("group_words")
            .iter()
            .any(|w| f.contains(w.as_str()))
    });
    let mut out: Vec<Observation> = if mentions.is_empty() {
        match default {
            Some(d) => read_segments(&f, &tokens, 0, sentence.len(), unit, d),
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
            out.extend(read_segments(f, tokens, start, m.span.start, unit, &entity));
        }
        return out;
    }
    // Figures before the first name: "… er uendret fra 2023 til 2024 ved regionens tre
    // helseforetak" belongs to the entity named after a preposition; otherwise to `default`.
    let first = &mentions[0];
    if first.span.start > 12 {
        let before = f[..first.span.start].trim_end();
        let prepositional = before
            .rsplit(' ')
            .next()
            .is_some_and(|p| before.len() > p.len() && is_word("entity_prepositions", p));
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
            out.extend(read_segments(f, tokens, 0, first.span.start, unit, &owner));
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
                    if let Some(o) = read_segment(f, tokens, start, end, unit, &entity) {
                        *prev = o;
                    }
                }
            }
            continue;
        }
        let found = read_segments(f, tokens, start, end, unit, &entity);
        if !found.is_empty() {
            out.extend(found);
        } else if i + 1 < mentions.len() && mentions[i + 1].entity == m.entity {
            continue;
        }
    }
    out
}

/// The year a sentence opens with ("I 2024 var det …"), when it names no other year.
fn leading_year(f: &str, tokens: &[NumberToken]) -> Option<i32> {
    let mut years = tokens.iter().filter(|t| t.kind == NumberKind::Year);
    let first = years.next()?;
    if years.any(|t| t.value != first.value) {
        return None;
    }
    let lead = f.get(..first.span.start)?.trim();
    is_word("year_leads", lead).then_some(first.value as i32)
}

/// "respectively": names listed first, then their figures in the same order.
/// "A og B låg på høvesvis 76 og 78 pst.": the names right before "henholdsvis"/"høvesvis" (with
/// no figure between them) paired in order with as many figures after it. Returns (index into
/// `anchors`, figure); empty unless the counts agree.
pub(super) fn respectively<'t>(
    f: &str,
    anchors: &[(usize, usize)],
    tokens: &'t [NumberToken],
    unit: Option<TargetUnit>,
) -> Vec<(usize, &'t NumberToken)> {
    if anchors.len() < 2 {
        return Vec::new();
    }
    let words = crate::extract::phrases::targets().get("respectively");
    let Some(r) = words.iter().find_map(|w| find_phrase(f, w, 0)) else {
        return Vec::new();
    };
    let before = names_before(f, anchors, tokens, unit, r.clone());
    if before.is_empty() {
        names_after(f, anchors, tokens, unit, r.end)
    } else {
        before
    }
}

/// "… var høvesvis 68,4, 73,1 og 66,2 prosent ved UNN, NLSH og FIN": the list of figures right
/// after the word paired in order with a list of as many names right after the figures.
fn names_after<'t>(
    f: &str,
    anchors: &[(usize, usize)],
    tokens: &'t [NumberToken],
    unit: Option<TargetUnit>,
    from: usize,
) -> Vec<(usize, &'t NumberToken)> {
    let figures: Vec<&NumberToken> = tokens
        .iter()
        .filter(|t| t.span.start >= from && t.kind == NumberKind::Quantity)
        .collect();
    let mut n = usize::from(!figures.is_empty());
    while n < figures.len() {
        let gap = f
            .get(figures[n - 1].span.end..figures[n].span.start)
            .unwrap_or("")
            .trim();
        if !crate::extract::phrases::is_list_joint(gap) {
            break;
        }
        n += 1;
    }
    if n < 2 {
        return Vec::new();
    }
    let end = figures[n - 1].span.end;
    let Some(first) = anchors.iter().position(|a| a.0 >= end) else {
        return Vec::new();
    };
    let words = |a: usize, b: usize| f.get(a..b).unwrap_or("").split_whitespace().count();
    // "… prosent ved UNN": a unit and a preposition at most before the names.
    if words(end, anchors[first].0) > 2 {
        return Vec::new();
    }
    let mut last = first;
    while last + 1 < anchors.len() && words(anchors[last].1, anchors[last + 1].0) <= 1 {
        last += 1;
    }
    let unit_of_last = figures[n - 1].unit;
    let fits = |t: &NumberToken| {
        compatible(t, unit) || (t.unit == NumUnit::None && unit_of_last != NumUnit::None)
    };
    if last + 1 - first != n
        || !figures[..n].iter().all(|t| fits(t))
        || !compatible(figures[n - 1], unit)
    {
        return Vec::new();
    }
    (first..=last).zip(figures[..n].iter().copied()).collect()
}

/// [`respectively`] with the names before the word.
fn names_before<'t>(
    f: &str,
    anchors: &[(usize, usize)],
    tokens: &'t [NumberToken],
    unit: Option<TargetUnit>,
    r: std::ops::Range<usize>,
) -> Vec<(usize, &'t NumberToken)> {
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
                    .is_some_and(|w| is_word("backward_prepositions", w))
            {
                backward += 1;
            }
        }
    }
    backward > forward && backward * 2 >= anchors.len()
}

#[cfg(test)]
mod tests;
