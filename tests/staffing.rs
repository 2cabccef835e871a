//! Staffing projections (issue 4): the model by hand, its properties, the seed table, CSV input
//! and the `project` command.

use meldingssjekk::model::Table;
use meldingssjekk::staffing::{
    groups_from_csv, groups_from_table, lever_savings, project, Group, Levers, NeedPoint,
    StaffingError,
};
use std::process::Command;

fn group(name: &str, y0: i32, h: f64, points: &[(i32, f64)]) -> Group {
    Group {
        name: name.into(),
        base_year: y0,
        base: h,
        points: points
            .iter()
            .map(|&(year, need)| NeedPoint { year, need })
            .collect(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {{
        let (a, b) = ($a, $b);
        assert!(close(a, b), "{} = {a}, expected {b}", stringify!($a));
    }};
}

/// Need of group 0 in `year`.
fn need_in(groups: &[Group], levers: &Levers, year: i32) -> f64 {
    let p = project(groups, levers).unwrap();
    p.groups[0]
        .years
        .iter()
        .find(|r| r.year == year)
        .unwrap()
        .need
}

// Hand-computed case: Y0 = 2020, H = 100, need 150 in 2030 (N0 rises 5 a year), horizon 2030,
// turnover t = 10 %, completion c = 80 %, capacity K = 20.
//   N(2021) = 105, N(2022) = 110, N(2030) = 150
//   R(2021) = 105 − 0.9·100 = 15,   E = 15 / 0.8 = 18.75
//   R(2022) = 110 − 0.9·105 = 15.5, E = 19.375
//   R(2030) = 150 − 0.9·145 = 19.5
//   S(2021) = 0.9·100 + 0.8·20 = 106,   gap = 105 − 106 = −1
//   S(2022) = 0.9·106 + 16 = 111.4,     gap = 110 − 111.4 = −1.4
#[test]
fn hand_computed_turnover_completion_capacity() {
    let g = [group("A", 2020, 100.0, &[(2030, 150.0)])];
    let lv = Levers {
        horizon: 2030,
        turnover: 0.1,
        completion: 0.8,
        education_positions: Some(20.0),
        ..Levers::default()
    };
    let p = project(&g, &lv).unwrap();
    let y = &p.groups[0].years;
    assert_eq!(y.len(), 11);
    assert_eq!((y[0].year, y[10].year), (2020, 2030));
    assert_eq!(y[0].need, 100.0);
    assert_eq!(y[0].recruitment, 0.0);
    assert_eq!(y[0].supply, Some(100.0));
    assert_close!(y[1].need, 105.0);
    assert_close!(y[2].need, 110.0);
    assert_eq!(y[10].need, 150.0);
    assert_close!(y[1].recruitment, 15.0);
    assert_close!(y[1].education_required, 18.75);
    assert_close!(y[2].recruitment, 15.5);
    assert_close!(y[2].education_required, 19.375);
    assert_close!(y[10].recruitment, 19.5);
    assert_close!(y[1].supply.unwrap(), 106.0);
    assert_close!(y[1].gap.unwrap(), -1.0);
    assert_close!(y[2].supply.unwrap(), 111.4);
    assert_close!(y[2].gap.unwrap(), -1.4);
}

// Levers, Y0 = 2020, H = 100, need 150 in 2030, horizon 2030:
//   position size 80 % → 100 % with task sharing 20 %: in 2025 r = 0.5,
//     N0 = 125, × 0.8/0.9 (fte 90 % then) × 0.9 (1 − 0.2·0.5) = 100
//     in 2030: 150 × 0.8/1.0 × 0.8 = 96
//   sickness 10 % → 5 %: 2030: 150 × 0.9/0.95 = 142.105263…
//   productivity 1 %: 2022: 110 / 1.01² = 107.8325…
//   savings at 2030: fte alone 150 − 120 = 30, task sharing alone 150 − 120 = 30
#[test]
fn hand_computed_levers() {
    let g = [group("A", 2020, 100.0, &[(2030, 150.0)])];
    let base = Levers {
        horizon: 2030,
        ..Levers::default()
    };
    let lv = Levers {
        fte_from: Some(0.8),
        fte_to: Some(1.0),
        task_sharing: 0.2,
        ..base
    };
    assert_eq!(need_in(&g, &lv, 2020), 100.0);
    assert_close!(need_in(&g, &lv, 2025), 100.0);
    assert_close!(need_in(&g, &lv, 2030), 96.0);
    let sick = Levers {
        sick_from: Some(0.1),
        sick_to: Some(0.05),
        ..base
    };
    assert_close!(need_in(&g, &sick, 2030), 150.0 * 0.9 / 0.95);
    let prod = Levers {
        productivity: 0.01,
        ..base
    };
    assert_close!(need_in(&g, &prod, 2022), 110.0 / (1.01 * 1.01));
    let s = lever_savings(&g, &lv).unwrap();
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].lever, "fte");
    assert_close!(s[0].saved_at_horizon, 30.0);
    assert_eq!(s[1].lever, "task_sharing");
    assert_close!(s[1].saved_at_horizon, 30.0);
    // The projection carries the same savings.
    assert_eq!(project(&g, &lv).unwrap().lever_savings, s);
}

