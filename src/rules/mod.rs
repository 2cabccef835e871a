//! The document's rules that make findings: each rule's id (what `Finding::rule` says, what
//! `meldingssjekk check --rules` lists and `--disable` takes) and its doc line in English and
//! bokmål. The English line is the first paragraph of the rule file's module doc (a test keeps
//! them equal); the id is the rule file's `ID`. The grant-application rules have their own list
//! (`grants::rules::RULES`); `crate::registry` joins the two and switches rules off.
//!
//! The rules themselves are the files of this module, one rule each. To add a rule: give its
//! file a module doc starting "**id**: what it finds.", a `pub const ID`, set `ID` on every
//! finding it makes, add a line here (and its file to the test's `SOURCES`), and run it from
//! `prose::run_all` (a rule that reads sentences) or `crate::analysis::run` (tables, targets).
//! README's "Add a rule" walks through it.

pub mod chain;
pub mod change;
pub mod claim_count;
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

/// What the rules give: the findings, and the checks they made and found right (each made where
/// the same rule, on the same figures, would have made a finding had they not agreed).
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<crate::model::Finding>,
    pub passed: Vec<crate::model::CheckPassed>,
}

impl Outcome {
    /// Adds another rule's outcome to this one.
    pub fn extend(&mut self, other: Outcome) {
        self.findings.extend(other.findings);
        self.passed.extend(other.passed);
    }
}

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

/// A rule's entry in a list: its id and its doc line in English and bokmål.
pub const fn rule(id: &'static str, en: &'static str, nb: &'static str) -> Rule {
    Rule { id, en, nb }
}

/// The document's rules, in the order they run.
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
        claim_count::ID,
        "the report counts how many trusts met a target, and its own figures give another count.",
        "rapporten teller hvor mange helseforetak som nådde et mål, og dens egne tall gir et annet antall.",
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
];

/// Test support for a rule list: each rule's doc line must be the first paragraph of its file's
/// module doc (after "**id**: "), backquotes dropped and each `(from, to)` of `replace` applied.
#[cfg(test)]
pub(crate) fn assert_doc_lines(
    list: &[Rule],
    sources: &[(&str, &str)],
    replace: &[(&str, String)],
) {
    assert_eq!(sources.len(), list.len());
    for (id, src) in sources {
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
        let mut doc = doc.to_string();
        for (from, to) in replace {
            doc = doc.replace(from, to);
        }
        let doc = doc.replace('`', "");
        let en = list.iter().find(|r| r.id == *id).map(|r| r.en);
        assert_eq!(en, Some(doc.as_str()), "{id}");
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
        (claim_count::ID, include_str!("claim_count.rs")),
        (missing_data::ID, include_str!("missing_data.rs")),
        (change::ID, include_str!("change.rs")),
        (rate::ID, include_str!("rate.rs")),
        (chain::ID, include_str!("chain.rs")),
        (ratio::ID, include_str!("ratio.rs")),
        (direction::ID, include_str!("direction.rs")),
        (placeholder::ID, include_str!("placeholder.rs")),
        (list_sum::ID, include_str!("list_sum.rs")),
        (multiple::ID, include_str!("multiple.rs")),
    ];

    #[test]
    fn doc_lines_are_the_first_paragraph_of_each_rule_file() {
        assert_doc_lines(RULES, SOURCES, &[]);
    }
}
