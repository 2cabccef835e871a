//! Every rule that makes findings, in one list: the document's rules (`rules::RULES`) then the
//! grant-application rules (`grants::rules::RULES`), each list kept by the stage that runs its
//! rules. What `meldingssjekk check --rules` lists and `--disable` takes, and how a rule's
//! findings are left out of a finished report. This module comes after `rules`, `grants` and
//! `report`, so the dependencies flow one way.

use crate::grants::rules as grants;
use crate::model::Finding;
use crate::report::DocumentReport;
use crate::rules::{self, Rule};

const COUNT: usize = rules::RULES.len() + grants::RULES.len();

/// Every rule, the document's checks in the order they run, then the grant-application rules.
pub static RULES: [Rule; COUNT] = concat(rules::RULES, grants::RULES);

/// `a` then `b`, as one array of `N` (their lengths added).
const fn concat<const N: usize>(a: &[Rule], b: &[Rule]) -> [Rule; N] {
    let mut out = [a[0]; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[a.len() + j] = b[j];
        j += 1;
    }
    out
}

/// The rule with id `id`.
pub fn get(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Reads a comma-separated list of rule ids ("change,rate"); an unknown id is the error.
pub fn parse_list(list: &str) -> Result<Vec<&'static str>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| get(s).map(|r| r.id).ok_or_else(|| s.to_string()))
        .collect()
}

/// Drops the findings (and the checks found right) of the rules in `disabled` from a document
/// and its applications.
pub fn disable(doc: &mut DocumentReport, disabled: &[&str]) {
    if disabled.is_empty() {
        return;
    }
    let keep = |f: &Finding| !disabled.contains(&f.rule.as_str());
    doc.findings.retain(keep);
    doc.checks_passed
        .retain(|p| !disabled.contains(&p.rule.as_str()));
    for a in &mut doc.applications {
        a.findings.retain(keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case_and_cover_every_grant_rule() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(
                !r.id.is_empty()
                    && r.id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                r.id
            );
            assert!(
                RULES[..i].iter().all(|o| o.id != r.id),
                "duplicate {}",
                r.id
            );
            assert!(
                !r.en.is_empty() && !r.nb.is_empty() && r.en != r.nb,
                "{}",
                r.id
            );
        }
        for r in grants::RULES {
            assert!(get(r.id).is_some(), "{} missing from RULES", r.id);
        }
    }

    #[test]
    fn lists_and_disabling() {
        assert_eq!(parse_list("change, rate,"), Ok(vec!["change", "rate"]));
        assert_eq!(parse_list("change,nope"), Err("nope".to_string()));
        let a = crate::analyze(
            "t.txt",
            "Antallet ble redusert med 50 % fra 100 til 80. Det ble doblet fra 10 til 30.\n"
                .as_bytes(),
        )
        .expect("text");
        let mut doc = a.report;
        let rules: Vec<&str> = doc.findings.iter().map(|f| f.rule.as_str()).collect();
        assert!(rules.contains(&"change"), "{rules:?}");
        disable(&mut doc, &["change"]);
        assert!(doc.findings.iter().all(|f| f.rule != "change"));
        // A disabled rule's checks found right go too.
        let mut doc = crate::analyze(
            "t.txt",
            "Antallet er redusert med 20 %, fra 100 til 80.\n".as_bytes(),
        )
        .expect("text")
        .report;
        assert_eq!(doc.checks_passed.len(), 1, "{:?}", doc.checks_passed);
        disable(&mut doc, &["change"]);
        assert!(doc.checks_passed.is_empty());
    }
}
