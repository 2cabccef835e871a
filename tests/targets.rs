//! The target grammar on sentences from the sample reports and on hand-made bokmål and nynorsk
//! sentences.

use meldingssjekk::extract::targets::{parse_targets, TargetSpec};
use meldingssjekk::model::{Comparator, TargetUnit};

fn one(s: &str) -> TargetSpec {
    let t = parse_targets(s);
    assert_eq!(t.len(), 1, "expected one target in {s:?}, got {t:#?}");
    t.into_iter().next().unwrap()
}

#[test]
fn at_least_percent_with_actor_subject() {
    let t = one("Regionen skal overholde minst 95 pst. av pasientavtalene (passert planlagt tid).");
    assert_eq!(t.target.comparator, Comparator::AtLeast);
    assert_eq!(t.target.threshold, Some(95.0));
    assert_eq!(t.target.unit, Some(TargetUnit::Percent));
    assert!(t.measure.contains("pasientavtalene"), "{}", t.measure);
}

#[test]
fn decrease_with_size_and_baseline() {
    let t = one(
        "Antall avvik fra arbeidstidsbestemmelsene skal reduseres med 20 % sammenlignet med 2023",
    );
    assert_eq!(t.target.comparator, Comparator::Decrease);
    assert_eq!(t.target.change_pct, Some(20.0));
    assert_eq!(t.target.baseline_year, Some(2023));
    assert_eq!(t.target.threshold, None);
}

#[test]
fn numbers_in_the_name_of_the_measure_are_not_thresholds() {
    let t = one(
        "Antall enheter med sykefravær over 10 % skal reduseres med 10 % sammenliknet med 2023.",
    );
    assert_eq!(t.target.comparator, Comparator::Decrease);
    assert_eq!(t.target.change_pct, Some(10.0));
    assert_eq!(t.target.threshold, None);
    assert!(t.measure.contains("over 10 %"));
    let t = one("Antall tilfeller av at leger jobber mer enn 19 timer pr. vaktdøgn skal reduseres med 20 % sammenlignet med 2023.");
    assert_eq!(t.target.change_pct, Some(20.0));
    assert_eq!(t.target.threshold, None);
}

#[test]
fn increase_with_minimum_size() {
    let t = one("Antall behandlede pasienter skal økes med minst 15 pst. sammenliknet med 2023.");
    assert_eq!(t.target.comparator, Comparator::Increase);
    assert_eq!(t.target.change_pct, Some(15.0));
    assert_eq!(t.target.baseline_year, Some(2023));
}

#[test]
fn increase_against_baseline_with_target_year() {
    let t =
        one("Døgnaktiviteten i psykisk helsevern skal være høyere i 2024 sammenlignet med 2023.");
    assert_eq!(t.target.comparator, Comparator::Increase);
    assert_eq!(t.target.baseline_year, Some(2023));
    assert_eq!(t.target.target_year, Some(2024));
}

#[test]
fn same_level_or_lower_than_a_year() {
    let t = one("Forbruket av bredspektrede antibiotika skal holdes på samme nivå, eller lavere, enn i 2019.");
    assert_eq!(t.target.comparator, Comparator::NotAboveBaseline);
    assert_eq!(t.target.baseline_year, Some(2019));
}

#[test]
fn comparison_with_another_quantity_is_qualitative() {
    let t = one("Realveksten i kostnader innen psykisk helsevern og TSB skal være høyere enn realveksten i de regionale helseforetakenes ordinære, frie driftsbevilgninger.");
    assert_eq!(t.target.comparator, Comparator::Qualitative);
    assert_eq!(t.target.threshold, None);
}

#[test]
fn one_sentence_several_areas_with_their_own_thresholds() {
    let ts = parse_targets("Gjennomsnittlig ventetid i 2025 skal være lik eller under 61 dager i somatikken, 44 dager i psykisk helsevern voksne, 40 dager i psykisk helsevern barn og unge og 35 dager i TSB.");
    assert_eq!(ts.len(), 4, "{ts:#?}");
    let got: Vec<(Option<f64>, Option<String>)> = ts
        .iter()
        .map(|t| (t.target.threshold, t.target.subject.clone()))
        .collect();
    assert_eq!(got[0], (Some(61.0), Some("Somatikk".into())));
    assert_eq!(
        got[1],
        (Some(44.0), Some("Psykisk helsevern voksne".into()))
    );
    assert_eq!(
        got[2],
        (Some(40.0), Some("Psykisk helsevern barn og unge".into()))
    );
    assert_eq!(got[3], (Some(35.0), Some("TSB".into())));
    assert!(ts
        .iter()
        .all(|t| t.target.comparator == Comparator::AtMost && t.target.target_year == Some(2025)));
    assert!(ts.iter().all(|t| t.target.unit == Some(TargetUnit::Days)));
}

