//! Hostile inputs through the real CLI binary: whatever a user drops on it, `meldingssjekk check`
//! answers with exit 0 (analysed) or 3 (refused, with a message) — never a panic (101), never a
//! signal, never a hang.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Wall-clock bound per CLI run. Generous: debug builds are many times slower than release, and
/// CI machines are shared.
fn bound() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(600)
    } else {
        Duration::from_secs(60)
    }
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("meldingssjekk-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `meldingssjekk check --format json` on `bytes` written to `name`, killing it after the
/// bound. Panics (fails the test) on a crash, a signal or a hang.
fn check(name: &str, bytes: &[u8]) -> Outcome {
    let path = temp_dir().join(name);
    std::fs::write(&path, bytes).expect("write input");
    let out = run_cli(&path);
    let _ = std::fs::remove_file(&path);
    out
}

fn run_cli(path: &Path) -> Outcome {
    let dir = temp_dir();
    let stem = path.file_name().unwrap().to_string_lossy().to_string();
    let out_path = dir.join(format!("{stem}.stdout"));
    let err_path = dir.join(format!("{stem}.stderr"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_meldingssjekk"))
        .args(["check", "--format", "json"])
        .arg(path)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("start meldingssjekk");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > bound() {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{stem}: no answer within {:?} (hang?)", bound());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    let _ = std::fs::remove_file(&out_path);
    let _ = std::fs::remove_file(&err_path);
    let Some(code) = status.code() else {
        panic!("{stem}: killed by a signal ({status:?}); stderr: {stderr}");
    };
    assert_ne!(code, 101, "{stem}: panicked: {stderr}");
    assert!(
        code == 0 || code == 3,
        "{stem}: exit {code}, expected 0 or 3; stderr: {stderr}"
    );
    Outcome {
        code,
        stdout,
        stderr,
    }
}

/// The JSON contract on stdout (always printed, also when the file was refused).
fn json(o: &Outcome) -> serde_json::Value {
    serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e})"))
}

/// Asserts an analysed document (exit 0) and returns it.
fn analysed(name: &str, bytes: &[u8]) -> serde_json::Value {
    let o = check(name, bytes);
    assert_eq!(o.code, 0, "{name} refused: {}", o.stderr);
    let v = json(&o);
    let doc = v["documents"][0].clone();
    assert!(doc.is_object(), "{name}: no document in {}", o.stdout);
    doc
}

/// Asserts a refusal (exit 3) with a message naming the file; returns the message.
fn refused(name: &str, bytes: &[u8]) -> String {
    let o = check(name, bytes);
    assert_eq!(o.code, 3, "{name} was not refused: {}", o.stdout);
    assert!(
        o.stderr.contains(name),
        "{name}: message without name: {}",
        o.stderr
    );
    let v = json(&o);
    let msg = v["errors"][0]["message"].as_str().unwrap_or("").to_string();
    assert!(msg.contains(name), "{name}: error entry {msg:?}");
    msg
}

/// Either outcome is fine, as long as it is one with a message or a document.
fn answered(name: &str, bytes: &[u8]) -> Outcome {
    let o = check(name, bytes);
    let v = json(&o);
    if o.code == 0 {
        assert!(
            v["documents"][0].is_object(),
            "{name}: exit 0 without document"
        );
    } else {
        assert!(
            v["errors"][0]["message"].is_string(),
            "{name}: exit 3 without message"
        );
    }
    o
}

fn sample(prefix: &str) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    let path = entries
        .iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .expect("sample");
    std::fs::read(path).expect("read sample")
}

/// A small xorshift so "random" inputs are the same on every run.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn empty_file_is_refused_as_empty() {
    let msg = refused("tom.txt", b"");
    assert!(msg.contains("tom"), "{msg}");
}

