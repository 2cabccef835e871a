//! A second independent evaluation on report excerpts the engine was not built from
//! (tests/fixtures/variants2/*.txt): a nynorsk annual report of Helse Vest, a nynorsk
//! supplementary report of Helse Nord, a Helse Sør-Øst board case with a tertial report, a
//! Helse Midt-Norge follow-up table of the oppdragsdokument, an SSU grant application (RS-midler)
//! from Helgeland, and a Helse Stavanger annual report with deliberate errors.
//!
//! Every expectation is what a careful ministry reviewer reads out of the text: the targets
//! (comparator, threshold, unit, years), the report's own claim, a verdict per entity from the
//! report's own figures, the arithmetic that is truly wrong (and silence where rounding explains
//! a figure), and placeholders. Expectations were written from the text before the engine was
//! run; tests the engine does not pass yet are `#[ignore]`d with what it does instead, so
//! `cargo test --test variants2 -- --ignored` lists the engine's to-do list.

use std::ops::RangeInclusive;

mod support;

use meldingssjekk::model::{
    Claim, Comparator, Finding, FindingKind, Status, TargetUnit, VerdictStatus,
};
use meldingssjekk::report::DocumentReport;
use support::*;
use VerdictStatus::{Met, NotMet};

const BERGEN: &str = "Helse Bergen HF";
const STAVANGER: &str = "Helse Stavanger HF";
const FONNA: &str = "Helse Fonna HF";
const FORDE: &str = "Helse Førde HF";
const AHUS: &str = "Akershus universitetssykehus HF";
const OUS: &str = "Oslo universitetssykehus HF";
const VESTFOLD: &str = "Sykehuset i Vestfold HF";
const TELEMARK: &str = "Sykehuset Telemark HF";
const OSTFOLD: &str = "Sykehuset Østfold HF";
const UNN: &str = "Universitetssykehuset Nord-Norge HF";
const NLSH: &str = "Nordlandssykehuset HF";
const HSYK: &str = "Helgelandssykehuset HF";
const FINNMARK: &str = "Finnmarkssykehuset HF";
const STOLAV: &str = "St. Olavs hospital HF";
const HMR: &str = "Helse Møre og Romsdal HF";
const HNT: &str = "Helse Nord-Trøndelag HF";

const W1: &str = "w1_vest_aarleg_nn.txt";
const W2: &str = "w2_nord_tillegg_nn.txt";
const W3: &str = "w3_sorost_styresak_tertial.txt";
const W4: &str = "w4_midt_oppdrag_tabell.txt";
const W5: &str = "w5_nord_ssu_rsmidler.txt";
const W6: &str = "w6_vest_stavanger_feil.txt";

fn doc(file: &str) -> DocumentReport {
    doc_in("variants2", file)
}

/// Each verdict in `exp` is among the verdicts of the target(s) at `line`; others may exist.
fn assert_verdicts_include(d: &DocumentReport, line: usize, exp: &[Exp]) {
    let inds = targets_at(d, line);
    assert!(!inds.is_empty(), "no target at line {line}\n{}", dump(d));
    let mut errs = Vec::new();
    for &(e, es, b, val, st) in exp {
        let found = inds.iter().any(|i| {
            i.verdicts.iter().any(|v| {
                entity_matches(v, e)
                    && (es.is_none() || es == subject_of(i, v))
                    && close(v.value, val)
                    && b.is_none_or(|b| close(v.baseline_value, b))
                    && v.status == st
            })
        });
        if !found {
            errs.push(format!("missing verdict {e} [{es:?}] {b:?}->{val} {st:?}"));
        }
    }
    assert!(
        errs.is_empty(),
        "line {line}:\n{}\n\n{}",
        errs.join("\n"),
        dump(d)
    );
}

fn finding_at(d: &DocumentReport, kind: FindingKind, lines: RangeInclusive<usize>) -> &Finding {
    d.findings
        .iter()
        .find(|f| f.kind == kind && overlaps(f, &lines))
        .unwrap_or_else(|| panic!("expected {kind:?} at {lines:?}\n{}", dump(d)))
}

