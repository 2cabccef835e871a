//! Where a verdict is made. For every target sentence the report sets, this reads the block of
//! text that answers it (up to the next target), takes the report's own claim and the figures it
//! gives per entity (prose and linked tables), and decides per entity (× area) whether the target
//! was met. Where figures are missing the verdict is `unknown` — never a guess.

use crate::document::{Document, Reading};
use crate::extract::values::Observation;
use crate::model::{Claim, Comparator, Indicator, Status, Target, Verdict, VerdictStatus};
use crate::text::fold;

mod figures;
mod measures;
mod region;
mod restated;
mod sections;
mod sentences;
#[cfg(test)]
mod tests;

pub(crate) use region::{document_owner, region_entity};
pub use restated::merge_restated_rows;
pub use sections::{answer_table_targets, closing_claims};
pub use sentences::{assess_sentences, SentenceClaims};

/// Sentences after a target that may still answer it.
const MAX_BLOCK_SENTENCES: usize = 40;

/// An indicator together with what the checks need beyond the contract.
#[derive(Debug, Clone)]
pub struct Assessed {
    pub indicator: Indicator,
    /// Claims the report makes about single entities ("HNT har ikke innfridd kravet"), with line.
    pub entity_claims: Vec<(String, Claim, usize)>,
    /// Whether the block gave any figure at all.
    pub has_figures: bool,
    /// The claim speaks of the region as a whole ("For regionen samlet er kravet ikke innfridd").
    pub claim_is_regional: bool,
    /// Some of a few, as the claim counts them ("tre av fire helseforetak klarte kravet" →
    /// (3, 4)).
    pub claim_count: Option<(u32, u32)>,
    /// In a report on part of its year, what the figures so far show of a target for that
    /// year, whose verdicts are pending until the year is over.
    pub so_far: Option<crate::model::Status>,
    /// The figures of the target's unit the claim's own sentence states beside it, other than
    /// the target's own figure ("Målet ble nådd i 2. tertial med 71,0 prosent" → 71,0): the
    /// figure the claim speaks of.
    pub claim_values: Vec<f64>,
}

/// Finds every target in the document and assesses it.
pub fn assess(doc: &Document, reading: &Reading, tables: &[crate::model::Table]) -> Vec<Assessed> {
    let (sentences, folded) = (reading.sentences(), fold(&reading.text));
    let (mut out, read) = assess_sentences(doc, reading, &sentences, &folded, tables, &[]);
    closing_claims(&mut out, reading, &sentences, &folded, &read);
    out
}

/// Decides one verdict from the report's figures; `None` when they cannot decide it.
pub fn judge(target: &Target, o: &Observation) -> Option<VerdictStatus> {
    use Comparator::*;
    let met = |b: bool| {
        if b {
            VerdictStatus::Met
        } else {
            VerdictStatus::NotMet
        }
    };
    // A change in percentage points: the level must move that far from the entity's own
    // baseline, whatever level the target resolved to for the owner.
    if let (Some(points), Some(v), Some(b)) = (target.change_pp, o.value, o.baseline_value) {
        let sign = if matches!(target.comparator, Increase | AtLeast) {
            1.0
        } else {
            -1.0
        };
        return Some(met(sign * (v - b) >= points - 1e-9));
    }
    match target.comparator {
        AtLeast => Some(met(o.value? >= target.threshold?)),
        AtMost => Some(met(o.value? <= target.threshold?)),
        Above => Some(met(o.value? > target.threshold?)),
        Below => Some(met(o.value? < target.threshold?)),
        Increase | Decrease => {
            let sign = if target.comparator == Increase {
                1.0
            } else {
                -1.0
            };
            // Points without both figures: unknown (a stated relative change is no point).
            if target.change_pp.is_some() {
                return None;
            }
            let change = match (o.value, o.baseline_value) {
                (Some(v), Some(b)) if b != 0.0 => Some((v - b) / b.abs() * 100.0),
                (Some(v), Some(b)) => Some(if v > b {
                    100.0
                } else if v < b {
                    -100.0
                } else {
                    0.0
                }),
                _ => o.change_pct,
            }?;
            let needed = target.change_pct.unwrap_or(0.0);
            if needed > 0.0 {
                Some(met(sign * change >= needed - 1e-9))
            } else {
                Some(met(sign * change > 0.0))
            }
        }
        NotAboveBaseline => match (o.value, o.baseline_value, o.change_pct) {
            (Some(v), Some(b), _) => Some(met(v <= b)),
            (_, _, Some(c)) => Some(met(c <= 0.0)),
            _ => None,
        },
        NotBelowBaseline => match (o.value, o.baseline_value, o.change_pct) {
            (Some(v), Some(b), _) => Some(met(v >= b)),
            (_, _, Some(c)) => Some(met(c >= 0.0)),
            _ => None,
        },
        Qualitative => None,
    }
}

