//! The lexer's word look-ups: its word lists are data (`data/month_words.txt`,
//! `period_words.txt`, `negative_words.txt`, `spaced_reference_words.txt`,
//! `currency_words.txt`), read once by the lexicon.

use super::NumUnit;
use crate::document::lexicon;

/// The month a (folded) word names, full or abbreviated ("november", "nov" → 11).
pub(crate) fn month_of(word: &str) -> Option<u32> {
    lexicon().months.get(word).copied()
}

/// The unit a word for a part of a year gives its number ("tertial", "kvartalet", "halvår").
pub(super) fn period_unit(word: &str) -> Option<NumUnit> {
    lexicon()
        .period_words
        .get(word)
        .and_then(|name| unit_named(name))
}

/// The unit a name in `data/period_words.txt` stands for.
fn unit_named(name: &str) -> Option<NumUnit> {
    match name {
        "quarter" => Some(NumUnit::Quarter),
        "tertial" => Some(NumUnit::Tertial),
        "half_year" => Some(NumUnit::HalfYear),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_period_word_names_a_unit() {
        let lex = lexicon();
        assert_eq!(lex.period_words.len(), 6);
        for (w, name) in &lex.period_words {
            assert!(unit_named(name).is_some(), "{w}: {name}");
        }
        assert_eq!(period_unit("tertialet"), Some(NumUnit::Tertial));
        assert_eq!(period_unit("halvår"), Some(NumUnit::HalfYear));
    }

    #[test]
    fn months_full_and_abbreviated() {
        let lex = lexicon();
        assert_eq!(lex.months.len(), 24);
        assert!(lex.months.values().all(|m| (1..=12).contains(m)));
        assert_eq!(month_of("nov"), Some(11));
        assert_eq!(month_of("sept"), Some(9));
        assert_eq!(month_of("januar"), Some(1));
        assert_eq!(month_of("novembe"), None);
    }
}