// Beyond the last point the last slope continues: 100 → 150 over 2020–2030 gives 175 in 2035
// and 200 in 2040. A falling line stops at zero: 100 → 50 by 2030 is 0 from 2040 on.
#[test]
fn extrapolation_continues_last_slope_and_stops_at_zero() {
    let g = [group("A", 2020, 100.0, &[(2030, 150.0)])];
    assert_close!(need_in(&g, &Levers::default(), 2035), 175.0);
    assert_close!(need_in(&g, &Levers::default(), 2040), 200.0);
    let falling = [group("B", 2020, 100.0, &[(2030, 50.0)])];
    let lv = Levers {
        horizon: 2050,
        ..Levers::default()
    };
    assert_close!(need_in(&falling, &lv, 2035), 25.0);
    assert_eq!(need_in(&falling, &lv, 2045), 0.0);
    assert_eq!(need_in(&falling, &lv, 2050), 0.0);
}

fn sample_groups() -> Vec<Vec<Group>> {
    vec![
        vec![group("A", 2023, 302.0, &[(2030, 321.0), (2040, 352.0)])],
        vec![group(
            "B",
            2020,
            10.5,
            &[(2021, 11.25), (2027, 30.0), (2035, 30.0)],
        )],
        vec![
            group("C", 2023, 687.0, &[(2040, 808.0), (2030, 729.0)]),
            group("D", 2023, 1000.0, &[(2024, 1000.0)]),
        ],
    ]
}

#[test]
fn without_levers_need_reproduces_points_and_recruitment_sums_to_growth() {
    for groups in sample_groups() {
        for horizon in [2035, 2040, 2050] {
            let lv = Levers {
                horizon,
                ..Levers::default()
            };
            let p = project(&groups, &lv).unwrap();
            for (g, gp) in groups.iter().zip(&p.groups) {
                assert_eq!(gp.years[0].need, g.base);
                for pt in g.points.iter().filter(|pt| pt.year <= horizon) {
                    let row = gp.years.iter().find(|r| r.year == pt.year).unwrap();
                    assert_eq!(row.need, pt.need, "{} {}", g.name, pt.year);
                }
                // Non-decreasing need and t = 0: recruitment adds up to the growth.
                let last = gp.years.last().unwrap();
                assert_eq!(last.year, horizon);
                assert_close!(gp.cumulative_recruitment, last.need - g.base);
                assert_close!(gp.cumulative_education_required, last.need - g.base);
            }
            let sum: f64 = p.groups.iter().map(|g| g.cumulative_recruitment).sum();
            assert_close!(p.totals.cumulative_recruitment, sum);
        }
    }
}

#[test]
fn raising_position_size_lowers_need_at_horizon_by_f0_over_f1() {
    let others = [
        Levers::default(),
        Levers {
            turnover: 0.05,
            sick_from: Some(0.08),
            sick_to: Some(0.06),
            task_sharing: 0.1,
            productivity: 0.01,
            ..Levers::default()
        },
    ];
    for groups in sample_groups() {
        for other in others {
            for (f0, f1) in [(0.8, 0.9), (0.75, 1.0), (0.6, 0.65), (0.9, 0.85)] {
                let same = Levers {
                    fte_from: Some(f0),
                    fte_to: Some(f0),
                    ..other
                };
                let raised = Levers {
                    fte_to: Some(f1),
                    ..same
                };
                let a = project(&groups, &same).unwrap();
                let b = project(&groups, &raised).unwrap();
                for (ga, gb) in a.groups.iter().zip(&b.groups) {
                    let (na, nb) = (ga.years.last().unwrap().need, gb.years.last().unwrap().need);
                    assert_close!(nb, na * f0 / f1);
                    assert_eq!(ga.years[0].need, gb.years[0].need);
                }
            }
        }
    }
}

