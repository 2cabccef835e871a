//! Where one segment of a sentence (the text one entity or area owns) becomes an
//! `Observation`: a stated change, "mot"-comparisons, "ned fra", "fra X til Y", the same figure
//! both years, a bracketed earlier figure, year-figure pairs, or a single figure — tried in that
//! order, the first that reads the segment wins. The phrases live in
//! `data/phrases/words.txt` (`[change_by_words]`, `[unchanged]`, `[compared_with]`,
//! `[against]`, `[points_back]`, `[turn_from]`).

use super::*;

/// The figures of one segment `start..end` of folded sentence `f`, in the unit `unit`.
struct Segment<'a> {
    f: &'a str,
    toks: Vec<&'a NumberToken>,
    start: usize,
    end: usize,
    unit: Option<TargetUnit>,
}

impl Segment<'_> {
    fn text(&self) -> &str {
        self.f.get(self.start..self.end).unwrap_or("")
    }

    /// "64 218 i 2023", "1 886 skader i 2023", "(2023)": a year right after a figure.
    fn year_after(&self, t: &NumberToken) -> Option<i32> {
        let y = self.toks.iter().find(|y| y.span.start >= t.span.end)?;
        if y.kind != NumberKind::Year {
            return None;
        }
        let gap = self.f.get(t.span.end..y.span.start)?;
        let words: Vec<&str> = gap.split_whitespace().collect();
        let ok = gap.len() <= 24
            && (words.is_empty()
                || words == ["i"]
                || words == ["("]
                || (words.len() == 2 && words[1] == "i"));
        ok.then_some(y.value as i32)
    }

    fn fits(&self, t: &NumberToken) -> bool {
        compatible(t, self.unit)
    }

    /// Where `phrase` first stands inside the segment.
    fn phrase(&self, phrase: &str) -> Option<std::ops::Range<usize>> {
        find_phrase(self.f, phrase, self.start).filter(|r| r.end <= self.end)
    }
}

pub(super) fn read_one(
    f: &str,
    tokens: &[NumberToken],
    start: usize,
    end: usize,
    unit: Option<TargetUnit>,
    entity: &str,
) -> Option<Observation> {
    let seg = Segment {
        f,
        toks: tokens
            .iter()
            .filter(|t| t.span.start >= start && t.span.end <= end)
            .collect(),
        start,
        end,
        unit,
    };
    let mut obs = Observation {
        entity: entity.to_string(),
        subject: subjects_in(seg.text(), 0).into_iter().next(),
        value: None,
        baseline_value: None,
        year: None,
        baseline_year: None,
        change_pct: None,
        at: start,
    };
    let mut used: Vec<usize> = Vec::new();
    obs.change_pct = stated_change(&seg, &mut used);
    // "redusert med 4 dager", "en nedgang på 6 dagar", "nedgangen var 6 dager", "8 dager
    // lavere": a change in the target's own unit, not a level. It is passed over (the level, if
    // the sentence gives one, is read as usual).
    for t in &seg.toks {
        let is_level_unit = t.kind == NumberKind::Quantity && t.unit != NumUnit::Percent;
        if is_level_unit && seg.fits(t) && absolute_change(f, start, t) {
            used.push(t.span.start);
        }
    }
    if obs.change_pct.is_none()
        && words()
            .get("unchanged")
            .iter()
            .any(|w| seg.text().contains(w.as_str()))
    {
        return unchanged(&seg, obs);
    }
    let read = compared_with(&seg, &mut obs)
        || turned_from(&seg, &used, &mut obs)
        || from_to(&seg, &used, &mut obs)
        || both_years(&seg, &mut obs)
        || bracketed(&seg, &used, &mut obs)
        || year_pairs(&seg, &used, &mut obs);
    if read || obs.change_pct.is_some() {
        // A stated change is the answer; a lone figure next to it is something else
        // ("ned ca 19 % fra 2023 til 2024, og 27 % sammenliknet med 2022").
        return Some(obs);
    }
    // A single figure: "… er 84 prosent".
    let t = seg
        .toks
        .iter()
        .find(|t| seg.fits(t) && !used.contains(&t.span.start))?;
    obs.value = Some(t.value);
    obs.year = seg.year_after(t);
    obs.at = t.span.start;
    Some(obs)
}

/// A stated relative change: "med 26,6 %", "på 13,6 %", "en 3,4 prosents økning", "10,2 %
/// reduksjon". Its figure is marked used.
fn stated_change(seg: &Segment, used: &mut Vec<usize>) -> Option<f64> {
    let f = seg.f;
    for t in &seg.toks {
        if t.kind != NumberKind::Quantity || t.unit != NumUnit::Percent {
            continue;
        }
        let before = f.get(seg.start..t.span.start).unwrap_or("").trim_end();
        let before = words()
            .get("approximators")
            .iter()
            .find_map(|a| {
                before
                    .strip_suffix(a.as_str())
                    .and_then(|b| b.strip_suffix(' '))
            })
            .unwrap_or(before);
        let by_word = before.rsplit(' ').next().unwrap_or("");
        if before.contains(' ') && is_word("change_by_words", by_word) {
            if let Some(sign) = direction_sign(seg.text()) {
                used.push(t.span.start);
                return Some(sign * t.value.abs());
            }
        }
        // "en 3,4 prosents økning", "10,2 % reduksjon": the change word right after.
        let after = f.get(t.span.end..seg.end).unwrap_or("");
        let next_word = after
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        if let Some(sign) = direction_sign(next_word) {
            used.push(t.span.start);
            return Some(sign * t.value.abs());
        }
    }
    None
}

