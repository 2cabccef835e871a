use super::*;
use super::{assemble::*, tokens::*};

fn doc(s: &str) -> Document {
    Document::new(s.to_string())
}

const S000: &str = include_str!("../../../examples/000_2a6fda8bf9662336.txt");
const S001: &str = include_str!("../../../examples/001_a15ca66fe45fcd5e.txt");
const S002: &str = include_str!("../../../examples/002_473fd4dd3fe50d6d.txt");
const S003: &str = include_str!("../../../examples/003_1aa3c3bfad0b64da.txt");
const S004: &str = include_str!("../../../examples/004_6a014670dbcf36ad.txt");

fn values(r: &FoundRow) -> Vec<Option<f64>> {
    r.cells.iter().map(|c| c.value).collect()
}

fn table_at(ts: &[FoundTable], line: usize) -> &FoundTable {
    ts.iter()
        .find(|t| t.line <= line && line <= t.end_line)
        .unwrap_or_else(|| panic!("no table at line {line}: {ts:#?}"))
}

#[test]
fn a_group_header_names_each_of_its_year_columns() {
    let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        with_group_names(h(&[
            "Føretak",
            "Ventetid BUP 2023",
            "2024",
            "Endring",
            "Fristbrot 2023",
            "2024"
        ])),
        h(&[
            "Føretak",
            "Ventetid BUP 2023",
            "Ventetid BUP 2024",
            "Endring",
            "Fristbrot 2023",
            "Fristbrot 2024"
        ])
    );
    // Bare years after a bare year stay as they are.
    assert_eq!(
        with_group_names(h(&["Post", "2024", "2025"])),
        h(&["Post", "2024", "2025"])
    );
}

#[test]
fn a_wide_row_laid_out_in_columns_is_a_row_not_prose() {
    // Rows of a landscape table run past 80 characters; their gaps make them rows.
    let text = "Tabell 4: Ventetid og fristbrudd per helseforetak\n\
                Universitetssykehuset Nord-Norge HF    101 200      71      66     -5      2,5 %      1,8 %\n\
                Nordlandssykehuset HF                   61 300      78      80      2      3,3 %      2,4 %\n\
                Finnmarkssykehuset HF                   23 800      69      64     -5      1,9 %      1,5 %\n\
                \n\
                Ventetiden gikk ned i to av tre foretak, og andelen fristbrudd var lavere enn i fjor i alle tre foretakene samlet sett.\n";
    let ts = find_tables(&doc(text));
    let t = table_at(&ts, 2);
    assert_eq!(t.rows.len(), 3, "{t:#?}");
    assert_eq!(values(&t.rows[0])[0], Some(101_200.0));
    assert_eq!(t.rows[2].cells.last().and_then(|c| c.value), Some(1.5));
    // The long line of prose after it is no row.
    assert!(ts.iter().all(|t| t.end_line < 6), "{ts:#?}");
}

#[test]
fn column_layout_header_with_units_below_and_wrapped_caption() {
    let text = "Tabell 2: Ventetid og fristbrot per føretak, tal for\n\
                fjoråret i parentes\n\
                \n\
                Føretak                 Ventetid BUP       Fristbrot\n\
                \x20                       (dagar)            (%)\n\
                Helse Fonna             45 (50)            3,1 (3,4)\n\
                Helse Førde             38 (41)            2,0 (2,2)\n";
    let ts = find_tables(&doc(text));
    let t = table_at(&ts, 6);
    assert_eq!(
        t.header,
        ["Føretak", "Ventetid BUP (dagar)", "Fristbrot (%)"],
        "{t:#?}"
    );
    assert_eq!(
        t.caption.as_deref(),
        Some("Tabell 2: Ventetid og fristbrot per føretak, tal for fjoråret i parentes")
    );
    assert_eq!(values(&t.rows[0]), [Some(45.0), Some(3.1)]);
}

