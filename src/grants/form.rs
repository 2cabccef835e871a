//! The application form as the reader sees it: the document's lines cleaned (bullets off,
//! lowercased, form prompts marked), the form's labels, where an application starts and ends,
//! and the answer lines under a label.

use super::phrases;
use crate::document::Document;

/// Fields that have a label on the form (`[label.X]` in the data).
const LABELS: [&str; 14] = [
    "name",
    "owners",
    "municipalities",
    "health_trust",
    "contact",
    "application_date",
    "amount_applied",
    "total_cost",
    "own_contribution",
    "budget",
    "purpose",
    "period",
    "plan",
    "continued_operation",
];

/// The lines of a document, cleaned for the form reader.
pub(super) struct Lines<'a> {
    pub(super) numbers: Vec<usize>,
    pub(super) text: Vec<&'a str>,
    pub(super) lower: Vec<String>,
    /// Form prompts: questions and parenthesised explanations.
    pub(super) prompt: Vec<bool>,
}

pub(super) fn strip_bullet(s: &str) -> &str {
    let t = s.trim();
    let t = t.trim_start_matches(['•', '●', '▪', '◦', '*', '-', '–', '·']);
    t.trim_start()
}

impl<'a> Lines<'a> {
    pub(super) fn of(doc: &'a Document) -> Lines<'a> {
        let text: Vec<&str> = doc
            .lines
            .iter()
            .map(|l| doc.text.get(l.start..l.end).unwrap_or(""))
            .collect();
        let lower: Vec<String> = text
            .iter()
            .map(|t| strip_bullet(t).to_lowercase())
            .collect();
        let prompts = phrases().get("prompts");
        let mut prompt = vec![false; text.len()];
        let closes = |t: &str| t.ends_with(')') || t.ends_with(").") || t.ends_with(")?");
        for (i, l) in lower.iter().enumerate() {
            let t = l.trim();
            if prompt[i] {
                continue;
            }
            if t.starts_with('(') {
                // A parenthesised explanation of the form: closed on its line, or within the
                // next three lines when the line has no closing bracket of its own.
                if closes(t) {
                    prompt[i] = true;
                } else if !t.contains(')') {
                    if let Some(k) =
                        (i + 1..(i + 4).min(lower.len())).find(|&k| closes(lower[k].trim()))
                    {
                        prompt[i..=k].iter_mut().for_each(|p| *p = true);
                    }
                }
                continue;
            }
            prompt[i] = t.ends_with('?') || prompts.iter().any(|p| t.contains(p.as_str()));
        }
        Lines {
            numbers: doc.lines.iter().map(|l| l.number).collect(),
            text,
            lower,
            prompt,
        }
    }

    pub(super) fn blank(&self, i: usize) -> bool {
        self.text[i].trim().is_empty()
    }
}

/// A form label on a line: the fields it asks for and the answer on the same line.
#[derive(Debug, Clone)]
pub(super) struct Label {
    pub(super) fields: Vec<&'static str>,
    /// Byte offset in the line's lowercased, bullet-stripped text where the answer starts.
    pub(super) rest_at: usize,
}

pub(super) fn label_of(lower: &str) -> Option<Label> {
    let book = phrases();
    // The label part: up to the first ':' or '?'.
    let cut = lower.find([':', '?'])?;
    let head = &lower[..cut];
    if head.chars().count() > 120 {
        return None;
    }
    let mut starts = false;
    let mut fields = Vec::new();
    for f in LABELS {
        let list = book.get(&format!("label.{f}"));
        let mut hit = false;
        for p in list {
            if let Some(exact) = p.strip_suffix(':') {
                // "Kommune:", "Dato:": the whole label, not the start of a sentence.
                if head.trim() == exact {
                    starts = true;
                    hit = true;
                }
                continue;
            }
            if head.starts_with(p.as_str()) {
                starts = true;
                hit = true;
            } else if head.contains(p.as_str()) {
                hit = true;
            }
        }
        if hit {
            fields.push(f);
        }
    }
    let involvement = book
        .get("label.involvement")
        .iter()
        .any(|p| head.starts_with(p.as_str()));
    if involvement {
        starts = true;
        fields.push("involvement");
    }
    if !starts {
        return None;
    }
    Some(Label {
        fields,
        rest_at: cut + 1,
    })
}

pub(super) fn starts_application(lower: &str) -> bool {
    lower.contains(':')
        && phrases()
            .get("start")
            .iter()
            .any(|p| lower.starts_with(p.as_str()))
}

pub(super) fn is_form_heading(lower: &str) -> bool {
    phrases()
        .get("form")
        .iter()
        .any(|p| lower.starts_with(p.as_str()))
}

/// A line that ends an application: the next case of a case paper ("Sak 23-2025: …").
pub(super) fn ends_application(lower: &str) -> bool {
    let t = lower.trim();
    if phrases()
        .get("end")
        .iter()
        .any(|p| t.starts_with(p.as_str()))
    {
        return true;
    }
    t.strip_prefix("sak ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// The original-case text of line `i` from byte `at` of its lowercased, bullet-stripped form.
pub(super) fn rest_of(lines: &Lines, i: usize, at: usize) -> String {
    let orig = strip_bullet(lines.text[i]);
    // Lowercasing keeps byte lengths for the letters of Norwegian text; fall back to the
    // character count when it does not.
    if orig.len() == lines.lower[i].len() {
        orig.get(at..).unwrap_or("").trim().to_string()
    } else {
        let n = lines.lower[i]
            .get(..at)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        orig.chars().skip(n).collect::<String>().trim().to_string()
    }
}

/// The answer region of a label at line `i`: its own line's rest and the lines up to the next
/// label or question (parenthesised explanations right after the label are skipped).
pub(super) fn answer_lines(
    lines: &Lines,
    i: usize,
    last: usize,
    labels: &[Option<Label>],
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut j = i + 1;
    let mut started = false;
    while j <= last {
        if labels[j].is_some() {
            break;
        }
        if lines.prompt[j] {
            if started && lines.lower[j].trim().ends_with('?') {
                break;
            }
            j += 1;
            continue;
        }
        if !lines.blank(j) {
            started = true;
            out.push(j);
        }
        j += 1;
    }
    out
}