#[test]
fn long_term_goal_without_modal() {
    let ts = parse_targets("Målsetningen på sikt er gjennomsnittlig ventetid lavere enn 50 dager for somatikk, 40 dager for psykisk helsevern voksne, 35 dager for psykisk helsevern barn og unge og 30 dager for TSB.");
    assert_eq!(ts.len(), 4, "{ts:#?}");
    assert!(ts
        .iter()
        .all(|t| t.target.long_term && t.target.comparator == Comparator::Below));
    assert_eq!(ts[3].target.threshold, Some(30.0));
}

#[test]
fn leading_minimum_before_the_modal() {
    // One target per area the sentence names, each with the same minimum.
    let ts = parse_targets("Minst 70 pst. av epikrisene skal være sendt innen én dag etter utskrivning innen somatikk, psykisk helsevern for voksne og TSB.");
    assert!(ts
        .iter()
        .all(|t| t.target.comparator == Comparator::AtLeast && t.target.threshold == Some(70.0)));
    let areas: Vec<_> = ts.iter().filter_map(|t| t.target.subject.clone()).collect();
    assert_eq!(areas, vec!["Somatikk", "Psykisk helsevern voksne", "TSB"]);
}

#[test]
fn one_named_area_is_the_targets_area() {
    let t = one("Ventetida i psykisk helsevern barn og unge skal reduserast samanlikna med 2023.");
    assert_eq!(
        t.target.subject.as_deref(),
        Some("Psykisk helsevern barn og unge")
    );
    // "psykisk helsevern og rusbehandling" covers more than TSB: no single area.
    let t = one("Andel pasienter i psykisk helsevern og rusbehandling med behandlingsplan skal være minst 80 pst.");
    assert_eq!(t.target.subject, None);
}

#[test]
fn requirements_written_as_nouns_and_labels() {
    let t = one(
        "Kravet til epikrisetid er at minst 80 prosent av epikrisene skal sendes innen sju dager.",
    );
    assert_eq!(
        (t.target.comparator, t.target.threshold),
        (Comparator::AtLeast, Some(80.0))
    );
    let t = one("Styringsmålet for sykefravær i 2025 er lavere enn 8,0 prosent.");
    assert_eq!(
        (t.target.comparator, t.target.threshold),
        (Comparator::Below, Some(8.0))
    );
    let t = one("Måltal 2024: sjukefråvær 7,0 %.");
    assert_eq!(
        (t.target.comparator, t.target.threshold),
        (Comparator::AtMost, Some(7.0))
    );
    assert_eq!(t.target.target_year, Some(2024));
    let t = one("Fristbrudd – måltall 2025: 0");
    assert_eq!(
        (t.target.comparator, t.target.threshold),
        (Comparator::AtMost, Some(0.0))
    );
    let t = one("Det nasjonale målet er 65 dager eller mindre.");
    assert_eq!(
        (t.target.comparator, t.target.threshold),
        (Comparator::AtMost, Some(65.0))
    );
    let t = one(
        "Kravet for 2023 var at gjennomsnittleg ventetid ikkje skulle vere høgare enn 60 dagar.",
    );
    assert_eq!(t.target.threshold, Some(60.0));
    // A label with a figure of a measure whose better direction is unknown gives nothing.
    assert!(parse_targets("Måltall 2025: 14 stillinger.").is_empty());
    // A verdict is no target.
    assert!(parse_targets("Målet er nådd for alle fagområder.").is_empty());
}

#[test]
fn nynorsk_targets() {
    let t = one("Delen pasientar som får digital heimeoppfølging skal auke samanlikna med 2023.");
    assert_eq!(t.target.comparator, Comparator::Increase);
    assert_eq!(t.target.baseline_year, Some(2023));
    let ts = parse_targets("Gjennomsnittleg ventetid skal vere under 65 dagar i somatikken og under 50 dagar i psykisk helsevern vaksne.");
    assert_eq!(ts.len(), 2, "{ts:#?}");
    assert_eq!(ts[0].target.comparator, Comparator::Below);
    assert_eq!(ts[0].target.threshold, Some(65.0));
    assert_eq!(
        ts[1].target.subject.as_deref(),
        Some("Psykisk helsevern voksne")
    );
    let t = one("Talet på fristbrot skal reduserast til null.");
    assert_eq!(t.target.comparator, Comparator::AtMost);
    assert_eq!(t.target.threshold, Some(0.0));
    let t = one("Sjukefråværet skal vere lågare enn 7,5 prosent innan utgangen av 2026.");
    assert_eq!(t.target.comparator, Comparator::Below);
    assert_eq!(t.target.threshold, Some(7.5));
    assert_eq!(t.target.target_year, Some(2026));
}

