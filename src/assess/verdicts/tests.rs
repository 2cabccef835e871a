use crate::model::{Claim, Comparator, FindingKind, Status, VerdictStatus};
use crate::report::DocumentReport;

#[test]
fn targets_listed_after_a_lead_with_a_colon() {
    // Nynorsk: the lead names the measure and year, each item an area and its figure.
    let text = "Innleiing.\n\nMåltala for gjennomsnittleg ventetid i 2024 er:\n\
        \x20  – somatikk: under 55 dagar\n\
        \x20  – TSB: under 30 dagar\n\n\
        Ventetida i somatikk var 57 dagar og i TSB 24 dagar.\n";
    let r = report(text);
    let got = subjects_and_thresholds(&r);
    assert_eq!(
        got,
        vec![(Some("Somatikk"), Some(55.0)), (Some("TSB"), Some(30.0))]
    );
    // The items without a colon: "somatikk 55 dagar, PHV 44 dagar og TSB 30 dagar" after a lead
    // that ends in its comparator.
    let text = "Innleiing.\n\nKravet var at gjennomsnittleg ventetid skulle vere under:\n\
        somatikk 55 dagar, PHV 44 dagar og TSB 30 dagar (sjå tabell 1).\n";
    let r = report(text);
    assert_eq!(
        subjects_and_thresholds(&r),
        vec![
            (Some("Somatikk"), Some(55.0)),
            (Some("Psykisk helsevern voksne"), Some(44.0)),
            (Some("TSB"), Some(30.0))
        ]
    );
    // Fail: a dash that continues a sentence is no list item, and no target.
    let prose = "Ventetida skal ned i somatikk og\n– psykisk helsevern innan 2026.\n";
    assert!(report(prose)
        .indicators
        .iter()
        .all(|i| i.target.threshold.is_none()));
}

#[test]
fn a_closing_status_table_answers_the_targets_listed_first() {
    let text = "1. Styringsmål for 2025\n\n\
        a) Gjennomsnittlig ventetid skal være under 65 dager i somatikk og under 40 dager i PHBU.\n\
        b) Minst 70 prosent av epikrisene skal være sendt innen 1 dag etter utskrivning.\n\n\
        2. Resultater\n\n\
        Ventetiden i somatikk var 67 dager og i PHBU 38 dager. Andelen epikriser sendt innen\n\
        1 dag var 67,8 prosent.\n\n\
        3. Oppsummering\n\n\
        Styringsmål                               Resultat        Status\n\
        Ventetid somatikk under 65 dager          67 dager        Ikke oppnådd\n\
        Ventetid PHBU under 40 dager              38 dager        Oppnådd\n\
        Epikrise innen 1 dag, minst 70 prosent    67,8 prosent    Oppnådd\n";
    let r = report(text);
    let claim = |needle: &str, subject: Option<&str>| {
        r.indicators
            .iter()
            .find(|i| i.text.contains(needle) && i.target.subject.as_deref() == subject)
            .and_then(|i| i.claim)
    };
    assert_eq!(claim("ventetid", Some("Somatikk")), Some(Claim::NotMet));
    assert_eq!(
        claim("ventetid", Some("Psykisk helsevern barn og unge")),
        Some(Claim::Met)
    );
    assert_eq!(claim("epikrisene", None), Some(Claim::Met));
    // The epikrise row says "Oppnådd" against 67,8 % of a 70 % floor: the report's own
    // figures contradict it.
    assert!(
        r.findings
            .iter()
            .any(|f| f.kind == FindingKind::ClaimMismatch && f.line == 16),
        "{:#?}",
        r.findings
    );
}

#[test]
fn a_trusts_own_list_and_claim_answer_each_area() {
    let text = "Helse Førde HF\nTilleggsrapportering 2024\n\n\
        Mål\nFor 2024 var målet at ventetida skulle vere under 58 dagar i somatikken, under 42 dagar i psykisk helsevern for vaksne, under 40 dagar i psykisk helsevern for barn og unge og under 33 dagar i TSB.\n\n\
        Resultat\nGjennomsnittleg ventetid 2024 (2023 i parentes):\n\
        - Somatikk: 56 dagar (60)\n- Psykisk helsevern vaksne: 45 dagar (47)\n\
        - Psykisk helsevern barn og unge: 38 dagar (44)\n- TSB: 30 dagar (31)\n\n\
        Helse Førde nådde måla i alle område unntatt psykisk helsevern for vaksne.\n\n\
        I psykisk helsevern for vaksne gjekk ventetida ned med 2 dagar.\n";
    let r = report(text);
    let by_area = |area: &str| {
        let i = r
            .indicators
            .iter()
            .find(|i| i.target.subject.as_deref() == Some(area))
            .unwrap_or_else(|| panic!("{area}: {:#?}", r.indicators));
        let v: Vec<(f64, VerdictStatus)> = i
            .verdicts
            .iter()
            .filter_map(|v| Some((v.value?, v.status)))
            .collect();
        (i.claim, v)
    };
    // Every item of the list is the trust's figure, the last one too.
    assert_eq!(
        by_area("TSB"),
        (Some(Claim::Met), vec![(30.0, VerdictStatus::Met)])
    );
    // The trust's own claim, with its exception, is the report's claim per area; the
    // change of 2 dagar is not a level.
    assert_eq!(
        by_area("Psykisk helsevern voksne"),
        (Some(Claim::NotMet), vec![(45.0, VerdictStatus::NotMet)])
    );
    assert_no_claim_mismatch(&r);
}

#[test]
fn a_list_after_a_lead_that_names_the_requirements_later() {
    let text = "Helse Vest RHF stilte desse krava til gjennomsnittleg ventetid (jf. tabell 1):\n\
        \x20  - somatikk: under 55 dagar\n\
        \x20  - psykisk helsevern for barn og unge (BUP): under 40 dagar\n\n\
        Alle helseføretaka innfridde kravet i somatikken.\n\
        Kravet for BUP vart ikkje oppfylt for regionen samla.\n\
        Ventetida i BUP var 42 dagar for regionen. Helse Førde hadde 36 dagar i BUP.\n";
    let r = report(text);
    let got = subjects_and_thresholds(&r);
    assert_eq!(
        got,
        vec![
            (Some("Somatikk"), Some(55.0)),
            (Some("Psykisk helsevern barn og unge"), Some(40.0))
        ]
    );
    // The BUP claim is the region's, not every trust's: Helse Førde's 36 dagar does not
    // contradict it.
    assert_no_claim_mismatch(&r);
}

