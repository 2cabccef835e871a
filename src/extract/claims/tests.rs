use super::*;

fn claim(s: &str) -> Option<Claim> {
    parse_claim(s).map(|c| c.claim)
}

#[test]
fn a_subordinate_negation_and_a_trust_exception() {
    // "ikkje er nådde": the negation before the verb, the participle after "er".
    let got = subject_claims(
        "For regionen er målet for TSB nådd, medan måla for somatikk og BUP ikkje er nådde.",
    );
    assert!(got.contains(&("Somatikk".to_string(), Claim::NotMet, got[0].2)));
    assert!(got
        .iter()
        .all(|(s, c, _)| s == "TSB" || *c == Claim::NotMet));
    // A trust after "unntatt" excepts the trust, not the area: the area's verdict is partial.
    let got = subject_claims("Alle føretak unntatt Helse Fonna nådde målet for TSB.");
    assert_eq!(
        got.iter()
            .map(|(s, c, _)| (s.as_str(), *c))
            .collect::<Vec<_>>(),
        [("TSB", Claim::Partial)]
    );
    // An area after "unntatt" still splits the areas.
    let got = subject_claims("Målet er nådd for alle fagområde unntatt somatikk.");
    assert!(got
        .iter()
        .any(|(s, c, _)| s == "Somatikk" && *c == Claim::NotMet));
}

#[test]
fn a_count_before_the_names_it_counts_is_some_of_few() {
    // The count stands before an apposition of the trusts it counts.
    let c = parse_claim(
        "To av fire helseforetak, Nordlandssykehuset og Helgelandssykehuset, nådde kravet.",
    )
    .expect("claim");
    assert_eq!((c.claim, c.count), (Claim::Partial, Some((2, 4))));
    // Words other than names between them: the count is not the claim's.
    let c =
        parse_claim("To av fire helseforetak hadde kortere ventetid, og regionen nådde kravet.")
            .expect("claim");
    assert_eq!(c.claim, Claim::Met);
}

#[test]
fn a_region_clause_after_a_trust_is_the_regions_claim() {
    let c = parse_claim(
        "Berre Sykehuset Telemark ligg over kravet for TSB, og regionen samla er innanfor kravet.",
    )
    .expect("claim");
    assert_eq!((c.claim, c.entity), (Claim::Met, None));
    // Without a clause of its own for the region the trust stays the subject.
    let c = parse_claim("Sykehuset Telemark er innenfor kravet i regionen.").expect("claim");
    assert_eq!(c.entity.as_deref(), Some("Sykehuset Telemark HF"));
}

#[test]
fn a_status_cell_may_stand_before_a_comment() {
    let c = status_cell("Ventetid (dager)     < 60     61     rød     Ned fra 64 dager")
        .expect("status");
    assert_eq!(c, (Claim::NotMet, "rød".to_string()));
    assert_eq!(
        status_cell("Sykefravær (%)     ≤ 7,5     7,2     Grønn").map(|c| c.0),
        Some(Claim::Met)
    );
    assert_eq!(
        status_cell("Fristbrudd     -25 %     2 550     gul     Nær målet").map(|c| c.0),
        Some(Claim::Partial)
    );
    // A colour in prose or inside a longer cell is no status; two statuses are no one's.
    assert_eq!(
        status_cell("Det grønne skiftet     2024     rød tråd i arbeidet"),
        None
    );
    assert_eq!(status_cell("Ventetid     Nådd     Ikke nådd"), None);
    assert!(parse_claim("Lyset var rødt hele dagen.").is_none());
}

#[test]
fn a_trust_reaching_its_goals_in_the_plural() {
    assert_eq!(
        claim("Vestre Viken nådde målene for 2024."),
        Some(Claim::Met)
    );
    assert_eq!(
        claim("Helse Førde nådde ikkje måla for 2024."),
        Some(Claim::NotMet)
    );
    // A verdict as a judgement ("anses som", "reknar … som").
    assert_eq!(claim("Kravet anses som innfridd."), Some(Claim::Met));
    assert_eq!(
        claim("Kravet anses ikke som innfridd."),
        Some(Claim::NotMet)
    );
    assert_eq!(claim("Vi reknar kravet som innfridd."), Some(Claim::Met));
    let c = parse_claim("Vestre Viken nådde målene i alle områder unntatt TSB.");
    assert_eq!(c.map(|c| c.claim), Some(Claim::Partial));
}

