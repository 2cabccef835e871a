//! Replays every file of `fuzz/corpus/<target>/` (and any crash files kept in
//! `fuzz/regressions/<target>/`) through the same checks the fuzzers run, on stable Rust, so
//! `cargo test` covers what fuzzing found. See `scripts/fuzz` and PERFORMANCE.md.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in [
        root.join("corpus").join(target),
        root.join("regressions").join(target),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("read corpus file");
            let result = std::panic::catch_unwind(|| check(&bytes));
            assert!(result.is_ok(), "{target}: {} fails", path.display());
            count += 1;
        }
    }
    assert!(count > 0, "no corpus for {target}");
}

#[test]
fn intake_corpus() {
    replay("intake", checks::intake);
}

#[test]
fn numbers_corpus() {
    replay("numbers", checks::numbers);
}

#[test]
fn document_corpus() {
    replay("document", checks::document);
}

#[test]
fn csv_corpus() {
    replay("csv", checks::csv);
}

#[test]
fn analyze_corpus() {
    replay("analyze", checks::analyze);
}

#[test]
fn docx_corpus() {
    replay("docx", checks::docx);
}

#[test]
fn sheets_corpus() {
    replay("sheets", checks::sheets);
}

#[test]
fn pdf_corpus() {
    replay("pdf", checks::pdf);
}
