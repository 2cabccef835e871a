//! Independent evaluation on report excerpts the engine was not built from
//! (tests/fixtures/variants/*.txt). Every expectation here is what a careful ministry reviewer
//! reads out of the text: which targets exist, the report's own claim, a verdict per entity
//! from the report's own figures, and which findings are true. Expectations were written from
//! the text before the engine was run; tests the engine does not pass yet are `#[ignore]`d with
//! the reason, so `cargo test -- --ignored` lists the engine's to-do list.

use std::ops::RangeInclusive;

mod support;

use meldingssjekk::model::{Claim, Comparator, FindingKind, Status, TargetUnit, VerdictStatus};
use meldingssjekk::report::DocumentReport;
use support::*;
use VerdictStatus::{Met, NotMet, Pending};

const SOM: Option<&str> = Some("Somatikk");
const PHV: Option<&str> = Some("Psykisk helsevern voksne");
const PHBU: Option<&str> = Some("Psykisk helsevern barn og unge");
const TSB: Option<&str> = Some("TSB");

const BERGEN: &str = "Helse Bergen HF";
const STAVANGER: &str = "Helse Stavanger HF";
const FONNA: &str = "Helse Fonna HF";
const FORDE: &str = "Helse Førde HF";
const AHUS: &str = "Akershus universitetssykehus HF";
const OUS: &str = "Oslo universitetssykehus HF";
const INNLANDET: &str = "Sykehuset Innlandet HF";
const OSTFOLD: &str = "Sykehuset Østfold HF";
const VV: &str = "Vestre Viken HF";
const SSHF: &str = "Sørlandet sykehus HF";
const UNN: &str = "Universitetssykehuset Nord-Norge HF";
const NLSH: &str = "Nordlandssykehuset HF";
const HSYK: &str = "Helgelandssykehuset HF";
const FINNMARK: &str = "Finnmarkssykehuset HF";
const STOLAV: &str = "St. Olavs hospital HF";
const HMR: &str = "Helse Møre og Romsdal HF";
const HNT: &str = "Helse Nord-Trøndelag HF";

const V1: &str = "v1_vest_aarleg.txt";
const V2: &str = "v2_sorost_aarlig.txt";
const V3: &str = "v3_sorost_styresak_tertial.txt";
const V4: &str = "v4_nord_tillegg.txt";
const V5: &str = "v5_nord_hms.txt";
const V6: &str = "v6_midt_feil.txt";
const V7: &str = "v7_vest_verksemdsrapport.txt";

fn doc(file: &str) -> DocumentReport {
    doc_in("variants", file)
}

fn assert_finding(d: &DocumentReport, kind: FindingKind, lines: RangeInclusive<usize>) {
    assert!(
        has_finding(d, kind, lines.clone()),
        "expected {kind:?} at {lines:?}\n{}",
        dump(d)
    );
}

fn assert_no_missing_data_at(d: &DocumentReport, lines: RangeInclusive<usize>) {
    assert!(
        !has_finding(d, FindingKind::MissingData, lines.clone()),
        "missing_data at {lines:?} although the report gives figures\n{}",
        dump(d)
    );
}

// ---------------------------------------------------------------------------------------------
// v1: Helse Vest, årleg melding 2024 (nynorsk)
// ---------------------------------------------------------------------------------------------

#[test]
fn v1_waiting_time_reduced_in_four_areas() {
    let d = doc(V1);
    // One target per area or one target with a verdict per area: either is fine.
    for i in targets_at(&d, 9) {
        assert_eq!(i.target.comparator, Comparator::Decrease);
        assert_eq!(i.target.baseline_year, Some(2023));
        assert_eq!((i.claim, i.claim_line), (Some(Claim::Partial), Some(12)));
    }
    assert_verdicts(
        &d,
        9,
        &[
            (REGION, SOM, Some(64.0), 60.0, Met),
            (REGION, PHV, Some(48.0), 51.0, NotMet),
            (REGION, PHBU, Some(55.0), 49.0, Met),
            // Unchanged is not a reduction.
            (REGION, TSB, Some(33.0), 33.0, NotMet),
        ],
    );
}

