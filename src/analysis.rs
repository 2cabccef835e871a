//! One document's run after extraction: the targets are assessed (`assess`: verdicts, tables
//! linked to targets) and every finding rule runs (`rules`); the result is the indicators,
//! findings and checks found right of the report.

use crate::assess::{target_tables, verdicts};
use crate::document::{Document, Reading};
use crate::model::{CheckPassed, Finding, Indicator, Table};
use crate::rules::{
    claim_count, claim_mismatch, missing_data, prose, table_difference, table_percent, table_sums,
    Outcome,
};
use crate::text::fold;

/// The year a report is about: the most frequent year among its tokens (the later one on a tie).
pub fn report_year(tokens: &[crate::extract::numbers::NumberToken]) -> Option<i32> {
    use crate::extract::numbers::NumberKind;
    // Distinct years are few (the lexer reads only plausible years as years): a list will do.
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for t in tokens {
        if t.kind == NumberKind::Year {
            let y = t.value as i32;
            match counts.iter_mut().find(|(year, _)| *year == y) {
                Some((_, n)) => *n += 1,
                None => counts.push((y, 1)),
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// What one document's run gives: its targets with their verdicts, the findings, and the checks
/// the rules made and found right.
pub struct Run {
    pub indicators: Vec<Indicator>,
    pub findings: Vec<Finding>,
    pub passed: Vec<CheckPassed>,
}

/// Runs the target assessment and every check over a document.
pub fn run(
    doc: &Document,
    reading: &Reading,
    found: &[crate::extract::tables::FoundTable],
    tables: &[Table],
) -> Run {
    // The reading view is split into sentences once, for the verdicts and the prose checks.
    let sentences = reading.sentences();
    // The reading view is lexed and folded once, for the prose checks, the report's year and
    // the verdicts.
    let prose = prose::Prose::from_sentences(reading, &sentences);
    // Rows of follow-up tables that are targets: their own status answers them, not a target
    // above the table.
    let table_targets = target_tables::assess(doc);
    let rows: Vec<(usize, usize)> = table_targets
        .iter()
        .map(|t| (t.indicator.line, t.indicator.end_line))
        .collect();
    let (mut assessed, read) =
        verdicts::assess_sentences(doc, reading, &sentences, &prose.folded, tables, &rows);
    // Rows of follow-up tables that are targets, where no sentence already set one.
    let mut from_tables: Vec<verdicts::Assessed> = table_targets
        .into_iter()
        .filter(|t| {
            !assessed.iter().any(|a| {
                a.indicator.line <= t.indicator.end_line && t.indicator.line <= a.indicator.end_line
            })
        })
        .collect();
    verdicts::answer_table_targets(
        doc,
        reading,
        &sentences,
        &prose.folded,
        tables,
        &mut from_tables,
    );
    // A row that restates a target a sentence set earlier answers that target.
    verdicts::merge_restated_rows(&mut assessed, &mut from_tables);
    if !from_tables.is_empty() {
        assessed.extend(from_tables);
        crate::sorting::sort_by_key(&mut assessed, |a| a.indicator.line);
    }
    // A closing assessment in prose answers the targets still without a claim, of sentences
    // and of tables alike.
    verdicts::closing_claims(&mut assessed, reading, &sentences, &prose.folded, &read);
    let meta = crate::extract::meta::read(doc);
    let year = meta.year.or_else(|| report_year(&prose.tokens));
    // Sentences that say the targets are judged per month or tertial (read only for a report
    // on part of its year).
    // A report on part of its year leaves targets of the year pending only when it says they
    // are for the whole year.
    let book = crate::extract::phrases::targets();
    let whole_year = meta.period_months.is_some()
        && sentences
            .iter()
            .filter_map(|s| prose.folded.get(s.range.clone()))
            .any(|f| crate::extract::phrases::first_of(f, book.get("whole_year"), 0).is_some());
    let period_months = meta.period_months.filter(|_| whole_year);
    let per_period: Vec<String> = if period_months.is_some() {
        sentences
            .iter()
            .filter_map(|s| prose.folded.get(s.range.clone()))
            .filter(|f| {
                crate::extract::phrases::first_of(f, book.get("per_period"), 0).is_some()
                    && crate::extract::phrases::first_of(f, book.get("goal_nouns"), 0).is_some()
            })
            .map(str::to_string)
            .collect()
    } else {
        Vec::new()
    };
    verdicts::resolve_point_changes(&mut assessed, meta.owner.as_deref());
    verdicts::mark_pending(&mut assessed, year, period_months, &per_period);
    // A claim that forecasts the year ("Forventes ikke nådd", "vil truleg ikkje bli nådd")
    // speaks of the year's end, not of the figures so far: nothing so far contradicts it.
    for a in assessed.iter_mut().filter(|a| a.so_far.is_some()) {
        let forecast = a.indicator.claim_line.is_some_and(|l| {
            let f = fold(doc.line_text(l));
            crate::extract::phrases::first_of(
                &f,
                crate::extract::phrases::claims().get("forecast"),
                0,
            )
            .is_some()
        });
        if forecast {
            a.so_far = None;
        }
    }
    // A total row that is wrong only because a difference above it is wrong is said once, at
    // that row.
    let sums = table_sums::outcome(found);
    let mut out = Outcome {
        findings: sums
            .findings
            .into_iter()
            .filter(|f| !table_difference::explains_total(found, f))
            .collect(),
        passed: sums.passed,
    };
    out.extend(table_difference::outcome(found));
    out.extend(table_percent::outcome(found));
    out.findings.extend(claim_mismatch::check(&assessed));
    out.findings.extend(claim_count::check(&assessed));
    out.findings
        .extend(missing_data::check(&assessed, report_year(&prose.tokens)));
    out.extend(prose::run_all_outcome(&prose));
    let Outcome {
        mut findings,
        mut passed,
    } = out;
    crate::sorting::sort_by_key(&mut findings, |f| (f.line, f.severity));
    crate::sorting::sort_by_key(&mut passed, |p| (p.line, p.end_line));
    Run {
        indicators: assessed.into_iter().map(|a| a.indicator).collect(),
        findings,
        passed,
    }
}
