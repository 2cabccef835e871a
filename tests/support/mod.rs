//! Helpers shared by the independent evaluation suites (`tests/variants.rs`,
//! `tests/variants2.rs`): load a fixture, find the target on a line, and compare its verdicts
//! and findings with a reviewer's expectations, printing the whole reading when they differ.
#![allow(dead_code)]

pub mod expect;

use std::ops::RangeInclusive;

use meldingssjekk::model::{Finding, FindingKind, Indicator, Verdict, VerdictStatus};
use meldingssjekk::report::DocumentReport;

/// Matches the region's own row: "Regionen", "Totalt" or the RHF's name.
pub const REGION: &str = "<region>";

/// (entity, subject, baseline value, value, status). `None` for subject or baseline: not checked.
pub type Exp = (
    &'static str,
    Option<&'static str>,
    Option<f64>,
    f64,
    VerdictStatus,
);

/// The report for `tests/fixtures/<dir>/<file>`.
pub fn doc_in(dir: &str, file: &str) -> DocumentReport {
    let path = format!("{}/tests/fixtures/{dir}/{file}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    meldingssjekk::analyze(file, &bytes)
        .unwrap_or_else(|e| panic!("{file} refused: {e}"))
        .report
}

pub fn dump(d: &DocumentReport) -> String {
    let mut s = String::new();
    for i in &d.indicators {
        let t = &i.target;
        s += &format!(
            "IND {}-{} {:?} thr={:?} unit={:?} base={:?} chg={:?} year={:?} subj={:?} claim={:?}@{:?} status={:?}\n",
            i.line, i.end_line, t.comparator, t.threshold, t.unit, t.baseline_year,
            t.change_pct, t.target_year, t.subject, i.claim, i.claim_line, i.status
        );
        for v in &i.verdicts {
            s += &format!(
                "    {} [{:?}] {:?} {:?}->{:?} line {}\n",
                v.entity, v.subject, v.status, v.baseline_value, v.value, v.line
            );
        }
    }
    for f in &d.findings {
        s += &format!(
            "FINDING {:?} {}-{} stated={:?} computed={:?}: {}\n",
            f.kind, f.line, f.end_line, f.stated, f.computed, f.message
        );
    }
    s
}

/// Indicators whose sentence covers `line`, the ones that start on it first.
pub fn targets_at(d: &DocumentReport, line: usize) -> Vec<&Indicator> {
    let mut at: Vec<&Indicator> = d
        .indicators
        .iter()
        .filter(|i| i.line <= line && line <= i.end_line.max(i.line))
        .collect();
    if at.iter().any(|i| i.line == line) {
        at.retain(|i| i.line == line);
    }
    at
}

pub fn target<'a>(d: &'a DocumentReport, line: usize, subject: Option<&str>) -> &'a Indicator {
    targets_at(d, line)
        .into_iter()
        .find(|i| subject.is_none() || i.target.subject.as_deref() == subject)
        .unwrap_or_else(|| panic!("no target at line {line} ({subject:?})\n{}", dump(d)))
}

pub fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
}

pub fn entity_matches(v: &Verdict, e: &str) -> bool {
    if e == REGION {
        matches!(v.entity.as_str(), "Regionen" | "Totalt") || v.entity.ends_with(" RHF")
    } else {
        v.entity == e
    }
}

pub fn subject_of<'a>(i: &'a Indicator, v: &'a Verdict) -> Option<&'a str> {
    v.subject.as_deref().or(i.target.subject.as_deref())
}

