use super::*;
use crate::model::{Comparator, Status};

fn table(csv: &str) -> Table {
    let raw = crate::intake::read_table(csv);
    Table {
        line: raw.header_line.max(1),
        end_line: raw.end_line.max(1),
        caption: None,
        header: raw.header,
        rows: raw.rows,
        row_lines: raw.row_lines,
    }
}

/// The target judged, when the words or the file decide the measure.
fn judged(t: &Table, m: &Mapping, text: &str) -> Indicator {
    let typed = assess(t, m, text, None).unwrap_or_else(|e| panic!("{text}: {e:?}"));
    typed
        .indicator
        .unwrap_or_else(|| panic!("{text}: asks {:?}", typed.candidates))
}

const WIDE: &str = "Helseforetak;Sykefravær 2023;Sykefravær 2024\n\
    St. Olavs hospital HF;7,9;6,1\n\
    Helse Møre og Romsdal HF;7,0;6,9\n\
    Helse Nord-Trøndelag HF;8,0;8,4\n";

#[test]
fn wide_norwegian_csv_is_guessed_and_judged_against_a_reduction_target() {
    let t = table(WIDE);
    let m = guess_mapping(&t);
    assert_eq!(m.entity, 0);
    assert_eq!(m.year, None);
    assert_eq!(m.values, vec![(1, Some(2023)), (2, Some(2024))]);
    let ind = judged(&t, &m, "skal reduseres med 20 % sammenlignet med 2023");
    assert_eq!(ind.target.comparator, Comparator::Decrease);
    assert_eq!(ind.measure, "Sykefravær");
    assert_eq!(ind.verdicts.len(), 3);
    // 7,9 → 6,1 is −22,8 %: met. 7,0 → 6,9 is −1,4 %: not met. 8,0 → 8,4 rose: not met.
    let st: Vec<_> = ind.verdicts.iter().map(|v| v.status).collect();
    assert_eq!(
        st,
        vec![
            VerdictStatus::Met,
            VerdictStatus::NotMet,
            VerdictStatus::NotMet
        ]
    );
    assert_eq!(ind.verdicts[0].value, Some(6.1));
    assert_eq!(ind.verdicts[0].baseline_value, Some(7.9));
    assert_eq!(ind.verdicts[0].year, Some(2024));
    assert_eq!(ind.verdicts[0].line, 2);
    assert_eq!(ind.status, Status::Partial);
}

#[test]
fn long_csv_with_a_threshold_in_plain_words() {
    let csv = "Foretak;År;Andel\n\
        Helse Alfa;2023;93,5\n\
        Helse Alfa;2024;96,1\n\
        Helse Beta;2023;97,0\n\
        Helse Beta;2024;94,2\n";
    let t = table(csv);
    let m = guess_mapping(&t);
    assert_eq!(m.entity, 0);
    assert_eq!(m.year, Some(1));
    assert_eq!(m.values, vec![(2, None)]);
    let ind = judged(&t, &m, "minst 95 pst.");
    assert_eq!(ind.target.comparator, Comparator::AtLeast);
    assert_eq!(ind.target.threshold, Some(95.0));
    // The latest year (2024) decides: Alfa 96,1 met, Beta 94,2 not met; unknown names kept.
    assert_eq!(ind.verdicts[0].entity, "Helse Alfa");
    assert_eq!(ind.verdicts[0].status, VerdictStatus::Met);
    assert_eq!(ind.verdicts[0].value, Some(96.1));
    assert_eq!(ind.verdicts[1].status, VerdictStatus::NotMet);
    assert_eq!(ind.verdicts[1].year, Some(2024));
}

#[test]
fn a_target_year_picks_that_year_and_entity_names_are_resolved() {
    let csv = "Navn;2022;2023;2024\nSt. Olav hospital;91;96;90\n";
    let t = table(csv);
    let m = guess_mapping(&t);
    let ind = judged(&t, &m, "Andelen skal være minst 95 pst. i 2023");
    let v = &ind.verdicts[0];
    assert_eq!(v.year, Some(2023));
    assert_eq!(v.value, Some(96.0));
    assert_eq!(v.status, VerdictStatus::Met);
    assert!(v.entity.contains("Olav"), "{}", v.entity);
}

