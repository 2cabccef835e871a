//! Number formatting for display and the CSV exports. Formatting only: no value is computed here.

use super::i18n::Lang;
use crate::model::{Finding, Indicator, Target};
use crate::report::DocumentReport;

/// A number for display: decimal comma and spaced thousands in bokmål, at most `max_dec`
/// decimals, trailing zeros dropped.
pub fn num(l: Lang, v: f64, max_dec: usize) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let s = format!("{:.*}", max_dec, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (s.as_str(), ""),
    };
    let (sep, dec) = match l {
        Lang::Nb => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    let digits: Vec<char> = int.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && digits.len() > 4 {
            grouped.push(sep);
        }
        grouped.push(*c);
    }
    let neg = v < 0.0 && (grouped.chars().any(|c| c != '0' && c != sep) || !frac.is_empty());
    let mut out = String::new();
    if neg {
        out.push('−');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    out
}

/// A number for CSV: full precision, decimal comma, no grouping.
pub fn csv_num(v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v}").replace('.', ","),
        _ => String::new(),
    }
}

/// One CSV field for `;`-separated, Excel-friendly files. Text that a spreadsheet would read as a
/// formula gets a leading apostrophe.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&line.join(";"));
    out.push_str("\r\n");
}

fn opt_i32(v: Option<i32>) -> String {
    v.map(|y| y.to_string()).unwrap_or_default()
}

fn snake<T: serde::Serialize>(v: &T) -> String {
    // The compact serializer the worker already links: a unit variant is a quoted string.
    match serde_json::to_string(v) {
        Ok(s) if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') => {
            s[1..s.len() - 1].to_string()
        }
        _ => String::new(),
    }
}

fn target_cells(t: &Target) -> [String; 6] {
    [
        snake(&t.comparator),
        csv_num(t.threshold),
        t.unit.map(|u| snake(&u)).unwrap_or_default(),
        opt_i32(t.baseline_year),
        csv_num(t.change_pct),
        opt_i32(t.target_year),
    ]
}

/// Verdicts as CSV: one row per target and entity (a target without verdicts gets one row).
pub fn verdicts_csv(doc: &DocumentReport) -> String {
    let mut out = String::from("\u{feff}");
    row(
        &mut out,
        &[
            "dokument",
            "mål_id",
            "linje",
            "til_linje",
            "måltekst",
            "måler",
            "sammenligning",
            "terskel",
            "enhet",
            "basisår",
            "endring_pst",
            "målår",
            "område",
            "rapportens_påstand",
            "påstand_linje",
            "status_mål",
            "virksomhet",
            "virksomhet_område",
            "status_virksomhet",
            "verdi",
            "basisverdi",
            "år",
            "verdi_linje",
        ]
        .map(String::from),
    );
    for ind in &doc.indicators {
        let base = indicator_cells(&doc.name, ind);
        if ind.verdicts.is_empty() {
            let mut cells = base.clone();
            cells.extend(std::iter::repeat_n(String::new(), 7));
            row(&mut out, &cells);
        }
        for v in &ind.verdicts {
            let mut cells = base.clone();
            cells.extend([
                v.entity.clone(),
                v.subject.clone().unwrap_or_default(),
                snake(&v.status),
                csv_num(v.value),
                csv_num(v.baseline_value),
                opt_i32(v.year),
                v.line.to_string(),
            ]);
            row(&mut out, &cells);
        }
    }
    out
}

fn indicator_cells(doc: &str, ind: &Indicator) -> Vec<String> {
    let mut cells = vec![
        doc.to_string(),
        ind.id.clone(),
        ind.line.to_string(),
        ind.end_line.to_string(),
        ind.text.clone(),
        ind.measure.clone(),
    ];
    cells.extend(target_cells(&ind.target));
    cells.extend([
        ind.target.subject.clone().unwrap_or_default(),
        ind.claim.map(|c| snake(&c)).unwrap_or_default(),
        ind.claim_line.map(|l| l.to_string()).unwrap_or_default(),
        snake(&ind.status),
    ]);
    cells
}

/// Findings as CSV.
pub fn findings_csv(doc: &DocumentReport) -> String {
    let mut out = String::from("\u{feff}");
    row(
        &mut out,
        &[
            "dokument",
            "type",
            "alvorlighet",
            "linje",
            "til_linje",
            "melding",
            "oppgitt",
            "beregnet",
            "beregnet_fra",
            "beregnet_til",
        ]
        .map(String::from),
    );
    for f in &doc.findings {
        row(&mut out, &finding_cells(&doc.name, f));
    }
    out
}

fn finding_cells(doc: &str, f: &Finding) -> Vec<String> {
    vec![
        doc.to_string(),
        f.kind.as_str().to_string(),
        snake(&f.severity),
        f.line.to_string(),
        f.end_line.to_string(),
        f.message.clone(),
        csv_num(f.stated),
        csv_num(f.computed),
        csv_num(f.computed_range.map(|r| r[0])),
        csv_num(f.computed_range.map(|r| r[1])),
    ]
}