#[test]
fn group_labels_above_a_repeated_header_span_their_columns() {
    // Two groups of year columns, each label centred over its three columns.
    let text = "Tabell 4 Månadsverk og innleige\n\
                \x20                         Brutto månadsverk              Innleige (mill. kroner)\n\
                \x20                       2023      2024    Endr. %       2023      2024     Endr. %\n\
                Helse Fonna            3 610     3 655       1,2        21,3      24,6        15,5\n\
                Helse Førde            2 688     2 702       0,5        30,2      22,8       -24,5\n";
    let ts = find_tables(&doc(text));
    let t = table_at(&ts, 3);
    assert_eq!(
        t.header,
        [
            "",
            "Brutto månadsverk 2023",
            "Brutto månadsverk 2024",
            "Brutto månadsverk Endr. %",
            "Innleige (mill. kroner) 2023",
            "Innleige (mill. kroner) 2024",
            "Innleige (mill. kroner) Endr. %"
        ],
        "{t:#?}"
    );
    // Labels over some columns only stay over those ("Endring" is not the years' label).
    let text = "Tabell 3 Fristbrot\n\
                \x20                                  Endring     Del\n\
                Føretak              2023     2024     (%)         2024\n\
                Helse Bergen         655      512      -21,8       48,9 %\n\
                Helse Førde          106      85       -19,8       8,1 %\n";
    let ts = find_tables(&doc(text));
    let t = table_at(&ts, 3);
    assert_eq!(t.header[1], "2023", "{t:#?}");
    assert_eq!(t.header[3], "Endring (%)", "{t:#?}");
}

#[test]
fn budget_rows_split_by_the_header_and_its_sum_column() {
    let text = "Kostnader (kr)\n\
                Post 2025 2026 Sum\n\
                Frikjøp sjukepleiarar 200 000 200 000 400 000\n\
                Kurs og reiser 100 000 50 000 150 000\n\
                Sum 300 000 250 000 550 000\n";
    let ts = find_tables(&doc(text));
    let t = table_at(&ts, 3);
    assert_eq!(t.header, ["Post", "2025", "2026", "Sum"], "{t:#?}");
    assert_eq!(t.caption.as_deref(), Some("Kostnader (kr)"));
    // Not "200 000 200 000" as one figure.
    assert_eq!(
        values(&t.rows[0]),
        [Some(200_000.0), Some(200_000.0), Some(400_000.0)]
    );
    assert_eq!(
        values(&t.rows[2]),
        [Some(300_000.0), Some(250_000.0), Some(550_000.0)]
    );
}

#[test]
fn column_layout_label_wrapped_under_the_header() {
    let text = "Helseforetak               2023      2024\n\
                Sykehuset i\n\
                Vestfold                   12,0      11,5\n\
                Sykehuset Telemark         10,1       9,8\n";
    let ts = find_tables(&doc(text));
    let t = table_at(&ts, 3);
    assert_eq!(t.header, ["Helseforetak", "2023", "2024"], "{t:#?}");
    assert_eq!(t.rows[0].label, "Sykehuset i Vestfold");
    assert_eq!(t.rows[0].label_line, 2);
    assert_eq!(t.columns[1].year, Some(2024));
}

#[test]
fn sample_001_waiting_times_table_4() {
    let ts = find_tables(&doc(S001));
    let t = table_at(&ts, 2196);
    assert_eq!(t.number, Some(4));
    assert_eq!(t.caption.as_deref(), Some("Tabell 4: Ventetider"));
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Somatikk",
            "PHV voksne",
            "PHV barn og unge",
            "TSB",
            "Alle fagområder"
        ]
    );
    assert_eq!(t.width(), 6);
    assert_eq!(
        values(&t.rows[0]),
        [59.0, 70.0, 74.0, 93.0, 66.0, 60.0].map(Some)
    );
    assert_eq!(t.rows[0].line, 2196);
    assert_eq!(t.header[0], "Fagområde");
    assert!(t.header[1].contains("2019"), "{:?}", t.header);
    assert!(t.header[2].contains("2023"));
    assert!(t.header[3].contains("2024"));
    assert!(t.header[4].contains("Møre og Romsdal"));
    assert!(t.header[5].contains("Nord-Trøndelag"));
    assert!(t.header[6].contains("St. Olavs"));
    assert_eq!(t.columns[0].year, Some(2019));
    assert_eq!(t.columns[2].year, Some(2024));
    assert_eq!(t.columns[3].year, None);
}

