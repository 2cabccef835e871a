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
    let mut label = false;
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
            label = l.label;
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
            None => return Vec::new(),
        },
    };
    let long_term = first_of(f, book.get("long_term"), 0).is_some();
    // Most sentences have no anchor and return above; the numbers are read only for the rest.
    let mut tokens = lex(sentence);
    words_after_comparators(sentence, f, anchor_end, &mut tokens);

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
            None if label && anchor == Anchor::Goal => {
                match bare_label_figure(f, &tokens, anchor_end, lead_measure.as_deref()) {
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

    let measure = match anchor {
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
                || ["innen", "innan", "i løpet"]
                    .iter()
                    .any(|w| fold(&m).starts_with(w));
            let hint = lead_measure.as_deref().filter(|h| h.chars().count() >= 4);
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
        Anchor::Modal if fronted && leading.is_none() => {
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
                measure_of(sentence, f, anchor_start, &tokens, false)
            }
        }
        Anchor::Modal => measure_of(sentence, f, anchor_start, &tokens, leading.is_some()),
    };
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

    let mut out = Vec::new();
    match kind {
        Kind::Threshold(_) | Kind::Within => {
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
                .filter(|t| {
                    t.span.start >= first.span.start && is_quantity(t) && t.unit == first.unit
                })
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
            } else {
                out.push(TargetSpec {
                    target: base,
                    measure,
                    subjects: subjects_all,
                    sole_area: false,
                });
            }
        }
        Kind::Zero => out.push(TargetSpec {
            target: level(
                Comparator::AtMost,
                0.0,
                unit_from_measure(f).unwrap_or(TargetUnit::Count),
                (baseline_year, target_year),
                long_term,
            ),
            measure,
            subjects: subjects_all,
            sole_area: false,
        }),
        Kind::Change(cmp) | Kind::SameLevel(cmp) => {
            let qualitative = matches!(kind, Kind::Change(_))
                && is_comparison_with_quantity(f, kind_end, &tokens);
            let change_pct = if matches!(kind, Kind::Change(_)) {
                change_size(f, &tokens, kind_end)
            } else {
                None
            };
            // "reduseres til 50 dager" / "økes til 80 %": a threshold after all, whoever the sentence
            // opens with ("Styret har vedtatt at sykefraværet skal ned til 7,5 prosent").
            if let (Kind::Change(c), None) = (kind, change_pct) {
                if let Some((t, written)) = to_threshold(f, &tokens, kind_end) {
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
                    target_year,
                    subject: None,
                    long_term,
                },
                measure,
                subjects: subjects_all,
                sole_area: false,
            });
        }
    }
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
        target_year,
        subject: None,
        long_term,
    }
}

/// One target for the areas its sentence names: "Ventetida i psykisk helsevern barn og unge skal
/// reduserast" is that area's; "For psykisk helsevern vaksne og TSB skal ventetida vere under 45
/// dagar" is one target per area with the same limit. A comparison with another quantity
/// ("høyere enn i somatikk") names areas as its terms, not as what it covers.
fn by_area(mut out: Vec<TargetSpec>) -> Vec<TargetSpec> {
    if out.len() != 1
        || out[0].target.subject.is_some()
        || out[0].target.comparator == Comparator::Qualitative
        || out[0].subjects.is_empty()
    {
        return out;
    }
    let Some(mut spec) = out.pop() else {
        return out;
    };
    // "psykisk helsevern og rusbehandling": the unqualified area names both age groups, so the
    // one area matched (TSB) is not all the target covers.
    let f = fold(&spec.measure);
    let unqualified = crate::text::find_phrase(&f, "psykisk helsevern", 0)
        .or_else(|| crate::text::find_phrase(&f, "psykiske helsevern", 0))
        .is_some_and(|r| {
            let rest = f[r.end..].trim_start();
            ![
                "voksne",
                "vaksne",
                "for voksne",
                "for vaksne",
                "barn",
                "for barn",
                "for born",
            ]
            .iter()
            .any(|q| rest.starts_with(q))
        });
    if unqualified {
        return vec![spec];
    }
    if spec.subjects.len() == 1 {
        spec.target.subject = Some(spec.subjects[0].clone());
        spec.sole_area = true;
        return vec![spec];
    }
    spec.subjects
        .iter()
        .map(|a| {
            let mut one = spec.clone();
            one.target.subject = Some(a.clone());
            one
        })
        .collect()
}