fn assert_target(
    d: &DocumentReport,
    line: usize,
    comparator: Comparator,
    threshold: Option<f64>,
    unit: Option<TargetUnit>,
) {
    let i = target(d, line, None);
    assert_eq!(
        (i.target.comparator, i.target.threshold, i.target.unit),
        (comparator, threshold, unit),
        "target at line {line}\n{}",
        dump(d)
    );
}

fn assert_claim(d: &DocumentReport, line: usize, claim: Claim, claim_line: usize) {
    let i = target(d, line, None);
    assert_eq!(
        (i.claim, i.claim_line),
        (Some(claim), Some(claim_line)),
        "claim of the target at line {line}\n{}",
        dump(d)
    );
}

// ---------------------------------------------------------------------------------------------
// w1: Helse Vest, årleg melding 2024 (nynorsk): a table with minus signs and a region row that
// is an average, "reduserast til under", "minst 80 pst.", "høvesvis", figures in words
// ---------------------------------------------------------------------------------------------

#[test]
fn w1_waiting_time_under_60_in_every_trust_is_read() {
    let d = doc(W1);
    assert_target(
        &d,
        12,
        Comparator::Below,
        Some(60.0),
        Some(TargetUnit::Days),
    );
    assert_claim(&d, 12, Claim::Partial, 14);
}

#[test]
fn w1_waiting_time_verdicts_from_the_table_below_the_claim() {
    let d = doc(W1);
    assert_verdicts(
        &d,
        12,
        &[
            (BERGEN, None, None, 61.0, NotMet),
            (STAVANGER, None, None, 56.0, Met),
            (FONNA, None, None, 57.0, Met),
            (FORDE, None, None, 49.0, Met),
            (REGION, None, None, 58.0, Met),
        ],
    );
    assert_eq!(target(&d, 12, None).status, Status::Partial, "{}", dump(&d));
}

#[test]
fn w1_reduced_to_under_50_days_is_a_threshold() {
    let d = doc(W1);
    // "skal reduserast til under 50 dagar": the goal is the level, not any reduction.
    assert_target(
        &d,
        30,
        Comparator::Below,
        Some(50.0),
        Some(TargetUnit::Days),
    );
    assert_eq!(target(&d, 30, None).target.target_year, Some(2024));
    assert_claim(&d, 30, Claim::Met, 33);
    assert_verdicts(&d, 30, &[(REGION, None, None, 48.0, Met)]);
}

#[test]
fn w1_breaches_cut_by_10_percent_with_nbsp_and_thin_space_thousands() {
    let d = doc(W1);
    let i = target(&d, 35, None);
    assert_eq!(
        (
            i.target.comparator,
            i.target.change_pct,
            i.target.baseline_year,
            i.target.threshold
        ),
        (Comparator::Decrease, Some(10.0), Some(2023), None),
        "{}",
        dump(&d)
    );
    assert_claim(&d, 35, Claim::Met, 37);
    // 3 480 (no-break space) → 3 090 (thin space): −11,2 %, more than the 10 % asked for.
    assert_verdicts(&d, 35, &[(REGION, None, Some(3480.0), 3090.0, Met)]);
}

#[test]
fn w1_discharge_letters_minst_80_pst() {
    let d = doc(W1);
    assert_target(
        &d,
        44,
        Comparator::AtLeast,
        Some(80.0),
        Some(TargetUnit::Percent),
    );
    assert_claim(&d, 44, Claim::Partial, 46);
    assert_verdicts_include(
        &d,
        44,
        &[
            (FORDE, None, None, 82.0, Met),
            (FONNA, None, None, 79.5, NotMet),
            (REGION, None, None, 78.1, NotMet),
        ],
    );
}

