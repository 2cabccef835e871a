//! The reader of applications: where each one runs in the document, and its fields, owners,
//! contact, amounts, period, plan and budget read from the labels and the answer text.

use std::collections::BTreeMap;

use super::form::{
    answer_lines, ends_application, is_form_heading, label_of, rest_of, starts_application,
    strip_bullet, Label, Lines,
};
use super::{budget, dates, phrases, Num, Reading, Share, FIELDS};
use crate::document::Document;
use crate::extract::numbers::{lex, NumUnit, NumberKind, NumberToken};
use crate::model::{Finding, FindingKind, Table};
use crate::report::GrantPeriod;

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

/// What the labels of one application give besides its [`Reading`]'s fields: the parts of its
/// owners and contact, and the lines read afterwards.
#[derive(Default)]
struct Gathered {
    contacts: Vec<String>,
    municipalities: Vec<String>,
    health_trust: Vec<String>,
    budget_region: Vec<usize>,
    plan_region: Vec<usize>,
    amount_region: Vec<usize>,
    /// Answer text to look for mentions in: (line index, byte offset in the lowercased line).
    answer_text: Vec<(usize, usize)>,
}

/// The answer to the label on line `i`: the rest of the label's own line and the answer lines
/// under it ([`answer_lines`]).
struct Answer {
    i: usize,
    rest: String,
    lines: Vec<usize>,
}

impl Answer {
    fn answered(&self) -> bool {
        !self.rest.is_empty() || !self.lines.is_empty()
    }

    /// The answer's first lines as text.
    fn first(&self, lines: &Lines) -> String {
        if !self.rest.is_empty() {
            self.rest.clone()
        } else {
            self.lines
                .first()
                .map(|&j| lines.text[j].trim().to_string())
                .unwrap_or_default()
        }
    }

    /// The same, with a line wrapped onto the next one (which starts in small letters and is no
    /// label) joined to it.
    fn first_wrapped(&self, lines: &Lines) -> String {
        let (i, rest, answer) = (self.i, &self.rest, &self.lines);
        let mut text = self.first(lines);
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
    }
}

/// Records that `f` is answered on `line` (the earliest line wins).
fn set_field(fields: &mut BTreeMap<String, Option<usize>>, f: &str, line: usize) {
    if let Some(slot) = fields.get_mut(f) {
        if slot.is_none_or(|l| line < l) {
            *slot = Some(line);
        }
    }
}

/// Records that `f` is answered on `line` unless it already is.
fn fill_field(fields: &mut BTreeMap<String, Option<usize>>, f: &str, line: usize) {
    if let Some(slot) = fields.get_mut(f) {
        if slot.is_none() {
            *slot = Some(line);
        }
    }
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

    // The scheme: named in the form heading or anywhere in the application.
    'scheme: for i in begin..=last {
        for p in book.get("schemes") {
            if lines.lower[i].contains(p.as_str()) {
                r.scheme = Some(p.clone());
                set_field(&mut r.fields, "scheme", num(i));
                break 'scheme;
            }
        }
    }

    let mut g = Gathered::default();
    for i in name_at..=last {
        let Some(label) = &labels[i] else {
            if !lines.prompt[i] && !lines.blank(i) {
                g.answer_text.push((i, 0));
            }
            continue;
        };
        let a = Answer {
            i,
            rest: rest_of(lines, i, label.rest_at),
            lines: answer_lines(lines, i, last, labels),
        };
        if !a.rest.is_empty() {
            g.answer_text.push((i, label.rest_at));
        }
        for &f in &label.fields {
            match f {
                "name" | "owners" | "municipalities" | "health_trust" | "contact"
                | "application_date" => read_party(lines, labels, last, f, &a, &mut r, &mut g),
                _ => read_project(lines, label, f, &a, &mut r, &mut g),
            }
        }
    }

    // Mentions in the answer text: only where no label of the form answered the field.
    read_mentions(lines, &g.answer_text, &mut r);
    // Owners: the project owners as written, with the HF and municipalities when not named.
    settle_owners(lines, labels, name_at, last, &g, &mut r);
    // Milestones: the first date of each line of the plan.
    read_milestones(lines, g.plan_region, &mut r);
    // The budget: a table in the budget's answer, or its lines of amounts.
    read_budget(
        lines,
        labels,
        g.budget_region,
        &g.amount_region,
        tables,
        &mut r,
    );
    if let Some((_, l)) = r.amount_applied {
        set_field(&mut r.fields, "amount_applied", l);
    }
    if let Some((_, l)) = r.total_cost {
        set_field(&mut r.fields, "total_cost", l);
    }

    r.placeholders = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Placeholder && f.line >= r.line && f.line <= r.end_line)
        .cloned()
        .collect();
    r
}