#[test]
fn a_section_on_another_target_answers_that_target() {
    let text = "Styringsmål 2024\n\n\
        Andelen pakkeforløp gjennomført innenfor standard forløpstid skal være minst 70 prosent.\n\
        Minst 70 prosent av epikrisene skal sendes innen 1 dag etter utskrivning.\n\n\
        Pakkeforløp for kreft\n\
        Målet for pakkeforløp innenfor standard forløpstid er ikke nådd for regionen, som hadde 66 prosent.\n\
        Finnmarkssykehuset har lavest andel, 58 prosent.\n\n\
        Epikrisetid\n\
        Målet for epikrisetid er nådd for regionen samlet, med 70,6 prosent.\n";
    let r = report(text);
    let epikrise = r
        .indicators
        .iter()
        .find(|i| i.text.contains("epikrisene"))
        .expect("epikrise target");
    // Fail before: Finnmarkssykehuset's 58 prosent under "Pakkeforløp for kreft" was taken
    // for the epikrise target too, against the report's "nådd".
    assert!(
        epikrise.verdicts.iter().all(|v| v.value != Some(58.0)),
        "{:#?}",
        epikrise.verdicts
    );
    assert_no_claim_mismatch(&r);
}

#[test]
fn a_claim_that_names_another_goal_is_not_this_targets() {
    let text = "Vestre Viken HF\nTilleggsrapportering 2024\n\n\
        Ventetiden i somatikken skal være under 58 dager.\n\n\
        Ventetiden i somatikken var 57 dager i 2024.\n\n\
        Det er registrert 422 fristbrudd. Målet om null fristbrudd er ikke nådd.\n";
    let r = report(text);
    let i = &r.indicators[0];
    assert_eq!(i.status, Status::Met);
    assert_ne!(i.claim, Some(Claim::NotMet));
    assert_no_claim_mismatch(&r);
    // Pass: a goal restated by its figure is this target's ("Målet om 20 prosent reduksjon").
    let text = "Sjukefråveret skal reduserast med 20 prosent samanlikna med 2023.\n\n\
        Sjukefråveret gjekk ned frå 8,0 prosent i 2023 til 7,0 prosent i 2024. Målet om 20 prosent reduksjon er dermed ikkje nådd.\n";
    assert_eq!(report(text).indicators[0].claim, Some(Claim::NotMet));
}

/// Each target's area and threshold, in order.
fn subjects_and_thresholds(r: &DocumentReport) -> Vec<(Option<&str>, Option<f64>)> {
    r.indicators
        .iter()
        .map(|i| (i.target.subject.as_deref(), i.target.threshold))
        .collect()
}

/// The report's claims agree with its figures: no claim_mismatch finding.
fn assert_no_claim_mismatch(r: &DocumentReport) {
    assert!(
        r.findings
            .iter()
            .all(|f| f.kind != FindingKind::ClaimMismatch),
        "{:#?}",
        r.findings
    );
}