#[test]
fn w1_discharge_letters_hoevesvis_pairs_entities_with_values() {
    let d = doc(W1);
    // "Helse Bergen og Helse Stavanger låg på høvesvis 76 og 78 pst."
    assert_verdicts(
        &d,
        44,
        &[
            (FORDE, None, None, 82.0, Met),
            (FONNA, None, None, 79.5, NotMet),
            (BERGEN, None, None, 76.0, NotMet),
            (STAVANGER, None, None, 78.0, NotMet),
            (REGION, None, None, 78.1, NotMet),
        ],
    );
}

#[test]
fn w1_bed_capacity_increase_next_to_a_figure_in_words() {
    let d = doc(W1);
    let i = target(&d, 50, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Increase, Some(2023))
    );
    assert_claim(&d, 50, Claim::Met, 52);
    assert_verdicts_include(&d, 50, &[(REGION, None, Some(412.0), 418.0, Met)]);
    assert!(
        i.verdicts.iter().all(|v| v.status != NotMet),
        "{}",
        dump(&d)
    );
    assert!(
        !has_finding(&d, FindingKind::MissingData, 50..=54),
        "{}",
        dump(&d)
    );
}

#[test]
fn w1_sickness_absence_ikkje_overstige_7() {
    let d = doc(W1);
    assert_target(
        &d,
        58,
        Comparator::AtMost,
        Some(7.0),
        Some(TargetUnit::Percent),
    );
    assert_claim(&d, 58, Claim::NotMet, 60);
    // The 2024 figure, not the 2023 figure in brackets.
    assert_verdicts(
        &d,
        58,
        &[
            (REGION, None, None, 7.4, NotMet),
            (FORDE, None, None, 6.8, Met),
        ],
    );
}

#[test]
fn w1_no_false_flags() {
    let d = doc(W1);
    // 687 → 808 is +17,6 %; 3 480 → 3 090 is −11,2 %; 7,6 → 7,4 is 0,2 prosentpoeng; every
    // "Endring" cell is 2024 − 2023; the "Helse Vest" row is an average, not a sum.
    assert_no_other_flags(&d, &[]);
}

// ---------------------------------------------------------------------------------------------
// w2: Helse Nord, tilleggsrapportering (nynorsk): HOD's question quotes the target, the answer
// gives the figures; wrapped row label; "ikkje overstige"; LIS1; "same nivå eller lågare"
// ---------------------------------------------------------------------------------------------

#[test]
fn w2_cancer_pathways_target_in_the_question() {
    let d = doc(W2);
    assert_target(
        &d,
        11,
        Comparator::AtLeast,
        Some(70.0),
        Some(TargetUnit::Percent),
    );
}

#[test]
fn w2_cancer_pathways_claim_is_the_answer_not_the_quoted_old_claim() {
    let d = doc(W2);
    // Line 12 quotes the old report ("delvis oppfylt"); the answer on line 16 says "ikkje oppfylt".
    assert_claim(&d, 11, Claim::NotMet, 16);
}

#[test]
fn w2_cancer_pathways_verdicts_from_table_with_wrapped_trust_name() {
    let d = doc(W2);
    assert_verdicts(
        &d,
        11,
        &[
            // The 2024 column, not 2023's.
            (UNN, None, None, 71.2, Met),
            (NLSH, None, None, 69.8, NotMet),
            // Exactly on the limit: "minst 70" is met by 70,0.
            (HSYK, None, None, 70.0, Met),
            (FINNMARK, None, None, 64.9, NotMet),
            (REGION, None, None, 69.4, NotMet),
        ],
    );
}

#[test]
fn w2_agency_share_ikkje_overstige_1_5_prosent() {
    let d = doc(W2);
    assert_target(
        &d,
        33,
        Comparator::AtMost,
        Some(1.5),
        Some(TargetUnit::Percent),
    );
    assert_claim(&d, 33, Claim::Partial, 37);
    // Values follow "prosent ved <føretak>"; the kroner figures of line 41 are another measure.
    assert_verdicts(
        &d,
        33,
        &[
            (UNN, None, None, 1.2, Met),
            (NLSH, None, None, 1.6, NotMet),
            (HSYK, None, None, 2.9, NotMet),
            (FINNMARK, None, None, 3.4, NotMet),
            (REGION, None, None, 1.9, NotMet),
        ],
    );
    assert_eq!(target(&d, 33, None).status, Status::Partial);
}

