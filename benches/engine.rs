use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench_samples(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for entry in std::fs::read_dir("examples").expect("examples/") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(&name, |b| b.iter(|| meldingssjekk::analyze(&name, &bytes)));
    }
    group.finish();
}

criterion_group!(benches, bench_samples);
criterion_main!(benches);
