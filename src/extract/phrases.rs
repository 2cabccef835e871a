//! Phrase lists as data: the files in `data/phrases/` (target verbs, comparators, claim words,
//! areas), bokmål and nynorsk side by side. This module only loads them; the grammar that uses
//! them is in `targets`, `claims` and `values`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::{find_phrase, WordMap};

const TARGETS: &str = include_str!("../../data/phrases/targets.txt");
const CLAIMS: &str = include_str!("../../data/phrases/claims.txt");
const SUBJECTS: &str = include_str!("../../data/phrases/subjects.txt");
const WORD_CLASSES: &str = include_str!("../../data/phrases/words.txt");

/// Sections of a phrase file, each a list of lowercase phrases sorted longest first.
pub struct PhraseBook {
    sections: HashMap<String, Vec<String>>,
    order: Vec<String>,
}

impl PhraseBook {
    pub fn parse(data: &str) -> PhraseBook {
        PhraseBook::parse_with(data, false)
    }

    /// Like [`PhraseBook::parse`], with the forms of a line separated by `|` (bokmål | nynorsk)
    /// taken as phrases of their own.
    pub fn parse_forms(data: &str) -> PhraseBook {
        PhraseBook::parse_with(data, true)
    }

    fn parse_with(data: &str, forms: bool) -> PhraseBook {
        let mut sections: HashMap<String, Vec<String>> = HashMap::new();
        let mut order = Vec::new();
        let mut current = String::new();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name.to_string();
                order.push(current.clone());
                continue;
            }
            let list = sections.entry(current.clone()).or_default();
            if forms {
                list.extend(
                    line.split('|')
                        .map(|f| f.trim().to_lowercase())
                        .filter(|f| !f.is_empty()),
                );
            } else {
                list.push(line.to_lowercase());
            }
        }
        for list in sections.values_mut() {
            crate::sorting::sort_by_key(list, |p| std::cmp::Reverse(p.len()));
            list.dedup();
        }
        PhraseBook { sections, order }
    }

    /// Phrases of a section, longest first (empty when the section is missing).
    pub fn get(&self, section: &str) -> &[String] {
        self.sections.get(section).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Section names in file order.
    pub fn sections(&self) -> &[String] {
        &self.order
    }
}

pub fn targets() -> &'static PhraseBook {
    static B: OnceLock<PhraseBook> = OnceLock::new();
    B.get_or_init(|| PhraseBook::parse(TARGETS))
}

/// Small closed word classes shared by the readers (data/phrases/words.txt): negations,
/// approximators, prepositions, leads.
pub fn words() -> &'static PhraseBook {
    static B: OnceLock<PhraseBook> = OnceLock::new();
    B.get_or_init(|| PhraseBook::parse_forms(WORD_CLASSES))
}

/// Whether `word` (lower case) is a phrase of section `section` of data/phrases/words.txt.
pub fn is_word(section: &str, word: &str) -> bool {
    words().get(section).iter().any(|w| w == word)
}

pub fn claims() -> &'static PhraseBook {
    static B: OnceLock<PhraseBook> = OnceLock::new();
    B.get_or_init(|| PhraseBook::parse(CLAIMS))
}

/// Areas (fagområder): (canonical name, aliases longest first).
pub fn subjects() -> &'static [(String, Vec<String>)] {
    static S: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    S.get_or_init(|| {
        SUBJECTS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut parts = l.split('|').map(|p| p.trim().to_lowercase());
                let canonical = l.split('|').next()?.trim().to_string();
                parts.next();
                let mut aliases: Vec<String> = parts.filter(|p| !p.is_empty()).collect();
                crate::sorting::sort_by_key(&mut aliases, |p| std::cmp::Reverse(p.len()));
                Some((canonical, aliases))
            })
            .collect()
    })
}

/// The words of the text `first_of` looked at last: the same sentence is asked about many phrase
/// lists in a row, so its words are read once.
struct WordCache {
    /// The text the entry is for.
    text: String,
    /// Ids (see [`Indexes::ids`]) of its words that begin some indexed phrase, sorted, distinct.
    ids: Vec<u32>,
    /// All its distinct words, sorted; only collected when a list without an index asks.
    words: Option<Vec<String>>,
    /// Room for one call's candidate phrases, kept to save an allocation per call.
    scratch: Vec<usize>,
}

