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
use crate::text::fmt_no;

/// Every rule's id, in the order they run.
pub const IDS: [&str; 7] = [
    required_fields::ID,
    budget_sum::ID,
    applied_vs_total::ID,
    share_consistent::ID,
    period_length::ID,
    dates_order::ID,
    placeholders::ID,
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
