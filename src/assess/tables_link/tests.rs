use super::*;

#[test]
fn table_references() {
    assert_eq!(referenced_numbers("jf. tabell 5.").0, vec![5]);
    assert_eq!(
        referenced_numbers("Se også tabell 1-3 nedenfor.").0,
        vec![1, 2, 3]
    );
    assert!(referenced_numbers("Jfr. tabell nedenfor, som viser status").1);
    assert_eq!(caption_number("Tabell 4: Ventetider"), Some(4));
}

#[test]
fn requirement_and_plan_columns_hold_no_results() {
    for h in [
        "Krav 2024",
        "Mål",
        "Måltal 2025",
        "Budsjett 2024",
        "Prognose",
        "Plan 2025",
        "Langsiktig mål (dager)",
        "Nasjonalt krav",
    ] {
        assert!(is_requirement_header(h), "{h}");
    }
    for h in [
        "Hittil i år 2024",
        "Resultat 2024",
        "Målt verdi",
        "2024",
        "Måling",
        "Langsiktig utvikling",
    ] {
        assert!(!is_requirement_header(h), "{h}");
    }
}

#[test]
fn change_headers_and_unit_hints() {
    assert!(is_change_header("Endring (%)"));
    assert!(is_change_header("endringar"));
    assert!(is_change_header("+/-"));
    assert!(is_change_header("Avvik"));
    assert!(!is_change_header("Ventetid (dagar)"));
    assert!(!is_change_header("2024"));
    assert_eq!(unit_hint("Andel fristbrudd (%)"), Some(TargetUnit::Percent));
    assert_eq!(unit_hint("Ventetid BUP (dagar)"), Some(TargetUnit::Days));
    assert_eq!(
        unit_hint("Tabell 1: Del pakkeforløp, prosent"),
        Some(TargetUnit::Percent)
    );
    assert_eq!(unit_hint("Helseføretak"), None);
    assert_eq!(unit_hint("Ansatte 2025"), Some(TargetUnit::Count));
    assert_eq!(unit_hint("Andel ansatte (%)"), Some(TargetUnit::Percent));
    assert_eq!(unit_hint("Kostnad (kr) per dag"), Some(TargetUnit::Nok));
    assert_eq!(unit_hint("Dagar (%)"), None);
}

#[test]
fn columns_answer_by_unit_and_change_columns_by_none() {
    let t = Table {
        line: 1,
        end_line: 4,
        caption: None,
        header: vec![
            "Føretak".into(),
            "Fristbrot (%)".into(),
            "Ventetid (dagar)".into(),
            "Endring".into(),
        ],
        rows: vec![
            vec![
                "Helse Fonna HF".into(),
                "3,1".into(),
                "45".into(),
                "-2".into(),
            ],
            vec![
                "Helse Førde HF".into(),
                "2,0".into(),
                "38".into(),
                "+1".into(),
            ],
        ],
        row_lines: vec![3, 4],
    };
    let tv = table_values(&t);
    assert!(tv.cells.iter().all(|c| c.header != "Endring"));
    let days = Target {
        comparator: crate::model::Comparator::Below,
        threshold: Some(40.0),
        unit: Some(TargetUnit::Days),
        baseline_year: None,
        change_pct: None,
        change_pp: None,
        target_year: None,
        subject: None,
        long_term: false,
    };
    // The measure names neither column: the unit picks the days column.
    let obs = observations_for(&tv, &days, "gjennomsnittleg tid");
    let got: Vec<Option<f64>> = obs.iter().map(|o| o.obs.value).collect();
    assert_eq!(got, [Some(45.0), Some(38.0)]);
    let share = Target {
        unit: Some(TargetUnit::Percent),
        threshold: Some(5.0),
        comparator: crate::model::Comparator::AtMost,
        ..days
    };
    let obs = observations_for(&tv, &share, "delen");
    let got: Vec<Option<f64>> = obs.iter().map(|o| o.obs.value).collect();
    assert_eq!(got, [Some(3.1), Some(2.0)]);
}

#[test]
fn a_column_that_names_the_unit_keeps_bare_counts_out() {
    // "Behandla pasientar" counts; only the column headed "(mill. kr)" answers a result in
    // kroner. Before, the count was read as kroner for the region.
    let t = Table {
        line: 1,
        end_line: 4,
        caption: None,
        header: vec![
            "Føretak".into(),
            "Behandla pasientar somatikk".into(),
            "Resultat 2025 (mill. kr)".into(),
        ],
        rows: vec![
            vec!["Helse Fonna".into(), "27 900".into(), "21,4".into()],
            vec!["Helse Vest".into(), "207 200".into(), "342,0".into()],
        ],
        row_lines: vec![3, 4],
    };
    let tv = table_values(&t);
    let result = level(
        crate::model::Comparator::AtLeast,
        Some(300e6),
        TargetUnit::Nok,
    );
    assert_eq!(
        values_read(&tv, &result, "eit overskot"),
        [Some(21.4e6), Some(342e6)]
    );
}

