//! The follow-up letter (tilbakemelding / oppfølgingsspørsmål): from an analysed document, the
//! questions a reviewer sends back — one per finding, per missing field of an application and per
//! target the report gives no verdict on — each quoting the report's own words with its line,
//! grouped by the chapter they fall in (the nearest heading before them; an application's
//! questions under the application), numbered. Nothing is invented: every question points at a
//! finding, a missing field or a target.
//!
//! Sentences are in `messages` (bokmål, nynorsk, English); `text` renders plain text and `docx`
//! (with the Office readers' `zip`) a Word file.

pub mod messages;
pub mod text;

#[cfg(feature = "readers")]
pub mod docx;

use serde::{Deserialize, Serialize};

use crate::model::FindingKind;
use crate::report::DocumentReport;
use messages::Topic;

/// The letter's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    Nb,
    Nn,
    En,
}

impl Lang {
    /// "nb", "nn", "en"; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "nb" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }
}

/// Nynorsk when the report is written in nynorsk (its common words outnumber bokmål's).
pub fn detect(text: &str) -> Lang {
    let (mut nn, mut nb) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphanumeric()).take(200_000) {
        let w = w.to_lowercase();
        if crate::extract::phrases::is_word("nynorsk_markers", &w) {
            nn += 1;
        } else if crate::extract::phrases::is_word("bokmal_markers", &w) {
            nb += 1;
        }
    }
    if nn > nb {
        Lang::Nn
    } else {
        Lang::Nb
    }
}

/// Where a question comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// `documents[].findings[index]`.
    Finding { index: usize },
    /// `documents[].applications[application].findings[index]`.
    ApplicationFinding { application: usize, index: usize },
    /// A field the application leaves unanswered.
    MissingField { application: usize, field: String },
    /// `documents[].indicators[index]`: a target with figures but no verdict.
    NoVerdict { indicator: usize },
}

impl Default for Source {
    /// Only for a letter read back from JSON (whose questions' sources are not read).
    fn default() -> Self {
        Source::Finding { index: 0 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// 1-based, through the whole letter.
    pub number: usize,
    pub line: usize,
    /// Not read back: the .docx writer needs only the text.
    #[serde(skip_deserializing, default)]
    pub source: Source,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub heading: String,
    /// Line of the heading (or of the application).
    pub line: usize,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Letter {
    pub lang: Lang,
    pub title: String,
    pub intro: String,
    pub groups: Vec<Group>,
    pub closing: String,
    /// Said instead of the groups when there are no questions.
    pub empty: String,
}

impl Letter {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.groups.iter().flat_map(|g| g.questions.iter())
    }
}

/// At most `max` characters of a line, cut at a word.
fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(k) if k > max / 2 => cut[..k].to_string(),
        _ => cut,
    };
    format!("{cut} …")
}

