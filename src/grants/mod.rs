//! Grant applications (rekrutterings- og samhandlingstilskudd, "RS-midler", and similar schemes):
//! the reader of applications in a document (fields, budget, period, milestones) and the rules
//! that check them (`rules`, one file per rule).
//!
//! A document may hold several applications (an SSU case paper does). An application opens at a
//! project-name label ("Navn på prosjekt/pilot:", "Prosjektnamn:") — or at the form heading
//! ("Søknadsskjema for …") shortly before it — and runs to the next application or the next case
//! ("Sak 23-2025: …"). Inside it the form's labels ("Prosjekteiere:", "Kontaktperson(er):",
//! "Totalkostnad:", "Prosjektplan …:") and the answer text after them are read; the words are
//! data (`data/phrases/applications.txt`, bokmål and nynorsk side by side). Form prompts — lines
//! ending in "?", text in parentheses — are questions, never answers: a field is present only
//! when the application answers it.

pub mod budget;
pub mod dates;
pub mod rules;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::document::Document;
use crate::extract::numbers::{lex, NumUnit, NumberKind, NumberToken};
use crate::extract::phrases::PhraseBook;
use crate::model::{Finding, FindingKind, Table};
use crate::report::{Application, GrantPeriod};

pub use budget::{BudgetRead, RowRead};
pub use dates::YearMonth;

const DATA: &str = include_str!("../../data/phrases/applications.txt");

/// The phrase book of the application form.
pub fn phrases() -> &'static PhraseBook {
    static B: OnceLock<PhraseBook> = OnceLock::new();
    B.get_or_init(|| PhraseBook::parse(DATA))
}

/// The fields of an application, in the order of the form; every one is required.
pub const FIELDS: [&str; 14] = [
    "name",
    "owners",
    "contact",
    "scheme",
    "amount_applied",
    "total_cost",
    "own_contribution",
    "period",
    "purpose",
    "plan",
    "evaluation",
    "user_involvement",
    "employee_involvement",
    "continued_operation",
];

/// The name of a field in bokmål (`lang` "nb"), nynorsk ("nn") or English ("en"), from the
/// `[field_names]` section of the data; the field's key when unknown.
pub fn field_name(field: &str, lang: &str) -> String {
    static N: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let rows = N.get_or_init(|| {
        let mut out = Vec::new();
        let mut on = false;
        for l in DATA.lines() {
            let l = l.trim();
            if l.starts_with('[') {
                on = l == "[field_names]";
                continue;
            }
            if on && !l.is_empty() && !l.starts_with('#') {
                out.push(l.split('|').map(|p| p.trim().to_string()).collect());
            }
        }
        out
    });
    let col = match lang {
        "nn" => 2,
        "en" => 3,
        _ => 1,
    };
    rows.iter()
        .find(|r| r.first().is_some_and(|k| k == field))
        .and_then(|r| r.get(col).cloned())
        .unwrap_or_else(|| field.to_string())
}

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

/// Fields answered by words in the answer text (`[mention.X]` in the data).
const MENTIONS: [&str; 8] = [
    "amount_applied",
    "own_contribution",
    "purpose",
    "period",
    "evaluation",
    "user_involvement",
    "employee_involvement",
    "continued_operation",
];

/// A figure with the interval its rounding allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub value: f64,
    pub lo: f64,
    pub hi: f64,
}

impl Num {
    pub fn of(t: &NumberToken) -> Num {
        let (lo, hi) = t.interval();
        Num {
            value: t.value,
            lo,
            hi,
        }
    }
    pub fn iv(&self) -> (f64, f64) {
        (self.lo, self.hi)
    }
}

/// A stated share in percent: of the amount applied for, or of the own contribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub pct: Num,
    pub own: bool,
    pub line: usize,
}

