//! The one list of rules that make findings: each rule's id (what `Finding::rule` says, what
//! `meldingssjekk check --rules` lists and `--disable` takes) and its doc line in English and
//! bokmål. The English line is the first paragraph of the rule file's module doc (a test keeps
//! them equal); the id is the rule file's `ID`.
//!
//! The rules themselves are the files of this module, one rule each. To add a rule: give its
//! file a module doc starting "**id**: what it finds.", a `pub const ID`, set `ID` on every
//! finding it makes, add a line here (and its file to the test's `SOURCES`), and run it from
//! `prose::run_all` (a rule that reads sentences) or `crate::analysis::run` (tables, targets).
//! README's "Add a rule" walks through it.

pub mod chain;
pub mod change;
pub mod claim_mismatch;
pub mod direction;
pub mod list_sum;
pub mod missing_data;
pub mod multiple;
pub mod placeholder;
pub mod prose;
pub mod rate;
pub mod ratio;
pub mod table_difference;
pub mod table_percent;
pub mod table_sums;

use crate::grants::rules as grants;
use crate::report::DocumentReport;

/// A rule: its stable id and what it finds, one line per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable snake_case id, as in `Finding::rule`.
    pub id: &'static str,
    /// What the rule finds, in English.
    pub en: &'static str,
    /// What the rule finds, in bokmål.
    pub nb: &'static str,
}

impl Rule {
    /// The doc line in `lang` ("en", else bokmål).
    pub fn doc(&self, lang: &str) -> &'static str {
        if lang == "en" {
            self.en
        } else {
            self.nb
        }
    }
}

const fn rule(id: &'static str, en: &'static str, nb: &'static str) -> Rule {
    Rule { id, en, nb }
}

/// Every rule, the document's checks in the order they run, then the grant-application rules.
pub static RULES: &[Rule] = &[
    rule(
        table_sums::ID,
        "sums and totals in tables against the rows and cells they add up.",
        "summer og totaler i tabeller mot radene og cellene de legger sammen.",
    ),
    rule(
        table_difference::ID,
        "a difference column (\"Avvik\", \"Differanse\", \"Endring\") against the two columns before it.",
        "en differansekolonne («Avvik», «Differanse», «Endring») mot de to kolonnene foran den.",
    ),
    rule(
        table_percent::ID,
        "percentages in tables against the counts beside them.",
        "prosenter i tabeller mot antallene ved siden av dem.",
    ),
    rule(
        claim_mismatch::ID,
        "the report's own verdict disagrees with its own figures.",
        "rapportens egen vurdering stemmer ikke med dens egne tall.",
    ),
    rule(
        missing_data::ID,
        "a target the report answers with a verdict but no figures, or not at all.",
        "et mål rapporten svarer på med en vurdering uten tall, eller ikke svarer på i det hele tatt.",
    ),
    rule(
        change::ID,
        "a stated change against the from/to values it describes.",
        "en oppgitt endring mot fra- og til-verdiene den beskriver.",
    ),
    rule(
        rate::ID,
        "a rate per 100 000 against the count and population it is computed from.",
        "en rate per 100 000 mot antallet og befolkningen den er regnet ut fra.",
    ),
    rule(
        chain::ID,
        "a start value, a change and an end value that must add up.",
        "en startverdi, en endring og en sluttverdi som må gå opp.",
    ),
    rule(
        ratio::ID,
        "a ratio written out with its result.",
        "en brøk skrevet ut sammen med resultatet.",
    ),
    rule(
        direction::ID,
        "a direction word against the values it describes.",
        "et retningsord mot verdiene det beskriver.",
    ),
    rule(
        placeholder::ID,
        "template text left in a finished document.",
        "maltekst som er blitt stående i et ferdig dokument.",
    ),
    rule(
        list_sum::ID,
        "a total and the parts it is split into must add up.",
        "en sum og delene den er fordelt på må gå opp.",
    ),
    rule(
        multiple::ID,
        "\"halvert\", \"doblet\", \"mer enn halvert\" against the figures they describe.",
        "«halvert», «doblet», «mer enn halvert» mot tallene de beskriver.",
    ),
    rule(
        grants::required_fields::ID,
        "every field of the application form must be answered.",
        "alle feltene i søknadsskjemaet må være besvart.",
    ),
    rule(
        grants::budget_sum::ID,
        "an application's budget must add up, per year and in total.",
        "søknadens budsjett må gå opp, per år og totalt.",
    ),
    rule(
        grants::applied_vs_total::ID,
        "the amount applied for may not exceed the project's total cost, and must match the \
         budget's own figures.",
        "søkt beløp kan ikke være større enn prosjektets totalkostnad, og må stemme med \
         budsjettets egne tall.",
    ),
    rule(
        grants::share_consistent::ID,
        "a stated share of the total cost (\"50 % av totalkostnaden\", \"egenandel 40 %\") must \
         agree with the amounts, and amount applied plus own contribution must make the total \
         cost.",
        "en oppgitt andel av totalkostnaden («50 % av totalkostnaden», «egenandel 40 %») må \
         stemme med beløpene, og søkt beløp pluss egenandel må utgjøre totalkostnaden.",
    ),
    rule(
        grants::period_length::ID,
        "the project period must lie within what the scheme funds — at most 5 years — and must \
         have an end.",
        "prosjektperioden må ligge innenfor det ordningen finansierer – høyst 5 år – og må ha en \
         slutt.",
    ),
    rule(
        grants::dates_order::ID,
        "the plan's dates must come in order, and after the application date.",
        "datoene i planen må komme i rekkefølge, og etter søknadsdatoen.",
    ),
    rule(
        grants::placeholders::ID,
        "template text left in an application (\"Kr. X\", \"[dato]\", \"XX\").",
        "maltekst som er blitt stående i en søknad («Kr. X», «[dato]», «XX»).",
    ),
];

