//! **placeholder**: template text left in a finished document.
//!
//! Finds "Kr. X", "kr XX", a bare "XX"/"xxx", "X antall", "xx dager", "[dato]", "[navn]",
//! "<sett inn …>", "TBD"/"TODO", "NN" standing for a person ("NN har ansvar", "v/ NN") and
//! "???". Kept precise: "XXL", "Røntgen", "NN" inside a word, roman numerals after "kapittel"
//! and the like are not placeholders. Bracket words are data: `data/phrases/placeholders.txt`.
//!
//! Why: a placeholder in a sent report means a figure, a date or a name is missing, and the
//! reader may take the sentence as complete.
//!
//! Example: "3. Kr. X av Rekrutterings- og samhandlingstilskudd tildelt Helsefellesskap
//! Helgeland …" → warning: the amount is missing.

use super::prose::Prose;
use crate::document::lexicon;
use crate::model::{Finding, FindingKind, Severity};
use crate::text::{head, lower};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "placeholder";

const BRACKET_WORDS: &str = include_str!("../../data/phrases/placeholders.txt");

fn bracket_words() -> Vec<&'static str> {
    BRACKET_WORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn is_x_word(w: &str) -> bool {
    !w.is_empty() && w.len() <= 4 && (w.bytes().all(|b| b == b'X') || w.bytes().all(|b| b == b'x'))
}

fn finding(prose: &Prose, at: usize, written: &str, what: &str) -> Finding {
    let line = prose.line_at(at);
    Finding {
        kind: FindingKind::Placeholder,
        rule: ID.into(),
        severity: Severity::Warning,
        line,
        end_line: line,
        message: format!(
            "Plassholderen «{}» står igjen i teksten: {} mangler.",
            written.trim(),
            what
        ),
        stated: None,
        computed: None,
        computed_range: None,
    }
}

/// Words of the text with their byte offsets (letters and digits; "-" joins a word).
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric();
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, text.get(s..i).unwrap_or("")));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.get(s..).unwrap_or("")));
    }
    out
}

/// Runs the check.
pub fn check(prose: &Prose) -> Vec<Finding> {
    let text = prose.text;
    let mut out = Vec::new();
    let ws = word_spans(text);
    let lex = lexicon();
    for (k, &(at, w)) in ws.iter().enumerate() {
        // Only these words can be placeholders; the rest need no context.
        if !(is_x_word(w) || matches!(w, "TBD" | "TBA" | "TBC" | "TODO" | "FIXME" | "NN")) {
            continue;
        }
        let end = at + w.len();
        let prev_char = text.get(..at).and_then(|s| s.chars().next_back());
        let next_char = text.get(end..).and_then(|s| s.chars().next());
        let glued = matches!(prev_char, Some('-' | '_' | '\''))
            || matches!(next_char, Some('-' | '_' | '\''));
        // The neighbours, lowercased, only for the few words that can be placeholders.
        let prev_word = || {
            k.checked_sub(1)
                .and_then(|j| ws.get(j))
                .map(|(_, p)| lower(p))
        };
        let next_word = || ws.get(k + 1).map(|(_, n)| lower(n));
        if is_x_word(w) && !glued {
            // "xx.xx.2025" is one placeholder.
            let prev_x = k
                .checked_sub(1)
                .and_then(|j| ws.get(j))
                .is_some_and(|&(pat, p)| {
                    is_x_word(p)
                        && text
                            .get(pat + p.len()..at)
                            .is_some_and(|g| g == "." || g == "/")
                });
            if prev_x {
                continue;
            }
            // "Kr. X", "kr XX", "NOK xx"
            if let Some(&(pat, p)) = k.checked_sub(1).and_then(|j| ws.get(j)) {
                let gap = text.get(pat + p.len()..at).unwrap_or("x");
                let tight = gap.chars().all(|c| c == '.' || c == ' ' || c == '\u{a0}');
                if tight && lex.placeholder_currency.contains(lower(p).as_str()) {
                    out.push(finding(
                        prose,
                        at,
                        text.get(pat..end).unwrap_or(w),
                        "beløpet",
                    ));
                    continue;
                }
            }
            if w.len() == 1 {
                // A single "X" only before a unit or count: "X antall", "X dager", "X %".
                let next_word = next_word();
                let unit_next = next_word
                    .as_deref()
                    .is_some_and(|n| lex.placeholder_units.contains(n))
                    && text.get(end..).is_some_and(|s| s.starts_with(' '));
                let pct_next = text
                    .get(end..)
                    .is_some_and(|s| s.trim_start_matches(' ').starts_with('%'));
                if unit_next || pct_next {
                    out.push(finding(
                        prose,
                        at,
                        &format!("{w} {}", next_word.unwrap_or_else(|| "%".into())),
                        "tallet",
                    ));
                }
                continue;
            }
            if prev_word()
                .as_deref()
                .is_some_and(|p| lex.numeral_context.contains(p))
            {
                continue;
            }
            out.push(finding(prose, at, w, "verdien"));
            continue;
        }
        if matches!(w, "TBD" | "TBA" | "TBC" | "TODO" | "FIXME") && !glued {
            out.push(finding(prose, at, w, "innholdet"));
            continue;
        }
        if w == "NN" && !glued {
            let after_ok = next_word()
                .as_deref()
                .is_some_and(|n| lex.after_nn.contains(n))
                && text.get(end..).is_some_and(|s| s.starts_with(' '));
            let before_ok = prev_word()
                .as_deref()
                .is_some_and(|p| lex.before_nn.contains(p));
            if after_ok || before_ok {
                out.push(finding(prose, at, w, "navnet"));
            }
        }
    }
    brackets(prose, &mut out);
    questions(prose, &mut out);
    crate::sorting::sort_by_key(&mut out, |f| f.line);
    out
}

