use super::*;

fn one(s: &str) -> Target {
    let specs = parse_targets(s);
    assert_eq!(specs.len(), 1, "{s}: {specs:?}");
    specs[0].target.clone()
}

#[test]
fn a_leading_share_measures_what_must_happen_within_a_limit() {
    let m = |s: &str| parse_targets(s)[0].measure.clone();
    assert_eq!(
        m("Minst 90 prosent av akuttoppdragene i byer skal nås av ambulanse innen 12 minutter."),
        "akuttoppdragene i byer nås av ambulanse innen 12 minutter"
    );
    // Without a time limit the share's noun alone is the measure.
    assert_eq!(
        m("Minst 70 prosent av epikrisene skal sendes samme dag som utskrivning."),
        "epikrisene"
    );
}

#[test]
fn a_time_limit_met_in_a_share_of_cases() {
    let specs = parse_targets(
        "Kravet er at ambulansen skal vere framme innan 12 minutt i 90 prosent av akutte oppdrag.",
    );
    assert_eq!(specs.len(), 1, "{specs:?}");
    let t = &specs[0].target;
    assert_eq!(
        (t.comparator, t.threshold, t.unit),
        (Comparator::AtLeast, Some(90.0), Some(TargetUnit::Percent))
    );
    assert_eq!(specs[0].measure, "ambulansen innan 12 minutt");
    // A time limit alone stays a limit in days.
    let t = one("Pasientene skal få svar innen 10 dager.");
    assert_eq!(
        (t.comparator, t.threshold),
        (Comparator::AtMost, Some(10.0))
    );
}

#[test]
fn a_fronted_phrase_puts_the_subject_after_the_modal() {
    let specs = parse_targets(
        "Innan 2027 skal delen tvangsinnleggingar i psykisk helsevern for vaksne reduserast med 20 prosent samanlikna med 2022.",
    );
    assert_eq!(specs.len(), 1, "{specs:?}");
    let t = &specs[0].target;
    assert_eq!(
        (t.comparator, t.change_pct, t.baseline_year, t.target_year),
        (Comparator::Decrease, Some(20.0), Some(2022), Some(2027))
    );
    assert_eq!(
        specs[0].measure,
        "delen tvangsinnleggingar i psykisk helsevern for vaksne"
    );
    let specs = parse_targets("I 2025 skal ventetida i somatikken vere under 50 dagar.");
    assert_eq!(specs[0].measure, "ventetida i somatikken");
    // A purpose after the modal is still no target.
    assert!(
        parse_targets("I 2025 skal helseforetaket arbeide for å redusere ventetida.").is_empty()
    );
}

#[test]
fn a_requirement_in_a_clause_after_at() {
    // The clause after "at" carries the requirement, its leading threshold and its measure.
    let specs = parse_targets(
        "I oppdragsdokumentet er det sett krav om at minst 70 prosent av epikrisane i somatikken skal sendast innan 1 dag etter utskriving.",
    );
    assert_eq!(specs.len(), 1, "{specs:?}");
    assert_eq!(
        (specs[0].target.comparator, specs[0].target.threshold),
        (Comparator::AtLeast, Some(70.0))
    );
    // The time limit is part of what is measured.
    assert_eq!(
        specs[0].measure,
        "epikrisane i somatikken sendast innan 1 dag etter utskriving"
    );
    // A change to a level is a threshold whoever opens the sentence.
    let specs = parse_targets(
        "Styret har vedtatt at sykefraværet skal ned til 7,5 prosent innen utgangen av 2026.",
    );
    assert_eq!(specs.len(), 1, "{specs:?}");
    assert_eq!(
        (specs[0].target.comparator, specs[0].target.threshold),
        (Comparator::AtMost, Some(7.5))
    );
    assert_eq!(specs[0].measure, "sykefraværet");
    assert_eq!(specs[0].target.target_year, Some(2026));
}

