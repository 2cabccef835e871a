use super::*;

/// Most words of the object between a change verb and its size ("redusere kostnadene til
/// innleie av helsepersonell fra bemanningsbyrå med minst 20 prosent" has seven).
const MAX_CHANGE_OBJECT_WORDS: usize = 10;

pub(super) fn change_size(f: &str, tokens: &[NumberToken], from: usize) -> Option<f64> {
    change_size_in(f, tokens, from, NumUnit::Percent)
}

/// "økes med minst 2 prosentpoeng fra 2024": a change's size in percentage points.
pub(super) fn change_size_pp(f: &str, tokens: &[NumberToken], from: usize) -> Option<f64> {
    change_size_in(f, tokens, from, NumUnit::PercentagePoints)
}

fn change_size_in(f: &str, tokens: &[NumberToken], from: usize, unit: NumUnit) -> Option<f64> {
    let book = phrases::targets();
    let (r, _) = first_of(f, book.get("change_size"), from)?;
    // "reduseres med 20 %", or with the object between: "redusere antall overliggerdøgn ved
    // sykehuset med 20 prosent" (a few words in the same clause).
    let gap = f.get(from..r.start)?;
    if gap.len() > 100
        || gap.contains([',', ';', ':', '(', ')'])
        || gap.split_whitespace().count() > MAX_CHANGE_OBJECT_WORDS
    {
        return None;
    }
    let t = tokens.iter().find(|t| t.span.start >= r.end)?;
    (is_quantity(t) && t.unit == unit && near(f, r.end, t.span.start, 0)).then_some(t.value)
}

/// "reduseres til 50 dager" / "reduserast til under 50 dagar" / "økes til minst 60 prosent":
/// the level a change must reach, with the comparator written after "til" when there is one.
pub(super) fn to_threshold<'a>(
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

pub(super) fn baseline_year(f: &str, tokens: &[NumberToken], from: usize) -> Option<i32> {
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

pub(super) fn target_year(f: &str, tokens: &[NumberToken], baseline: Option<i32>) -> Option<i32> {
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

pub(super) fn target_unit(unit: NumUnit, f: &str) -> TargetUnit {
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
pub(super) fn unit_from_measure(f: &str) -> Option<TargetUnit> {
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

/// "under høvesvis 60, 45, 40 og 30 dagar": figures listed before one unit share that unit
/// (money is left alone: its scale words belong to the figure they follow).
pub(super) fn share_list_unit(f: &str, tokens: &mut [NumberToken]) {
    let mut i = tokens.len();
    while i > 1 {
        i -= 1;
        let unit = tokens[i].unit;
        if matches!(unit, NumUnit::None | NumUnit::Nok) || !is_quantity(&tokens[i]) {
            continue;
        }
        let mut j = i;
        while j > 0 {
            let (a, b) = (&tokens[j - 1], &tokens[j]);
            let gap = f.get(a.span.end..b.span.start).unwrap_or("").trim();
            if a.unit != NumUnit::None || !is_quantity(a) || !phrases::is_list_joint(gap) {
                break;
            }
            j -= 1;
        }
        for t in &mut tokens[j..i] {
            t.unit = unit;
        }
        i = j.max(1);
    }
}