/// The rule with id `id`.
pub fn get(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Reads a comma-separated list of rule ids ("change,rate"); an unknown id is the error.
pub fn parse_list(list: &str) -> Result<Vec<&'static str>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| get(s).map(|r| r.id).ok_or_else(|| s.to_string()))
        .collect()
}

/// Drops the findings of the rules in `disabled` from a document and its applications.
pub fn disable(doc: &mut DocumentReport, disabled: &[&str]) {
    if disabled.is_empty() {
        return;
    }
    let keep = |f: &crate::model::Finding| !disabled.contains(&f.rule.as_str());
    doc.findings.retain(keep);
    for a in &mut doc.applications {
        a.findings.retain(keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each rule's source file, for its module doc.
    const SOURCES: &[(&str, &str)] = &[
        (table_sums::ID, include_str!("table_sums.rs")),
        (table_difference::ID, include_str!("table_difference.rs")),
        (table_percent::ID, include_str!("table_percent.rs")),
        (claim_mismatch::ID, include_str!("claim_mismatch.rs")),
        (missing_data::ID, include_str!("missing_data.rs")),
        (change::ID, include_str!("change.rs")),
        (rate::ID, include_str!("rate.rs")),
        (chain::ID, include_str!("chain.rs")),
        (ratio::ID, include_str!("ratio.rs")),
        (direction::ID, include_str!("direction.rs")),
        (placeholder::ID, include_str!("placeholder.rs")),
        (list_sum::ID, include_str!("list_sum.rs")),
        (multiple::ID, include_str!("multiple.rs")),
        (
            grants::required_fields::ID,
            include_str!("../grants/rules/required_fields.rs"),
        ),
        (
            grants::budget_sum::ID,
            include_str!("../grants/rules/budget_sum.rs"),
        ),
        (
            grants::applied_vs_total::ID,
            include_str!("../grants/rules/applied_vs_total.rs"),
        ),
        (
            grants::share_consistent::ID,
            include_str!("../grants/rules/share_consistent.rs"),
        ),
        (
            grants::period_length::ID,
            include_str!("../grants/rules/period_length.rs"),
        ),
        (
            grants::dates_order::ID,
            include_str!("../grants/rules/dates_order.rs"),
        ),
        (
            grants::placeholders::ID,
            include_str!("../grants/rules/placeholders.rs"),
        ),
    ];

    #[test]
    fn ids_are_unique_snake_case_and_cover_every_grant_rule() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(
                !r.id.is_empty()
                    && r.id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                r.id
            );
            assert!(
                RULES[..i].iter().all(|o| o.id != r.id),
                "duplicate {}",
                r.id
            );
            assert!(
                !r.en.is_empty() && !r.nb.is_empty() && r.en != r.nb,
                "{}",
                r.id
            );
        }
        for id in grants::IDS {
            assert!(get(id).is_some(), "{id} missing from RULES");
        }
        assert_eq!(SOURCES.len(), RULES.len());
    }

    #[test]
    fn doc_lines_are_the_first_paragraph_of_each_rule_file() {
        for (id, src) in SOURCES {
            let para: Vec<&str> = src
                .lines()
                .map_while(|l| l.strip_prefix("//!"))
                .map(str::trim)
                .take_while(|l| !l.is_empty())
                .collect();
            let para = para.join(" ");
            let head = format!("**{id}**: ");
            let doc = para
                .strip_prefix(&head)
                .unwrap_or_else(|| panic!("{id}: module doc must start with {head:?}: {para}"));
            let doc = doc
                .replace(
                    "[`MAX_YEARS`]",
                    &grants::period_length::MAX_YEARS.to_string(),
                )
                .replace('`', "");
            assert_eq!(get(id).map(|r| r.en), Some(doc.as_str()), "{id}");
        }
    }

    #[test]
    fn lists_and_disabling() {
        assert_eq!(parse_list("change, rate,"), Ok(vec!["change", "rate"]));
        assert_eq!(parse_list("change,nope"), Err("nope".to_string()));
        let a = crate::analyze(
            "t.txt",
            "Antallet ble redusert med 50 % fra 100 til 80. Det ble doblet fra 10 til 30.\n"
                .as_bytes(),
        )
        .expect("text");
        let mut doc = a.report;
        let rules: Vec<&str> = doc.findings.iter().map(|f| f.rule.as_str()).collect();
        assert!(rules.contains(&"change"), "{rules:?}");
        disable(&mut doc, &["change"]);
        assert!(doc.findings.iter().all(|f| f.rule != "change"));
    }
}