/// A label's answer to a field about who applies and when: name, owners, municipalities, health
/// trust, contact, application date.
fn read_party(
    lines: &Lines,
    labels: &[Option<Label>],
    last: usize,
    f: &str,
    a: &Answer,
    r: &mut Reading,
    g: &mut Gathered,
) {
    let num = |i: usize| lines.numbers[i];
    let (i, rest, answer, answered) = (a.i, &a.rest, &a.lines, a.answered());
    let first = || a.first(lines);
    let first_wrapped = || a.first_wrapped(lines);
    match f {
        "name" if answered && r.title.is_none() => {
            r.title = Some(first_wrapped());
            set_field(&mut r.fields, "name", num(i));
        }
        "owners" if answered && r.owners.is_empty() => {
            r.owners = split_names(&first_wrapped());
            set_field(&mut r.fields, "owners", num(i));
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
            g.municipalities
                .extend(list.iter().flat_map(|s| split_names(s)));
        }
        "health_trust" if answered => g.health_trust.extend(split_names(&first())),
        "contact" if answered => {
            let mut parts = Vec::new();
            if !rest.is_empty() {
                parts.push(rest.clone());
            }
            // The lines right under the label, up to a blank line or the next label.
            let mut j = i + 1;
            while j <= last && parts.len() < 4 {
                let t = lines.text[j].trim();
                if t.is_empty() || t.ends_with(':') || labels[j].is_some() || lines.prompt[j] {
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
                g.contacts
                    .push(parts.join(sep).trim_end_matches('.').to_string());
                set_field(&mut r.fields, "contact", num(i));
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
        _ => {}
    }
}

/// A label's answer to a field about the project: amounts, budget, purpose, period, plan,
/// continued operation.
fn read_project(
    lines: &Lines,
    label: &Label,
    f: &str,
    a: &Answer,
    r: &mut Reading,
    g: &mut Gathered,
) {
    let num = |i: usize| lines.numbers[i];
    let (i, rest, answer, answered) = (a.i, &a.rest, &a.lines, a.answered());
    match f {
        "amount_applied" => {
            g.amount_region.push(i);
            g.amount_region.extend(answer);
            g.budget_region.push(i);
            g.budget_region.extend(answer);
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
                set_field(&mut r.fields, "purpose", num(i));
            }
        }
        "total_cost" => {
            g.budget_region.push(i);
            g.budget_region.extend(answer);
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
            set_field(&mut r.fields, "own_contribution", num(i));
            if r.own_contribution.is_none() && !rest.is_empty() {
                if let Some(t0) = money(rest).first() {
                    r.own_contribution = Some((Num::of(t0), num(i)));
                }
            }
        }
        "budget" => {
            g.budget_region.push(i);
            g.budget_region.extend(answer);
        }
        "purpose" if answered => set_field(&mut r.fields, "purpose", num(i)),
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
                set_field(&mut r.fields, "period", num(i));
            }
        }
        "plan" if answered => {
            set_field(&mut r.fields, "plan", num(i));
            g.plan_region.push(i);
            g.plan_region.extend(answer);
        }
        "continued_operation" if answered => {
            set_field(&mut r.fields, "continued_operation", num(i))
        }
        _ => {}
    }
}

/// The fields the answer text mentions in words, the amounts and period it states and the shares
/// of the total cost.
fn read_mentions(lines: &Lines, answer_text: &[(usize, usize)], r: &mut Reading) {
    let book = phrases();
    let num = |i: usize| lines.numbers[i];
    for &(i, at) in answer_text {
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
                    fill_field(&mut r.fields, f, num(i));
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
                        fill_field(&mut r.fields, f, num(i));
                    }
                }
                _ => fill_field(&mut r.fields, f, num(i)),
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
}

/// The owners as written, with the health trust and municipalities when not named; and the
/// contact.
fn settle_owners(
    lines: &Lines,
    labels: &[Option<Label>],
    name_at: usize,
    last: usize,
    g: &Gathered,
    r: &mut Reading,
) {
    let num = |i: usize| lines.numbers[i];
    if r.owners.is_empty() {
        r.owners.extend(g.health_trust.iter().cloned());
        r.owners.extend(g.municipalities.iter().cloned());
        if !r.owners.is_empty() {
            let at = (name_at..=last)
                .find(|&i| {
                    labels[i].as_ref().is_some_and(|l| {
                        l.fields.contains(&"health_trust") || l.fields.contains(&"municipalities")
                    })
                })
                .map(num);
            if let Some(at) = at {
                set_field(&mut r.fields, "owners", at);
            }
        }
    } else {
        for h in &g.health_trust {
            let key = h.split_whitespace().next().unwrap_or("").to_lowercase();
            if !key.is_empty() && !r.owners.iter().any(|o| o.to_lowercase().contains(&key)) {
                r.owners.push(h.clone());
            }
        }
    }
    if !g.contacts.is_empty() {
        r.contact = Some(g.contacts.join("; "));
    }
}

/// The first date of each line of the plan, and the period they span when none is stated.
fn read_milestones(lines: &Lines, mut plan_region: Vec<usize>, r: &mut Reading) {
    let num = |i: usize| lines.numbers[i];
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
                set_field(&mut r.fields, "period", line);
            }
        }
    }
}

/// The budget from the budget's answer lines (or a table there), and the amount applied for and
/// the total cost from it when the labels gave none.
fn read_budget(
    lines: &Lines,
    labels: &[Option<Label>],
    mut budget_region: Vec<usize>,
    amount_region: &[usize],
    tables: &[Table],
    r: &mut Reading,
) {
    let book = phrases();
    let num = |i: usize| lines.numbers[i];
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
            set_field(&mut r.fields, "purpose", b.line);
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
}

/// Money in a piece of text: kroner, or a plain amount of at least 1 000 that is not a year.
pub(super) fn money(text: &str) -> Vec<NumberToken> {
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