#[test]
fn v1_discharge_letters_at_least_70_per_trust() {
    let d = doc(V1);
    let i = target(&d, 17, None);
    assert_eq!(
        (i.target.comparator, i.target.threshold, i.target.unit),
        (Comparator::AtLeast, Some(70.0), Some(TargetUnit::Percent))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::NotMet), Some(20)));
    assert_verdicts(
        &d,
        17,
        &[
            (REGION, None, None, 69.0, NotMet),
            (BERGEN, None, None, 72.0, Met),
            (FONNA, None, None, 71.0, Met),
            (STAVANGER, None, None, 66.0, NotMet),
            (FORDE, None, None, 68.0, NotMet),
        ],
    );
}

#[test]
fn v1_digital_follow_up_increase() {
    let d = doc(V1);
    let i = target(&d, 28, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Increase, Some(2023))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Met), Some(30)));
    assert_verdicts(&d, 28, &[(REGION, None, Some(4120.0), 5310.0, Met)]);
}

#[test]
fn v1_breaches_cut_by_25_percent_claimed_met_but_only_20() {
    let d = doc(V1);
    let i = target(&d, 33, None);
    assert_eq!(i.target.comparator, Comparator::Decrease);
    assert_eq!(i.target.change_pct, Some(25.0));
    assert_eq!(i.target.baseline_year, Some(2023));
    assert_eq!(i.target.threshold, None);
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Met), Some(35)));
    assert_verdicts(&d, 33, &[(REGION, None, Some(2412.0), 1930.0, NotMet)]);
    assert_finding(&d, FindingKind::ClaimMismatch, 35..=36);
}

#[test]
fn v1_uncertain_claim_without_figures_is_read() {
    let d = doc(V1);
    let i = target(&d, 39, None);
    assert_eq!(
        (i.target.comparator, i.target.threshold),
        (Comparator::AtLeast, Some(70.0))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Uncertain), Some(41)));
    assert!(i.verdicts.is_empty(), "{}", dump(&d));
    assert_eq!(i.status, Status::Unknown);
}

#[test]
fn v1_uncertain_claim_without_figures_is_missing_data() {
    let d = doc(V1);
    assert_finding(&d, FindingKind::MissingData, 39..=42);
}

#[test]
fn v1_sickness_absence_below_7_5_value_before_entity() {
    let d = doc(V1);
    let i = target(&d, 46, None);
    assert_eq!(
        (i.target.comparator, i.target.threshold),
        (Comparator::Below, Some(7.5))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Partial), Some(48)));
    assert_eq!(i.status, Status::Partial);
    assert_verdicts(
        &d,
        46,
        &[
            (BERGEN, None, None, 7.2, Met),
            (STAVANGER, None, None, 7.9, NotMet),
            (FONNA, None, None, 6.8, Met),
            (FORDE, None, None, 7.4, Met),
            (REGION, None, None, 7.4, Met),
        ],
    );
}

#[test]
fn v1_apprentices_region_fell_one_trust_rose() {
    let d = doc(V1);
    let i = target(&d, 52, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Increase, Some(2023))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::NotMet), Some(54)));
    assert_verdicts(
        &d,
        52,
        &[
            (REGION, None, Some(219.0), 212.0, NotMet),
            (FORDE, None, Some(31.0), 36.0, Met),
        ],
    );
}

#[test]
fn v1_no_false_flags() {
    let d = doc(V1);
    // 28,9 % for 4 120 → 5 310 and 20,0 % for 2 412 → 1 930 are right.
    assert_no_other_flags(&d, &[(FindingKind::ClaimMismatch, 35..=36)]);
}

// ---------------------------------------------------------------------------------------------
// v2: Helse Sør-Øst, årlig melding 2024 (bokmål, blank line after every line, private-use bullets)
// ---------------------------------------------------------------------------------------------

#[test]
fn v2_cancer_pathways_at_least_70_with_hyphenated_trust() {
    let d = doc(V2);
    let i = target(&d, 14, None);
    assert_eq!(
        (i.target.comparator, i.target.threshold),
        (Comparator::AtLeast, Some(70.0))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::NotMet), Some(20)));
    assert_verdicts(
        &d,
        14,
        &[
            (REGION, None, None, 67.0, NotMet),
            (AHUS, None, None, 71.0, Met),
            (OUS, None, None, 63.0, NotMet),
            (INNLANDET, None, None, 72.0, Met),
            (VV, None, None, 69.0, NotMet),
            (SSHF, None, None, 74.0, Met),
        ],
    );
}

