use crate::model::{Claim, Comparator, FindingKind, TargetUnit, VerdictStatus};
use crate::report::DocumentReport;

#[test]
fn header_words_pass_the_gate_and_units_are_named() {
    let lex = crate::document::lexicon();
    assert!(!lex.target_table_target_headers.is_empty());
    for w in &lex.target_table_target_headers {
        assert!(super::TARGET_GATE.iter().any(|g| w.contains(g)), "{w}");
    }
    for (w, name) in &lex.target_table_label_units {
        assert!(
            super::target_cell::unit_named(name).is_some(),
            "{w}: {name}"
        );
    }
    assert_eq!(
        lex.target_table_label_units.first(),
        Some(&("dager".to_string(), "days"))
    );
}

/// The lines of the report's claim_mismatch findings.
fn mismatch_lines(d: &DocumentReport) -> Vec<usize> {
    d.findings
        .iter()
        .filter(|f| f.kind == FindingKind::ClaimMismatch)
        .map(|f| f.line)
        .collect()
}

fn report(text: &str) -> DocumentReport {
    crate::analyze("t.txt", text.as_bytes())
        .map(|a| a.report)
        .unwrap_or_else(|e| panic!("{e}"))
}

const BOKMAAL: &str = "Årlig melding 2024\n\
        \n\
        Indikator                     Måltall    Resultat    Resultat    Vurdering\n\
        \x20                             2024       2023        2024\n\
        Ventetid i TSB,\n\
        gjennomsnitt (dager)          < 40       44          41          Innfridd\n\
        Sykefravær                    ≤ 8 %      8,6 %       8,4 %       Ikke innfridd\n\
        Antall korridorpasienter      –20 %      500         390         Innfridd\n\
        \n\
        Kilde: foretakenes tall.\n";

#[test]
fn names_above_a_fuller_header_line_join_the_columns_they_stand_over() {
    // "Mål" over "2025" and "Helse" over "Nord": the line under them holds every column,
    // one per trust by its short name.
    let d = report(
        "Tabell 1 Styringsindikatorer per helseforetak, oktober 2025
                                                 Mål                                  Helse
             Indikator                           2025      UNN      NLSH     FIN       Nord
             Ventetid somatikk, dager            < 60      64       58       60        61
             Epikrise sendt innen 1 dag, %       ≥ 70      68,4     71,2     70,0      70,1
",
    );
    let got: Vec<(String, Option<f64>, VerdictStatus)> = d
        .indicators
        .iter()
        .flat_map(|i| i.verdicts.iter())
        .map(|v| (v.entity.clone(), v.value, v.status))
        .collect();
    assert_eq!(got.len(), 8, "{got:#?}");
    assert!(got.contains(&(
        "Finnmarkssykehuset HF".to_string(),
        Some(60.0),
        VerdictStatus::NotMet
    )));
    assert!(got.contains(&(
        "Finnmarkssykehuset HF".to_string(),
        Some(70.0),
        VerdictStatus::Met
    )));
    assert!(got.contains(&("Helse Nord RHF".to_string(), Some(70.1), VerdictStatus::Met)));
}

#[test]
fn a_status_colour_beside_trust_columns_and_a_label_wrapped_under_its_values() {
    // The label's second line comes under the row's values; the status column holds
    // traffic-light colours.
    let d = report(
        "Tabell 1 Styringsmål 2025\n\
             Styringsmål                          Mål 2025  St. Olav   HMR     HNT     Status\n\
             Gj.snittlig ventetid psykisk           < 40       38       43      36      gul\n\
             helsevern voksne (dager)\n\
             Andel fristbrudd (%)                   ≤ 1,0      0,8      0,9     0,6     grønn\n",
    );
    let got: Vec<(Option<String>, Option<Claim>, usize)> = d
        .indicators
        .iter()
        .map(|i| (i.target.subject.clone(), i.claim, i.verdicts.len()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("Psykisk helsevern voksne".to_string()),
                Some(Claim::Partial),
                3
            ),
            (None, Some(Claim::Met), 3)
        ],
        "{d:#?}"
    );
}

#[test]
fn a_requirement_cell_of_none_is_at_most_zero() {
    let d = report(
        "Tabell 1 Styringsparametere 2025\n\
             Styringsparameter                         Mål         Hittil 2025   Status\n\
             Korridorpasienter somatikk (per døgn)     Ingen       31            Ikke nådd\n\
             Ventetid TSB (dager)                      Reduksjon   30            Nådd\n",
    );
    let first = &d.indicators[0];
    assert_eq!(
        (first.target.comparator, first.target.threshold),
        (Comparator::AtMost, Some(0.0)),
        "{d:#?}"
    );
    assert_eq!(first.claim, Some(Claim::NotMet));
}