#[test]
fn a_measure_column_gives_the_measures_and_the_target_goes_to_the_one_in_its_unit() {
    let csv = "Indikator;Foretak;År;Verdi;Kommentar\n\
        Ventetid;Helse Alfa;2024;55;ok\n\
        Fristbrudd;Helse Alfa;2024;3;ok\n";
    let t = table(csv);
    let m = guess_mapping(&t);
    assert_eq!(m.entity, 1);
    assert_eq!(m.measure, Some(0));
    assert_eq!(m.values, vec![(3, None)]);
    let names: Vec<(String, MeasureUnit)> = measures(&t, &m)
        .into_iter()
        .map(|x| (x.name, x.unit))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Ventetid".to_string(), MeasureUnit::Days),
            ("Fristbrudd".to_string(), MeasureUnit::Unknown)
        ]
    );
    // A target in days names no measure; the one measure in days takes it.
    let ind = judged(&t, &m, "under 60 dager");
    assert_eq!(ind.measure, "Ventetid");
    assert_eq!(ind.verdicts.len(), 1);
    assert_eq!(ind.verdicts[0].value, Some(55.0));
    assert_eq!(ind.verdicts[0].status, VerdictStatus::Met);
    // Named, the other measure: "Fristbrudd" alone.
    let ind = judged(&t, &m, "Fristbrudd skal være maks 5");
    assert_eq!(ind.measure, "Fristbrudd");
    assert_eq!(ind.verdicts[0].value, Some(3.0));
    // The user says the measure column is not one: the value column is the one measure.
    let m2 = Mapping {
        measure: None,
        ..m.clone()
    };
    assert_eq!(judged(&t, &m2, "under 60 dager").verdicts.len(), 1);
}

const TWO_MEASURES: &str =
    "Helseforetak;Sykefravær 2023;Sykefravær 2024;Antall ansatte 2023;Antall ansatte 2024\n\
    St. Olavs hospital HF;9,4;8,6;11 250;11 410\n\
    Helse Møre og Romsdal HF;8,7;9,3;6 880;6 950\n\
    Helse Nord-Trøndelag HF;8,1;8,9;2 960;3 010\n";

#[test]
fn a_typed_target_applies_to_the_measure_it_names_as_a_threshold() {
    let t = table(TWO_MEASURES);
    let m = guess_mapping(&t);
    assert_eq!(m.values.len(), 4);
    let ms = measures(&t, &m);
    let names: Vec<&str> = ms.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, vec!["Sykefravær", "Antall ansatte"]);
    assert_eq!(ms[0].unit, MeasureUnit::Percent);
    assert_eq!(ms[1].unit, MeasureUnit::Count);
    for text in [
        "sykefraværet skal ikke være høyere enn 9 %",
        "Sjukefråværet skal ikkje vere høgare enn 9 %",
    ] {
        let ind = judged(&t, &m, text);
        assert_eq!(ind.measure, "Sykefravær", "{text}");
        // At most 9 %, a threshold: no baseline, though the file has 2023.
        assert_eq!(ind.target.comparator, Comparator::AtMost, "{text}");
        assert_eq!(ind.target.threshold, Some(9.0));
        let got: Vec<(Option<f64>, Option<f64>, VerdictStatus)> = ind
            .verdicts
            .iter()
            .map(|v| (v.value, v.baseline_value, v.status))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(8.6), None, VerdictStatus::Met),
                (Some(9.3), None, VerdictStatus::NotMet),
                (Some(8.9), None, VerdictStatus::Met),
            ],
            "{text}"
        );
    }
    // Named by none of its words, a percent target still never goes to the count.
    let ind = judged(&t, &m, "ikke høyere enn 9 %");
    assert_eq!(ind.measure, "Sykefravær");
    assert_eq!(ind.verdicts[0].baseline_value, None);
}

#[test]
fn a_percent_target_is_never_judged_against_a_count() {
    let t = table(TWO_MEASURES);
    let m = guess_mapping(&t);
    let e = assess(&t, &m, "antall ansatte skal være minst 95 %", None).unwrap_err();
    assert_eq!(
        e,
        MapError::Unit {
            measure: "Antall ansatte".into(),
            target: MeasureUnit::Percent,
            found: MeasureUnit::Count
        }
    );
    assert!(
        e.message(false).contains("«Antall ansatte» er et antall"),
        "{}",
        e.message(false)
    );
    assert!(e.message(true).contains("a count"), "{}", e.message(true));
    // A file of counts only: the one measure is refused, not judged.
    let counts = "Helseforetak;Antall ansatte 2023;Antall ansatte 2024\nHelse Alfa;120;130\n";
    let t = table(counts);
    let m = guess_mapping(&t);
    assert!(matches!(
        assess(&t, &m, "minst 95 %", None),
        Err(MapError::Unit { .. })
    ));
    // Nor a percent column by its cells, whatever its header.
    let cells = "Helseforetak;Verdi 2024;Tall 2024\nHelse Alfa;7 %;40\n";
    let t = table(cells);
    let m = guess_mapping(&t);
    let ms = measures(&t, &m);
    assert_eq!(ms[0].unit, MeasureUnit::Percent);
}

