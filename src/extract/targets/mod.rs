//! Where a target sentence is read. The target grammar turns a sentence such as
//! "Andelen … skal være minst 70 pst.", "… skal reduseres med 20 % sammenlignet med 2023",
//! "… skal vere lik eller under 65 dagar i somatikken, 50 dagar i PHV …" or
//! "… skal holdes på samme nivå, eller lavere, enn i 2019" into one or more `Target`s.
//!
//! The sentence is split at its modal ("skal") or goal lead ("Målsetningen på sikt er"):
//! numbers before it belong to the *name* of the measure ("enheter med sykefravær over 10 %")
//! and are never thresholds — except a leading "Minst 70 pst. av …". The phrase lists live in
//! `data/phrases/targets.txt`.

use crate::extract::numbers::{lex, NumUnit, NumberKind, NumberToken};
use crate::extract::phrases::{self, first_of};
use crate::model::{Comparator, Target, TargetUnit};
use crate::text::fold;

mod nominal;
pub use nominal::parse_nominal_target;
use nominal::{bare_label_figure, noun_lead};
mod predicate;
pub use predicate::number_word;
use predicate::{
    fronted_phrase, is_comparison_with_quantity, leading_threshold, measure_end, nominal_kind,
    object_end, predicate_kind, predicate_near, predicate_near_after_subject, range_after,
    word_before, words_after_comparators, zero_by_negation,
};
mod quantity;
pub use quantity::label_year;
use quantity::{
    baseline_year, change_size, change_size_pp, share_list_unit, target_unit, target_year,
    to_threshold, unit_from_measure,
};
mod subjects;
pub use subjects::{area_mentions, subjects_in};
use subjects::{by_area, listed_figures, measure_of, per_subject_thresholds, strip_label};

/// Sentences longer than this are not parsed as targets (they are not sentences but runs of
/// text the document model could not split).
pub const MAX_TARGET_SENTENCE: usize = 1200;

/// A target read from a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetSpec {
    pub target: Target,
    /// What is measured, in the report's words.
    pub measure: String,
    /// Areas the target covers when it names several with one threshold ("for somatikk, PHV og TSB").
    pub subjects: Vec<String>,
    /// The sentence names this one area only ("Ventetida i TSB skal reduserast"): a figure that
    /// names no area is this area's.
    pub sole_area: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Anchor {
    Modal,
    Goal,
    Request,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Threshold(Comparator),
    Within,
    Change(Comparator),
    SameLevel(Comparator),
    Zero,
    /// "mellom 85 og 90 prosent": at least the first figure and at most the second.
    Between,
}

/// Reads every target a sentence sets; empty when it sets none.
pub fn parse_targets(sentence: &str) -> Vec<TargetSpec> {
    if sentence.len() > MAX_TARGET_SENTENCE || sentence.len() < 12 {
        return Vec::new();
    }
    parse_targets_folded(sentence, &fold(sentence))
}

/// [`parse_targets`] for a sentence already folded (`f == fold(sentence)`), so that a caller
/// reading one sentence several ways folds it once.
pub fn parse_targets_folded(sentence: &str, f: &str) -> Vec<TargetSpec> {
    if sentence.len() > MAX_TARGET_SENTENCE || sentence.len() < 12 {
        return Vec::new();
    }
    let whole = read_sentence(sentence, f);
    if whole.len() > 1 {
        return whole;
    }
    // "… skulle delen fristbrot vere høgst 1,0 prosent, og minst 70 prosent av pakkeforløpa
    // skulle gjennomførast innanfor normert forløpstid": two clauses that each set a target of
    // their own are two targets.
    let joints = std::iter::once("; ".to_string()).chain(
        phrases::targets()
            .get("clause_joints")
            .iter()
            .map(|w| format!(", {w} ")),
    );
    for joint in joints {
        let Some(at) = f.find(joint.as_str()) else {
            continue;
        };
        let cut = at + joint.len();
        let (Some(a), Some(b), Some(fa), Some(fb)) = (
            sentence.get(..at),
            sentence.get(cut..),
            f.get(..at),
            f.get(cut..),
        ) else {
            continue;
        };
        let first = read_sentence(a, fa);
        let second = read_sentence(b, fb);
        if first.len() == 1 && !second.is_empty() {
            return first.into_iter().chain(second).collect();
        }
    }
    whole
}

