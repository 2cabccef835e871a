//! Whether a sentence names a target's measure, another target's measure or another goal.

use crate::extract::targets::TargetSpec;
use crate::text::fold;

/// What naming one of a target's areas weighs in [`measure_score`], against one per word.
const AREA_SCORE: usize = 100;

/// Whether the words before a claim phrase (`head`, folded) name the target's area or a
/// distinctive word of its measure ("målet for ventetid i phbu" names "Gjennomsnittlig
/// ventetid i psykisk helsevern barn og unge").
/// Whether the words before a claim name the goal they answer by what it is about ("målet om
/// null fristbrudd") and that is not what `target` (the target sentence, folded) is about. The
/// figures, units, comparators and change words of a goal restated ("målet om 10 prosent
/// reduksjon") say nothing of what it is about.
pub(super) fn names_other_goal(head: &str, target: &str) -> bool {
    let book = crate::extract::phrases::targets();
    let Some(about) = book.get("goal_nouns").iter().find_map(|n| {
        let r = crate::text::find_phrase(head, n, 0)?;
        head[r.end..].trim_start().strip_prefix("om ")
    }) else {
        return false;
    };
    let plain = |w: &str| {
        let one = [w.to_string()];
        crate::extract::phrases::first_direction(&one).is_some()
            || [
                "at_least",
                "at_most",
                "above",
                "below",
                "zero",
                "change_size",
                "goal_restated_words",
            ]
            .iter()
            .any(|sec| book.get(sec).iter().any(|p| p == w))
    };
    // What the goal is about ends at its verb ("målet om 20 prosent reduksjon er dermed ikke").
    let copulas = book.get("goal_copula");
    let words: Vec<&str> = about
        .split(|c: char| !c.is_alphanumeric())
        .take_while(|w| !copulas.iter().any(|c| c == w))
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !plain(w))
        .collect();
    !words.is_empty()
        && !words.iter().any(|w| {
            let stem: String = w.chars().take(5).collect();
            target.contains(&stem)
        })
}

/// Whether a heading names the measure of one of `others` and not that of `spec`.
pub(super) fn names_other_section(
    heading: &str,
    spec: &TargetSpec,
    label: &str,
    others: &[(&TargetSpec, &str)],
) -> bool {
    let f = fold(heading);
    // A word of the heading that begins as a word of this target's does ("Bemanning og
    // sykefravær" over "Sykefraværet skal ikke overstige …").
    let own_text = fold(label);
    let shares_stem = f.split_whitespace().any(|w| {
        w.chars().count() >= 5 && {
            let stem: String = w.chars().take(6).collect();
            own_text.contains(&stem) || fold(&spec.measure).contains(&stem)
        }
    });
    !shares_stem
        && measure_score(&f, spec, label) == 0
        && others.iter().any(|(o, l)| measure_score(&f, o, l) > 0)
}

/// What a target sentence says before its first figure ("Pakkeforløp for kreft: Delen … skal
/// vere minst"): the words a claim may name it by, beside its measure.
pub(super) fn label_of(sentence: &str) -> &str {
    let end = sentence
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(sentence.len());
    &sentence[..end]
}

pub(super) fn names_measure(head: &str, spec: &TargetSpec, label: &str) -> bool {
    measure_score(head, spec, label) > 0
}

/// How well `head` (folded) names the measure of `spec`: an area of the target counts most,
/// then each distinct word of the measure (or the target sentence's label) found in it.
pub(super) fn measure_score(head: &str, spec: &TargetSpec, label: &str) -> usize {
    if head.trim().is_empty() {
        return 0;
    }
    if names_area(head, spec) {
        return AREA_SCORE;
    }
    measure_words(head, spec, label)
}

/// Whether `head` (folded) names an area of the target.
pub(super) fn names_area(head: &str, spec: &TargetSpec) -> bool {
    crate::extract::targets::subjects_in(head, 0)
        .iter()
        .any(|s| spec.subjects.contains(s) || spec.target.subject.as_ref() == Some(s))
}