/// Reads a requirement written as a noun phrase, "Reduksjon i andel ikke-planlagte
/// reinnleggelser …" or "Økt andel …". Only used where a claim follows (the caller decides).
pub fn parse_nominal_target(sentence: &str) -> Option<TargetSpec> {
    if sentence.len() > MAX_TARGET_SENTENCE {
        return None;
    }
    let f = fold(sentence);
    let book = phrases::targets();
    let tokens = lex(sentence);
    let cmp = if book
        .get("nominal_decrease")
        .iter()
        .any(|p| starts_with_phrase(&f, p))
    {
        Comparator::Decrease
    } else if book
        .get("nominal_increase")
        .iter()
        .any(|p| starts_with_phrase(&f, p))
    {
        Comparator::Increase
    } else {
        return None;
    };
    first_of(&f, book.get("measure_nouns"), 0)?;
    let baseline_year = baseline_year(&f, &tokens, 0);
    Some(TargetSpec {
        target: Target {
            comparator: cmp,
            threshold: None,
            unit: unit_from_measure(&f),
            baseline_year,
            change_pct: None,
            target_year: target_year(&f, &tokens, baseline_year),
            subject: None,
            long_term: false,
        },
        measure: sentence
            .trim()
            .trim_end_matches(['.', ' '])
            .chars()
            .take(160)
            .collect(),
        subjects: subjects_in(&f, 0),
        sole_area: false,
    })
}

/// A requirement opened by a noun: "Kravet til epikrisetid er at …" (lead "kravet … er at",
/// measure "epikrisetid"), "Styringsmålet for sykefravær i 2025 er …", or a label ending in a
/// colon: "Måltall 2025: …", "Fristbrudd – måltall 2025: 0", "Krav for 2025: …".
struct NounLead {
    start: usize,
    end: usize,
    /// A label ("…:") rather than a copula ("… er").
    label: bool,
    /// The measure the lead names ("epikrisetid", "sykefravær", "Fristbrudd"), may be empty.
    measure: String,
}

/// Most words from the goal noun to its copula or colon ("Målene for gjennomsnittlig ventetid
/// for avviklede pasienter i 2024 var:" has nine between).
const MAX_NOUN_PHRASE_WORDS: usize = 12;

fn noun_lead(f: &str) -> Option<NounLead> {
    let book = phrases::targets();
    let nouns = book.get("goal_nouns");
    let copulas = book.get("goal_copula");
    // Words with their byte ranges.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for w in f.split_whitespace() {
        let at = pos + f[pos..].find(w)?;
        words.push((at, at + w.len()));
        pos = at + w.len();
        if words.len() > 16 {
            break;
        }
    }
    let core = |k: usize| -> &str {
        let (a, b) = words[k];
        f[a..b].trim_matches(|c: char| !c.is_alphanumeric())
    };
    // A short label before the sentence proper ("Svar:", "Oppdrag:") is skipped.
    let mut first = 0;
    // A goal noun as the label ("Mål: Under 50 dagar …") is the lead itself, unless what
    // follows is a requirement of its own ("Styringsmål: Minst 70 prosent … skal …").
    let modal = || {
        words[1..]
            .iter()
            .any(|&(a, b)| book.get("modal").iter().any(|m| m == &f[a..b]))
    };
    if words.len() > 2
        && f[words[0].0..words[0].1].ends_with(':')
        && words[0].1 - words[0].0 < 14
        && (!nouns.iter().any(|n| n == core(0)) || modal())
    {
        first = 1;
    }
    let noun = (first..words.len().min(first + 4)).find(|&k| nouns.iter().any(|n| n == core(k)))?;
    let (n_start, n_end) = words[noun];
    for k in noun..words.len().min(noun + MAX_NOUN_PHRASE_WORDS) {
        let (a, b) = words[k];
        let raw = &f[a..b];
        // A label: the noun phrase ends with a colon ("Måltall 2025:", "Krav til ventetid i 2026:").
        if raw.ends_with(':') && raw.len() > 1 {
            let before = f[words[first].0..n_start]
                .trim()
                .trim_end_matches(['–', '-', ':', ','])
                .trim();
            let after_noun = f.get(n_end..b.saturating_sub(1)).unwrap_or("").trim();
            return Some(NounLead {
                start: n_start,
                end: b,
                label: true,
                measure: lead_measure_text(if before.is_empty() {
                    after_noun
                } else {
                    before
                }),
            });
        }
        if k > noun && raw.contains([',', ';', '.']) && !raw.ends_with("nr.") {
            return None;
        }
        if k > noun && copulas.iter().any(|c| c == raw) {
            let mut end = b;
            if let Some(&(na, nb)) = words.get(k + 1) {
                if &f[na..nb] == "at" {
                    end = nb;
                }
            }
            return Some(NounLead {
                start: n_start,
                end,
                label: false,
                measure: lead_measure_text(f[n_end..a].trim()),
            });
        }
    }
    None
}

/// "til epikrisetid" → "epikrisetid"; "for 2024" → ""; "for sykefravær i 2025" → "sykefravær".
fn lead_measure_text(s: &str) -> String {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words.first().is_some_and(|w| {
        matches!(
            *w,
            "til" | "for" | "om" | "i" | "på" | "frå" | "fra" | "–" | "-"
        )
    }) {
        words.remove(0);
    }
    // Drop a trailing year ("i 2025", "2024").
    while words.last().is_some_and(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric()).len() == 4
            && w.trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .all(|c| c.is_ascii_digit())
    }) || words
        .last()
        .is_some_and(|w| matches!(*w, "i" | "for" | "innen" | "innan"))
    {
        words.pop();
    }
    if words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        return String::new();
    }
    words.join(" ")
}

