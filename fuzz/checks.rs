//! What each fuzz target checks, shared by the fuzzers (`fuzz/fuzz_targets/*.rs`, nightly
//! libFuzzer) and by `tests/fuzz_replay.rs` (stable `cargo test`, replays `fuzz/corpus/*/`).
//! Each function takes the raw fuzzer input; a panic is a finding.

#![allow(dead_code)]

use meldingssjekk::document::Document;
use meldingssjekk::extract::numbers::{lex, parse_number};
use meldingssjekk::intake::pdf::{read_pdf, PdfError};
use meldingssjekk::intake::{decode, read_table, InputKind};

/// File names users give; the first input byte picks one so both the by-name (.csv/.tsv/.txt)
/// and the sniffing paths of intake are reached.
pub const NAMES: &[&str] = &[
    "melding.txt",
    "tabell.csv",
    "tabell.tsv",
    "notat.md",
    "ukjent",
    "x.PDF",
];

/// `intake::decode`: never panics; refusals name the file; names ending in .csv/.tsv give tables.
pub fn intake(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    match decode(name, bytes) {
        Ok(d) => {
            assert!(!bytes.is_empty(), "empty input accepted");
            if name.ends_with(".csv") || name.ends_with(".tsv") {
                assert_eq!(d.kind, InputKind::Csv);
            }
            assert!(!d.text.contains('\0'), "NUL accepted as text");
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with(name), "{msg}");
        }
    }
}

