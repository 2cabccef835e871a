//! Phrase lists used by the document model, read once from `data/*.txt`.
//!
//! File format: one entry per line, `#` starts a comment line, bokmål and nynorsk forms side by
//! side separated by `|`. Entries are compared lower-cased.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A set of lowercase words, hashed with the phrase index's small hasher (the sets are asked
/// about words of every line; SipHash showed in profiles and the keys are our own data).
pub(crate) type WordSet = HashSet<String, std::hash::BuildHasherDefault<crate::text::WordHasher>>;

pub(crate) struct Lexicon {
    /// Abbreviations (lower case, with their final full stop).
    pub abbreviations: WordSet,
    /// Abbreviations that may also end a sentence.
    pub may_end: WordSet,
    /// Words that start a sentence after a "may end" abbreviation (lower case).
    pub starters: WordSet,
    /// Words a sentence cannot end with (lower case).
    pub continuation: WordSet,
    /// Known headings (lower case).
    pub headings: WordSet,
    /// First words of captions (lower case).
    pub captions: WordSet,
    /// Page-furniture lines (lower case).
    pub noise_labels: WordSet,
    /// Finite verbs (lower case): lines holding one are statements, not headings.
    pub finite_verbs: WordSet,
    /// First words of a status table's requirement column header (lower case).
    pub requirement_headers: WordSet,
    /// First words of a status table's status column header (lower case).
    pub status_headers: WordSet,
    /// First words of a difference column's header ("Avvik", "Endring"; lower case).
    pub difference_headers: WordSet,
    /// Caption words of a table's part after a page break ("forts.", "framhald"; lower case).
    pub continued: WordSet,
    /// Caption or header words of a table of amounts in a larger unit ("mill.", "tusen"):
    /// its whole numbers are rounded (lower case).
    pub rounded_units: WordSet,
}

fn entries(src: &'static str) -> impl Iterator<Item = String> {
    src.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split('|'))
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty())
}

fn set(src: &'static str) -> WordSet {
    entries(src).collect()
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut abbreviations = WordSet::default();
        let mut may_end = WordSet::default();
        for e in entries(include_str!("../../data/abbreviations.txt")) {
            match e.strip_suffix('*') {
                Some(base) => {
                    let base = base.trim().to_string();
                    may_end.insert(base.clone());
                    abbreviations.insert(base);
                }
                None => {
                    abbreviations.insert(e);
                }
            }
        }
        Lexicon {
            abbreviations,
            may_end,
            starters: set(include_str!("../../data/sentence_starters.txt")),
            continuation: set(include_str!("../../data/continuation_words.txt")),
            headings: set(include_str!("../../data/heading_words.txt")),
            captions: set(include_str!("../../data/caption_words.txt")),
            noise_labels: set(include_str!("../../data/noise_labels.txt")),
            finite_verbs: set(include_str!("../../data/finite_verbs.txt")),
            requirement_headers: set(include_str!("../../data/table_requirement_headers.txt")),
            status_headers: set(include_str!("../../data/table_status_headers.txt")),
            difference_headers: set(include_str!("../../data/table_difference_headers.txt")),
            continued: set(include_str!("../../data/table_continued_words.txt")),
            rounded_units: set(include_str!("../../data/table_rounded_units.txt")),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_both_written_standards() {
        let lex = lexicon();
        assert!(lex.abbreviations.contains("bl.a."));
        assert!(lex.abbreviations.contains("t.d."));
        assert!(lex.may_end.contains("mill."));
        assert!(!lex.may_end.contains("bl.a."));
        assert!(lex.continuation.contains("frå"));
        assert!(lex.headings.contains("indikatorar"));
        assert!(lex.noise_labels.contains("intern"));
    }
}
