//! A target table's target cell ("< 65", "≥ 70 %", "–10 %", "Økning") read as a target, with the
//! unit its row label names.

use crate::extract::numbers::parse_number;
use crate::extract::phrases::{first_direction, Dir};
use crate::extract::tables::year_in;
use crate::model::{Comparator, Target, TargetUnit};
use crate::text::fold;

/// The unit a name in `data/target_table_label_units.txt` stands for.
pub(super) fn unit_named(name: &str) -> Option<TargetUnit> {
    match name {
        "days" => Some(TargetUnit::Days),
        "percent" => Some(TargetUnit::Percent),
        "count" => Some(TargetUnit::Count),
        _ => None,
    }
}

/// A result cell's figure: "8,9 %" → 8.9, "281 mill. kr" → 281 000 000.
pub(super) fn cell_value(t: &str) -> Option<f64> {
    crate::extract::numbers::lex(t)
        .into_iter()
        .find(|x| x.kind == crate::extract::numbers::NumberKind::Quantity && x.value.is_finite())
        .map(|x| x.value)
        .or_else(|| parse_number(t.trim().trim_end_matches('%').trim()))
}

/// A target cell → the target it sets (without unit when the cell gives none).
pub(crate) fn target_cell(text: &str) -> Option<Target> {
    let t = text.trim();
    let f = fold(t);
    let percent = t.contains('%') || f.contains("prosent");
    let mut target = Target {
        comparator: Comparator::AtLeast,
        threshold: None,
        unit: percent.then_some(TargetUnit::Percent),
        baseline_year: None,
        change_pct: None,
        change_pp: None,
        target_year: None,
        subject: None,
        long_term: false,
    };
    // The first figure of the cell's rest ("25 % fra 2023" → 25).
    let number = |s: &str| {
        crate::extract::numbers::lex(s)
            .into_iter()
            .find(|x| {
                x.kind == crate::extract::numbers::NumberKind::Quantity && x.value.is_finite()
            })
            .map(|x| x.value)
            .or_else(|| parse_number(s.trim().trim_end_matches('%').trim()))
    };
    for (sign, comparator) in [
        ("<=", Comparator::AtMost),
        (">=", Comparator::AtLeast),
        ("≤", Comparator::AtMost),
        ("≥", Comparator::AtLeast),
        ("<", Comparator::Below),
        (">", Comparator::Above),
    ] {
        if let Some(rest) = t.strip_prefix(sign) {
            target.comparator = comparator;
            target.threshold = Some(number(rest)?);
            return Some(target);
        }
    }
    // "minst 70 %", "maks 5 %", "under 60 dagar": the comparator words of the target grammar.
    let book = crate::extract::phrases::targets();
    for (section, comparator) in [
        ("at_least", Comparator::AtLeast),
        ("at_most", Comparator::AtMost),
        ("below", Comparator::Below),
        ("above", Comparator::Above),
    ] {
        let hit = book.get(section).iter().find(|p| {
            f.starts_with(p.as_str())
                && f[p.len()..].starts_with(' ')
                && f[p.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
        });
        if let Some(p) = hit {
            target.comparator = comparator;
            target.threshold = Some(number(&f[p.len()..])?);
            return Some(target);
        }
    }
    // "–10 %", "-10 %", "+5 %": a change from the year before ("-25 % fra 2023": from that
    // year).
    for (sign, comparator) in [
        ('–', Comparator::Decrease),
        ('-', Comparator::Decrease),
        ('−', Comparator::Decrease),
        ('+', Comparator::Increase),
    ] {
        if let Some(rest) = t.strip_prefix(sign) {
            if percent {
                target.comparator = comparator;
                target.change_pct = Some(number(rest)?);
                target.unit = None;
                target.baseline_year = year_in(rest);
                return Some(target);
            }
        }
    }
    // "Ingen": none at all.
    let bare = f.trim_end_matches(['.', '!']).trim();
    if book.get("zero_cell").iter().any(|p| p == bare) {
        target.comparator = Comparator::AtMost;
        target.threshold = Some(0.0);
        return Some(target);
    }
    // "Økning", "Auke", "Reduksjon": a direction only, read with the shared direction words.
    let words: Vec<String> = f.split_whitespace().map(str::to_string).collect();
    let d = first_direction(&words).filter(|d| d.index == 0 && !d.negated)?;
    target.comparator = match d.dir {
        Dir::Up => Comparator::Increase,
        Dir::Down => Comparator::Decrease,
        Dir::Change => return None,
    };
    target.unit = None;
    Some(target)
}

/// The unit a row's label gives ("Ventetid (dagar)", "Andel …") to a threshold without one.
pub(super) fn label_unit(target: &mut Target, label_folded: &str) {
    if target.unit.is_none() && target.threshold.is_some() {
        target.unit = crate::document::lexicon()
            .target_table_label_units
            .iter()
            .find(|(w, _)| label_folded.contains(w.as_str()))
            .and_then(|(_, name)| unit_named(name));
    }
}

/// A target cell read with its row's label: the unit from the label when the cell gives none,
/// and a bare figure ("0 %", "75") read by the measure's better direction.
pub(super) fn target_of(cell: &str, label: &str) -> Option<Target> {
    let lf = fold(label);
    let mut target = match target_cell(cell) {
        Some(t) => t,
        None => {
            let value = cell_value(cell)?;
            let comparator = crate::extract::targets::measure_polarity(&lf)?;
            let percent = cell.contains('%') || fold(cell).contains("prosent");
            Target {
                comparator,
                threshold: Some(value),
                unit: percent.then_some(TargetUnit::Percent),
                baseline_year: None,
                change_pct: None,
                change_pp: None,
                target_year: None,
                subject: None,
                long_term: false,
            }
        }
    };
    label_unit(&mut target, &lf);
    // "Gj.snittleg ventetid somatikk": a row for one area sets that area's target.
    if let [area] = crate::extract::targets::subjects_in(&lf, 0).as_slice() {
        target.subject = Some(area.clone());
    }
    Some(target)
}
