//! **applied_vs_total**: the amount applied for may not exceed the project's total cost, and must
//! match the budget's own figures.
//!
//! Finds an amount applied for above the total cost (beyond what rounding allows), an amount
//! applied for that differs from the budget's own "Søkt beløp" line, and a stated total cost
//! that differs from the budget's total.
//!
//! Why: a scheme funds a share of a project; applying for more than it costs, or two different
//! amounts in one application, leaves the committee unsure what it is asked to grant.
//!
//! Example: "Totalkostnad: kr 1 000 000. Søkt beløp: kr 1 200 000." → flagged.

use super::{arithmetic, finding, kr, Reading};
use crate::model::{Finding, Severity};
use crate::text::overlaps;

pub const ID: &str = "applied_vs_total";

pub fn check(r: &Reading) -> Vec<Finding> {
    let mut out = Vec::new();
    if let (Some((a, al)), Some((t, tl))) = (r.amount_applied, r.total_cost) {
        if a.lo > t.hi {
            out.push(Finding {
                stated: Some(a.value),
                computed: Some(t.value),
                computed_range: Some([t.lo, t.hi]),
                ..finding(
                    ID,
                    Severity::Error,
                    al,
                    al,
                    format!(
                        "Søkt beløp ({}) er høyere enn prosjektets totalkostnad ({}, linje {tl}).",
                        kr(a.value),
                        kr(t.value)
                    ),
                )
            });
        }
    }
    if let Some(b) = &r.budget {
        if let (Some((a, al)), Some(row)) = (r.amount_applied, &b.applied) {
            if let Some(Some(v)) = row.values.last() {
                if row.line != al && !overlaps(a.iv(), v.iv()) {
                    out.push(arithmetic(
                        ID,
                        al,
                        al,
                        format!(
                            "Søkt beløp ({}) stemmer ikke med budsjettets linje «{}» ({}, linje {}).",
                            kr(a.value),
                            row.label,
                            kr(v.value),
                            row.line
                        ),
                        a.value,
                        v.value,
                        v.iv(),
                    ));
                }
            }
        }
        if let (Some((t, tl)), Some(total)) = (r.total_cost, &b.total) {
            if let Some(Some(v)) = total.values.last() {
                if total.line != tl && !overlaps(t.iv(), v.iv()) {
                    out.push(arithmetic(
                        ID,
                        tl,
                        tl,
                        format!(
                            "Totalkostnaden ({}) stemmer ikke med budsjettets totalsum ({}, linje {}).",
                            kr(t.value),
                            kr(v.value),
                            total.line
                        ),
                        t.value,
                        v.value,
                        v.iv(),
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::reading;
    use super::*;

    #[test]
    fn applied_within_the_total_passes() {
        let r = reading(
            "Navn på prosjekt: Læring\nTotalkostnad: kr 2 000 000\nSøkt beløp: kr 1 000 000\n",
        );
        assert!(check(&r).is_empty());
    }

    #[test]
    fn applied_above_the_total_is_flagged() {
        let r = reading(
            "Navn på prosjekt: Læring\nTotalkostnad: kr 1 000 000\nSøkt beløp: kr 1 200 000\n",
        );
        let f = check(&r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 3);
        assert_eq!(f[0].stated, Some(1_200_000.0));
    }

    #[test]
    fn a_budget_line_that_differs_is_flagged() {
        let r = reading("Navn på prosjekt: Læring\nSøkt beløp: kr 900 000\nBudsjett:\nLønn: kr 800 000\nDrift: kr 200 000\nSum: kr 1 000 000\nSøkt RS-midler: kr 800 000\n");
        let f = check(&r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("Søkt RS-midler"), "{}", f[0].message);
    }
}