/// A label with a bare figure: "Måltal 2024: sjukefråvær 7,0 %", "Fristbrudd – måltall 2025: 0".
/// The comparator follows the measure's better direction (`lower_is_better` /
/// `higher_is_better` in the phrase data); unknown direction gives no target.
fn bare_label_figure(
    f: &str,
    tokens: &[NumberToken],
    from: usize,
    measure: Option<&str>,
) -> Option<(Kind, usize, usize)> {
    let t = tokens
        .iter()
        .find(|t| t.span.start >= from && t.kind == NumberKind::Quantity)?;
    // At most three words (the measure) between the colon and the figure.
    let gap = f.get(from..t.span.start)?;
    if gap.split_whitespace().count() > 3 || gap.contains([',', ';']) {
        return None;
    }
    let text = format!("{} {}", measure.unwrap_or(""), gap);
    let cmp = measure_polarity(&fold(&text))?;
    Some((Kind::Threshold(cmp), t.span.start, t.span.start))
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

fn leading_threshold(
    f: &str,
    tokens: &[NumberToken],
    anchor: usize,
    clause_start: usize,
) -> Option<(Kind, usize, usize)> {
    let book = phrases::targets();
    let rest = f.get(clause_start..).unwrap_or("");
    let lead = clause_start + rest.len() - rest.trim_start().len();
    for (section, cmp) in [
        ("at_least", Comparator::AtLeast),
        ("at_most", Comparator::AtMost),
    ] {
        if let Some((r, _)) = first_of(f, book.get(section), lead) {
            if r.start == lead && r.end < anchor {
                let t = tokens
                    .iter()
                    .find(|t| t.span.start >= r.end && is_quantity(t))?;
                if near(f, r.end, t.span.start, 0) && t.span.end <= anchor {
                    return Some((Kind::Threshold(cmp), r.start, r.end));
                }
            }
        }
    }
    None
}

/// Finds what the predicate (after the modal) requires: the earliest comparator, change verb or
/// same-level phrase. Returns the kind and the phrase's byte range.
/// Where the word before byte `at` of `f` starts (`at` itself when none is there).
fn word_before(f: &str, at: usize) -> usize {
    let head = f.get(..at).unwrap_or("").trim_end();
    head.rfind(char::is_whitespace).map_or(0, |p| p + 1).min(at)
}

/// The comparator and threshold a target's predicate sets, read from byte `from` on. A
/// negation from byte `negation_from` ("ikkje skulle vere over 2 prosent", the word before the
/// modal included) turns the comparator.
fn predicate_kind(
    f: &str,
    tokens: &[NumberToken],
    from: usize,
    negation_from: usize,
) -> Option<(Kind, usize, usize)> {
    let book = phrases::targets();
    let mut found: Vec<(usize, usize, Kind)> = Vec::new();
    let mut push = |section: &str, kind: Kind| {
        if let Some((r, _)) = first_of(f, book.get(section), from) {
            found.push((r.start, r.end, kind));
        }
    };
    push(
        "same_or_lower",
        Kind::SameLevel(Comparator::NotAboveBaseline),
    );
    push(
        "same_or_higher",
        Kind::SameLevel(Comparator::NotBelowBaseline),
    );
    push("zero", Kind::Zero);
    push("increase", Kind::Change(Comparator::Increase));
    push("decrease", Kind::Change(Comparator::Decrease));
    for (section, kind) in [
        ("at_least", Kind::Threshold(Comparator::AtLeast)),
        ("at_most", Kind::Threshold(Comparator::AtMost)),
        ("above", Kind::Threshold(Comparator::Above)),
        ("below", Kind::Threshold(Comparator::Below)),
        ("within_days", Kind::Within),
    ] {
        // A threshold phrase counts only when a number follows closely.
        let mut at = from;
        while let Some((r, phrase)) = first_of(f, book.get(section), at) {
            // Written after the figure: "65 dager eller mindre", "80 prosent eller meir".
            if phrase.starts_with("eller ") {
                let before = tokens
                    .iter()
                    .rev()
                    .find(|t| t.span.end <= r.start && t.kind != NumberKind::Year);
                if let Some(t) = before.filter(|t| {
                    is_quantity(t) && t.span.start >= from && near(f, t.span.end, r.start, 0)
                }) {
                    found.push((t.span.start, t.span.start, kind));
                    break;
                }
                at = r.end;
                continue;
            }
            let next = tokens
                .iter()
                .find(|t| t.span.start >= r.end && t.kind != NumberKind::Year);
            if next.is_some_and(|t| is_quantity(t) && near(f, r.end, t.span.start, 1)) {
                found.push((r.start, r.end, kind));
                break;
            }
            at = r.end;
        }
    }
    // "ned til"/"til null" style zero only when it really is "til null"/"null" near the verb.
    found.retain(|(s, _, k)| {
        *k != Kind::Zero || f[*s..].starts_with("til ") || near(f, from, *s, 0)
    });
    // Earliest wins; at the same start the longer phrase; same-level beats a change verb it contains.
    crate::sorting::sort_by(&mut found, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    // "skal være 100 prosent": a bare share right after the copula is a minimum.
    if found.is_empty() {
        let t = tokens
            .iter()
            .find(|t| t.span.start >= from && t.kind == NumberKind::Quantity)?;
        let copula = ["være", "vere", "vera"]
            .iter()
            .any(|c| f.get(..from).unwrap_or("").trim_end().ends_with(c))
            || f.get(from..t.span.start)
                .is_some_and(|g| ["være", "vere", "vera"].contains(&g.trim()));
        if copula && t.unit == NumUnit::Percent && near(f, from, t.span.start, 1) {
            return Some((
                Kind::Threshold(Comparator::AtLeast),
                t.span.start,
                t.span.start,
            ));
        }
        return None;
    }
    let (s, e, k) = *found.first()?;
    // "skal ikke være høyere enn 7,0 prosent": a same-level phrase with a quantity right after
    // it sets a limit, not the earlier level.
    if let Kind::SameLevel(c) = k {
        let next = tokens
            .iter()
            .find(|t| t.span.start >= e && t.kind != NumberKind::Year);
        if next.is_some_and(|t| is_quantity(t) && near(f, e, t.span.start, 0)) {
            let limit = match c {
                Comparator::NotBelowBaseline => Comparator::AtLeast,
                _ => Comparator::AtMost,
            };
            return Some((Kind::Threshold(limit), s, e));
        }
    }
    // "reduseres til null": a zero target.
    if k == Kind::Change(Comparator::Decrease) {
        if let Some(z) = found
            .iter()
            .find(|(s2, _, k2)| *k2 == Kind::Zero && *s2 >= e && near(f, e, *s2, 2))
        {
            return Some((Kind::Zero, z.0, z.1));
        }
    }
    // "være høyere enn 40 dager": the threshold inside a change phrase.
    if let Kind::Change(_) = k {
        if let Some((s2, e2, k2)) = found
            .iter()
            .copied()
            .find(|(s2, _, k2)| matches!(k2, Kind::Threshold(_)) && *s2 >= s && *s2 < e)
        {
            return Some((k2, s2, e2));
        }
    }
    // "skal ikke være over 7,0 %": a negation between the modal and the comparator turns it
    // ("ikke over" is at most).
    if let Kind::Threshold(c) = k {
        let negated = f.get(negation_from.min(from)..s).is_some_and(|g| {
            g.split_whitespace()
                .any(|w| book.get("negation").iter().any(|n| n == w))
        });
        if negated {
            let turned = match c {
                Comparator::Above => Comparator::AtMost,
                Comparator::Below => Comparator::AtLeast,
                Comparator::AtLeast => Comparator::Below,
                Comparator::AtMost => Comparator::Above,
                other => other,
            };
            return Some((Kind::Threshold(turned), s, e));
        }
    }
    Some((k, s, e))
}

/// The value of a Norwegian number word ("seks", "tolv", nynorsk "ein"), from
/// `data/number_words.txt`.
pub fn number_word(word: &str) -> Option<f64> {
    static WORDS: std::sync::OnceLock<Vec<(String, f64)>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut out = Vec::new();
        for line in include_str!("../../../data/number_words.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let Some(value) = parts.next().and_then(|v| v.parse::<f64>().ok()) else {
                continue;
            };
            for w in parts.filter(|w| *w != "|") {
                out.push((w.to_string(), value));
            }
        }
        out
    });
    words.iter().find(|(w, _)| w == word).map(|(_, v)| *v)
}

