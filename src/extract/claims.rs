//! Where the report's own verdict is read: "Kravet er innfridd", "Kravet er delvis innfridd",
//! "Målet er nådd", "Det er uvisst om kravet er innfridd", nynorsk "Kravet er ikkje oppfylt", also
//! per entity ("Helse Nord-Trøndelag HF har ikke innfridd kravet"). Phrases are in
//! `data/phrases/claims.txt`, checked in the order uncertain → partial → not met → met so that the
//! more specific reading wins.

use crate::extract::entities::{catalogue, EntityKind};
use crate::extract::phrases::{self, first_of, fold};
use crate::report::Claim;

/// A verdict the report gives, for the whole target or for one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimSpec {
    pub claim: Claim,
    /// The entity the claim is about, when the sentence names one as its subject.
    pub entity: Option<String>,
    /// Byte offset of the claim phrase in the sentence.
    pub at: usize,
}

/// Reads the claim a sentence makes, if any.
pub fn parse_claim(sentence: &str) -> Option<ClaimSpec> {
    if sentence.len() > 2000 {
        return None;
    }
    parse_claim_folded(sentence, &fold(sentence))
}

/// [`parse_claim`] for a sentence already folded (`f == fold(sentence)`).
pub fn parse_claim_folded(sentence: &str, f: &str) -> Option<ClaimSpec> {
    if sentence.len() > 2000 {
        return None;
    }
    let book = phrases::claims();
    for section in book.sections() {
        let claim = match section.as_str() {
            "uncertain" => Claim::Uncertain,
            "partial" => Claim::Partial,
            "not_met" => Claim::NotMet,
            "met" => Claim::Met,
            _ => continue,
        };
        if let Some((r, phrase)) = first_of(f, book.get(section), 0) {
            // Bare "er innfridd"/"er nådd" only count with a target word before them
            // ("kravet", "målet", "indikatoren") or an entity as subject.
            if claim == Claim::Met && phrase.starts_with("er ") && !generic_subject_ok(f, r.start) {
                continue;
            }
            // A conditional or a question is not a verdict: "dersom kravet er innfridd".
            let before = &f[..r.start];
            if ["dersom ", "hvis ", "om ", "viss ", "når "]
                .iter()
                .any(|w| before.ends_with(w))
            {
                continue;
            }
            // Someone else's verdict, quoted or asked about: "… har i årleg melding rapportert
            // at kravet er delvis oppfylt", "HOD ber om … kravet er innfridd".
            if first_of(f, book.get("reported"), 0).is_some_and(|(q, _)| q.start < r.start) {
                return None;
            }
            let entity = subject_entity(sentence, r.start);
            return Some(ClaimSpec {
                claim,
                entity,
                at: r.start,
            });
        }
    }
    None
}

fn generic_subject_ok(f: &str, at: usize) -> bool {
    let before = f[..at].trim_end();
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(
        last,
        "kravet"
            | "kravene"
            | "krava"
            | "målet"
            | "måla"
            | "målene"
            | "indikatoren"
            | "målkravet"
            | "oppdraget"
            | "styringsmålet"
    ) || subject_entity_f(f, at)
}

fn subject_entity_f(f: &str, at: usize) -> bool {
    catalogue()
        .mentions(&f[..at])
        .iter()
        .any(|m| m.span.start < 4)
}

/// The entity a claim sentence is about: an HF or support trust named at the start of the
/// sentence, before the claim phrase. Region-wide claims return `None`.
fn subject_entity(sentence: &str, at: usize) -> Option<String> {
    let cat = catalogue();
    let head = sentence.get(..at)?;
    let m = cat.mentions(head).into_iter().next()?;
    let lead = head[..m.span.start].trim();
    if lead.len() > 12 {
        return None;
    }
    match cat.kind(m.entity) {
        EntityKind::Hf | EntityKind::Support | EntityKind::Private => {
            Some(cat.name(m.entity).to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(s: &str) -> Option<Claim> {
        parse_claim(s).map(|c| c.claim)
    }

    #[test]
    fn reads_the_verdict_words() {
        assert_eq!(claim("Kravet er innfridd."), Some(Claim::Met));
        assert_eq!(
            claim("Kravet er ikke innfridd. For regionen samlet ble 80 prosent nådd."),
            Some(Claim::NotMet)
        );
        assert_eq!(
            claim("Kravet er delvis innfridd i regionen."),
            Some(Claim::Partial)
        );
        assert_eq!(
            claim("Det er uvisst om kravet er innfridd."),
            Some(Claim::Uncertain)
        );
        assert_eq!(
            claim("Målet er nådd, men arbeidet videreføres."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Kravet er ikke innfridd i sin helhet i regionen."),
            Some(Claim::Partial)
        );
    }

    #[test]
    fn reads_nynorsk() {
        assert_eq!(claim("Kravet er oppfylt."), Some(Claim::Met));
        assert_eq!(
            claim("Kravet er ikkje oppfylt for Helse Førde."),
            Some(Claim::NotMet)
        );
        assert_eq!(claim("Kravet er delvis oppfylt."), Some(Claim::Partial));
    }

    #[test]
    fn per_entity_claims_name_the_entity() {
        let c = parse_claim("Helse Nord-Trøndelag HF har ikke innfridd kravet.").unwrap();
        assert_eq!(c.claim, Claim::NotMet);
        assert_eq!(c.entity.as_deref(), Some("Helse Nord-Trøndelag HF"));
        let c = parse_claim("Kravet er innfridd.").unwrap();
        assert_eq!(c.entity, None);
    }

    #[test]
    fn ordinary_sentences_are_not_claims() {
        assert_eq!(claim("Prosjektet er godt forankret i ledelsen."), None);
        assert_eq!(claim("Fristen er nådd når søknaden er levert."), None);
        assert_eq!(
            claim("Dersom kravet er innfridd, avsluttes tiltaket."),
            None
        );
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn a_quoted_or_requested_verdict_is_not_the_reports_claim() {
        // nynorsk
        assert_eq!(
            parse_claim(
                "Helse Nord RHF har i årleg melding rapportert at kravet er delvis oppfylt."
            ),
            None
        );
        // bokmål
        assert_eq!(
            parse_claim("HOD ber om en vurdering av hvorvidt kravet er innfridd."),
            None
        );
        assert_eq!(
            parse_claim("Foretaket opplyste at målet er nådd for 2024."),
            None
        );
        // The answer's own claim stays.
        assert_eq!(
            parse_claim("Kravet er ikkje oppfylt for regionen samla.").map(|c| c.claim),
            Some(Claim::NotMet)
        );
    }

    #[test]
    fn only_one_trust_reached_the_goal_is_partial() {
        let c = parse_claim(
            "Det er følgelig kun Helse Førde som har måloppnåing i tråd med kravet i regionen.",
        )
        .unwrap();
        assert_eq!(c.claim, Claim::Partial);
    }
}