/// The targets of one sentence or clause.
fn read_sentence(sentence: &str, f: &str) -> Vec<TargetSpec> {
    if sentence.len() < 12 {
        return Vec::new();
    }
    let book = phrases::targets();
    // "Til sammenligning var kravet i 2019 at …": a requirement given for comparison is not
    // one the report answers.
    if book
        .get("reference_leads")
        .iter()
        .any(|p| f.trim_start().starts_with(p.as_str()))
    {
        return Vec::new();
    }
    let Some(a) = anchor_of(f, book) else {
        return Vec::new();
    };
    let (anchor, anchor_start, anchor_end, clause_start) =
        (a.anchor, a.start, a.end, a.clause_start);
    let lead_measure = a.lead_measure.as_deref();
    let long_term = first_of(f, book.get("long_term"), 0).is_some();
    // Most sentences have no anchor and return above; the numbers are read only for the rest.
    let mut tokens = lex(sentence);
    words_after_comparators(sentence, f, anchor_end, &mut tokens);
    share_list_unit(f, &mut tokens);

    // "Det skal ikke være fristbrudd." / "Ingen pasientar skal vente meir enn 12 månader.":
    // nothing of the kind may occur — at most 0.
    if anchor == Anchor::Modal {
        if let Some(measure) = zero_by_negation(sentence, f, &tokens, anchor_start, anchor_end) {
            let year = target_year(f, &tokens, None);
            return vec![TargetSpec {
                target: level(
                    Comparator::AtMost,
                    0.0,
                    TargetUnit::Count,
                    (None, year),
                    long_term,
                ),
                measure,
                subjects: subjects_in(f, 0),
                sole_area: false,
            }];
        }
    }
    // A leading "Minst 70 pst. av …" is the threshold even though it stands before the modal.
    // "… er det sett krav om at minst 70 prosent av epikrisane skal …": the clause the modal
    // stands in opens after its "at".
    let at_clause = match anchor {
        Anchor::Modal => f
            .get(clause_start..anchor_start)
            .and_then(|h| h.rfind(" at "))
            .map_or(clause_start, |p| clause_start + p + 4),
        _ => clause_start,
    };
    let leading = leading_threshold(f, &tokens, anchor_start, clause_start)
        .or_else(|| leading_threshold(f, &tokens, anchor_start, at_clause));
    let (kind, kind_at, kind_end) = match leading {
        Some((k, at, end)) => (k, at, end),
        None if anchor == Anchor::Request => match nominal_kind(f, anchor_end) {
            Some(x) => x,
            None => return Vec::new(),
        },
        None => match predicate_kind(f, &tokens, anchor_end, word_before(f, anchor_start)) {
            Some(x) => x,
            // "Måltal 2024: sjukefråvær 7,0 %", and after a copula "Resultatkravet for 2026 er
            // et overskudd på 60 mill. kroner": a bare figure whose direction the measure gives.
            None if anchor == Anchor::Goal => {
                match bare_label_figure(f, &tokens, anchor_end, lead_measure) {
                    Some(x) => x,
                    None => return Vec::new(),
                }
            }
            None => return Vec::new(),
        },
    };
    // "Et relevant måltall er andelen reinnleggelser innen 30 dager": after a noun lead,
    // "innen N dager" names the measure, it sets no limit.
    if lead_measure.is_some() && kind == Kind::Within {
        return Vec::new();
    }
    // The requirement is the predicate itself: "skal (i 2025) være minst …", "skal reduseres …",
    // not a purpose clause further on ("skal iverksette tiltak for å redusere …").
    // "Innan 2027 skal delen tvangsinnleggingar i psykisk helsevern for vaksne reduserast …":
    // after a fronted phrase the subject follows the modal and stands between it and the
    // predicate.
    let fronted = anchor == Anchor::Modal && fronted_phrase(f.get(..anchor_start).unwrap_or(""));
    let near_enough = if fronted {
        predicate_near_after_subject(f, anchor_end, kind_at)
    } else {
        predicate_near(f, anchor_end, kind_at)
    };
    if leading.is_none() && !near_enough {
        return Vec::new();
    }

    let measure = measure_for(
        sentence,
        f,
        &tokens,
        &a,
        (kind_at, kind_end),
        leading.is_some(),
        fronted,
    );
    let has_measure_noun = first_of(f, book.get("measure_nouns"), 0).is_some();
    let baseline_year = baseline_year(f, &tokens, kind_at);
    let is_change = matches!(kind, Kind::Change(_) | Kind::SameLevel(_));
    // A goal or a request without numbers must at least say what it is compared with — or be
    // a stated requirement ("ble det stilt krav om … med målsetting om en vesentlig reduksjon").
    let is_requirement = anchor == Anchor::Request && f.contains("krav");
    if anchor != Anchor::Modal && is_change && baseline_year.is_none() && !is_requirement {
        return Vec::new();
    }
    let target_year = target_year(f, &tokens, baseline_year);
    let subjects_all = subjects_in(f, 0);

    let reading = Reading {
        sentence,
        f,
        tokens: &tokens,
        kind,
        kind_at,
        kind_end,
        baseline_year,
        target_year,
        long_term,
        subjects: subjects_all,
    };
    match kind {
        Kind::Threshold(_) | Kind::Within => threshold_targets(reading, measure),
        Kind::Between => range_targets(reading, measure),
        Kind::Zero => by_area(vec![TargetSpec {
            target: level(
                Comparator::AtMost,
                0.0,
                unit_from_measure(f).unwrap_or(TargetUnit::Count),
                (baseline_year, target_year),
                long_term,
            ),
            measure,
            subjects: reading.subjects,
            sole_area: false,
        }]),
        Kind::Change(cmp) | Kind::SameLevel(cmp) => {
            change_targets(reading, cmp, measure, is_requirement, has_measure_noun)
        }
    }
}