thread_local! {
    static WORDS: std::cell::RefCell<WordCache> = const {
        std::cell::RefCell::new(WordCache {
            text: String::new(),
            ids: Vec::new(),
            words: None,
            scratch: Vec::new(),
        })
    };
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The first word of a phrase as `first_of` compares it with the text's words.
fn first_word(p: &str) -> &str {
    p.split_whitespace().next().map(trim_word).unwrap_or("")
}

/// For a phrase list: the positions of its phrases by the id of their first word, and those
/// without one.
struct FirstWords {
    by_id: WordMap<u32, Vec<usize>>,
    always: Vec<usize>,
}

/// Indexes of the built-in phrase lists.
struct Indexes {
    /// Every first word of an indexed phrase, with its id.
    ids: WordMap<&'static str, u32>,
    /// Per list, keyed by the address of its first element. Only `'static` lists are indexed
    /// (they are never freed, so an address cannot be reused); any other list is scanned phrase
    /// by phrase.
    lists: WordMap<usize, FirstWords>,
}

fn indexes() -> &'static Indexes {
    static I: OnceLock<Indexes> = OnceLock::new();
    I.get_or_init(|| {
        let mut lists: Vec<&'static [String]> = Vec::new();
        for book in [targets(), claims()] {
            for name in book.sections() {
                lists.push(book.get(name));
            }
        }
        for (_, aliases) in subjects() {
            lists.push(aliases.as_slice());
        }
        let mut ids: WordMap<&'static str, u32> = WordMap::default();
        let mut out = WordMap::default();
        for list in lists {
            if list.is_empty() {
                continue;
            }
            let mut idx = FirstWords {
                by_id: WordMap::default(),
                always: Vec::new(),
            };
            for (i, p) in list.iter().enumerate() {
                let w = first_word(p);
                if w.is_empty() {
                    idx.always.push(i);
                } else {
                    let next = ids.len() as u32;
                    let id = *ids.entry(w).or_insert(next);
                    idx.by_id.entry(id).or_default().push(i);
                }
            }
            out.insert(list.as_ptr() as usize, idx);
        }
        Indexes { ids, lists: out }
    })
}

/// Whether the text between two figures joins them into a list ("60, 45 og 30"): a comma, a
/// word of `[list_joints]` (targets.txt) or both.
pub fn is_list_joint(gap: &str) -> bool {
    let g = gap.trim();
    let word = g.strip_prefix(',').unwrap_or(g).trim();
    (word.is_empty() && g.starts_with(','))
        || targets().get("list_joints").iter().any(|j| j == word)
}

/// The first (leftmost, then longest) phrase of `phrases` in `folded` at or after `from`.
pub fn first_of<'p>(
    folded: &str,
    phrases: &'p [String],
    from: usize,
) -> Option<(std::ops::Range<usize>, &'p str)> {
    // Only phrases whose first word occurs at all are searched for. For the built-in lists the
    // candidates come from an index by first word (the text's words are looked up once, and
    // each call only visits those that begin a phrase); other lists are filtered phrase by
    // phrase.
    let rest = folded.get(from..)?;
    let index = indexes();
    WORDS.with(|cell| {
        let mut cache = cell.borrow_mut();
        if cache.text != rest {
            cache.text.clear();
            cache.text.push_str(rest);
            let mut ids: Vec<u32> = rest
                .split_whitespace()
                .filter_map(|x| index.ids.get(trim_word(x)).copied())
                .collect();
            crate::sorting::sort(&mut ids);
            ids.dedup();
            cache.ids = ids;
            cache.words = None;
        }
        let mut best: Option<(std::ops::Range<usize>, &'p str)> = None;
        let mut consider = |p: &'p String| {
            if let Some(r) = find_phrase(folded, p, from) {
                let better = match &best {
                    None => true,
                    Some((b, _)) => r.start < b.start || (r.start == b.start && r.end > b.end),
                };
                if better {
                    best = Some((r, p.as_str()));
                }
            }
        };
        match index.lists.get(&(phrases.as_ptr() as usize)) {
            Some(idx) if !phrases.is_empty() => {
                let mut cands = std::mem::take(&mut cache.scratch);
                cands.clear();
                cands.extend_from_slice(&idx.always);
                for id in &cache.ids {
                    if let Some(list) = idx.by_id.get(id) {
                        cands.extend_from_slice(list);
                    }
                }
                // List order, as the scan below: ties keep the earlier phrase.
                crate::sorting::sort(&mut cands);
                for &i in &cands {
                    if let Some(p) = phrases.get(i) {
                        consider(p);
                    }
                }
                cache.scratch = cands;
            }
            _ => {
                let words = cache.words.get_or_insert_with(|| {
                    let mut words: Vec<String> = rest
                        .split_whitespace()
                        .map(|x| trim_word(x).to_string())
                        .collect();
                    crate::sorting::sort(&mut words);
                    words.dedup();
                    words
                });
                for p in phrases {
                    let first = first_word(p);
                    if !first.is_empty()
                        && words.binary_search_by(|x| x.as_str().cmp(first)).is_err()
                    {
                        continue;
                    }
                    consider(p);
                }
            }
        }
        best
    })
}

