//! Entities: regional health authorities (RHF), hospital trusts (HF), support trusts and
//! region/total rows, read from `data/entities.tsv`. Resolves the many ways reports name them
//! ("St. Olav hospital", "St. Olavs Hospital HF", "HNT", "Helse Møre og Romsdal  HF"), tolerating
//! one typo in longer words, and finds mentions in running text.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/entities.tsv");

/// What kind of body an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    National,
    Rhf,
    Hf,
    Support,
    Private,
    Region,
    Total,
}

/// One known entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// Short name of the region (RHF) it belongs to, if any.
    pub region: Option<String>,
}

/// A mention of an entity in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub entity: usize,
    /// Byte range in the searched text.
    pub span: Range<usize>,
}

struct Alias {
    entity: usize,
    tokens: Vec<String>,
    /// Short abbreviations ("HNT") must be written in capitals in running text.
    abbreviation: bool,
}

/// The entity catalogue.
pub struct Catalogue {
    pub entities: Vec<Entity>,
    aliases: Vec<Alias>,
    /// First token of each alias (and its one-deletion variants) → alias indices.
    by_first: HashMap<String, Vec<usize>>,
}

/// The catalogue built from `data/entities.tsv`, once.
pub fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::parse(DATA))
}

/// A character of a word of a name: a letter, an ASCII digit or '-' (a footnote mark such as
/// "¹" after "Helse Nord¹" is not part of the name).
fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || c.is_ascii_digit() || c == '-'
}

/// Lowercases and splits a name into word tokens, dropping punctuation and "HF"/"RHF"/"AS".
/// Whether `text` mentions an entity of one of `kinds` ("regionen samlet" is a region, "Helse
/// Vest" an RHF).
pub fn mentions_kind(text: &str, kinds: &[EntityKind]) -> bool {
    let cat = catalogue();
    cat.mentions(text)
        .iter()
        .any(|m| kinds.contains(&cat.kind(m.entity)))
}

pub fn name_tokens(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    lower
        .split(|c: char| !is_name_char(c))
        .map(|t| t.trim_matches('-'))
        .filter(|t| !t.is_empty() && !matches!(*t, "hf" | "rhf" | "as" | "hf." | "the"))
        .map(|t| t.to_string())
        .collect()
}

fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len())
        .map(|i| {
            chars
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, c)| c)
                .collect()
        })
        .collect()
}

/// True when `a` and `b` differ by at most one edit (insert, delete or substitute).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..]
    } else {
        short[i..] == long[i + 1..]
    }
}

/// Whether the tokens of a text match an alias: each token per `token_matches`, and in names of
/// three or more words one short connecting word may differ ("Helse Møre of Romsdal").
fn tokens_match<'a>(text: impl Iterator<Item = &'a str>, alias: &[String]) -> bool {
    let mut short_misses = 0;
    let mut n = 0;
    for (t, a) in text.zip(alias) {
        n += 1;
        if token_matches(t, a) {
            continue;
        }
        if alias.len() >= 3
            && n > 1
            && n < alias.len()
            && a.chars().count() <= 3
            && t.chars().count() <= 3
        {
            short_misses += 1;
            continue;
        }
        return false;
    }
    n == alias.len() && short_misses <= 1
}

/// Token equality tolerant to one typo in words of 6+ letters, and to a genitive -s
/// ("St. Olav" / "St. Olavs").
fn token_matches(text: &str, alias: &str) -> bool {
    if text == alias {
        return true;
    }
    if text.strip_suffix('s') == Some(alias) || alias.strip_suffix('s') == Some(text) {
        return true;
    }
    alias.chars().count() >= 6 && within_one_edit(text, alias)
}