/// Where a sentence's requirement is anchored: at its modal, its goal lead or its request
/// lead, and what a noun lead before it gives.
struct Anchored {
    anchor: Anchor,
    start: usize,
    end: usize,
    /// Where the clause of a labelled modal opens ("Styringsmål 2025: Foretaksgruppen skal …").
    clause_start: usize,
    /// The measure a noun lead names ("Kravet til epikrisetid").
    lead_measure: Option<String>,
}

/// The anchor of a sentence; `None` when it has neither a modal nor a goal or request lead.
fn anchor_of(f: &str, book: &phrases::PhraseBook) -> Option<Anchored> {
    let modal = first_of(f, book.get("modal"), 0);
    let mut goal = first_of(f, book.get("goal_lead"), 0).or_else(|| {
        first_of(f, book.get("set_requirement_lead"), 0).filter(|(r, _)| {
            let rest = f[r.end..].trim_start();
            !rest.starts_with("å ") && !rest.starts_with("at ")
        })
    });
    // "Kravet til epikrisetid er at …", "Styringsmålet for sykefravær i 2025 er …",
    // "Måltall 2025: …": a noun lead at the start of the sentence, when no fixed lead is there.
    let lead = noun_lead(f);
    let mut lead_measure: Option<String> = None;
    let mut clause_start = 0;
    if let Some(l) = &lead {
        let earlier = goal.as_ref().is_none_or(|(g, _)| l.start < g.start);
        // A label with a modal after it ("Styringsmål 2025: Foretaksgruppen skal ha …") is
        // read from the modal; the label gives the year and where a leading threshold may stand.
        // So is "Kravet for 2024 var at … skulle reduserast …": the modal carries the predicate.
        let ends_with_at = f[..l.end].ends_with(" at");
        let modal_after_label =
            (l.label || ends_with_at) && modal.as_ref().is_some_and(|(m, _)| m.start > l.end);
        if modal_after_label {
            clause_start = l.end;
        } else if earlier {
            goal = Some((l.start..l.end, ""));
            lead_measure = Some(l.measure.clone());
        }
    }
    let (anchor_start, anchor_end, anchor) = match (modal, goal) {
        (Some((m, _)), Some((g, _))) => {
            // "Målsettinga på sikt er at ventetida i somatikken ikkje skal overstige …": a goal
            // lead whose clause has its own modal is read from the modal.
            let clause_with_modal = f[g.end..].trim_start().starts_with("at ") && m.start > g.end;
            if g.start < m.start && !clause_with_modal {
                (g.start, g.end, Anchor::Goal)
            } else {
                (m.start, m.end, Anchor::Modal)
            }
        }
        (Some((m, _)), None) => (m.start, m.end, Anchor::Modal),
        (None, Some((g, _))) => (g.start, g.end, Anchor::Goal),
        (None, None) => match first_of(f, book.get("requirement_lead"), 0) {
            Some((r, _)) => (r.start, r.end, Anchor::Request),
            None => return None,
        },
    };
    Some(Anchored {
        anchor,
        start: anchor_start,
        end: anchor_end,
        clause_start,
        lead_measure,
    })
}

