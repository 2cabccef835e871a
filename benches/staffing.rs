//! Staffing projection speed: the six groups of the sample report's staffing table, 2023–2060,
//! all levers, recomputed from scratch (as the page does on every slider move). Target < 1 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use meldingssjekk::staffing::{lever_savings, project, Group, Levers, NeedPoint};
use std::hint::black_box;

fn seed_groups() -> Vec<Group> {
    [
        ("ANESTESISYKEPLEIER", 302.0, 321.0, 352.0),
        ("BARNESYKEPLEIER", 118.0, 127.0, 139.0),
        ("INTENSIVSYKEPLEIER", 687.0, 729.0, 808.0),
        ("OPERASJONSSYKEPLEIER", 441.0, 471.0, 512.0),
        ("KREFTSYKEPLEIER", 182.0, 196.0, 220.0),
        ("JORDMØDRE", 317.0, 323.0, 329.0),
    ]
    .into_iter()
    .map(|(name, h, a, b)| Group {
        name: name.into(),
        base_year: 2023,
        base: h,
        points: vec![
            NeedPoint {
                year: 2030,
                need: a,
            },
            NeedPoint {
                year: 2040,
                need: b,
            },
        ],
    })
    .collect()
}

fn bench_project(c: &mut Criterion) {
    let groups = seed_groups();
    let levers = Levers {
        horizon: 2060,
        turnover: 0.06,
        fte_from: Some(0.78),
        fte_to: Some(0.88),
        sick_from: Some(0.09),
        sick_to: Some(0.07),
        task_sharing: 0.1,
        productivity: 0.01,
        completion: 0.85,
        education_positions: Some(40.0),
    };
    c.bench_function("staffing/project_6_groups_2023_2060_all_levers", |b| {
        b.iter(|| project(black_box(&groups), black_box(&levers)))
    });
    c.bench_function("staffing/lever_savings_6_groups", |b| {
        b.iter(|| lever_savings(black_box(&groups), black_box(&levers)))
    });
}

criterion_group!(benches, bench_project);
criterion_main!(benches);
