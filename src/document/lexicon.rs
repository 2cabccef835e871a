//! Phrase lists used by the document model, read once from `data/*.txt`.
//!
//! File format: one entry per line, `#` starts a comment line, bokmål and nynorsk forms side by
//! side separated by `|`. Entries are compared lower-cased; an entry in double quotes is taken
//! as written, its spaces included (`"per "`). The table reader's unit words
//! (`table_unit_words.txt`) give a unit and a factor before the forms.
//!
//! The lists of the later stages (the table reader, the number lexer, the rules) are here too,
//! so that every word list is data, read once; each field says who asks it.

use std::collections::{HashMap, HashSet};
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
    /// Words after a line-end hyphen that make it a suspended compound ("helse- og").
    pub suspended: WordSet,
    /// Headers of a results column for a whole period ("Heile året", "Hittil i år").
    pub whole_period_headers: Vec<String>,
    /// Words of headers of results columns for parts of a year ("tertial", "T2").
    pub part_period_headers: WordSet,
    /// First words of a comment column's header ("Kommentar", "Merknad").
    pub comment_headers: WordSet,
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
    /// First words of a column that restates the requirement ("Måltal", "Målverdi"; lower
    /// case), besides `requirement_headers`.
    pub target_headers: WordSet,
    /// First words of a column of planned, budgeted or forecast figures (lower case).
    pub plan_headers: WordSet,
    /// Words of a column header that make its cells changes, not levels ("Endring", "Avvik",
    /// "+/-"; lower case).
    pub level_change_headers: WordSet,
    /// First words of a difference column's header ("Avvik", "Endring"; lower case).
    pub difference_headers: WordSet,
    /// Caption words of a table's part after a page break ("forts.", "framhald"; lower case).
    pub continued: WordSet,
    /// Caption or header words of a table of amounts in a larger unit ("mill.", "tusen"):
    /// its whole numbers are rounded (lower case).
    pub rounded_units: WordSet,
    /// Last words of a label that make a table-like line prose ("i", "innan", "juni";
    /// `extract::tables`).
    pub prose_label_ends: WordSet,
    /// Words after which a small number is part of a row's name ("Fase 1"; `extract::tables`).
    pub name_number_words: WordSet,
    /// Abbreviations that may end a table line without making it a sentence (the table reader's
    /// own list, not `abbreviations`; `extract::tables`).
    pub table_abbreviations: WordSet,
    /// Unit words after a number in a table row: form → (unit name, factor) (`extract::tables`
    /// turns the name into its unit).
    pub table_units: HashMap<String, (&'static str, f64)>,
    /// Words that label a population figure (`rules::rate`).
    pub population_labels: WordSet,
    /// Header words (matched anywhere in the header) of a column that must not be summed
    /// (`rules::table_sums`).
    pub non_additive_headers: Vec<String>,
    /// Header words of a column of changes in percent (`rules::table_percent`).
    pub change_headers: Vec<String>,
    /// Header words of a column of shares in percent (`rules::table_percent`).
    pub share_headers: Vec<String>,
    /// Header words that make a column of plain numbers percentages ("Endring i %").
    pub percent_headers: Vec<String>,
    /// Labels of a total row or column (`rules::table_sums`).
    pub total_labels: WordSet,
    /// Words that make a figure approximate ("ca", "nesten"; `rules::prose`).
    pub approximate: WordSet,
    /// Words that make a change a target or a forecast ("skal", "anslår"; `rules::change`).
    pub change_target_words: WordSet,
    /// Words after which a number only names something ("kapittel", "tlf";
    /// `extract::numbers`).
    pub reference_words: WordSet,
    /// Nouns that make a year-like integer a count ("pasienter"; `extract::numbers`).
    pub count_nouns: WordSet,
    /// Reference words after which a number may be written in spaced groups ("tlf", "org.nr";
    /// `extract::numbers`).
    pub spaced_reference_words: WordSet,
    /// Words before a figure that make it negative ("underskudd", "meirforbruk";
    /// `extract::numbers`).
    pub negative_words: WordSet,
    /// Month names, full and abbreviated → the month's number ("nov" → 11; `extract::numbers`).
    pub months: crate::text::WordMap<String, u32>,
    /// Words for a part of a year → its unit's name ("tertial" → "tertial"; `extract::numbers`
    /// turns the name into its unit).
    pub period_words: crate::text::WordMap<String, &'static str>,
    /// Currency words after a scale word ("kroner", "NOK"; `extract::numbers`).
    pub currency_words: WordSet,
    /// Lines that are page furniture to the table reader ("intern", "ugradert";
    /// `extract::tables`).
    pub footer_lines: WordSet,
    /// Last words of a header line that name a sum column ("Sum", "Totalt"; `extract::tables`).
    pub sum_header_words: WordSet,
    /// Starts of a follow-up table's target column header, in no particular order ("måltal",
    /// "krav"; `assess::target_tables`).
    pub target_table_target_headers: Vec<String>,
    /// Starts of a follow-up table's result column header ("resultat", "hittil";
    /// `assess::target_tables`).
    pub target_table_result_headers: Vec<String>,
    /// Starts of a follow-up table's assessment column header ("vurdering";
    /// `assess::target_tables`).
    pub target_table_assessment_headers: Vec<String>,
    /// Words in a row label → the name of the unit they give a bare target figure, first match
    /// wins ("dagar" → "days"; `assess::target_tables` turns the name into its unit).
    pub target_table_label_units: Vec<(String, &'static str)>,
    /// Words just before a start value of a chain of changes ("på", "var"; `rules::chain`).
    pub chain_start_words: WordSet,
    /// Words just before "N % av X (Y)" ("utgjør", "tilsvarar"; `rules::chain`).
    pub chain_share_words: WordSet,
    /// Words that multiply a figure and their factor, first match wins ("halvert" → 0.5;
    /// `rules::multiple`).
    pub multiples: Vec<(String, f64)>,
    /// Words before a multiple word that make it a lower bound ("mer enn"; `rules::multiple`).
    pub more_than: Vec<String>,
    /// Words before a multiple word that make it an upper bound ("knapt"; `rules::multiple`).
    pub less_than: Vec<String>,
    /// Words before a multiple word that make it approximate ("nesten"; `rules::multiple`).
    pub roughly: Vec<String>,
    /// Starts of a total row's label ("sum ", "totalt "; `rules::table_sums`).
    pub total_prefixes: Vec<String>,
    /// Words that split a total into all its parts, first match wins ("fordelt på";
    /// `rules::list_sum`).
    pub split_complete: Vec<String>,
    /// Words that introduce parts of a total, first match wins ("av dette er", "hvorav";
    /// `rules::list_sum`).
    pub split_parts: Vec<String>,
    /// Words that make a list of parts partial ("blant annet"; `rules::list_sum`).
    pub split_partial: Vec<String>,
    /// Starts of a bracketed placeholder ("sett inn"; `rules::placeholder`).
    pub fill_in: Vec<String>,
    /// Words before "XX" that make it a numeral or a reference ("kapittel";
    /// `rules::placeholder`).
    pub numeral_context: WordSet,
    /// Words after a single "X" that make it a placeholder figure ("dager";
    /// `rules::placeholder`).
    pub placeholder_units: WordSet,
    /// Words after "NN" that make it a placeholder name ("har", "og"; `rules::placeholder`).
    pub after_nn: WordSet,
    /// Words before "NN" that make it a placeholder name ("v", "leiar"; `rules::placeholder`).
    pub before_nn: WordSet,
    /// Currency words before a placeholder amount ("kr XX"; `rules::placeholder`).
    pub placeholder_currency: WordSet,
    /// Words between a population label and its figure ("på", "i alt"; `rules::rate`).
    pub label_glue: WordSet,
    /// Words between "fra" and the first figure of a pair ("totalt", "kr"; `rules::prose`).
    pub pair_fillers: WordSet,
    /// Words anywhere in a staffing header that mark a need column (`staffing`).
    pub staffing_need_words: Vec<String>,
    /// Words anywhere in a staffing table's first header that mark its group column
    /// (`staffing`).
    pub staffing_group_words: Vec<String>,
    /// Words anywhere in a staffing header that mark the base column (`staffing`).
    pub staffing_base_words: Vec<String>,
    /// Words anywhere in a staffing header that mark a column of changes (`staffing`).
    pub staffing_change_words: Vec<String>,
    /// Names (or first words of names) of a staffing table's total row (`staffing`).
    pub staffing_total_names: Vec<String>,
    /// Headers (letters and digits only) of the long staffing CSV's group column (`staffing`).
    pub staffing_long_group: WordSet,
    /// … of its base-year column (`staffing`).
    pub staffing_long_base_year: WordSet,
    /// … of its base column (`staffing`).
    pub staffing_long_base: WordSet,
    /// … of its year column (`staffing`).
    pub staffing_long_year: WordSet,
    /// … of its need column (`staffing`).
    pub staffing_long_need: WordSet,
    /// Words of a CSV header that mark the entity column (`csvmap`).
    pub csv_entity_headers: WordSet,
    /// Whole headers of a CSV's year column (`csvmap`).
    pub csv_year_headers: WordSet,
    /// Words of a CSV header that mark a column naming each row's measure (`csvmap`).
    pub csv_measure_headers: WordSet,
    /// Words of a CSV header that mark a value column (`csvmap`).
    pub csv_value_headers: WordSet,
    /// Measures a CSV column or a typed target names: the name of the unit their figures are in
    /// ("percent", "count", "days", "nok", "other") and their stems, one measure each, in the
    /// file's order (`csvmap`).
    pub csv_measures: Vec<(&'static str, Vec<String>)>,
}

/// A data file without its comment lines (`#` after spaces or tabs), cut at compile time: the
/// comments say what a list is for and need not ship in the page's wasm. The readers below still
/// skip comment lines, so what is read is the same.
macro_rules! data_file {
    ($path:literal) => {{
        const RAW: &str = include_str!($path);
        const LEN: usize = uncommented_len(RAW);
        const BYTES: [u8; LEN] = uncommented::<LEN>(RAW);
        const TEXT: &str = match std::str::from_utf8(&BYTES) {
            Ok(s) => s,
            Err(_) => panic!("a data file is not UTF-8"),
        };
        TEXT
    }};
}

/// The end of the line that starts at `i` (after its newline) and whether it is a comment.
const fn line_at(b: &[u8], i: usize) -> (usize, bool) {
    let mut j = i;
    let mut first = None;
    while j < b.len() && b[j] != b'\n' {
        if first.is_none() && !matches!(b[j], b' ' | b'\t' | b'\r') {
            first = Some(b[j]);
        }
        j += 1;
    }
    if j < b.len() {
        j += 1;
    }
    (j, matches!(first, Some(b'#')))
}

/// The length of `s` without its comment lines.
const fn uncommented_len(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        let (end, comment) = line_at(b, i);
        if !comment {
            n += end - i;
        }
        i = end;
    }
    n
}

/// `s` without its comment lines (`N` is [`uncommented_len`]).
const fn uncommented<const N: usize>(s: &str) -> [u8; N] {
    let b = s.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut k) = (0, 0);
    while i < b.len() {
        let (end, comment) = line_at(b, i);
        while !comment && i < end {
            out[k] = b[i];
            k += 1;
            i += 1;
        }
        i = end;
    }
    out
}

