//! **claim_mismatch**: the report's own verdict disagrees with its own figures.
//!
//! Why it matters: a reader trusts "Kravet er innfridd" and skips the numbers; if the numbers say
//! otherwise, the ministry is told something the report itself contradicts.
//!
//! Example: "Andelen skal være minst 80 pst. Kravet er innfridd. Regionen oppnådde 76 prosent."
//! → error: the report says met, its figure 76 % is below 80 %.
//!
//! Rules: a claim of met where every decided verdict is not met (or the reverse) is an error; a
//! claim of partial where all verdicts agree, or met/not met where they are mixed, is a warning.
//! A claim about one entity ("HNT har ikke innfridd kravet") is compared with that entity's verdict.

use crate::assess::verdicts::Assessed;
use crate::model::{Claim, Finding, FindingKind, Severity, Status, VerdictStatus};

/// This rule's id in findings (`Finding::rule`), `--rules` and `--disable`.
pub const ID: &str = "claim_mismatch";

/// What the report says, as a subordinate clause after "Rapporten sier at" (the negation before
/// the verb: "kravet ikke er innfridd").
fn claim_clause(c: Claim) -> &'static str {
    match c {
        Claim::Met => "kravet er innfridd",
        Claim::NotMet => "kravet ikke er innfridd",
        Claim::Partial => "kravet er delvis innfridd",
        Claim::Uncertain => "det er uvisst om kravet er innfridd",
    }
}

/// What the figures show, as a subordinate clause after "viser at".
fn status_clause(s: Status) -> &'static str {
    match s {
        Status::Met => "det er innfridd for alle",
        Status::NotMet => "det ikke er innfridd for noen",
        Status::Partial => "det er innfridd for noen, ikke for andre",
        Status::Unknown => "det er ukjent",
        Status::Pending => "fristen ikke er ute ennå",
    }
}

use crate::assess::verdicts::region_entity as is_region;

/// Whether the verdicts are of more than one entity.
fn several_entities(verdicts: &[crate::model::Verdict]) -> bool {
    verdicts
        .first()
        .is_some_and(|v| verdicts.iter().any(|w| w.entity != v.entity))
}