#[test]
fn sentences_that_only_mention_skal_are_not_targets() {
    for s in [
        "Det skal rapporteres på utviklingen i tertialoppfølgingsmøtet i juni 2024.",
        "Sykehuset skal være i full drift i løpet av mai 2025.",
        "Sluttrapporten skal foreligge innen 1. august 2024.",
        "Helse Midt-Norge skal planlegge for at alle barnevernsinstitusjoner er tilknyttet et ambulant team.",
        "Tilbudene skal også ivareta behovene samiske barn og unge vil ha.",
        "De regionale helseforetakene skal samarbeide og utveksle erfaringer på tvers av helseregionene.",
        "Prosjektet skal fordeles over 3 år.",
    ] {
        assert!(parse_targets(s).is_empty(), "{s}: {:#?}", parse_targets(s));
    }
}

#[test]
fn requirement_from_the_enterprise_meeting() {
    let t = one("I foretaksmøtet 11. juni 2024 ble det stilt krav om å gi en særskilt årlig rapportering av utviklingen i bruken av innleie i helseforetakene i regionen, med målsetting om en vesentlig reduksjon innen to år.");
    assert_eq!(t.target.comparator, Comparator::Decrease);
    assert!(t.measure.contains("innleie"), "{}", t.measure);
}

#[test]
fn more_phrasings_a_reviewer_meets() {
    let cases: &[(&str, Comparator, Option<f64>, Option<TargetUnit>)] = &[
        ("Andelen pasienter som får time innen fristen skal være over 80 prosent.", Comparator::Above, Some(80.0), Some(TargetUnit::Percent)),
        ("Sykefraværet skal ikke overstige 7,5 prosent.", Comparator::AtMost, Some(7.5), Some(TargetUnit::Percent)),
        ("Andelen skal være lik eller høyere enn 80 %.", Comparator::AtLeast, Some(80.0), Some(TargetUnit::Percent)),
        ("Gjennomsnittlig ventetid skal være lavere enn 40 dager i psykisk helsevern for barn og unge.", Comparator::Below, Some(40.0), Some(TargetUnit::Days)),
        ("Helseforetakene skal redusere fristbruddene til null.", Comparator::AtMost, Some(0.0), Some(TargetUnit::Count)),
        ("Målet er at minst 90 % av pasientene skal få svar innen 10 dager.", Comparator::AtLeast, Some(90.0), Some(TargetUnit::Percent)),
        ("Forekomsten av sykehusinfeksjoner skal være under 5 per 100 000 innbyggere.", Comparator::Below, Some(5.0), Some(TargetUnit::Per100k)),
        ("Ventetida for pasientar i TSB skal vere under 30 dagar.", Comparator::Below, Some(30.0), Some(TargetUnit::Days)),
        ("Delen pasientar med individuell plan skal aukast samanlikna med 2023.", Comparator::Increase, None, Some(TargetUnit::Percent)),
        ("Talet på korridorpasientar skal reduserast med 25 prosent samanlikna med 2022.", Comparator::Decrease, None, Some(TargetUnit::Count)),
        ("Andelen skal økes med 10 prosentpoeng sammenlignet med 2023.", Comparator::Increase, None, Some(TargetUnit::Percent)),
    ];
    for (s, cmp, threshold, unit) in cases {
        let t = one(s);
        assert_eq!(t.target.comparator, *cmp, "{s}");
        assert_eq!(t.target.threshold, *threshold, "{s}");
        assert_eq!(t.target.unit, *unit, "{s}");
    }
}

#[test]
fn nothing_may_occur_is_at_most_zero() {
    for s in [
        "Det skal ikke være fristbrudd.",
        "Ingen pasientar skal vente meir enn 12 månader.",
        "Det skal ikkje vere korridorpasientar i 2025.",
    ] {
        let t = one(s);
        assert_eq!(
            (t.target.comparator, t.target.threshold),
            (Comparator::AtMost, Some(0.0)),
            "{s}"
        );
    }
    assert!(one("Ingen pasientar skal vente meir enn 12 månader.")
        .measure
        .contains("12 månader"));
}

#[test]
fn bare_share_and_year_label() {
    let t = one("Andelen barnevernsinstitusjoner som er tilknyttet et ambulant team skal være 100 prosent innen utgangen av 2025.");
    assert_eq!(
        (
            t.target.comparator,
            t.target.threshold,
            t.target.target_year
        ),
        (Comparator::AtLeast, Some(100.0), Some(2025))
    );
    let t = one("Styringsmål 2025: Andelen fristbrudd skal være under 2 prosent.");
    assert_eq!(t.target.target_year, Some(2025));
}