#[test]
fn sample_001_sickness_absence_table_5() {
    let ts = find_tables(&doc(S001));
    let t = table_at(&ts, 3286);
    assert_eq!(t.number, Some(5));
    assert_eq!(t.rows.len(), 7);
    assert_eq!(t.header, ["Sykefravær", "2024", "2023"]);
    let r = t
        .rows
        .iter()
        .find(|r| r.label == "Sykehusapotekene i Midt-Norge HF")
        .expect("wrapped label");
    assert_eq!(values(r), [Some(9.6), Some(10.0)]);
    assert_eq!(r.label_line, 3294);
    assert_eq!(r.line, 3297);
    assert_eq!(r.cells[0].unit, NumUnit::Percent);
    assert!((r.cells[0].resolution - 0.1).abs() < 1e-12);
    let last = t.rows.last().unwrap();
    assert_eq!(last.label, "Totalt");
    assert_eq!(last.line, 3301);
    // The page number "39" above the table is not part of it.
    assert!(t.line >= 3282);
}

#[test]
fn sample_001_label_value_list() {
    let ts = find_tables(&doc(S001));
    let t = table_at(&ts, 1551);
    assert_eq!(t.width(), 1);
    assert_eq!(t.rows.len(), 5);
    assert_eq!(t.rows[0].label, "Befolkning");
    // The population's thousands group is joined, as the lexer reads the line on its own.
    let line = doc(S001).line_text(t.rows[0].line).to_string();
    let whole = crate::extract::numbers::parse_number(line.trim().trim_start_matches("Befolkning"));
    assert!(whole.is_some_and(|v| v > 100_000.0));
    assert_eq!(values(&t.rows[0]), [whole]);
    assert_eq!(t.rows[2].label, "Tilsvarer andel");
    assert_eq!(t.rows[2].cells[0].unit, NumUnit::Per100k);
    assert_eq!(values(&t.rows[2]), [Some(10.2)]);
    assert_eq!(
        t.caption.as_deref(),
        Some("Intensiv- og overvåkningsplasser")
    );
}

#[test]
fn sample_000_staffing_table_across_page_break() {
    let ts = find_tables(&doc(S000));
    let t = table_at(&ts, 38);
    assert_eq!(t.rows.len(), 6, "{:#?}", t.rows);
    assert_eq!(t.width(), 3);
    assert_eq!(t.header[0], "PROFESJONSGRUPPE");
    assert!(t.header[1].contains("2023"));
    assert!(t.header[3].contains("2040") && t.header[3].contains("ENDRING"));
    let r = &t.rows[2];
    assert_eq!(r.label, "INTENSIVSYKEPLEIER");
    assert_eq!(r.line, 47);
    assert_eq!(values(r), [Some(687.0), Some(729.0), Some(808.0)]);
    let note = r.cells[2].note.as_ref().unwrap();
    assert_eq!(note.value, Some(11.7));
    assert_eq!(note.unit, NumUnit::Percent);
    assert_eq!(r.cells[1].text, "729 (6,1 %)");
    assert_eq!(values(&t.rows[0]), [Some(302.0), Some(321.0), Some(352.0)]);
    assert_eq!(t.rows[5].label, "JORDMØDRE");
    assert_eq!(t.columns[2].year, Some(2040));
}

