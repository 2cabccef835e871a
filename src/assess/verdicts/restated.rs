//! A target set in a sentence and restated as a row of a results table further on ("1.
//! Gjennomsnittlig ventetid … skal være under 60 dager." and later "Ventetid, alle fagområder
//! (dager) | < 60 | 61 | rød"): one target, answered by the row. The row's status and figures
//! go to the sentence's target, and the row is not counted again.

use super::measures::{label_of, measure_words, names_measure};
use super::{overall, Assessed};
use crate::extract::targets::TargetSpec;
use crate::text::fold;

/// Do two targets set the same requirement: one comparator and one threshold (or one size of
/// change), units that do not differ?
fn same_requirement(a: &crate::model::Target, b: &crate::model::Target) -> bool {
    let units = a.unit.is_none() || b.unit.is_none() || a.unit == b.unit;
    let level = match (a.threshold, b.threshold) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => match (a.change_pct, b.change_pct) {
            (Some(x), Some(y)) => (x.abs() - y.abs()).abs() < 1e-9,
            _ => false,
        },
        _ => false,
    };
    a.comparator == b.comparator && a.subject == b.subject && units && level && !a.long_term
}

/// Merges each table row in `rows` that restates exactly one earlier sentence target of
/// `assessed` (and is the only row to restate it) into that target; the merged rows are
/// removed from `rows`.
pub fn merge_restated_rows(assessed: &mut [Assessed], rows: &mut Vec<Assessed>) {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let head = fold(label_of(&row.indicator.text));
        for (k, a) in assessed.iter().enumerate() {
            let ind = &a.indicator;
            if ind.line >= row.indicator.line
                || !same_requirement(&ind.target, &row.indicator.target)
            {
                continue;
            }
            let spec = TargetSpec {
                target: ind.target.clone(),
                measure: ind.measure.clone(),
                subjects: Vec::new(),
                sole_area: false,
            };
            if names_measure(&head, &spec, "") {
                pairs.push((k, r, measure_words(&head, &spec, "")));
            }
        }
    }
    let mut merged: Vec<usize> = Vec::new();
    for &(k, r, score) in &pairs {
        // The row and the target are each other's best match: no other target names the
        // row's measure as well, no other row the target's ("Nye kreftpasienter i
        // pakkeforløp" and "Pakkeforløp kreft, andel innenfor standard forløpstid" under
        // two targets on pakkeforløp).
        let best = pairs
            .iter()
            .filter(|p| (p.0 == k) != (p.1 == r))
            .all(|p| p.2 < score);
        if !best {
            continue;
        }
        let row = &rows[r].indicator;
        let a = &mut assessed[k];
        // The row answers its target in one place, figure and status side by side: it goes
        // before what the prose gave for the same entity (prose may take a figure from a
        // row's label, "Epikrise innan 1 dag"), and the sentence keeps the rest.
        if row.claim.is_some() {
            a.indicator.claim = row.claim;
            a.indicator.claim_line = row.claim_line;
        }
        for v in &row.verdicts {
            a.indicator
                .verdicts
                .retain(|h| !(h.entity == v.entity && h.subject == v.subject));
            a.indicator.verdicts.push(v.clone());
        }
        a.has_figures = !a.indicator.verdicts.is_empty();
        a.indicator.status = overall(&a.indicator.verdicts);
        merged.push(r);
    }
    let mut r = 0;
    rows.retain(|_| {
        r += 1;
        !merged.contains(&(r - 1))
    });
}