#[test]
fn bom_alone_is_refused_as_empty() {
    let msg = refused("bom.txt", b"\xEF\xBB\xBF");
    assert!(msg.contains("tom"), "{msg}");
    refused("bom16.txt", b"\xFF\xFE");
}

#[test]
fn single_nul_is_refused() {
    refused("nul.txt", b"\0");
}

#[test]
fn random_binary_is_refused() {
    let msg = refused("stoy.bin", &noise(100_000, 7));
    assert!(msg.contains("binær") || msg.contains("NUL"), "{msg}");
}

#[test]
fn fake_pdf_png_zip_are_refused_by_signature() {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.extend(noise(5000, 1));
    assert!(refused("rapport.pdf", &pdf).contains("PDF"));
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(noise(5000, 2));
    assert!(refused("bilde.png", &png).contains("PNG"));
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend(noise(5000, 3));
    assert!(refused("melding.docx", &zip).contains("ZIP"));
    // The signature decides, not the name.
    assert!(refused("lurt.txt", &pdf).contains("PDF"));
}

#[test]
fn one_five_megabyte_line() {
    let mut line = String::with_capacity(5_000_000);
    let words = [
        "Kravet ",
        "er ",
        "innfridd ",
        "med ",
        "95,1 ",
        "% ",
        "i ",
        "2024. ",
    ];
    let mut i = 0;
    while line.len() < 5_000_000 {
        line.push_str(words[i % words.len()]);
        i += 1;
    }
    let doc = analysed("lang_linje.txt", line.as_bytes());
    assert_eq!(doc["lines"], 1);
}

#[test]
fn two_hundred_thousand_short_lines() {
    let mut text = String::new();
    for i in 0..200_000 {
        text.push_str(&format!("Linje {i}: 9,{} %\n", i % 10));
    }
    let doc = analysed("mange_linjer.txt", text.as_bytes());
    assert_eq!(doc["lines"], 200_000);
}

#[test]
fn long_runs_of_space_grouped_digits() {
    let mut text = String::from("Antall pasienter: 1");
    for i in 0..5000 {
        text.push_str(&format!(" {:03}", i % 1000));
    }
    text.push_str(" i 2024.\nSykefraværet var 9,0 % i 2024.\n");
    let doc = analysed("siffer.txt", text.as_bytes());
    assert_eq!(doc["lines"], 2);
    // The sane figure on the second line is still read.
    let figs = doc["figures"].as_array().unwrap();
    assert!(
        figs.iter().any(|f| f["line"] == 2 && f["value"] == 9.0),
        "{figs:?}"
    );
}

#[test]
fn numbers_with_hundreds_of_digits() {
    let long = "9".repeat(400);
    let text = format!(
        "Kostnaden var {long} kroner.\nAndelen var {long},{long} %.\nMålet er 0,{long} prosent.\n"
    );
    let doc = analysed("lange_tall.txt", text.as_bytes());
    for f in doc["figures"].as_array().unwrap() {
        assert!(f["value"].is_number(), "non-finite figure {f:?}");
    }
}

#[test]
fn thousands_of_percent_signs_and_commas() {
    let text = format!(
        "{}\n{}\n{}\nSykefravær 9,0 %.\n",
        "%".repeat(20_000),
        ",".repeat(20_000),
        "1,% ".repeat(5_000)
    );
    analysed("tegn.txt", text.as_bytes());
}

#[test]
fn mixed_line_endings_number_every_line() {
    let text = "Første linje\r\nAndre linje 9,0 %\rTredje\nFjerde 12 %\r\n\rSjette\n";
    let doc = analysed("blandet.txt", text.as_bytes());
    assert_eq!(doc["lines"], 6);
    let figs = doc["figures"].as_array().unwrap();
    assert!(figs.iter().any(|f| f["line"] == 2), "{figs:?}");
    assert!(figs.iter().any(|f| f["line"] == 4), "{figs:?}");
}

