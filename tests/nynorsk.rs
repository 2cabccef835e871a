//! A hand-made nynorsk annual report in the style of Helse Vest: targets, claims, verdicts and
//! findings must come out as a reviewer reads them.

use meldingssjekk::model::{Claim, Comparator, FindingKind, Status, VerdictStatus};
use meldingssjekk::report::DocumentReport;

fn doc() -> DocumentReport {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/vest_nynorsk.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    meldingssjekk::analyze("vest_nynorsk.txt", &bytes)
        .unwrap()
        .report
}

#[test]
fn below_threshold_per_trust() {
    let d = doc();
    let i = d
        .indicators
        .iter()
        .find(|i| i.line == 7)
        .expect("target at line 7");
    assert_eq!(i.target.comparator, Comparator::Below);
    assert_eq!(i.target.threshold, Some(5.0));
    assert_eq!(i.claim, Some(Claim::NotMet));
    let fonna = i
        .verdicts
        .iter()
        .find(|v| v.entity == "Helse Fonna HF")
        .unwrap();
    assert_eq!((fonna.value, fonna.status), (Some(4.2), VerdictStatus::Met));
    let region = i.verdicts.iter().find(|v| v.entity == "Regionen").unwrap();
    assert_eq!(
        (region.value, region.status),
        (Some(6.3), VerdictStatus::NotMet)
    );
    // The region's figure decides the region's claim: no mismatch.
    assert!(!d
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::ClaimMismatch && f.line == 9));
}

#[test]
fn areas_in_one_sentence() {
    // "… skal reduserast samanlikna med 2023 for somatikk, psykisk helsevern vaksne og TSB":
    // one target per area, each judged on its own figures; the report's "delvis oppfylt"
    // speaks for all three.
    let d = doc();
    let at_12: Vec<_> = d.indicators.iter().filter(|i| i.line == 12).collect();
    assert_eq!(at_12.len(), 3, "one target per area");
    assert!(at_12
        .iter()
        .all(|i| i.target.comparator == Comparator::Decrease && i.claim == Some(Claim::Partial)));
    let tsb = at_12
        .iter()
        .find(|i| i.target.subject.as_deref() == Some("TSB"))
        .expect("TSB target");
    let v = &tsb.verdicts[0];
    assert_eq!(
        (v.baseline_value, v.value, v.status),
        (Some(38.0), Some(41.0), VerdictStatus::NotMet)
    );
    assert_eq!(tsb.status, Status::NotMet);
    let somatikk = at_12
        .iter()
        .find(|i| i.target.subject.as_deref() == Some("Somatikk"))
        .expect("somatikk target");
    assert_eq!(somatikk.status, Status::Met);
}

#[test]
fn zero_target_and_uncertain_claim() {
    let d = doc();
    let i = d
        .indicators
        .iter()
        .find(|i| i.line == 23)
        .expect("zero target");
    assert_eq!(
        (i.target.comparator, i.target.threshold),
        (Comparator::AtMost, Some(0.0))
    );
    assert_eq!(i.claim, Some(Claim::Uncertain));
    assert_eq!(i.status, Status::NotMet);
}

#[test]
fn claim_contradicted_by_the_figure_and_a_wrong_direction_word() {
    let d = doc();
    let f = d
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::ClaimMismatch && f.line == 29)
        .expect("mismatch at 29");
    assert_eq!(f.severity, meldingssjekk::model::Severity::Error);
    assert!(
        d.findings
            .iter()
            .any(|f| f.kind == FindingKind::Arithmetic && f.line == 21),
        "{:#?}",
        d.findings
    );
}