#[test]
fn sample_000_budget_table_with_wrapped_labels() {
    let ts = find_tables(&doc(S000));
    let t = table_at(&ts, 328);
    assert_eq!(t.width(), 3);
    assert_eq!(
        t.header,
        [
            "Tiltak",
            "Bruk av fagutviklere",
            "Andre midler/tiltak",
            "Total"
        ]
    );
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Implementering anbefalinger Hjem til hjem",
            "Implementering barn og unge",
            "Prosjektfinansiering helhetlige pasientforløp fra hjem til hjem",
            "Samhandlingskonferanse 2025",
            "Finansiering av forskning på samhandling",
            "Sum"
        ]
    );
    assert_eq!(
        values(&t.rows[0]),
        [Some(1_100_000.0), Some(200_000.0), Some(1_300_000.0)]
    );
    assert_eq!(t.rows[0].cells[0].text, "1 100 000 (100% stilling)");
    assert_eq!(values(&t.rows[3]), [None, Some(200_000.0), Some(200_000.0)]);
    assert!(t.rows[3].padded);
    assert_eq!(
        values(&t.rows[5]),
        [Some(2_200_000.0), Some(2_366_000.0), Some(4_566_000.0)]
    );
    assert_eq!(t.rows[5].line, 328);
}

#[test]
fn sample_003_budget_with_values_below_labels() {
    let ts = find_tables(&doc(S003));
    let t = table_at(&ts, 1179);
    assert_eq!(t.width(), 1);
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Medgått arbeidstid og ressurser til planlegging (frikjøp fagpersonell)",
            "Lønn for medisinskfaglig prosjektleder (100 % stilling) frikjøp",
            "Prosjektmøter, utredningsarbeid og analyser",
            "Total"
        ]
    );
    assert_eq!(values(&t.rows[3]), [Some(3_600_000.0)]);
    assert_eq!(t.rows[0].line, 1171);
    assert_eq!(t.rows[0].label_line, 1168);
}

#[test]
fn no_tables_made_of_prose_in_the_samples() {
    // Every table found in the samples is one of the known ones.
    let expected: &[(&str, &[usize])] = &[
        (S000, &[38, 328]),
        (S001, &[1551, 2196, 3286]),
        (S002, &[]),
        (S003, &[1179]),
        (S004, &[]),
    ];
    for (text, lines) in expected {
        let ts = find_tables(&doc(text));
        let found: Vec<(usize, usize)> = ts.iter().map(|t| (t.line, t.end_line)).collect();
        assert_eq!(ts.len(), lines.len(), "found {found:?}");
        for l in *lines {
            table_at(&ts, *l);
        }
    }
}

#[test]
fn prose_with_numbers_is_not_a_table() {
    let text = "I 2024 var median tid for lukking i foretaket 24 dager, mot 31 dager i 2023.\n\
                Andelen var 86 prosent i 2024\n\
                og 84 prosent i 2023.\n\
                Foretaksmøte 11. juni 2024\n\
                Foretaksmøte 3. juli 2024\n";
    assert!(find_tables(&doc(text)).is_empty());
}

#[test]
fn nynorsk_table_with_caption() {
    let text = "Tabell 2. Sjukefråvær i føretaka\n\
                Føretak 2023 2024\n\
                Helse Bergen 7,1 % 6,8 %\n\
                Helse Fonna 8,0 % 7,5 %\n\
                Samla 7,4 % 7,0 %\n\
                Sjukefråværet gjekk ned i alle føretaka.\n";
    let ts = find_tables(&doc(text));
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.number, Some(2));
    assert_eq!(t.header, ["Føretak", "2023", "2024"]);
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.line, 1);
    assert_eq!(t.end_line, 5);
    let c = t.to_contract();
    assert_eq!(c.rows[2], ["Samla", "7,4 %", "7,0 %"]);
}

#[test]
fn thousands_are_joined_when_cells_stay_alike() {
    let text = "Post 2023 2024\nLønn 1 234 1 456\nDrift 987 1 012\nSum 2 221 2 468\n";
    let ts = find_tables(&doc(text));
    assert_eq!(ts.len(), 1);
    assert_eq!(values(&ts[0].rows[0]), [Some(1234.0), Some(1456.0)]);
    assert_eq!(values(&ts[0].rows[1]), [Some(987.0), Some(1012.0)]);
}

#[test]
fn many_three_digit_columns_stay_apart() {
    let text = "Område 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024\n\
                Somatikk 159 170 174 193 166 160 171 180 175 190\n\
                Psykisk helsevern 141 156 153 170 146 146 150 160 155 149\n";
    let ts = find_tables(&doc(text));
    assert_eq!(ts.len(), 1);
    assert_eq!(ts[0].width(), 10);
    assert_eq!(ts[0].rows[1].cells[9].value, Some(149.0));
}