/// "skal etablere minst seks nye døgnplasser", "skal vere under ti dagar": a number word right
/// after a comparator that opens the predicate (at most two words after the modal) is read as
/// that number, with the unit the words after it give. Words elsewhere are left alone ("to" is
/// also a preposition, "en" an article; "minst ett av følgende kriterier" is no threshold).
fn words_after_comparators(sentence: &str, f: &str, from: usize, tokens: &mut Vec<NumberToken>) {
    let book = phrases::targets();
    let mut added = false;
    for section in ["at_least", "at_most", "above", "below"] {
        let mut at = from;
        while let Some((r, _)) = first_of(f, book.get(section), at) {
            at = r.end;
            let opens_predicate = f
                .get(from..r.start)
                .is_some_and(|g| g.split_whitespace().count() <= 2 && !g.contains([',', ';', ':']));
            if !opens_predicate {
                break;
            }
            let rest = f.get(r.end..).unwrap_or("");
            let start = r.end + (rest.len() - rest.trim_start().len());
            let word_end = f
                .get(start..)
                .and_then(|w| w.find(|c: char| !c.is_alphabetic()).map(|e| start + e))
                .unwrap_or(f.len());
            let word = f.get(start..word_end).unwrap_or("");
            // "over ein periode", "under en samling": after over/under an article stays one.
            if matches!(section, "above" | "below")
                && matches!(word, "en" | "ei" | "ein" | "ett" | "eitt")
            {
                continue;
            }
            let Some(value) = number_word(word) else {
                continue;
            };
            // "minst ett av følgende": a part of a list, not a level.
            if f.get(word_end..)
                .is_some_and(|r| r.trim_start().starts_with("av "))
            {
                continue;
            }
            if start == r.end || tokens.iter().any(|t| t.span.start == start) {
                continue;
            }
            // Read "6 <the words after>" so the unit ("seks prosent", "ti dagar") comes along.
            let tail = crate::text::head(sentence, word_end, 40);
            let digits = format!("{value}");
            let Some(t) = lex(&format!("{digits}{tail}")).into_iter().next() else {
                continue;
            };
            if t.span.start != 0 || t.span.end < digits.len() || t.kind != NumberKind::Quantity {
                continue;
            }
            tokens.push(NumberToken {
                span: start..word_end + (t.span.end - digits.len()),
                ..t
            });
            added = true;
        }
    }
    if added {
        crate::sorting::sort_by_key(tokens, |t| t.span.start);
    }
}

