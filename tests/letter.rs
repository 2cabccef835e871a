//! The follow-up letter for samples 000, 001 and 002 (and 003's applications): one question per
//! finding or gap, each with its line; the .docx opens with python-docx.

use meldingssjekk::letter::{self, Lang, Letter, Source};
use meldingssjekk::model::{FindingKind, Status};
use meldingssjekk::report::DocumentReport;

fn sample(file: &str) -> (DocumentReport, String) {
    let path = format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR"));
    let a = meldingssjekk::analyze(file, &std::fs::read(&path).expect("sample")).expect("analysed");
    (a.report, a.text)
}

/// The gaps a reviewer asks about, counted from the report itself: every finding, every missing
/// field of an application (one each; the "Søknaden mangler" finding is asked field by field)
/// and every line with a target that has figures but no verdict.
fn expected(d: &DocumentReport) -> usize {
    let mut no_verdict: Vec<usize> = d
        .indicators
        .iter()
        .filter(|i| {
            i.claim.is_none()
                && i.verdicts.iter().any(|v| v.value.is_some())
                && !i.target.long_term
                && i.status != Status::Pending
                && !d
                    .findings
                    .iter()
                    .any(|f| f.kind == FindingKind::MissingData && f.line == i.line)
        })
        .map(|i| i.line)
        .collect();
    no_verdict.dedup();
    let apps: usize = d
        .applications
        .iter()
        .map(|a| {
            a.findings
                .iter()
                .filter(|f| !f.message.starts_with("Søknaden mangler"))
                .count()
                + a.fields.values().filter(|v| v.is_none()).count()
        })
        .sum();
    d.findings.len() + apps + no_verdict.len()
}

fn check_letter(file: &str) -> (DocumentReport, Letter) {
    let (d, text) = sample(file);
    let l = letter::build(&d, &text, Lang::Nb);
    let qs: Vec<_> = l.questions().collect();
    assert_eq!(
        qs.len(),
        expected(&d),
        "{file}: one question per finding or gap"
    );
    for (k, q) in qs.iter().enumerate() {
        assert_eq!(q.number, k + 1, "numbered in order");
        // Each question names its line and points at what it asks about.
        assert!(q.text.contains(&q.line.to_string()), "{file}: {}", q.text);
        let line = match &q.source {
            Source::Finding { index } => d.findings[*index].line,
            Source::ApplicationFinding { application, index } => {
                d.applications[*application].findings[*index].line
            }
            Source::MissingField { application, field } => {
                assert!(d.applications[*application].fields[field].is_none());
                d.applications[*application].line
            }
            Source::NoVerdict { indicator } => d.indicators[*indicator].line,
        };
        assert_eq!(q.line, line, "{file}: {}", q.text);
    }
    (d, l)
}

#[test]
fn sample_000_has_a_question_per_finding_and_target_without_verdict() {
    let (d, l) = check_letter("000_2a6fda8bf9662336.txt");
    assert_eq!(d.findings.len(), 6);
    assert_eq!(l.questions().count(), 8);
    assert!(l
        .questions()
        .any(|q| q.line == 38 && q.text.contains("16,15 %")));
}

#[test]
fn sample_001_asks_about_every_finding() {
    let (d, l) = check_letter("001_a15ca66fe45fcd5e.txt");
    assert!(l.questions().count() >= d.findings.len());
    assert!(l.groups.len() > 3, "grouped by chapter");
}

#[test]
fn sample_002_asks_about_the_ratio() {
    let (_, l) = check_letter("002_473fd4dd3fe50d6d.txt");
    assert_eq!(l.questions().count(), 1);
    let q = l.questions().next().unwrap();
    assert_eq!(q.line, 191);
    assert!(q.text.contains("68/81=14 %"), "{}", q.text);
}

#[test]
fn sample_003_asks_for_each_missing_field_under_its_application() {
    let (_, l) = check_letter("003_1aa3c3bfad0b64da.txt");
    assert!(l.groups.iter().any(|g| g.heading
        == "Søknad: Forprosjekt - tverretatlig rehabilitering"
        && g.questions
            .iter()
            .any(|q| q.text.contains("oppgir ikke totalkostnad"))));
}

#[test]
fn nynorsk_and_english_letters() {
    let (d, text) = sample("002_473fd4dd3fe50d6d.txt");
    let nn = letter::build(&d, &text, Lang::Nn);
    assert!(nn.closing.contains("Med venleg helsing"));
    let en = letter::build(&d, &text, Lang::En);
    assert!(en
        .questions()
        .next()
        .unwrap()
        .text
        .starts_with("Line 191 reads"));
}

#[test]
fn the_docx_opens_in_python_docx() {
    let (d, text) = sample("000_2a6fda8bf9662336.txt");
    let l = letter::build(&d, &text, Lang::Nb);
    let bytes = letter::docx::write(&l).expect("docx");
    let dir = std::env::temp_dir().join(format!("meldingssjekk-letter-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("brev.docx");
    std::fs::write(&path, bytes).unwrap();
    let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nfor p in d.paragraphs:\n    print(p.text)\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script, path.to_str().unwrap()])
        .output()
        .expect("python3 runs (python-docx is installed by scripts/setup)");
    assert!(
        out.status.success(),
        "python-docx: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let paras = String::from_utf8(out.stdout).unwrap();
    assert!(paras.starts_with(&l.title), "{paras}");
    for q in l.questions() {
        assert!(
            paras.contains(&format!("{}.\t{}", q.number, q.text)),
            "question {} in the docx",
            q.number
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