/// One application as read, with everything the rules need.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub line: usize,
    pub end_line: usize,
    pub title: Option<String>,
    pub owners: Vec<String>,
    pub contact: Option<String>,
    pub scheme: Option<String>,
    pub amount_applied: Option<(Num, usize)>,
    pub total_cost: Option<(Num, usize)>,
    pub own_contribution: Option<(Num, usize)>,
    pub shares: Vec<Share>,
    pub period: Option<GrantPeriod>,
    /// Whether the period was read from the plan's milestones (no period stated as such).
    pub period_from_plan: bool,
    pub application_date: Option<(YearMonth, usize)>,
    /// The first date of each line of the plan, in the order written.
    pub milestones: Vec<(YearMonth, usize)>,
    pub budget: Option<BudgetRead>,
    /// Line where each field is answered (every name of [`FIELDS`] is a key).
    pub fields: BTreeMap<String, Option<usize>>,
    /// Placeholder findings of the document inside the application.
    pub placeholders: Vec<Finding>,
}

/// The lines of a document, cleaned for the form reader.
struct Lines<'a> {
    numbers: Vec<usize>,
    text: Vec<&'a str>,
    lower: Vec<String>,
    /// Form prompts: questions and parenthesised explanations.
    prompt: Vec<bool>,
}

fn strip_bullet(s: &str) -> &str {
    let t = s.trim();
    let t = t.trim_start_matches(['•', '●', '▪', '◦', '*', '-', '–', '·']);
    t.trim_start()
}