#[test]
fn requirements_set_by_someone_and_form_fields() {
    // "X har stilt krav om …": the requirement is what follows.
    let specs = parse_targets(
        "Helse Vest RHF har for 2025 stilt krav om gjennomsnittleg ventetid under 55 dagar i \
         somatikk og under 35 dagar i TSB.",
    );
    let got: Vec<_> = specs
        .iter()
        .map(|s| {
            (
                s.target.threshold,
                s.target.subject.clone(),
                s.target.target_year,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(55.0), Some("Somatikk".to_string()), Some(2025)),
            (Some(35.0), Some("TSB".to_string()), Some(2025)),
        ]
    );
    // A demand without a figure is no measurable target.
    assert!(
        parse_targets("Departementet har stilt krav om at rapporten sendes innen 1. mars.")
            .is_empty()
    );
    // The goal noun as a form's field label.
    let t = one("Mål: Maksimalt 2,0 prosent");
    assert_eq!((t.comparator, t.threshold), (Comparator::AtMost, Some(2.0)));
}

#[test]
fn limits_written_with_a_negation() {
    // A same-level phrase with a figure after it is a limit, not the earlier level.
    let t = one("Sykefraværet skal ikke være høyere enn 6,5 prosent i 2026.");
    assert_eq!((t.comparator, t.threshold), (Comparator::AtMost, Some(6.5)));
    let t = one("Sjukefråværet skal ikkje vere høgare enn 6,5 prosent.");
    assert_eq!((t.comparator, t.threshold), (Comparator::AtMost, Some(6.5)));
    // Without a figure it still is the earlier level.
    let t = one("Sykefraværet skal ikke være høyere enn i 2023.");
    assert_eq!(t.comparator, Comparator::NotAboveBaseline);
    // "not more than in 2023" is "not above", whatever the word of size.
    let t = one("Talet på tvangsinnleggingar skal ikkje vere fleire enn i 2023.");
    assert_eq!(t.comparator, Comparator::NotAboveBaseline);
    let t = one("Antallet senger skal ikke være færre enn i 2023.");
    assert_eq!(t.comparator, Comparator::NotBelowBaseline);
    // A goal lead with a clause of its own: "… er at X ikkje skal overstige N".
    let specs = parse_targets(
        "Målsettinga på sikt er at ventetida i psykisk helsevern ikkje skal overstige 45 dagar.",
    );
    assert_eq!(specs.len(), 1, "{specs:?}");
    assert_eq!(specs[0].target.comparator, Comparator::AtMost);
    assert_eq!(specs[0].target.threshold, Some(45.0));
    assert_eq!(specs[0].measure, "ventetida i psykisk helsevern");
    let t = one("Målet er at fristbrota ikke skal overskride 1 prosent.");
    // Given for comparison, it is no target of the report.
    assert!(parse_targets(
        "Til samanlikning var kravet i 2019 at ventetida skulle vere under 57 dagar."
    )
    .is_empty());
    assert_eq!((t.comparator, t.threshold), (Comparator::AtMost, Some(1.0)));
}

#[test]
fn change_to_a_written_comparator_is_a_threshold() {
    // nynorsk
    let t = one(
        "Ventetida i psykisk helsevern skal reduserast til under 50 dagar innan utgangen av 2024.",
    );
    assert_eq!(
        (t.comparator, t.threshold, t.unit, t.target_year),
        (
            Comparator::Below,
            Some(50.0),
            Some(TargetUnit::Days),
            Some(2024)
        )
    );
    // bokmål
    let t = one("Andelen pasienter som skrives ut til eget hjem skal økes til minst 60 prosent.");
    assert_eq!(
        (t.comparator, t.threshold, t.unit),
        (Comparator::AtLeast, Some(60.0), Some(TargetUnit::Percent))
    );
    let t = one("Ventetiden skal reduseres til lik eller under 45 dager.");
    assert_eq!(
        (t.comparator, t.threshold),
        (Comparator::AtMost, Some(45.0))
    );
    // Without a written comparator the direction decides.
    let t = one("Ventetiden i TSB skal reduseres til 40 dager.");
    assert_eq!(
        (t.comparator, t.threshold),
        (Comparator::AtMost, Some(40.0))
    );
}

#[test]
fn same_level_or_lower_than_a_year() {
    for s in [
        "Ventetida i TSB skal haldast på same nivå eller lågare enn i 2019.",
        "Ventetiden i TSB skal holdes på samme nivå eller lavere enn i 2019.",
    ] {
        let t = one(s);
        assert_eq!(
            (t.comparator, t.baseline_year),
            (Comparator::NotAboveBaseline, Some(2019)),
            "{s}"
        );
    }
}