// Direction words (data/phrases/direction_words.txt): what a sentence says a figure did.
// Used by the value reader and by the arithmetic checks.

/// What a direction word says a figure did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    /// "endring": a change without a direction.
    Change,
}

const DIRECTION_WORDS: &str = include_str!("../../data/phrases/direction_words.txt");

fn direction_table() -> &'static Vec<(Dir, Vec<String>)> {
    static TABLE: std::sync::OnceLock<Vec<(Dir, Vec<String>)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        DIRECTION_WORDS
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                if l.is_empty() || l.starts_with('#') {
                    return None;
                }
                let (d, phrase) = l.split_once(' ')?;
                let dir = match d {
                    "up" => Dir::Up,
                    "down" => Dir::Down,
                    "change" => Dir::Change,
                    _ => return None,
                };
                Some((dir, phrase.split_whitespace().map(String::from).collect()))
            })
            .collect()
    })
}

/// Whether `word` denies what follows: "ikke økt", "ikkje auka", "ingen økning"
/// (data/phrases/words.txt `[negations]`).
pub fn is_negation(word: &str) -> bool {
    is_word("negations", word)
}

/// A direction word found in a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirWord {
    pub dir: Dir,
    /// Index of the phrase's first word in the word list.
    pub index: usize,
    /// Number of words in the phrase.
    pub len: usize,
    /// Whether a negation stands just before it.
    pub negated: bool,
}

/// The last direction word among `words` (lowercase), if any.
pub fn last_direction(words: &[String]) -> Option<DirWord> {
    (0..words.len()).rev().find_map(|i| direction_at(words, i))
}

/// The first direction word among `words` (lowercase), if any.
pub fn first_direction(words: &[String]) -> Option<DirWord> {
    (0..words.len()).find_map(|i| direction_at(words, i))
}

/// The direction word that starts at `words[i]`, with a negation up to three words before it.
fn direction_at(words: &[String], i: usize) -> Option<DirWord> {
    direction_table().iter().find_map(|(dir, phrase)| {
        let n = phrase.len();
        let here = words.get(i..i + n).filter(|_| n > 0)?;
        if !here.iter().zip(phrase).all(|(a, b)| a == b) {
            return None;
        }
        let negated = words[i.saturating_sub(3)..i].iter().any(|w| is_negation(w));
        Some(DirWord {
            dir: *dir,
            index: i,
            len: n,
            negated,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn phrase_files_load_with_both_written_standards() {
        let t = targets();
        assert!(t.get("increase").iter().any(|p| p == "auke"));
        assert!(t.get("increase").iter().any(|p| p == "økes"));
        assert!(t.get("at_most")[0].len() >= t.get("at_most").last().unwrap().len());
        assert_eq!(claims().sections()[0], "uncertain");
        assert!(subjects()
            .iter()
            .any(|(c, a)| c == "TSB" && a.iter().any(|x| x == "rusbehandling")));
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let f = fold("Andelen skal økes. Overholde minst 95 pst.");
        assert!(find_phrase(&f, "over", 0).is_none());
        assert_eq!(find_phrase(&f, "minst", 0).map(|r| &f[r]), Some("minst"));
        let (_, p) = first_of(&f, targets().get("increase"), 0).unwrap();
        assert_eq!(p, "økes");
    }
}
