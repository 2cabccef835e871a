//! Engine throughput (MB/s): each sample report, a 20 MB report made by repeating the samples,
//! and the stages a report passes through (lexing, the reading view) on that text.
//! Run: `cargo bench --bench engine`; figures go to PERFORMANCE.md.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::time::Duration;

fn samples() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir("examples")
        .expect("examples/")
        .filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&path).expect("read sample"))
        })
        .collect();
    out.sort();
    out
}

/// The samples one after another until `len` bytes.
fn repeated(len: usize) -> Vec<u8> {
    let mut blob = Vec::new();
    for (_, b) in samples() {
        blob.extend_from_slice(&b);
        blob.push(b'\n');
    }
    let mut out = Vec::with_capacity(len + blob.len());
    while out.len() < len {
        out.extend_from_slice(&blob);
    }
    out
}

fn bench_samples(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for (name, bytes) in samples() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(&name, |b| b.iter(|| meldingssjekk::analyze(&name, &bytes)));
    }
    group.finish();
}

fn bench_large(c: &mut Criterion) {
    let big = repeated(20_000_000);
    let text = String::from_utf8(big.clone()).expect("samples are UTF-8");
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("analyze_20MB", |b| {
        b.iter(|| meldingssjekk::analyze("stor.txt", &big))
    });
    group.bench_function("decode_20MB", |b| {
        b.iter(|| meldingssjekk::intake::decode("stor.txt", &big))
    });
    group.bench_function("lex_20MB", |b| {
        b.iter(|| meldingssjekk::extract::numbers::lex(&text).len())
    });
    group.bench_function("reading_20MB", |b| {
        b.iter(|| {
            let doc = meldingssjekk::document::Document::new(text.clone());
            doc.reading().sentences().len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_samples, bench_large);
criterion_main!(benches);