#[test]
fn goal_with_an_infinitive_and_the_object_before_the_size() {
    for s in [
        "Målet er å redusere antall korridorpasienter ved sykehuset med 20 prosent innen utgangen av 2028, sammenlignet med 2025.",
        "Målet er å redusera talet på korridorpasientar ved sjukehuset med 20 prosent innan utgangen av 2028, samanlikna med 2025.",
    ] {
        let specs = parse_targets(s);
        assert_eq!(specs.len(), 1, "{s}: {specs:?}");
        let t = &specs[0].target;
        assert_eq!(
            (t.comparator, t.change_pct, t.baseline_year, t.target_year),
            (Comparator::Decrease, Some(20.0), Some(2025), Some(2028)),
            "{s}"
        );
        assert!(specs[0].measure.contains("korridorpasient"), "{specs:?}");
    }
    // A purpose without size or baseline is not a target.
    assert!(parse_targets("Målet er å styrke samarbeidet med kommunene.").is_empty());
}

#[test]
fn number_words_after_a_comparator() {
    // bokmål
    let t = one("Helse Midt-Norge RHF skal etablere minst seks nye døgnplasser i psykisk helsevern voksne innen utgangen av 2024.");
    assert_eq!(
        (t.comparator, t.threshold, t.unit, t.target_year),
        (
            Comparator::AtLeast,
            Some(6.0),
            Some(TargetUnit::Count),
            Some(2024)
        )
    );
    // nynorsk, with a unit after the word
    let t = one("Ventetida i TSB skal vere under tretti dagar.");
    assert_eq!(
        (t.comparator, t.threshold, t.unit),
        (Comparator::Below, Some(30.0), Some(TargetUnit::Days))
    );
    let t = one("Føretaket skal ha minst ein tilsett i kvar kommune.");
    assert_eq!(
        (t.comparator, t.threshold),
        (Comparator::AtLeast, Some(1.0))
    );
    // Not a number: an article after "over", and words outside a comparator.
    assert!(
        parse_targets("Ventetida skal vere lågare over ein periode.")
            .iter()
            .all(|t| t.target.threshold.is_none())
    );
    assert!(parse_targets("Foretaket skal etablere to nye team.").is_empty());
    assert!(parse_targets(
        "Tiltakene skal rettes mot områder der minst ett av følgende kriterier er oppfylt:"
    )
    .is_empty());
    assert!(parse_targets(
        "Det skal være samarbeid mellom fagmiljø i minst to helseforetak som bidrar til forbedring."
    )
    .is_empty());
    assert_eq!(number_word("sju"), Some(7.0));
    assert_eq!(number_word("syv"), Some(7.0));
    assert_eq!(number_word("tjue"), Some(20.0));
    assert_eq!(number_word("hus"), None);
}

#[test]
fn a_label_alone_gives_its_year() {
    assert_eq!(label_year("Styringsmål 2025:"), Some(2025));
    assert_eq!(label_year("  Krav for 2024: "), Some(2024));
    assert_eq!(label_year("Styringsmål 2025"), None);
    assert_eq!(label_year("Dette gjaldt i hele 2025 og videre:"), None);
}

#[test]
fn thresholds_listed_respectively_pair_with_their_areas_in_order() {
    let got = |s: &str| -> Vec<(Option<f64>, Option<String>)> {
        parse_targets(s)
            .into_iter()
            .map(|t| (t.target.threshold, t.target.subject))
            .collect()
    };
    // Nynorsk, areas after the figures, one unit for the list.
    let read =
        got("Ventetida skal vere under høvesvis 50, 40 og 35 dagar for somatikk, PHV og TSB.");
    assert_eq!(
        read,
        vec![
            (Some(50.0), Some("Somatikk".to_string())),
            (Some(40.0), Some("Psykisk helsevern voksne".to_string())),
            (Some(35.0), Some("TSB".to_string())),
        ]
    );
    assert!(parse_targets(
        "Ventetida skal vere under høvesvis 50, 40 og 35 dagar for somatikk, PHV og TSB."
    )
    .iter()
    .all(|t| t.target.unit == Some(TargetUnit::Days)));
    // Bokmål, areas before "henholdsvis".
    let read = got("For somatikk og TSB skal ventetiden være under henholdsvis 58 og 33 dager.");
    assert_eq!(
        read,
        vec![
            (Some(58.0), Some("Somatikk".to_string())),
            (Some(33.0), Some("TSB".to_string())),
        ]
    );
    // Fail: three figures and two areas cannot be paired, and the first figure is no guess.
    assert!(
        got("Ventetida skal vere under høvesvis 50, 40 og 35 dagar for somatikk og TSB.")
            .is_empty()
    );
}

