//! The reading view: the document as running text, one unit (paragraph, heading, bullet item,
//! table row) per `\n`-separated block, lines of one sentence joined with single spaces,
//! hyphenated breaks joined, page furniture, links and bullet glyphs dropped. Every byte
//! offset maps back to its original line through a sorted list of checkpoints.
//!
//! How two consecutive content lines A and B are joined (first matching rule wins):
//! 1. A ends with a letter and `-`: joined without space. The hyphen is kept when the letter
//!    before it is a capital or digit ("UH-sektoren") or B starts with a capital
//!    ("Nord-Trøndelag"), dropped otherwise ("oppfølg-ing" → "oppfølging"); when B starts with
//!    "og"/"eller" it is a suspended compound ("operasjon- og") and a space is kept.
//! 2. B is a bullet or numbered item, A or B is a heading, caption or table row: new unit.
//! 3. B starts with a small letter, or A ends with a comma or a word a sentence cannot end on
//!    ("med", "og", "i" …, data/continuation_words.txt): joined with a space.
//! 4. A paragraph break lies between them, or A ends with a colon: new unit.
//! 5. A has no final punctuation and stopped well before the right margin: new unit.
//! 6. Otherwise joined with a space; sentence punctuation then decides.

use std::ops::Range;

use super::layout::{
    ends_open, ends_terminal, first_alnum, starts_lower, CellPiece, HeadingKind, Layout,
};
use super::lexicon::{hyphen_break, lexicon, HyphenBreak};
use super::Document;

/// What kind of unit a sentence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Prose,
    Heading,
    Bullet,
    TableRow,
}

/// The normalised running text of a document.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub text: String,
    /// (offset in `text`, original 1-based line) where each line's text begins; sorted.
    checkpoints: Vec<(usize, usize)>,
    /// (offset in `text`, kind) where each unit begins; sorted.
    units: Vec<(usize, UnitKind)>,
}

/// One sentence (or one heading / table row / bullet item without inner sentence ends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in `Reading::text`.
    pub range: Range<usize>,
    /// Original line of its first character.
    pub line: usize,
    /// Original line of its last character.
    pub end_line: usize,
    pub kind: UnitKind,
}

/// A line that opens with a field's label: one to three words, the first capitalised, the last
/// ending in a colon, then text ("Mål: Minst 70 prosent", "Resultat 2024: 68,4 prosent",
/// "Vurdering: Oppnådd."): a field of its own, not the end of the line before.
fn field_label(text: &str) -> bool {
    let mut words = text.split_whitespace();
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    for _ in 0..3 {
        let Some(w) = words.next() else {
            return false;
        };
        if let Some(core) = w.strip_suffix(':') {
            return !core.is_empty()
                && core.chars().all(|c| c.is_alphanumeric() || c == '-')
                && words.next().is_some();
        }
        if !w.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return false;
        }
    }
    false
}