/// What a target measures: between a goal lead and its comparator, the object of a change,
/// the subject after a fronted phrase, or the words before the modal.
fn measure_for(
    sentence: &str,
    f: &str,
    tokens: &[NumberToken],
    a: &Anchored,
    (kind_at, kind_end): (usize, usize),
    leading: bool,
    fronted: bool,
) -> String {
    let book = phrases::targets();
    let (anchor, anchor_start, anchor_end) = (a.anchor, a.start, a.end);
    let lead_measure = a.lead_measure.as_deref();
    match anchor {
        // "Målsetningen på sikt er gjennomsnittlig ventetid lavere enn …": between lead and comparator.
        Anchor::Goal | Anchor::Request => {
            let (from, to) = if anchor == Anchor::Goal {
                (anchor_end, kind_at)
            } else {
                (kind_end, measure_end(f, kind_end))
            };
            let m: String = sentence
                .get(from..to.max(from))
                .unwrap_or("")
                .trim()
                .trim_end_matches([',', '.'])
                .chars()
                .take(160)
                .collect();
            let weak = m.chars().count() < 4
                || crate::extract::phrases::words()
                    .get("deadline_prepositions")
                    .iter()
                    .any(|w| fold(&m).starts_with(w.as_str()));
            let hint = lead_measure.filter(|h| h.chars().count() >= 4);
            if anchor == Anchor::Goal && weak && hint.is_some() {
                hint.unwrap_or_default().to_string()
            } else if anchor == Anchor::Goal && weak {
                // "Målet er å redusere antall overliggerdøgn med 20 prosent": the object.
                let end = object_end(f, kind_end);
                sentence
                    .get(kind_end..end.max(kind_end))
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches([',', '.'])
                    .chars()
                    .take(160)
                    .collect()
            } else if anchor == Anchor::Goal {
                // "er målet for sykefravær 6,5 prosent", "er kravet en gjennomsnittleg ventetid
                // under 54 dagar": the measure without its preposition or article.
                strip_measure_lead(&m).to_string()
            } else if anchor == Anchor::Request && weak {
                // "… rapportering av utviklingen i bruken av innleie …, med målsetting om en reduksjon"
                let head = f.get(..anchor_start).unwrap_or("");
                let at = head.rfind(" av ").map_or(0, |p| p + 4);
                sentence
                    .get(at..anchor_start)
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches([',', '.'])
                    .chars()
                    .take(160)
                    .collect()
            } else {
                m
            }
        }
        // After a fronted phrase, the subject between the modal and its copula or predicate:
        // "Innan 2026 skal ventetida i somatikken vere …" → "ventetida i somatikken".
        Anchor::Modal if fronted && !leading => {
            let gap = sentence
                .get(anchor_end..kind_at.max(anchor_end))
                .unwrap_or("");
            let copulas = book.get("copulas");
            let mut end = gap.len();
            let mut at = 0;
            for w in gap.split_inclusive(' ') {
                if copulas.iter().any(|c| c == &fold(w.trim())) {
                    end = at;
                    break;
                }
                at += w.len();
            }
            let m = gap[..end].trim();
            if m.chars().count() >= 4 {
                m.chars().take(160).collect()
            } else {
                measure_of(sentence, f, anchor_start, tokens, false)
            }
        }
        Anchor::Modal => measure_of(sentence, f, anchor_start, tokens, leading),
    }
}