/// "skal ikke være X" with no figure after it, or a sentence opening with "Ingen …": the measure
/// that must not occur.
fn zero_by_negation(
    sentence: &str,
    f: &str,
    tokens: &[NumberToken],
    anchor_start: usize,
    anchor_end: usize,
) -> Option<String> {
    let clean = |s: &str| -> String {
        s.trim()
            .trim_end_matches(['.', ',', ';', ' '])
            .chars()
            .take(160)
            .collect()
    };
    let head = strip_label(f.get(..anchor_start).unwrap_or(""));
    if let Some(rest) = head.trim_start().strip_prefix("ingen ") {
        // `rest` is a slice of `f`, whose offsets are those of `sentence`.
        let start = rest.as_ptr() as usize - f.as_ptr() as usize;
        return Some(clean(sentence.get(start..).unwrap_or("")));
    }
    let rest = f.get(anchor_end..)?;
    let trimmed = rest.trim_start();
    let at = anchor_end + (rest.len() - trimmed.len());
    let trimmed = trimmed.strip_prefix("det ").unwrap_or(trimmed);
    let at = if trimmed.len() < f.len() - at {
        f.len() - trimmed.len()
    } else {
        at
    };
    for neg in [
        "ikke være",
        "ikkje vere",
        "ikkje vera",
        "ikke forekomme",
        "ikkje førekome",
        "ikke finnes",
        "ikkje finnast",
    ] {
        if let Some(after) = trimmed.strip_prefix(neg) {
            let from = at + neg.len();
            // "skal ikke være høyere enn i 2023": a comparison, not "nothing of the kind".
            let book = phrases::targets();
            let a = after.trim_start();
            if ["above", "below", "at_least", "at_most"]
                .iter()
                .any(|sec| book.get(sec).iter().any(|p| a.starts_with(p.as_str())))
            {
                return None;
            }
            if tokens
                .iter()
                .any(|t| t.span.start >= from && t.kind == NumberKind::Quantity)
                || after.trim().len() < 3
            {
                return None;
            }
            return Some(clean(sentence.get(from..).unwrap_or("")));
        }
    }
    None
}

/// End of a nominal measure: the baseline phrase or the end of the clause.
fn measure_end(f: &str, from: usize) -> usize {
    let book = phrases::targets();
    let stop = first_of(f, book.get("baseline"), from).map_or(f.len(), |(r, _)| r.start);
    let punct = f
        .get(from..)
        .and_then(|s| s.find([',', '.', ';']))
        .map_or(f.len(), |p| from + p);
    stop.min(punct)
}

/// End of the object after a verb ("redusere antall overliggerdøgn ved X | med 20 prosent"):
/// the size, level, deadline or baseline phrase, or the end of the clause.
fn object_end(f: &str, from: usize) -> usize {
    let mut end = measure_end(f, from);
    for w in ["med", "til", "innen", "innan", "i løpet av"] {
        if let Some(p) = crate::text::find_phrase(f, w, from) {
            end = end.min(p.start);
        }
    }
    end
}

/// At most five words, no comma and no "å"/"for å" between the modal and the requirement.
fn predicate_near(f: &str, anchor_end: usize, kind_at: usize) -> bool {
    if kind_at < anchor_end {
        return true;
    }
    let Some(gap) = f.get(anchor_end..kind_at) else {
        return false;
    };
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 5 && !gap.contains([',', ';', ':']) && !words.contains(&"å")
}

/// The words before the modal are a fronted phrase of time or place ("Innan 2027", "I 2025",
/// "For Helse Bergen"), not the subject: a preposition of data/phrases/targets.txt
/// [fronting_prepositions] opens them, at most six words, no comma.
fn fronted_phrase(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && !head.contains([',', ';', ':'])
        && phrases::targets()
            .get("fronting_prepositions")
            .iter()
            .any(|p| p == words[0])
}