impl Catalogue {
    fn parse(data: &str) -> Catalogue {
        let mut entities = Vec::new();
        let mut aliases = Vec::new();
        for line in data.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                continue;
            }
            let kind = match cols[1] {
                "national" => EntityKind::National,
                "rhf" => EntityKind::Rhf,
                "hf" => EntityKind::Hf,
                "support" => EntityKind::Support,
                "private" => EntityKind::Private,
                "region" => EntityKind::Region,
                _ => EntityKind::Total,
            };
            let id = entities.len();
            entities.push(Entity {
                name: cols[0].to_string(),
                kind,
                region: (cols[2] != "-").then(|| cols[2].to_string()),
            });
            let mut names: Vec<&str> = cols[3].split('|').collect();
            names.push(cols[0]);
            for n in names {
                let tokens = name_tokens(n);
                if tokens.is_empty()
                    || aliases
                        .iter()
                        .any(|a: &Alias| a.entity == id && a.tokens == tokens)
                {
                    continue;
                }
                let abbreviation = tokens.len() == 1 && tokens[0].chars().count() <= 4;
                aliases.push(Alias {
                    entity: id,
                    tokens,
                    abbreviation,
                });
            }
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in aliases.iter().enumerate() {
            let first = &a.tokens[0];
            by_first.entry(first.clone()).or_default().push(i);
            if first.chars().count() >= 6 {
                for d in deletions(first) {
                    by_first.entry(d).or_default().push(i);
                }
            }
        }
        Catalogue {
            entities,
            aliases,
            by_first,
        }
    }

    fn candidates(&self, first: &str) -> Vec<usize> {
        // The built-in catalogue's answers are remembered per word: a report repeats its words,
        // and each fresh look-up builds and hashes every one-letter deletion of the word.
        if !std::ptr::eq(self, catalogue()) {
            return self.candidates_uncached(first);
        }
        thread_local! {
            static MEMO: std::cell::RefCell<crate::text::WordMap<String, Vec<usize>>> =
                std::cell::RefCell::new(Default::default());
        }
        MEMO.with(|memo| {
            if let Some(v) = memo.borrow().get(first) {
                return v.clone();
            }
            let v = self.candidates_uncached(first);
            let mut memo = memo.borrow_mut();
            if memo.len() >= 20_000 {
                memo.clear();
            }
            memo.insert(first.to_string(), v.clone());
            v
        })
    }

    fn candidates_uncached(&self, first: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self.by_first.get(first).cloned().unwrap_or_default();
        if first.chars().count() >= 5 {
            for d in deletions(first) {
                if let Some(v) = self.by_first.get(&d) {
                    out.extend(v);
                }
            }
            if let Some(stem) = first.strip_suffix('s') {
                if let Some(v) = self.by_first.get(stem) {
                    out.extend(v);
                }
            }
        }
        crate::sorting::sort(&mut out);
        out.dedup();
        out.retain(|&i| token_matches(first, &self.aliases[i].tokens[0]));
        out
    }

    /// Resolves a whole label (a table row, a column header) to an entity.
    pub fn resolve(&self, label: &str) -> Option<usize> {
        let tokens = name_tokens(label);
        if tokens.is_empty() || tokens.len() > 8 {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for ai in self.candidates(&tokens[0]) {
            let a = &self.aliases[ai];
            if a.tokens.len() == tokens.len()
                && tokens_match(tokens.iter().map(String::as_str), &a.tokens)
                && best.is_none_or(|(_, n)| a.tokens.len() > n)
            {
                best = Some((a.entity, a.tokens.len()));
            }
        }
        best.map(|(e, _)| e)
    }

    /// Finds entity mentions in running text, longest alias first. Total rows ("totalt",
    /// "sum") are not looked for in prose, where those words are ordinary adverbs.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let words = word_spans(text);
        let mut out = Vec::new();
        let mut i = 0;
        let mut lower = String::new();
        while i < words.len() {
            let (ws, we) = words[i];
            let word = &text[ws..we];
            // Most words are ASCII: lowercased in place of a fresh `to_lowercase` each.
            if word.is_ascii() {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower = word.to_lowercase();
            }
            let first = lower.trim_matches('-');
            let mut best: Option<(usize, usize)> = None; // (alias, token count)
            for ai in self.candidates(first) {
                let a = &self.aliases[ai];
                if self.entities[a.entity].kind == EntityKind::Total {
                    continue;
                }
                if a.abbreviation && text[ws..we].chars().any(|c| c.is_lowercase()) {
                    continue;
                }
                let n = a.tokens.len();
                if i + n > words.len() || best.is_some_and(|(_, m)| m >= n) {
                    continue;
                }
                let lowered: Vec<String> = (0..n)
                    .map(|k| {
                        let (s, e) = words[i + k];
                        text[s..e].to_lowercase().trim_matches('-').to_string()
                    })
                    .collect();
                let ok = tokens_match(lowered.iter().map(String::as_str), &a.tokens);
                if ok {
                    best = Some((ai, n));
                }
            }
            if let Some((ai, n)) = best {
                let mut end = words[i + n - 1].1;
                // Swallow a following "HF"/"RHF".
                if let Some((s, e)) = words.get(i + n).cloned() {
                    if matches!(&text[s..e], "HF" | "RHF" | "hf") {
                        end = e;
                    }
                }
                out.push(Mention {
                    entity: self.aliases[ai].entity,
                    span: ws..end,
                });
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }

    pub fn name(&self, id: usize) -> &str {
        self.entities.get(id).map(|e| e.name.as_str()).unwrap_or("")
    }

    pub fn kind(&self, id: usize) -> EntityKind {
        self.entities
            .get(id)
            .map(|e| e.kind)
            .unwrap_or(EntityKind::Total)
    }
}

/// Byte spans of words (letters, digits, '-', and '.' inside "St.") in `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let part = is_name_char(c);
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_of(label: &str) -> Option<String> {
        let c = catalogue();
        c.resolve(label).map(|i| c.name(i).to_string())
    }

    #[test]
    fn resolves_the_many_names_of_a_trust() {
        for l in [
            "St. Olavs hospital HF",
            "St. Olav hospital",
            "St. Olavs Hospital HF",
            "St.Olavs hospital",
        ] {
            assert_eq!(name_of(l).as_deref(), Some("St. Olavs hospital HF"), "{l}");
        }
        assert_eq!(
            name_of("Helse Møre og Romsdal  HF").as_deref(),
            Some("Helse Møre og Romsdal HF")
        );
        assert_eq!(name_of("HNT").as_deref(), Some("Helse Nord-Trøndelag HF"));
        assert_eq!(
            name_of("UNN").as_deref(),
            Some("Universitetssykehuset Nord-Norge HF")
        );
        assert_eq!(
            name_of("Sykehusapotekene i Midt-Norge HF").as_deref(),
            Some("Sykehusapotekene i Midt-Norge HF")
        );
        assert_eq!(name_of("Totalt").as_deref(), Some("Totalt"));
        assert_eq!(name_of("Helse Førde").as_deref(), Some("Helse Førde HF"));
    }

    #[test]
    fn tolerates_a_typo_but_not_a_different_name() {
        assert_eq!(
            name_of("Helse Møre of Romsdal").as_deref(),
            Some("Helse Møre og Romsdal HF")
        );
        assert_eq!(name_of("Helse Sogn og Fjordane"), None);
        assert_eq!(
            name_of("Nordlandsykehuset").as_deref(),
            Some("Nordlandssykehuset HF")
        );
        assert_eq!(name_of("Helse Nord").as_deref(), Some("Helse Nord RHF"));
        assert_eq!(name_of("Somatikk"), None);
    }

    #[test]
    fn finds_mentions_in_prose_longest_first() {
        let c = catalogue();
        let text = "Tallet for St. Olav hospital er 71 prosent, for Helse Nord-Trøndelag 73 prosent og for Helse Møre og Romsdal 75 prosent.";
        let names: Vec<&str> = c.mentions(text).iter().map(|m| c.name(m.entity)).collect();
        assert_eq!(
            names,
            vec![
                "St. Olavs hospital HF",
                "Helse Nord-Trøndelag HF",
                "Helse Møre og Romsdal HF"
            ]
        );
        let m = c.mentions("Helse Nord-Trøndelag (HNT) har økt");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].entity, m[1].entity);
    }

    #[test]
    fn ordinary_words_are_not_entities() {
        let c = catalogue();
        assert!(c
            .mentions("Det var totalt 12 saker, en fin sum, og vi vil si at hnt er uklart.")
            .is_empty());
        let nn = c.mentions("Helse Bergen og Helse Stavanger har auka talet på plassar.");
        assert_eq!(nn.len(), 2);
    }
}