#[test]
fn page_break_inside_a_table_continues_it() {
    let text = "Tabell 7: Årsverk per foretak\n\
                Foretak 2023 2024\n\
                St. Olavs hospital 10 950 11 020\n\
                Helse Møre og Romsdal 6 310 6 402\n\
                Side 12\n\
                Intern\n\
                https://www.helse-midt.no/\n\
                Helse Nord-Trøndelag 3 120 3 150\n\
                Sum 20 380 20 572\n\
                Antall årsverk økte i alle foretak.\n";
    let ts = find_tables(&doc(text));
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[2].line, 8);
    assert_eq!(t.rows[0].cells[0].value, Some(10_950.0));
    assert_eq!(t.rows[3].cells[1].value, Some(20_572.0));
    assert_eq!(t.header, ["Foretak", "2023", "2024"]);
}

#[test]
fn unit_words_after_values() {
    let text = "Leger 1 210 årsverk\nSykepleiere 3 400 årsverk\nBudsjett 12,5 mill. kr\n";
    let ts = find_tables(&doc(text));
    assert_eq!(ts.len(), 1);
    let t = &ts[0];
    assert_eq!(t.rows[0].cells[0].value, Some(1210.0));
    assert_eq!(t.rows[0].cells[0].unit, NumUnit::Fte);
    assert_eq!(t.rows[0].cells[0].text, "1 210 årsverk");
    assert_eq!(t.rows[2].cells[0].value, Some(12_500_000.0));
}

#[test]
fn random_table_like_input_does_not_panic() {
    // A small deterministic generator over the characters tables are made of.
    let alphabet: Vec<char> = "0123456789 ,.%()-−–:;/øæåØ•\n\n\t\u{a0}Sum Total HF 2024 000 per"
        .chars()
        .collect();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..400 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        let ts = find_tables(&doc(&s));
        for t in &ts {
            assert_eq!(t.header.len(), t.width() + 1);
            assert!(t.rows.iter().all(|r| r.cells.len() == t.width()));
            let _ = t.to_contract();
        }
    }
}

#[test]
fn every_unit_word_names_a_unit() {
    for (w, (name, _)) in &lexicon().table_units {
        assert!(unit_named(name).is_some(), "{w}: {name}");
    }
    assert_eq!(
        lexicon()
            .table_units
            .get("mnok")
            .map(|&(n, f)| (unit_named(n), f)),
        Some((Some(NumUnit::Nok), 1e6))
    );
}

#[test]
fn odd_input_does_not_panic() {
    for s in [
        "",
        "(",
        ")(",
        "Tabell",
        "Tabell 1:",
        "a 1\nb 2\n",
        "æ 1,\nø -\n",
        "x 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3\ny 1 2\n",
        "x 100 000 000 000 000 000 000 000 000 000 000 000 000 000 000\ny 100 000\n",
        "(((((\n1 2\n3 4\n",
        "−5 %\n–6,1 %\n",
    ] {
        let _ = find_tables(&doc(s));
    }
    let long = "Rad 1 2 3\n".repeat(20_000);
    let ts = find_tables(&doc(&long));
    assert_eq!(ts.len(), 1);
}

#[test]
fn trust_names_hyphenated_over_two_header_lines_and_year_rows_keep_their_unit() {
    let text = [
        "Tabell 1 Status per helseforetak",
        "Indikator                 UNN     Nordlands-   Helgelands-   Helse Nord",
        "                                  sykehuset    sykehuset     samlet",
        "Andel fristbrudd (%)      2,4        3,1           1,2          2,4",
        "Sykefravær 2023 (%)       8,4        7,5           8,9          8,3",
        "Sykefravær 2024 (%)       8,1        7,7           8,6          8,2",
    ]
    .join("\n");
    let ts = find_tables(&doc(&text));
    let t = table_at(&ts, 1);
    assert_eq!(
        t.header,
        [
            "Indikator",
            "UNN",
            "Nordlandssykehuset",
            "Helgelandssykehuset",
            "Helse Nord samlet"
        ],
        "{t:#?}"
    );
    assert_eq!(t.rows[1].label, "Sykefravær 2023 (%)");
}