/// The predicate after a modal that the subject follows: up to twelve words between them, in
/// one clause.
fn predicate_near_after_subject(f: &str, anchor_end: usize, kind_at: usize) -> bool {
    let Some(gap) = f.get(anchor_end..kind_at) else {
        return false;
    };
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 12 && !gap.contains([',', ';', ':']) && !words.contains(&"å")
}

/// After a request lead ("med sikte på"): "reduksjon i …" / "økt …".
fn nominal_kind(f: &str, from: usize) -> Option<(Kind, usize, usize)> {
    let book = phrases::targets();
    let dec = first_of(f, book.get("nominal_decrease"), from);
    let inc = first_of(f, book.get("nominal_increase"), from);
    let pick = match (dec, inc) {
        (Some(d), Some(i)) => {
            if d.0.start <= i.0.start {
                (Comparator::Decrease, d.0)
            } else {
                (Comparator::Increase, i.0)
            }
        }
        (Some(d), None) => (Comparator::Decrease, d.0),
        (None, Some(i)) => (Comparator::Increase, i.0),
        (None, None) => return None,
    };
    Some((Kind::Change(pick.0), pick.1.start, pick.1.end))
}

/// "høyere enn realveksten i …": a change phrase followed by "enn" and words, not a number.
fn is_comparison_with_quantity(f: &str, end: usize, tokens: &[NumberToken]) -> bool {
    let rest = f.get(end..).unwrap_or("").trim_start();
    if !(rest.starts_with("enn ")) {
        return false;
    }
    let after = end + (f.len() - end - rest.len()) + 4;
    // "enn i 2019" is a baseline, "enn 40 dager" a threshold.
    !tokens
        .iter()
        .any(|t| t.span.start >= after && near(f, after, t.span.start, 1))
}

fn change_size(f: &str, tokens: &[NumberToken], from: usize) -> Option<f64> {
    let book = phrases::targets();
    let (r, _) = first_of(f, book.get("change_size"), from)?;
    // "reduseres med 20 %", or with the object between: "redusere antall overliggerdøgn ved
    // sykehuset med 20 prosent" (a few words in the same clause).
    let gap = f.get(from..r.start)?;
    if gap.len() > 100
        || gap.contains([',', ';', ':', '(', ')'])
        || gap.split_whitespace().count() > 6
    {
        return None;
    }
    let t = tokens.iter().find(|t| t.span.start >= r.end)?;
    (is_quantity(t) && t.unit == NumUnit::Percent && near(f, r.end, t.span.start, 0))
        .then_some(t.value)
}

/// "reduseres til 50 dager" / "reduserast til under 50 dagar" / "økes til minst 60 prosent":
/// the level a change must reach, with the comparator written after "til" when there is one.
fn to_threshold<'a>(
    f: &str,
    tokens: &'a [NumberToken],
    from: usize,
) -> Option<(&'a NumberToken, Option<Comparator>)> {
    let pos = crate::text::find_phrase(f, "til", from)?;
    if !near(f, from, pos.start, 2) {
        return None;
    }
    let book = phrases::targets();
    let mut num_from = pos.end;
    let mut cmp = None;
    for (section, c) in [
        ("at_least", Comparator::AtLeast),
        ("at_most", Comparator::AtMost),
        ("above", Comparator::Above),
        ("below", Comparator::Below),
    ] {
        if let Some((r, _)) = first_of(f, book.get(section), pos.end) {
            // The longest comparator right after "til": "under eller lik" over "under".
            if near(f, pos.end, r.start, 0) && (cmp.is_none() || r.end > num_from) {
                cmp = Some(c);
                num_from = r.end;
            }
        }
    }
    let t = tokens.iter().find(|t| t.span.start >= num_from)?;
    (is_quantity(t) && near(f, num_from, t.span.start, 0)).then_some((t, cmp))
}

fn baseline_year(f: &str, tokens: &[NumberToken], from: usize) -> Option<i32> {
    let book = phrases::targets();
    let mut at = from;
    while let Some((r, _)) = first_of(f, book.get("baseline"), at) {
        if let Some(t) = tokens.iter().find(|t| t.span.start >= r.end) {
            if t.kind == NumberKind::Year && near(f, r.end, t.span.start, 3) {
                return Some(t.value as i32);
            }
        }
        at = r.end;
    }
    // "2019-nivå"
    tokens
        .iter()
        .find(|t| t.kind == NumberKind::Year && f[t.span.end..].starts_with("-niv"))
        .map(|t| t.value as i32)
}