/// The verdicts of the target(s) at `line` are exactly `exp`: each expected verdict present with
/// its figures and status, and no verdict for an entity/subject the text does not support.
pub fn assert_verdicts(d: &DocumentReport, line: usize, exp: &[Exp]) {
    let inds = targets_at(d, line);
    assert!(!inds.is_empty(), "no target at line {line}\n{}", dump(d));
    let mut used = vec![false; exp.len()];
    let mut errs = Vec::new();
    for i in &inds {
        for v in &i.verdicts {
            let s = subject_of(i, v);
            let k = exp.iter().enumerate().position(|(k, (e, es, ..))| {
                !used[k] && entity_matches(v, e) && (es.is_none() || *es == s)
            });
            match k {
                None => errs.push(format!(
                    "unexpected verdict {} [{s:?}] {:?}->{:?} {:?} (line {})",
                    v.entity, v.baseline_value, v.value, v.status, v.line
                )),
                Some(k) => {
                    used[k] = true;
                    let (e, es, b, val, st) = exp[k];
                    let base_ok = b.is_none_or(|b| close(v.baseline_value, b));
                    if !close(v.value, val) || !base_ok || v.status != st {
                        errs.push(format!(
                            "wrong verdict {e} [{es:?}]: expected {b:?}->{val} {st:?}, got {:?}->{:?} {:?}",
                            v.baseline_value, v.value, v.status
                        ));
                    }
                }
            }
        }
    }
    for (k, u) in used.iter().enumerate() {
        if !u {
            let (e, s, b, val, st) = exp[k];
            errs.push(format!("missing verdict {e} [{s:?}] {b:?}->{val} {st:?}"));
        }
    }
    assert!(
        errs.is_empty(),
        "line {line}:\n{}\n\n{}",
        errs.join("\n"),
        dump(d)
    );
}

pub fn overlaps(f: &Finding, lines: &RangeInclusive<usize>) -> bool {
    f.line <= *lines.end() && *lines.start() <= f.end_line.max(f.line)
}

pub fn has_finding(d: &DocumentReport, kind: FindingKind, lines: RangeInclusive<usize>) -> bool {
    d.findings
        .iter()
        .any(|f| f.kind == kind && overlaps(f, &lines))
}

/// Every claim_mismatch and arithmetic finding is one of `allowed` (kind and lines).
pub fn assert_no_other_flags(d: &DocumentReport, allowed: &[(FindingKind, RangeInclusive<usize>)]) {
    let false_flags: Vec<&Finding> = d
        .findings
        .iter()
        .filter(|f| matches!(f.kind, FindingKind::ClaimMismatch | FindingKind::Arithmetic))
        .filter(|f| !allowed.iter().any(|(k, r)| *k == f.kind && overlaps(f, r)))
        .collect();
    assert!(
        false_flags.is_empty(),
        "false flags: {false_flags:#?}\n\n{}",
        dump(d)
    );
}

/// "… (linje 33) …" → "… (linje N) …", "linje 36, 38" → "linje N": results are compared with line numbers aside.
pub fn without_lines(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("linje ") {
        out.push_str(&rest[..i + 6]);
        // One number or a list of them ("tall på linje 36, 38, 40").
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_digit());
        while let Some(more) = rest
            .strip_prefix(", ")
            .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            rest = more.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        out.push('N');
    }
    out.push_str(rest);
    out
}

/// What must be the same whatever the format: targets, claims, verdicts, findings.
pub fn results(d: &DocumentReport) -> Vec<String> {
    let mut out = Vec::new();
    for i in &d.indicators {
        let t = &i.target;
        out.push(format!(
            "target {} {:?} {:?} {:?} {:?} {:?} claim={:?} status={:?}",
            i.measure,
            t.comparator,
            t.threshold,
            t.unit,
            t.target_year,
            t.subject,
            i.claim,
            i.status
        ));
        for v in &i.verdicts {
            out.push(format!(
                "verdict {} {} {:?} {:?} {:?} {:?}",
                i.measure, v.entity, v.subject, v.status, v.value, v.baseline_value
            ));
        }
    }
    for f in &d.findings {
        out.push(format!(
            "finding {:?} {:?} {:?} {:?} {}",
            f.kind,
            f.stated,
            f.computed,
            f.computed_range,
            without_lines(&f.message)
        ));
    }
    out.sort();
    out
}