/// "er uendret fra 2023 til 2024": no change. "har uendret antall, 19 enheter": the one figure
/// is both then and now; several figures: unknown.
fn unchanged(seg: &Segment, mut obs: Observation) -> Option<Observation> {
    let figures: Vec<&&NumberToken> = seg.toks.iter().filter(|t| seg.fits(t)).collect();
    match figures.as_slice() {
        [one] => {
            obs.value = Some(one.value);
            obs.baseline_value = Some(one.value);
            obs.at = one.span.start;
        }
        [] => obs.change_pct = Some(0.0),
        _ => return None,
    }
    Some(obs)
}

/// "har 24 enheter, mot 27 året før" / "7,6 prosent i april, samanlikna med 8,0 prosent i april
/// 2024": now, then the figure it is compared with. A bare "mot" must point back in time
/// ("året før", "i fjor", an earlier year); the comparison words say so themselves.
fn compared_with(seg: &Segment, obs: &mut Observation) -> bool {
    let f = seg.f;
    let book = words();
    let explicit = book.get("compared_with").iter().map(|w| (w, false));
    let bare = book.get("against").iter().map(|w| (w, true));
    for (w, bare) in explicit.chain(bare) {
        let Some(r) = seg.phrase(w) else {
            continue;
        };
        let before = seg
            .toks
            .iter()
            .rev()
            .find(|t| t.span.end <= r.start && seg.fits(t));
        let after = seg
            .toks
            .iter()
            .find(|t| t.span.start >= r.end && t.kind == NumberKind::Quantity);
        let (Some(v), Some(b)) = (before, after) else {
            continue;
        };
        // The figure's year: right after it, or the one closing its clause before the
        // comparison ("72,0 prosent av … i 2024, mot 69,6 prosent i 2023").
        let v_year = seg.year_after(v).or_else(|| {
            seg.toks
                .iter()
                .rev()
                .find(|t| t.span.start >= v.span.end && t.span.end <= r.start)
                .filter(|t| {
                    t.kind == NumberKind::Year
                        && f.get(t.span.end..r.start)
                            .is_some_and(|g| g.trim_matches([',', ' ']).is_empty())
                })
                .map(|t| t.value as i32)
        });
        let points_back = if bare {
            let tail = f.get(b.span.end..seg.end).unwrap_or("").trim_start();
            // "54 dager, mot 61 dager i 2023": a figure without a year, right before "mot", set
            // against one of a named year is the current one.
            let right_before = f
                .get(v.span.end..r.start)
                .is_some_and(|g| g.split_whitespace().count() <= 2);
            book.get("points_back")
                .iter()
                .any(|p| tail.starts_with(p.as_str()))
                || match (seg.year_after(b), v_year) {
                    (Some(yb), Some(yv)) => yb < yv,
                    (Some(_), None) => right_before,
                    _ => false,
                }
        } else {
            seg.fits(b)
        };
        // The figure may be followed by what it counts ("72,0 prosent av pakkeforløpene
        // innenfor standard forløpstid i 2024, mot 69,6 prosent i 2023") when no other
        // quantity stands between it and the comparison.
        let near = gap_ok(f, v.span.end, r.start, 4)
            || (f.get(v.span.end..r.start).is_some_and(|g| {
                !g.contains([';', ':', '.'])
                    && g.split_whitespace().count() <= MAX_COMPARED_GAP_WORDS
            }) && !seg.toks.iter().any(|t| {
                t.kind == NumberKind::Quantity
                    && t.span.start >= v.span.end
                    && t.span.end <= r.start
            }));
        if points_back && gap_ok(f, r.end, b.span.start, 1) && near {
            obs.value = Some(v.value);
            obs.baseline_value = Some(b.value);
            obs.year = v_year;
            obs.baseline_year = seg.year_after(b);
            obs.at = v.span.start;
            return true;
        }
    }
    false
}

/// "85 … i 2024, ned fra 193 … i 2023": the figure before "ned/opp fra" is the value.
fn turned_from(seg: &Segment, used: &[usize], obs: &mut Observation) -> bool {
    for w in words().get("turn_from") {
        let Some(r) = seg.phrase(w) else {
            continue;
        };
        let before = seg
            .toks
            .iter()
            .rev()
            .find(|t| t.span.end <= r.start && seg.fits(t) && !used.contains(&t.span.start));
        let after = seg
            .toks
            .iter()
            .find(|t| t.span.start >= r.end && t.kind != NumberKind::Year);
        if let (Some(v), Some(b)) = (before, after) {
            if gap_ok(seg.f, r.end, b.span.start, 1) && (seg.fits(b) || b.unit == NumUnit::None) {
                obs.value = Some(v.value);
                obs.baseline_value = Some(b.value);
                obs.year = seg.year_after(v);
                obs.baseline_year = seg.year_after(b);
                obs.at = v.span.start;
                return true;
            }
        }
    }
    false
}

