use super::*;

#[test]
fn several_areas_in_one_sentence_without_a_name() {
    let s = "Ventetida i somatikken gjekk ned frå 61 dagar i 2023 til 57 dagar i 2024, medan ventetida i TSB auka frå 38 til 41 dagar.";
    let obs = observations(s, Some(TargetUnit::Days), Some("Regionen"));
    let got: Vec<(Option<String>, Option<f64>, Option<f64>)> = obs
        .iter()
        .map(|o| (o.subject.clone(), o.baseline_value, o.value))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("Somatikk".into()), Some(61.0), Some(57.0)),
            (Some("TSB".into()), Some(38.0), Some(41.0))
        ]
    );
}

mod same_both_years {
    use super::*;

    #[test]
    fn same_figure_both_years() {
        let obs = observations(
            "I TSB var ventetida 33 dagar både i 2023 og i 2024.",
            Some(TargetUnit::Days),
            Some("Regionen"),
        );
        assert_eq!(obs.len(), 1, "{obs:#?}");
        assert_eq!(
            (obs[0].baseline_value, obs[0].value),
            (Some(33.0), Some(33.0))
        );
        assert_eq!(obs[0].subject.as_deref(), Some("TSB"));
    }
}

mod brackets_and_respectively {
    use super::*;

    #[test]
    fn a_name_left_out_by_an_exception_owns_no_direction() {
        // "Alle unntatt X har halde …": the direction is the others', not X's.
        let o = observations(
            "Alle føretaka unntatt Helse Stavanger har halde delen korridorpasientar på same nivå eller lågare enn i 2023.",
            Some(TargetUnit::Percent),
            Some("Regionen"),
        );
        assert!(o.iter().all(|o| o.entity != "Helse Stavanger HF"), "{o:?}");
        // Its own figure after it is still its.
        assert_eq!(
            values("Målet for TSB er nådd i alle helseforetak unntatt Sykehuset Innlandet, som hadde 34 prosent."),
            vec![("Sykehuset Innlandet HF".to_string(), None, Some(34.0))]
        );
    }

    fn values(s: &str) -> Vec<(String, Option<f64>, Option<f64>)> {
        observations(s, Some(TargetUnit::Percent), Some("Regionen"))
            .into_iter()
            .map(|o| (o.entity, o.baseline_value, o.value))
            .collect()
    }

    #[test]
    fn the_base_of_a_rate_is_no_value() {
        let got: Vec<(Option<f64>, Option<f64>)> = observations(
            "Det gir 1,02 infeksjonar per 1 000 liggjedøgn, mot 1,25 året før.",
            None,
            Some("Regionen"),
        )
        .into_iter()
        .map(|o| (o.value, o.baseline_value))
        .collect();
        assert_eq!(got, vec![(Some(1.02), Some(1.25))]);
    }

    #[test]
    fn a_change_in_days_is_not_a_level() {
        let days = |s: &str| -> Vec<Option<f64>> {
            observations(s, Some(TargetUnit::Days), Some("Regionen"))
                .into_iter()
                .map(|o| o.value)
                .collect()
        };
        // Fail: the size of a change, in the target's own unit, is no level (a relative
        // change restated beside it, "eller 12,5 prosent", is read as a change).
        for s in [
            "I somatikken ble ventetiden redusert med 4 dager.",
            "I psykisk helsevern for voksne gikk ventetiden ned med 4 dager, eller 12,5 prosent.",
            "I psykisk helsevern for barn og unge var nedgangen 6 dager.",
            "I TSB auka ventetida med 2 dagar.",
            "Det gir ein nedgang på om lag 3 dagar.",
        ] {
            assert!(days(s).iter().all(Option::is_none), "{s}: {:?}", days(s));
        }
        // Pass: the level beside the change, and levels after "til" or "på".
        assert_eq!(
            days("Ventetiden ble redusert med 4 dager til 57 dager."),
            vec![Some(57.0)]
        );
        assert_eq!(days("Ventetiden gikk ned til 52 dager."), vec![Some(52.0)]);
        assert_eq!(
            days("Ventetiden på 57 dager er den laveste siden 2019."),
            vec![Some(57.0)]
        );
    }

    #[test]
    fn the_bracketed_earlier_figure_is_the_baseline() {
        // nynorsk
        assert_eq!(
            values("For regionen samla var delen 1,9 prosent (2,4 prosent i 2023)."),
            vec![("Regionen".into(), Some(2.4), Some(1.9))]
        );
        // bokmål, year first
        assert_eq!(
            values("Samlet var andelen 1,9 prosent (2023: 2,4 prosent)."),
            vec![("Regionen".into(), Some(2.4), Some(1.9))]
        );
        // Both years written: the later one is the value.
        assert_eq!(
            values("Sykefraværet var 7,4 prosent i 2024 (7,6 prosent i 2023)."),
            vec![("Regionen".into(), Some(7.6), Some(7.4))]
        );
        // A bracketed share without a year is not an earlier value.
        assert_eq!(
            values("Andelen var 6,3 prosent (av 1 222 pasienter)."),
            vec![("Regionen".into(), None, Some(6.3))]
        );
    }