// Constant need H: each year t·H leave, so R = t·H and E = t·H / c. With K = t·H / c the
// supply (1 − t)·H + c·K = H stays at the need: no gap.
#[test]
fn capacity_equal_to_required_positions_closes_the_gap() {
    for (h, t, c) in [(302.0, 0.05, 1.0), (118.0, 0.1, 0.8), (1000.0, 0.2, 0.5)] {
        let g = [group("A", 2023, h, &[(2030, h)])];
        let k = t * h / c;
        let lv = Levers {
            turnover: t,
            completion: c,
            education_positions: Some(k),
            horizon: 2060,
            ..Levers::default()
        };
        let p = project(&g, &lv).unwrap();
        for r in &p.groups[0].years[1..] {
            assert_close!(r.education_required, k);
            assert!(r.gap.unwrap().abs() < 1e-9, "{} gap {:?}", r.year, r.gap);
        }
        // Half the capacity leaves a growing gap.
        let half = Levers {
            education_positions: Some(k / 2.0),
            ..lv
        };
        let p = project(&g, &half).unwrap();
        assert!(p.groups[0].years.last().unwrap().gap.unwrap() > 1.0);
    }
}

#[test]
fn levers_have_no_effect_in_base_year() {
    let lv = Levers {
        fte_from: Some(0.7),
        fte_to: Some(0.9),
        sick_from: Some(0.1),
        sick_to: Some(0.05),
        task_sharing: 0.3,
        productivity: 0.02,
        turnover: 0.07,
        ..Levers::default()
    };
    for groups in sample_groups() {
        let p = project(&groups, &lv).unwrap();
        for (g, gp) in groups.iter().zip(&p.groups) {
            assert_eq!(gp.years[0].need, g.base);
        }
    }
}

fn seed_rows() -> Vec<(&'static str, f64, f64, f64, &'static str, &'static str)> {
    // /work/shared/seeds/000_2a6fda8bf9662336.txt lines 31–50.
    vec![
        (
            "ANESTESISYKEPLEIER",
            302.0,
            321.0,
            352.0,
            "6,3 %",
            "16,15 %",
        ),
        ("BARNESYKEPLEIER", 118.0, 127.0, 139.0, "7,7 %", "18,5 %"),
        ("INTENSIVSYKEPLEIER", 687.0, 729.0, 808.0, "6,1 %", "11,7 %"),
        ("OPERASJONSSYKEPLEIER", 441.0, 471.0, 512.0, "6,7 %", "16 %"),
        ("KREFTSYKEPLEIER", 182.0, 196.0, 220.0, "8,9 %", "22,7 %"),
        ("JORDMØDRE", 317.0, 323.0, 329.0, "3,1 %", "4,9 %"),
    ]
}

fn seed_table() -> Table {
    Table {
        line: 31,
        end_line: 50,
        caption: None,
        row_lines: Vec::new(),
        header: vec![
            "PROFESJONSGRUPPE".into(),
            "ANTALL 2023".into(),
            "BEHOV 2030 (% ENDRING)".into(),
            "BEHOV 2040 (% ENDRING)".into(),
        ],
        rows: seed_rows()
            .into_iter()
            .map(|(n, h, a, b, pa, pb)| {
                vec![
                    n.to_string(),
                    format!("{h}"),
                    format!("{a} ({pa})"),
                    format!("{b} ({pb})"),
                ]
            })
            .collect(),
    }
}

fn assert_reproduces_seed(groups: &[Group]) {
    assert_eq!(groups.len(), 6);
    let p = project(groups, &Levers::default()).unwrap();
    for (gp, (name, h, n2030, n2040, _, _)) in p.groups.iter().zip(seed_rows()) {
        assert_eq!(gp.name, name);
        assert_eq!((gp.base_year, gp.base), (2023, h));
        let at = |y: i32| gp.years.iter().find(|r| r.year == y).unwrap().need;
        assert_eq!(at(2030), n2030, "{name} 2030");
        assert_eq!(at(2040), n2040, "{name} 2040");
    }
}

