//! Grant applications: the cards of sample 003 (five RS-midler applications in an SSU case
//! paper, read by hand: what each has and lacks is below), an application written with exactly
//! four faults, and a complete, consistent one with none.

use meldingssjekk::model::FindingKind;
use meldingssjekk::report::{Application, DocumentReport};

fn analyse(name: &str, text: &str) -> DocumentReport {
    meldingssjekk::analyze(name, text.as_bytes())
        .expect("analysed")
        .report
}

fn sample(file: &str) -> DocumentReport {
    let path = format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR"));
    analyse(file, &std::fs::read_to_string(&path).expect("sample"))
}

fn missing(a: &Application) -> Vec<&str> {
    let mut m: Vec<&str> = meldingssjekk::grants::FIELDS
        .iter()
        .copied()
        .filter(|f| a.fields.get(*f).is_some_and(|v| v.is_none()))
        .collect();
    m.sort_unstable();
    m
}

#[test]
fn sample_003_has_five_applications_read_as_a_reviewer_reads_them() {
    let d = sample("003_1aa3c3bfad0b64da.txt");
    let apps = &d.applications;
    let titles: Vec<&str> = apps
        .iter()
        .map(|a| a.title.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        titles,
        [
            "Interkommunalt innsats- og vurderingsteam for Helgeland",
            "Fremtidens pasientforløp: Enhet for samhandling og digital oppfølging Helgeland",
            "Forprosjekt: Observasjonspost Sør-Helgeland",
            "Forprosjekt - tverretatlig rehabilitering",
            "Helgelandssykepleier – utdanning, rekruttering og stabilisering av sykepleiere på Helgeland",
        ]
    );
    for a in apps {
        assert!(a.contact.is_some(), "{:?} has contacts", a.title);
        assert_eq!(
            a.scheme.as_deref(),
            Some("rekrutterings- og samhandlingstilskudd")
        );
        assert!(a
            .findings
            .iter()
            .all(|f| f.kind == FindingKind::Application));
    }

    // 1. Innsats- og vurderingsteam: total 9 315 000, applied 4 657 500 (half), plan April 2025
    //    to March 2028; says nothing about operation after the project.
    let a = &apps[0];
    assert_eq!(a.owners.len(), 4, "{:?}", a.owners);
    assert_eq!(
        (a.amount_applied, a.total_cost),
        (Some(4_657_500.0), Some(9_315_000.0))
    );
    let p = a.period.as_ref().unwrap();
    assert_eq!((p.start, p.end), (Some(2025), Some(2028)));
    assert_eq!(missing(a), ["continued_operation"]);
    assert_eq!(a.findings.len(), 1);

    // 2. Fremtidens pasientforløp: a budget "lagt ved", no amount, no total cost, no period.
    let a = &apps[1];
    assert_eq!((a.amount_applied, a.total_cost), (None, None));
    assert!(a.period.is_none());
    assert_eq!(missing(a), ["amount_applied", "period", "total_cost"]);

    // 3. Observasjonspost: its budget table adds up to the stated 3 600 000; 2025–2026.
    let a = &apps[2];
    let b = a.budget.as_ref().expect("budget table");
    assert_eq!(b.rows.len(), 3);
    assert_eq!(b.total.as_ref().map(|t| t.line), Some(1179));
    assert_eq!(
        (a.amount_applied, a.total_cost),
        (Some(3_600_000.0), Some(3_600_000.0))
    );
    let p = a.period.as_ref().unwrap();
    assert_eq!((p.start, p.end), (Some(2025), Some(2026)));
    assert!(missing(a).is_empty(), "{:?}", missing(a));
    assert!(a.findings.is_empty(), "{:?}", a.findings);

    // 4. Rehabilitering: a list of four rounded amounts (4,0 mill. together) but no amount
    //    applied for, no total cost, no own contribution, nothing on operation afterwards.
    let a = &apps[3];
    let b = a.budget.as_ref().expect("budget list");
    assert_eq!(b.rows.len(), 4);
    assert!(b.total.is_none());
    assert_eq!(
        missing(a),
        [
            "amount_applied",
            "continued_operation",
            "own_contribution",
            "total_cost"
        ]
    );

    // 5. Helgelandssykepleier: "2 millioner per år over 5 år, totalt 10 millioner"; five years
    //    without a start or end year, no total cost, nothing on operation afterwards.
    let a = &apps[4];
    assert_eq!(a.amount_applied, Some(10_000_000.0));
    let p = a.period.as_ref().unwrap();
    assert_eq!((p.start, p.end, p.years), (None, None, Some(5.0)));
    assert_eq!(missing(a), ["continued_operation", "total_cost"]);
    assert!(a.findings.iter().any(|f| f.message.contains("sluttår")));
}