#[test]
fn v2_waiting_time_thresholds_per_area_are_read() {
    let d = doc(V2);
    for (s, t) in [(SOM, 50.0), (PHV, 40.0), (PHBU, 35.0), (TSB, 30.0)] {
        let i = target(&d, 28, s);
        assert_eq!(
            (i.target.comparator, i.target.threshold, i.target.unit),
            (Comparator::Below, Some(t), Some(TargetUnit::Days))
        );
        assert_eq!(i.claim, Some(Claim::Partial));
    }
}

#[test]
fn v2_waiting_time_verdicts_value_before_subject() {
    let d = doc(V2);
    assert_verdicts(
        &d,
        28,
        &[
            (REGION, SOM, None, 58.0, NotMet),
            (REGION, PHV, None, 39.0, Met),
            (REGION, PHBU, None, 44.0, NotMet),
            (REGION, TSB, None, 27.0, Met),
        ],
    );
}

#[test]
fn v2_breaches_cut_by_20_percent() {
    let d = doc(V2);
    let i = target(&d, 50, None);
    assert_eq!(
        (
            i.target.comparator,
            i.target.change_pct,
            i.target.baseline_year
        ),
        (Comparator::Decrease, Some(20.0), Some(2023))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Met), Some(54)));
    assert_verdicts(&d, 50, &[(REGION, None, Some(11482.0), 8950.0, Met)]);
}

#[test]
fn v2_involuntary_admissions_partial() {
    let d = doc(V2);
    let i = target(&d, 60, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Decrease, Some(2023))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Partial), Some(66)));
    assert_eq!(i.status, Status::Partial);
    assert_verdicts(
        &d,
        60,
        &[
            (OUS, None, Some(21.4), 19.8, Met),
            (INNLANDET, None, Some(15.1), 14.3, Met),
            (VV, None, Some(17.2), 17.9, NotMet),
        ],
    );
}

#[test]
fn v2_sickness_absence_rose_in_the_group() {
    let d = doc(V2);
    let i = target(&d, 78, None);
    assert_eq!(i.target.comparator, Comparator::Decrease);
    assert_eq!((i.claim, i.claim_line), (Some(Claim::NotMet), Some(82)));
    assert_verdicts(
        &d,
        78,
        &[
            (REGION, None, Some(7.6), 7.8, NotMet),
            (SSHF, None, Some(8.1), 7.7, Met),
        ],
    );
}

#[test]
fn v2_real_growth_target_against_another_quantity_is_read() {
    let d = doc(V2);
    let i = target(&d, 88, None);
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Met), Some(92)));
}

#[test]
#[ignore = "engine misses: 'realveksten i X skal være høyere enn realveksten i Y' stays qualitative; 3,1 and 2,8 % against 2,4 % give no verdict"]
fn v2_real_growth_compared_with_somatics_is_met() {
    let d = doc(V2);
    let i = target(&d, 88, None);
    assert_eq!(i.status, Status::Met, "{}", dump(&d));
}

#[test]
fn v2_no_false_flags() {
    let d = doc(V2);
    // 22,1 % for 11 482 → 8 950 is right.
    assert_no_other_flags(&d, &[]);
    assert_no_missing_data_at(&d, 28..=40);
}

// ---------------------------------------------------------------------------------------------
// v3: Helse Sør-Øst board case, 2. tertial 2025, wrapped table header, thousands in table cells
// ---------------------------------------------------------------------------------------------

#[test]
fn v3_waiting_time_targets_are_read() {
    let d = doc(V3);
    for (s, t) in [(SOM, 61.0), (PHV, 44.0)] {
        let i = target(&d, 10, s);
        assert_eq!(
            (i.target.comparator, i.target.threshold, i.target.unit),
            (Comparator::AtMost, Some(t), Some(TargetUnit::Days))
        );
    }
}

#[test]
fn v3_target_year_from_the_heading_word() {
    let d = doc(V3);
    assert_eq!(target(&d, 10, SOM).target.target_year, Some(2025));
}

