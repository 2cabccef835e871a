//! **placeholders**: template text left in an application ("Kr. X", "[dato]", "XX").
//!
//! Uses the document's placeholder check (`rules::placeholder`, whose bracket words are data)
//! and reports each placeholder inside the application as the application's own finding.
//!
//! Why: a placeholder where the amount or a date should be means the application is not
//! finished; the committee cannot grant "Kr. X".
//!
//! Example: "Det søkes om Kr. X til lønn." → flagged.

use super::{finding, Reading};
use crate::model::{Finding, Severity};

pub const ID: &str = "placeholders";

pub fn check(r: &Reading) -> Vec<Finding> {
    r.placeholders
        .iter()
        .map(|p| {
            finding(
                ID,
                Severity::Warning,
                p.line,
                p.end_line,
                format!("I søknaden: {}", p.message),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::reading;
    use super::*;

    #[test]
    fn a_finished_application_passes() {
        assert!(check(&reading(
            "Navn på prosjekt: A\nDet søkes om kr 100 000 til lønn.\n"
        ))
        .is_empty());
    }

    #[test]
    fn a_placeholder_is_flagged() {
        let f = check(&reading(
            "Navn på prosjekt: A\nDet søkes om Kr. X til lønn.\nSøknadsdato: [dato]\n",
        ));
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].line, 2);
    }
}
