//! The command line as a user meets it: exit codes, one clear line on stderr, the contract on
//! stdout, and the text format that shows each finding with its source line.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meldingssjekk"))
        .args(args)
        .output()
        .expect("run")
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("meldingssjekk-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_sample_gives_the_contract_with_exit_0() {
    let files: Vec<String> = std::fs::read_dir(format!("{}/examples", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["documents"].as_array().unwrap().len(), files.len());
    for d in v["documents"].as_array().unwrap() {
        for key in [
            "name",
            "format",
            "encoding",
            "lines",
            "indicators",
            "findings",
            "tables",
        ] {
            assert!(d.get(key).is_some(), "{key}");
        }
    }
}

#[test]
fn empty_and_binary_files_exit_3_with_a_message_naming_the_file() {
    let empty = temp("tom.txt", b"");
    let out = run(&["check", &empty]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tom.txt") && err.contains("tom"), "{err}");

    let pdf = temp("rapport.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj");
    let out = run(&["check", "--format", "json", &pdf]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"][0]["name"], pdf.as_str());

    let missing = run(&["check", "/nonexistent/fil.txt"]);
    assert_eq!(missing.status.code(), Some(3));
}

#[test]
fn utf16_file_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in
        "Andelen skal være minst 80 pst.\nKravet er innfridd. Helse Bergen oppnådde 85 prosent.\n"
            .encode_utf16()
    {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let p = temp("utf16.txt", &bytes);
    let out = run(&["check", "--format", "json", &p]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"][0]["encoding"], "UTF-16LE");
    assert_eq!(
        v["documents"][0]["indicators"][0]["verdicts"][0]["status"],
        "met"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--format", "xml", "a.txt"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["--help"]).status.code(), Some(0));
}

#[test]
fn text_format_shows_findings_under_their_source_line() {
    let out = run(&[
        "check",
        "--format",
        "text",
        &example("001_a15ca66fe45fcd5e.txt"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    // Findings are shown under their rule's id, the one `--disable` takes.
    assert!(text.contains("[rate]"), "{text}");
    // The rate finding shows the report's own line under it.
    assert!(
        text.contains("1555 │ Tilsvarer andel 10,2 per 100 000"),
        "{text}"
    );
    let en = run(&[
        "check",
        "--format",
        "text",
        "--lang",
        "en",
        &example("001_a15ca66fe45fcd5e.txt"),
    ]);
    assert!(String::from_utf8_lossy(&en.stdout).contains("lines"));
}

#[test]
fn csv_format_is_for_norwegian_excel() {
    let out = run(&[
        "check",
        "--format",
        "csv",
        &example("001_a15ca66fe45fcd5e.txt"),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("dokument;type;linje"), "{header}");
    assert!(text
        .lines()
        .any(|l| l.contains(";verdict;") && l.contains(",")));
}

#[test]
fn rules_lists_every_rule_with_its_doc_line() {
    let out = run(&["check", "--rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for r in &meldingssjekk::registry::RULES {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{} ", r.id)) && l.ends_with(r.nb)),
            "{}: {text}",
            r.id
        );
    }
    assert_eq!(text.lines().count(), meldingssjekk::registry::RULES.len());
    let en = run(&["check", "--rules", "--lang", "en"]);
    assert_eq!(en.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&en.stdout)
        .contains("a stated change against the from/to values it describes."));
    // A flag takes no value.
    assert_eq!(run(&["check", "--rules=yes"]).status.code(), Some(2));
}

#[test]
fn disable_drops_a_rules_findings_and_refuses_an_unknown_rule() {
    let p = temp(
        "endring.txt",
        "Antallet ble redusert med 10,0 % fra 200 til 150.\nDet er satt av Kr. X til prosjektet.\n"
            .as_bytes(),
    );
    let rules_of = |args: &[&str]| -> Vec<String> {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["documents"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().expect("rule").to_string())
            .collect()
    };
    let all = rules_of(&["check", "--format", "json", &p]);
    assert!(
        all.contains(&"change".to_string()) && all.contains(&"placeholder".to_string()),
        "{all:?}"
    );
    let some = rules_of(&["check", "--format", "json", "--disable", "change", &p]);
    assert!(!some.contains(&"change".to_string()), "{some:?}");
    assert!(some.contains(&"placeholder".to_string()), "{some:?}");
    let none = rules_of(&[
        "check",
        "--format",
        "json",
        "--disable=change,placeholder",
        &p,
    ]);
    assert!(none.is_empty(), "{none:?}");

    let out = run(&["check", "--disable", "change,nosuchrule", &p]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nosuchrule") && err.contains("--rules"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn text_format_quotes_a_screen_line_of_one_very_long_line() {
    // A transcript that is one line of 20 000 characters, with a wrong change in the middle.
    let filler = "Dette avsnittet handler om drift og samarbeid i regionen, uten tall. ";
    let finding = "Antallet ble redusert med 10,0 % fra 200 til 150 i løpet av året. ";
    let half = filler.repeat(10_000 / filler.len());
    let mut line = format!("{half}{finding}{half}");
    while line.chars().count() < 20_000 {
        line.push_str("tekst ");
    }
    let line: String = line.chars().take(20_000).collect();
    let p = temp("lang_linje.txt", line.as_bytes());
    let out = run(&["check", "--format", "text", &p]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.len() < 3_000, "{} bytes: {text}", text.len());
    assert!(text.contains("error[change]"), "{text}");
    // The quote is around the finding, not the line's start, and says what it shows.
    assert!(
        text.contains("redusert med 10,0 % fra 200 til 150"),
        "{text}"
    );
    assert!(text.contains("linje 1 har 20000 tegn"), "{text}");
    let carets = text
        .lines()
        .map(|l| l.chars().filter(|&c| c == '^').count())
        .max()
        .unwrap_or(0);
    assert!((1..=160).contains(&carets), "{carets} carets: {text}");
}