#[test]
fn seed_000_table_reproduces_all_six_groups() {
    let groups = groups_from_table(&seed_table()).expect("staffing table");
    assert_reproduces_seed(&groups);
}

#[test]
fn seed_000_table_with_split_percent_cells() {
    // The table reader may split "321 (6,3 %)" into "321" and "(6,3 %)", with or without
    // splitting the header the same way.
    let mut t = seed_table();
    t.rows = seed_rows()
        .into_iter()
        .map(|(n, h, a, b, pa, pb)| {
            vec![
                n.to_string(),
                format!("{h}"),
                format!("{a}"),
                format!("({pa})"),
                format!("{b}"),
                format!("({pb})"),
            ]
        })
        .collect();
    assert_reproduces_seed(&groups_from_table(&t).unwrap());
    t.header = vec![
        "PROFESJONSGRUPPE".into(),
        "ANTALL 2023".into(),
        "BEHOV 2030".into(),
        "(% ENDRING)".into(),
        "BEHOV 2040".into(),
        "(% ENDRING)".into(),
    ];
    assert_reproduces_seed(&groups_from_table(&t).unwrap());
    // Name and numbers left in one cell.
    t.rows = seed_rows()
        .into_iter()
        .map(|(n, h, a, b, pa, pb)| vec![format!("{n} {h}  {a} ({pa}) {b} ({pb})")])
        .collect();
    assert_reproduces_seed(&groups_from_table(&t).unwrap());
}

#[test]
fn other_tables_are_not_staffing() {
    let t = Table {
        line: 1,
        end_line: 3,
        caption: None,
        header: vec!["Helseforetak".into(), "2023".into(), "2024".into()],
        rows: vec![vec![
            "St. Olavs hospital".into(),
            "9,2".into(),
            "9,0".into(),
        ]],
        row_lines: Vec::new(),
    };
    assert!(groups_from_table(&t).is_none());
    let empty = Table {
        rows: vec![],
        row_lines: Vec::new(),
        header: vec![],
        ..t
    };
    assert!(groups_from_table(&empty).is_none());
}

#[test]
fn csv_long_and_wide_give_the_same_groups() {
    let wide = "gruppe;2023;2030;2040\nAnestesisykepleier;302;321;352\nJordmødre;317;323;329\n";
    let long = "Yrkesgruppe,Basisår,Ansatte,År,Behov\n\
                Anestesisykepleier,2023,302,2030,321\n\
                Anestesisykepleier,2023,302,2040,352\n\
                Jordmødre,2023,317,2030,323\n\
                Jordmødre,2023,317,2040,329\n";
    let english = "group\tbase_year\tstaff\tyear\tneed\n\
                   Anestesisykepleier\t2023\t302\t2030\t321\n\
                   Anestesisykepleier\t2023\t302\t2040\t352\n\
                   Jordmødre\t2023\t317\t2030\t323\n\
                   Jordmødre\t2023\t317\t2040\t329\n";
    let a = groups_from_csv(wide).unwrap();
    assert_eq!(a, groups_from_csv(long).unwrap());
    assert_eq!(a, groups_from_csv(english).unwrap());
    assert_eq!(a[1].name, "Jordmødre");
    assert_eq!(
        a[1].points[1],
        NeedPoint {
            year: 2040,
            need: 329.0
        }
    );
}

#[test]
fn csv_norwegian_numbers_and_errors() {
    let g = groups_from_csv("gruppe;Antall 2023;Behov 2030\nSykepleiere;12 345,5;13\u{a0}001\n")
        .unwrap();
    assert_eq!(g[0].base, 12345.5);
    assert_eq!(g[0].points[0].need, 13001.0);
    let err = groups_from_csv("gruppe;2023;2030\nA;302;321\nB;tolv;13\n").unwrap_err();
    assert!(matches!(err, StaffingError::Data(_)));
    assert!(err.to_string().contains("linje 3"), "{err}");
    let err = groups_from_csv("gruppe;basisår;ansatte;år;behov\nA;2023;302;2030;x\n").unwrap_err();
    assert!(err.to_string().contains("linje 2") && err.to_string().contains("behov"));
    let err = groups_from_csv("gruppe;år;behov\nA;2030;5\n").unwrap_err();
    assert!(err.to_string().contains("basisår"), "{err}");
    assert!(groups_from_csv("navn;verdi\nA;1\n").is_err());
}