#[test]
fn v3_waiting_time_verdicts_from_the_table() {
    let d = doc(V3);
    assert_verdicts(
        &d,
        10,
        &[
            (AHUS, SOM, None, 63.0, NotMet),
            (OUS, SOM, None, 66.0, NotMet),
            (INNLANDET, SOM, None, 58.0, Met),
            (OSTFOLD, SOM, None, 60.0, Met),
            (VV, SOM, None, 57.0, Met),
            (SSHF, SOM, None, 55.0, Met),
            (REGION, SOM, None, 61.0, Met),
            (AHUS, PHV, None, 49.0, NotMet),
            (OUS, PHV, None, 43.0, Met),
            (INNLANDET, PHV, None, 41.0, Met),
            (OSTFOLD, PHV, None, 46.0, NotMet),
            (VV, PHV, None, 38.0, Met),
            (SSHF, PHV, None, 44.0, Met),
            (REGION, PHV, None, 44.0, Met),
        ],
    );
}

#[test]
fn v3_no_waiting_time_breaches_target() {
    let d = doc(V3);
    let i = target(&d, 11, None);
    assert!(i.text.contains("fristbrudd"), "{}", dump(&d));
    assert_eq!(
        (i.target.comparator, i.target.threshold),
        (Comparator::AtMost, Some(0.0))
    );
    assert_verdicts(
        &d,
        11,
        &[
            (AHUS, None, None, 1204.0, NotMet),
            (OUS, None, None, 1377.0, NotMet),
            (INNLANDET, None, None, 612.0, NotMet),
            (OSTFOLD, None, None, 388.0, NotMet),
            (VV, None, None, 540.0, NotMet),
            (SSHF, None, None, 296.0, NotMet),
            (REGION, None, None, 4417.0, NotMet),
        ],
    );
}

#[test]
fn v3_table_rows_keep_thousands_together() {
    let d = doc(V3);
    let t = d
        .tables
        .iter()
        .find(|t| t.line <= 36 && 48 <= t.end_line)
        .unwrap_or_else(|| panic!("table 2 not found: {:#?}", d.tables));
    assert_eq!(t.rows.len(), 7);
    assert_eq!(
        t.rows[0],
        ["Akershus universitetssykehus", "63", "49", "1 204"]
    );
    assert_eq!(t.rows[6], ["Helse Sør-Øst", "61", "44", "4 417"]);
}

#[test]
fn v3_wrapped_table_header() {
    let d = doc(V3);
    let t = d
        .tables
        .iter()
        .find(|t| t.line <= 36 && 48 <= t.end_line)
        .unwrap_or_else(|| panic!("table 2 not found: {:#?}", d.tables));
    assert_eq!(t.header.len(), 4, "{:?}", t.header);
    assert!(t.header[0].contains("Helseforetak"), "{:?}", t.header);
    assert!(t.header[1].contains("somatikk"), "{:?}", t.header);
}

#[test]
fn v3_no_false_arithmetic_or_claim_flags() {
    let d = doc(V3);
    // Table sum 4 417, 20,6 % for 5 560 → 4 417, 98 mill. between −142 and −44, 13,5 % for
    // 331,0 → 286,4 and 0,8 % for 78 412 → 79 030 are all right.
    assert_no_other_flags(&d, &[]);
}

#[test]
fn v3_no_missing_data_when_a_table_gives_the_figures() {
    let d = doc(V3);
    assert_no_missing_data_at(&d, 10..=12);
}

// ---------------------------------------------------------------------------------------------
// v4: Helse Nord, tilleggsrapportering to HOD (from/to figures, % changes in brackets)
// ---------------------------------------------------------------------------------------------

#[test]
fn v4_agency_costs_reduced_per_trust() {
    let d = doc(V4);
    let i = target(&d, 8, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Decrease, Some(2023))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Met), Some(12)));
    assert_verdicts(
        &d,
        8,
        &[
            (REGION, None, Some(412.6e6), 338.1e6, Met),
            (UNN, None, Some(121.4e6), 96.0e6, Met),
            (FINNMARK, None, Some(98.7e6), 84.2e6, Met),
            (NLSH, None, Some(112.3e6), 104.9e6, Met),
            (HSYK, None, Some(80.2e6), 53.0e6, Met),
        ],
    );
    assert_eq!(i.status, Status::Met);
}