const BAD: &str = "\
Søknadsskjema for rekrutterings- og samhandlingstilskudd

Navn på prosjekt: Felles kompetanseteam for eldre
Prosjekteiere: Eksempel kommune og Eksempel HF
Søknadsdato: 15.02.2026

Kort beskrivelse av prosjektet
Et felles team skal gi veiledning til hjemmetjenesten.

Budsjett for gjennomføring av prosjektet:
Kostnad                   2026        2027        2028          Sum
Lønn teamleder         400 000     400 000     400 000    1 200 000
Opplæring              200 000     200 000     200 000      600 000
Sum                    600 000     600 000     600 000    1 900 000

Totalkostnad: kr 1 900 000
Søkt beløp: kr 2 500 000
Midlene skal brukes til: lønn til teamleder og opplæring.
Egenfinansiering: kommunen bidrar med lokaler og frikjøp av ansatte.
Prosjektperiode: 2026–2031

Prosjektplan med milepæler:
• Oppstart: mars 2026
• Midtveisevaluering: juni 2028
• Sluttrapport: desember 2031

Involvering av brukere og tillitsvalgte:
Eldrerådet og tillitsvalgte deltar i prosjektgruppen.

Overgang til drift:
Teamet videreføres i ordinær drift innenfor kommunens budsjett fra 2032.
";

#[test]
fn an_application_with_four_faults_gets_exactly_those_findings() {
    let d = analyse("bad.txt", BAD);
    assert_eq!(d.applications.len(), 1);
    let a = &d.applications[0];
    let msgs: Vec<&str> = a.findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(a.findings.len(), 4, "{msgs:#?}");
    // The budget: 1 200 000 + 600 000 is 1 800 000, not 1 900 000.
    let sum = a
        .findings
        .iter()
        .find(|f| f.message.starts_with("Budsjettet går ikke opp"))
        .expect("budget");
    assert_eq!(
        (sum.stated, sum.computed),
        (Some(1_900_000.0), Some(1_800_000.0))
    );
    assert_eq!(sum.line, 14);
    // Applied above the total cost.
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("Søkt beløp (2 500 000 kroner) er høyere enn")),
        "{msgs:?}"
    );
    // Six years.
    assert!(
        msgs.iter().any(|m| m.contains("2026–2031 er 6 år")),
        "{msgs:?}"
    );
    // The contact person is missing, and only that.
    assert!(
        msgs.contains(&"Søknaden mangler: kontaktperson."),
        "{msgs:?}"
    );
}

#[test]
fn a_complete_consistent_application_gets_no_findings() {
    let good = BAD
        .replace(
            "Sum                    600 000     600 000     600 000    1 900 000",
            "Sum                    600 000     600 000     600 000    1 800 000",
        )
        .replace("Totalkostnad: kr 1 900 000", "Totalkostnad: kr 1 800 000")
        .replace(
            "Søkt beløp: kr 2 500 000",
            "Søkt beløp: kr 900 000 (50 % av totalkostnaden)",
        )
        .replace("Prosjektperiode: 2026–2031", "Prosjektperiode: 2026–2028")
        .replace(
            "• Sluttrapport: desember 2031",
            "• Sluttrapport: desember 2028",
        )
        .replace(
            "Søknadsdato: 15.02.2026",
            "Søknadsdato: 15.02.2026\nKontaktperson: Kari Nordmann, rådgiver",
        );
    let d = analyse("good.txt", &good);
    let a = &d.applications[0];
    assert!(a.findings.is_empty(), "{:#?}", a.findings);
    assert!(missing(a).is_empty());
    assert_eq!(
        a.budget.as_ref().map(|b| b.years.clone()),
        Some(vec![2026, 2027, 2028])
    );
}

#[test]
fn documents_without_applications_have_no_applications_field() {
    let d = sample("000_2a6fda8bf9662336.txt");
    assert!(d.applications.is_empty());
    let v = serde_json::to_value(&d).unwrap();
    assert!(v.get("applications").is_none());
}