/// "fra X (i 2023) til Y (i 2024)"; "fra 11,9 i 2023 til 12,1 prosent": the unit may be
/// written once, after the second figure.
fn from_to(seg: &Segment, used: &[usize], obs: &mut Observation) -> bool {
    let f = seg.f;
    let mut at = seg.start;
    while let Some(r) = find_phrase(f, "fra", at).or_else(|| find_phrase(f, "frå", at)) {
        if r.start >= seg.end {
            break;
        }
        at = r.end;
        let Some(a) = seg
            .toks
            .iter()
            .find(|t| t.span.start >= r.end && t.kind != NumberKind::Year)
        else {
            break;
        };
        let a_ok = seg.fits(a) || (a.unit == NumUnit::None && a.kind == NumberKind::Quantity);
        if !gap_ok(f, r.end, a.span.start, 2) || !a_ok || used.contains(&a.span.start) {
            continue;
        }
        let Some(til) = find_phrase(f, "til", a.span.end) else {
            continue;
        };
        if til.start >= seg.end || til.start - a.span.end > 40 {
            continue;
        }
        let Some(b) = seg
            .toks
            .iter()
            .find(|t| t.span.start >= til.end && t.kind != NumberKind::Year)
        else {
            continue;
        };
        if !gap_ok(f, til.end, b.span.start, 2)
            || !seg.fits(b)
            || (!seg.fits(a) && b.unit == a.unit)
        {
            continue;
        }
        obs.baseline_value = Some(a.value * carried_scale(f, a, b));
        obs.value = Some(b.value);
        obs.baseline_year = seg.year_after(a);
        obs.year = seg.year_after(b);
        obs.at = a.span.start;
        return true;
    }
    false
}

/// "33 dagar både i 2023 og i 2024": the same figure both years.
fn both_years(seg: &Segment, obs: &mut Observation) -> bool {
    let Some(r) = seg.phrase("både i") else {
        return false;
    };
    let years: Vec<&&NumberToken> = seg
        .toks
        .iter()
        .filter(|t| t.kind == NumberKind::Year && t.span.start >= r.end)
        .collect();
    let value = seg
        .toks
        .iter()
        .rev()
        .find(|t| t.span.end <= r.start && seg.fits(t));
    let (Some(v), [first, second]) = (value, years.as_slice()) else {
        return false;
    };
    obs.value = Some(v.value);
    obs.baseline_value = Some(v.value);
    obs.baseline_year = Some(first.value as i32);
    obs.year = Some(second.value as i32);
    obs.at = v.span.start;
    true
}

/// "delen 1,9 prosent (2,4 prosent i 2023)" / "1,9 prosent (2023: 2,4 prosent)": the figure in
/// brackets, with its year, is the earlier value it is compared with.
fn bracketed(seg: &Segment, used: &[usize], obs: &mut Observation) -> bool {
    let year_after = |t: &NumberToken| seg.year_after(t);
    let Some((v, b, year)) = bracketed_earlier(seg.f, &seg.toks, seg.unit, used, &year_after)
    else {
        return false;
    };
    obs.value = Some(v.value);
    obs.baseline_value = Some(b.value);
    obs.baseline_year = Some(year);
    obs.year = seg.year_after(v).filter(|y| *y != year);
    obs.at = v.span.start;
    true
}

/// "(2023: 10,4 prosent; 2024: 11,3 prosent)" and "10,4 prosent i 2023 og 11,3 prosent i
/// 2024": the last two years give baseline and value; one year gives a dated value.
fn year_pairs(seg: &Segment, used: &[usize], obs: &mut Observation) -> bool {
    let f = seg.f;
    let mut pairs: Vec<(i32, f64, usize)> = Vec::new();
    for (k, t) in seg.toks.iter().enumerate() {
        if t.kind == NumberKind::Year {
            if let Some(v) = seg.toks.get(k + 1) {
                let gap = f.get(t.span.end..v.span.start).unwrap_or("");
                if gap.trim() == ":" && seg.fits(v) {
                    pairs.push((t.value as i32, v.value, v.span.start));
                }
            }
        } else if seg.fits(t) && !used.contains(&t.span.start) {
            if let Some(y) = seg.year_after(t) {
                if !pairs.iter().any(|p| p.2 == t.span.start) {
                    pairs.push((y, t.value, t.span.start));
                }
            }
        }
    }
    crate::sorting::sort_by_key(&mut pairs, |p| p.0);
    pairs.dedup_by_key(|p| p.0);
    match pairs.as_slice() {
        [.., b, v] => {
            obs.baseline_year = Some(b.0);
            obs.baseline_value = Some(b.1);
            obs.year = Some(v.0);
            obs.value = Some(v.1);
            obs.at = b.2;
        }
        [p] => {
            obs.year = Some(p.0);
            obs.value = Some(p.1);
            obs.at = p.2;
        }
        [] => return false,
    }
    true
}