/// How many distinct words of the target's measure (or its sentence's label) `head` (folded)
/// names, areas aside.
pub(super) fn measure_words(head: &str, spec: &TargetSpec, label: &str) -> usize {
    words_named(head, &measure_text(spec, label))
}

/// [`measure_words`] without the words of the areas the measure names: "Ventetid i psykisk
/// helsevern for barn og unge" names "ventetid" beyond its area, so "Tvang i psykisk helsevern"
/// shares none of its own words.
pub(super) fn measure_words_beyond_area(head: &str, spec: &TargetSpec, label: &str) -> usize {
    let mut measure = measure_text(spec, label);
    // Each round blanks the areas' first mentions (a repeated mention of one area is reported
    // once); a measure names few.
    for _ in 0..4 {
        let mentions = crate::extract::targets::area_mentions(&measure);
        if mentions.is_empty() {
            break;
        }
        for (r, _) in mentions.into_iter().rev() {
            measure.replace_range(r.clone(), &" ".repeat(r.len()));
        }
    }
    words_named(head, &measure)
}

/// The target's measure and its sentence's label, folded, names blanked: names are no measure
/// words ("Helse Vest har som mål at …" names nothing of what "Helse Bergen hadde 73 prosent" is
/// about).
fn measure_text(spec: &TargetSpec, label: &str) -> String {
    format!(
        "{} {}",
        fold(&without_names(&spec.measure)),
        fold(&without_names(label))
    )
}

/// How many distinct words of `measure` (folded) `head` (folded) names.
fn words_named(head: &str, measure: &str) -> usize {
    let generic = crate::extract::phrases::targets().get("generic_measure_words");
    let head_words: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    measure
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5 && !generic.iter().any(|g| g == w))
        .filter(|w| {
            // A stem of seven letters: "ventetid" ~ "ventetida", "fristbrudd" ~ "fristbrot".
            let stem_end = w.char_indices().nth(7).map_or(w.len(), |(i, _)| i);
            let stem = &w[..stem_end];
            if seen.contains(&stem) {
                return false;
            }
            seen.push(stem);
            // A short word is matched with its endings only ("helse" ~ "helsa", not
            // "helseforetak").
            let short = w.chars().count() < 7;
            head_words.iter().any(|h| {
                h.starts_with(stem) && (!short || h.chars().count() <= w.chars().count() + 3)
            })
        })
        .count()
}

/// `text` with the names of entities blanked out.
fn without_names(text: &str) -> String {
    let mut out = text.to_string();
    for m in crate::extract::entities::catalogue()
        .mentions(text)
        .iter()
        .rev()
    {
        if let Some(name) = out.get(m.span.clone()) {
            let blank = " ".repeat(name.len());
            out.replace_range(m.span.clone(), &blank);
        }
    }
    out
}

/// The sentence up to the end of the clause a claim at byte `at` stands in: cut at the first
/// ", men", ", mens", ", medan" or ";" after it (clause_breaks of data/phrases/claims.txt).
/// The claim's own clause: [`claim_clause`] from the last clause break before the claim phrase
/// (";" or a comma and a conjunction of `[clause_breaks]`): in "Alle helseforetakene har redusert
/// ventetiden, men kravet er ikke innfridd" the claim's clause does not speak of every trust.
pub(super) fn claim_own_clause(sentence: &str, at: usize) -> &str {
    let head = claim_clause(sentence, at);
    let f = fold(head);
    // `at` is a claim phrase's start: a char boundary, as in `claim_clause`.
    let from = at.min(f.len());
    let start = crate::extract::claims::last_clause_start(&f[..from]).unwrap_or(0);
    head.get(start..).unwrap_or(head)
}

pub(super) fn claim_clause(sentence: &str, at: usize) -> &str {
    let f = fold(sentence);
    let from = at.min(f.len());
    let mut end = f[from..].find(';').map_or(f.len(), |p| from + p);
    for w in crate::extract::phrases::claims().get("clause_breaks") {
        if w == "og" || w == "samt" {
            continue;
        }
        if let Some(p) = f[from..end].find(&format!(", {w} ")) {
            end = from + p;
        }
    }
    sentence.get(..end).unwrap_or(sentence)
}