/// A sentence whose anchor and predicate are read: what each kind of target is built from.
struct Reading<'a> {
    sentence: &'a str,
    f: &'a str,
    tokens: &'a [NumberToken],
    kind: Kind,
    kind_at: usize,
    kind_end: usize,
    baseline_year: Option<i32>,
    target_year: Option<i32>,
    long_term: bool,
    subjects: Vec<String>,
}

/// A level ("minst 70 prosent", "innen 12 minutter i 90 prosent av …"), one per area when
/// the sentence gives one threshold per area.
fn threshold_targets(reading: Reading, mut measure: String) -> Vec<TargetSpec> {
    let Reading {
        sentence,
        f,
        tokens,
        kind,
        kind_at,
        kind_end,
        baseline_year,
        target_year,
        long_term,
        subjects: subjects_all,
    } = reading;
    let mut out = Vec::new();
    let cmp = match kind {
        Kind::Threshold(c) => c,
        _ => Comparator::AtMost,
    };
    let Some(first) = tokens
        .iter()
        .find(|t| t.span.start >= kind_end && is_quantity(t))
    else {
        return Vec::new();
    };
    // "Minst 8 av 10 epikrisar …": a share written as a fraction is that percentage.
    let fraction = tokens
        .iter()
        .find(|t| t.span.start > first.span.end)
        .filter(|m| {
            is_quantity(m)
                && first.unit == NumUnit::None
                && m.unit == NumUnit::None
                && m.value > first.value
                && f.get(first.span.end..m.span.start)
                    .is_some_and(|g| g.trim() == "av")
        });
    let mut shared;
    let first = match fraction {
        Some(m) => {
            shared = first.clone();
            shared.value = first.value / m.value * 100.0;
            shared.unit = NumUnit::Percent;
            measure = measure
                .strip_prefix(sentence.get(m.span.clone()).unwrap_or(""))
                .map_or(measure.clone(), |r| r.trim().to_string());
            &shared
        }
        None => first,
    };
    // "… framme innan 12 minutt i 90 prosent av oppdraga": a time limit met in a share
    // of the cases is a target for that share, at least.
    if kind == Kind::Within {
        let share = tokens
            .iter()
            .find(|t| t.span.start > first.span.end)
            .filter(|t| {
                t.unit == NumUnit::Percent
                    && f.get(first.span.end..t.span.start)
                        .is_some_and(|g| g.split_whitespace().last() == Some("i"))
                    && f.get(t.span.end..)
                        .is_some_and(|r| r.trim_start().starts_with("av "))
            });
        if let Some(share) = share {
            // "ambulansen innan 12 minutt": the limit is part of what is measured.
            let limit = sentence
                .get(kind_at..share.span.start)
                .unwrap_or("")
                .trim()
                .trim_end_matches(" i")
                .trim();
            let measure = format!("{measure} {limit}");
            return vec![TargetSpec {
                target: level(
                    Comparator::AtLeast,
                    share.value,
                    TargetUnit::Percent,
                    (baseline_year, target_year),
                    long_term,
                ),
                measure,
                subjects: subjects_all,
                sole_area: false,
            }];
        }
    }
    if kind == Kind::Within && first.unit != NumUnit::Days {
        return Vec::new();
    }
    // "minst 3 prosentpoeng over 2025-nivået": points above a baseline year's level are a
    // change from it, not a level of 3 %; without a baseline year they are unknown.
    if first.unit == NumUnit::PercentagePoints {
        let Some(base) = baseline_year else {
            return Vec::new();
        };
        let comparator = match cmp {
            Comparator::AtLeast | Comparator::Above => Comparator::Increase,
            _ => Comparator::Decrease,
        };
        return by_area(vec![TargetSpec {
            target: Target {
                comparator,
                threshold: None,
                unit: Some(TargetUnit::Percent),
                baseline_year: Some(base),
                change_pct: None,
                change_pp: Some(first.value),
                target_year,
                subject: None,
                long_term,
            },
            measure,
            subjects: subjects_all,
            sole_area: false,
        }]);
    }
    // Units that make no sense as a "over/under" threshold without a unit: "over 3 år".
    if first.unit == NumUnit::None && matches!(cmp, Comparator::Above | Comparator::Below) {
        return Vec::new();
    }
    // Ages and durations in years name a group ("barn under 18 år"), not a level.
    if !matches!(
        first.unit,
        NumUnit::None
            | NumUnit::Percent
            | NumUnit::PercentagePoints
            | NumUnit::Days
            | NumUnit::Nok
            | NumUnit::Per100k
            | NumUnit::Persons
            | NumUnit::Fte
            | NumUnit::Hours
            | NumUnit::Weeks
            | NumUnit::Months
    ) {
        return Vec::new();
    }
    let same_unit: Vec<&NumberToken> = tokens
        .iter()
        .filter(|t| t.span.start >= first.span.start && is_quantity(t) && t.unit == first.unit)
        .collect();
    let per_subject = per_subject_thresholds(f, &same_unit);
    let base = level(
        cmp,
        first.value,
        target_unit(first.unit, f),
        (baseline_year, target_year),
        long_term,
    );
    if per_subject.len() > 1 {
        for (value, subject) in per_subject {
            let mut t = base.clone();
            t.threshold = Some(value);
            t.subject = Some(subject.clone());
            out.push(TargetSpec {
                target: t,
                measure: measure.clone(),
                subjects: vec![subject],
                sole_area: false,
            });
        }
    } else if listed_figures(f, &same_unit) {
        // Several thresholds the reader cannot give an area each: unknown, not the first.
        return Vec::new();
    } else {
        out.push(TargetSpec {
            target: base,
            measure,
            subjects: subjects_all,
            sole_area: false,
        });
    }
    by_area(out)
}

