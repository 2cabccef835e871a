//! The serialisable result: the JSON contract (schema version 1) that the command line prints,
//! the JS API returns and the page renders. Fields may be added; none may be renamed or removed.
//! The types it is made of come from `crate::model`; this module adds the document and report
//! around them, the grant applications and figures, and how a document is serialised.

use serde::{Deserialize, Serialize};

// The domain types the contract is made of are defined in `crate::model` and serialised here as
// they are.
use crate::model::{CheckPassed, Finding, Format, Indicator, Origin, Table};

/// Version of the JSON contract. Bumped only for an incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole answer for one or more input files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub documents: Vec<DocumentReport>,
    /// Files that could not be read or were refused (the command line also exits 3 for these).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<InputError>,
}

impl Report {
    pub fn new(documents: Vec<DocumentReport>) -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            documents,
            errors: Vec::new(),
        }
    }
}

/// A file that was not analysed, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputError {
    pub name: String,
    pub message: String,
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DocumentReport {
    pub name: String,
    pub format: Format,
    /// Encoding the bytes were read as: "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1252".
    pub encoding: String,
    /// Number of lines in the input as given (every line counted).
    pub lines: usize,
    /// Number of quantities (not years or dates) the number lexer found.
    pub numbers: usize,
    pub indicators: Vec<Indicator>,
    pub findings: Vec<Finding>,
    /// The checks the rules made and found right ("Summen 1,5 + 1,3 + 0,8 = 3,6 stemmer"), each
    /// by the rule that would have made a finding had the figures disagreed (added to contract
    /// v1; additive, absent when there are none).
    #[serde(default)]
    pub checks_passed: Vec<CheckPassed>,
    pub tables: Vec<Table>,
    /// Every figure the document gives, with its line (added to contract v1; additive).
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The document's title as its first page gives it ("Årlig melding 2024 for Helse Nord RHF";
    /// added to contract v1; additive, absent when the first page names no kind of report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The RHF or HF the document is by (canonical name), when its first page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The year the document reports on, from its title (not the most frequent year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The months of that year the document covers, when its title says it covers part of the
    /// year ("Tertialrapport 2. tertial 2025" → 8); absent for a whole year or when unknown
    /// (added to contract v1; additive). Its figures for that year are so far, not final.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_months: Option<u32>,
    /// Grant applications the document holds (RS-midler and similar schemes), each with its
    /// fields, budget and findings (added to contract v1; additive, absent when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applications: Vec<Application>,
    /// Where each line (index = line − 1) came from in a structured file; empty for text and
    /// CSV. Not serialised as such: each item's location is written beside its `line`.
    #[serde(skip)]
    pub origins: Vec<Origin>,
}

impl DocumentReport {
    /// The origin of 1-based `line`, when the file had structure.
    pub fn origin(&self, line: usize) -> Option<&Origin> {
        line.checked_sub(1)
            .and_then(|i| self.origins.get(i))
            .filter(|o| !o.is_empty())
    }
}

/// The lists of a serialised document whose items (and those items' `verdicts`) get their
/// origin's fields beside their `line`: by the serializer here, and by the page's JSON export
/// for a file the worker read (the page's build has no JSON tree of its own).
pub const LOCATED_ITEMS: &[&str] = &[
    "indicators",
    "findings",
    "checks_passed",
    "tables",
    "figures",
    "applications",
];

/// The serialised fields of `DocumentReport` (all but `origins`), in the contract's order.
#[derive(Serialize)]
struct PlainDocument<'a> {
    name: &'a str,
    format: Format,
    encoding: &'a str,
    lines: usize,
    numbers: usize,
    indicators: &'a [Indicator],
    findings: &'a [Finding],
    #[serde(skip_serializing_if = "<[CheckPassed]>::is_empty")]
    checks_passed: &'a [CheckPassed],
    tables: &'a [Table],
    figures: &'a [Figure],
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period_months: Option<u32>,
    #[serde(skip_serializing_if = "<[Application]>::is_empty")]
    applications: &'a [Application],
}