#[test]
fn invalid_input_gives_norwegian_errors_not_panics() {
    let g = [group("A", 2023, 302.0, &[(2030, 321.0)])];
    let bad: Vec<(Levers, &str)> = vec![
        (
            Levers {
                horizon: 2023,
                ..Levers::default()
            },
            "horisontåret",
        ),
        (
            Levers {
                horizon: 2400,
                ..Levers::default()
            },
            "horisontåret",
        ),
        (
            Levers {
                turnover: 1.5,
                ..Levers::default()
            },
            "turnover",
        ),
        (
            Levers {
                turnover: f64::NAN,
                ..Levers::default()
            },
            "turnover",
        ),
        (
            Levers {
                completion: 0.0,
                ..Levers::default()
            },
            "gjennomføring",
        ),
        (
            Levers {
                fte_from: Some(0.0),
                ..Levers::default()
            },
            "stillingsandel",
        ),
        (
            Levers {
                fte_to: Some(0.9),
                ..Levers::default()
            },
            "stillingsandel",
        ),
        (
            Levers {
                sick_from: Some(0.1),
                sick_to: Some(1.0),
                ..Levers::default()
            },
            "sykefravær",
        ),
        (
            Levers {
                task_sharing: -0.1,
                ..Levers::default()
            },
            "oppgavedeling",
        ),
        (
            Levers {
                productivity: 0.9,
                ..Levers::default()
            },
            "produktivitet",
        ),
        (
            Levers {
                education_positions: Some(-1.0),
                ..Levers::default()
            },
            "utdanningskapasitet",
        ),
        (
            Levers {
                education_positions: Some(f64::INFINITY),
                ..Levers::default()
            },
            "utdanningskapasitet",
        ),
    ];
    for (lv, word) in bad {
        let err = project(&g, &lv).unwrap_err();
        assert!(matches!(err, StaffingError::Parameter(_)), "{err:?}");
        assert!(err.to_string().contains(word), "{err} lacks {word}");
        assert!(lever_savings(&g, &lv).is_err());
    }
    let bad_groups: Vec<Vec<Group>> = vec![
        vec![],
        vec![group(" ", 2023, 1.0, &[])],
        vec![group("A", 2023, f64::NAN, &[])],
        vec![group("A", 2023, -5.0, &[])],
        vec![group("A", 2023, 5.0, &[(2020, 4.0)])],
        vec![group("A", 2023, 5.0, &[(2030, 4.0), (2030, 6.0)])],
        vec![group("A", 2023, 5.0, &[(2030, f64::INFINITY)])],
    ];
    for groups in bad_groups {
        let err = project(&groups, &Levers::default()).unwrap_err();
        assert!(matches!(err, StaffingError::Data(_)), "{err:?}");
    }
}