#[test]
fn v4_education_positions_increase() {
    let d = doc(V4);
    let i = target(&d, 24, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Increase, Some(2023))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Met), Some(28)));
    assert_verdicts(
        &d,
        24,
        &[
            (REGION, None, Some(58.0), 64.0, Met),
            (UNN, None, Some(27.0), 31.0, Met),
            (NLSH, None, Some(16.0), 18.0, Met),
            (FINNMARK, None, Some(9.0), 8.0, NotMet),
            (HSYK, None, Some(6.0), 7.0, Met),
        ],
    );
}

#[test]
fn v4_ambulant_teams_100_percent_by_2025() {
    let d = doc(V4);
    let i = target(&d, 38, None);
    assert_eq!(
        (
            i.target.comparator,
            i.target.threshold,
            i.target.target_year
        ),
        (Comparator::AtLeast, Some(100.0), Some(2025))
    );
    // 85 % in March 2025 against 100 % by the end of 2025 in the report for 2024: the deadline
    // has not passed, so the verdict waits (it was "not met" before deadlines were judged
    // against the report's year).
    assert_verdicts(&d, 38, &[(REGION, None, None, 85.0, Pending)]);
}

#[test]
fn v4_no_false_flags() {
    let d = doc(V4);
    // Sums 412,6 and 338,1; 18,1 %, −20,9 %, −14,7 %, −6,6 %, −33,9 %, 10,3 %, 57/64 = 89 %,
    // 6,3 % (302 → 321), 16,6 % (302 → 352), 17 av 20 = 85 %, 12 737 per 100 000: all right.
    assert_no_other_flags(&d, &[]);
}

// ---------------------------------------------------------------------------------------------
// v5: Helse Nord, HMS indicators (numbers inside measure names, per-trust prose, a table)
// ---------------------------------------------------------------------------------------------

#[test]
fn v5_working_time_breaches_cut_by_15_percent() {
    let d = doc(V5);
    let i = target(&d, 9, None);
    assert_eq!(
        (i.target.comparator, i.target.change_pct, i.target.threshold),
        (Comparator::Decrease, Some(15.0), None)
    );
    assert_eq!(i.target.baseline_year, Some(2023));
    assert_verdicts(
        &d,
        9,
        &[
            (UNN, None, Some(12480.0), 10171.0, Met),
            (NLSH, None, Some(6904.0), 6212.0, NotMet),
            (HSYK, None, Some(2315.0), 1890.0, Met),
            (FINNMARK, None, Some(3020.0), 3145.0, NotMet),
        ],
    );
}

#[test]
fn v5_units_with_absence_over_8_percent_target_is_read() {
    let d = doc(V5);
    let i = target(&d, 23, None);
    // "over 8 %" names the measure; it is not a threshold.
    assert_eq!(
        (i.target.comparator, i.target.change_pct, i.target.threshold),
        (Comparator::Decrease, Some(10.0), None)
    );
}

#[test]
fn v5_units_with_absence_over_8_percent_verdicts() {
    let d = doc(V5);
    assert_verdicts(
        &d,
        23,
        &[
            (UNN, None, Some(142.0), 121.0, Met),
            (NLSH, None, Some(58.0), 55.0, NotMet),
            (HSYK, None, Some(27.0), 24.0, Met),
            (FINNMARK, None, Some(19.0), 19.0, NotMet),
        ],
    );
}

#[test]
fn v5_long_shifts_target_is_below_5_not_19() {
    let d = doc(V5);
    let i = target(&d, 31, None);
    assert_eq!(
        (i.target.comparator, i.target.threshold),
        (Comparator::Below, Some(5.0))
    );
}

#[test]
fn v5_long_shifts_verdicts_value_before_entity() {
    let d = doc(V5);
    assert_verdicts(
        &d,
        31,
        &[
            (UNN, None, None, 3.8, Met),
            (NLSH, None, None, 6.2, NotMet),
            (HSYK, None, None, 4.9, Met),
            (FINNMARK, None, None, 5.4, NotMet),
            (REGION, None, None, 4.8, Met),
        ],
    );
}