pub fn check(assessed: &[Assessed]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut judged: Vec<(usize, usize, Option<Claim>)> = Vec::new();
    for a in assessed {
        let ind = &a.indicator;
        // One sentence may set a target per area ("50 dager for somatikk, 40 dager for …");
        // the report's one claim answers all of them together. Claims that differ are separate
        // answers, even on one line (a paragraph as one line: "… målet er ikke nådd. PHV … er
        // innenfor målet").
        let same_claim =
            |b: &Assessed| b.indicator.line == ind.line && b.indicator.claim == ind.claim;
        let group: Vec<&Assessed> = match ind.claim_line {
            Some(cl) => assessed
                .iter()
                .filter(|b| same_claim(b) && b.indicator.claim_line == Some(cl))
                .collect(),
            None => vec![a],
        };
        let group_verdicts: Vec<crate::model::Verdict> = group
            .iter()
            .flat_map(|b| b.indicator.verdicts.iter().cloned())
            .collect();
        // A target of the year judged on figures so far (a tertial report): the claim speaks
        // of the figures so far.
        let group_status = match (a.so_far, group.len()) {
            (Some(s), 1) => s,
            _ => crate::assess::verdicts::overall(&group_verdicts),
        };
        let first_of_group = match ind.claim_line {
            Some(cl) if !judged.contains(&(ind.line, cl, ind.claim)) => {
                judged.push((ind.line, cl, ind.claim));
                true
            }
            Some(_) => false,
            None => true,
        };
        // A claim for every trust ("innfridd i alle foretakene") is held to each trust's own
        // figure below, not to the mix of them here.
        let per_trust = ind.claim_line.is_some_and(|cl| {
            a.entity_claims
                .iter()
                .any(|(_, c, l)| *l == cl && Some(*c) == ind.claim)
        });
        if let (Some(claim), Some(claim_line), true, false) =
            (ind.claim, ind.claim_line, first_of_group, per_trust)
        {
            // A met/not-met claim speaks for the region when the report gives the region's figure.
            let regional = matches!(claim, Claim::Met | Claim::NotMet);
            let region_status = group_verdicts
                .iter()
                .find(|v| {
                    is_region(&v.entity)
                        && matches!(v.status, VerdictStatus::Met | VerdictStatus::NotMet)
                })
                .map(|v| {
                    if v.status == VerdictStatus::Met {
                        Status::Met
                    } else {
                        Status::NotMet
                    }
                });
            let status = match (regional, region_status) {
                (true, Some(s)) => s,
                // A claim for the region as a whole ("nådd for regionen samla") that the report
                // gives no regional figure for: the figures of several trusts cannot decide it,
                // nor those of a trust the report answers on its own ("…, men ikkje i Helse
                // Stavanger").
                (_, None)
                    if a.claim_is_regional
                        && (several_entities(&group_verdicts)
                            || group_verdicts.iter().all(|v| {
                                a.entity_claims.iter().any(|(e, _, _)| e == &v.entity)
                            })) =>
                {
                    Status::Unknown
                }
                _ => group_status,
            };
            // The claim's own sentence states the figure it speaks of, and that figure bears
            // it out ("nådd i 2. tertial med 71,0 prosent" where the year so far gives 68,4):
            // the claim is of another period or measure than the verdicts, not a wrong one.
            let own_figure_agrees = a.claim_values.iter().any(|&v| {
                let o = crate::extract::values::Observation {
                    entity: String::new(),
                    subject: None,
                    value: Some(v),
                    baseline_value: None,
                    year: None,
                    baseline_year: None,
                    change_pct: None,
                    at: 0,
                };
                matches!(
                    (claim, crate::assess::verdicts::judge(&ind.target, &o)),
                    (Claim::Met, Some(VerdictStatus::Met))
                        | (Claim::NotMet, Some(VerdictStatus::NotMet))
                )
            });
            let status = if own_figure_agrees {
                Status::Unknown
            } else {
                status
            };
            let severity = match (claim, status) {
                // "Delvis nådd" is how reports say progress short of the goal (a reduction of
                // 22 % against 30 %) or a goal met in some areas the figures do not cover: the
                // figures cannot prove such a claim wrong.
                (Claim::Partial, _) => None,
                (Claim::Met, Status::NotMet) | (Claim::NotMet, Status::Met) => {
                    Some(Severity::Error)
                }
                (Claim::Met, Status::Partial) | (Claim::NotMet, Status::Partial) => {
                    Some(Severity::Warning)
                }
                _ => None,
            };
            if let Some(severity) = severity {
                let mut lines: Vec<usize> = group_verdicts.iter().map(|v| v.line).collect();
                crate::sorting::sort(&mut lines);
                lines.dedup();
                let lines: Vec<String> = lines.iter().map(usize::to_string).collect();
                out.push(Finding {
                    kind: FindingKind::ClaimMismatch,
                    rule: ID.into(),
                    severity,
                    line: claim_line,
                    end_line: claim_line,
                    message: format!(
                        "Rapporten sier at {} (linje {}), men tallene den selv oppgir viser at {} (tall på linje {}). Mål: «{}».",
                        claim_clause(claim),
                        claim_line,
                        status_clause(status),
                        lines.join(", "),
                        ind.text
                    ),
                    stated: None,
                    computed: None,
                    computed_range: None,
                });
            }
        }
        for (entity, claim, line) in &a.entity_claims {
            let Some(v) = ind
                .verdicts
                .iter()
                .find(|v| &v.entity == entity && v.status != VerdictStatus::Unknown)
            else {
                continue;
            };
            let contradicts = matches!(
                (claim, v.status),
                (Claim::Met, VerdictStatus::NotMet) | (Claim::NotMet, VerdictStatus::Met)
            );
            if contradicts {
                out.push(Finding {
                    kind: FindingKind::ClaimMismatch,
                    rule: ID.into(),
                    severity: Severity::Error,
                    line: *line,
                    end_line: *line,
                    message: format!(
                        "Rapporten sier at {} {} kravet, men tallet på linje {} viser det motsatte.",
                        entity,
                        if *claim == Claim::Met { "har innfridd" } else { "ikke har innfridd" },
                        v.line
                    ),
                    stated: v.value,
                    computed: None,
                    computed_range: None,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::model::FindingKind;

    fn mismatches(text: &str) -> usize {
        let d = crate::analyze("t.txt", text.as_bytes())
            .map(|a| a.report)
            .unwrap_or_else(|e| panic!("{e}"));
        d.findings
            .iter()
            .filter(|f| f.kind == FindingKind::ClaimMismatch)
            .count()
    }

    #[test]
    fn a_trust_set_apart_by_the_claim_is_not_held_to_the_regions_claim() {
        // The region is met, Helse Stavanger is not, as the claim itself says; the report gives
        // only Helse Stavanger's figure.
        let text = "Ventetida i BUP skal vere under 38 dagar i 2024.\n\
                    For BUP er kravet nådd for regionen samla, men ikkje i Helse Stavanger.\n\
                    Helse Stavanger reduserte ventetida i BUP frå 44 til 39 dagar.\n";
        assert_eq!(mismatches(text), 0);
        // Said of every trust but one, the one is held to the opposite.
        let text = "Ventetida i VOP skal vere under 42 dagar i 2024.\n\
                    For VOP er kravet innfridd i alle føretak unntatt Helse Bergen.\n\
                    Helse Bergen låg på 43 dagar og Helse Fonna på 38 dagar.\n";
        assert_eq!(mismatches(text), 0);
    }

    #[test]
    fn a_claim_of_another_period_with_its_own_figure_is_not_contradicted() {
        // The table's year so far (68,4) is below 70, the claim speaks of the 2. tertial's 71,0.
        let table =
            "Indikator                    Mål       1. tertial   2. tertial   Hittil i år\n\
                     Andel epikriser sendt        ≥ 70 %      66,2         71,0         68,4\n\
                     Sykefravær (%)               ≤ 8,0       9,4          8,1          8,8\n\n";
        let own = "Målet for epikriser ble nådd i 2. tertial med 71,0 prosent.\n";
        assert_eq!(mismatches(&format!("{table}{own}")), 0);
        // Without a figure of its own, "nådd" for the year so far is contradicted.
        let bare = "Målet for epikriser er nådd.\n";
        assert_eq!(mismatches(&format!("{table}{bare}")), 1);
    }

    #[test]
    fn two_claims_on_one_line_answer_their_own_areas() {
        // One target sentence for two areas; its answers in one paragraph (a Word file's line)
        // or wrapped over two lines give the same: no mismatch.
        let target = "Styringsmål 2025: Gjennomsnittlig ventetid skal være under 60 dager i \
                      somatikk og under 45 dager i psykisk helsevern voksne.\n\n";
        let one = "Ventetiden i somatikk var 61 dager i juli, og målet er ikke nådd. Psykisk \
                   helsevern voksne har 43 dager og er innenfor målet.\n";
        let two = "Ventetiden i somatikk var 61 dager i juli, og målet er ikke nådd. Psykisk\n\
                   helsevern voksne har 43 dager og er innenfor målet.\n";
        assert_eq!(mismatches(&format!("{target}{two}")), 0);
        assert_eq!(mismatches(&format!("{target}{one}")), 0);
    }
}