impl Reading {
    pub(crate) fn of(doc: &Document) -> Reading {
        let layout = Layout::of(doc);
        let mut r = Reading {
            text: String::with_capacity(doc.text.len()),
            checkpoints: Vec::with_capacity(layout.lines.len()),
            units: Vec::new(),
        };
        for (i, cur) in layout.lines.iter().enumerate() {
            let kind = if cur.table_row {
                UnitKind::TableRow
            } else if cur.heading != HeadingKind::None {
                UnitKind::Heading
            } else if cur.bullet || cur.numbered.is_some() {
                UnitKind::Bullet
            } else {
                UnitKind::Prose
            };
            let Some(prev) = i.checked_sub(1).and_then(|p| layout.lines.get(p)) else {
                r.units.push((0, kind));
                r.checkpoints.push((0, cur.number));
                r.text.push_str(&cur.text);
                continue;
            };
            let structural = cur.bullet
                || cur.numbered.is_some()
                || cur.table_row
                || prev.table_row
                || cur.heading != HeadingKind::None
                || prev.heading != HeadingKind::None;
            let hyphen = hyphen_break(&prev.text, &cur.text);
            #[derive(PartialEq)]
            enum Join {
                Glue,
                Space,
                Unit,
            }
            let join = if cur.cell == CellPiece::First {
                Join::Unit
            } else if cur.cell == CellPiece::More && hyphen.is_none() {
                Join::Space
            } else if let Some(h) = hyphen.filter(|_| !structural) {
                match h {
                    HyphenBreak::Suspended => Join::Space,
                    HyphenBreak::Drop => {
                        r.text.pop();
                        Join::Glue
                    }
                    HyphenBreak::Keep => Join::Glue,
                }
            } else if structural {
                Join::Unit
            } else if starts_lower(&cur.text) || ends_open(&prev.text) {
                Join::Space
            } else if cur.para_before
                || cur.indented_capital
                || field_label(&cur.text)
                || prev.text.ends_with(':')
                || (!ends_terminal(&prev.text) && layout.ended_early(prev, cur))
            {
                Join::Unit
            } else {
                Join::Space
            };
            match join {
                Join::Glue => {}
                Join::Space => r.text.push(' '),
                Join::Unit => {
                    r.text.push('\n');
                    r.units.push((r.text.len(), kind));
                }
            }
            r.checkpoints.push((r.text.len(), cur.number));
            r.text.push_str(&cur.text);
        }
        r
    }

    /// Original 1-based line of byte `offset` in `text` (offsets past the end give the last
    /// line; an empty reading gives 1).
    pub fn line_at(&self, offset: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(o, _)| o <= offset);
        match i.checked_sub(1).and_then(|i| self.checkpoints.get(i)) {
            Some(&(_, line)) => line,
            None => self.checkpoints.first().map(|c| c.1).unwrap_or(1),
        }
    }

    /// First and last original line of a byte range of `text`.
    pub fn lines_of(&self, range: Range<usize>) -> (usize, usize) {
        let last = range.end.saturating_sub(1).max(range.start);
        (self.line_at(range.start), self.line_at(last))
    }

    /// Kind of the unit holding byte `offset`.
    pub fn unit_kind_at(&self, offset: usize) -> UnitKind {
        let i = self.units.partition_point(|&(o, _)| o <= offset);
        i.checked_sub(1)
            .and_then(|i| self.units.get(i))
            .map(|u| u.1)
            .unwrap_or(UnitKind::Prose)
    }

    /// The sentences in reading order. Headings and table rows are one sentence each; prose and
    /// bullet items are split after `.`, `?`, `!` followed by a space and a capital letter or a
    /// digit, except after abbreviations (data/abbreviations.txt), initials ("A.") and dotted
    /// short forms ("t.d.").
    pub fn sentences(&self) -> Vec<Sentence> {
        let mut out = Vec::new();
        for (k, &(start, kind)) in self.units.iter().enumerate() {
            let end = self
                .units
                .get(k + 1)
                .map(|u| u.0.saturating_sub(1))
                .unwrap_or(self.text.len());
            let Some(unit) = self.text.get(start..end) else {
                continue;
            };
            match kind {
                UnitKind::Heading | UnitKind::TableRow => self.push(&mut out, start, unit, kind),
                UnitKind::Prose | UnitKind::Bullet => {
                    for r in split_sentences(unit) {
                        let s = unit.get(r.clone()).unwrap_or("");
                        self.push(&mut out, start + r.start, s, kind);
                    }
                }
            }
        }
        out
    }

    fn push(&self, out: &mut Vec<Sentence>, start: usize, s: &str, kind: UnitKind) {
        let lead = s.len() - s.trim_start().len();
        let t = s.trim();
        if t.is_empty() {
            return;
        }
        let range = start + lead..start + lead + t.len();
        let (line, end_line) = self.lines_of(range.clone());
        out.push(Sentence {
            range,
            line,
            end_line,
            kind,
        });
    }
}