#[test]
fn a_column_of_full_time_equivalents_is_no_share_under_a_percent_caption() {
    // "Årsverk 2025" beside "2025" under a caption in percent: the share is the year's column.
    let t = Table {
        line: 1,
        end_line: 4,
        caption: Some("Tabell 2 Sykefravær (prosent)".into()),
        header: vec![
            "Helseforetak".into(),
            "2024".into(),
            "2025".into(),
            "Årsverk 2025".into(),
        ],
        rows: vec![
            vec!["UNN".into(), "8,6".into(), "8,1".into(), "6 950".into()],
            vec![
                "Nordlandssykehuset".into(),
                "8,9".into(),
                "8,6".into(),
                "4 180".into(),
            ],
        ],
        row_lines: vec![3, 4],
    };
    let tv = table_values(&t);
    let share = level(
        crate::model::Comparator::AtMost,
        Some(8.5),
        TargetUnit::Percent,
    );
    assert_eq!(
        values_read(&tv, &share, "sykefraværet"),
        [Some(8.1), Some(8.6)]
    );
}

#[test]
fn entity_rows_with_year_columns() {
    let t = Table {
        line: 10,
        end_line: 14,
        caption: Some("Tabell 2: Sjukefråvær".into()),
        header: vec!["Sjukefråvær".into(), "2024".into(), "2023".into()],
        rows: vec![
            vec!["Helse Bergen HF".into(), "7,1 %".into(), "7,4 %".into()],
            vec!["Helse Førde HF".into(), "8,0 %".into(), "7,7 %".into()],
        ],
        row_lines: vec![12, 13],
    };
    let tv = table_values(&t);
    let target = Target {
        comparator: crate::model::Comparator::Decrease,
        threshold: None,
        unit: None,
        baseline_year: Some(2023),
        change_pct: None,
        change_pp: None,
        target_year: None,
        subject: None,
        long_term: false,
    };
    let obs = observations_for(&tv, &target, "sjukefråvær");
    assert_eq!(obs.len(), 2);
    assert_eq!(obs[0].obs.entity, "Helse Bergen HF");
    assert_eq!(
        (obs[0].obs.baseline_value, obs[0].obs.value),
        (Some(7.4), Some(7.1))
    );
    assert_eq!(obs[1].line, 13);
}

#[test]
fn measure_rows_in_a_table_by_trust() {
    // One column per trust, one row per measure: each row answers its own measure only.
    let row = |l: &str, a: &str, b: &str| vec![l.to_string(), a.to_string(), b.to_string()];
    let t = Table {
        line: 1,
        end_line: 6,
        caption: Some("Tabell 1 Status per helseforetak".into()),
        header: vec![
            "Indikator".into(),
            "UNN".into(),
            "Nordlandssykehuset".into(),
        ],
        rows: vec![
            row("Ventetid somatikk (dager)", "58", "61"),
            row("Andel fristbrudd (%)", "2,4", "3,1"),
            row("Korridorpasienter (per døgn)", "9,2", "5,4"),
            row("Sykefravær 2023 (%)", "8,4", "7,5"),
            row("Sykefravær 2024 (%)", "8,1", "7,7"),
        ],
        row_lines: vec![3, 4, 5, 6, 7],
    };
    let tv = table_values(&t);
    let below = Target {
        comparator: crate::model::Comparator::Below,
        threshold: Some(2.5),
        unit: Some(TargetUnit::Percent),
        baseline_year: None,
        change_pct: None,
        change_pp: None,
        target_year: None,
        subject: None,
        long_term: false,
    };
    let obs = observations_for(&tv, &below, "Andelen fristbrudd");
    let got: Vec<(String, Option<f64>)> = obs
        .iter()
        .map(|o| (o.obs.entity.clone(), o.obs.value))
        .collect();
    assert_eq!(
        got,
        [
            ("Universitetssykehuset Nord-Norge HF".to_string(), Some(2.4)),
            ("Nordlandssykehuset HF".to_string(), Some(3.1))
        ]
    );
    // A measure no row names gets nothing (not the waiting-time row of its area).
    let none = Target {
        comparator: crate::model::Comparator::AtMost,
        threshold: Some(0.0),
        unit: Some(TargetUnit::Count),
        ..below.clone()
    };
    assert!(observations_for(&tv, &none, "epikriser").is_empty());
    // Year rows give the baseline and the value.
    let decrease = Target {
        comparator: crate::model::Comparator::Decrease,
        threshold: None,
        baseline_year: Some(2023),
        target_year: Some(2024),
        ..below
    };
    let obs = observations_for(&tv, &decrease, "Sykefraværet");
    assert_eq!(
        (obs[1].obs.baseline_value, obs[1].obs.value),
        (Some(7.5), Some(7.7))
    );
}

/// A level target (comparator, threshold, unit) with no years or change.
fn level(comparator: crate::model::Comparator, threshold: Option<f64>, unit: TargetUnit) -> Target {
    Target {
        comparator,
        threshold,
        unit: Some(unit),
        baseline_year: None,
        change_pct: None,
        change_pp: None,
        target_year: None,
        subject: None,
        long_term: false,
    }
}

/// The values a table gives a target, in row order.
fn values_read(tv: &TableValues, target: &Target, measure: &str) -> Vec<Option<f64>> {
    observations_for(tv, target, measure)
        .iter()
        .map(|o| o.obs.value)
        .collect()
}
