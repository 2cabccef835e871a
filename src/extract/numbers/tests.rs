use super::*;

/// (span text, value, upper, unit, kind) of each token.
fn toks(s: &str) -> Vec<(String, f64, Option<f64>, NumUnit, NumberKind)> {
    lex(s)
        .into_iter()
        .map(|t| {
            (
                s.get(t.span.clone()).unwrap_or("?").to_string(),
                t.value,
                t.upper,
                t.unit,
                t.kind,
            )
        })
        .collect()
}

type Tok = (&'static str, f64, Option<f64>, NumUnit, NumberKind);
use NumUnit as U;
const Q: NumberKind = NumberKind::Quantity;
const Y: NumberKind = NumberKind::Year;
const R: NumberKind = NumberKind::Reference;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[track_caller]
fn check(s: &str, want: &[Tok]) {
    let got = toks(s);
    let ok = got.len() == want.len()
        && got.iter().zip(want).all(|(g, w)| {
            g.0 == w.0
                && close(g.1, w.1)
                && match (g.2, w.2) {
                    (Some(a), Some(b)) => close(a, b),
                    (None, None) => true,
                    _ => false,
                }
                && g.3 == w.3
                && g.4 == w.4
        });
    assert!(ok, "lexing {s:?}\n got: {got:?}\nwant: {want:?}");
}

/// The single token of `s`, which must span all of `s`.
#[track_caller]
fn one(s: &str) -> NumberToken {
    let t = lex(s);
    assert_eq!(t.len(), 1, "{s:?} gave {t:?}");
    assert_eq!(t[0].span, 0..s.len(), "{s:?} gave {t:?}");
    t[0].clone()
}

#[test]
fn required_single_figures() {
    let cases: &[(&str, f64, NumUnit, f64)] = &[
        ("64 218", 64218.0, U::None, 1.0),
        ("9,0 %", 9.0, U::Percent, 0.1),
        ("1 251,7 mill. kroner", 1_251_700_000.0, U::Nok, 1e5),
        ("-561 mill.", -561e6, U::Nok, 1e6),
        ("2,8 mrd.", 2.8e9, U::Nok, 1e8),
        ("11.170 mill.", 11_170_000.0, U::Nok, 1e3),
        ("4 657 500,-", 4_657_500.0, U::Nok, 1.0),
        ("13.5 prosent", 13.5, U::Percent, 0.1),
        ("10,2 per 100 000", 10.2, U::Per100k, 0.1),
        ("16,29", 16.29, U::None, 0.01),
        ("16,15 %", 16.15, U::Percent, 0.01),
        ("86 prosent", 86.0, U::Percent, 1.0),
        ("612 340", 612_340.0, U::None, 1.0),
        ("15 pst.", 15.0, U::Percent, 1.0),
        ("200 MNOK", 200e6, U::Nok, 1e6),
        ("kr 1,5 mill", 1.5e6, U::Nok, 1e5),
        ("kr 200 000", 200_000.0, U::Nok, 1.0),
        ("1,4 prosentpoeng", 1.4, U::PercentagePoints, 0.1),
        ("2 %-poeng", 2.0, U::PercentagePoints, 1.0),
        ("61 dager", 61.0, U::Days, 1.0),
        ("65 dagar", 65.0, U::Days, 1.0),
        ("19 timer", 19.0, U::Hours, 1.0),
        ("18 måneder", 18.0, U::Months, 1.0),
        ("45.600 årsverk", 45_600.0, U::Fte, 1.0),
        ("150.000,-", 150_000.0, U::Nok, 1.0),
        ("6.105.000,-", 6_105_000.0, U::Nok, 1.0),
        ("−10", -10.0, U::None, 1.0),
        ("1.5", 1.5, U::None, 0.1),
        ("1.500", 1500.0, U::None, 1.0),
        ("16,7 pr. 100.000 innbyggere", 16.7, U::Per100k, 0.1),
        ("437 millioner kroner", 437e6, U::Nok, 1e6),
        ("2 500", 2500.0, U::None, 1.0),
        ("12\u{a0}345", 12345.0, U::None, 1.0),
        ("12\u{202f}345,5\u{a0}%", 12345.5, U::Percent, 0.1),
    ];
    for &(s, v, u, r) in cases {
        let t = one(s);
        assert!(close(t.value, v), "{s:?}: value {} want {v}", t.value);
        assert_eq!(t.unit, u, "{s:?}");
        assert_eq!(t.kind, Q, "{s:?}");
        assert!(
            close(t.resolution, r),
            "{s:?}: res {} want {r}",
            t.resolution
        );
    }
}

#[test]
fn interval_follows_rounding() {
    let (lo, hi) = one("9,0 %").interval();
    assert!(close(lo, 8.95) && close(hi, 9.05));
    let (lo, hi) = one("2,8 mrd.").interval();
    assert!(close(lo, 2.75e9) && close(hi, 2.85e9));
    let (lo, hi) = one("7-800.000").interval();
    assert!(close(lo, 699_999.5) && close(hi, 800_000.5));
}

#[test]
fn ranges() {
    check(
        "7-800.000",
        &[("7-800.000", 700_000.0, Some(800_000.0), U::None, Q)],
    );
    check(
        "anta et lønnsnivå på om lag kr. 7-800.000,-.",
        &[("kr. 7-800.000,-", 700_000.0, Some(800_000.0), U::Nok, Q)],
    );
    check("10-15 %", &[("10-15 %", 10.0, Some(15.0), U::Percent, Q)]);
    check(
        "5-10 000",
        &[("5-10 000", 5000.0, Some(10_000.0), U::None, Q)],
    );
    check("1-2 mill.", &[("1-2 mill.", 1e6, Some(2e6), U::Nok, Q)]);
    check(
        "2023-2025",
        &[("2023-2025", 2023.0, Some(2025.0), U::None, Y)],
    );
    check(
        "Nasjonal helse- og samhandlingsplan 2024–2027, som",
        &[("2024–2027", 2024.0, Some(2027.0), U::None, Y)],
    );
    // A descending pair is no range, and its second number gets no minus sign.
    check(
        "15-10",
        &[
            ("15", 15.0, None, U::None, Q),
            ("10", 10.0, None, U::None, Q),
        ],
    );
}

#[test]
fn sample_lines_with_several_numbers() {
    check(
        "St. Olavs Hospital HF 9,0 % 9,2 % ",
        &[
            ("9,0 %", 9.0, None, U::Percent, Q),
            ("9,2 %", 9.2, None, U::Percent, Q),
        ],
    );
    check(
        "Somatikk 59 70 74 93 66 60 ",
        &[
            ("59", 59.0, None, U::None, Q),
            ("70", 70.0, None, U::None, Q),
            ("74", 74.0, None, U::None, Q),
            ("93", 93.0, None, U::None, Q),
            ("66", 66.0, None, U::None, Q),
            ("60", 60.0, None, U::None, Q),
        ],
    );
    check(
        "BIOINGENIØR 302 321 (6,3 %) 352 (16,15 %) ",
        &[
            ("302", 302.0, None, U::None, Q),
            ("321", 321.0, None, U::None, Q),
            ("6,3 %", 6.3, None, U::Percent, Q),
            ("352", 352.0, None, U::None, Q),
            ("16,15 %", 16.15, None, U::Percent, Q),
        ],
    );
    check(
        "BARNESYKEPLEIER 118 127 (7,7 %) 139 (18,5 %) ",
        &[
            ("118", 118.0, None, U::None, Q),
            ("127", 127.0, None, U::None, Q),
            ("7,7 %", 7.7, None, U::Percent, Q),
            ("139", 139.0, None, U::None, Q),
            ("18,5 %", 18.5, None, U::Percent, Q),
        ],
    );
    check(
        "prosent i 2023 til 13.5 prosent i 2024. Helse Møre og Romsdal melder",
        &[
            ("2023", 2023.0, None, U::None, Y),
            ("13.5 prosent", 13.5, None, U::Percent, Q),
            ("2024", 2024.0, None, U::None, Y),
        ],
    );
    check(
        "fra 12,8 prosent i 2023 til 13.5 prosent i 2024",
        &[
            ("12,8 prosent", 12.8, None, U::Percent, Q),
            ("2023", 2023.0, None, U::None, Y),
            ("13.5 prosent", 13.5, None, U::Percent, Q),
            ("2024", 2024.0, None, U::None, Y),
        ],
    );
    check(
        "rapporteringen har andelen økt noe (2023: 10,4 prosent; 2024: 11,3 prosent). ",
        &[
            ("2023", 2023.0, None, U::None, Y),
            ("10,4 prosent", 10.4, None, U::Percent, Q),
            ("2024", 2024.0, None, U::None, Y),
            ("11,3 prosent", 11.3, None, U::Percent, Q),
        ],
    );
    check(
        "Tilsvarer andel 10,2 per 100 000 ",
        &[("10,2 per 100 000", 10.2, None, U::Per100k, Q)],
    );
    check(
        "1 100 000 (100% stilling) 200 000 1 300 000",
        &[
            ("1 100 000", 1_100_000.0, None, U::None, Q),
            ("100%", 100.0, None, U::Percent, Q),
            ("200 000", 200_000.0, None, U::None, Q),
            ("1 300 000", 1_300_000.0, None, U::None, Q),
        ],
    );
    check(
        "Sum 2 200 000 2 366 000 4 566 000  ",
        &[
            ("2 200 000", 2_200_000.0, None, U::None, Q),
            ("2 366 000", 2_366_000.0, None, U::None, Q),
            ("4 566 000", 4_566_000.0, None, U::None, Q),
        ],
    );
    check(
        "på samhandling  500 000 500 000 ",
        &[
            ("500 000", 500_000.0, None, U::None, Q),
            ("500 000", 500_000.0, None, U::None, Q),
        ],
    );
    check(
        "Helse Midt-Norge fikk i 2024 et resultat for helseforetakene på -561 mill. kroner, dette ",
        &[
            ("2024", 2024.0, None, U::None, Y),
            ("-561 mill. kroner", -561e6, None, U::Nok, Q),
        ],
    );
    check(
        "Totalkostnad: kr. 9 315 000,-, Det søkes om kr. 4 657 500,- som skal brukes til Lønn til ",
        &[
            ("kr. 9 315 000,-", 9_315_000.0, None, U::Nok, Q),
            ("kr. 4 657 500,-", 4_657_500.0, None, U::Nok, Q),
        ],
    );
    check(
        "2,8 mrd. kr. Dette er om lag 15 prosent lavere enn budsjettert, og mindreforbruket knytter ",
        &[
            ("2,8 mrd. kr.", 2.8e9, None, U::Nok, Q),
            ("15 prosent", 15.0, None, U::Percent, Q),
        ],
    );
    check(
        "tildeling av rekrutterings- og samhandlingstilskudd for 2024 (11.170 mill.). Prosjektene som ",
        &[
            ("2024", 2024.0, None, U::None, Y),
            ("11.170 mill.", 11.17e6, None, U::Nok, Q),
        ],
    );
    check(
        "9 992 pasienter i operasjonskø i 2023 til 13 647 i 2024. St. Olavs",
        &[
            ("9 992", 9992.0, None, U::None, Q),
            ("2023", 2023.0, None, U::None, Y),
            ("13 647", 13647.0, None, U::None, Q),
            ("2024", 2024.0, None, U::None, Y),
        ],
    );
    check(
        "fra 64 218 til 48 105 brudd.",
        &[
            ("64 218", 64218.0, None, U::None, Q),
            ("48 105", 48105.0, None, U::None, Q),
        ],
    );
    check(
        "en nedgang på knappe 1 prosentpoeng, har St. Olavs hospital steget med 1,4 prosentpoeng. ",
        &[
            ("1 prosentpoeng", 1.0, None, U::PercentagePoints, Q),
            ("1,4 prosentpoeng", 1.4, None, U::PercentagePoints, Q),
        ],
    );
    check(
        "• Prosjektleder (100 % i 18 måneder): ca. kr 1,5 mill ",
        &[
            ("100 %", 100.0, None, U::Percent, Q),
            ("18 måneder", 18.0, None, U::Months, Q),
            ("kr 1,5 mill", 1.5e6, None, U::Nok, Q),
        ],
    );
    check(
        "Antall tilfeller av at leger jobber mer enn 19 timer pr. vaktdøgn skal reduseres med 20 % ",
        &[
            ("19 timer", 19.0, None, U::Hours, Q),
            ("20 %", 20.0, None, U::Percent, Q),
        ],
    );
    check(
        "prisstigning. Pr. mars 2025 er det en ytterligere reduksjon på 68/81=14 %.   ",
        &[
            ("2025", 2025.0, None, U::None, Y),
            ("68", 68.0, None, U::None, Q),
            ("81", 81.0, None, U::None, Q),
            ("14 %", 14.0, None, U::Percent, Q),
        ],
    );
    check(
        "Regionen skal overholde minst 95 pst. av pasientavtalene (passert planlagt tid).  ",
        &[("95 pst.", 95.0, None, U::Percent, Q)],
    );
    check(
        " St. Olavs hospital HF: 16,29, hvilket tilsvarer en 3,4 prosents økning fra nivået i 2019 ",
        &[
            ("16,29", 16.29, None, U::None, Q),
            ("3,4 prosents", 3.4, None, U::Percent, Q),
            ("2019", 2019.0, None, U::None, Y),
        ],
    );
    check(
        "4. Kr. 500.000, - av midlene for 2026 brukes til innkjøp av lisens ",
        &[
            ("4.", 4.0, None, U::None, R),
            ("Kr. 500.000, -", 500_000.0, None, U::Nok, Q),
            ("2026", 2026.0, None, U::None, Y),
        ],
    );
    check(
        "2 x 50% stillinger) 1 200 000 ",
        &[
            ("2", 2.0, None, U::None, Q),
            ("50%", 50.0, None, U::Percent, Q),
            ("1 200 000", 1_200_000.0, None, U::None, Q),
        ],
    );
}

#[test]
fn years_dates_periods() {
    check(
        "2023 2024",
        &[
            ("2023", 2023.0, None, U::None, Y),
            ("2024", 2024.0, None, U::None, Y),
        ],
    );
    check("i 2024 pasienter", &[("2024", 2024.0, None, U::None, Q)]);
    check("2 024 pasienter", &[("2 024", 2024.0, None, U::None, Q)]);
    check("2024 %", &[("2024 %", 2024.0, None, U::Percent, Q)]);

    let t = one("20.08.2024");
    assert_eq!(
        (t.kind, t.year, t.value),
        (NumberKind::Date, Some(2024), 20240820.0)
    );
    let t = one("01.01.25");
    assert_eq!((t.kind, t.year), (NumberKind::Date, Some(2025)));
    let t = one("1. januar 2024");
    assert_eq!(
        (t.kind, t.year, t.value),
        (NumberKind::Date, Some(2024), 20240101.0)
    );
    let t = one("Q3 2025");
    assert_eq!(
        (t.kind, t.unit, t.value, t.year),
        (NumberKind::Period, U::Quarter, 3.0, Some(2025))
    );
    let t = one("2. tertial");
    assert_eq!(
        (t.kind, t.unit, t.value),
        (NumberKind::Period, U::Tertial, 2.0)
    );
    let t = one("1. kvartal");
    assert_eq!(
        (t.kind, t.unit, t.value),
        (NumberKind::Period, U::Quarter, 1.0)
    );

    let kinds = |s: &str| lex(s).iter().map(|t| t.kind).collect::<Vec<_>>();
    assert_eq!(
        kinds("(Prosjektår 1: Q3 2025 – Q3 2026) "),
        [Q, NumberKind::Period, NumberKind::Period]
    );
    let t = lex("kompetanse: 1.–2. kvartal 2026  ");
    assert_eq!(t.len(), 1);
    assert_eq!(
        (t[0].kind, t[0].value, t[0].upper, t[0].year),
        (NumberKind::Period, 1.0, Some(2.0), Some(2026))
    );
    let t = lex("vedtok 29.10.2024 (sak 42/24) og 18. desember og 1.7.23). For 2024 ");
    assert_eq!(
        t.iter().map(|t| (t.kind, t.year)).collect::<Vec<_>>(),
        [
            (NumberKind::Date, Some(2024)),
            (R, None),
            (NumberKind::Date, None),
            (NumberKind::Date, Some(2023)),
            (Y, Some(2024)),
        ]
    );
    check(
        "behandling av Prop. 104 S (2023–2024), hvor",
        &[
            ("104", 104.0, None, U::None, R),
            ("2023–2024", 2023.0, Some(2024.0), U::None, Y),
        ],
    );
}

#[test]
fn references_are_no_quantities() {
    let quantities = |s: &str| {
        lex(s)
            .into_iter()
            .filter(|t| t.kind == Q)
            .map(|t| s[t.span].to_string())
            .collect::<Vec<_>>()
    };
    let none: [&str; 0] = [];
    assert_eq!(quantities("2.1 Styrke psykisk helsevern"), none);
    assert_eq!(quantities("3.5.2 Bedre bruk av kapasitet"), none);
    assert_eq!(quantities("legges til i avsnitt 3.2, sammen med"), none);
    assert_eq!(quantities("Se også rapportering i kap. 2.3.  "), none);
    assert_eq!(quantities("5. Oppdrag om fagarbeidere "), none);
    assert_eq!(
        quantities("jf. Barnevernsinstitusjonsutvalgets NOU 2023:24 «Med"),
        none
    );
    assert_eq!(
        quantities("bli krevende (NOU 2019:2, s.33). Etterspørselen"),
        none
    );
    assert_eq!(quantities("møtet starter kl. 08.00 og varer"), none);
    assert_eq!(
        quantities(
            " Postadresse: Besøksadresse: Telefon sentralbord: 75 51 29 00    Org nr: MVA 883 658 752 "
        ),
        none
    );
    assert_eq!(quantities("(målt i DDD/100 liggedøgn).  "), none);
    assert_eq!(quantities("i rapport1 om COVID-19 og tabell 5"), none);
    assert_eq!(
        quantities("november 2024 (styresak 127-2024), der styret"),
        none
    );
    assert_eq!(quantities("26-2025 Orienteringssak"), none);
    assert_eq!(quantities("i møte nr. 2 i FSU-et (090125) ble det"), none);
    assert_eq!(
        quantities("Av Meld. St. 23 (2022-2023) Opptrappingsplan"),
        none
    );
    assert_eq!(
        quantities("besluttes i ekstraordinært møte i SSU i uke 43,"),
        none
    );
    assert_eq!(
        quantities("se https://www.helse-midt.no/2024/rapport-12 og post@hn.no"),
        none
    );
    assert_eq!(
        quantities("http://www.helse-midt.no/ www.helse-nord.no/123"),
        none
    );
    // Plain decimal point mid-sentence stays a quantity.
    assert_eq!(quantities("økte til 13.5 prosent"), ["13.5 prosent"]);
}

#[test]
fn deficits_are_flagged() {
    let t = lex("underskudd på 852 mill. kroner som er 400 mill. kroner svakere enn");
    assert_eq!(t.len(), 2);
    assert!(t[0].negative_context && t[0].value > 0.0);
    assert!(!t[1].negative_context);
    let t = lex("vedtatt til 437 millioner kroner i underskudd. Resultatkravet");
    assert!(t[0].negative_context);
    let t = lex("et underskudd på -25 mill. kroner for helseforetakene");
    assert!(t[0].negative_context && t[0].value < 0.0);
    let t = lex("eit underskot på 12 mill.");
    assert!(t[0].negative_context);
    let t = lex("et overskudd på 50 mill. kroner");
    assert!(!t[0].negative_context);
}

#[test]
fn minus_signs() {
    check("ned −3,5 %", &[("−3,5 %", -3.5, None, U::Percent, Q)]);
    check("endring –2 dager", &[("–2 dager", -2.0, None, U::Days, Q)]);
    check("(-10)", &[("-10", -10.0, None, U::None, Q)]);
    // Hyphen inside a word or after a number is no sign.
    check("2019-nivå", &[("2019", 2019.0, None, U::None, Y)]);
    check("12-timers vakter", &[("12", 12.0, None, U::None, Q)]);
    // Table cells after a column gap keep their signs.
    check(
        "–45,2    –20,0",
        &[
            ("–45,2", -45.2, None, U::None, Q),
            ("–20,0", -20.0, None, U::None, Q),
        ],
    );
    check(
        "−6,1 −4,0",
        &[
            ("−6,1", -6.1, None, U::None, Q),
            ("−4,0", -4.0, None, U::None, Q),
        ],
    );
}

#[test]
fn parse_number_reads_cells() {
    assert_eq!(parse_number("9,0 %"), Some(9.0));
    assert_eq!(parse_number(" 1 251,7 "), Some(1251.7));
    assert_eq!(parse_number("−3"), Some(-3.0));
    assert_eq!(parse_number("(6,3 %)"), Some(6.3));
    assert_eq!(parse_number("2024"), Some(2024.0));
    assert_eq!(parse_number("4 657 500,-"), Some(4_657_500.0));
    // A cell is one number even where running text would split it.
    assert_eq!(parse_number("1 000 500"), Some(1_000_500.0));
    assert_eq!(parse_number("302 321"), Some(302_321.0));
    assert_eq!(parse_number("9,0 % 9,2 %"), None);
    assert_eq!(parse_number("Totalt 5"), None);
    assert_eq!(parse_number(""), None);
    assert_eq!(parse_number("-"), None);
    assert_eq!(parse_number("20.08.2024"), None);
}

#[test]
fn hostile_input_never_panics_and_stays_finite() {
    let mut inputs: Vec<String> = vec![
        "9".repeat(400),
        format!("{},{}", "9".repeat(300), "9".repeat(400)),
        "%".repeat(5000),
        "1 ".repeat(5000),
        "111 ".repeat(5000),
        "000 ".repeat(5000),
        "1.".repeat(5000),
        "1.000.".repeat(3000),
        "-".repeat(3000) + "5",
        "−–-1".repeat(2000),
        "Q".repeat(100) + "3",
        "kr ".repeat(2000) + "5",
        "per 100 ".repeat(2000),
        "1. ".repeat(3000),
        "\u{a0}1\u{202f}".repeat(3000),
        "é1ø2å3—4…5\u{2212}".repeat(2000),
        "12345678901234567890123 1,5e308".into(),
    ];
    inputs.push(inputs.concat());
    for s in &inputs {
        for t in lex(s) {
            assert!(t.value.is_finite() && t.resolution.is_finite() && t.resolution > 0.0);
            assert!(t.upper.is_none_or(f64::is_finite));
            assert!(s.get(t.span.clone()).is_some(), "span off char boundary");
        }
        let _ = parse_number(s);
    }
    // Every prefix of a tricky line, cut at each char boundary.
    let line =
        "kr. 7-800.000,- og 1.–2. kvartal 2026, −3,5 %, Q3 2025, 20.08.2024 1 251,7 mill. kr";
    for (i, _) in line.char_indices() {
        let _ = lex(&line[..i]);
        let _ = lex(&line[i..]);
    }
}

#[test]
fn lexing_is_linear() {
    let unit = "Sum 2 200 000 2 366 000 (6,3 %) 302 321 352 fra 12,8 prosent i 2023 til 13.5 \
                prosent, 1.–2. kvartal 2026, kr. 7-800.000,- 111 111 111 111 ";
    let small = unit.repeat(200);
    let big = unit.repeat(4000);
    let t0 = std::time::Instant::now();
    let n_small = lex(&small).len();
    let d_small = t0.elapsed();
    let t1 = std::time::Instant::now();
    let n_big = lex(&big).len();
    let d_big = t1.elapsed();
    assert_eq!(n_big, n_small * 20);
    // 20 times the text must not take hundreds of times longer.
    assert!(d_big < d_small * 200 + std::time::Duration::from_millis(200));
}

#[test]
fn sample_files_lex_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files = 0;
    let mut quantities = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        files += 1;
        for line in text.lines() {
            for t in lex(line) {
                assert!(t.value.is_finite(), "{path:?}: {line:?}");
                assert!(t.upper.is_none_or(f64::is_finite), "{path:?}: {line:?}");
                assert!(line.get(t.span.clone()).is_some());
                quantities += usize::from(t.kind == Q);
            }
        }
        // Whole file at once too (tokens may not cross lines wrongly, nor panic).
        for t in lex(&text) {
            assert!(t.value.is_finite());
        }
    }
    assert!(files >= 5, "sample files not found in {dir:?}");
    assert!(quantities > 500);
}