fn entries(src: &'static str) -> impl Iterator<Item = String> {
    src.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split('|'))
        .map(entry)
        .filter(|e| !e.is_empty())
}

/// One entry in lower case: trimmed, or in double quotes as written.
fn entry(e: &str) -> String {
    let e = e.trim();
    match e.strip_prefix('"').and_then(|e| e.strip_suffix('"')) {
        Some(quoted) => quoted.to_lowercase(),
        None => e.to_lowercase(),
    }
}

/// The unit words: "unit factor bokmål forms | nynorsk forms" a line.
fn units(src: &'static str) -> HashMap<String, (&'static str, f64)> {
    let mut out = HashMap::new();
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(unit), Some(factor)) = (parts.next(), parts.next()) else {
            continue;
        };
        let factor: f64 = factor.parse().unwrap_or(f64::NAN);
        for form in parts.filter(|p| *p != "|") {
            out.insert(form.to_lowercase(), (unit, factor));
        }
    }
    out
}

/// A keyed list: "key bokmål | nynorsk" a line, the key (a number or a unit's name) first, the
/// forms after it read like `entries`; in the file's order.
fn keyed(src: &'static str) -> Vec<(&'static str, String)> {
    src.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.trim().split_once(char::is_whitespace))
        .flat_map(|(key, forms)| {
            forms
                .split('|')
                .map(entry)
                .filter(|e| !e.is_empty())
                .map(move |e| (key, e))
        })
        .collect()
}

