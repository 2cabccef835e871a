//! **budget_sum**: an application's budget must add up, per year and in total.
//!
//! Finds a total row ("Sum", "Totalt") whose amount for a year (or in its sum column) is not the
//! sum of the cost lines above it, and a cost line whose sum column is not the sum of its years.
//! Every amount stands for the interval its rounding allows ("ca. kr 1,5 mill" is 1,45–1,55
//! mill.); only what no rounding explains is flagged, once per wrong cell.
//!
//! Why: the committee grants from the budget; a total that is not the sum of its lines means the
//! amount or a line is wrong, and the application cannot be judged until it is corrected.
//!
//! Example: "Lønn 500 000 / Drift 100 000 / Sum 700 000" → the lines give 600 000: flagged.

use super::{arithmetic, kr, Reading};
use crate::grants::Num;
use crate::model::Finding;
use crate::text::overlaps;

pub const ID: &str = "budget_sum";

fn sum(parts: &[Num]) -> (f64, f64, f64) {
    parts.iter().fold((0.0, 0.0, 0.0), |(v, lo, hi), n| {
        (v + n.value, lo + n.lo, hi + n.hi)
    })
}

pub fn check(r: &Reading) -> Vec<Finding> {
    let Some(b) = &r.budget else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut flagged: Vec<usize> = Vec::new();
    if let Some(total) = &b.total {
        for (j, cell) in total.values.iter().enumerate() {
            let Some(stated) = cell else { continue };
            let parts: Vec<Num> = b
                .rows
                .iter()
                .filter_map(|row| row.values.get(j).copied().flatten())
                .collect();
            if parts.len() < 2 {
                continue;
            }
            let (v, lo, hi) = sum(&parts);
            if overlaps((lo, hi), stated.iv()) {
                continue;
            }
            let column = match b.years.get(j) {
                Some(y) => format!("for {y}"),
                None if b.sum_column || b.years.is_empty() => "i alt".to_string(),
                None => format!("i kolonne {}", j + 1),
            };
            flagged.push(j);
            out.push(arithmetic(
                ID,
                total.line,
                total.line,
                format!(
                    "Budsjettet går ikke opp: «{}» {column} er oppgitt til {}, men budsjettlinjene gir {}.",
                    total.label,
                    kr(stated.value),
                    kr(v)
                ),
                stated.value,
                v,
                (lo, hi),
            ));
        }
    }
    if b.sum_column {
        let rows = b
            .rows
            .iter()
            .map(|r| (r, false))
            .chain(b.total.iter().map(|t| (t, true)));
        for (row, is_total) in rows {
            let Some(Some(stated)) = row.values.last() else {
                continue;
            };
            // A wrong cell of the total row is flagged once, in its column.
            if is_total && !flagged.is_empty() {
                continue;
            }
            let parts: Vec<Num> = row.values[..row.values.len() - 1]
                .iter()
                .flatten()
                .copied()
                .collect();
            if parts.len() < 2 {
                continue;
            }
            let (v, lo, hi) = sum(&parts);
            if overlaps((lo, hi), stated.iv()) {
                continue;
            }
            out.push(arithmetic(
                ID,
                row.line,
                row.line,
                format!(
                    "Budsjettlinjen «{}» er oppgitt til {} i sum, men årene gir {}.",
                    row.label,
                    kr(stated.value),
                    kr(v)
                ),
                stated.value,
                v,
                (lo, hi),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::reading;
    use super::*;

    const HEAD: &str = "Navn på prosjekt: Felles læring\nBudsjett:\n";

    #[test]
    fn a_budget_that_adds_up_passes() {
        let r = reading(&format!("{HEAD}Kostnad              2026        2027        Sum\nLønn              500 000     500 000   1 000 000\nDrift             100 000     100 000     200 000\nSum               600 000     600 000   1 200 000\n"));
        assert!(r.budget.is_some());
        assert!(check(&r).is_empty(), "{:?}", check(&r));
    }

    #[test]
    fn a_wrong_year_total_is_flagged_once() {
        let r = reading(&format!("{HEAD}Kostnad              2026        2027        Sum\nLønn              500 000     500 000   1 000 000\nDrift             100 000     100 000     200 000\nSum               600 000     700 000   1 200 000\n"));
        let f = check(&r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("for 2027"), "{}", f[0].message);
        assert_eq!(f[0].stated, Some(700_000.0));
        assert_eq!(f[0].computed, Some(600_000.0));
    }

    #[test]
    fn rounded_amounts_in_a_list_are_given_their_interval() {
        // 1,5 + 1,5 + 0,7 + 0,3 = 4,0 mill.; "4 mill." stands for 3,5–4,5 mill.
        let ok = reading("Navn på prosjekt: Forprosjekt\nBudsjett for gjennomføring av prosjektet:\n• Prosjektleder: ca. kr 1,5 mill\n• Frikjøp: ca. kr 1,5 mill.\n• Utredning: ca. kr 0,7 mill.\n• Rådgivning: ca. kr 0,3 mill.\n• Totalt: ca. kr 4 mill.\n");
        assert!(check(&ok).is_empty(), "{:?}", check(&ok));
        let bad = reading("Navn på prosjekt: Forprosjekt\nBudsjett for gjennomføring av prosjektet:\n• Prosjektleder: kr 1 500 000\n• Frikjøp: kr 1 500 000\n• Totalt: kr 3 500 000\n");
        assert_eq!(check(&bad).len(), 1);
    }
}