/// All met → met; all not met → not met; a mix → partial; nothing decided → unknown.
pub fn overall(verdicts: &[Verdict]) -> Status {
    let met = verdicts
        .iter()
        .filter(|v| v.status == VerdictStatus::Met)
        .count();
    let not = verdicts
        .iter()
        .filter(|v| v.status == VerdictStatus::NotMet)
        .count();
    let pending = verdicts
        .iter()
        .filter(|v| v.status == VerdictStatus::Pending)
        .count();
    match (met, not) {
        (0, 0) if pending > 0 => Status::Pending,
        (0, 0) => Status::Unknown,
        (_, 0) => Status::Met,
        (0, _) => Status::NotMet,
        _ => Status::Partial,
    }
}

/// A target whose deadline lies after the year of its figures is not failed yet: its verdicts
/// become pending ("Innan utgangen av 2026 skal ventetida vere på høgst 45 dagar" judged on 2024
/// figures). A long-term goal with no year ("på sikt") is pending too. `report_year` stands in
/// for a figure without a year.
///
/// A report on part of its year (`period_months`, "Virksomhetsrapport per 2. tertial 2025")
/// judges a target for that year on figures so far: the year is not over, so those verdicts
/// are pending too, and what they show so far is kept in [`Assessed::so_far`] (a status column
/// saying "Nådd" of a figure that is not is still wrong). A figure of an earlier year, and a
/// target of an earlier year, are decided as they stand.
///
/// Unless the report says its targets are judged per month or tertial (`per_period`: the folded
/// sentences that say so, "Måltala gjeld for kvar månad"): such a sentence that names measures
/// ("Kravene til ventetid og fristbrudd skal være oppfylt i hvert tertial") speaks of the targets
/// on those measures, one that names none of the report's targets' measures of all of them.
pub fn mark_pending(
    assessed: &mut [Assessed],
    report_year: Option<i32>,
    period_months: Option<u32>,
    per_period: &[String],
) {
    let part_year = period_months.is_some_and(|m| m < 12);
    let spec_of = |a: &Assessed| crate::extract::targets::TargetSpec {
        target: a.indicator.target.clone(),
        measure: a.indicator.measure.clone(),
        subjects: Vec::new(),
        sole_area: false,
    };
    let names = |cue: &str, spec: &crate::extract::targets::TargetSpec| {
        measures::names_area(cue, spec) || measures::measure_words(cue, spec, "") > 0
    };
    // Per cue: whether it names the measure of any target of the report.
    let specific: Vec<bool> = per_period
        .iter()
        .map(|cue| assessed.iter().any(|a| names(cue, &spec_of(a))))
        .collect();
    for a in assessed.iter_mut() {
        let target = &a.indicator.target;
        let due = target.target_year;
        let open_ended = target.long_term && due.is_none();
        let spec = spec_of(a);
        let judged_per_period = per_period
            .iter()
            .zip(&specific)
            .any(|(cue, &specific)| !specific || names(cue, &spec));
        let so_far = part_year
            && !judged_per_period
            && report_year.is_some()
            && due.is_none_or(|d| Some(d) == report_year);
        if so_far {
            a.so_far = Some(a.indicator.status);
        }
        let mut changed = false;
        for v in a.indicator.verdicts.iter_mut() {
            if !matches!(v.status, VerdictStatus::Met | VerdictStatus::NotMet) {
                continue;
            }
            // The figure's year, or the report's when that is earlier (a figure read
            // without a year of its own takes the target's).
            let year = match (v.year, report_year) {
                (Some(a), Some(r)) => Some(a.min(r)),
                (a, r) => a.or(r),
            };
            let before_due = match (due, year) {
                (Some(d), Some(y)) => d > y,
                _ => false,
            };
            let this_year = so_far && v.year.is_none_or(|y| Some(y) == report_year);
            if open_ended || before_due || this_year {
                v.status = VerdictStatus::Pending;
                changed = true;
            }
        }
        if changed {
            a.indicator.status = overall(&a.indicator.verdicts);
        }
    }
}

/// A change in percentage points from a baseline year ("skal økes med minst 2 prosentpoeng fra
/// 2024") is a level once the owner's baseline is known: the owner's (or the region's, or the
/// only) verdict's baseline plus the points is the target's threshold ("minst 63,4 prosent").
/// Each entity's own verdict stays judged against its own baseline.
pub fn resolve_point_changes(assessed: &mut [Assessed], owner: Option<&str>) {
    for a in assessed.iter_mut() {
        let t = &a.indicator.target;
        let Some(points) = t.change_pp else { continue };
        if t.threshold.is_some()
            || !matches!(t.comparator, Comparator::Increase | Comparator::Decrease)
        {
            continue;
        }
        let vs = &a.indicator.verdicts;
        let own = vs
            .iter()
            .find(|v| Some(v.entity.as_str()) == owner)
            .or_else(|| vs.iter().find(|v| v.entity == "Regionen"))
            .or_else(|| (vs.len() == 1).then(|| &vs[0]));
        let Some(base) = own.and_then(|v| v.baseline_value) else {
            continue;
        };
        let (comparator, level) = if t.comparator == Comparator::Increase {
            (Comparator::AtLeast, base + points)
        } else {
            (Comparator::AtMost, base - points)
        };
        a.indicator.target.comparator = comparator;
        // 61,4 + 2 is 63,4, not 63,400000000000006.
        a.indicator.target.threshold = Some((level * 1e6).round() / 1e6);
    }
}