    #[test]
    fn a_bracket_after_the_area_gives_that_area_its_earlier_figure() {
        let obs = observations(
            "For regionen var ventetida i 2024 66 dagar i somatikken (69 dagar i 2023), 47 dagar i psykisk helsevern vaksne (45) og 34 dagar i TSB (37).",
            Some(TargetUnit::Days),
            Some("Regionen"),
        );
        type Row<'a> = (Option<&'a str>, Option<f64>, Option<f64>, Option<i32>);
        let got: Vec<Row> = obs
            .iter()
            .map(|o| {
                (
                    o.subject.as_deref(),
                    o.value,
                    o.baseline_value,
                    o.baseline_year,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Somatikk"), Some(66.0), Some(69.0), Some(2023)),
                (
                    Some("Psykisk helsevern voksne"),
                    Some(47.0),
                    Some(45.0),
                    Some(2023)
                ),
                (Some("TSB"), Some(34.0), Some(37.0), Some(2023)),
            ]
        );
        // The unit left out in the bracket; the one area named opens the sentence (bokmål).
        let obs = observations(
            "I somatikken hadde UNN 64 dager (2023: 70) og Finnmarkssykehuset 73 dager (2023: 73).",
            Some(TargetUnit::Days),
            None,
        );
        assert_eq!(obs.len(), 2);
        assert!(obs.iter().all(|o| o.subject.as_deref() == Some("Somatikk")));
        assert_eq!(
            (obs[0].value, obs[0].baseline_value),
            (Some(64.0), Some(70.0))
        );
        // A bare bracket with no year anywhere in the sentence is no earlier value.
        let obs = observations("Ventetida var 47 dagar (45).", Some(TargetUnit::Days), None);
        assert!(obs.iter().all(|o| o.baseline_value.is_none()));
    }

    #[test]
    fn a_year_opening_the_sentence_dates_its_figures() {
        let obs = observations(
            "I 2023 var det 545 tvangsinnleggingar, eller 112 per 100 000 innbyggjarar.",
            Some(TargetUnit::Per100k),
            Some("Regionen"),
        );
        assert_eq!(obs.len(), 1);
        assert_eq!((obs[0].value, obs[0].year), (Some(112.0), Some(2023)));
        // Two years: the opening one does not date every figure.
        let obs = observations(
            "I 2024 var delen 3,1 prosent, mot 3,4 prosent i 2023.",
            Some(TargetUnit::Percent),
            Some("Regionen"),
        );
        assert!(obs
            .iter()
            .all(|o| o.year != Some(2024) || o.value == Some(3.1)));
    }

    #[test]
    fn respectively_pairs_names_with_figures_in_order() {
        // nynorsk
        let got = values(
            "Helse Førde nådde 82 pst. og Helse Fonna 79,5 pst., medan Helse Bergen og Helse Stavanger låg på høvesvis 76 og 78 pst.",
        );
        for (e, v) in [
            ("Helse Førde HF", 82.0),
            ("Helse Fonna HF", 79.5),
            ("Helse Bergen HF", 76.0),
            ("Helse Stavanger HF", 78.0),
        ] {
            assert!(
                got.iter().any(|(n, _, x)| n == e && *x == Some(v)),
                "{e} {v}: {got:?}"
            );
        }
        assert_eq!(got.len(), 4, "{got:?}");
        // bokmål
        let got = values("St. Olavs hospital og Helse Møre og Romsdal hadde henholdsvis 84 prosent og 92 prosent.");
        assert_eq!(
            got,
            vec![
                ("St. Olavs hospital HF".into(), None, Some(84.0)),
                ("Helse Møre og Romsdal HF".into(), None, Some(92.0))
            ]
        );
        // Counts that do not agree: no pairing.
        let got = values("Helse Bergen og Helse Stavanger låg på høvesvis 76 pst.");
        assert!(
            !got.iter().any(|(n, _, _)| n == "Helse Bergen HF"),
            "{got:?}"
        );
    }
}

#[test]
fn respectively_with_the_names_after_the_figures() {
    let text = "Årleg melding 2024 Helse Nord RHF\n\nMinst 70 prosent av pakkeforløpa skal gjennomførast innanfor normert forløpstid.\n\n\
        Delen var høvesvis 68,4, 73,1 og 66,2 prosent ved UNN, Nordlandssykehuset og Finnmarkssykehuset.\n";
    let r = crate::analyze("t.txt", text.as_bytes())
        .expect("report")
        .report;
    let mut got: Vec<(String, Option<f64>)> = r.indicators[0]
        .verdicts
        .iter()
        .map(|v| (v.entity.clone(), v.value))
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        vec![
            ("Finnmarkssykehuset HF".to_string(), Some(66.2)),
            ("Nordlandssykehuset HF".to_string(), Some(73.1)),
            (
                "Universitetssykehuset Nord-Norge HF".to_string(),
                Some(68.4)
            ),
        ]
    );
    // Fail: three figures and two names pair nothing; the middle figure is no one's.
    let text = text.replace(
        "UNN, Nordlandssykehuset og Finnmarkssykehuset",
        "UNN og Finnmarkssykehuset",
    );
    let r = crate::analyze("t.txt", text.as_bytes())
        .expect("report")
        .report;
    assert!(
        r.indicators[0]
            .verdicts
            .iter()
            .all(|v| v.value != Some(73.1)),
        "{:?}",
        r.indicators[0].verdicts
    );
}