#[test]
fn two_clauses_with_a_target_each_are_two_targets() {
    let specs = parse_targets(
        "Delen fristbrot skulle vere høgst 1,5 prosent, og minst 75 prosent av epikrisane skulle sendast innan ein dag.",
    );
    let got: Vec<(Comparator, Option<f64>)> = specs
        .iter()
        .map(|t| (t.target.comparator, t.target.threshold))
        .collect();
    assert_eq!(
        got,
        vec![
            (Comparator::AtMost, Some(1.5)),
            (Comparator::AtLeast, Some(75.0))
        ]
    );
    // Fail: a second clause that sets no target adds none.
    assert_eq!(
        parse_targets("Sjukefråværet skal vere under 7 prosent, og arbeidet held fram i 2025.")
            .len(),
        1
    );
}

#[test]
fn halving_and_no_longer_than() {
    // "skal halverast" is a decrease by 50 % against its baseline year.
    let t = one("Talet på korridorpasientar skal halverast samanlikna med 2023.");
    assert_eq!(
        (t.comparator, t.change_pct, t.baseline_year),
        (Comparator::Decrease, Some(50.0), Some(2023))
    );
    // "ikkje lenger enn" / "ikke lengre enn" are at most.
    let t = one("Ventetida i PHBU skal ikkje vere lenger enn 35 dagar.");
    assert_eq!(
        (t.comparator, t.threshold),
        (Comparator::AtMost, Some(35.0))
    );
    let t = one("Ventetiden skal ikke være lengre enn 50 dager.");
    assert_eq!(
        (t.comparator, t.threshold),
        (Comparator::AtMost, Some(50.0))
    );
    // Fail: a halving told as history sets no target.
    assert!(parse_targets("Talet på korridorpasientar vart halvert frå 2022 til 2023.").is_empty());
}

#[test]
fn a_share_written_as_a_fraction() {
    let specs = parse_targets("Minst 9 av 10 epikriser skal sendes samme dag som utskrivning.");
    assert_eq!(specs.len(), 1, "{specs:?}");
    let t = &specs[0].target;
    assert_eq!(
        (t.comparator, t.threshold, t.unit),
        (Comparator::AtLeast, Some(90.0), Some(TargetUnit::Percent))
    );
    assert_eq!(specs[0].measure, "epikriser");
}

#[test]
fn two_adverbials_between_the_modal_and_the_limit() {
    // "for hele året" and "i gjennomsnitt" between "skal" and "være lavere enn".
    let t = one("Ventetiden skal for hele året i gjennomsnitt være lavere enn 53 dager.");
    assert_eq!(t.comparator, Comparator::Below);
    assert_eq!(t.threshold, Some(53.0));
    // Fail: a relative clause between them is another clause.
    assert!(parse_targets(
        "Enheten skal rapportere tall for pasienter som venter lenger enn 53 dager."
    )
    .iter()
    .all(|s| s.target.threshold != Some(53.0)));
}

#[test]
fn an_inverted_goal_noun_after_a_fronted_area_or_year() {
    // "For PHV er kravet …": the copula before the noun after a fronted phrase.
    let t = one("For psykisk helsevern voksne (PHV) er kravet maksimalt 42 dager.");
    assert_eq!(
        (t.comparator, t.threshold, t.unit),
        (Comparator::AtMost, Some(42.0), Some(TargetUnit::Days))
    );
    let specs = parse_targets("I somatikken er kravet en gjennomsnittlig ventetid under 54 dager.");
    assert_eq!(specs.len(), 1, "{specs:?}");
    assert_eq!(specs[0].target.comparator, Comparator::Below);
    assert_eq!(specs[0].measure, "gjennomsnittlig ventetid");
    let specs = parse_targets("For 2025 er målet for sykefravær 6,5 prosent.");
    assert_eq!(specs.len(), 1, "{specs:?}");
    assert_eq!(
        (specs[0].target.comparator, specs[0].target.threshold),
        (Comparator::AtMost, Some(6.5))
    );
    assert_eq!(specs[0].measure, "sykefravær");
    // Fail cases: a claim is no target; a later modal carries the requirement, read from it.
    assert!(parse_targets("For PHV er målet nådd.").is_empty());
    let specs = parse_targets(
        "I psykisk helsevern var målene strengere, og ventetiden skulle være under henholdsvis 45 og 40 dager i PHV og PHBU.",
    );
    assert_eq!(specs.len(), 2, "{specs:?}");
}