impl<'a> Lines<'a> {
    fn of(doc: &'a Document) -> Lines<'a> {
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

    fn blank(&self, i: usize) -> bool {
        self.text[i].trim().is_empty()
    }
}

/// A form label on a line: the fields it asks for and the answer on the same line.
#[derive(Debug, Clone)]
struct Label {
    fields: Vec<&'static str>,
    /// Byte offset in the line's lowercased, bullet-stripped text where the answer starts.
    rest_at: usize,
}

fn label_of(lower: &str) -> Option<Label> {
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

fn starts_application(lower: &str) -> bool {
    lower.contains(':')
        && phrases()
            .get("start")
            .iter()
            .any(|p| lower.starts_with(p.as_str()))
}

fn is_form_heading(lower: &str) -> bool {
    phrases()
        .get("form")
        .iter()
        .any(|p| lower.starts_with(p.as_str()))
}

/// A line that ends an application: the next case of a case paper ("Sak 23-2025: …").
fn ends_application(lower: &str) -> bool {
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

/// Money in a piece of text: kroner, or a plain amount of at least 1 000 that is not a year.
fn money(text: &str) -> Vec<NumberToken> {
    lex(text)
        .into_iter()
        .filter(|t| t.kind == NumberKind::Quantity && t.upper.is_none() && t.value.is_finite())
        .filter(|t| match t.unit {
            NumUnit::Nok => true,
            NumUnit::None => t.value >= 1000.0 && !crate::rules::prose::looks_like_year(t, text),
            _ => false,
        })
        .collect()
}

fn percents(text: &str) -> Vec<NumberToken> {
    lex(text)
        .into_iter()
        .filter(|t| t.kind == NumberKind::Quantity && t.unit == NumUnit::Percent)
        .collect()
}

/// The original-case text of line `i` from byte `at` of its lowercased, bullet-stripped form.
fn rest_of(lines: &Lines, i: usize, at: usize) -> String {
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

/// Reads every application in a document. `tables` are the document's tables (a budget may be
/// one of them), `findings` its findings (placeholders inside an application are its own).
pub fn read(doc: &Document, tables: &[Table], findings: &[Finding]) -> Vec<Reading> {
    // Most documents hold no application: only lines with a colon can open one, so the rest
    // are not lowercased before one is found.
    let any = doc.lines.iter().any(|l| {
        doc.text
            .get(l.start..l.end)
            .is_some_and(|t| t.contains(':') && starts_application(&strip_bullet(t).to_lowercase()))
    });
    if !any {
        return Vec::new();
    }
    let lines = Lines::of(doc);
    let n = lines.text.len();
    let starts: Vec<usize> = (0..n)
        .filter(|&i| starts_application(&lines.lower[i]))
        .collect();
    if starts.is_empty() {
        return Vec::new();
    }
    // The form's labels, once for the whole document (a case paper may hold many applications).
    let labels: Vec<Option<Label>> = lines.lower.iter().map(|l| label_of(l)).collect();
    let mut out = Vec::new();
    let mut prev_end = 0usize;
    for (k, &s) in starts.iter().enumerate() {
        // The form heading shortly before the name line opens the application.
        let lo = prev_end.max(s.saturating_sub(80));
        let begin = (lo..s)
            .rev()
            .find(|&i| is_form_heading(&lines.lower[i]) && !lines.prompt[i])
            .unwrap_or(s);
        let limit = starts.get(k + 1).copied().unwrap_or(n);
        // The next application's own heading belongs to it.
        let next_begin = starts
            .get(k + 1)
            .map(|&ns| {
                (s + 1..ns)
                    .rev()
                    .take_while(|&i| ns - i <= 80)
                    .filter(|&i| is_form_heading(&lines.lower[i]) && !lines.prompt[i])
                    .last()
                    .unwrap_or(ns)
            })
            .unwrap_or(n);
        let mut end = next_begin.min(limit);
        if let Some(e) = (s + 1..end).find(|&i| ends_application(&lines.lower[i])) {
            end = e;
        }
        let mut last = end.saturating_sub(1).max(s);
        while last > s && lines.blank(last) {
            last -= 1;
        }
        prev_end = last + 1;
        out.push(read_one(&lines, &labels, begin, s, last, tables, findings));
    }
    out
}

/// The answer region of a label at line `i`: its own line's rest and the lines up to the next
/// label or question (parenthesised explanations right after the label are skipped).
fn answer_lines(lines: &Lines, i: usize, last: usize, labels: &[Option<Label>]) -> Vec<usize> {
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

#[allow(clippy::too_many_arguments)]
fn read_one(
    lines: &Lines,
    labels: &[Option<Label>],
    begin: usize,
    name_at: usize,
    last: usize,
    tables: &[Table],
    findings: &[Finding],
) -> Reading {
    let book = phrases();
    let num = |i: usize| lines.numbers[i];
    let mut r = Reading {
        line: num(begin),
        end_line: num(last),
        ..Reading::default()
    };
    for f in FIELDS {
        r.fields.insert(f.to_string(), None);
    }
    let set = |fields: &mut BTreeMap<String, Option<usize>>, f: &str, line: usize| {
        if let Some(slot) = fields.get_mut(f) {
            if slot.is_none_or(|l| line < l) {
                *slot = Some(line);
            }
        }
    };

    // The scheme: named in the form heading or anywhere in the application.
    'scheme: for i in begin..=last {
        for p in book.get("schemes") {
            if lines.lower[i].contains(p.as_str()) {
                r.scheme = Some(p.clone());
                set(&mut r.fields, "scheme", num(i));
                break 'scheme;
            }
        }
    }

    let mut contacts: Vec<String> = Vec::new();
    let mut municipalities: Vec<String> = Vec::new();
    let mut health_trust: Vec<String> = Vec::new();
    let mut budget_region: Vec<usize> = Vec::new();
    let mut plan_region: Vec<usize> = Vec::new();
    let mut amount_region: Vec<usize> = Vec::new();
    // Answer text to look for mentions in: (line index, byte offset in the lowercased line).
    let mut answer_text: Vec<(usize, usize)> = Vec::new();

    for i in name_at..=last {
        let Some(label) = &labels[i] else {
            if !lines.prompt[i] && !lines.blank(i) {
                answer_text.push((i, 0));
            }
            continue;
        };
        let rest = rest_of(lines, i, label.rest_at);
        let answer = answer_lines(lines, i, last, labels);
        let answered = !rest.is_empty() || !answer.is_empty();
        if !rest.is_empty() {
            answer_text.push((i, label.rest_at));
        }
        // The answer's first lines as text.
        let first = || -> String {
            if !rest.is_empty() {
                rest.clone()
            } else {
                answer
                    .first()
                    .map(|&j| lines.text[j].trim().to_string())
                    .unwrap_or_default()
            }
        };
        // The same, with a line wrapped onto the next one (which starts in small letters and
        // is no label) joined to it.
        let first_wrapped = || -> String {
            let mut text = first();
            let next = if rest.is_empty() {
                answer.get(1)
            } else {
                answer.first()
            };
            if let Some(&j) = next {
                let t = lines.text[j].trim();
                if j == i + 1 + usize::from(rest.is_empty())
                    && t.starts_with(|c: char| c.is_lowercase())
                    && !t.contains(':')
                {
                    text.push(' ');
                    text.push_str(t);
                }
            }
            text
        };
        for &f in &label.fields {
            match f {
                "name" if answered && r.title.is_none() => {
                    r.title = Some(first_wrapped());
                    set(&mut r.fields, "name", num(i));
                }
                "owners" if answered && r.owners.is_empty() => {
                    r.owners = split_names(&first_wrapped());
                    set(&mut r.fields, "owners", num(i));
                }
                "municipalities" if answered => {
                    let mut list = vec![first()];
                    if rest.is_empty() {
                        list = answer
                            .iter()
                            .take(6)
                            .map(|&j| lines.text[j].trim().to_string())
                            .collect();
                    }
                    municipalities.extend(list.iter().flat_map(|s| split_names(s)));
                }
                "health_trust" if answered => health_trust.extend(split_names(&first())),
                "contact" if answered => {
                    let mut parts = Vec::new();
                    if !rest.is_empty() {
                        parts.push(rest.clone());
                    }
                    // The lines right under the label, up to a blank line or the next label.
                    let mut j = i + 1;
                    while j <= last && parts.len() < 4 {
                        let t = lines.text[j].trim();
                        if t.is_empty()
                            || t.ends_with(':')
                            || labels[j].is_some()
                            || lines.prompt[j]
                        {
                            break;
                        }
                        // After an answer on the label's own line only its wrapped end follows.
                        if !rest.is_empty() && !t.starts_with(|c: char| c.is_lowercase()) {
                            break;
                        }
                        parts.push(t.to_string());
                        j += 1;
                    }
                    if !parts.is_empty() {
                        // One person a line under the label; a wrapped answer on the label's line.
                        let sep = if rest.is_empty() { "; " } else { " " };
                        contacts.push(parts.join(sep).trim_end_matches('.').to_string());
                        set(&mut r.fields, "contact", num(i));
                    }
                }
                "application_date" => {
                    let mut cands = vec![(i, rest.clone())];
                    cands.extend(
                        answer
                            .iter()
                            .take(2)
                            .map(|&j| (j, lines.text[j].to_string())),
                    );
                    if r.application_date.is_none() {
                        r.application_date = cands
                            .iter()
                            .find_map(|(j, t)| dates::first_date(t).map(|d| (d, num(*j))));
                    }
                }
                "amount_applied" => {
                    amount_region.push(i);
                    amount_region.extend(&answer);
                    budget_region.push(i);
                    budget_region.extend(&answer);
                    if r.amount_applied.is_none() {
                        let short = answer
                            .first()
                            .filter(|&&j| lines.text[j].trim().chars().count() <= 60)
                            .map(|&j| (j, lines.text[j].to_string()));
                        let cand = if rest.is_empty() {
                            short
                        } else {
                            Some((i, rest.clone()))
                        };
                        if let Some((j, t)) = cand {
                            if let Some(m) = amount_in(&t, "") {
                                r.amount_applied = Some((m, num(j)));
                            }
                        }
                    }
                    if answered && label.fields.contains(&"purpose") {
                        set(&mut r.fields, "purpose", num(i));
                    }
                }
                "total_cost" => {
                    budget_region.push(i);
                    budget_region.extend(&answer);
                    if r.total_cost.is_none() {
                        let cand = if rest.is_empty() {
                            answer.first().map(|&j| (j, lines.text[j].to_string()))
                        } else {
                            Some((i, rest.clone()))
                        };
                        if let Some((j, t)) = cand {
                            if let Some(t0) = money(&t).first() {
                                r.total_cost = Some((Num::of(t0), num(j)));
                            }
                        }
                    }
                }
                "own_contribution" if answered => {
                    set(&mut r.fields, "own_contribution", num(i));
                    if r.own_contribution.is_none() && !rest.is_empty() {
                        if let Some(t0) = money(&rest).first() {
                            r.own_contribution = Some((Num::of(t0), num(i)));
                        }
                    }
                }
                "budget" => {
                    budget_region.push(i);
                    budget_region.extend(&answer);
                }
                "purpose" if answered => set(&mut r.fields, "purpose", num(i)),
                "period" if answered => {
                    let text = if rest.is_empty() {
                        answer
                            .first()
                            .map(|&j| lines.text[j].to_string())
                            .unwrap_or_default()
                    } else {
                        rest.clone()
                    };
                    if r.period.is_none() {
                        r.period = dates::period_in(&text, num(i));
                    }
                    if r.period.is_some() {
                        set(&mut r.fields, "period", num(i));
                    }
                }
                "plan" if answered => {
                    set(&mut r.fields, "plan", num(i));
                    plan_region.push(i);
                    plan_region.extend(&answer);
                }
                "continued_operation" if answered => {
                    set(&mut r.fields, "continued_operation", num(i))
                }
                _ => {}
            }
        }
    }

    // Mentions in the answer text: only where no label of the form answered the field.
    let fill = |fields: &mut BTreeMap<String, Option<usize>>, f: &str, line: usize| {
        if let Some(slot) = fields.get_mut(f) {
            if slot.is_none() {
                *slot = Some(line);
            }
        }
    };
    for &(i, at) in &answer_text {
        let t = lines.lower[i].get(at..).unwrap_or("");
        for f in MENTIONS {
            let Some(p) = book
                .get(&format!("mention.{f}"))
                .iter()
                .find(|p| t.contains(p.as_str()))
            else {
                continue;
            };
            match f {
                "amount_applied" => {
                    if r.amount_applied.is_none() {
                        if let Some(m) = amount_in(t, p) {
                            r.amount_applied = Some((m, num(i)));
                        }
                    }
                }
                "own_contribution" => {
                    fill(&mut r.fields, f, num(i));
                    if r.own_contribution.is_none() {
                        let after = t.find(p.as_str()).map(|k| &t[k..]).unwrap_or("");
                        if let Some(t0) = money(after).first() {
                            r.own_contribution = Some((Num::of(t0), num(i)));
                        }
                    }
                }
                "period" => {
                    if r.period.is_none() {
                        let after = t.find(p.as_str()).map(|k| &t[k..]).unwrap_or("");
                        r.period = dates::period_in(after, num(i));
                    }
                    if r.period.is_some() {
                        fill(&mut r.fields, f, num(i));
                    }
                }
                _ => fill(&mut r.fields, f, num(i)),
            }
        }
        // Shares of the total cost: "50 % av totalkostnaden", "egenandel 40 %".
        if book.get("share").iter().any(|p| t.contains(p.as_str())) {
            let own = book
                .get("mention.own_contribution")
                .iter()
                .any(|p| t.contains(p.as_str()));
            for p in percents(t) {
                r.shares.push(Share {
                    pct: Num::of(&p),
                    own,
                    line: num(i),
                });
            }
        }
    }

    // Owners: the project owners as written, with the HF and municipalities when not named.
    if r.owners.is_empty() {
        r.owners.extend(health_trust.iter().cloned());
        r.owners.extend(municipalities.iter().cloned());
        if !r.owners.is_empty() {
            let at = (name_at..=last)
                .find(|&i| {
                    labels[i].as_ref().is_some_and(|l| {
                        l.fields.contains(&"health_trust") || l.fields.contains(&"municipalities")
                    })
                })
                .map(num);
            if let Some(at) = at {
                set(&mut r.fields, "owners", at);
            }
        }
    } else {
        for h in &health_trust {
            let key = h.split_whitespace().next().unwrap_or("").to_lowercase();
            if !key.is_empty() && !r.owners.iter().any(|o| o.to_lowercase().contains(&key)) {
                r.owners.push(h.clone());
            }
        }
    }
    if !contacts.is_empty() {
        r.contact = Some(contacts.join("; "));
    }

    // Milestones: the first date of each line of the plan.
    plan_region.sort_unstable();
    plan_region.dedup();
    for &i in &plan_region {
        if let Some(d) = dates::dates_in(lines.text[i]).first() {
            r.milestones.push((*d, num(i)));
        }
    }
    if r.period.is_none() {
        if let (Some(a), Some(b)) = (
            r.milestones.iter().map(|m| m.0).min(),
            r.milestones.iter().map(|m| m.0).max(),
        ) {
            if r.milestones.len() >= 2 {
                let line = r.milestones[0].1;
                r.period = Some(GrantPeriod {
                    start: Some(a.year),
                    end: Some(b.year),
                    years: None,
                    line,
                });
                r.period_from_plan = true;
                set(&mut r.fields, "period", line);
            }
        }
    }

    // The budget: a table in the budget's answer, or its lines of amounts.
    budget_region.sort_unstable();
    budget_region.dedup();
    let region: Vec<(usize, &str)> = budget_region
        .iter()
        .filter(|&&i| labels[i].is_none() && !lines.prompt[i])
        .filter(|&&i| {
            let l = &lines.lower[i];
            !book
                .get("mention.amount_applied")
                .iter()
                .chain(book.get("label.own_contribution"))
                .any(|p| l.contains(p.as_str()))
        })
        .map(|&i| (num(i), lines.text[i]))
        .collect();
    let region_lines: Vec<usize> = budget_region.iter().map(|&i| num(i)).collect();
    r.budget = budget::read(&region, &region_lines, tables);
    if let Some(b) = &r.budget {
        if r.fields.get("purpose").is_some_and(|v| v.is_none()) && !b.rows.is_empty() {
            set(&mut r.fields, "purpose", b.line);
        }
        // The answer to "how much is applied for" is the budget's total.
        let in_amount = amount_region.iter().any(|&i| num(i) <= b.line)
            && amount_region.iter().any(|&i| num(i) >= b.end_line);
        if let Some(t) = &b.total {
            if let Some(Some(v)) = t.values.last() {
                if r.amount_applied.is_none() && in_amount {
                    r.amount_applied = Some((*v, t.line));
                }
                if r.total_cost.is_none() {
                    r.total_cost = Some((*v, t.line));
                }
            }
        }
        if r.amount_applied.is_none() {
            if let Some(a) = &b.applied {
                if let Some(Some(v)) = a.values.last() {
                    r.amount_applied = Some((*v, a.line));
                }
            }
        }
    }
    if let Some((_, l)) = r.amount_applied {
        set(&mut r.fields, "amount_applied", l);
    }
    if let Some((_, l)) = r.total_cost {
        set(&mut r.fields, "total_cost", l);
    }

    r.placeholders = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Placeholder && f.line >= r.line && f.line <= r.end_line)
        .cloned()
        .collect();
    r
}

/// The amount applied for in a line that says so: the figure after the phrase, or after
/// "totalt" when the line gives a yearly figure and a total ("2 millioner per år over 5 år,
/// totalt 10 millioner").
fn amount_in(line_lower: &str, phrase: &str) -> Option<Num> {
    let at = if phrase.is_empty() {
        0
    } else {
        line_lower.find(phrase)? + phrase.len()
    };
    let after = line_lower.get(at..)?;
    if let Some(k) = after.find("totalt").or_else(|| after.find("til saman")) {
        if let Some(t) = money(&after[k..]).first() {
            return Some(Num::of(t));
        }
    }
    money(after).first().map(Num::of)
}

/// "Rana kommune, Alstahaug kommune og Vefsn kommune" → three names; a part in small letters
/// ("ved FSU for utdanning") belongs to the name before it.
fn split_names(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in s.split([',', ';', '&']) {
        let mut parts = vec![piece.trim().to_string()];
        // "A kommune og B kommune": split at "og" only before a capital.
        // Not inside a trust's name ("Helse Møre og Romsdal HF").
        let cat = crate::extract::entities::catalogue();
        while let Some(k) = parts.last().and_then(|p| {
            let names = cat.mentions(p);
            p.match_indices(" og ")
                .find(|(k, _)| {
                    p[k + 4..].starts_with(|c: char| c.is_uppercase())
                        && !names
                            .iter()
                            .any(|m| m.span.start < *k && *k + 4 < m.span.end)
                })
                .map(|(k, _)| k)
        }) {
            let p = parts.pop().unwrap_or_default();
            parts.push(p[..k].to_string());
            parts.push(p[k + 4..].to_string());
        }
        for p in parts {
            let p = p.trim().trim_end_matches('.').trim().to_string();
            if p.is_empty() {
                continue;
            }
            match out.last_mut() {
                Some(prev) if p.starts_with(|c: char| c.is_lowercase()) => {
                    prev.push_str(", ");
                    prev.push_str(&p);
                }
                _ => out.push(p),
            }
        }
    }
    out
}

/// The application in the JSON contract, with the rules' findings.
pub fn to_contract(r: &Reading, findings: Vec<Finding>) -> Application {
    Application {
        line: r.line,
        end_line: r.end_line,
        title: r.title.clone(),
        owners: r.owners.clone(),
        contact: r.contact.clone(),
        scheme: r.scheme.clone(),
        amount_applied: r.amount_applied.map(|a| a.0.value),
        total_cost: r.total_cost.map(|a| a.0.value),
        own_contribution: r.own_contribution.map(|a| a.0.value),
        period: r.period.clone(),
        fields: r.fields.clone(),
        budget: r.budget.as_ref().map(BudgetRead::to_contract),
        findings,
    }
}

/// Reads and checks every application of a document.
pub fn applications(doc: &Document, tables: &[Table], findings: &[Finding]) -> Vec<Application> {
    read(doc, tables, findings)
        .iter()
        .map(|r| to_contract(r, rules::run(r)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Reading {
        let doc = Document::new(text.to_string());
        let mut v = read(&doc, &[], &[]);
        assert_eq!(v.len(), 1, "one application");
        v.remove(0)
    }

    #[test]
    fn reads_labels_and_answers_in_bokmal_and_nynorsk() {
        let r = one("Søknadsskjema for rekrutterings- og samhandlingstilskudd\n\
Navn på prosjekt: Felles læringsnettverk\n\
Prosjekteiere: Eksempel kommune og Eksempel HF\n\
Kontaktperson(er):\n\
Kari Nordmann, rådgiver\n\
Totalkostnad: kr 2 000 000\n\
Det søkes om kr 1 000 000 til lønn.\n");
        assert_eq!(r.title.as_deref(), Some("Felles læringsnettverk"));
        assert_eq!(r.owners, vec!["Eksempel kommune", "Eksempel HF"]);
        assert_eq!(r.contact.as_deref(), Some("Kari Nordmann, rådgiver"));
        assert_eq!(r.total_cost.map(|t| t.0.value), Some(2_000_000.0));
        assert_eq!(r.amount_applied.map(|t| t.0.value), Some(1_000_000.0));
        assert_eq!(r.fields["scheme"], Some(1));
        let nn = one("Prosjektnamn: Samhandling i fjordane\n\
Prosjekteigarar: Ein kommune\n\
Kontaktperson: Ola Nordmann\n");
        assert_eq!(nn.title.as_deref(), Some("Samhandling i fjordane"));
        assert_eq!(nn.fields["contact"], Some(3));
    }

    #[test]
    fn prompts_are_not_answers() {
        let r = one("Navn på prosjekt: Test\n\
Involvering av brukere, tillitsvalgte og vernetjenesten:\n\
(både i primær- og spesialisthelsetjenesten)\n");
        assert_eq!(r.fields["user_involvement"], None);
        assert_eq!(r.fields["employee_involvement"], None);
    }

    #[test]
    fn two_applications_and_the_next_case() {
        let doc = Document::new(
            "Navn på prosjekt: A\nKontaktperson: X\n\nNavn på prosjekt: B\nKontaktperson: Y\n\n\
Sak 12-2025: Eventuelt\nKontaktperson: Z\n"
                .to_string(),
        );
        let v = read(&doc, &[], &[]);
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].line, v[0].end_line), (1, 2));
        assert_eq!((v[1].line, v[1].end_line), (4, 5));
    }
}
