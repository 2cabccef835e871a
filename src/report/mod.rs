//! The serialisable result: the JSON contract (schema version 1) that the command line prints,
//! the JS API returns and the page renders. Fields may be added; none may be renamed or removed.

use serde::{Deserialize, Serialize};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Csv,
    Pdf,
    Docx,
    Xlsx,
    Ods,
}

/// Where one line of the analysed text came from in a structured file (PDF page, DOCX
/// paragraph, spreadsheet cell). Serialised beside `line` on indicators, verdicts, findings,
/// figures and tables; every field is left out when unknown (added to contract v1; additive).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// 1-based PDF page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// 1-based line on that PDF page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_line: Option<usize>,
    /// 1-based DOCX paragraph (body paragraphs and table rows counted in reading order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// 1-based DOCX table, for a line that is a table row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<usize>,
    /// 1-based row in that table (DOCX) or sheet (XLSX/ODS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Spreadsheet sheet name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Spreadsheet cell ("B4"): the row's first cell, or the cell holding the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Origin {
    pub fn is_empty(&self) -> bool {
        *self == Origin::default()
    }

    /// Short human form: "side 7", "avsnitt 14", "tabell 2, rad 3", "Ark1!B4".
    pub fn label(&self, english: bool) -> Option<String> {
        if let Some(p) = self.page {
            return Some(format!("{} {p}", if english { "page" } else { "side" }));
        }
        if let (Some(s), Some(c)) = (&self.sheet, &self.cell) {
            return Some(format!("{s}!{c}"));
        }
        if let Some(s) = &self.sheet {
            return Some(s.clone());
        }
        if let (Some(t), Some(r)) = (self.table, self.row) {
            return Some(if english {
                format!("table {t}, row {r}")
            } else {
                format!("tabell {t}, rad {r}")
            });
        }
        self.paragraph
            .map(|p| format!("{} {p}", if english { "paragraph" } else { "avsnitt" }))
    }
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
    tables: &'a [Table],
    figures: &'a [Figure],
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
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
            tables: &self.tables,
            figures: &self.figures,
            title: self.title.as_deref(),
            owner: self.owner.as_deref(),
            year: self.year,
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

/// A target the report sets, with the report's own verdict and ours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub line: usize,
    pub end_line: usize,
    pub text: String,
    /// What is measured, e.g. "pasientavtalene" or "sykefravær".
    pub measure: String,
    pub target: Target,
    pub claim: Option<Claim>,
    pub claim_line: Option<usize>,
    pub verdicts: Vec<Verdict>,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub comparator: Comparator,
    pub threshold: Option<f64>,
    pub unit: Option<TargetUnit>,
    pub baseline_year: Option<i32>,
    pub change_pct: Option<f64>,
    pub target_year: Option<i32>,
    /// Area the target applies to when one sentence sets several ("somatikk", "PHV", "TSB" ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// A long-term target ("på sikt") rather than one for the report year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub long_term: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    AtLeast,
    AtMost,
    Above,
    Below,
    Increase,
    Decrease,
    NotAboveBaseline,
    NotBelowBaseline,
    Qualitative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetUnit {
    Percent,
    Days,
    Count,
    Nok,
    #[serde(rename = "per_100k")]
    Per100k,
    Ratio,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    Met,
    NotMet,
    Partial,
    Uncertain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictStatus {
    Met,
    NotMet,
    Unknown,
    /// The target's deadline lies after the period of the figure ("innen 2026" judged on 2024
    /// figures): not failed yet (added to contract v1; additive).
    Pending,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Partial,
    Unknown,
    /// Every figure is from before the target's deadline (added to contract v1; additive).
    Pending,
}

/// Our verdict for one entity (and subject) against one target, from the report's own figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub entity: String,
    pub subject: Option<String>,
    pub status: VerdictStatus,
    pub value: Option<f64>,
    pub baseline_value: Option<f64>,
    pub year: Option<i32>,
    pub line: usize,
    /// A relative change in percent the report states for the entity ("en økning på 18 %"),
    /// used when it gives no from/to figures (added to contract v1; additive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_pct: Option<f64>,
}