#[test]
fn v5_sickness_absence_lower_than_2023_region() {
    let d = doc(V5);
    let i = target(&d, 37, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Decrease, Some(2023))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::Met), Some(39)));
    let region = i
        .verdicts
        .iter()
        .find(|v| entity_matches(v, REGION))
        .unwrap_or_else(|| panic!("{}", dump(&d)));
    assert_eq!(
        (region.baseline_value, region.value, region.status),
        (Some(8.4), Some(8.1), Met)
    );
}

#[test]
fn v5_sickness_absence_gets_no_verdicts_from_an_unrelated_table() {
    let d = doc(V5);
    assert_verdicts(&d, 37, &[(REGION, None, Some(8.4), 8.1, Met)]);
}

#[test]
fn v5_no_false_flags() {
    let d = doc(V5);
    // Table 9: sums 7 126 and 8 025 and every % change are right; 18,5 %, 10,0 %, 18,4 % and
    // 0,3 prosentpoeng are right.
    assert_no_other_flags(&d, &[]);
}

// ---------------------------------------------------------------------------------------------
// v6: Helse Midt-Norge, deliberate errors among correct figures
// ---------------------------------------------------------------------------------------------

#[test]
fn v6_targets_and_verdicts() {
    let d = doc(V6);
    let tsb = target(&d, 9, None);
    assert_eq!(
        (tsb.target.comparator, tsb.target.baseline_year),
        (Comparator::Increase, Some(2023))
    );
    assert_verdicts(&d, 9, &[(REGION, None, Some(4210.0), 4590.0, Met)]);
    assert_verdicts(&d, 21, &[(REGION, PHBU, Some(52.0), 58.0, NotMet)]);
    assert_verdicts(&d, 33, &[(REGION, None, Some(1874.0), 1912.0, NotMet)]);
    let epi = target(&d, 55, None);
    assert_eq!(
        (epi.target.comparator, epi.target.threshold),
        (Comparator::AtLeast, Some(70.0))
    );
    assert_eq!((epi.claim, epi.claim_line), (Some(Claim::Met), Some(61)));
    assert_verdicts(
        &d,
        55,
        &[
            (REGION, None, None, 66.0, NotMet),
            (STOLAV, None, None, 64.0, NotMet),
            (HMR, None, None, 67.0, NotMet),
            (HNT, None, None, 74.0, Met),
        ],
    );
    assert_verdicts(
        &d,
        69,
        &[
            (REGION, None, Some(61.2), 65.7, Met),
            (HNT, None, Some(10.6), 11.5, Met),
        ],
    );
    assert_verdicts(&d, 81, &[(REGION, None, Some(2350.0), 2030.0, Met)]);
}

#[test]
fn v6_wrong_percentage_change_is_flagged() {
    let d = doc(V6);
    // 4 210 → 4 590 is +9,0 %, not 11,2 %.
    let f = d
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::Arithmetic && overlaps(f, &(13..=15)))
        .unwrap_or_else(|| panic!("{}", dump(&d)));
    assert_eq!(f.stated, Some(11.2));
}

#[test]
fn v6_direction_word_contradicting_values_is_flagged() {
    let d = doc(V6);
    // "redusert fra 52 til 58 dager".
    assert_finding(&d, FindingKind::Arithmetic, 27..=27);
}

#[test]
fn v6_wrong_rate_per_100k_is_flagged() {
    let d = doc(V6);
    assert_finding(&d, FindingKind::Arithmetic, 37..=39);
}

#[test]
fn v6_claim_met_contradicted_by_66_percent() {
    let d = doc(V6);
    assert_finding(&d, FindingKind::ClaimMismatch, 61..=61);
}

#[test]
fn v6_wrong_table_sum_is_flagged() {
    let d = doc(V6);
    let f = d
        .findings
        .iter()
        .find(|f| {
            f.kind == FindingKind::Arithmetic && overlaps(f, &(95..=95)) && f.stated == Some(84.0)
        })
        .unwrap_or_else(|| panic!("{}", dump(&d)));
    assert!(close(f.computed, 82.0), "{f:?}");
}