/// A range ("skal ligge mellom 85 og 90 prosent"): two targets on one measure, at least the
/// low figure and at most the high one.
fn range_targets(reading: Reading, measure: String) -> Vec<TargetSpec> {
    let Some((low, high)) = range_after(reading.f, reading.tokens, reading.kind_end) else {
        return Vec::new();
    };
    let unit = target_unit(high.unit, reading.f);
    let years = (reading.baseline_year, reading.target_year);
    let out = [
        (Comparator::AtLeast, low.value),
        (Comparator::AtMost, high.value),
    ]
    .into_iter()
    .map(|(cmp, value)| TargetSpec {
        target: level(cmp, value, unit, years, reading.long_term),
        measure: measure.clone(),
        subjects: reading.subjects.clone(),
        sole_area: false,
    })
    .collect();
    by_area(out)
}

/// A change ("reduseres med 20 % fra 2023", "halverast"), a level it changes to, or the same
/// level as a baseline year.
fn change_targets(
    reading: Reading,
    cmp: Comparator,
    measure: String,
    is_requirement: bool,
    has_measure_noun: bool,
) -> Vec<TargetSpec> {
    let Reading {
        sentence: _,
        f,
        tokens,
        kind,
        kind_at,
        kind_end,
        baseline_year,
        target_year,
        long_term,
        subjects: subjects_all,
    } = reading;
    let book = phrases::targets();
    let mut out = Vec::new();
    let qualitative =
        matches!(kind, Kind::Change(_)) && is_comparison_with_quantity(f, kind_end, tokens);
    // "skal halverast": the word itself gives the size (`[halving]`).
    let halving = f
        .get(kind_at..kind_end)
        .is_some_and(|w| book.get("halving").iter().any(|h| w.trim() == h.as_str()));
    let change_pct = if matches!(kind, Kind::Change(_)) {
        change_size(f, tokens, kind_end).or(halving.then_some(50.0))
    } else {
        None
    };
    // "reduseres til 50 dager" / "økes til 80 %": a threshold after all, whoever the sentence
    // opens with ("Styret har vedtatt at sykefraværet skal ned til 7,5 prosent").
    if let (Kind::Change(c), None) = (kind, change_pct) {
        if let Some((t, written)) = to_threshold(f, tokens, kind_end) {
            let cmp = written.unwrap_or(if c == Comparator::Increase {
                Comparator::AtLeast
            } else {
                Comparator::AtMost
            });
            out.push(TargetSpec {
                target: level(
                    cmp,
                    t.value,
                    target_unit(t.unit, f),
                    (baseline_year, target_year),
                    long_term,
                ),
                measure,
                subjects: subjects_all,
                sole_area: false,
            });
            return by_area(out);
        }
    }
    // "skal økes med minst 2 prosentpoeng fra 2024": a change in points from a baseline year.
    let change_pp = match (kind, change_pct) {
        (Kind::Change(_), None) => {
            change_size_pp(f, tokens, kind_end).filter(|_| baseline_year.is_some())
        }
        _ => None,
    };
    // Without a baseline or a size, only a sentence that opens with what is measured
    // ("Ventetidene skal reduseres") is a target.
    let opens_with_measure = f.split_whitespace().take(2).any(|w| {
        book.get("measure_nouns").iter().any(|n| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .starts_with(n.as_str())
        })
    });
    if baseline_year.is_none()
        && change_pct.is_none()
        && !qualitative
        && !is_requirement
        && !(has_measure_noun && opens_with_measure)
    {
        return Vec::new();
    }
    let comparator = if qualitative {
        Comparator::Qualitative
    } else {
        cmp
    };
    out.push(TargetSpec {
        target: Target {
            comparator,
            threshold: None,
            unit: unit_from_measure(&fold(&measure)).or_else(|| unit_from_measure(f)),
            baseline_year: if qualitative { None } else { baseline_year },
            change_pct,
            change_pp: change_pp.filter(|_| !qualitative),
            target_year,
            subject: None,
            long_term,
        },
        measure,
        subjects: subjects_all,
        sole_area: false,
    });
    by_area(out)
}