/// How much an entity's figure moved from its baseline: `absolute` in the measure's own unit
/// (percentage points for a percent), `pct` relative to the baseline in percent. Either may be
/// missing: without a baseline only a change the report states is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub absolute: Option<f64>,
    pub pct: Option<f64>,
    /// `pct` is the report's own stated change, not computed from two figures.
    pub stated: bool,
}

impl Verdict {
    /// The change from the baseline value to the value (for the per-entity table a reviewer
    /// checks by eye), or the relative change the report states when it gives no baseline.
    /// `None` when neither is known.
    pub fn change(&self) -> Option<Change> {
        if let (Some(v), Some(b)) = (self.value, self.baseline_value) {
            let absolute = v - b;
            let pct = (b != 0.0).then(|| absolute / b.abs() * 100.0);
            return Some(Change {
                absolute: Some(absolute),
                pct,
                stated: false,
            });
        }
        self.change_pct.map(|p| Change {
            absolute: None,
            pct: Some(p),
            stated: true,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Arithmetic,
    ClaimMismatch,
    MissingData,
    Placeholder,
    /// A gap or inconsistency in a grant application (added to contract v1; additive).
    Application,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Arithmetic => "arithmetic",
            FindingKind::ClaimMismatch => "claim_mismatch",
            FindingKind::MissingData => "missing_data",
            FindingKind::Placeholder => "placeholder",
            FindingKind::Application => "application",
        }
    }
}

/// Something a reviewer should look at, with the figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// The id of the rule that made the finding ("change", "rate", "table_sum", …; the list is
    /// `rules::RULES`). Added to contract v1 (additive): `kind` stays for compatibility,
    /// several rules share one kind. Empty (and not written) only for a finding read from JSON
    /// that predates it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
    pub severity: Severity,
    pub line: usize,
    pub end_line: usize,
    pub message: String,
    pub stated: Option<f64>,
    pub computed: Option<f64>,
    pub computed_range: Option<[f64; 2]>,
}

/// A table found in the text (rebuilt from its PDF flattening) or read from a CSV file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub line: usize,
    pub end_line: usize,
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// 1-based line of each row's values (added to contract v1; additive).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub row_lines: Vec<usize>,
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
            tables: vec![],
            figures: vec![],
            title: None,
            owner: None,
            year: None,
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

    fn verdict(value: Option<f64>, baseline: Option<f64>, stated: Option<f64>) -> Verdict {
        Verdict {
            entity: "Helse Nord".into(),
            subject: None,
            status: VerdictStatus::Met,
            value,
            baseline_value: baseline,
            year: Some(2024),
            line: 1,
            change_pct: stated,
        }
    }

    #[test]
    fn a_verdict_change_is_value_minus_baseline_and_its_share_of_the_baseline() {
        let c = verdict(Some(110.8), Some(100.0), None).change().unwrap();
        assert!((c.absolute.unwrap() - 10.8).abs() < 1e-9);
        assert!((c.pct.unwrap() - 10.8).abs() < 1e-9);
        assert!(!c.stated);
        let c = verdict(Some(45.0), Some(60.0), None).change().unwrap();
        assert!((c.absolute.unwrap() + 15.0).abs() < 1e-9);
        assert!((c.pct.unwrap() + 25.0).abs() < 1e-9);
        // A zero baseline has an absolute change but no relative one.
        let c = verdict(Some(3.0), Some(0.0), None).change().unwrap();
        assert_eq!((c.absolute, c.pct), (Some(3.0), None));
    }

    #[test]
    fn a_verdict_change_falls_back_to_the_stated_change_and_is_none_without_either() {
        let c = verdict(Some(50.0), None, Some(18.0)).change().unwrap();
        assert_eq!((c.absolute, c.pct, c.stated), (None, Some(18.0), true));
        assert_eq!(verdict(Some(50.0), None, None).change(), None);
        assert_eq!(verdict(None, Some(50.0), None).change(), None);
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