impl Serialize for DocumentReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let plain = PlainDocument {
            name: &self.name,
            format: self.format,
            encoding: &self.encoding,
            lines: self.lines,
            numbers: self.numbers,
            indicators: &self.indicators,
            findings: &self.findings,
            checks_passed: &self.checks_passed,
            tables: &self.tables,
            figures: &self.figures,
            title: self.title.as_deref(),
            owner: self.owner.as_deref(),
            year: self.year,
            period_months: self.period_months,
            applications: &self.applications,
        };
        // Text and CSV have no origins: written as they are, without a detour through a tree.
        // Only the readers of structured files (feature `readers`) make origins.
        #[cfg(feature = "readers")]
        if !self.origins.is_empty() {
            let mut v = serde_json::to_value(&plain).map_err(serde::ser::Error::custom)?;
            self.locate(&mut v);
            return v.serialize(s);
        }
        plain.serialize(s)
    }
}

#[cfg(feature = "readers")]
impl DocumentReport {
    /// Writes each item's origin beside its `line` (the item's own fields win on a clash).
    fn locate(&self, v: &mut serde_json::Value) {
        let put = |item: &mut serde_json::Value| {
            let Some(line) = item.get("line").and_then(|l| l.as_u64()) else {
                return;
            };
            let Some(origin) = self.origin(line as usize) else {
                return;
            };
            let (Ok(serde_json::Value::Object(o)), Some(obj)) =
                (serde_json::to_value(origin), item.as_object_mut())
            else {
                return;
            };
            for (k, val) in o {
                obj.entry(k).or_insert(val);
            }
        };
        for key in LOCATED_ITEMS {
            let Some(items) = v.get_mut(*key).and_then(|x| x.as_array_mut()) else {
                continue;
            };
            for item in items {
                if let Some(vs) = item.get_mut("verdicts").and_then(|x| x.as_array_mut()) {
                    vs.iter_mut().for_each(put);
                }
                put(item);
            }
        }
    }
}

/// A grant application (søknad om RS-midler or a similar scheme) found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    /// First line of the application (its form heading, or the project-name line).
    pub line: usize,
    pub end_line: usize,
    /// The project's name as the application gives it.
    pub title: Option<String>,
    /// Project owners: the HF and the municipalities, as written.
    pub owners: Vec<String>,
    /// Contact person(s), as written.
    pub contact: Option<String>,
    /// The scheme applied to ("rekrutterings- og samhandlingstilskudd"), when named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// Amount applied for, in kroner.
    pub amount_applied: Option<f64>,
    /// Total cost of the project, in kroner.
    pub total_cost: Option<f64>,
    /// Own contribution / co-financing in kroner, when stated as an amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_contribution: Option<f64>,
    pub period: Option<GrantPeriod>,
    /// Each field of the form: the line where the application answers it, or null.
    pub fields: std::collections::BTreeMap<String, Option<usize>>,
    /// The budget table or list, when the application has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    pub findings: Vec<Finding>,
}

/// The project period of an application: calendar years, and a duration when the text gives one
/// ("over en periode på fem år").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantPeriod {
    pub start: Option<i32>,
    pub end: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<f64>,
    pub line: usize,
}

/// An application's budget: one column per year (or a single amount column) and its total row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    pub line: usize,
    pub end_line: usize,
    /// Column years; empty for a budget with one amount column.
    pub years: Vec<i32>,
    /// Whether the last value of each row is the row's own sum (a "Sum"/"Totalt" column).
    pub sum_column: bool,
    pub rows: Vec<BudgetRow>,
    /// The budget's total row ("Sum", "Totalt"), when it has one.
    pub total: Option<BudgetRow>,
}

/// One budget line: its label and the amounts in kroner (null for an empty cell).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetRow {
    pub label: String,
    pub line: usize,
    pub values: Vec<Option<f64>>,
}

