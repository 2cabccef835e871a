//! **required_fields**: every field of the application form must be answered.
//!
//! Lists the fields (`grants::FIELDS`) the application leaves unanswered: project name, owners,
//! contact person, scheme, amount applied for, total cost, own contribution or co-financing,
//! project period, what the money pays for, plan with milestones, evaluation points, user
//! involvement, involvement of employee representatives and the plan for continued operation. A
//! form question left as it is ("Involvering av brukere …:" with nothing after it) is missing.
//!
//! Why: the committee ranks applications on these points; a missing one must be asked for
//! before the application can be judged.
//!
//! Example: an application without "Kontaktperson:" → "Søknaden mangler: kontaktperson."

use super::{finding, Reading};
use crate::grants::{field_name, FIELDS};
use crate::model::{Finding, Severity};

pub const ID: &str = "required_fields";

/// The fields `r` leaves unanswered, in the order of the form.
pub fn missing(r: &Reading) -> Vec<&'static str> {
    FIELDS
        .iter()
        .copied()
        .filter(|f| r.fields.get(*f).is_none_or(|v| v.is_none()))
        .collect()
}

pub fn check(r: &Reading) -> Vec<Finding> {
    let m = missing(r);
    if m.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = m.iter().map(|f| field_name(f, "nb")).collect();
    vec![finding(
        ID,
        Severity::Warning,
        r.line,
        r.line,
        format!("Søknaden mangler: {}.", names.join(", ")),
    )]
}

#[cfg(test)]
mod tests {
    use super::super::testing::reading;
    use super::*;

    #[test]
    fn a_bare_application_misses_almost_everything() {
        let r = reading("Navn på prosjekt: A\nKontaktperson: Kari Nordmann\n");
        let m = missing(&r);
        assert!(!m.contains(&"name") && !m.contains(&"contact"));
        assert!(m.contains(&"total_cost") && m.contains(&"continued_operation"));
        let f = check(&r);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.starts_with("Søknaden mangler: prosjekteiere"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_question_left_unanswered_is_missing() {
        let r = reading("Navn på prosjekt: A\nInvolvering av brukere, tillitsvalgte og vernetjenesten:\n(både i primær- og spesialisthelsetjenesten)\n");
        assert!(missing(&r).contains(&"user_involvement"));
        let r = reading("Navn på prosjekt: A\nInvolvering av brukarar og tillitsvalde:\nBrukarrepresentant og tillitsvalde sit i prosjektgruppa.\n");
        assert!(!missing(&r).contains(&"user_involvement"));
        assert!(!missing(&r).contains(&"employee_involvement"));
    }
}
