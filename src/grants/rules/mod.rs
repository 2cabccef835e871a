//! The rules for grant applications, one file each like the document rules in `src/rules`: each
//! has an `ID`, a doc comment (what it finds, why it matters, an example) and its pass/fail cases.
//! Every finding has the kind `application`; arithmetic ones carry stated and computed figures.

pub mod applied_vs_total;
pub mod budget_sum;
pub mod dates_order;
pub mod period_length;
pub mod placeholders;
pub mod required_fields;
pub mod share_consistent;

use super::Reading;
use crate::model::{Finding, FindingKind, Severity};
use crate::rules::{rule, Rule};
use crate::text::fmt_no;

/// Every rule with its doc line in English and bokmål, in the order they run (`crate::registry`
/// lists them after the document's rules).
pub static RULES: &[Rule] = &[
    rule(
        required_fields::ID,
        "every field of the application form must be answered.",
        "alle feltene i søknadsskjemaet må være besvart.",
    ),
    rule(
        budget_sum::ID,
        "an application's budget must add up, per year and in total.",
        "søknadens budsjett må gå opp, per år og totalt.",
    ),
    rule(
        applied_vs_total::ID,
        "the amount applied for may not exceed the project's total cost, and must match the \
         budget's own figures.",
        "søkt beløp kan ikke være større enn prosjektets totalkostnad, og må stemme med \
         budsjettets egne tall.",
    ),
    rule(
        share_consistent::ID,
        "a stated share of the total cost (\"50 % av totalkostnaden\", \"egenandel 40 %\") must \
         agree with the amounts, and amount applied plus own contribution must make the total \
         cost.",
        "en oppgitt andel av totalkostnaden («50 % av totalkostnaden», «egenandel 40 %») må \
         stemme med beløpene, og søkt beløp pluss egenandel må utgjøre totalkostnaden.",
    ),
    rule(
        period_length::ID,
        "the project period must lie within what the scheme funds — at most 5 years — and must \
         have an end.",
        "prosjektperioden må ligge innenfor det ordningen finansierer – høyst 5 år – og må ha en \
         slutt.",
    ),
    rule(
        dates_order::ID,
        "the plan's dates must come in order, and after the application date.",
        "datoene i planen må komme i rekkefølge, og etter søknadsdatoen.",
    ),
    rule(
        placeholders::ID,
        "template text left in an application (\"Kr. X\", \"[dato]\", \"XX\").",
        "maltekst som er blitt stående i en søknad («Kr. X», «[dato]», «XX»).",
    ),
];

/// Runs every rule on one application.
pub fn run(r: &Reading) -> Vec<Finding> {
    let mut out = required_fields::check(r);
    out.extend(budget_sum::check(r));
    out.extend(applied_vs_total::check(r));
    out.extend(share_consistent::check(r));
    out.extend(period_length::check(r));
    out.extend(dates_order::check(r));
    out.extend(placeholders::check(r));
    crate::sorting::sort_by_key(&mut out, |f| (f.line, f.severity));
    out
}

/// A finding of kind `application` made by rule `rule` (the rule's `ID`).
pub(crate) fn finding(
    rule: &'static str,
    severity: Severity,
    line: usize,
    end_line: usize,
    message: String,
) -> Finding {
    Finding {
        kind: FindingKind::Application,
        rule: rule.into(),
        severity,
        line,
        end_line: end_line.max(line),
        message,
        stated: None,
        computed: None,
        computed_range: None,
    }
}

/// An arithmetic finding of kind `application`: the stated figure, what the others give, and
/// the interval their rounding allows.
pub(crate) fn arithmetic(
    rule: &'static str,
    line: usize,
    end_line: usize,
    message: String,
    stated: f64,
    computed: f64,
    range: (f64, f64),
) -> Finding {
    Finding {
        stated: Some(stated),
        computed: Some(computed),
        computed_range: Some([range.0, range.1]),
        ..finding(rule, Severity::Error, line, end_line, message)
    }
}

/// "1 500 000 kroner".
pub(crate) fn kr(v: f64) -> String {
    format!(
        "{} kroner",
        fmt_no(v, if v.fract().abs() > 1e-9 { 2 } else { 0 })
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each rule's source file, for its module doc.
    const SOURCES: &[(&str, &str)] = &[
        (required_fields::ID, include_str!("required_fields.rs")),
        (budget_sum::ID, include_str!("budget_sum.rs")),
        (applied_vs_total::ID, include_str!("applied_vs_total.rs")),
        (share_consistent::ID, include_str!("share_consistent.rs")),
        (period_length::ID, include_str!("period_length.rs")),
        (dates_order::ID, include_str!("dates_order.rs")),
        (placeholders::ID, include_str!("placeholders.rs")),
    ];

    #[test]
    fn doc_lines_are_the_first_paragraph_of_each_rule_file() {
        let max_years = period_length::MAX_YEARS.to_string();
        crate::rules::assert_doc_lines(RULES, SOURCES, &[("[`MAX_YEARS`]", max_years)]);
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::document::Document;

    /// The first application read from `text`, with the document's own tables and findings.
    pub fn reading(text: &str) -> super::Reading {
        let a = crate::analyze("t.txt", text.as_bytes()).expect("text");
        let doc = Document::new(a.text);
        crate::grants::read(&doc, &a.report.tables, &a.report.findings)
            .into_iter()
            .next()
            .expect("an application")
    }
}