#[test]
fn verdicts_after_a_fronted_phrase() {
    // Norwegian puts the verb before the subject after an adverbial.
    assert_eq!(
        claim("For psykisk helsevern for vaksne vart målet nådd ved St. Olavs hospital."),
        Some(Claim::Met)
    );
    assert_eq!(
        claim("I 2024 ble kravet ikke innfridd."),
        Some(Claim::NotMet)
    );
    assert_eq!(
        claim("I somatikken nådde alle føretaka målet med unntak av Helse Fonna."),
        Some(Claim::Partial)
    );
    assert_eq!(
        claim("I TSB nådde ingen av foretakene målet."),
        Some(Claim::NotMet)
    );
    let c = parse_claim("I psykisk helsevern nådde Helse Bergen målet.").unwrap();
    assert_eq!(c.claim, Claim::Met);
    assert_eq!(c.entity.as_deref(), Some("Helse Bergen HF"));
    // A form's field.
    assert_eq!(claim("Vurdering: Oppnådd."), Some(Claim::Met));
    assert_eq!(claim("Måloppnåing: Ikkje nådd"), Some(Claim::NotMet));
    // An object after the verb is no inverted subject: "… nådde ikkje dette målet".
    assert_ne!(
        claim("Helse Stavanger nådde ikkje dette målet innan 2020."),
        Some(Claim::Met)
    );
    // An exception that names a trust leaves the area partial, the other areas unjudged.
    assert_eq!(
        subject_claims("I somatikken nådde alle føretaka målet med unntak av Helse Fonna."),
        vec![("Somatikk".to_string(), Claim::Partial, 13)]
    );
    // A question is no verdict; nor a goal that opens the sentence.
    assert_eq!(claim("Er målet nådd i alle foretak?"), None);
    assert_eq!(claim("Målet er at ventetida skal ned."), None);
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

mod genre_tests {
    use super::*;

    fn claim(s: &str) -> Option<Claim> {
        parse_claim(s).map(|c| c.claim)
    }

    #[test]
    fn past_tense_and_adverbs() {
        assert_eq!(claim("Målet ble nådd i 2024."), Some(Claim::Met));
        assert_eq!(claim("Målet vart ikkje oppfylt."), Some(Claim::NotMet));
        assert_eq!(
            claim("Målet er dermed akkurat nådd for regionen."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Helseføretaket har ikkje nådd målet om færre fristbrot."),
            Some(Claim::NotMet)
        );
        assert_eq!(
            claim("Regionen samla når måltalet med 82 %."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Avdelinga ligg godt innanfor kravet med 31 dagar."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Foretaket klarte ikke målet i 2024."),
            Some(Claim::NotMet)
        );
    }

    #[test]
    fn a_status_cell_alone_is_a_verdict() {
        assert_eq!(claim("Innfridd"), Some(Claim::Met));
        assert_eq!(claim("Delvis innfridd"), Some(Claim::Partial));
        assert_eq!(claim("Ikkje oppfylt."), Some(Claim::NotMet));
        assert_eq!(claim("Ikke innfridd"), Some(Claim::NotMet));
        assert_eq!(claim("Delvis"), Some(Claim::Partial));
        // Fail: a heading or a label is no verdict.
        assert_eq!(claim("Måloppnåelse"), None);
        assert_eq!(claim("Pågående"), None);
        assert_eq!(claim("Nådde pasienter"), None);
    }

    #[test]
    fn a_target_named_by_its_noun_phrase_and_not_reaching_it() {
        // The subject is the requirement itself, named with what it asks.
        assert_eq!(
            claim("Kravet om minst 10 prosent reduksjon er dermed innfridd for regionen."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Målet for TSB er nådd i alle føretaka."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Regionen samlet nådde ikke kravet, men fem av åtte helseforetak gjorde det."),
            Some(Claim::NotMet)
        );
        assert_eq!(
            claim("Helse Nord-Trøndelag nådde ikke kravet i 2024."),
            Some(Claim::NotMet)
        );
        // Fail: a bare "er nådd" after something that is not the target is no claim.
        assert_eq!(claim("Toppen av sykefraværet er nådd i februar."), None);
    }

    #[test]
    fn quantifiers_and_exceptions() {
        assert_eq!(
            claim("Ingen av helseforetakene nådde målet om 90 prosent."),
            Some(Claim::NotMet)
        );
        assert_eq!(
            claim("Ingen av føretaka har nådd målet."),
            Some(Claim::NotMet)
        );
        assert_eq!(
            claim("Ingen av foretakene har mer enn 2 prosent fristbrudd, og kravet er dermed innfridd."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Målet er nådd for alle foretak unntatt Sykehuset Telemark."),
            Some(Claim::Partial)
        );
        assert_eq!(
            claim("Kravet er ikkje innfridd i alle føretak."),
            Some(Claim::Partial)
        );
        assert_eq!(
            claim("Målet ble nådd i UNN og Nordlandssykehuset, men ikke i Finnmarkssykehuset."),
            Some(Claim::Partial)
        );
        // The exception before the verb.
        assert_eq!(
            claim("Alle helseføretaka unntatt Helse Førde nådde kravet."),
            Some(Claim::Partial)
        );
        assert_eq!(
            claim("Alle foretakene med unntak av Vestre Viken har nådd målet."),
            Some(Claim::Partial)
        );
    }

    #[test]
    fn goal_language_is_no_claim() {
        assert_eq!(claim("Kravet er at målet skal være nådd innen 2026."), None);
        assert_eq!(
            claim("Målet var at ventetida skulle vere under 60 dagar."),
            None
        );
    }

    #[test]
    fn verdicts_per_area() {
        let c = subject_claims("Målet er nådd for somatikk og TSB for regionen samla, men ikkje for psykisk helsevern.");
        let get = |s: &str| c.iter().find(|(x, _, _)| x == s).map(|(_, c, _)| *c);
        assert_eq!(get("Somatikk"), Some(Claim::Met));
        assert_eq!(get("TSB"), Some(Claim::Met));
        assert_eq!(get("Psykisk helsevern voksne"), Some(Claim::NotMet));
        assert_eq!(get("Psykisk helsevern barn og unge"), Some(Claim::NotMet));

        let c = subject_claims(
            "For regionen samlet er målet nådd for alle fagområder unntatt somatikk.",
        );
        let get = |s: &str| c.iter().find(|(x, _, _)| x == s).map(|(_, c, _)| *c);
        assert_eq!(get("Somatikk"), Some(Claim::NotMet));
        assert_eq!(get("*"), Some(Claim::Met));

        let c = subject_claims("TSB ligg godt innanfor kravet med 23 dagar, og psykisk helsevern vaksne nådde òg målet med 41 dagar.");
        let get = |s: &str| c.iter().find(|(x, _, _)| x == s).map(|(_, c, _)| *c);
        assert_eq!(get("TSB"), Some(Claim::Met));
        assert_eq!(get("Psykisk helsevern voksne"), Some(Claim::Met));

        let c = subject_claims("Målet for somatikk vart ikkje oppfylt.");
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].0.as_str(), c[0].1), ("Somatikk", Claim::NotMet));
        // The offset is the verdict's, not the area's: "… og er innenfor målet".
        let c = subject_claims("Psykisk helsevern voksne har 43 dager og er innenfor målet.");
        assert_eq!(c[0].2, 44);
        assert!(subject_claims("Kravet er innfridd.").is_empty());
    }

    #[test]
    fn some_of_a_few_is_partial() {
        let claim = |s: &str| parse_claim(s).map(|c| c.claim);
        assert_eq!(
            claim("Tre av fire helseforetak klarte kravet: Helse Bergen hadde 57 dager."),
            Some(Claim::Partial)
        );
        assert_eq!(
            claim("Målet er nådd i to av dei tre føretaka."),
            Some(Claim::Partial)
        );
        // Fail: a count of cases is no count of units, all of them is all, and a sentence on
        // the region as a whole is the region's claim.
        assert_eq!(
            claim("Målet er nådd: 9 505 av 14 230 forløp var innanfor."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Målet er nådd i fire av fire føretak."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Kravet er innfridd for regionen samla og for tre av fire helseføretak."),
            Some(Claim::Met)
        );
        assert_eq!(
            claim("Helse Fonna har ein nedgang, men ikkje stor nok til å nå målet."),
            Some(Claim::NotMet)
        );
    }
}