#[test]
fn w2_involuntary_admissions_reduced() {
    let d = doc(W2);
    let i = target(&d, 48, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Decrease, Some(2023))
    );
    assert_claim(&d, 48, Claim::Met, 52);
    assert_verdicts(
        &d,
        48,
        &[
            (REGION, None, Some(1043.0), 987.0, Met),
            (NLSH, None, Some(301.0), 318.0, NotMet),
        ],
    );
}

#[test]
fn w2_lis1_number_in_a_name_is_not_a_value() {
    let d = doc(W2);
    let i = target(&d, 58, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Increase, Some(2023))
    );
    assert_claim(&d, 58, Claim::Met, 61);
    assert!(
        i.verdicts
            .iter()
            .all(|v| !close(v.value, 1.0) && !close(v.baseline_value, 1.0)),
        "LIS1 read as a value\n{}",
        dump(&d)
    );
    assert!(
        !has_finding(&d, FindingKind::ClaimMismatch, 58..=62),
        "{}",
        dump(&d)
    );
}

#[test]
fn w2_same_level_or_lower_than_2019_is_not_above_baseline() {
    let d = doc(W2);
    // "skal haldast på same nivå eller lågare enn i 2019": unchanged is also met.
    let i = target(&d, 66, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::NotAboveBaseline, Some(2019)),
        "{}",
        dump(&d)
    );
}

#[test]
fn w2_tsb_verdict_against_2019_not_2023() {
    let d = doc(W2);
    assert_eq!(target(&d, 66, None).target.baseline_year, Some(2019));
    assert_claim(&d, 66, Claim::Met, 69);
    // The baseline is 2019's 36 days, not 2023's 33.
    assert_verdicts(&d, 66, &[(REGION, None, Some(36.0), 31.0, Met)]);
}

#[test]
fn w2_no_false_flags() {
    let d = doc(W2);
    // 187,4 → 152,9 is −18,4 %; 987 / 486 000 = 203,1 and 1 043 / 486 000 = 214,6 per 100 000.
    // Tolerated: "Kravet er oppfylt" for the region while Nordlandssykehuset rose.
    assert_no_other_flags(&d, &[(FindingKind::ClaimMismatch, 52..=54)]);
}

// ---------------------------------------------------------------------------------------------
// w3: Helse Sør-Øst board case, 1. tertial 2025: last year's figure in brackets in every cell,
// a hyphen-wrapped trust name, negative numbers with en dash and minus sign, period thousands
// ---------------------------------------------------------------------------------------------

#[test]
fn w3_targets_ikke_overstige_5_and_under_40_days() {
    let d = doc(W3);
    assert_target(
        &d,
        13,
        Comparator::AtMost,
        Some(5.0),
        Some(TargetUnit::Percent),
    );
    assert_target(
        &d,
        14,
        Comparator::Below,
        Some(40.0),
        Some(TargetUnit::Days),
    );
}

#[test]
fn w3_target_year_from_a_heading_line_above_the_bullets() {
    let d = doc(W3);
    // "Styringsmål 2025:" stands alone on the line above both bullets.
    assert_eq!(target(&d, 13, None).target.target_year, Some(2025));
    assert_eq!(target(&d, 14, None).target.target_year, Some(2025));
}

#[test]
fn w3_breach_share_verdicts_from_cells_with_bracketed_last_year() {
    let d = doc(W3);
    assert_verdicts(
        &d,
        13,
        &[
            (AHUS, None, None, 4.1, Met),
            (OUS, None, None, 6.2, NotMet),
            (VESTFOLD, None, None, 2.8, Met),
            // Exactly on the limit: "ikke overstige 5 %" is met by 5,0.
            (TELEMARK, None, None, 5.0, Met),
            (OSTFOLD, None, None, 3.6, Met),
            (REGION, None, None, 4.7, Met),
        ],
    );
}

