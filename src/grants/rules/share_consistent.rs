//! **share_consistent**: a stated share of the total cost ("50 % av totalkostnaden", "egenandel
//! 40 %") must agree with the amounts, and amount applied plus own contribution must make the
//! total cost.
//!
//! Works in intervals: the share the rounded amounts allow is compared with the rounded share.
//!
//! Why: the share decides how much the scheme pays; a share that contradicts the amounts means
//! one of them was changed and the other not.
//!
//! Example: "Totalkostnad: kr 2 000 000. Søkt beløp: kr 1 200 000 (50 % av totalkostnaden)." →
//! the amounts give 60 %: flagged.

use super::{arithmetic, kr, Reading};
use crate::model::Finding;
use crate::text::{corners2, fmt_no, overlaps};

pub const ID: &str = "share_consistent";

pub fn check(r: &Reading) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some((t, _)) = r.total_cost else {
        return out;
    };
    for s in &r.shares {
        let range = match (s.own, r.own_contribution, r.amount_applied) {
            (true, Some((o, _)), _) => corners2(o.iv(), t.iv(), |o, t| o / t * 100.0),
            (true, None, Some((a, _))) => corners2(a.iv(), t.iv(), |a, t| (t - a) / t * 100.0),
            (false, _, Some((a, _))) => corners2(a.iv(), t.iv(), |a, t| a / t * 100.0),
            _ => None,
        };
        let Some(range) = range else { continue };
        if overlaps(range, s.pct.iv()) {
            continue;
        }
        let computed = (range.0 + range.1) / 2.0;
        let what = if s.own { "egenandelen" } else { "søkt andel" };
        out.push(arithmetic(
            ID,
            s.line,
            s.line,
            format!(
                "Oppgitt {what} er {} %, men beløpene gir {} % av totalkostnaden.",
                fmt_no(s.pct.value, 1).trim_end_matches(",0"),
                fmt_no(computed, 1).trim_end_matches(",0")
            ),
            s.pct.value,
            computed,
            range,
        ));
    }
    if let (Some((a, al)), Some((o, ol))) = (r.amount_applied, r.own_contribution) {
        let (lo, hi) = (a.lo + o.lo, a.hi + o.hi);
        if !overlaps((lo, hi), t.iv()) {
            out.push(arithmetic(
                ID,
                ol.max(al),
                ol.max(al),
                format!(
                    "Søkt beløp ({}) og egenandel ({}) gir {}, ikke totalkostnaden ({}).",
                    kr(a.value),
                    kr(o.value),
                    kr(a.value + o.value),
                    kr(t.value)
                ),
                t.value,
                a.value + o.value,
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

    #[test]
    fn a_share_that_fits_passes() {
        let r = reading("Navn på prosjekt: Læring\nTotalkostnad: kr 2 000 000\nSøkt beløp: kr 1 000 000 (50 % av totalkostnaden)\nEgenandel: kr 1 000 000\n");
        assert!(check(&r).is_empty(), "{:?}", check(&r));
    }

    #[test]
    fn a_share_that_contradicts_the_amounts_is_flagged() {
        let r = reading("Navn på prosjekt: Læring\nTotalkostnad: kr 2 000 000\nSøkt beløp: kr 1 200 000 (50 % av totalkostnaden)\n");
        let f = check(&r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("60 %"), "{}", f[0].message);
    }

    #[test]
    fn applied_and_own_must_make_the_total() {
        let r = reading("Navn på prosjekt: Læring\nTotalkostnad: kr 2 000 000\nSøkt beløp: kr 1 000 000\nEgenandel: kr 500 000\n");
        assert_eq!(check(&r).len(), 1);
    }
}
