//! **period_length**: the project period must lie within what the scheme funds — at most
//! [`MAX_YEARS`] years — and must have an end.
//!
//! Counts calendar years inclusively ("2025–2030" is six budget years). A period read from the
//! plan's milestones counts the same way. A period stated without an end year ("over en periode
//! på fem år" with no years, or only a start year) is flagged: the committee cannot tell when
//! the grant ends and operation takes over.
//!
//! Why: RS-midler and similar schemes fund 3 to 5 years at most and expect the work to become
//! ordinary operation afterwards.
//!
//! Example: "Prosjektperiode: 2025–2030" → six years: flagged. "2025–2027" → fine.

use super::{finding, Reading};
use crate::model::{Finding, Severity};

pub const ID: &str = "period_length";

/// The longest period the schemes fund, in years.
pub const MAX_YEARS: i32 = 5;

pub fn check(r: &Reading) -> Vec<Finding> {
    let Some(p) = &r.period else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match (p.start, p.end) {
        (Some(s), Some(e)) if e >= s && e - s + 1 > MAX_YEARS => {
            out.push(finding(
                ID,
                Severity::Error,
                p.line,
                p.line,
                format!(
                    "Prosjektperioden {s}–{e} er {} år; ordningen finansierer prosjekter i høyst {MAX_YEARS} år.",
                    e - s + 1
                ),
            ));
        }
        (_, None) => {
            out.push(finding(
                ID,
                Severity::Warning,
                p.line,
                p.line,
                "Prosjektperioden har ikke noe sluttår.".to_string(),
            ));
        }
        _ => {}
    }
    if let Some(n) = p.years {
        if n > MAX_YEARS as f64 && out.is_empty() {
            out.push(finding(
                ID,
                Severity::Error,
                p.line,
                p.line,
                format!("Prosjektet skal vare i {n} år; ordningen finansierer prosjekter i høyst {MAX_YEARS} år."),
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
    fn three_to_five_years_pass() {
        assert!(check(&reading(
            "Navn på prosjekt: A\nProsjektperiode: 2025–2027\n"
        ))
        .is_empty());
        assert!(check(&reading(
            "Navn på prosjekt: A\nProsjektperiode: 2025–2029\n"
        ))
        .is_empty());
    }

    #[test]
    fn six_years_are_flagged() {
        let f = check(&reading(
            "Navn på prosjekt: A\nProsjektperiode: 2025–2030\n",
        ));
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("6 år"), "{}", f[0].message);
    }

    #[test]
    fn a_missing_end_year_is_flagged() {
        let f = check(&reading(
            "Navn på prosjekt: A\nProsjektet skal gjennomføres over en periode på fem år.\n",
        ));
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("sluttår"));
    }
}