#[test]
fn w3_phbu_waiting_time_verdicts_from_the_second_column() {
    let d = doc(W3);
    assert_verdicts(
        &d,
        14,
        &[
            (AHUS, None, None, 44.0, NotMet),
            (OUS, None, None, 39.0, Met),
            (VESTFOLD, None, None, 35.0, Met),
            (TELEMARK, None, None, 42.0, NotMet),
            (OSTFOLD, None, None, 38.0, Met),
            (REGION, None, None, 41.0, NotMet),
        ],
    );
}

#[test]
fn w3_result_target_in_mill_kroner() {
    let d = doc(W3);
    assert_target(
        &d,
        38,
        Comparator::AtLeast,
        Some(600e6),
        Some(TargetUnit::Nok),
    );
}

/// The figures on `line` include `want` (money may be given in kroner or in millions).
fn assert_figures_on(d: &DocumentReport, line: usize, want: &[f64]) {
    let got: Vec<f64> = d
        .figures
        .iter()
        .filter(|f| f.line == line)
        .map(|f| f.value)
        .collect();
    for w in want {
        assert!(
            got.iter()
                .any(|g| close(Some(*g), *w) || close(Some(*g), w * 1e6)),
            "line {line}: {w} not among {got:?}"
        );
    }
}

#[test]
fn w3_every_negative_cell_in_a_row_is_negative() {
    let d = doc(W3);
    // "–45,2  –20,0  –25,2" (en dashes) and "−6,1  −4,0  −2,1" (minus signs): columns, not ranges.
    assert_figures_on(&d, 44, &[-45.2, -20.0, -25.2]);
    assert_figures_on(&d, 47, &[-6.1, -4.0, -2.1]);
    assert_figures_on(&d, 49, &[-26.5, 21.0, -47.5]);
}

#[test]
fn w3_period_as_thousands_separator() {
    let d = doc(W3);
    assert_figures_on(&d, 56, &[79412.0, 78960.0]);
}

#[test]
fn w3_no_false_flags() {
    let d = doc(W3);
    // Table 3: every column sums to its Sum row and Avvik = Resultat − Budsjett in every row
    // (with negatives); 58 → 54 is −6,9 %; 1 150 → 1 222 is +6,26 % stated as 6,3 %;
    // 78 960 → 79 412 is +0,6 %; 112,6 → 98,4 is −12,6 pst.; 7,5 → 7,1 is 0,4 prosentpoeng.
    // The claims after table 1 agree with it (four of five trusts and the region under 5 %,
    // PHBU at 41 days not under 40).
    assert_no_other_flags(&d, &[]);
}

// ---------------------------------------------------------------------------------------------
// w4: Helse Midt-Norge, follow-up table of the oppdragsdokument: one target per table row with
// "< 65", "≥ 70 %", "≤ 8,5 %", "–10 %", "Økning", a Vurdering column, comments per trust below
// ---------------------------------------------------------------------------------------------

#[test]
fn w4_table_row_targets_with_comparison_signs() {
    let d = doc(W4);
    assert_target(
        &d,
        13,
        Comparator::Below,
        Some(65.0),
        Some(TargetUnit::Days),
    );
    assert_target(
        &d,
        16,
        Comparator::Below,
        Some(45.0),
        Some(TargetUnit::Days),
    );
    assert_target(
        &d,
        19,
        Comparator::AtLeast,
        Some(70.0),
        Some(TargetUnit::Percent),
    );
    assert_target(
        &d,
        21,
        Comparator::AtLeast,
        Some(80.0),
        Some(TargetUnit::Percent),
    );
    assert_target(
        &d,
        22,
        Comparator::AtMost,
        Some(8.5),
        Some(TargetUnit::Percent),
    );
}

#[test]
fn w4_table_row_targets_relative() {
    let d = doc(W4);
    let cut = target(&d, 24, None);
    assert_eq!(
        (
            cut.target.comparator,
            cut.target.change_pct,
            cut.target.baseline_year
        ),
        (Comparator::Decrease, Some(10.0), Some(2023)),
        "{}",
        dump(&d)
    );
    assert_eq!(target(&d, 26, None).target.comparator, Comparator::Increase);
}