fn fill(t: &str, pairs: &[(&str, &str)]) -> String {
    let mut s = t.to_string();
    for (k, v) in pairs {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// The questions for `report`, whose decoded text (the lines it counts) is `text`.
pub fn build(report: &DocumentReport, text: &str, lang: Lang) -> Letter {
    let doc = crate::document::Document::new(text.to_string());
    let sections = doc.sections();
    let line_text = |l: usize| shorten(doc.line_text(l), 160);
    let t = messages::texts(lang);
    let name = report.title.clone().unwrap_or_else(|| {
        report
            .name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("")
            .to_string()
    });
    let quoted_name = format!("«{name}»");

    // (group key line, group heading, question line, source, text)
    let mut items: Vec<(usize, String, usize, Source, String)> = Vec::new();
    let chapter = |line: usize| -> (usize, String) {
        sections
            .iter()
            .rev()
            .find(|s| s.line <= line)
            .map(|s| (s.line, shorten(&s.heading, 120)))
            .unwrap_or((0, t.no_heading.to_string()))
    };
    let in_app = |line: usize| {
        report
            .applications
            .iter()
            .position(|a| a.line <= line && line <= a.end_line)
    };

    for (i, f) in report.findings.iter().enumerate() {
        // A finding an application's own findings already ask about.
        let dup = in_app(f.line).is_some_and(|ai| {
            report.applications[ai].findings.iter().any(|af| {
                (af.line == f.line || af.end_line == f.end_line)
                    && (f.kind == FindingKind::Placeholder || af.stated == f.stated)
            })
        });
        if dup {
            continue;
        }
        let topic = match f.kind {
            FindingKind::Arithmetic => Topic::Arithmetic,
            FindingKind::ClaimMismatch => Topic::ClaimMismatch,
            FindingKind::MissingData => Topic::MissingData,
            FindingKind::Placeholder => Topic::Placeholder,
            FindingKind::Application => Topic::Application,
        };
        let (gl, gh) = chapter(f.line);
        let q = fill(
            messages::question(lang, topic),
            &[
                ("line", &f.line.to_string()),
                ("quote", &line_text(f.line)),
                ("message", &f.message),
                ("title", ""),
            ],
        );
        items.push((gl, gh, f.line, Source::Finding { index: i }, q));
    }

    for (ai, a) in report.applications.iter().enumerate() {
        let title = a.title.clone().unwrap_or_default();
        let gh = fill(t.application, &[("title", &title)]);
        for (fi, f) in a.findings.iter().enumerate() {
            // Missing fields are asked one by one below.
            if f.message.starts_with("Søknaden mangler") {
                continue;
            }
            let q = fill(
                messages::question(lang, Topic::Application),
                &[
                    ("line", &f.line.to_string()),
                    ("quote", &line_text(f.line)),
                    ("message", &f.message),
                    ("title", &title),
                ],
            );
            items.push((
                a.line,
                gh.clone(),
                f.line,
                Source::ApplicationFinding {
                    application: ai,
                    index: fi,
                },
                q,
            ));
        }
        for field in crate::grants::FIELDS {
            if a.fields.get(field).is_some_and(|v| v.is_none()) {
                let q = fill(
                    messages::question(lang, Topic::MissingField),
                    &[
                        ("line", &a.line.to_string()),
                        ("title", &title),
                        ("field", &crate::grants::field_name(field, lang.code())),
                    ],
                );
                items.push((
                    a.line,
                    gh.clone(),
                    a.line,
                    Source::MissingField {
                        application: ai,
                        field: field.to_string(),
                    },
                    q,
                ));
            }
        }
    }

    let mut asked_lines: Vec<usize> = Vec::new();
    for (ii, ind) in report.indicators.iter().enumerate() {
        let has_figures = ind.verdicts.iter().any(|v| v.value.is_some());
        if ind.claim.is_some()
            || !has_figures
            || ind.target.long_term
            || ind.status == crate::model::Status::Pending
            || asked_lines.contains(&ind.line)
            || report
                .findings
                .iter()
                .any(|f| f.kind == FindingKind::MissingData && f.line == ind.line)
        {
            continue;
        }
        asked_lines.push(ind.line);
        let (gl, gh) = chapter(ind.line);
        let q = fill(
            messages::question(lang, Topic::NoVerdict),
            &[
                ("line", &ind.line.to_string()),
                ("quote", &shorten(&ind.text, 160)),
            ],
        );
        items.push((gl, gh, ind.line, Source::NoVerdict { indicator: ii }, q));
    }

    crate::sorting::sort_by_key(&mut items, |it| (it.0, it.2));
    let mut groups: Vec<Group> = Vec::new();
    for (k, (gl, gh, line, source, text)) in items.into_iter().enumerate() {
        let q = Question {
            number: k + 1,
            line,
            source,
            text,
        };
        match groups.last_mut() {
            Some(g) if g.line == gl && g.heading == gh => g.questions.push(q),
            _ => groups.push(Group {
                heading: gh,
                line: gl,
                questions: vec![q],
            }),
        }
    }
    Letter {
        lang,
        title: fill(t.title, &[("name", &quoted_name)]),
        intro: fill(t.intro, &[("name", &quoted_name)]),
        groups,
        closing: t.closing.to_string(),
        empty: t.none.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(text: &str, lang: Lang) -> Letter {
        let a = crate::analyze("r.txt", text.as_bytes()).unwrap();
        build(&a.report, &a.text, lang)
    }

    #[test]
    fn one_question_per_finding_quoting_its_line() {
        let l = letter(
            "Innledende tekst om året som gikk.\n\n2.1 Økonomi\nRammen er totalt 4 566 000 kroner, fordelt på 2 200 000 kroner til A og 2 266 000 kroner til B.\n",
            Lang::Nb,
        );
        let qs: Vec<&Question> = l.questions().collect();
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].line, 4);
        assert!(
            qs[0]
                .text
                .starts_with("På linje 4 står det: «Rammen er totalt"),
            "{}",
            qs[0].text
        );
        assert_eq!(l.groups[0].heading, "2.1 Økonomi");
    }

    #[test]
    fn missing_fields_are_asked_one_by_one_in_each_language() {
        let text = "Navn på prosjekt: Læring\nKontaktperson: Kari\n";
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let l = letter(text, lang);
            let missing = l
                .questions()
                .filter(|q| matches!(q.source, Source::MissingField { .. }))
                .count();
            assert_eq!(missing, 12, "{lang:?}");
        }
        let nn = letter(text, Lang::Nn);
        assert!(nn
            .questions()
            .any(|q| q.text.contains("oppgir ikkje totalkostnad")));
    }

    #[test]
    fn nynorsk_reports_are_recognised() {
        assert_eq!(
            detect("Målet er ikkje nådd, og talet på dagar er for høgt frå 2023."),
            Lang::Nn
        );
        assert_eq!(
            detect("Målet er ikke nådd, og antall dager er for høyt fra 2023."),
            Lang::Nb
        );
    }
}
