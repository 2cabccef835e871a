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
//!
//! Files: `form.rs` (the form's lines and labels), `reader.rs` (reading each application),
//! `budget.rs`, `dates.rs`, `rules/`.

pub mod budget;
pub mod dates;
mod form;
mod reader;
pub mod rules;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::document::Document;
use crate::extract::numbers::NumberToken;
use crate::extract::phrases::PhraseBook;
use crate::model::{Finding, Table};
use crate::report::{Application, GrantPeriod};

pub use budget::{BudgetRead, RowRead};
pub use dates::YearMonth;
pub use reader::read;

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
