//! **dates_order**: the plan's dates must come in order, and after the application date.
//!
//! Reads the first date of each line of the project plan ("Oppstart: april 2026", "Q3 2026",
//! "3. kvartal 2026") and the application date ("Dato for signert avtale …: 28.02.2026"). Flags a
//! milestone earlier than the one before it, a milestone or a period start before the
//! application date, and a period that ends before it starts.
//!
//! Why: a plan whose dates go backwards, or that starts before the money can be granted, is
//! either a typing error or a plan that cannot be followed.
//!
//! Example: "Oppstart: mars 2026 / Sluttrapport: januar 2026" → flagged.

use super::{finding, Reading};
use crate::grants::YearMonth;
use crate::model::{Finding, Severity};

pub const ID: &str = "dates_order";

fn show(d: YearMonth) -> String {
    format!("{:02}.{}", d.month, d.year)
}

pub fn check(r: &Reading) -> Vec<Finding> {
    let mut out = Vec::new();
    for w in r.milestones.windows(2) {
        let ((a, al), (b, bl)) = (w[0], w[1]);
        if b < a {
            out.push(finding(
                ID,
                Severity::Warning,
                bl,
                bl,
                format!(
                    "Datoen i prosjektplanen ({}) ligger før datoen på linjen før (linje {al}: {}).",
                    show(b),
                    show(a)
                ),
            ));
        }
    }
    if let Some((d, dl)) = r.application_date {
        if let Some(&(m, ml)) = r.milestones.iter().find(|(m, _)| *m < d) {
            out.push(finding(
                ID,
                Severity::Warning,
                ml,
                ml,
                format!(
                    "Datoen i prosjektplanen ({}) ligger før søknadsdatoen ({}, linje {dl}).",
                    show(m),
                    show(d)
                ),
            ));
        } else if let Some(p) = r.period.as_ref().filter(|_| !r.period_from_plan) {
            if p.start.is_some_and(|s| s < d.year) {
                out.push(finding(
                    ID,
                    Severity::Warning,
                    p.line,
                    p.line,
                    format!(
                        "Prosjektperioden starter i {}, før søknadsdatoen ({}, linje {dl}).",
                        p.start.unwrap_or_default(),
                        show(d)
                    ),
                ));
            }
        }
    }
    if let Some(p) = &r.period {
        if let (Some(s), Some(e)) = (p.start, p.end) {
            if e < s {
                out.push(finding(
                    ID,
                    Severity::Error,
                    p.line,
                    p.line,
                    format!("Prosjektperioden slutter ({e}) før den starter ({s})."),
                ));
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
    fn dates_in_order_after_the_application_pass() {
        let r = reading("Navn på prosjekt: A\nSøknadsdato: 15.02.2026\nProsjektplan:\n• Oppstart: mars 2026\n• Evaluering: desember 2027\n• Sluttrapport: juni 2028\n");
        assert_eq!(r.milestones.len(), 3);
        assert!(check(&r).is_empty(), "{:?}", check(&r));
    }

    #[test]
    fn a_milestone_going_backwards_is_flagged() {
        let r = reading("Navn på prosjekt: A\nProsjektplan:\n• Oppstart: mars 2026\n• Sluttrapport: januar 2026\n");
        let f = check(&r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 4);
    }

    #[test]
    fn a_start_before_the_application_date_is_flagged() {
        let r = reading("Navn på prosjekt: A\nSøknadsdato: 15.02.2026\nProsjektplan:\n• Oppstart: januar 2025\n• Slutt: mars 2027\n");
        let f = check(&r);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("søknadsdatoen"));
    }
}