/// "[dato]", "[navn]", "<sett inn beløp>".
fn brackets(prose: &Prose, out: &mut Vec<Finding>) {
    let text = prose.text;
    let list = bracket_words();
    for (open, close) in [('[', ']'), ('<', '>')] {
        for (i, _) in text.match_indices(open) {
            let rest = head(text, i + 1, 60);
            let Some(j) = rest.find(close) else { continue };
            let inner = rest.get(..j).unwrap_or("");
            if inner.contains(['\n', '\r', open]) {
                continue;
            }
            let l = lower(inner.trim());
            let is_placeholder = lexicon().fill_in.iter().any(|p| l.starts_with(p.as_str()))
                || (open == '[' && list.contains(&l.as_str()))
                || (open == '<'
                    && list.contains(&l.as_str())
                    && l.chars().all(|c| c.is_alphabetic() || c == '-'));
            if is_placeholder {
                let written = text.get(i..i + 1 + j + 1).unwrap_or(inner);
                out.push(finding(prose, i, written, "innholdet"));
            }
        }
    }
}

/// "???" standing alone.
fn questions(prose: &Prose, out: &mut Vec<Finding>) {
    let text = prose.text;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'?' {
            let mut j = i;
            while j < b.len() && b[j] == b'?' {
                j += 1;
            }
            let before_ok = i == 0
                || !text
                    .get(..i)
                    .and_then(|s| s.chars().next_back())
                    .is_some_and(|c| c.is_alphanumeric());
            if j - i >= 3 && before_ok {
                out.push(finding(
                    prose,
                    i,
                    text.get(i..j).unwrap_or("???"),
                    "innholdet",
                ));
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Finding> {
        super::super::prose::run_on(text, check)
    }

    #[test]
    fn placeholders_are_found() {
        let f = run(
            "3. Kr. X av Rekrutterings- og samhandlingstilskudd tildelt Helsefellesskap Helgeland.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].kind, FindingKind::Placeholder);
        assert!(f[0].message.contains("«Kr. X»"), "{}", f[0].message);
        assert_eq!(run("Tilskotet er på kr XX.").len(), 1);
        assert_eq!(run("Fristen er xx dager.").len(), 1);
        assert_eq!(run("Det gjeld X antall pasientar.").len(), 1);
        assert_eq!(run("Møtet vart halde [dato] i Bodø.").len(), 1);
        assert_eq!(run("Kontakt: [navn], <sett inn e-post>.").len(), 2);
        assert_eq!(run("Budsjett: TBD").len(), 1);
        assert_eq!(run("NN har ansvar for oppfølginga.").len(), 1);
        assert_eq!(run("Prosjektleiar: NN").len(), 1);
        assert_eq!(run("Status ??? i 2024.").len(), 1);
        assert_eq!(run("Dato: xx.xx.2025").len(), 1);
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        assert!(run("Røntgen og MR ved St. Olavs hospital.").is_empty());
        assert!(run("Vi bestilte XXL-utgaven og en X-ray-maskin.").is_empty());
        assert!(run("Se kapittel XX om finansiering.").is_empty());
        assert!(run("Helse Nord (HN) og NNSH samarbeider; NN-prosjektet er avsluttet.").is_empty());
        assert!(run("Aksen X viser år, og X er en variabel.").is_empty());
        assert!(run("Er dette riktig? Ja.").is_empty());
        assert!(run("Verdien a < b og c > d.").is_empty());
        assert!(run("Kilde: [1] Helsedirektoratet.").is_empty());
    }
}