#[test]
fn w4_table_row_verdicts_for_the_region() {
    let d = doc(W4);
    // The 2024 column is the value; the 2023 column is the baseline of the relative rows.
    for (line, base, value, status) in [
        (13, None, 74.0, NotMet),
        (16, None, 58.0, NotMet),
        (19, None, 68.0, NotMet),
        (21, None, 81.4, Met),
        (22, None, 8.9, NotMet),
        // 2 350 → 2 115 is exactly −10,0 %: met.
        (24, Some(2350.0), 2115.0, Met),
        (26, Some(11.6), 12.4, Met),
    ] {
        assert_verdicts_include(&d, line, &[(REGION, None, base, value, status)]);
    }
}

#[test]
fn w4_claims_from_the_vurdering_column() {
    let d = doc(W4);
    for (line, claim) in [
        (13, Claim::NotMet),
        (16, Claim::NotMet),
        (19, Claim::NotMet),
        (21, Claim::Met),
        (22, Claim::NotMet),
        (24, Claim::Met),
        (26, Claim::Met),
    ] {
        assert_eq!(
            target(&d, line, None).claim,
            Some(claim),
            "line {line}\n{}",
            dump(&d)
        );
    }
}

#[test]
#[ignore = "engine reads nothing from a follow-up table (Styringsparameter | Måltall '< 65', '≥ 70 %', '≤ 8,5 %', '–10 %', 'Økning' | Resultat 2023 | Resultat 2024 | Vurdering): 0 indicators, 0 tables in w4"]
fn w4_trust_verdicts_from_the_comments_below_the_table() {
    let d = doc(W4);
    assert_verdicts_include(
        &d,
        13,
        &[
            (STOLAV, None, None, 60.0, Met),
            (HNT, None, None, 66.0, NotMet),
            (HMR, None, None, 93.0, NotMet),
        ],
    );
    assert_verdicts_include(
        &d,
        19,
        &[
            (STOLAV, None, None, 67.2, NotMet),
            (HMR, None, None, 66.0, NotMet),
            (HNT, None, None, 74.5, Met),
        ],
    );
}

#[test]
#[ignore = "target now read (AtLeast 6), but 'innen utgangen av 2024' marks it long-term so the claim 'Oppdraget er gjennomført' (line 49) is not bound; and the page footer 'Årlig melding 2024 Helse Midt-Norge RHF  62' (line 52) gives a value 62"]
fn w4_task_answered_in_words_is_not_a_mismatch() {
    let d = doc(W4);
    let i = target(&d, 46, None);
    assert_eq!(i.claim, Some(Claim::Met), "{}", dump(&d));
    assert!(
        !has_finding(&d, FindingKind::ClaimMismatch, 45..=50),
        "{}",
        dump(&d)
    );
}

#[test]
fn w4_minst_seks_in_words_is_a_threshold() {
    let d = doc(W4);
    assert_target(
        &d,
        46,
        Comparator::AtLeast,
        Some(6.0),
        Some(TargetUnit::Count),
    );
}

#[test]
fn w4_no_false_flags() {
    let d = doc(W4);
    // 65 → 58 is −10,8 %; 2 350 → 2 115 is −10 %.
    assert_no_other_flags(&d, &[]);
}

// ---------------------------------------------------------------------------------------------
// w5: Helgeland SSU, RS-midler application: a budget that adds up (a dash for an empty cell,
// "50 %" inside a row label), a second budget whose total is 100 000 too high, a placeholder
// ---------------------------------------------------------------------------------------------

#[test]
fn w5_placeholder_sett_inn_navn() {
    let d = doc(W5);
    finding_at(&d, FindingKind::Placeholder, 20..=20);
}

