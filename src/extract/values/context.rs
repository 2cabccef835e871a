use super::*;

/// Whether figure `t` stands right after "per" or "pr." (the base of a rate).
pub(super) fn is_denominator(f: &str, t: &NumberToken) -> bool {
    let before = f.get(..t.span.start).unwrap_or("").trim_end();
    before.ends_with(" per") || before.ends_with(" pr.") || before.ends_with(" pr")
}

/// Most words before a figure in which a word of a plan ("Budsjettet for 2026 har eit overskot
/// på 20 mill. kroner") makes it a planned figure.
const PLAN_WORDS_BEFORE: usize = 7;

/// Whether figure `t` is planned, budgeted or forecast, not measured: a word of
/// data/table_plan_headers.txt ("budsjett", "budsjettert", "prognose", …, with its inflections)
/// among the words of its clause before it ("Prognosen for året er et resultat på minus 5 mill.
/// kroner", "mot budsjett 90 mill.").
pub(super) fn is_planned(f: &str, t: &NumberToken) -> bool {
    let before = f.get(..t.span.start).unwrap_or("");
    let clause = before
        .rsplit([',', ';', '.', ':', '('])
        .next()
        .unwrap_or(before);
    let plan = &crate::document::lexicon().plan_headers;
    clause
        .split_whitespace()
        .rev()
        .take(PLAN_WORDS_BEFORE)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| {
            plan.contains(w)
                || crate::extract::phrases::words()
                    .get("plan_endings")
                    .iter()
                    .any(|e| {
                        w.strip_suffix(e.as_str())
                            .is_some_and(|stem| stem.len() >= 6 && plan.contains(stem))
                    })
        })
}

/// Whether figure `t` is an unweighted mean of several units ("Et enkelt snitt av de fire
/// foretakene gir 8,8 prosent", "uvektet gjennomsnitt"; data/phrases/words.txt
/// `[unweighted_means]` in its clause before it): a figure of no entity, least of all the
/// region, whose own figure is weighted.
pub(super) fn is_unweighted_mean(f: &str, t: &NumberToken) -> bool {
    let before = f.get(..t.span.start).unwrap_or("");
    let clause = before.rsplit([',', ';', '.', ':']).next().unwrap_or(before);
    crate::extract::phrases::words()
        .get("unweighted_means")
        .iter()
        .any(|p| crate::text::find_phrase(clause, p, 0).is_some())
}

/// Whether figure `t` is written as a bound ("lå over 58 dager", "minst 70 prosent"): right
/// after a word of data/phrases/targets.txt `[bound_words]`.
pub(super) fn is_bound(f: &str, t: &NumberToken) -> bool {
    let before = f.get(..t.span.start).unwrap_or("").trim_end();
    crate::extract::phrases::targets()
        .get("bound_words")
        .iter()
        .any(|w| {
            before.ends_with(w.as_str())
                && (!w.chars().any(char::is_alphanumeric)
                    || before[..before.len() - w.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric()))
        })
}

/// Whether figure `t` is the size of a change: after "med"/"på" that follows a direction word
/// ("gikk ned med 4 dager", "en økning på 120 årsverk"), right after a direction word
/// ("nedgangen var 6 dager", "økte 1 dag"), or right before one ("8 dager lavere").
pub(super) fn absolute_change(f: &str, start: usize, t: &NumberToken) -> bool {
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
pub(super) const MAX_BRACKET_GAP_WORDS: usize = 6;

/// A figure followed at once by a bracket that holds one figure of the same unit and a year
/// ("1,9 prosent (2,4 prosent i 2023)", "1,9 prosent (2023: 2,4 prosent)"), when the first figure
/// has no year of its own or a later one: (value, earlier value, earlier year).
pub(super) fn bracketed_earlier<'t>(
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
pub(super) fn sentence_bracket_year(f: &str) -> Option<i32> {
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
pub(super) fn carried_scale(f: &str, a: &NumberToken, b: &NumberToken) -> f64 {
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

/// At most `words` words between two offsets (and no sentence punctuation); approximators
/// ("i underkant av", "ca.") do not count.
/// Most words between a figure and the "mot" that compares it with an earlier one.
pub(super) const MAX_COMPARED_GAP_WORDS: usize = 10;

pub(super) fn gap_ok(f: &str, from: usize, to: usize, words: usize) -> bool {
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
    for a in crate::extract::phrases::words().get("approximators") {
        g = g.replace(&format!(" {a} "), " ");
    }
    g.split_whitespace().count() <= words
}