/// Groups: "key bokmål | nynorsk" a line, the key first and the forms after it read like
/// `entries`, one group a line, in the file's order.
fn groups(src: &'static str) -> Vec<(&'static str, Vec<String>)> {
    src.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.trim().split_once(char::is_whitespace))
        .map(|(key, forms)| {
            let forms = forms.split('|').map(entry).filter(|e| !e.is_empty());
            (key, forms.collect())
        })
        .collect()
}

fn list(src: &'static str) -> Vec<String> {
    entries(src).collect()
}

fn set(src: &'static str) -> WordSet {
    entries(src).collect()
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut abbreviations = WordSet::default();
        let mut may_end = WordSet::default();
        for e in entries(data_file!("../../data/abbreviations.txt")) {
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
            starters: set(data_file!("../../data/sentence_starters.txt")),
            continuation: set(data_file!("../../data/continuation_words.txt")),
            suspended: set(data_file!("../../data/suspended_compound_words.txt")),
            whole_period_headers: entries(data_file!("../../data/table_whole_period_headers.txt"))
                .collect(),
            part_period_headers: set(data_file!("../../data/table_part_period_headers.txt")),
            comment_headers: set(data_file!("../../data/table_comment_headers.txt")),
            headings: set(data_file!("../../data/heading_words.txt")),
            captions: set(data_file!("../../data/caption_words.txt")),
            noise_labels: set(data_file!("../../data/noise_labels.txt")),
            finite_verbs: set(data_file!("../../data/finite_verbs.txt")),
            requirement_headers: set(data_file!("../../data/table_requirement_headers.txt")),
            status_headers: set(data_file!("../../data/table_status_headers.txt")),
            target_headers: set(data_file!("../../data/table_target_headers.txt")),
            plan_headers: set(data_file!("../../data/table_plan_headers.txt")),
            level_change_headers: set(data_file!("../../data/table_level_change_headers.txt")),
            difference_headers: set(data_file!("../../data/table_difference_headers.txt")),
            continued: set(data_file!("../../data/table_continued_words.txt")),
            rounded_units: set(data_file!("../../data/table_rounded_units.txt")),
            prose_label_ends: set(data_file!("../../data/table_prose_label_ends.txt")),
            name_number_words: set(data_file!("../../data/table_name_number_words.txt")),
            table_abbreviations: set(data_file!("../../data/table_abbreviations.txt")),
            table_units: units(data_file!("../../data/table_unit_words.txt")),
            population_labels: set(data_file!("../../data/population_labels.txt")),
            non_additive_headers: entries(data_file!("../../data/table_non_additive_headers.txt"))
                .collect(),
            change_headers: entries(data_file!("../../data/table_change_headers.txt")).collect(),
            share_headers: entries(data_file!("../../data/table_share_headers.txt")).collect(),
            percent_headers: entries(data_file!("../../data/table_percent_headers.txt")).collect(),
            total_labels: set(data_file!("../../data/table_total_labels.txt")),
            approximate: set(data_file!("../../data/approximate_words.txt")),
            change_target_words: set(data_file!("../../data/change_target_words.txt")),
            reference_words: set(data_file!("../../data/reference_words.txt")),
            count_nouns: set(data_file!("../../data/count_nouns.txt")),
            spaced_reference_words: set(data_file!("../../data/spaced_reference_words.txt")),
            negative_words: set(data_file!("../../data/negative_words.txt")),
            months: keyed(data_file!("../../data/month_words.txt"))
                .into_iter()
                .map(|(n, w)| (w, n.parse().unwrap_or(0)))
                .collect(),
            period_words: keyed(data_file!("../../data/period_words.txt"))
                .into_iter()
                .map(|(u, w)| (w, u))
                .collect(),
            currency_words: set(data_file!("../../data/currency_words.txt")),
            footer_lines: set(data_file!("../../data/table_footer_lines.txt")),
            sum_header_words: set(data_file!("../../data/table_sum_header_words.txt")),
            target_table_target_headers: list(data_file!(
                "../../data/target_table_target_headers.txt"
            )),
            target_table_result_headers: list(data_file!(
                "../../data/target_table_result_headers.txt"
            )),
            target_table_assessment_headers: list(data_file!(
                "../../data/target_table_assessment_headers.txt"
            )),
            target_table_label_units: keyed(data_file!("../../data/target_table_label_units.txt"))
                .into_iter()
                .map(|(u, w)| (w, u))
                .collect(),
            chain_start_words: set(data_file!("../../data/chain_start_words.txt")),
            chain_share_words: set(data_file!("../../data/chain_share_words.txt")),
            multiples: keyed(data_file!("../../data/multiple_words.txt"))
                .into_iter()
                .map(|(f, w)| (w, f.parse().unwrap_or(f64::NAN)))
                .collect(),
            more_than: list(data_file!("../../data/multiple_more_than.txt")),
            less_than: list(data_file!("../../data/multiple_less_than.txt")),
            roughly: list(data_file!("../../data/multiple_roughly.txt")),
            total_prefixes: list(data_file!("../../data/table_total_prefixes.txt")),
            split_complete: list(data_file!("../../data/list_sum_complete.txt")),
            split_parts: list(data_file!("../../data/list_sum_parts.txt")),
            split_partial: list(data_file!("../../data/list_sum_partial.txt")),
            fill_in: list(data_file!("../../data/placeholder_fill_in.txt")),
            numeral_context: set(data_file!("../../data/placeholder_numeral_context.txt")),
            placeholder_units: set(data_file!("../../data/placeholder_unit_words.txt")),
            after_nn: set(data_file!("../../data/placeholder_after_nn.txt")),
            before_nn: set(data_file!("../../data/placeholder_before_nn.txt")),
            placeholder_currency: set(data_file!("../../data/placeholder_currency.txt")),
            label_glue: set(data_file!("../../data/rate_label_glue.txt")),
            pair_fillers: set(data_file!("../../data/pair_fillers.txt")),
            staffing_need_words: list(data_file!("../../data/staffing_need_words.txt")),
            staffing_group_words: list(data_file!("../../data/staffing_group_words.txt")),
            staffing_base_words: list(data_file!("../../data/staffing_base_words.txt")),
            staffing_change_words: list(data_file!("../../data/staffing_change_words.txt")),
            staffing_total_names: list(data_file!("../../data/staffing_total_names.txt")),
            staffing_long_group: set(data_file!("../../data/staffing_long_group.txt")),
            staffing_long_base_year: set(data_file!("../../data/staffing_long_base_year.txt")),
            csv_entity_headers: set(data_file!("../../data/csv_entity_headers.txt")),
            csv_year_headers: set(data_file!("../../data/csv_year_headers.txt")),
            csv_measure_headers: set(data_file!("../../data/csv_measure_headers.txt")),
            csv_value_headers: set(data_file!("../../data/csv_value_headers.txt")),
            csv_measures: groups(data_file!("../../data/csv_measures.txt")),
            staffing_long_base: set(data_file!("../../data/staffing_long_base.txt")),
            staffing_long_year: set(data_file!("../../data/staffing_long_year.txt")),
            staffing_long_need: set(data_file!("../../data/staffing_long_need.txt")),
        }
    })
}

