//! Sections: headings and the lines they govern.
//!
//! A heading is a short content line (≤ 12 words, ≤ 100 characters) without final sentence
//! punctuation, starting with a capital (after any numbering), not a table row, bullet or form
//! field ("Navn: …"), that ends a thought (the previous line ended a sentence, ended early or a
//! paragraph break lies before it) and is followed by body text (not a small-letter
//! continuation). Then it is a section heading when it is numbered ("2.1 Kvalitet" → level 2,
//! "1. Indikator …" → level 1), a known heading (data/heading_words.txt: "Mål 2024:",
//! "Indikatorer:", "Sykefravær"), in capitals ("SAKENS HENSIKT"), or a lone short line not in a
//! run of short lines (runs are lists or table cells). Unnumbered headings get the level below
//! the last numbered heading. Captions ("Tabell 5: …") are not sections.

use super::layout::{HeadingKind, Layout};
use super::Document;

/// A heading and the original lines it governs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Heading text, cleaned (single spaces, no bullet glyphs or links).
    pub heading: String,
    /// Original 1-based line of the heading.
    pub line: usize,
    /// 1 for top level; deeper numbering gives higher levels.
    pub level: u8,
    /// Last original line of content before the next heading of the same or a higher level
    /// (the heading's own line when nothing follows).
    pub end_line: usize,
}

pub(crate) fn sections(doc: &Document) -> Vec<Section> {
    let layout = Layout::of(doc);
    let mut out: Vec<Section> = Vec::new();
    // Indices into `out` of sections still open, with strictly increasing levels.
    let mut open: Vec<usize> = Vec::new();
    let mut last_line = 0;
    for l in &layout.lines {
        if let HeadingKind::Section(level) = l.heading {
            while let Some(&top) = open.last() {
                match out.get_mut(top) {
                    Some(s) if s.level >= level => {
                        s.end_line = last_line.max(s.line);
                        open.pop();
                    }
                    _ => break,
                }
            }
            open.push(out.len());
            out.push(Section {
                heading: l.text.trim_end_matches(':').trim_end().to_string(),
                line: l.number,
                level,
                end_line: l.number,
            });
        }
        last_line = l.number;
    }
    for top in open {
        if let Some(s) = out.get_mut(top) {
            s.end_line = last_line.max(s.line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(text: &str) -> Vec<(String, usize, u8, usize)> {
        Document::new(text.to_string())
            .sections()
            .into_iter()
            .map(|s| (s.heading, s.line, s.level, s.end_line))
            .collect()
    }

    #[test]
    fn numbered_headings_nest_by_depth() {
        let h = heads(
            "2. Kvalitet og pasientsikkerhet \n\
             Kravet er innfridd for regionen samla sett i 2024. \n\
             2.1 Ventetider \n\
             Ventetida gjekk ned i alle føretaka i løpet av året. \n\
             3. Økonomi \n\
             Resultatet var svakare enn budsjettert. \n",
        );
        assert_eq!(
            h,
            vec![
                ("2. Kvalitet og pasientsikkerhet".to_string(), 1, 1, 4),
                ("2.1 Ventetider".to_string(), 3, 2, 4),
                ("3. Økonomi".to_string(), 5, 1, 6),
            ]
        );
    }

    #[test]
    fn known_heading_words_in_both_written_standards() {
        let h = heads(
            "1. Innleiing \nHelse Midt-Noreg har arbeidd med mange oppdrag gjennom heile året. \n \n\
             Mål 2024: \nSjukefråværet skal reduserast samanlikna med 2023. \n \n\
             Indikatorar: \nDelen pasientar som fekk time innan fristen auka. \n",
        );
        let names: Vec<&str> = h.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, vec!["1. Innleiing", "Mål 2024", "Indikatorar"]);
        assert_eq!(h[1].2, 2, "unnumbered heading sits below the numbered one");
    }

    #[test]
    fn wrapped_sentences_lists_and_tables_are_not_headings() {
        let h = heads(
            "Antall avvik fra arbeidstidsbestemmelsene skal reduseres med 20 % sammenlignet med\n\n\
             2023 \n\n \n\nPlanen angir fem hovedsatsninger for regionen: \n\
             Digitalisering for bedre tjenester \n Samling om beste praksis \n\
             Regionale fellesløsninger \n \nTabell 5: Sykefravær \nSykefravær 2024 2023 \n\
             Hemit HF 6,9 % 6,1 % \nKravet er ikke innfridd. \n",
        );
        assert!(h.is_empty(), "{h:?}");
    }
}