fn report(text: &str) -> DocumentReport {
    crate::analyze("t.txt", text.as_bytes())
        .map(|a| a.report)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn claim_at(d: &DocumentReport, line: usize) -> Option<(Claim, usize)> {
    let i = d.indicators.iter().find(|i| i.line == line)?;
    Some((i.claim?, i.claim_line?))
}

fn flags(d: &DocumentReport) -> Vec<(crate::model::FindingKind, usize)> {
    d.findings
        .iter()
        .filter(|f| f.kind != crate::model::FindingKind::MissingData)
        .map(|f| (f.kind, f.line))
        .collect()
}

#[test]
fn a_target_sentence_may_end_in_the_reports_verdict() {
    let d = report(
        "2.3 Epikriser\n\
         Andelen epikriser sendt innen 1 dag var 76,2 prosent (73,0 prosent).\n\
         Kravet er minst 75 prosent, og kravet er dermed oppfylt.\n",
    );
    assert_eq!(claim_at(&d, 3), Some((Claim::Met, 3)), "{d:#?}");
    // A requirement that it shall be met is no verdict.
    let d = report(
        "Kravet er minst 75 prosent, og målet skal være nådd innen 2026.\n\
         Andelen var 71,0 prosent.\n",
    );
    assert_eq!(claim_at(&d, 1), None, "{d:#?}");
}

#[test]
fn a_trusts_own_area_verdict_is_not_the_regions() {
    // "Helse Møre og Romsdal har ikke nådd målet for somatikk" speaks of that trust; the
    // region, whose figure went down, is not contradicted.
    let d = report(
        "Ventetiden skal reduseres sammenlignet med 2023 for somatikk og TSB.\n\n\
         For regionen gikk ventetiden i somatikken ned fra 74 til 72 dager og i TSB fra 20 til 18 dager.\n\
         Helse Møre og Romsdal har ikke nådd målet for somatikk.\n",
    );
    assert_eq!(flags(&d), vec![]);
}

#[test]
fn a_claim_for_every_trust_is_held_to_each_trusts_figure() {
    let text = "Minst 72 prosent av epikrisene skal sendes innen én dag.\n\n\
                Helse Bergen hadde 74,6 prosent, Helse Fonna 70,9 prosent og Helse Førde 78,1 prosent.\n\
                Kravet er innfridd i alle foretakene.\n";
    let d = report(text);
    assert_eq!(
        flags(&d),
        vec![(crate::model::FindingKind::ClaimMismatch, 4)]
    );
    // Pass: the same claim where every trust meets the target.
    let d = report(&text.replace("70,9", "72,9"));
    assert_eq!(flags(&d), vec![]);
}

#[test]
fn a_numbered_heading_ends_the_answer_to_a_target() {
    // The claim under "6. Felles løsning" answers the next section's assignment, not the
    // long-term target above it.
    let d = report(
        "5. Heltid\n\nAndelen ansatte i heltid skal være minst 75 prosent.\n\n\
         Ved utgangen av 2024 var andelen 68,4 prosent.\n\n\
         6. Felles løsning for ventelister\n\nOppdraget er gjennomført.\n",
    );
    let i = d.indicators.iter().find(|i| i.line == 3).expect("target");
    assert_eq!(i.claim, None);
}

#[test]
fn a_claim_naming_one_of_two_targets_answers_that_one() {
    // bokmål
    let d = report(
        "Styringsmål:\n\
         • Andelen fristbrudd skal ikke overstige 5 %.\n\
         • Gjennomsnittlig ventetid i psykisk helsevern barn og unge skal være under 40 dager.\n\
         \n\
         Sykehuset Østfold hadde 3,6 prosent fristbrudd.\n\
         Målet for ventetid i PHBU er ikke nådd.\n",
    );
    assert_eq!(claim_at(&d, 3), Some((Claim::NotMet, 6)), "{d:#?}");
    assert_eq!(claim_at(&d, 2), None, "{d:#?}");
    // Not bound to the trust of the sentence before it either.
    assert!(
        !d.findings
            .iter()
            .any(|f| f.kind == FindingKind::ClaimMismatch),
        "{:#?}",
        d.findings
    );
    // nynorsk
    let d = report(
        "Styringsmål:\n\
         • Delen fristbrot skal ikkje overstige 5 %.\n\
         • Ventetida i psykisk helsevern for barn og unge skal vere under 40 dagar.\n\
         \n\
         Ventetida i PHBU er ikkje oppfylt.\n",
    );
    assert_eq!(claim_at(&d, 3), Some((Claim::NotMet, 5)), "{d:#?}");
    assert_eq!(claim_at(&d, 2), None, "{d:#?}");
}

#[test]
fn unnamed_figures_in_a_trusts_own_report_are_the_trusts() {
    let body = "\n\nAndelen epikriser sendt innen én dag skal være minst 80 prosent.\n\n\
                Målet er ikke nådd. Andelen var 77,6 prosent i 2024.\n";
    for (title, owner) in [
        (
            "Årlig melding 2024 – Helse Stavanger HF",
            "Helse Stavanger HF",
        ),
        ("Årleg melding 2024 for Helse Førde HF", "Helse Førde HF"),
        ("Årlig melding 2024 for Helse Vest RHF", "Regionen"),
    ] {
        let d = report(&format!("{title}{body}"));
        let i = d.indicators.iter().find(|i| i.line == 3).expect("target");
        let who: Vec<&str> = i.verdicts.iter().map(|v| v.entity.as_str()).collect();
        assert_eq!(who, [owner], "{title}: {d:#?}");
    }
}

#[test]
fn the_answer_not_the_quoted_old_claim() {
    let d = report(
        "Spørsmål frå HOD: Delen pakkeforløp innanfor standard forløpstid skal vere minst 70 prosent. \
         Helse Nord RHF har i årleg melding rapportert at kravet er delvis oppfylt. Vi ber om tal per helseføretak.\n\
         \n\
         Svar:\n\
         Kravet er ikkje oppfylt for regionen samla.\n",
    );
    assert_eq!(claim_at(&d, 1), Some((Claim::NotMet, 4)), "{d:#?}");
}

#[test]
fn parts_of_a_whole_split_in_one_sentence_are_not_judged_again() {
    // The trust's whole share meets the target; its parts by area are no verdicts of their own
    // and do not make the report's "godt innanfor kravet" a contradiction.
    let d = report(
        "Minst 70 prosent av epikrisane skal vere sende innan éin dag.\n\
         I 2024 vart 73,8 prosent av epikrisane i Helse Førde sende innan éin dag, og føretaket ligg dermed godt innanfor kravet.\n\
         Av 49 000 epikrisar kom 41 000 frå somatikken, der delen var 76,2 prosent, og 8 000 frå psykisk helsevern og TSB, der delen var 61,5 prosent.\n",
    );
    assert_eq!(flags(&d), vec![], "{d:#?}");
    let i = d.indicators.iter().find(|i| i.line == 1).expect("target");
    assert!(i.verdicts.iter().all(|v| v.subject.is_none()), "{i:#?}");
}

#[test]
fn a_name_in_another_targets_sentence_is_no_measure_word() {
    // "Helse Vest har som mål at …" (another target, further on) does not make "Helse Bergen
    // hadde 73 prosent" a sentence about that target's measure.
    let d = report(
        "Målet var at minst 70 prosent av pakkeforløpa for kreft skulle gjennomførast innanfor standard forløpstid.\n\n\
         I 2024 vart 72 prosent av forløpa i Helse Vest gjennomførte innanfor standard forløpstid.\n\n\
         Helse Bergen hadde 73 prosent, Helse Stavanger 69 prosent og Helse Førde 76 prosent.\n\n\
         Målet er nådd for regionen samla.\n\n\n\
         Helse Vest har som mål at minst 20 prosent av dei polikliniske konsultasjonane skal vere digitale innan utgangen av 2027.\n",
    );
    let i = d.indicators.iter().find(|i| i.line == 1).expect("target");
    let trusts: Vec<&str> = i.verdicts.iter().map(|v| v.entity.as_str()).collect();
    assert!(trusts.contains(&"Helse Stavanger HF"), "{i:#?}");
}

#[test]
fn a_target_restated_as_a_results_row_takes_the_rows_answer() {
    // A list of targets, then a målekort whose status column is a traffic light and whose
    // comment column follows it: each row answers the target it restates.
    let d = report(
        "Styret har satt følgende styringsmål for 2024:\n\n\
         1. Gjennomsnittlig ventetid skal være under 55 dager.\n\
         2. Sykefraværet skal ikke overstige 8,0 prosent.\n\n\
         Tabell 1  Måloppnåelse 2024\n\
         Styringsmål              | Mål     | Resultat | Status | Kommentar\n\
         Ventetid (dager)         | < 55    | 57       | rød    | Ned fra 59 dager\n\
         Sykefravær (%)           | ≤ 8,0   | 8,4      | grønn  | Stabilt\n",
    );
    let at = |line: usize| d.indicators.iter().find(|i| i.line == line);
    let waiting = at(3).expect("ventetid");
    assert_eq!(waiting.claim, Some(Claim::NotMet), "{d:#?}");
    assert_eq!(waiting.verdicts.first().and_then(|v| v.value), Some(57.0));
    // The rows are not counted as targets of their own.
    assert!(at(8).is_none() && at(9).is_none(), "{d:#?}");
    // "grønn" on 8,4 against at most 8,0 is a claim the figures contradict.
    assert!(
        flags(&d).contains(&(crate::model::FindingKind::ClaimMismatch, 9)),
        "{:?}",
        flags(&d)
    );
}

#[test]
fn a_later_table_per_trust_gives_each_trust_its_column() {
    // Targets listed first; a table of results per trust, one column per measure, further on.
    let d = report(
        &[
            "Styringsmål for 2024:",
            "",
            "1. Gjennomsnittlig ventetid skal være under 60 dager.",
            "2. Foretaksgruppen skal ha et økonomisk resultat på minst 200 mill. kroner.",
            "",
            "Tabell 2  Resultater per helseforetak 2024",
            "                         Ventetid    Trombolyse",
            "                         (dager)     (%)",
            "UNN                      58          66,1",
            "Nordlandssykehuset       66          61,7",
            "Finnmarkssykehuset       63          58,2",
        ]
        .join("\n"),
    );
    let i = d.indicators.iter().find(|i| i.line == 3).expect("ventetid");
    let got: Vec<(&str, Option<f64>)> = i
        .verdicts
        .iter()
        .map(|v| (v.entity.as_str(), v.value))
        .collect();
    assert!(
        got.contains(&("Nordlandssykehuset HF", Some(66.0))),
        "{got:?}"
    );
    assert!(
        got.contains(&("Universitetssykehuset Nord-Norge HF", Some(58.0))),
        "{got:?}"
    );
    // The economy target has no column in it.
    let e = d.indicators.iter().find(|i| i.line == 4).expect("økonomi");
    assert!(e.verdicts.is_empty(), "{e:#?}");
}

#[test]
fn list_items_named_by_their_measure_and_signs_as_limits() {
    let d = report(
        "Krava i styringsdokumentet er:\n\
         - Ventetid: under 50 dagar i somatikken og under 40 dagar i psykisk helsevern for vaksne.\n\
         - Delen fristbrot skal ikkje vere høgare enn 1 prosent.\n\
         - Epikrisetid. Måltal: ≥ 90 %.\n\n\
         3.1 Ventetider\n\
         Ventetida i somatikken gjekk ned frå 58 dagar i T1 til 49 dagar i T3.\n\
         Målet for ventetid i somatikken vart ikkje nådd for året.\n",
    );
    let got = subjects_and_thresholds(&d);
    assert!(got.contains(&(Some("Somatikk"), Some(50.0))), "{got:?}");
    assert!(
        got.contains(&(Some("Psykisk helsevern voksne"), Some(40.0))),
        "{got:?}"
    );
    assert!(got.contains(&(None, Some(90.0))), "{got:?}");
    // 49 dagar in T3 is not the year's figure: no contradiction with "ikkje nådd for året".
    assert_eq!(flags(&d), vec![]);
}

#[test]
fn a_target_for_one_named_trust_is_that_trusts() {
    let d = report(
        "Krav for 2024:\n\
         a) Andelen epikriser sendt innen én dag skal være 70 prosent eller høyere.\n\
         b) For Oslo universitetssykehus gjelder et særskilt krav om at epikriseandelen skal være minst 60 prosent.\n\n\
         Oslo universitetssykehus hadde 61,4 prosent og Akershus universitetssykehus 58,9 prosent.\n",
    );
    let i = d.indicators.iter().find(|i| i.line == 3).expect("b");
    assert!(
        i.verdicts
            .iter()
            .all(|v| v.entity == "Oslo universitetssykehus HF"),
        "{i:#?}"
    );
}

#[test]
fn a_new_section_is_about_no_trust_of_the_paragraph_before_it() {
    // The region's claim under "Fristbrudd" is not Nordlandssykehuset's, though the last
    // paragraph of the section before opened with that trust.
    let text = [
        "Krav i oppdragsdokumentet 2024:",
        "• Gjennomsnittlig ventetid skal være under 40 dager i psykisk helsevern barn og unge.",
        "• Andelen fristbrudd skal være lavere enn 2,5 prosent.",
        "",
        "Tabell 1 Status per helseforetak",
        "Indikator                 UNN     Nordlands-   Helgelands-   Helse Nord",
        "                                  sykehuset    sykehuset     samlet",
        "Ventetid PHBU (dager)     44         38           36           42",
        "Andel fristbrudd (%)      2,4        3,1          1,2          2,4",
        "",
        "Ventetider",
        "Målet for barn og unge er ikke nådd for regionen.",
        "Nordlandssykehuset og Helgelandssykehuset ligger under 40 dager.",
        "",
        "Fristbrudd",
        "Kravet er innfridd for Helse Nord samlet med 2,4 prosent.",
        "",
    ]
    .join("\n");
    let r = report(&text);
    assert_no_claim_mismatch(&r);
    // The table's rows answer each measure for each trust.
    let fristbrudd = r
        .indicators
        .iter()
        .find(|i| i.measure.contains("fristbrudd"))
        .unwrap();
    let nlsh = fristbrudd
        .verdicts
        .iter()
        .find(|v| v.entity == "Nordlandssykehuset HF")
        .unwrap();
    assert_eq!(
        (nlsh.value, nlsh.status),
        (Some(3.1), VerdictStatus::NotMet)
    );
}

#[test]
fn list_items_that_open_with_their_comparator() {
    // "under 50 dagar i somatikken": the figure first, the area after it.
    let text = "Innleiing.\n\nKravet var at gjennomsnittleg ventetid i 2024 skulle vere:\n\
        • under 50 dagar i somatikken\n\
        • under 35 dagar i psykisk helsevern for barn og unge\n\n\
        Ventetida i somatikken var 52 dagar.\n";
    let r = report(text);
    assert_eq!(
        subjects_and_thresholds(&r),
        vec![
            (Some("Somatikk"), Some(50.0)),
            (Some("Psykisk helsevern barn og unge"), Some(35.0))
        ]
    );
    // Fail: an item with two areas is not one target of the lead.
    let text = "Innleiing.\n\nKravet var at ventetida skulle vere:\n\
        • under 50 dagar i somatikken og TSB\n\
        • kortare enn i fjor\n";
    assert!(report(text).indicators.is_empty());
}

#[test]
fn targets_listed_before_numbered_sections_are_answered_by_their_own_section() {
    // Each section answers the target its heading names: the claim of "1. Ventetid i
    // somatikken" is not the epikrise target's, though that one is about somatikk too.
    let text = "Bakgrunn\n\
        Helse Nord RHF stilte blant annet følgende krav for 2024:\n\
        - Gjennomsnittlig ventetid i somatikken skal være under 60 dager.\n\
        - Minst 80 prosent av epikrisene i somatikken skal sendes innen én dag.\n\n\
        1. Ventetid i somatikken\n\n\
        Nordlandssykehuset hadde 63 dager og Helgelandssykehuset 57 dager. Regionen hadde 61 dager.\n\
        Alle helseforetakene har redusert ventetiden, men kravet i somatikken er ikke innfridd; kun Helgelandssykehuset lå under 60 dager.\n\n\
        2. Epikrisetid\n\n\
        Nordlandssykehuset sendte 83 prosent av epikrisene innen én dag og Helgelandssykehuset \
        81 prosent. Kravet er nådd.\n";
    let r = report(text);
    let claim = |needle: &str| {
        r.indicators
            .iter()
            .find(|i| i.text.contains(needle))
            .and_then(|i| i.claim)
    };
    assert_eq!(claim("ventetid"), Some(Claim::NotMet));
    assert_eq!(claim("epikrisene"), Some(Claim::Met));
    assert_no_claim_mismatch(&r);
}

#[test]
fn a_closing_assessment_in_prose_answers_the_targets_it_names() {
    let text = "Årleg melding 2024\n\n\
2.1 Ventetid\n\n\
Gjennomsnittleg ventetid skal vere under 60 dagar i somatikken og under 35 dagar i TSB.\n\
Helse Bergen hadde 62 dagar i somatikken og 31 dagar i TSB.\n\n\
2.2 Epikrisetid\n\n\
Minst 70 prosent av epikrisane skal sendast innan ein dag.\n\
I 2024 vart 66 prosent sende innan ein dag.\n\n\
2.3 Samhandling\n\n\
Helsefellesskapa har laga felles planar for skrøpelege eldre.\n\n\
3 Vurdering\n\n\
Kravet for somatikk er ikkje innfridd.\n\
Kravet for TSB er innfridd for regionen samla.\n\
Målet for epikrisetid er ikkje nådd.\n";
    let r = report(text);
    let claims: Vec<Option<Claim>> = r.indicators.iter().map(|i| i.claim).collect();
    assert_eq!(
        claims,
        vec![Some(Claim::NotMet), Some(Claim::Met), Some(Claim::NotMet)]
    );
    assert_no_claim_mismatch(&r);
    // Fail: a closing sentence that could name either of two targets answers neither, and one
    // that names a trust is that trust's claim, not the target's.
    let text = "1 Ventetid\n\n\
Ventetida i somatikken skal vere under 60 dagar.\n\
Delen fristbrot i somatikken skal vere under 2 prosent.\n\
Det var 62 dagar i snitt.\n\n\
2 Samhandling\n\n\
Helsefellesskapa har laga felles planar.\n\n\
3 Vurdering\n\n\
Kravet for somatikk er ikkje innfridd.\n\
Helse Bergen har nådd målet om epikrisetid.\n";
    let r = report(text);
    assert!(
        r.indicators.iter().all(|i| i.claim.is_none()),
        "{:?}",
        r.indicators
            .iter()
            .map(|i| (i.line, i.claim))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_claim_naming_the_region_after_a_trusts_paragraph_is_the_regions() {
    // Pass: the last sentence names Helse Vest, so it is not Helse Fonna's claim, and Fonna's
    // figure (a fall of 12,9 %) does not contradict it.
    let text = "Årleg melding 2020\n\n\
Talet på korridorpasientar skal reduserast med minst 20 prosent samanlikna med 2019.\n\
Helse Bergen gjekk frå 24,6 til 19,1 per døgn. Helse Fonna gjekk frå 6,2 til 5,4 per døgn, \
ein nedgang som ikkje er stor nok til å nå målet. Kravet er likevel nådd for Helse Vest samla.\n";
    let r = report(text);
    assert_no_claim_mismatch(&r);
}

#[test]
fn a_tertial_report_leaves_targets_of_the_year_pending() {
    let head = "Sykehuset Telemark HF\n\nVirksomhetsrapport per 2. tertial 2025\n\n\
Målene er årsmål for 2025.\n\n";
    let table = "Tabell 1 Styringsmål per 2. tertial 2025\n\
Indikator                                  Mål 2025   Hittil i år   Status\n\
Gjennomsnittlig ventetid somatikk (dager)  < 55       56            Nådd\n\
Epikriser sendt innen 1 dag (%)            ≥ 70       72            Nådd\n";
    // The year is not over: the verdicts are pending.
    let r = report(&format!("{head}{table}"));
    assert_eq!(r.indicators.len(), 2);
    assert!(r
        .indicators
        .iter()
        .flat_map(|i| &i.verdicts)
        .all(|v| v.status == VerdictStatus::Pending));
    // Fail: targets the report judges per month are decided on the figures so far.
    let cue = "Målene i tabell 1 gjelder for hver måned.\n\n";
    let r = report(&format!("{head}{cue}{table}"));
    assert!(r
        .indicators
        .iter()
        .flat_map(|i| &i.verdicts)
        .all(|v| matches!(v.status, VerdictStatus::Met | VerdictStatus::NotMet)));
    // Fail: a tertial report that does not say its targets are for the year is read as its
    // status says, on the figures so far; and an annual report is decided.
    let r = report(&format!(
        "Sykehuset Telemark HF\n\nVirksomhetsrapport per 2. tertial 2025\n\n{table}"
    ));
    assert!(r
        .indicators
        .iter()
        .flat_map(|i| &i.verdicts)
        .all(|v| v.status != VerdictStatus::Pending));
    let r = report(&format!("Årlig melding 2025\n\n{table}"));
    assert!(r
        .indicators
        .iter()
        .flat_map(|i| &i.verdicts)
        .all(|v| v.status != VerdictStatus::Pending));
}

#[test]
fn a_forecast_status_is_not_contradicted_by_the_figures_so_far() {
    let head = "Sykehuset Telemark HF\n\nVirksomhetsrapport per 2. tertial 2025\n\n\
Målene er årsmål for 2025.\n\n";
    let table = |status: &str| {
        format!(
            "Tabell 1 Styringsmål per 2. tertial 2025\n\
Indikator                                  Mål 2025   Hittil i år   Status\n\
Innleie bemanningsbyrå (mill. kr)          ≤ 30,0     24,6          {status}\n"
        )
    };
    // Pass: 24,6 so far is within the limit, and the status forecasts the year's end.
    let r = report(&format!("{head}{}", table("Forventes ikke nådd")));
    assert_no_claim_mismatch(&r);
    // Fail: a plain status is held to the figures so far.
    let r = report(&format!("{head}{}", table("Ikke nådd")));
    assert!(
        r.findings
            .iter()
            .any(|f| f.kind == FindingKind::ClaimMismatch),
        "{:#?}",
        r.findings
    );
}

#[test]
fn a_claim_naming_one_listed_targets_figure_is_that_targets() {
    // Two targets in a dash list share one measure word; the first claim names the first
    // target's figure, the second is the second target's.
    let text = "Måla for 2024 var:\n\
        – Sjukefråværet skal vere 7,5 prosent eller lågare i 2024.\n\
        – Talet på einingar med sjukefråvær over 10 prosent skal bli lågare enn i 2023.\n\
        Sjukefråværet gjekk ned frå 8,9 prosent i 2023 til 8,3 prosent i 2024. Målet om eit \
        sjukefråvær på 7,5 prosent eller lågare er ikkje nådd.\n\
        Talet på einingar med sjukefråvær over 10 prosent gjekk ned frå 14 til 11. Dette delmålet er nådd.\n";
    let r = report(text);
    let claims: Vec<Option<Claim>> = r.indicators.iter().map(|i| i.claim).collect();
    assert_eq!(
        claims,
        [Some(Claim::NotMet), Some(Claim::Met)],
        "{:#?}",
        r.indicators
    );
    assert!(r
        .findings
        .iter()
        .all(|f| f.kind != FindingKind::ClaimMismatch));
}

#[test]
fn prose_comments_after_a_tab_separated_scorecard_answer_its_rows() {
    // A scorecard pasted from a spreadsheet: tabs between cells, no status column; the comments
    // under it answer its rows by measure and area.
    let text = "Målekort 2024\n\
        Indikator\tMål 2024\tjan\tfeb\tHittil i år\n\
        Ventetid somatikk, dagar\t< 55\t58\t50\t54\n\
        Ventetid TSB, dagar\t< 30\t26\t24\t25\n\
        Tal fristbrot, avvikla\t0\t31\t28\t59\n\n\
        Kommentar: Krava til ventetid er nådd for somatikk og TSB.\n\
        Målet om null fristbrot er ikkje nådd.\n";
    let r = report(text);
    let got: Vec<(Option<f64>, Option<Claim>)> = r
        .indicators
        .iter()
        .map(|i| (i.target.threshold, i.claim))
        .collect();
    assert!(got.contains(&(Some(0.0), Some(Claim::NotMet))), "{got:?}");
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn a_claim_is_for_the_area_its_paragraph_speaks_of() {
    // Nynorsk: four area targets in one sentence; the region's claim follows a sentence on
    // somatikk and names no area, the claim on PHBU follows one on PHBU.
    let text = "Årleg melding 2024\n\n\
        Ventetida skal vere under høvesvis 58, 44, 39 og 31 dagar for somatikk, PHV, PHBU og TSB.\n\n\
        I somatikken var ventetida 61 dagar.\nRegionen når dermed ikkje kravet.\n\
        I psykisk helsevern for barn og unge var ventetida 37 dagar.\nKravet er nådd.\n";
    let r = report(text);
    let claim_of = |area: &str| {
        r.indicators
            .iter()
            .find(|i| i.target.subject.as_deref() == Some(area))
            .and_then(|i| i.claim)
    };
    assert_eq!(claim_of("Somatikk"), Some(Claim::NotMet));
    assert_eq!(claim_of("Psykisk helsevern barn og unge"), Some(Claim::Met));
    // Fail: PHV and TSB get neither paragraph's claim.
    assert_eq!(claim_of("Psykisk helsevern voksne"), None);
    assert_eq!(claim_of("TSB"), None);
    assert_no_claim_mismatch(&r);
}

#[test]
fn list_items_take_no_figure_that_names_no_area() {
    let text = "Årleg melding 2024\n\nMåltala for gjennomsnittleg ventetid i 2024 var:\n\
        \x20 – somatikk: under 55 dagar\n\
        \x20 – TSB: under 30 dagar\n\n\
        Regionen samla endar på 42 dagar.\n";
    let r = report(text);
    assert_eq!(r.indicators.len(), 2);
    assert!(
        r.indicators.iter().all(|i| i.verdicts.is_empty()),
        "{:?}",
        r.indicators
    );
}

#[test]
fn a_target_for_named_months_takes_only_those_months_figures() {
    let text = "Statusrapport oktober 2025\n\n\
        Andelen fristbrudd skal være under 2 prosent i september og oktober 2025.\n\n\
        Samlet for januar–oktober var andelen 2,6 prosent. Målet om under 2 prosent i september \
        og oktober er nådd.\n";
    let r = report(text);
    let i = &r.indicators[0];
    assert!(i.verdicts.is_empty(), "{:?}", i.verdicts);
    assert_no_claim_mismatch(&r);
    // Pass: a figure for the same months is the target's.
    let text = "Statusrapport oktober 2025\n\n\
        Andelen fristbrudd skal være under 2 prosent i september og oktober 2025.\n\n\
        I september og oktober var andelen 1,7 prosent.\n";
    let r = report(text);
    assert_eq!(r.indicators[0].verdicts.len(), 1);
    assert_eq!(r.indicators[0].verdicts[0].value, Some(1.7));
}

#[test]
fn a_column_headed_by_the_area_alone_gives_its_figure() {
    let text = "Årleg melding 2024\n\n\
        Ventetida skal vere under høvesvis 60 og 30 dagar for somatikk og TSB.\n\n\
        Tabell 1 Ventetid 2024 (dagar)\n\
        \x20                       Somatikk    TSB     Avvikla somatikk\n\
        Helse Bergen            63          26      84 200\n\
        Helse Stavanger         58          31      52 600\n";
    let r = report(text);
    let soma = r
        .indicators
        .iter()
        .find(|i| i.target.subject.as_deref() == Some("Somatikk"))
        .expect("somatikk target");
    let mut got: Vec<(String, Option<f64>)> = soma
        .verdicts
        .iter()
        .map(|v| (v.entity.clone(), v.value))
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        vec![
            ("Helse Bergen HF".to_string(), Some(63.0)),
            ("Helse Stavanger HF".to_string(), Some(58.0))
        ]
    );
}

#[test]
fn a_date_in_a_target_sentence_is_no_period() {
    // "11. juni 2024" dates the meeting; the target is not for June.
    let text = "Årlig melding 2024\n\n\
        I foretaksmøtet 11. juni 2024 ble det stilt krav om at sykefraværet skal være under 7 prosent.\n\n\
        Sykefraværet var 6,8 prosent i 2024.\n";
    let r = report(text);
    assert_eq!(r.indicators[0].verdicts.len(), 1, "{:?}", r.indicators);
}

#[test]
fn list_items_in_small_letters_after_a_lead_are_targets_each() {
    // Dash items that open with a small letter, under a lead that ends with a colon: one target
    // per item, not one sentence of all four.
    let text = "Innledning.\n\nOppdraget stilte blant annet disse kravene:\n\
        – gjennomsnittlig ventetid skal ikke være høyere enn 55 dager\n\
        – andelen fristbrudd skal maksimalt være 1,2 prosent\n\
        – minst 70 prosent av pakkeforløpene skal gjennomføres innen standard forløpstid\n";
    let r = report(text);
    let got: Vec<(usize, Option<f64>)> = r
        .indicators
        .iter()
        .map(|i| (i.line, i.target.threshold))
        .collect();
    assert_eq!(got, vec![(4, Some(55.0)), (5, Some(1.2)), (6, Some(70.0))]);
}

#[test]
fn a_list_item_of_area_and_limit_shares_its_siblings_measure() {
    // "PHBU: maksimalt 40 dager" after items that name the measure ("ventetiden skal …").
    let text = "Innledning.\n\nKravene gjelder for hver kalendermåned:\n\
        – somatikk: ventetiden skal være under 58 dager\n\
        – psykisk helsevern barn og unge (PHBU): maksimalt 40 dager\n\
        – tverrfaglig spesialisert rusbehandling (TSB): under 30 dager\n";
    let r = report(text);
    assert_eq!(
        subjects_and_thresholds(&r),
        vec![
            (Some("Somatikk"), Some(58.0)),
            (Some("Psykisk helsevern barn og unge"), Some(40.0)),
            (Some("TSB"), Some(30.0))
        ]
    );
    // Fail: an item whose label is no area is not read so.
    let text = "Innledning.\n\nKravene gjelder for hver kalendermåned:\n\
        – somatikk: ventetiden skal være under 58 dager\n\
        – for pasienter som venter lengst i kø: maksimalt 40 dager\n";
    assert_eq!(report(text).indicators.len(), 1);
}

#[test]
fn a_trust_excepted_by_its_abbreviation_is_not_claimed_to_meet_the_target() {
    // "… for alle helseforetak unntatt NLSH": NLSH is excepted, not claimed to meet the target,
    // and a bound ("lå over 58 dager") is no trust's figure.
    let text = "Styringskrav for 2026\n\
        Helse Nord RHF har stilt følgende krav til ventetid. Kravene gjelder for hver måned:\n\
        – somatikk: ventetiden skal være under 58 dager\n\
        – psykisk helsevern voksne (PHV): ventetiden skal ikke være over 44 dager\n\n\
        Tabell 1 Ventetid per helseforetak, oktober 2026\n\
        \x20                     Somatikk   PHV\n\
        \x20                     (dager)    (dager)\n\
        UNN                   61         43\n\
        NLSH                  56         47\n\
        Finnmarkssykehuset    59         41\n\
        I somatikken nådde NLSH kravet, mens UNN og Finnmarkssykehuset lå over 58 dager.\n\
        For PHV er kravet innfridd for foretaksgruppen og for alle helseforetak unntatt NLSH.\n";
    let r = report(text);
    assert_no_claim_mismatch(&r);
    let phv = r
        .indicators
        .iter()
        .find(|i| i.target.threshold == Some(44.0))
        .expect("the PHV target");
    assert!(
        phv.verdicts.iter().all(|v| v.value != Some(58.0)),
        "{:?}",
        phv.verdicts
    );
}

#[test]
fn a_limit_sign_in_a_rows_target_cell_is_not_the_rows_result() {
    let text = "Innledning.\n\n\
        Andelen nye kreftpasienter i pakkeforløp skal være minst 70 prosent.\n\n\
        Tabell 1 Måloppnåelse 2024\n\
        Indikator                          Mål       Resultat    Status\n\
        Nye kreftpasienter i pakkeforløp   ≥ 70 %    78 %        Grønn\n";
    let r = report(text);
    let values: Vec<Option<f64>> = r.indicators[0].verdicts.iter().map(|v| v.value).collect();
    assert!(!values.contains(&Some(70.0)), "{values:?}");
}

#[test]
fn two_targets_restated_as_rows_take_the_row_that_names_each_best() {
    // Both rows share "pakkeforløp"; each target takes the row that names more of its measure.
    let text = "Innledning.\n\nKravene til kvalitet er disse:\n\
        – andelen nye kreftpasienter som inngår i pakkeforløp, skal være minst 70 prosent\n\
        – andelen pakkeforløp gjennomført innenfor standard forløpstid skal være minst 70 prosent\n\n\
        Tabell 1 Måloppnåelse 2024\n\
        Indikator                                  Mål       Resultat    Status\n\
        Nye kreftpasienter i pakkeforløp           ≥ 70 %    78 %        Grønn\n\
        Pakkeforløp, andel innenfor standard tid   ≥ 70 %    66 %        Rød\n";
    let r = report(text);
    let got: Vec<(usize, Vec<Option<f64>>)> = r
        .indicators
        .iter()
        .filter(|i| i.line < 6)
        .map(|i| (i.line, i.verdicts.iter().map(|v| v.value).collect()))
        .collect();
    assert_eq!(got, vec![(4, vec![Some(78.0)]), (5, vec![Some(66.0)])]);
}

#[test]
fn figures_listed_respectively_for_areas_after_them() {
    let text = "Årleg melding 2025 Helgelandssykehuset HF\n\n\
        Gjennomsnittleg ventetid skal i 2025 vere under 55 dagar i somatikken og under 30 dagar i TSB.\n\n\
        Gjennomsnittleg ventetid for heile 2025 var høvesvis 57, 38, 41 og 26 dagar for somatikk, PHV,\n\
        PHBU og TSB.\n";
    let r = report(text);
    let got: Vec<(Option<&str>, Vec<Option<f64>>)> = r
        .indicators
        .iter()
        .map(|i| {
            (
                i.target.subject.as_deref(),
                i.verdicts.iter().map(|v| v.value).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("Somatikk"), vec![Some(57.0)]),
            (Some("TSB"), vec![Some(26.0)])
        ]
    );
}

#[test]
fn a_result_requirement_for_the_group_is_judged_on_the_groups_sum_in_millions() {
    // "Resultatkravet … var eit overskot på 250 mill. kroner" (a bare figure after the copula,
    // its direction from the measure), a table in millions (the caption's "(mill. kroner)"),
    // the RHF's own row beside the group's sum row, and a budget that is no result.
    let text = "Sak 24/26 Årleg melding 2025 Helse Midt-Norge RHF\n\n\
        Resultatkravet for føretaksgruppa i 2025 var eit overskot på 250 mill. kroner.\n\
        Tabell 5 Resultat 2025 (mill. kroner)\n\
        \x20                             Resultat    Budsjett    Avvik\n\
        St. Olavs hospital            162,4       150,0       12,4\n\
        Helse Møre og Romsdal         -38,7       10,0        -48,7\n\
        Helse Midt-Noreg RHF          97,3        60,0        37,3\n\
        Sum føretaksgruppa            251,2       250,0       1,2\n\
        Resultatkravet er nådd for føretaksgruppa samla.\n\
        For 2026 er det budsjettert med eit overskot på 300 mill. kroner.\n";
    let r = report(text);
    let i = &r.indicators[0];
    assert_eq!(i.target.threshold, Some(250e6));
    let got: Vec<(&str, Option<f64>)> = i
        .verdicts
        .iter()
        .map(|v| (v.entity.as_str(), v.value))
        .collect();
    assert_eq!(got, vec![("Regionen", Some(251.2e6))]);
    assert_no_claim_mismatch(&r);
    // A deficit is a negative result.
    let text = "Årleg melding 2024 Helse Møre og Romsdal HF\n\n\
        Resultatkravet for 2024 var eit overskot på 60 mill. kroner.\n\n\
        Føretaket fekk eit underskot på 84,3 mill. kroner i 2024.\n";
    let r = report(text);
    let values: Vec<Option<f64>> = r.indicators[0].verdicts.iter().map(|v| v.value).collect();
    assert_eq!(values, vec![Some(-84.3e6)]);
}

#[test]
fn a_requirement_quoted_with_its_leading_share() {
    // «Minst 70 prosent av …»: the quotation mark before the leading share.
    let text = "Årleg melding 2025\n\nKrav:\n\
        «Minst 70 prosent av epikrisane i somatikken skal vere sende innan 1 dag etter utskriving.»\n";
    let r = report(text);
    let t = &r.indicators[0].target;
    assert_eq!(
        (t.comparator, t.threshold),
        (Comparator::AtLeast, Some(70.0))
    );
}

#[test]
fn a_requirement_row_in_a_table_by_trust_sets_one_target_per_area_column() {
    let text = "Sak 09/26 Verksemdsrapport 2025 Helse Vest RHF\n\n\
        Tabell 1 Gjennomsnittleg ventetid for avvikla pasientar 2025 (dagar)\n\
        \x20                    Somatikk       PHV      TSB\n\
        Krav 2025              < 55          < 42     < 30\n\
        Helse Stavanger          58            44       27\n\
        Helse Fonna              52            39       31\n\
        Helse Bergen             55            41       26\n";
    let r = report(text);
    let got: Vec<(Option<&str>, Option<f64>, usize)> = r
        .indicators
        .iter()
        .map(|i| {
            (
                i.target.subject.as_deref(),
                i.target.threshold,
                i.verdicts.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("Somatikk"), Some(55.0), 3),
            (Some("Psykisk helsevern voksne"), Some(42.0), 3),
            (Some("TSB"), Some(30.0), 3)
        ]
    );
    let fonna_tsb = r.indicators[2]
        .verdicts
        .iter()
        .find(|v| v.entity == "Helse Fonna HF")
        .expect("Helse Fonna's TSB figure");
    assert_eq!(fonna_tsb.value, Some(31.0));
    assert_eq!(fonna_tsb.status, VerdictStatus::NotMet);
    // Fail: a row of figures labelled by no goal noun sets no target.
    let text = text.replace("Krav 2025   ", "Snitt 2024  ");
    assert!(report(&text).indicators.is_empty());
}

#[test]
fn a_change_in_points_is_judged_from_each_entitys_baseline_and_resolved_for_the_owner() {
    let text = "Årlig melding 2025 for Helse Nord RHF\n\n\
        Målet for 2025 var at andelen ansatte i heltidsstilling skulle øke med minst 2 prosentpoeng fra 2024.\n\n\
        Tabell 1 Andel ansatte i heltidsstilling (prosent)\n\
        \x20                       2024      2025\n\
        Nordlandssykehuset      59,9      61,1\n\
        Helgelandssykehuset     56,2      59,3\n\
        Helse Nord RHF          61,4      63,1\n";
    let r = report(text);
    let i = &r.indicators[0];
    // The owner's level: 61,4 + 2.
    assert_eq!(
        (i.target.comparator, i.target.threshold, i.target.change_pp),
        (Comparator::AtLeast, Some(63.4), Some(2.0)),
        "{r:#?}"
    );
    let got: Vec<(&str, VerdictStatus)> = i
        .verdicts
        .iter()
        .map(|v| (v.entity.as_str(), v.status))
        .collect();
    // +1,2, +3,1 and +1,7 points.
    assert_eq!(
        got,
        vec![
            ("Nordlandssykehuset HF", VerdictStatus::NotMet),
            ("Helgelandssykehuset HF", VerdictStatus::Met),
            ("Helse Nord RHF", VerdictStatus::NotMet)
        ]
    );
}
