use super::*;

/// One target for the areas its sentence names: "Ventetida i psykisk helsevern barn og unge skal
/// reduserast" is that area's; "For psykisk helsevern vaksne og TSB skal ventetida vere under 45
/// dagar" is one target per area with the same limit. A comparison with another quantity
/// ("høyere enn i somatikk") names areas as its terms, not as what it covers.
pub(super) fn by_area(mut out: Vec<TargetSpec>) -> Vec<TargetSpec> {
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
pub(super) fn per_subject_thresholds(f: &str, tokens: &[&NumberToken]) -> Vec<(f64, String)> {
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
            None => return in_list_order(f, tokens),
        }
    }
    out
}

/// "under høvesvis 60, 45, 40 og 30 dagar for somatikk, PHV, PHBU og TSB", "for somatikk og PHV
/// skal ventetida vere under henholdsvis 60 og 45 dagar": as many areas as thresholds, all on one
/// side of them, paired in order.
fn in_list_order(f: &str, tokens: &[&NumberToken]) -> Vec<(f64, String)> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Vec::new();
    };
    let areas = area_mentions(f);
    let after: Vec<&String> = areas
        .iter()
        .filter(|(r, _)| r.start >= last.span.end)
        .map(|(_, s)| s)
        .collect();
    let before: Vec<&String> = areas
        .iter()
        .filter(|(r, _)| r.end <= first.span.start)
        .map(|(_, s)| s)
        .collect();
    let respectively = first_of(
        f.get(..first.span.start).unwrap_or(""),
        phrases::targets().get("respectively"),
        0,
    )
    .is_some();
    let names = if after.len() == tokens.len() {
        after
    } else if respectively && before.len() == tokens.len() {
        before
    } else {
        return Vec::new();
    };
    if tokens.len() < 2 {
        return Vec::new();
    }
    tokens
        .iter()
        .zip(names)
        .map(|(t, s)| (t.value, s.clone()))
        .collect()
}

/// The first two figures are a list ("60, 45 og 30 dagar"): one threshold each.
pub(super) fn listed_figures(f: &str, tokens: &[&NumberToken]) -> bool {
    tokens.len() > 1
        && phrases::is_list_joint(
            f.get(tokens[0].span.end..tokens[1].span.start)
                .unwrap_or(""),
        )
}

pub(super) fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn first_subject(text: &str) -> Option<String> {
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
pub(super) fn measure_of(
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
pub(super) fn strip_label(text: &str) -> &str {
    match text.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 3 && !rest.trim().is_empty() => {
            rest.trim()
        }
        _ => text,
    }
}