#[test]
fn the_user_is_asked_which_measure_when_the_words_name_none() {
    let csv = "Helseforetak;Sykefravær 2024;Andel heltid 2024\n\
        Helse Alfa;8,2;71,0\n\
        Helse Beta;9,6;64,5\n";
    let t = table(csv);
    let m = guess_mapping(&t);
    // Both are percentages: which one is the user's to say.
    let typed = assess(&t, &m, "ikke høyere enn 9 %", None).unwrap();
    assert_eq!(typed.indicator, None);
    assert_eq!(typed.candidates, vec!["Sykefravær", "Andel heltid"]);
    // Picked, it is judged; the choice stays open to change.
    let typed = assess(&t, &m, "ikke høyere enn 9 %", Some("Sykefravær")).unwrap();
    let ind = typed.indicator.expect("judged");
    assert_eq!(ind.measure, "Sykefravær");
    assert_eq!(ind.verdicts[1].status, VerdictStatus::NotMet);
    assert_eq!(typed.candidates.len(), 2);
    // A pick that is not a candidate asks again; words that name one need no pick.
    assert_eq!(
        assess(&t, &m, "ikke høyere enn 9 %", Some("Nope"))
            .unwrap()
            .indicator,
        None
    );
    let ind = judged(&t, &m, "Andelen heltid skal være minst 70 %");
    assert_eq!(ind.measure, "Andel heltid");
}

#[test]
fn a_long_table_with_several_value_columns_gives_one_measure_a_column() {
    let csv = "Foretak;År;Sykefravær;Antall ansatte\n\
        Helse Alfa;2023;9,1;1200\n\
        Helse Alfa;2024;8,4;1250\n\
        Helse Beta;2024;9,8;800\n";
    let t = table(csv);
    let m = guess_mapping(&t);
    assert_eq!(m.year, Some(1));
    // "Antall" is a value word: listed first.
    assert_eq!(m.values, vec![(3, None), (2, None)]);
    let ind = judged(&t, &m, "sykefraværet skal være under 9 %");
    assert_eq!(ind.measure, "Sykefravær");
    let got: Vec<(Option<f64>, VerdictStatus)> =
        ind.verdicts.iter().map(|v| (v.value, v.status)).collect();
    assert_eq!(
        got,
        vec![
            (Some(8.4), VerdictStatus::Met),
            (Some(9.8), VerdictStatus::NotMet)
        ]
    );
    // The layout switch keeps every column of figures.
    let wide = with_layout(&t, &m, false);
    assert!(wide.values.is_empty() && wide.year.is_none());
    assert_eq!(with_layout(&t, &wide, true), m);
    assert_eq!(value_columns(&t, &m), m.values);
}

#[test]
fn a_judged_target_joins_the_documents_targets_and_its_export() {
    let text = TWO_MEASURES;
    let doc = crate::analyze("fravaer.csv", text.as_bytes())
        .unwrap()
        .report;
    assert!(doc.indicators.is_empty());
    let t = doc.tables[0].clone();
    let m = guess_mapping(&t);
    let ind = judged(&t, &m, "sykefraværet skal ikke være høyere enn 9 %");
    let with = add_target(&doc, ind.clone());
    assert_eq!(with.indicators.len(), 1);
    assert_eq!(with.indicators[0].id, "csv-1");
    // Typed again: replaced, not doubled; another target is the second.
    let again = add_target(&with, ind);
    assert_eq!(again.indicators.len(), 1);
    let other = judged(&t, &m, "sykefraværet skal være under 8 %");
    let two = add_target(&again, other);
    let ids: Vec<&str> = two.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, vec!["csv-1", "csv-2"]);
    // In the contract JSON and the verdicts CSV like any other target.
    let json = serde_json::to_value(crate::report::Report::new(vec![two.clone()])).unwrap();
    assert_eq!(
        json["documents"][0]["indicators"][0]["measure"],
        "Sykefravær"
    );
    assert_eq!(
        json["documents"][0]["indicators"][0]["target"]["comparator"],
        "at_most"
    );
}

#[test]
fn no_target_or_no_values_is_an_error_not_a_panic() {
    let t = table(WIDE);
    let m = guess_mapping(&t);
    assert_eq!(assess(&t, &m, "hei", None), Err(MapError::NoTarget));
    assert!(assess(&t, &m, "", None).is_err());
    let none = Mapping {
        values: vec![],
        ..m.clone()
    };
    assert_eq!(
        assess(&t, &none, "minst 95 pst.", None),
        Err(MapError::NoValueColumns)
    );
    let out_of_range = Mapping {
        entity: 99,
        year: Some(77),
        measure: Some(55),
        values: vec![(42, None)],
    };
    assert!(assess(&t, &out_of_range, "minst 95 pst.", None).is_err());
    let empty = table("");
    let _ = guess_mapping(&empty);
    let _ = measures(&empty, &Mapping::default());
    for e in [MapError::NoTarget, MapError::NoFigures] {
        assert_ne!(e.message(false), e.message(true));
    }
}