#[test]
fn w5_wrong_budget_total_is_flagged() {
    let d = doc(W5);
    // 1 350 000 + 420 000 + 280 000 + 300 000 = 2 350 000, not 2 450 000.
    let f = d
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::Arithmetic && overlaps(f, &(75..=75)))
        .unwrap_or_else(|| panic!("{}", dump(&d)));
    assert!(close(f.stated, 2_450_000.0), "{f:?}");
    assert!(close(f.computed, 2_350_000.0), "{f:?}");
}

#[test]
fn w5_budget_that_adds_up_is_not_flagged() {
    let d = doc(W5);
    // Every row and column of the first budget adds up ("–" is an empty cell, the 50 % in
    // "Prosjektleder (50 % stilling)" is not a cell); 1 627 500 is 50 % of 3 255 000;
    // 1,2 mill. for two years is 2,4 mill.
    assert_no_other_flags(&d, &[(FindingKind::Arithmetic, 75..=75)]);
}

#[test]
fn w5_budget_table_rows() {
    let d = doc(W5);
    let t = d
        .tables
        .iter()
        .find(|t| t.line <= 38 && 44 <= t.end_line)
        .unwrap_or_else(|| panic!("budget table not found: {:#?}", d.tables));
    assert_eq!(t.header.len(), 5, "{:?}", t.header);
    assert_eq!(
        t.header[1..],
        ["2026", "2027", "2028", "Sum"],
        "{:?}",
        t.header
    );
    assert_eq!(t.rows.len(), 6, "{:#?}", t.rows);
    assert_eq!(
        t.rows[0],
        [
            "Prosjektleder (50 % stilling)",
            "450 000",
            "465 000",
            "480 000",
            "1 395 000"
        ]
    );
    assert_eq!(
        t.rows[2],
        [
            "Frikjøp fagpersonell Helgelandssykehuset",
            "250 000",
            "250 000",
            "150 000",
            "650 000"
        ]
    );
    assert_eq!(t.rows[4].len(), 5, "{:?}", t.rows[4]);
    assert_eq!(
        t.rows[5],
        ["Sum", "1 120 000", "1 145 000", "990 000", "3 255 000"]
    );
}

#[test]
fn w5_project_goal_cut_by_20_percent_by_2028() {
    let d = doc(W5);
    let i = target(&d, 26, None);
    assert_eq!(
        (
            i.target.comparator,
            i.target.change_pct,
            i.target.baseline_year,
            i.target.target_year
        ),
        (Comparator::Decrease, Some(20.0), Some(2025), Some(2028)),
        "{}",
        dump(&d)
    );
    // Only the 2025 estimate is given: nothing to judge yet.
    assert!(
        i.verdicts
            .iter()
            .all(|v| v.status == VerdictStatus::Unknown),
        "{}",
        dump(&d)
    );
}

#[test]
fn w5_over_75_years_names_the_group_the_threshold_is_60() {
    let d = doc(W5);
    assert_target(
        &d,
        28,
        Comparator::AtLeast,
        Some(60.0),
        Some(TargetUnit::Percent),
    );
}

// ---------------------------------------------------------------------------------------------
// w6: Helse Stavanger HF, årlig melding 2024 (blank line after every line) with deliberate
// errors: a wrong % change, "Målet er nådd" at 77,6 % of 80, a wrong Sum, a wrong ratio,
// "XX" and "[sett inn beløp]"; and correct figures that must stay silent
// ---------------------------------------------------------------------------------------------

#[test]
fn w6_wrong_percentage_change_is_flagged() {
    let d = doc(W6);
    // 412 300 → 431 900 is +4,75 %, not 5,8 %.
    let f = finding_at(&d, FindingKind::Arithmetic, 19..=21);
    assert!(close(f.stated, 5.8), "{f:?}");
}

#[test]
fn w6_maalet_er_naadd_contradicted_by_77_6() {
    let d = doc(W6);
    assert_target(
        &d,
        29,
        Comparator::AtLeast,
        Some(80.0),
        Some(TargetUnit::Percent),
    );
    assert_claim(&d, 29, Claim::Met, 33);
    let i = target(&d, 29, None);
    assert!(
        i.verdicts
            .iter()
            .any(|v| close(v.value, 77.6) && v.status == NotMet),
        "{}",
        dump(&d)
    );
    finding_at(&d, FindingKind::ClaimMismatch, 33..=33);
}