#[test]
fn v6_placeholder_is_flagged() {
    let d = doc(V6);
    assert_finding(&d, FindingKind::Placeholder, 113..=113);
}

#[test]
fn v6_correct_figures_are_not_flagged() {
    let d = doc(V6);
    // Right and must stay silent: 5,7 % (61 840 → 65 380), 92,1 per 100 000 (442 / 480 000),
    // 7,4 % relative for 61,2 → 65,7, 14 % for 2 350 → 2 030, 90,2 / 81,5 / 85,7 % in table 7,
    // 6,3 % for 302 → 321, 57/81 = 70 %, −536 + 212 = −324, 0,2 prosentpoeng.
    assert_no_other_flags(
        &d,
        &[
            (FindingKind::Arithmetic, 13..=15),
            (FindingKind::Arithmetic, 27..=27),
            // Tolerated: a claim "innfridd" next to figures that went up is also a mismatch.
            (FindingKind::ClaimMismatch, 27..=27),
            (FindingKind::Arithmetic, 37..=39),
            (FindingKind::ClaimMismatch, 61..=61),
            // The wrong sum, and its knock-on on the Sum row's percentage.
            (FindingKind::Arithmetic, 95..=95),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// v7: Helse Vest board case (nynorsk), table flattened one cell per line
// ---------------------------------------------------------------------------------------------

#[test]
fn v7_waiting_time_targets_per_area_are_read() {
    let d = doc(V7);
    for (s, t) in [(SOM, 61.0), (PHV, 44.0), (PHBU, 41.0), (TSB, 33.0)] {
        let i = target(&d, 7, s);
        assert_eq!(
            (i.target.comparator, i.target.threshold, i.target.unit),
            (Comparator::AtMost, Some(t), Some(TargetUnit::Days))
        );
    }
}

#[test]
fn v7_waiting_time_verdicts_from_one_cell_per_line_table() {
    let d = doc(V7);
    let rows: [(&'static str, [f64; 4]); 5] = [
        (BERGEN, [63.0, 46.0, 52.0, 31.0]),
        (STAVANGER, [59.0, 42.0, 45.0, 35.0]),
        (FONNA, [57.0, 40.0, 38.0, 28.0]),
        (FORDE, [54.0, 39.0, 36.0, 24.0]),
        (REGION, [60.0, 43.0, 46.0, 31.0]),
    ];
    let limits = [(SOM, 61.0), (PHV, 44.0), (PHBU, 41.0), (TSB, 33.0)];
    let mut exp: Vec<Exp> = Vec::new();
    for (e, vals) in rows {
        for ((s, lim), v) in limits.iter().zip(vals) {
            exp.push((e, *s, None, v, if v <= *lim { Met } else { NotMet }));
        }
    }
    assert_verdicts(&d, 7, &exp);
}

#[test]
fn v7_nobody_waits_over_12_months() {
    let d = doc(V7);
    let i = target(&d, 77, None);
    assert_eq!(
        (i.target.comparator, i.target.threshold),
        (Comparator::AtMost, Some(0.0))
    );
    assert_eq!((i.claim, i.claim_line), (Some(Claim::NotMet), Some(79)));
    assert_verdicts(&d, 77, &[(REGION, None, None, 214.0, NotMet)]);
}

#[test]
fn v7_more_than_halved_is_wrong() {
    let d = doc(V7);
    assert_finding(&d, FindingKind::Arithmetic, 79..=80);
}

#[test]
fn v7_sickness_absence_reduced_against_2024() {
    let d = doc(V7);
    let i = target(&d, 84, None);
    assert_eq!(
        (i.target.comparator, i.target.baseline_year),
        (Comparator::Decrease, Some(2024))
    );
    assert_verdicts(
        &d,
        84,
        &[
            (REGION, None, Some(8.0), 7.6, Met),
            (FONNA, None, Some(8.9), 8.1, Met),
        ],
    );
}

#[test]
fn v7_no_false_flags() {
    let d = doc(V7);
    // 14,4 % for 98,4 → 112,6 mill. kroner is right.
    assert_no_other_flags(&d, &[(FindingKind::Arithmetic, 79..=80)]);
    assert_no_missing_data_at(&d, 7..=9);
}