const CLOSERS: &[char] = &[')', '"', '»', '\'', '”', '’', ']'];

fn is_abbreviation(word: &str, next_word: &str) -> bool {
    let w = word.trim_start_matches(['(', '[', '«', '"', '\'', '“']);
    let lower = w.to_lowercase();
    let lex = lexicon();
    if lex.abbreviations.contains(lower.as_str()) {
        if lex.may_end.contains(lower.as_str()) {
            let next = next_word
                .trim_end_matches([',', '.', ':', ';'])
                .to_lowercase();
            return !lex.starters.contains(next.as_str());
        }
        return true;
    }
    let body = match w.strip_suffix('.') {
        Some(b) => b,
        None => return false,
    };
    // Initials: "A." in "Stig A. Slørdahl".
    let mut cs = body.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_alphabetic();
    }
    // Dotted short forms: "t.d.", "m.a.", "o.a.", "e.l.".
    let parts: Vec<&str> = body.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic))
}

/// Sentence ranges inside one unit (byte ranges into `unit`).
fn split_sentences(unit: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut word_start = 0;
    let mut iter = unit.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            word_start = i + c.len_utf8();
            continue;
        }
        if !matches!(c, '.' | '?' | '!' | '…') {
            continue;
        }
        // End of the punctuation cluster, including closing quotes and brackets.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if CLOSERS.contains(&d) || matches!(d, '.' | '?' | '!') {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = unit.get(end..).unwrap_or("");
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let next = rest.trim_start();
        let Some(nc) = first_alnum(next) else {
            continue;
        };
        if !(nc.is_uppercase() || nc.is_ascii_digit()) {
            continue;
        }
        if c == '.' {
            let word = unit.get(word_start..i + 1).unwrap_or("");
            let next_word = next.split_whitespace().next().unwrap_or("");
            if is_abbreviation(word, next_word) {
                continue;
            }
        }
        out.push(start..end);
        start = end;
    }
    if start < unit.len() {
        out.push(start..unit.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Document {
        Document::new(s.to_string())
    }

    fn sentences(d: &Document) -> Vec<String> {
        let r = d.reading();
        r.sentences()
            .iter()
            .map(|s| r.text[s.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let d = doc(
            "Målet er 95 pst. av avtalene, bl.a. for PHBU. Dette gjeld t.d. Helse Nord. \
                     Tala er frå kap. 2.3 og jf. St. Olavs hospital. Kravet er nådd.",
        );
        assert_eq!(
            sentences(&d),
            vec![
                "Målet er 95 pst. av avtalene, bl.a. for PHBU.",
                "Dette gjeld t.d. Helse Nord.",
                "Tala er frå kap. 2.3 og jf. St. Olavs hospital.",
                "Kravet er nådd."
            ]
        );
    }

    #[test]
    fn may_end_abbreviation_ends_before_a_sentence_starter() {
        let d = doc(
            "Helse Møre og Romsdal ble tildelt 8,564 mill. Det ble utarbeidet kriterier.\n\
                     Det ble gitt 20 mill. NOK til tiltaket.",
        );
        assert_eq!(
            sentences(&d),
            vec![
                "Helse Møre og Romsdal ble tildelt 8,564 mill.",
                "Det ble utarbeidet kriterier.",
                "Det ble gitt 20 mill. NOK til tiltaket."
            ]
        );
    }

    #[test]
    fn numbers_and_dates_do_not_split() {
        let d = doc("Veksten var 13.5 prosent per 20.08.2024 i regionen. Neste setning.");
        assert_eq!(
            sentences(&d),
            vec![
                "Veksten var 13.5 prosent per 20.08.2024 i regionen.",
                "Neste setning."
            ]
        );
    }

    #[test]
    fn interleaved_empty_lines_join_a_wrapped_sentence() {
        // PDF style: an empty line after every text line, " " lines between paragraphs.
        let d = doc(
            "Antall avvik skal reduseres med 20 % sammenlignet med\n\n2023 \n\n \n\n\
                     St. Olavs hospital HF har redusert avvikene. \n",
        );
        let r = d.reading();
        let s = r.sentences();
        assert_eq!(s.len(), 2, "{:?}", r.text);
        assert_eq!(
            &r.text[s[0].range.clone()],
            "Antall avvik skal reduseres med 20 % sammenlignet med 2023"
        );
        assert_eq!((s[0].line, s[0].end_line), (1, 3));
        assert_eq!(s[1].line, 7);
    }

    #[test]
    fn hyphenated_breaks_join() {
        let d = doc(
            "Helse Nord-\n\nTrøndelag har økt digital oppfølg-\n\ning mot UH-\n\nsektoren \
                     i anestesi-, operasjon-\n\nog kreftsykepleie.",
        );
        let r = d.reading();
        assert_eq!(
            r.text,
            "Helse Nord-Trøndelag har økt digital oppfølging mot UH-sektoren i anestesi-, \
             operasjon- og kreftsykepleie."
        );
        let at = r.text.find("Trøndelag").unwrap();
        assert_eq!(r.line_at(at), 3);
        assert_eq!(r.line_at(at - 2), 1);
        let at = r.text.find("ing mot").unwrap();
        assert_eq!(r.line_at(at), 5);
    }

    #[test]
    fn bullets_start_items_and_glyphs_go() {
        let d = doc(
            "Dei viktigaste faktorane er: \n• Høgare stillingsdel  \n• Lågare turnover \n\
                     • Teknologisk innovasjon som frigjer behov for \n\narbeidskraft \n\
                     Rapporten gjer greie for potensialet i scenarioa.\n",
        );
        let r = d.reading();
        assert!(!r.text.contains('•'));
        let s = r.sentences();
        let texts: Vec<&str> = s.iter().map(|s| &r.text[s.range.clone()]).collect();
        assert_eq!(
            texts,
            vec![
                "Dei viktigaste faktorane er:",
                "Høgare stillingsdel",
                "Lågare turnover",
                "Teknologisk innovasjon som frigjer behov for arbeidskraft",
                "Rapporten gjer greie for potensialet i scenarioa."
            ]
        );
        assert_eq!(s[1].kind, UnitKind::Bullet);
        assert_eq!((s[3].line, s[3].end_line), (4, 6));
    }

    #[test]
    fn links_noise_and_page_numbers_are_dropped() {
        let d = doc("Sjå rapporten https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fx \
                     for detaljar, og skriv til \nmailto:post@helse.no\noss med vekt på\n\n\n\n39 \n \n \n\n\
                     kartlegging. \nSide 7 \n Intern\nSlutt.");
        let r = d.reading();
        assert_eq!(
            r.text,
            "Sjå rapporten for detaljar, og skriv til oss med vekt på kartlegging. Slutt."
        );
        assert_eq!(r.line_at(r.text.find("kartlegging").unwrap()), 11);
        assert_eq!(r.line_at(r.text.find("Slutt").unwrap()), 14);
    }

    #[test]
    fn table_rows_are_their_own_units() {
        let d = doc(
            "Sjukefråværet gjekk ned i fleire føretak. \nSykefravær 2024 2023 \n\
                     St. Olavs Hospital HF 9,0 % 9,2 % \nHemit HF 6,9 % 6,1 % \n\
                     Tabellen viser nedgang.",
        );
        let r = d.reading();
        let s = r.sentences();
        let kinds: Vec<UnitKind> = s.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                UnitKind::Prose,
                UnitKind::TableRow,
                UnitKind::TableRow,
                UnitKind::TableRow,
                UnitKind::Prose
            ]
        );
        assert_eq!(
            &r.text[s[2].range.clone()],
            "St. Olavs Hospital HF 9,0 % 9,2 %"
        );
    }

    #[test]
    fn headings_end_sentences_without_punctuation() {
        let d = doc(
            "Sammendrag av positive resultater i 2024 \nHelse Midt-Norge har nådd en \
                     viktig milepæl i og med at journalløsningen er tatt i bruk i alle regionens \n\
                     sykehus. \n",
        );
        let s = sentences(&d);
        assert_eq!(s[0], "Sammendrag av positive resultater i 2024");
        assert!(s[1].starts_with("Helse Midt-Norge har nådd"));
        assert!(s[1].ends_with("sykehus."));
    }

    #[test]
    fn a_bare_section_number_heads_a_section() {
        // "3 Ventetider" (no full stop after the number) is a heading as "3. Ventetider" is.
        for h in ["3 Ventetider", "3. Ventetider", "3.1 Ventetider"] {
            let d = doc(&format!(
                "Planene skal være klare innen fristen.\n\n\n{h}\n\nVentetida er kort. Det er bra.\n"
            ));
            let r = d.reading();
            let s = r.sentences();
            assert_eq!(s[1].kind, UnitKind::Heading, "{h}");
        }
        // A count at the start of a sentence is no heading.
        let d = doc("Innledning.\n\n\n3 pasienter ventet lenge\n\nDet er for mange.\n");
        assert!(d
            .reading()
            .sentences()
            .iter()
            .all(|s| s.kind != UnitKind::Heading));
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let long = "ord ".repeat(1_250_000);
        let d = doc(&long);
        assert_eq!(d.reading().sentences().len(), 1);
        let d = doc(&"\n".repeat(200_000));
        assert!(d.reading().text.is_empty());
        assert_eq!(d.reading().line_at(0), 1);
        let d = doc("a.\rB. -\r-\r\u{FFFD}\u{0}. É\r–\r.\r...\r• \r•");
        let r = d.reading();
        for s in r.sentences() {
            assert!(s.line <= s.end_line);
            let _ = &r.text[s.range];
        }
        assert!(r.line_at(usize::MAX) >= 1);
        let (a, b) = (5, 2);
        assert_eq!(r.lines_of(a..b).0, r.line_at(5));
    }
}
#[cfg(test)]
mod sample_tests {
    use super::*;
    use crate::document::is_noise_line;

    fn sample() -> (Document, Reading) {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/001_a15ca66fe45fcd5e.txt"
        ))
        .expect("sample 001 is in examples/");
        let d = Document::new(text);
        let r = d.reading();
        (d, r)
    }

    fn find<'a>(r: &'a Reading, s: &'a [Sentence], needle: &str) -> &'a Sentence {
        s.iter()
            .find(|x| r.text[x.range.clone()].contains(needle))
            .unwrap_or_else(|| panic!("no sentence with {needle:?}"))
    }

    #[test]
    fn sample_001_sentences() {
        let (_, r) = sample();
        let s = r.sentences();
        let target = find(
            &r,
            &s,
            "Regionen skal overholde minst 95 pst. av pasientavtalene",
        );
        assert_eq!(target.line, 2212);
        assert!(r.text[target.range.clone()].ends_with("(passert planlagt tid)."));

        let hms = find(&r, &s, "Antall avvik fra arbeidstidsbestemmelsene");
        assert_eq!(
            &r.text[hms.range.clone()],
            "Antall avvik fra arbeidstidsbestemmelsene skal reduseres med 20 % sammenlignet med 2023"
        );
        assert_eq!((hms.line, hms.end_line), (4810, 4812));

        let verdict = s
            .iter()
            .find(|x| x.line == 2216)
            .expect("a sentence starts on line 2216");
        assert_eq!(&r.text[verdict.range.clone()], "Kravet er ikke innfridd.");
        assert_eq!(verdict.end_line, 2216);

        // A sentence across a page break ("39" alone on line 3272) is whole, number dropped.
        let across = find(&r, &s, "med vekt på kartlegging, tidlig innsats");
        assert_eq!((across.line, across.end_line), (3266, 3276));
        assert!(!r.text[across.range.clone()].contains("39"));

        // Table rows stand alone.
        let row = find(&r, &s, "Somatikk 59 70 74 93 66 60");
        assert_eq!(row.kind, UnitKind::TableRow);
        assert_eq!(&r.text[row.range.clone()], "Somatikk 59 70 74 93 66 60");
        let row = find(&r, &s, "St. Olavs Hospital HF 9,0 % 9,2 %");
        assert_eq!((row.kind, row.line), (UnitKind::TableRow, 3286));

        // "mill." before a small word does not end a sentence.
        let mill = find(&r, &s, "Sluttestimat for prosjektet");
        assert!(r.text[mill.range.clone()].ends_with("6,75 mill. kroner."));

        // A verdict's sentences do not reach into the next target.
        let next = find(
            &r,
            &s,
            "Andelen pasienter som mottar digital hjemmeoppfølging",
        );
        assert_eq!((next.line, next.end_line), (2226, 2228));
    }

    /// Every original line that contributes text to the reading view.
    fn s_lines(r: &Reading) -> Vec<usize> {
        r.checkpoints.iter().map(|c| c.1).collect()
    }

    #[test]
    fn sample_001_hyphenation_and_lines() {
        let (d, r) = sample();
        let at = r
            .text
            .find("Helse Nord-Trøndelag (HNT)")
            .expect("joined hyphenation");
        assert_eq!(r.line_at(at), 2235);
        assert_eq!(r.line_at(at + "Helse Nord-".len()), 2237);
        assert!(d.line_text(2235).trim_end().ends_with("Helse Nord-"));
        // Page numbers and footers are gone; the lone year in a wrapped target stays.
        assert_eq!(d.line_text(3272).trim(), "39");
        for line in [3272, 1490, 2034, 4594] {
            assert!(
                !s_lines(&r).contains(&line),
                "page number line {line} in reading"
            );
        }
        assert!(!r.text.contains("https://"));
        for (n, l) in [(3272, "39"), (1490, "19"), (2034, "25"), (4594, "54")] {
            assert_eq!(d.line_text(n).trim(), l);
            assert!(is_noise_line(d.line_text(n)));
        }
    }

    #[test]
    fn sample_001_sections() {
        let (d, _) = sample();
        let secs = d.sections();
        let get = |h: &str| {
            secs.iter()
                .find(|s| s.heading == h)
                .unwrap_or_else(|| panic!("no section {h:?}"))
        };
        assert_eq!(get("1. Innledning").level, 1);
        let s21 = get("2.1 Styrke psykisk helsevern og tverrfaglig spesialisert rusbehandling");
        assert_eq!(s21.level, 2);
        let hms = get("Regionale HMS-indikatorer");
        assert_eq!(hms.line, 4802);
        assert!(hms.end_line >= 4812);
        assert!(secs
            .iter()
            .any(|s| s.heading == "Indikatorer" && s.level == 3));
        assert!(!secs.iter().any(|s| s.heading.starts_with("Somatikk")));
        assert!(!secs.iter().any(|s| s.heading.starts_with("Antall avvik")));
    }

    #[test]
    fn sample_000_bullets_and_links() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/000_2a6fda8bf9662336.txt"
        ))
        .expect("sample 000 is in examples/");
        let d = Document::new(text);
        let r = d.reading();
        assert!(!r.text.contains("mailto:"));
        assert!(!r.text.contains("Side 7"));
        assert!(r.text.contains("opptak til UH-sektoren"));
        let s = r.sentences();
        let item = find(&r, &s, "Teknologisk innovasjon");
        assert_eq!(item.kind, UnitKind::Bullet);
        assert_eq!((item.line, item.end_line), (65, 67));
        assert!(r.text[item.range.clone()].ends_with("frigjør behov for arbeidskraft"));
        let mtp = find(&r, &s, "Helseplattformen mtp.");
        assert!(r.text[mtp.range.clone()].ends_with("koordinator og IP."));
    }
}