#[test]
fn a_change_size_after_a_long_object() {
    // Seven words of object between the verb and "med minst 20 prosent".
    let t = one("Helse Nord RHF skal redusere kostnadene til innleie av helsepersonell fra bemanningsbyrå med minst 20 prosent i 2025 sammenlignet med 2023.");
    assert_eq!(
        (t.comparator, t.change_pct, t.baseline_year),
        (Comparator::Decrease, Some(20.0), Some(2023))
    );
    // Fail case: a size in another clause is not this change's.
    let specs = parse_targets(
        "Sykehuset skal redusere bruken av innleie, og det er satt av 20 prosent mer til rekruttering.",
    );
    assert!(
        specs.iter().all(|s| s.target.change_pct.is_none()),
        "{specs:?}"
    );
}

#[test]
fn a_comma_may_close_the_goal_nouns_phrase_before_its_copula() {
    let specs = parse_targets(
        "Krava til gjennomsnittleg ventetid for pasientar som har starta helsehjelp i 2026, er høvesvis under 50, 40, 35 og 30 dagar for somatikk, PHV, PHBU og TSB.",
    );
    let got: Vec<(Comparator, Option<f64>)> = specs
        .iter()
        .map(|s| (s.target.comparator, s.target.threshold))
        .collect();
    assert_eq!(
        got,
        [
            (Comparator::Below, Some(50.0)),
            (Comparator::Below, Some(40.0)),
            (Comparator::Below, Some(35.0)),
            (Comparator::Below, Some(30.0))
        ]
    );
    // Fail case: a comma inside the noun phrase, with more after it, ends the lead.
    assert!(
        parse_targets("Kravet til ventetid, som styret har drøftet, er høgt prioritert.")
            .is_empty()
    );
}

#[test]
fn a_range_sets_a_floor_and_a_ceiling() {
    let read = |s: &str| -> Vec<(Comparator, Option<f64>, Option<TargetUnit>)> {
        parse_targets(s)
            .iter()
            .map(|t| (t.target.comparator, t.target.threshold, t.target.unit))
            .collect()
    };
    let pct = Some(TargetUnit::Percent);
    assert_eq!(
        read("Beleggsprosenten i somatikken skal ligge mellom 85 og 90 prosent."),
        [
            (Comparator::AtLeast, Some(85.0), pct),
            (Comparator::AtMost, Some(90.0), pct)
        ]
    );
    assert_eq!(
        read("Belegget skal vere mellom 85 prosent og 92 prosent i 2026."),
        [
            (Comparator::AtLeast, Some(85.0), pct),
            (Comparator::AtMost, Some(92.0), pct)
        ]
    );
    // Fail cases: a group "between" two ages, and figures that are no range.
    assert!(read("Pasienter mellom 18 og 25 år skal få tilbud om oppfølging.").is_empty());
    assert!(read("Avdelingen skal fordele mellom 12 og 4 senger.").is_empty());
}

#[test]
fn a_change_in_percentage_points_from_a_baseline_year() {
    let t = one("Andelen ansatte i heltidsstilling skal økes med minst 2 prosentpoeng fra 2024.");
    assert_eq!(
        (t.comparator, t.change_pp, t.change_pct, t.baseline_year),
        (Comparator::Increase, Some(2.0), None, Some(2024))
    );
    let t =
        one("Krav 2027: delen tilsette i heile stillingar minst 3 prosentpoeng over 2025-nivået.");
    assert_eq!(
        (t.comparator, t.change_pp, t.threshold, t.baseline_year),
        (Comparator::Increase, Some(3.0), None, Some(2025))
    );
    // Points with no year to start from set no level.
    assert!(parse_targets("Andelen skal vere minst 3 prosentpoeng høgare.").is_empty());
}