fn target_year(f: &str, tokens: &[NumberToken], baseline: Option<i32>) -> Option<i32> {
    // "Styringsmål 2025: …", "Krav 2025: …": the label names the year.
    if let Some((label, _)) = f.split_once(':') {
        if label.split_whitespace().count() <= 3 {
            if let Some(t) = tokens
                .iter()
                .find(|t| t.kind == NumberKind::Year && t.span.end <= label.len())
            {
                return Some(t.value as i32);
            }
        }
    }
    tokens
        .iter()
        .filter(|t| t.kind == NumberKind::Year && Some(t.value as i32) != baseline)
        .find(|t| {
            let before = f[..t.span.start].trim_end();
            ["i", "innen", "innan", "for", "utgangen av", "til"]
                .iter()
                .any(|w| {
                    before.ends_with(w)
                        && before[..before.len() - w.len()]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !c.is_alphanumeric())
                })
        })
        .map(|t| t.value as i32)
}

/// The year of a label standing alone: "Styringsmål 2025:", "Krav for 2024:" (at most three
/// words, ending with a colon).
pub fn label_year(text: &str) -> Option<i32> {
    let t = text.trim();
    let label = t.strip_suffix(':')?;
    if label.len() > 40 || label.contains(':') || label.split_whitespace().count() > 3 {
        return None;
    }
    lex(label)
        .iter()
        .find(|t| t.kind == NumberKind::Year)
        .map(|t| t.value as i32)
}

fn target_unit(unit: NumUnit, f: &str) -> TargetUnit {
    match unit {
        NumUnit::Percent | NumUnit::PercentagePoints => TargetUnit::Percent,
        NumUnit::Days => TargetUnit::Days,
        NumUnit::Nok => TargetUnit::Nok,
        NumUnit::Per100k => TargetUnit::Per100k,
        NumUnit::None => unit_from_measure(f)
            .filter(|u| *u != TargetUnit::Percent)
            .unwrap_or(TargetUnit::Count),
        #[allow(unreachable_patterns)]
        _ => TargetUnit::Other,
    }
}

/// The unit a measure is counted in, from its name: shares are percent, waiting times days.
fn unit_from_measure(f: &str) -> Option<TargetUnit> {
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if first_of(f, phrases::targets().get("per_capita"), 0).is_some() {
        return Some(TargetUnit::Per100k);
    }
    // The head noun decides: "Antall enheter med sykefravær over 8 %" is a count.
    match words.first().copied() {
        Some("antall" | "antallet" | "talet" | "tal") => return Some(TargetUnit::Count),
        Some("andel" | "andelen" | "delen" | "del") => return Some(TargetUnit::Percent),
        _ => {}
    }
    if words.iter().any(|w| {
        matches!(
            *w,
            "andel" | "andelen" | "delen" | "del" | "prosentdel" | "prosentdelen"
        ) || w.starts_with("sykefravær")
            || w.starts_with("sjukefråvær")
    }) {
        Some(TargetUnit::Percent)
    } else if words.iter().any(|w| {
        w.starts_with("ventetid") || w.starts_with("liggetid") || *w == "dager" || *w == "dagar"
    }) {
        Some(TargetUnit::Days)
    } else if words.iter().any(|w| {
        w.starts_with("kostnad")
            || w.starts_with("utgift")
            || *w == "kroner"
            || w.starts_with("budsjett")
    }) {
        Some(TargetUnit::Nok)
    } else if words.iter().any(|w| w.starts_with("årsverk")) {
        // Full-time equivalents are not head counts.
        Some(TargetUnit::Other)
    } else if words.iter().any(|w| {
        matches!(
            *w,
            "antall" | "antallet" | "talet" | "tal" | "fristbrudd" | "fristbrot"
        )
    }) {
        Some(TargetUnit::Count)
    } else {
        None
    }
}

/// All areas named in the sentence from `from` on (in order, without repeats).
pub fn subjects_in(f: &str, from: usize) -> Vec<String> {
    let mut hits: Vec<(usize, String)> = Vec::new();
    for (canonical, aliases) in phrases::subjects() {
        if let Some((r, _)) = first_of(f, aliases, from) {
            hits.push((r.start, canonical.clone()));
        }
    }
    // "psykisk helsevern for barn og unge" also contains nothing of "voksne"; but "phv" alone is
    // ambiguous with "phv barn og unge": keep the longest match at a position.
    crate::sorting::sort(&mut hits);
    let mut out: Vec<String> = Vec::new();
    for (_, s) in hits {
        if !out.contains(&s) && s != "Alle fagområder" {
            out.push(s);
        }
    }
    out
}

/// Every area named in folded text with its byte range, in order: "Psykisk helsevern vaksne
/// (VOP)" is one mention (an alias inside or right after another of the same area is not a
/// second one). "Alle fagområder" is not an area.
pub fn area_mentions(f: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut hits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (canonical, aliases) in phrases::subjects() {
        if canonical == "Alle fagområder" {
            continue;
        }
        let mut from = 0;
        while let Some((r, _)) = first_of(f, aliases, from) {
            from = r.end;
            hits.push((r, canonical.clone()));
        }
    }
    crate::sorting::sort_by(&mut hits, |a, b| {
        a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end))
    });
    let mut kept: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for h in hits {
        if kept
            .last()
            .is_some_and(|k| h.0.start < k.0.end || k.1 == h.1)
        {
            continue;
        }
        kept.push(h);
    }
    kept
}