/// One figure as the report gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub line: usize,
    /// The figure as written, e.g. "1 251,7 mill. kroner".
    pub text: String,
    /// Its value in base units (kroner, percent, days, count).
    pub value: f64,
    pub unit: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Claim, Comparator, FindingKind, Severity, Status, Target, TargetUnit, Verdict,
        VerdictStatus,
    };

    #[test]
    fn contract_serialises_with_the_documented_names() {
        let doc = DocumentReport {
            name: "a.txt".into(),
            format: Format::Text,
            encoding: "UTF-8".into(),
            lines: 3,
            numbers: 1,
            indicators: vec![Indicator {
                id: "i1".into(),
                line: 1,
                end_line: 1,
                text: "Minst 95 pst.".into(),
                measure: "pasientavtaler".into(),
                target: Target {
                    comparator: Comparator::NotAboveBaseline,
                    threshold: Some(95.0),
                    unit: Some(TargetUnit::Per100k),
                    baseline_year: None,
                    change_pct: None,
                    change_pp: None,
                    target_year: Some(2024),
                    subject: None,
                    long_term: false,
                },
                claim: Some(Claim::NotMet),
                claim_line: Some(2),
                verdicts: vec![Verdict {
                    entity: "Regionen".into(),
                    subject: None,
                    status: VerdictStatus::NotMet,
                    value: Some(86.0),
                    baseline_value: None,
                    year: Some(2024),
                    line: 2,
                    change_pct: None,
                }],
                status: Status::NotMet,
            }],
            findings: vec![Finding {
                kind: FindingKind::ClaimMismatch,
                rule: "claim_mismatch".into(),
                severity: Severity::Error,
                line: 2,
                end_line: 3,
                message: "x".into(),
                stated: Some(1.0),
                computed: None,
                computed_range: Some([0.5, 1.5]),
            }],
            checks_passed: vec![],
            tables: vec![],
            figures: vec![],
            title: None,
            owner: None,
            year: None,
            period_months: None,
            applications: vec![],
            origins: vec![],
        };
        let v = serde_json::to_value(Report::new(vec![doc])).unwrap();
        assert_eq!(v["schema_version"], 1);
        let d = &v["documents"][0];
        assert_eq!(d["format"], "text");
        let i = &d["indicators"][0];
        assert_eq!(i["target"]["comparator"], "not_above_baseline");
        assert_eq!(i["target"]["unit"], "per_100k");
        assert_eq!(i["claim"], "not_met");
        assert_eq!(i["verdicts"][0]["status"], "not_met");
        assert!(i["target"]["baseline_year"].is_null());
        assert_eq!(d["findings"][0]["kind"], "claim_mismatch");
        assert_eq!(d["findings"][0]["rule"], "claim_mismatch");
        assert_eq!(d["findings"][0]["computed_range"][1], 1.5);
        assert!(d["findings"][0]["computed"].is_null());
        assert!(v.get("errors").is_none());
    }

    #[test]
    fn checks_found_right_are_a_list_of_their_own_written_only_when_there_are_some() {
        let text = "Antallet er redusert med 26,6 %, fra 64 218 til 47 136 brudd.\n\n\
                    Talet gjekk ned med 14 %, frå 81 til 68.\n";
        let doc = crate::analyze("t.txt", text.as_bytes()).unwrap().report;
        let v = serde_json::to_value(Report::new(vec![doc])).unwrap();
        let d = &v["documents"][0];
        // The wrong change is a finding, the right one a check found right; neither list holds
        // the other's.
        assert_eq!(d["findings"].as_array().map(Vec::len), Some(1), "{d}");
        assert_eq!(d["findings"][0]["line"], 3);
        let passed = d["checks_passed"].as_array().expect("checks_passed");
        assert_eq!(passed.len(), 1, "{d}");
        assert_eq!(passed[0]["rule"], "change");
        assert_eq!(passed[0]["line"], 1);
        assert_eq!(passed[0]["stated"], -26.6);
        assert!(passed[0]["message"].as_str().unwrap().contains("stemmer"));
        // Read back as it was written.
        let back: Report = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(back.documents[0].checks_passed.len(), 1);
        // Nothing checked: no key, so such a document's JSON is as it was before the field.
        let plain = crate::analyze("u.txt", "Ingen tall her.\n".as_bytes())
            .unwrap()
            .report;
        let v = serde_json::to_value(&plain).unwrap();
        assert!(v.get("checks_passed").is_none(), "{v}");
        // JSON from before the field reads with an empty list.
        let mut old = v.clone();
        old.as_object_mut().unwrap().remove("checks_passed");
        let read: DocumentReport = serde_json::from_value(old).unwrap();
        assert!(read.checks_passed.is_empty());
    }

    #[test]
    fn a_finding_from_before_rule_ids_still_reads() {
        let f: Finding = serde_json::from_str(
            r#"{"kind":"arithmetic","severity":"error","line":3,"end_line":3,"message":"m",
                "stated":1.0,"computed":2.0,"computed_range":[1.5,2.5]}"#,
        )
        .unwrap();
        assert_eq!(f.rule, "");
        // Written back as it was read: no empty `rule`.
        assert!(serde_json::to_value(&f).unwrap().get("rule").is_none());
    }
}