/// A target that sets one level for the whole of its sentence (no area yet): comparator,
/// threshold and unit, its (baseline, target) years, whether it is long-term.
fn level(
    comparator: Comparator,
    threshold: f64,
    unit: TargetUnit,
    (baseline_year, target_year): (Option<i32>, Option<i32>),
    long_term: bool,
) -> Target {
    Target {
        comparator,
        threshold: Some(threshold),
        unit: Some(unit),
        baseline_year,
        change_pct: None,
        change_pp: None,
        target_year,
        subject: None,
        long_term,
    }
}

/// At most for a measure where lower is better, at least where higher is better.
pub(crate) fn measure_polarity(f: &str) -> Option<Comparator> {
    let book = phrases::targets();
    let has = |section: &str| {
        book.get(section).iter().any(|stem| {
            crate::text::find_bytes(f.as_bytes(), stem.as_bytes()).is_some_and(|i| {
                f[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        })
    };
    if has("lower_is_better") {
        Some(Comparator::AtMost)
    } else if has("higher_is_better") {
        Some(Comparator::AtLeast)
    } else {
        None
    }
}

fn starts_with_phrase(f: &str, p: &str) -> bool {
    let t = f.trim_start();
    t.starts_with(p)
        && t[p.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

fn is_quantity(t: &NumberToken) -> bool {
    t.kind == NumberKind::Quantity && t.value.is_finite()
}

/// Only whitespace and at most `words` short filler words between `from` and `to`.
fn near(f: &str, from: usize, to: usize, words: usize) -> bool {
    if to < from || to - from > 40 {
        return false;
    }
    f.get(from..to)
        .is_some_and(|gap| gap.split_whitespace().count() <= words)
}

#[cfg(test)]
mod tests;

/// `m` without the words of data/phrases/words.txt `[measure_leads]` before it ("for
/// sykefravær" → "sykefravær", "en gjennomsnittlig ventetid" → "gjennomsnittlig ventetid"),
/// unless nothing would be left.
fn strip_measure_lead(m: &str) -> &str {
    let mut rest = m;
    while let Some((w, tail)) = rest.split_once(' ') {
        if tail.trim().is_empty() || !crate::extract::phrases::is_word("measure_leads", &fold(w)) {
            break;
        }
        rest = tail.trim_start();
    }
    rest
}