#[test]
fn ragged_and_unclosed_quote_csv() {
    let ragged = "Foretak;2023;2024\nSt. Olavs;9,2\nHNT;9,2;9,0;8,8;7\n;;\n\"x\";1\n";
    let doc = analysed("ujevn.csv", ragged.as_bytes());
    assert_eq!(doc["format"], "csv");
    let unclosed = "Foretak;2023\n\"St. Olavs;9,2\nHNT;9,2\n";
    answered("uavsluttet.csv", unclosed.as_bytes());
    let many_quotes = "\"".repeat(50_000);
    answered("sitat.csv", many_quotes.as_bytes());
}

#[test]
fn invalid_utf8_inside_norwegian_text() {
    let mut bytes = "Sykefraværet i Trøndelag var 9,0 % i 2024. "
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"\xC3\x28 \xFF\xFE ");
    bytes.extend_from_slice("Målet er nådd.\n".as_bytes());
    let doc = analysed("ugyldig.txt", &bytes);
    assert_eq!(doc["encoding"], "windows-1252");
    let figs = doc["figures"].as_array().unwrap();
    assert!(figs.iter().any(|f| f["value"] == 9.0), "{figs:?}");
}

/// Everything a user reads from a report except its name and encoding.
fn substance(doc: &serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "lines": doc["lines"],
        "indicators": doc["indicators"],
        "findings": doc["findings"],
        "tables": doc["tables"],
        "figures": doc["figures"],
    })
}

#[test]
fn same_report_in_utf8_utf16_and_windows_1252_reads_the_same() {
    let utf8 = sample("001_");
    let text = String::from_utf8(utf8.clone()).expect("sample is UTF-8");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy, "sample has characters outside Windows-1252");
    let a = analysed("m8.txt", &utf8);
    let b = analysed("m16.txt", &utf16);
    let c = analysed("m1252.txt", &cp1252);
    assert_eq!(a["encoding"], "UTF-8");
    assert_eq!(b["encoding"], "UTF-16LE");
    assert_eq!(c["encoding"], "windows-1252");
    assert!(!a["indicators"].as_array().unwrap().is_empty());
    assert_eq!(substance(&a), substance(&b), "UTF-16LE differs from UTF-8");
    assert_eq!(
        substance(&a),
        substance(&c),
        "Windows-1252 differs from UTF-8"
    );
}

/// Repeats all samples until `len` bytes.
fn repeated_samples(len: usize) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut blob = Vec::new();
    for p in paths {
        blob.extend(std::fs::read(p).unwrap());
        blob.push(b'\n');
    }
    let mut out = Vec::with_capacity(len + blob.len());
    while out.len() < len {
        out.extend_from_slice(&blob);
    }
    out
}

#[test]
fn twenty_megabytes_finish_and_scale_linearly() {
    if cfg!(debug_assertions) {
        eprintln!("skipped under debug: run `cargo test --release --test hostile` to time it");
        return;
    }
    let small = repeated_samples(2_500_000);
    let big = repeated_samples(20_000_000);
    let t = Instant::now();
    let a = meldingssjekk::analyze("liten.txt", &small).expect("2.5 MB analysed");
    let t_small = t.elapsed();
    let t = Instant::now();
    let b = meldingssjekk::analyze("stor.txt", &big).expect("20 MB analysed");
    let t_big = t.elapsed();
    assert!(b.report.lines > a.report.lines * 7);
    // Linear work gives ~8×; quadratic work would give ~64×. 16× plus a second of slack keeps
    // shared machines from making this flaky.
    assert!(
        t_big < t_small * 16 + Duration::from_secs(1),
        "20 MB took {t_big:?}, 2.5 MB took {t_small:?}"
    );
    // Through the CLI as well, within the bound.
    let path = temp_dir().join("stor.txt");
    std::fs::write(&path, &big).unwrap();
    let o = run_cli(&path);
    let _ = std::fs::remove_file(&path);
    assert_eq!(o.code, 0);
}