/// For "61 dager i somatikken, 44 dager i PHV …": each threshold with the area named right
/// after it (or right before it when the list is written "for somatikk 61 dager").
fn per_subject_thresholds(f: &str, tokens: &[&NumberToken]) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let end = tokens.get(i + 1).map_or(f.len(), |n| n.span.start);
        let after = f.get(t.span.end..end).unwrap_or("");
        let subject = first_subject(after).or_else(|| {
            let start = if i == 0 {
                t.span.start.saturating_sub(60)
            } else {
                tokens[i - 1].span.end
            };
            let start = floor_char(f, start);
            first_subject(f.get(start..t.span.start).unwrap_or(""))
        });
        match subject {
            Some(s) => out.push((t.value, s)),
            None => return Vec::new(),
        }
    }
    out
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn first_subject(text: &str) -> Option<String> {
    let mut best: Option<(usize, usize, String)> = None;
    for (canonical, aliases) in phrases::subjects() {
        if let Some((r, _)) = first_of(text, aliases, 0) {
            let better = best
                .as_ref()
                .is_none_or(|(s, e, _)| r.start < *s || (r.start == *s && r.end > *e));
            if better {
                best = Some((r.start, r.end, canonical.clone()));
            }
        }
    }
    best.map(|(_, _, s)| s)
}

/// The measure's name: the subject before the modal, without a leading "Minst 70 pst. av";
/// when the subject is only an actor ("Regionen skal overholde minst 95 pst. av pasientavtalene"),
/// the object after "av".
fn measure_of(
    sentence: &str,
    f: &str,
    anchor: usize,
    tokens: &[NumberToken],
    leading: bool,
) -> String {
    let mut subject = sentence.get(..anchor).unwrap_or("").trim();
    // "Målsettinga på sikt er at ventetida i somatikken ikkje skal …", "Styret har vedtatt at
    // sykefraværet skal …": the subject of the clause the modal stands in.
    if let Some(p) = f.get(..anchor).and_then(|h| h.rfind(" at ")) {
        subject = sentence.get(p + 4..anchor).unwrap_or("").trim();
    }
    let negation = phrases::targets().get("negation");
    if let Some((rest, last)) = subject.rsplit_once(' ') {
        if negation.iter().any(|n| n == &fold(last)) {
            subject = rest;
        }
    }
    // "Minst 90 prosent av akuttoppdragene skal nås av ambulanse innen 12 minutter": the share
    // is of what comes after "av", and what must happen to it (after the modal) is part of the
    // measure ("akuttoppdragene … nås av ambulanse innen 12 minutter").
    let mut predicate = "";
    if leading {
        if let Some(p) = crate::text::find_phrase(f, "av", 0) {
            if p.end <= anchor {
                subject = sentence.get(p.end..anchor).unwrap_or("").trim();
                predicate = sentence
                    .get(anchor..)
                    .and_then(|r| r.trim_start().split_once(' '))
                    .map_or("", |(_, rest)| rest.trim());
                // Only a time limit ("innen 12 minutter") makes the predicate part of what
                // is measured.
                let fp = fold(predicate);
                let limit = phrases::targets().get("within_days").iter().any(|w| {
                    crate::text::find_phrase(&fp, w, 0).is_some_and(|r| {
                        fp[r.end..]
                            .trim_start()
                            .starts_with(|c: char| c.is_ascii_digit())
                    })
                });
                if !limit {
                    predicate = "";
                }
            }
        }
    }
    let actor_only = subject.is_empty()
        || crate::extract::entities::catalogue()
            .resolve(subject)
            .is_some()
        || matches!(
            fold(subject).as_str(),
            "regionen"
                | "helseforetakene"
                | "helseføretaka"
                | "de regionale helseforetakene"
                | "dei regionale helseføretaka"
                | "foretakene"
                | "føretaka"
                | "vi"
        );
    let text = if actor_only {
        // The object after the threshold: "… minst 95 pst. av pasientavtalene (passert planlagt tid)".
        let after_num = tokens
            .iter()
            .find(|t| t.span.start >= anchor && is_quantity(t))
            .map_or(anchor, |t| t.span.end);
        let rest = sentence.get(after_num..).unwrap_or("");
        let rest = rest.trim_start().strip_prefix("av ").unwrap_or(rest);
        rest.trim()
    } else if !predicate.is_empty() {
        &format!("{subject} {predicate}")
    } else {
        subject
    };
    let text = text.trim_end_matches(['.', ',', ' ', ':']);
    strip_label(text).chars().take(160).collect()
}

/// Drops a leading "Oppdragstekst:" / "Indikator:" label.
fn strip_label(text: &str) -> &str {
    match text.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 3 && !rest.trim().is_empty() => {
            rest.trim()
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests;
