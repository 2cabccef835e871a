//! Meldingssjekk: reads Norwegian health-service reports and checks them the way a careful
//! reviewer would.
//!
//! The engine follows the data, and each stage imports only the stages before it:
//! `intake` (bytes → text or table) → `document` (lines, reading view, sentences) → `extract`
//! (numbers, entities, tables, targets, claims, values) → `assess` (verdicts: where a target is
//! judged, tables linked to targets) → `rules` (one file per finding rule; `rules::RULES` lists
//! them) → `report` (the serialisable result, the JSON contract). `analysis` runs assess and
//! rules over one document. Every stage may use `text` (folding, words, intervals, number
//! formatting) and `model` (the domain types the contract is made of). `grants` reads grant
//! applications (after `rules`, whose helpers it uses, and `report`; `grants::rules::RULES`
//! lists its rules); `registry` comes after both and holds every rule in one list (`--rules`,
//! `--disable`). `letter` drafts the follow-up letter, `staffing` projects staffing need. The
//! web face (`web`) exists only for `wasm32` and shows what the engine returns.

pub mod analysis;
pub mod assess;
pub mod csvmap;
pub mod document;
pub mod extract;
pub mod grants;
pub mod intake;
pub mod letter;
pub mod model;
pub mod registry;
pub mod report;
pub mod rules;
pub mod sorting;
pub mod staffing;
pub mod text;

#[cfg(all(target_arch = "wasm32", feature = "view"))]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod worker_api;

use intake::{InputKind, Intake, IntakeError};
use model::{Format, Table};
use report::{DocumentReport, Figure, InputError, Report};

/// A document's analysis together with the decoded text its line numbers refer to.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub report: DocumentReport,
    pub text: String,
}

/// Analyses one input (any bytes) named `name`. Refused inputs give an `IntakeError` whose
/// message names the file and the reason. Never panics.
pub fn analyze(name: &str, bytes: &[u8]) -> Result<Analysis, IntakeError> {
    analyze_with_progress(name, bytes, &mut |_, _| {})
}

/// [`analyze`], calling `progress(done, total)` while a long file (a PDF, per page) is read.
/// PDF, DOCX, XLSX and ODS files go through their reader into text and then the same engine
/// path as text; each result's location in the file is in `DocumentReport::origins`.
pub fn analyze_with_progress(
    name: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Analysis, IntakeError> {
    let decoded = match intake::intake(name, bytes, progress)? {
        Intake::Plain(d) => d,
        Intake::Structured(s) => {
            let doc = document::Document::new(s.doc.text);
            let mut report = analyze_text(name, "UTF-8", &doc);
            report.format = s.format;
            report.origins = s.doc.origins;
            return Ok(Analysis {
                report,
                text: doc.text,
            });
        }
    };
    let doc = document::Document::new(decoded.text);
    let report = match decoded.kind {
        InputKind::Csv => analyze_csv(name, decoded.encoding, &doc),
        InputKind::Text => analyze_text(name, decoded.encoding, &doc),
    };
    Ok(Analysis {
        report,
        text: doc.text,
    })
}

/// Analyses several inputs into one contract object; refused files go to `errors`.
pub fn analyze_all<'a>(inputs: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Report {
    let mut report = Report::new(Vec::new());
    for (name, bytes) in inputs {
        match analyze(name, bytes) {
            Ok(a) => report.documents.push(a.report),
            Err(e) => report.errors.push(InputError {
                name: name.to_string(),
                message: e.to_string(),
            }),
        }
    }
    report
}

fn figures_of(doc: &document::Document) -> Vec<Figure> {
    let mut figures = Vec::new();
    for line in &doc.lines {
        let text = &doc.text[line.start..line.end];
        for tok in extract::numbers::lex(text) {
            if tok.kind != extract::numbers::NumberKind::Quantity {
                continue;
            }
            figures.push(Figure {
                line: line.number,
                text: text
                    .get(tok.span.clone())
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                value: tok.value,
                unit: unit_name(tok.unit).to_string(),
            });
        }
    }
    figures
}

fn unit_name(unit: extract::numbers::NumUnit) -> &'static str {
    use extract::numbers::NumUnit::*;
    match unit {
        None => "count",
        Percent => "percent",
        PercentagePoints => "percentage_points",
        Days => "days",
        Nok => "nok",
        Per100k => "per_100k",
        Hours => "hours",
        Weeks => "weeks",
        Months => "months",
        Years => "years",
        Persons => "persons",
        Fte => "fte",
        Quarter => "quarter",
        Tertial => "tertial",
        HalfYear => "half_year",
    }
}

fn analyze_text(name: &str, encoding: &str, doc: &document::Document) -> DocumentReport {
    // Bar- and tab-separated tables are read as tables laid out in columns; line numbers are
    // unchanged.
    let gapped;
    let doc = match document::pipes::as_columns(&doc.text) {
        std::borrow::Cow::Owned(text) => {
            gapped = document::Document::new(text);
            &gapped
        }
        std::borrow::Cow::Borrowed(_) => doc,
    };
    let figures = figures_of(doc);
    let meta = extract::meta::read(doc);
    let reading = doc.reading();
    let mut found = extract::tables::find_tables(doc);
    // Tables written one cell per line, where the line-based reader found nothing.
    for t in extract::cell_tables::find_cell_per_line_tables(doc) {
        if !found
            .iter()
            .any(|f| f.line <= t.end_line && t.line <= f.end_line)
        {
            found.push(t);
        }
    }
    crate::sorting::sort_by_key(&mut found, |t| t.line);
    let tables: Vec<Table> = found.iter().map(|t| t.to_contract()).collect();
    let analysis::Run {
        indicators,
        findings,
        passed,
    } = analysis::run(doc, &reading, &found, &tables);
    let applications = grants::applications(doc, &tables, &findings);
    DocumentReport {
        name: name.to_string(),
        format: Format::Text,
        encoding: encoding.to_string(),
        lines: doc.line_count(),
        numbers: figures.len(),
        indicators,
        findings,
        checks_passed: passed,
        tables,
        figures,
        title: meta.title,
        owner: meta.owner,
        year: meta.year,
        period_months: meta.period_months,
        applications,
        origins: Vec::new(),
    }
}

fn analyze_csv(name: &str, encoding: &str, doc: &document::Document) -> DocumentReport {
    let raw = intake::read_table(&doc.text);
    let numbers = raw
        .rows
        .iter()
        .flatten()
        .filter(|c| {
            extract::numbers::lex(c)
                .iter()
                .any(|t| t.kind == extract::numbers::NumberKind::Quantity)
        })
        .count();
    let table = Table {
        line: raw.header_line.max(1),
        end_line: raw.end_line.max(raw.header_line).max(1),
        caption: None,
        header: raw.header,
        rows: raw.rows,
        row_lines: raw.row_lines,
    };
    DocumentReport {
        name: name.to_string(),
        format: Format::Csv,
        encoding: encoding.to_string(),
        lines: doc.line_count(),
        numbers,
        indicators: Vec::new(),
        findings: Vec::new(),
        checks_passed: Vec::new(),
        tables: vec![table],
        figures: Vec::new(),
        title: None,
        owner: None,
        year: None,
        period_months: None,
        applications: Vec::new(),
        origins: Vec::new(),
    }
}
