use super::*;

/// Quotation marks a quoted requirement may open with.
const QUOTES: &[char] = &['«', '"', '“', '”', '„', '\''];

pub(super) fn leading_threshold(
    f: &str,
    tokens: &[NumberToken],
    anchor: usize,
    clause_start: usize,
) -> Option<(Kind, usize, usize)> {
    let book = phrases::targets();
    let rest = f.get(clause_start..).unwrap_or("");
    // A requirement quoted from the commissioning document opens with its quotation mark
    // ("«Minst 70 prosent av …»").
    let lead = clause_start + rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || QUOTES.contains(&c))
            .len();
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
pub(super) fn word_before(f: &str, at: usize) -> usize {
    let head = f.get(..at).unwrap_or("").trim_end();
    head.rfind(char::is_whitespace).map_or(0, |p| p + 1).min(at)
}

/// The comparator and threshold a target's predicate sets, read from byte `from` on. A
/// negation from byte `negation_from` ("ikkje skulle vere over 2 prosent", the word before the
/// modal included) turns the comparator.
pub(super) fn predicate_kind(
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
    // "skal ligge mellom 85 og 90 prosent": a range, when two figures joined by "og" follow.
    if let Some((r, _)) = first_of(f, book.get("between"), from) {
        if range_after(f, tokens, r.end).is_some() {
            found.push((r.start, r.end, Kind::Between));
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
        let copulas = crate::extract::phrases::words().get("infinitive_copulas");
        let copula = copulas
            .iter()
            .any(|c| f.get(..from).unwrap_or("").trim_end().ends_with(c.as_str()))
            || f.get(from..t.span.start)
                .is_some_and(|g| copulas.iter().any(|c| c == g.trim()));
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
pub(super) fn words_after_comparators(
    sentence: &str,
    f: &str,
    from: usize,
    tokens: &mut Vec<NumberToken>,
) {
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
pub(super) fn zero_by_negation(
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
pub(super) fn measure_end(f: &str, from: usize) -> usize {
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
pub(super) fn object_end(f: &str, from: usize) -> usize {
    let mut end = measure_end(f, from);
    for w in crate::extract::phrases::words().get("change_to_prepositions") {
        if let Some(p) = crate::text::find_phrase(f, w, from) {
            end = end.min(p.start);
        }
    }
    end
}

/// Most words between a modal and its requirement ("skal for hele året i gjennomsnitt være
/// lavere enn": an adverbial of time and one of manner).
const MAX_MODAL_GAP_WORDS: usize = 7;

/// At most [`MAX_MODAL_GAP_WORDS`] words, no comma, no "å"/"for å" and no relative "som" between
/// the modal and the requirement.
pub(super) fn predicate_near(f: &str, anchor_end: usize, kind_at: usize) -> bool {
    if kind_at < anchor_end {
        return true;
    }
    let Some(gap) = f.get(anchor_end..kind_at) else {
        return false;
    };
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= MAX_MODAL_GAP_WORDS
        && !gap.contains([',', ';', ':'])
        && !words.contains(&"å")
        && (words.len() <= 5 || !words.contains(&"som"))
}

/// The words before the modal are a fronted phrase of time or place ("Innan 2027", "I 2025",
/// "For Helse Bergen"), not the subject: a preposition of data/phrases/targets.txt
/// [fronting_prepositions] opens them, at most six words, no comma.
pub(super) fn fronted_phrase(head: &str) -> bool {
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
pub(super) fn predicate_near_after_subject(f: &str, anchor_end: usize, kind_at: usize) -> bool {
    let Some(gap) = f.get(anchor_end..kind_at) else {
        return false;
    };
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 12 && !gap.contains([',', ';', ':']) && !words.contains(&"å")
}

/// After a request lead ("med sikte på"): "reduksjon i …" / "økt …".
pub(super) fn nominal_kind(f: &str, from: usize) -> Option<(Kind, usize, usize)> {
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
pub(super) fn is_comparison_with_quantity(f: &str, end: usize, tokens: &[NumberToken]) -> bool {
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

/// The two figures of a range right after byte `from`: "85 og 90 prosent", "85 prosent og 90
/// prosent" (the joint from `[range_joints]`). The low figure may leave its unit to the high one.
pub(super) fn range_after<'t>(
    f: &str,
    tokens: &'t [NumberToken],
    from: usize,
) -> Option<(&'t NumberToken, &'t NumberToken)> {
    let mut quantities = tokens
        .iter()
        .filter(|t| t.span.start >= from && t.kind != NumberKind::Year);
    let low = quantities.next().filter(|t| is_quantity(t))?;
    let high = quantities.next().filter(|t| is_quantity(t))?;
    let joint = f.get(low.span.end..high.span.start)?.trim();
    let joined = phrases::targets()
        .get("range_joints")
        .iter()
        .any(|j| j == joint);
    let units_agree = low.unit == high.unit || low.unit == NumUnit::None;
    (near(f, from, low.span.start, 0) && joined && units_agree && low.value < high.value)
        .then_some((low, high))
}