#[test]
fn w6_unnamed_figures_in_a_trust_report_belong_to_the_trust() {
    let d = doc(W6);
    // "Årlig melding 2024 – Helse Stavanger HF": "Andelen var 77,6 prosent" is the trust's.
    assert_verdicts(&d, 29, &[(STAVANGER, None, None, 77.6, NotMet)]);
}

#[test]
fn w6_wrong_table_sum_is_flagged() {
    let d = doc(W6);
    // 540 + 455 + 322 + 118 = 1 435, not 1 465.
    let f = d
        .findings
        .iter()
        .find(|f| {
            f.kind == FindingKind::Arithmetic && overlaps(f, &(59..=59)) && close(f.stated, 1465.0)
        })
        .unwrap_or_else(|| panic!("{}", dump(&d)));
    assert!(close(f.computed, 1435.0), "{f:?}");
}

#[test]
fn w6_wrong_ratio_is_flagged() {
    let d = doc(W6);
    // 41/48 = 85,4 %, not 91 %.
    let f = finding_at(&d, FindingKind::Arithmetic, 77..=77);
    assert!(close(f.stated, 91.0), "{f:?}");
    assert!(
        f.computed.is_some_and(|c| (85.0..86.0).contains(&c)),
        "{f:?}"
    );
}

#[test]
fn w6_placeholders_xx_and_sett_inn() {
    let d = doc(W6);
    finding_at(&d, FindingKind::Placeholder, 77..=77);
    finding_at(&d, FindingKind::Placeholder, 97..=97);
}

#[test]
fn w6_waiting_time_for_the_reporting_trust() {
    let d = doc(W6);
    assert_target(
        &d,
        13,
        Comparator::Below,
        Some(55.0),
        Some(TargetUnit::Days),
    );
    assert_claim(&d, 13, Claim::NotMet, 17);
    assert_verdicts(&d, 13, &[(STAVANGER, None, None, 57.0, NotMet)]);
}

#[test]
fn w6_education_positions_increased() {
    let d = doc(W6);
    let i = target(&d, 71, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Increase, Some(2023))
    );
    assert_claim(&d, 71, Claim::Met, 75);
    // 41 (filled) and the 2025 plan are other measures.
    assert_verdicts(&d, 71, &[(STAVANGER, None, Some(45.0), 48.0, Met)]);
}

#[test]
fn w6_breaches_total_row_gives_the_verdict() {
    let d = doc(W6);
    let i = target(&d, 37, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Decrease, Some(2023))
    );
    assert_claim(&d, 37, Claim::Met, 41);
    // The trust's total fell from 1 546 (whether to the stated 1 465 or the true 1 435).
    assert!(
        i.verdicts.iter().any(|v| close(v.baseline_value, 1546.0)
            && (close(v.value, 1465.0) || close(v.value, 1435.0))
            && v.status == Met),
        "{}",
        dump(&d)
    );
}

#[test]
fn w6_clinic_rows_do_not_make_the_target_partial() {
    let d = doc(W6);
    // "Psykisk helsevern" is a clinic of the trust, not a subject of this target.
    assert_eq!(target(&d, 37, None).status, Status::Met, "{}", dump(&d));
}

#[test]
fn w6_correct_figures_are_not_flagged() {
    let d = doc(W6);
    // Right and must stay silent: every clinic's % change in table 4, 3,9 prosentpoeng for
    // 62,4 → 66,3, 6,3 % for 2 412 → 2 563 (exactly 6,26 %), 73,5 + 38,5 = 112,0 mill.
    assert_no_other_flags(
        &d,
        &[
            (FindingKind::Arithmetic, 19..=21),
            (FindingKind::ClaimMismatch, 33..=33),
            // The wrong sum, and its knock-on on the Sum row's percentage.
            (FindingKind::Arithmetic, 59..=59),
            (FindingKind::Arithmetic, 77..=77),
        ],
    );
}