#[test]
fn requirement_cells_and_a_label_broken_at_its_hyphen() {
    // "< 60" is one cell (a requirement, its sign kept in the text), not a word that ends the
    // label; "Norge" alone under "Universitetssykehuset Nord-" ends that row's label.
    let text = [
        "Tabell 1 Gjennomsnittlig ventetid, somatikk (dager)",
        "Helseforetak                  2023   2024   Mål",
        "                                            2024",
        "Universitetssykehuset Nord-   64     61     < 60",
        "Norge",
        "Nordlandssykehuset            70     63     ≤60",
        "Helse Nord                    66     62     < 60",
        "",
    ]
    .join("\n");
    let ts = find_tables(&doc(&text));
    let t = table_at(&ts, 4);
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Universitetssykehuset Nord-Norge",
            "Nordlandssykehuset",
            "Helse Nord"
        ]
    );
    assert_eq!(values(&t.rows[1]), [Some(70.0), Some(63.0), Some(60.0)]);
    assert!(
        t.rows[0].cells[2].text.starts_with('<'),
        "{:?}",
        t.rows[0].cells[2]
    );
}

#[test]
fn a_short_row_stands_under_the_columns_its_figures_end_under() {
    // The region row gives four areas and leaves the volume column empty; the sum row gives
    // only the volume. Each figure is right-aligned under its own column.
    let text = "\
Tabell 2  Ventetid (dager) per helseforetak, 2025
                                                           Avviklede
Helseforetak              Somatikk    PHV    PHBU    TSB    somatikk
Krav 2025                    ≤ 54    ≤ 42    ≤ 38   ≤ 30
Sykehuset Telemark             50      43      35     30      42 900
Sørlandet sykehus              51      38      34     26      68 700
Vestre Viken                   57      42      38     32     104 600
Sum avviklede                                                216 200
Helse Sør-Øst                  55      41      38     29
";
    let ts = find_tables(&doc(text));
    let t = table_at(&ts, 6);
    let row = |label: &str| {
        t.rows
            .iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("no row {label}: {t:#?}"))
    };
    assert_eq!(
        values(row("Helse Sør-Øst")),
        [Some(55.0), Some(41.0), Some(38.0), Some(29.0), None]
    );
    assert_eq!(
        values(row("Sum avviklede")),
        [None, None, None, None, Some(216_200.0)]
    );
    // Fail case: figures that stand between the columns keep the old guess (blank cells
    // first), since nothing tells which column they belong to.
    let text = "\
Tabell 3  Budsjett (mill. kroner)
Post                      2024      2025      2026
Lønn                     1 200     1 260     1 310
Varekost                   410       430       450
Andre                       80    95
";
    let ts = find_tables(&doc(text));
    let t = table_at(&ts, 3);
    let last = t.rows.last().unwrap();
    assert_eq!(values(last), [None, Some(80.0), Some(95.0)]);
}

#[test]
fn a_category_ending_with_a_conjunction_is_a_row_when_laid_out() {
    let text = "\
Tabell 2 Kor nøgd er du med oppfølginga?
Svært nøgd             58
Nøgd                   39
Verken eller           14
Lite nøgd               7
Sum                   118
";
    let ts = find_tables(&doc(text));
    let t = table_at(&ts, 4);
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Svært nøgd", "Nøgd", "Verken eller", "Lite nøgd", "Sum"]
    );
    // Fail case: in running text (one space) a conjunction before a figure ends a fragment of
    // prose.
    let prose = super::row::parse_row("Talet på svar var 12 eller 14").unwrap();
    assert!(prose.label.ends_with("eller"), "{prose:?}");
    assert!(!row_like(&prose));
    assert!(row_like(
        &super::row::parse_row("Verken eller           14").unwrap()
    ));
}
