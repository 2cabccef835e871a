use super::*;

/// Reads a segment; when it names several areas ("i somatikken … , medan … i TSB"), each area's
/// part is read on its own.
pub(super) fn read_segment(
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

pub(super) fn read_segments(
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
    // "høvesvis 57, 38, 41 og 26 dagar for somatikk, PHV, PHBU og TSB": the figures paired
    // with the areas in order.
    let in_tokens: Vec<NumberToken> = in_range.iter().map(|t| (*t).clone()).collect();
    let paired = respectively(f, &anchors, &in_tokens, unit);
    if !paired.is_empty() {
        return paired
            .into_iter()
            .map(|(i, t)| Observation {
                entity: entity.to_string(),
                subject: Some(spans[i].2.clone()),
                value: Some(t.value),
                baseline_value: None,
                year: None,
                baseline_year: None,
                change_pct: None,
                at: t.span.start,
            })
            .collect();
    }
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

pub(super) fn read_one(
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