#[test]
fn columns_for_parts_of_a_year_are_no_baseline() {
    let d = report(
        "Tabell 1 Styringsindikatorer 2025\n\
             Indikator                              Mål 2025   Jan–apr   Mai–aug   Hittil i år\n\
             Ventetid somatikk (dager)                < 58        61        57         59\n\
             Ventetid TSB (dager)                     < 32        30        29         30\n",
    );
    let got: Vec<(Option<f64>, Option<f64>)> = d
        .indicators
        .iter()
        .flat_map(|i| i.verdicts.iter().map(|v| (v.value, v.baseline_value)))
        .collect();
    // The year so far is the value; Mai–aug is not a baseline for it.
    assert_eq!(got, vec![(Some(59.0), None), (Some(30.0), None)], "{d:#?}");
}

#[test]
fn tertial_columns_beside_the_whole_year_and_a_comment_that_opens_with_a_status() {
    // Nynorsk: the year's column is the result, the tertials are not; the comment's opening
    // status is the row's claim.
    let d = report(
        &[
            "Tabell 1 Resultat per tertial",
            "Indikator | 1. tertial | 2. tertial | 3. tertial | Heile året | Mål | Kommentar",
            "Ventetid BUP, dagar | 41 | 45 | 38 | 41 | < 40 | Nådd etter betring i 3. tertial",
            "Ventetid TSB, dagar | 26 | 31 | 27 | 28 | < 30 | Ikkje nådd; auke i sommar",
            "Epikrise innan 1 dag (%) | 71 | 68 | 74 | 71 | minst 70 | Tiltak sett i verk",
        ]
        .join("\n"),
    );
    let got: Vec<(Option<f64>, Option<Claim>)> = d
        .indicators
        .iter()
        .map(|i| (i.verdicts.first().and_then(|v| v.value), i.claim))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(41.0), Some(Claim::Met)),
            (Some(28.0), Some(Claim::NotMet)),
            (Some(71.0), None)
        ],
        "{d:#?}"
    );
    // The BUP row's "Nådd" against 41 days is caught; no other claim is questioned.
    let flagged = mismatch_lines(&d);
    assert_eq!(flagged, vec![3, 4]);
    // Parts of a year alone: the last one is the result ("1. tertial 2025 | 2. tertial 2025").
    let d = report(
        &[
            "Indikator                  Mål         1. tertial   2. tertial",
            "                                       2025         2025",
            "Ventetid somatikk (dager)  under 55    60           58",
        ]
        .join("\n"),
    );
    assert_eq!(d.indicators[0].verdicts[0].value, Some(58.0), "{d:#?}");
}

#[test]
fn rows_become_targets_with_verdicts_and_claims() {
    let d = report(BOKMAAL);
    let rows: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            (
                i.line,
                i.end_line,
                i.target.comparator,
                i.target.threshold,
                i.target.unit,
                i.claim,
                i.verdicts.first().map(|v| (v.value, v.status)),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                5,
                6,
                Comparator::Below,
                Some(40.0),
                Some(TargetUnit::Days),
                Some(Claim::Met),
                Some((Some(41.0), VerdictStatus::NotMet))
            ),
            (
                7,
                7,
                Comparator::AtMost,
                Some(8.0),
                Some(TargetUnit::Percent),
                Some(Claim::NotMet),
                Some((Some(8.4), VerdictStatus::NotMet))
            ),
            (
                8,
                8,
                Comparator::Decrease,
                None,
                None,
                Some(Claim::Met),
                Some((Some(390.0), VerdictStatus::Met))
            ),
        ],
        "{d:#?}"
    );
    // "Innfridd" against 41 days for a target under 40: the claim (line 6) is contradicted.
    assert!(
        d.findings
            .iter()
            .any(|f| f.kind == FindingKind::ClaimMismatch && f.line == 6),
        "{:#?}",
        d.findings
    );
}

#[test]
fn nynorsk_headers_and_a_direction_cell() {
    let d = report(
        "Årleg melding 2024\n\
             \n\
             Styringsparameter             Måltal     Resultat 2023    Resultat 2024    Vurdering\n\
             Delen pasientar med digital\n\
             heimeoppfølging               Auke       11,6 %           12,4 %           Oppfylt\n",
    );
    let i = d.indicators.first().unwrap_or_else(|| panic!("{d:#?}"));
    assert_eq!((i.line, i.end_line), (4, 5));
    assert_eq!(i.target.comparator, Comparator::Increase);
    assert_eq!(i.target.baseline_year, Some(2023));
    assert_eq!(i.claim, Some(Claim::Met));
    assert_eq!(i.verdicts[0].status, VerdictStatus::Met);
}