#[test]
fn extreme_but_valid_input_stays_finite() {
    let g = [group("A", 1900, 1e9, &[(1901, 0.0), (2100, 1e9)])];
    let lv = Levers {
        horizon: 2100,
        productivity: -0.5,
        sick_from: Some(0.0),
        sick_to: Some(0.999),
        fte_from: Some(1e-9),
        fte_to: Some(1.0),
        education_positions: Some(1e9),
        ..Levers::default()
    };
    match project(&g, &lv) {
        Ok(p) => {
            for r in p
                .groups
                .iter()
                .flat_map(|g| &g.years)
                .chain(&p.totals.years)
            {
                let vals = [r.need, r.recruitment, r.education_required];
                assert!(vals.iter().all(|v| v.is_finite()), "{r:?}");
                assert!(r.supply.unwrap().is_finite() && r.gap.unwrap().is_finite());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

#[test]
fn totals_over_groups_with_different_base_years() {
    let g = [
        group("A", 2020, 100.0, &[(2030, 150.0)]),
        group("B", 2023, 50.0, &[(2030, 50.0)]),
    ];
    let p = project(&g, &Levers::default()).unwrap();
    assert!(!p.totals.shared_base_year);
    assert_eq!(p.totals.years.first().unwrap().year, 2020);
    assert_eq!(p.totals.years.len(), 21);
    let t = |y: i32| p.totals.years.iter().find(|r| r.year == y).unwrap().need;
    assert_close!(t(2022), 110.0); // only A has 2022
    assert_close!(t(2023), 115.0 + 50.0);
    assert_close!(t(2040), 200.0 + 50.0);
}

// ---- command line ----

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_meldingssjekk"))
        .args(args)
        .output()
        .expect("run meldingssjekk");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const WIDE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/staffing_wide.csv"
);
const LONG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/staffing_long.csv"
);

#[test]
fn cli_json() {
    let (code, out, err) = run(&["project", "--turnover", "5", "--fte-from", "80", WIDE]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["parameters"]["turnover"], 0.05);
    assert_eq!(v["parameters"]["fte_to"], 0.8); // defaults to --fte-from
    assert_eq!(v["groups"].as_array().unwrap().len(), 2);
    let years = v["groups"][0]["years"].as_array().unwrap();
    assert_eq!(years.len(), 18); // 2023..=2040
    assert_eq!(years[7]["year"], 2030);
    assert_eq!(years[7]["need"], 321.0);
    assert!(years[7]["supply"].is_null() && years[7]["gap"].is_null());
    // R(2024) = N(2024) − 0.95 · 302, N(2024) = 302 + 19/7
    let r = years[1]["recruitment"].as_f64().unwrap();
    assert_close!(r, 302.0 + 19.0 / 7.0 - 0.95 * 302.0);
    assert_eq!(v["totals"]["years"][17]["need"], 352.0 + 329.0);
}

#[test]
fn cli_text() {
    let (code, out, err) = run(&[
        "project",
        "--format",
        "text",
        "--fte-from",
        "80",
        "--fte-to",
        "90",
        "--education-positions",
        "20",
        LONG,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Anestesisykepleier (2023: 302 ansatte)"),
        "{out}"
    );
    assert!(out.contains("Totalt, alle grupper"), "{out}");
    assert!(out.contains("Gap"), "{out}");
    // fte 80 → 90 % alone at 2040: (352 + 329) × (1 − 8/9) = 75,67 → "76 personer".
    assert!(
        out.contains("høyere stillingsandel") && out.contains("76 personer"),
        "{out}"
    );
}

#[test]
fn cli_csv() {
    let (code, out, err) = run(&["project", "--format=csv", "--horizon", "2035", LONG]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "gruppe;år;behov;rekruttering;utdanningsstillinger;tilgang;gap"
    );
    assert_eq!(lines.len(), 1 + 2 * 13); // two groups × 2023..=2035
    assert!(lines
        .iter()
        .any(|l| l.starts_with("Anestesisykepleier;2030;321;2,71") && l.ends_with(";;")));
    // Decimal comma: 2024 need is 302 + 19/7 = 304,714…
    assert!(out.contains("Anestesisykepleier;2024;304,714"), "{out}");
    assert!(lines.iter().any(|l| l.starts_with("Jordmødre;2035;")));
}

#[test]
fn cli_usage_and_input_errors() {
    let (code, _, err) = run(&["project"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["project", "--turnover", "mye", WIDE]);
    assert_eq!(code, 2);
    assert!(err.contains("--turnover"), "{err}");
    let (code, _, err) = run(&["project", "--turnover", "150", WIDE]);
    assert_eq!(code, 2);
    assert!(err.contains("turnover må være"), "{err}");
    let (code, _, _) = run(&["project", "--horizon", "2020", WIDE]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["project", "--sick-to", "5", WIDE]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["project", "--frobnicate", "1", WIDE]);
    assert_eq!(code, 2);
    let (code, _, err) = run(&["project", "/no/such/file.csv"]);
    assert_eq!(code, 3, "{err}");
    let dir = std::env::temp_dir().join(format!("meldingssjekk-staffing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prose = dir.join("melding.txt");
    std::fs::write(
        &prose,
        "Sykefraværet var 9,2 % i 2023.\nKravet er innfridd.\n",
    )
    .unwrap();
    let (code, _, err) = run(&["project", prose.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("fant ingen bemanningstabell"), "{err}");
}