/// `numbers::lex` and `parse_number`: spans on char boundaries inside the text, in order;
/// values are numbers.
pub fn numbers(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let toks = lex(&text);
    let mut last_start = 0;
    for t in &toks {
        assert!(t.span.start <= t.span.end && t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(t.span.start >= last_start, "tokens out of order");
        assert!(!t.value.is_nan(), "NaN token");
        last_start = t.span.start;
    }
    if let Some(v) = parse_number(&text) {
        assert!(!v.is_nan());
    }
}

/// The document model: lines cover the text, sentences are on char boundaries and map back to
/// real lines, sections stay inside the document.
pub fn document(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let doc = Document::new(text);
    let n = doc.line_count().max(1);
    for (i, l) in doc.lines.iter().enumerate() {
        assert_eq!(l.number, i + 1);
        assert!(l.start <= l.end && l.end <= doc.text.len());
    }
    let reading = doc.reading();
    for s in reading.sentences() {
        assert!(s.range.start <= s.range.end && s.range.end <= reading.text.len());
        assert!(
            s.line >= 1 && s.line <= n,
            "sentence line {} of {n}",
            s.line
        );
        assert!(s.end_line >= s.line && s.end_line <= n);
        assert!(reading.text.get(s.range.clone()).is_some());
    }
    for sec in doc.sections() {
        assert!(
            sec.line >= 1 && sec.line <= n,
            "section line {} of {n}",
            sec.line
        );
        assert!(sec.end_line >= sec.line && sec.end_line <= n);
    }
}

/// `intake::read_table`: every row has its line, and lines lie inside the input.
pub fn csv(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let t = read_table(&text);
    assert_eq!(t.rows.len(), t.row_lines.len());
    let lines = Document::new(text.into_owned()).line_count().max(1);
    for &l in &t.row_lines {
        assert!(l >= 1 && l <= lines, "row line {l} of {lines}");
    }
    assert!(t.end_line <= lines, "end line {} of {lines}", t.end_line);
}

/// `meldingssjekk::analyze`: never panics; what it returns points at lines that exist and
/// serialises.
pub fn analyze(data: &[u8]) {
    let name = if data.first() == Some(&b';') {
        "tabell.csv"
    } else {
        "melding.txt"
    };
    if let Ok(a) = meldingssjekk::analyze(name, data) {
        let r = &a.report;
        let lines = r.lines.max(1);
        for f in &r.figures {
            assert!(
                f.line >= 1 && f.line <= lines,
                "figure line {} of {lines}",
                f.line
            );
        }
        for t in &r.tables {
            assert!(t.line >= 1 && t.line <= t.end_line && t.end_line <= lines);
        }
        for i in &r.indicators {
            assert!(i.line >= 1 && i.line <= i.end_line && i.end_line <= lines);
            if let Some(c) = i.claim_line {
                assert!(c >= 1 && c <= lines, "claim line {c} of {lines}");
            }
        }
        for f in &r.findings {
            assert!(f.line >= 1 && f.line <= f.end_line && f.end_line <= lines);
        }
        serde_json::to_string(r).expect("report serialises");
    }
}

/// The structured-file text every reader gives: one origin per line.
fn structured_ok(s: &meldingssjekk::intake::Structured) {
    assert_eq!(
        s.origins.len(),
        s.text.matches('\n').count(),
        "one origin per line"
    );
}

/// DOCX: first byte even → `word/document.xml` text through the XML reader, odd → the bytes as
/// a .docx archive through `analyze` (refusals name the file).
pub fn docx(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    if pick % 2 == 0 {
        if let Ok(s) =
            meldingssjekk::intake::docx::read_document_xml(&String::from_utf8_lossy(rest))
        {
            structured_ok(&s);
        }
    } else {
        analyze_named("fuzz.docx", rest);
    }
}

/// Spreadsheets: first byte % 3 → ODS content.xml text, .xlsx bytes, .ods bytes.
pub fn sheets(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    match pick % 3 {
        0 => {
            if let Ok(s) =
                meldingssjekk::intake::sheets::read_ods_content(&String::from_utf8_lossy(rest))
            {
                structured_ok(&s);
            }
        }
        1 => analyze_named("fuzz.xlsx", rest),
        _ => analyze_named("fuzz.ods", rest),
    }
}

fn analyze_named(name: &str, bytes: &[u8]) {
    match meldingssjekk::analyze(name, bytes) {
        Ok(a) => {
            let _ = serde_json::to_string(&a.report).expect("report serialises");
        }
        Err(e) => assert!(e.to_string().starts_with(name), "{e}"),
    }
}

/// `intake::pdf::read_pdf`: never panics out (panics inside the PDF parser are caught and become
/// `Malformed`); progress counts 1, 2, … up to the page count; pages are numbered 1..; no empty
/// cells; a result has some text outside the furniture; refusals are one Norwegian sentence.
pub fn pdf(data: &[u8]) {
    let mut last = (0usize, 0usize);
    let result = read_pdf(data, &mut |done, total| {
        assert_eq!(done, last.0 + 1, "progress out of order");
        assert!(done <= total && (last.1 == 0 || last.1 == total));
        last = (done, total);
    });
    match result {
        Ok(text) => {
            assert_eq!(text.pages.len(), last.1, "pages vs progress");
            for (i, page) in text.pages.iter().enumerate() {
                assert_eq!(page.number, i + 1);
                for line in &page.lines {
                    assert!(!line.cells.is_empty(), "line without cells");
                    assert!(
                        line.cells.iter().all(|c| !c.trim().is_empty()),
                        "empty cell"
                    );
                }
            }
            assert!(
                text.pages
                    .iter()
                    .flat_map(|p| &p.lines)
                    .any(|l| !l.furniture),
                "text without body lines"
            );
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("PDF-en "), "{msg}");
            if let PdfError::TooManyPages(n) = e {
                assert!(n > 2000);
            }
        }
    }
}

/// libFuzzer's panic hook aborts on every panic, even one that `read_pdf` catches on purpose
/// (a panic inside the third-party parser, which becomes `Malformed`). This hook only notes it;
/// a panic that escapes still fails the run (libfuzzer-sys aborts when the target unwinds).
/// Set FUZZ_PDF_STRICT=1 to keep the aborting hook and find the parser's own panics.
pub fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("FUZZ_PDF_STRICT").is_none() {
            std::panic::set_hook(Box::new(|info| eprintln!("caught: {info}")));
        }
    });
}