#[test]
fn ordinary_tables_and_prose_are_not_target_tables() {
    // A results table without a target column.
    let d = report(
        "Helseforetak          2023     2024\n\
             St. Olavs hospital    61       58\n\
             Helse Møre og Romsdal 70       66\n",
    );
    assert!(d.indicators.is_empty(), "{:#?}", d.indicators);
    // Prose mentioning the words.
    let d = report("Måltall og resultat  for  2024 står i vedlegget. Vurdering følger.\n");
    assert!(d.indicators.is_empty(), "{:#?}", d.indicators);
}

#[test]
fn a_year_to_date_header_wrapped_over_two_lines_beside_a_month() {
    // "Hittil i" over "år 2025" beside "Desember 2025": the year so far is the row's result,
    // and the status column still answers it.
    let d = report(
        "Tabell 1 Målekort per desember 2025\n\
             Indikator                     Mål 2025   Desember   Hittil i   Status\n\
             \x20                                        2025       år 2025\n\
             Ventetid somatikk (dager)     < 58       61         55         Nådd\n\
             Sykefravær (%)                ≤ 7,5      8,4        7,4        Nådd\n",
    );
    let got: Vec<(Option<f64>, Option<Claim>)> = d
        .indicators
        .iter()
        .map(|i| (i.verdicts.first().and_then(|v| v.value), i.claim))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(55.0), Some(Claim::Met)),
            (Some(7.4), Some(Claim::Met))
        ],
        "{d:#?}"
    );
    assert!(d
        .findings
        .iter()
        .all(|f| f.kind != crate::model::FindingKind::ClaimMismatch));
}

const MONTH_AND_YEAR: &str = "Virksomhetsrapport desember 2025\n\
        \n\
        Tabell 1  Styringsindikatorer 2025\n\
        \x20                                      Mål              Des.     Hele     Hele\n\
        Indikator                              2025             2025     2025     2024   Status\n\
        Ventetid PHBU (dager)                  < 38               39       36       41   Nådd\n\
        Ventetid TSB (dager)                   < 30               28       29       33   Nådd\n\
        Sykefravær (%)                         ≤ 8,0             7,6      8,6      8,9   Nådd\n\
        Innleie (mill. kr)                     −10 % mot 2023    6,8     78,9     91,2   Ikke nådd\n\
        \n\
        Kilde: egne tall.\n";

#[test]
fn a_status_only_the_whole_year_bears_out_speaks_of_the_whole_year() {
    let d = report(MONTH_AND_YEAR);
    let verdict = |label: &str| {
        d.indicators
            .iter()
            .find(|i| i.text.starts_with(label))
            .and_then(|i| i.verdicts.first())
            .map(|v| (v.value, v.status))
    };
    // PHBU: December 39 is over the limit, the whole year's 36 is under it, the status says
    // "Nådd": it speaks of the year.
    assert_eq!(
        verdict("Ventetid PHBU"),
        Some((Some(36.0), VerdictStatus::Met))
    );
    // TSB: the first column bears the status out; it stays the row's result.
    assert_eq!(
        verdict("Ventetid TSB"),
        Some((Some(28.0), VerdictStatus::Met))
    );
    // A change "mot 2023" beside a 2024 column has no baseline here: no verdict from 2024.
    assert_eq!(verdict("Innleie"), None);
    let flagged = mismatch_lines(&d);
    // Fail case: sykefravær's status agrees with December (7,6) and not with the year (8,6);
    // the first column is kept and nothing contradicts it. Neither PHBU nor innleie is flagged.
    assert!(flagged.is_empty(), "{flagged:?}");
}

#[test]
fn bare_year_columns_beside_the_target_are_results() {
    // "Indikator | Mål | 2025 | 2026 | Endring": the later year is the result, the earlier its
    // baseline; the change column is neither.
    let d = report(
        "Tabell 1 Kvalitetsindikatorar\n\
             Indikator                              Mål            2025     2026     Endring\n\
             Epikrisar sende innan 1 dag (%)        ≥ 75 %         71,8     74,2     +2,4\n\
             Trykksår, punktprevalens (%)           < 4,0 %        5,1      3,9      −1,2\n",
    );
    let got: Vec<(Option<f64>, Option<f64>, VerdictStatus)> = d
        .indicators
        .iter()
        .flat_map(|i| {
            i.verdicts
                .iter()
                .map(|v| (v.value, v.baseline_value, v.status))
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(74.2), Some(71.8), VerdictStatus::NotMet),
            (Some(3.9), Some(5.1), VerdictStatus::Met)
        ],
        "{d:#?}"
    );
}