/// How a line that ends in `prev` (a letter and a hyphen) joins the next line `next`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HyphenBreak {
    /// A word broken over the line: the hyphen goes ("oppfølg-" + "ing" → "oppfølging").
    Drop,
    /// A real hyphen: kept, no space ("Nord-" + "Trøndelag", "UH-" + "sektoren").
    Keep,
    /// A suspended compound: the hyphen stays and a space follows ("operasjons-" + "og").
    Suspended,
}

/// `None` when `prev` does not end in a letter and a hyphen.
pub(crate) fn hyphen_break(prev: &str, next: &str) -> Option<HyphenBreak> {
    let mut back = prev.trim_end().chars().rev();
    if back.next() != Some('-') {
        return None;
    }
    let before = back.next().filter(|c| c.is_alphabetic())?;
    let next = next.trim_start();
    let first_word = next.split_whitespace().next().unwrap_or("");
    if lexicon().suspended.contains(first_word) {
        return Some(HyphenBreak::Suspended);
    }
    let keep = before.is_uppercase()
        || super::layout::first_alnum(next).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    Some(if keep {
        HyphenBreak::Keep
    } else {
        HyphenBreak::Drop
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_end_hyphens() {
        use HyphenBreak::*;
        assert_eq!(hyphen_break("Nordlands-", "sykehuset"), Some(Drop));
        assert_eq!(hyphen_break("Helse Nord-", "Trøndelag HF"), Some(Keep));
        assert_eq!(hyphen_break("UH-", "sektoren"), Some(Keep));
        assert_eq!(
            hyphen_break("operasjons-", "og behandlingsrom"),
            Some(Suspended)
        );
        assert_eq!(hyphen_break("helse-", "eller"), Some(Suspended));
        assert_eq!(hyphen_break("2023 -", "2024"), None);
        assert_eq!(hyphen_break("Tabell", "2"), None);
    }

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
        let raw = include_str!("../../data/table_unit_words.txt");
        let cut = data_file!("../../data/table_unit_words.txt");
        assert!(raw.starts_with('#') && !cut.contains('#'));
        assert_eq!(
            cut.lines().collect::<Vec<_>>(),
            raw.lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .collect::<Vec<_>>()
        );
        assert!(lex.non_additive_headers.iter().any(|h| h == "per "));
        assert!(lex.table_units.values().all(|(_, f)| f.is_finite()));
        assert_eq!(lex.table_units.get("millionar"), Some(&("none", 1e6)));
    }

    #[test]
    fn csv_measures_are_one_a_line_with_a_known_unit() {
        let lex = lexicon();
        assert!(lex.csv_measures.len() > 10);
        for (unit, stems) in &lex.csv_measures {
            assert!(
                ["percent", "count", "days", "nok", "other"].contains(unit),
                "{unit}"
            );
            assert!(
                !stems.is_empty() && stems.iter().all(|s| s.chars().count() >= 4),
                "{stems:?}"
            );
        }
        let line = |w: &str| {
            lex.csv_measures
                .iter()
                .position(|(_, s)| s.iter().any(|s| w.starts_with(s.as_str())))
        };
        // Bokmål and nynorsk forms of one measure are on one line; a longer stem wins.
        assert_eq!(line("sykefraværet"), line("sjukefråværet"));
        assert_ne!(line("epikrisetid"), line("epikriser"));
        assert!(lex.csv_entity_headers.contains("føretak"));
        assert!(lex.csv_year_headers.contains("år"));
    }
}
