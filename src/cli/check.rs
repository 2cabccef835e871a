//! `meldingssjekk check`: analyse files and print the contract JSON, a compiler-style text
//! report, or CSV rows of verdicts and findings.

use super::{read_input, CliError, Options, EXIT_INPUT, EXIT_OK};
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use meldingssjekk::check::rules;
use meldingssjekk::report::{Report, Severity, Status, VerdictStatus};

pub fn run(args: &[String]) -> Result<i32, CliError> {
    let opts = Options::parse_with_flags(args, &["format", "lang", "disable"], &["rules"])?;
    let format = opts.choice("format", &["json", "text", "csv"])?;
    let lang = Lang::from(opts.choice("lang", &["nb", "en"])?);
    if opts.flag("rules") {
        print_rules(lang);
        return Ok(EXIT_OK);
    }
    let mut disabled = Vec::new();
    for list in opts.all("disable") {
        disabled.extend(rules::parse_list(list).map_err(|id| {
            CliError::Usage(format!(
                "--disable: ukjent regel «{id}» (unknown rule); \
                 `meldingssjekk check --rules` viser reglene (lists the rules)"
            ))
        })?);
    }
    if opts.positional.is_empty() {
        return Err(CliError::Usage(
            "check trenger minst én fil (needs at least one file)".into(),
        ));
    }
    let mut report = Report::new(Vec::new());
    let mut texts = Vec::new();
    for path in &opts.positional {
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(CliError::Input(msg)) | Err(CliError::Usage(msg)) => {
                report.errors.push(meldingssjekk::report::InputError {
                    name: path.clone(),
                    message: msg,
                });
                continue;
            }
        };
        match meldingssjekk::analyze(path, &bytes) {
            Ok(mut a) => {
                rules::disable(&mut a.report, &disabled);
                report.documents.push(a.report);
                texts.push(a.text);
            }
            Err(e) => report.errors.push(meldingssjekk::report::InputError {
                name: path.clone(),
                message: e.to_string(),
            }),
        }
    }
    for e in &report.errors {
        eprintln!("meldingssjekk: {}", e.message);
    }
    match format {
        "json" => {
            let json = serde_json::to_string_pretty(&report)
                .map_err(|e| CliError::Input(e.to_string()))?;
            println!("{json}");
        }
        "csv" => print_csv(&report, lang),
        _ => print_text(&report, &texts, lang),
    }
    Ok(if report.errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_INPUT
    })
}

/// `--rules`: every rule's id and what it finds, one a line.
fn print_rules(lang: Lang) {
    let code = lang.t("nb", "en");
    let width = rules::RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in rules::RULES {
        println!("{:<width$}  {}", r.id, r.doc(code));
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Nb,
    En,
}

impl Lang {
    fn from(s: &str) -> Lang {
        if s == "en" {
            Lang::En
        } else {
            Lang::Nb
        }
    }
    fn t(self, nb: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }
}

fn status_word(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Met => lang.t("oppfylt", "met"),
        Status::NotMet => lang.t("ikke oppfylt", "not met"),
        Status::Partial => lang.t("delvis oppfylt", "partly met"),
        Status::Unknown => lang.t("ukjent", "unknown"),
        Status::Pending => lang.t("fristen er ikke ute", "deadline not passed"),
    }
}

fn verdict_word(s: VerdictStatus, lang: Lang) -> &'static str {
    match s {
        VerdictStatus::Met => lang.t("oppfylt", "met"),
        VerdictStatus::NotMet => lang.t("ikke oppfylt", "not met"),
        VerdictStatus::Unknown => lang.t("ukjent", "unknown"),
        VerdictStatus::Pending => lang.t("fristen er ikke ute", "deadline not passed"),
    }
}

/// Formats a number the Norwegian way (decimal comma) for the text report.
/// ", side 7" / ", avsnitt 14" / ", Ark1!B4" for a line of a structured file, else "".
fn at(doc: &meldingssjekk::report::DocumentReport, line: usize, lang: Lang) -> String {
    doc.origin(line)
        .and_then(|o| o.label(lang == Lang::En))
        .map(|l| format!(", {l}"))
        .unwrap_or_default()
}

fn num(x: f64, lang: Lang) -> String {
    let s = if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{:.2}", x)
    };
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    match lang {
        Lang::Nb => s.replace('.', ","),
        Lang::En => s,
    }
}

fn print_text(report: &Report, texts: &[String], lang: Lang) {
    let mut files = SimpleFiles::new();
    let writer = termcolor::StandardStream::stdout(
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            termcolor::ColorChoice::Auto
        } else {
            termcolor::ColorChoice::Never
        },
    );
    let config = term::Config::default();
    for (doc, text) in report.documents.iter().zip(texts) {
        let id = files.add(doc.name.clone(), text.clone());
        let line_span = |line: usize, end_line: usize| -> std::ops::Range<usize> {
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            let s = starts
                .get(line.saturating_sub(1))
                .copied()
                .unwrap_or(0)
                .min(text.len());
            let e_line = end_line.max(line);
            let e = starts
                .get(e_line)
                .map(|x| x.saturating_sub(1))
                .unwrap_or(text.len())
                .max(s);
            s..e.min(text.len())
        };
        println!(
            "{}: {} {}, {} {}, {} {}, {} {}",
            doc.name,
            doc.lines,
            lang.t("linjer", "lines"),
            doc.numbers,
            lang.t("tall", "numbers"),
            doc.indicators.len(),
            lang.t("mål", "targets"),
            doc.findings.len(),
            lang.t("funn", "findings"),
        );
        for ind in &doc.indicators {
            let mut d = Diagnostic::note()
                .with_message(format!(
                    "{}: {}",
                    lang.t("mål", "target"),
                    status_word(ind.status, lang)
                ))
                .with_labels(vec![Label::primary(id, line_span(ind.line, ind.end_line))
                    .with_message(format!("{}{}", ind.measure, at(doc, ind.line, lang)))]);
            if let Some(cl) = ind.claim_line {
                d.labels.push(
                    Label::secondary(id, line_span(cl, cl))
                        .with_message(lang.t("rapportens vurdering", "the report's claim")),
                );
            }
            d.notes = ind
                .verdicts
                .iter()
                .map(|v| {
                    format!(
                        "{}{}: {} ({}{}, {} {}{})",
                        v.entity,
                        v.subject
                            .as_deref()
                            .map(|s| format!(" / {s}"))
                            .unwrap_or_default(),
                        verdict_word(v.status, lang),
                        v.baseline_value
                            .map(|b| format!("{} → ", num(b, lang)))
                            .unwrap_or_default(),
                        v.value.map(|x| num(x, lang)).unwrap_or_else(|| "–".into()),
                        lang.t("linje", "line"),
                        v.line,
                        at(doc, v.line, lang)
                    )
                })
                .collect();
            let _ = term::emit(&mut writer.lock(), &config, &files, &d);
        }
        for f in &doc.findings {
            let mut d = match f.severity {
                Severity::Error => Diagnostic::error(),
                Severity::Warning => Diagnostic::warning(),
                Severity::Info => Diagnostic::note(),
            }
            .with_code(f.kind.as_str())
            .with_message(f.message.clone())
            .with_labels(vec![Label::primary(id, line_span(f.line, f.end_line))
                .with_message(
                    at(doc, f.line, lang).trim_start_matches(", ").to_string(),
                )]);
            if let Some(s) = f.stated {
                let mut note = format!("{}: {}", lang.t("oppgitt", "stated"), num(s, lang));
                if let Some(c) = f.computed {
                    note.push_str(&format!(
                        ", {}: {}",
                        lang.t("beregnet", "computed"),
                        num(c, lang)
                    ));
                }
                if let Some([lo, hi]) = f.computed_range {
                    note.push_str(&format!(" [{}; {}]", num(lo, lang), num(hi, lang)));
                }
                d.notes.push(note);
            }
            let _ = term::emit(&mut writer.lock(), &config, &files, &d);
        }
        for a in &doc.applications {
            print_application(a, lang);
            for f in &a.findings {
                let d = match f.severity {
                    Severity::Error => Diagnostic::error(),
                    Severity::Warning => Diagnostic::warning(),
                    Severity::Info => Diagnostic::note(),
                }
                .with_code(f.kind.as_str())
                .with_message(f.message.clone())
                .with_labels(vec![Label::primary(id, line_span(f.line, f.end_line))]);
                let _ = term::emit(&mut writer.lock(), &config, &files, &d);
            }
        }
    }
}

/// An application as a card: its facts, then a checklist of its fields.
fn print_application(a: &meldingssjekk::report::Application, lang: Lang) {
    let code = if lang == Lang::En { "en" } else { "nb" };
    println!(
        "\n{} {}–{}: {}",
        lang.t("Søknad, linje", "Application, lines"),
        a.line,
        a.end_line,
        a.title.as_deref().unwrap_or("–")
    );
    let grouped = |x: f64| meldingssjekk::check::prose::fmt_no(x, 0);
    let money = |v: Option<f64>| {
        v.map(|x| format!("{} kr", grouped(x)))
            .unwrap_or_else(|| "–".into())
    };
    println!(
        "  {}: {}",
        lang.t("Eiere", "Owners"),
        if a.owners.is_empty() {
            "–".to_string()
        } else {
            a.owners.join("; ")
        }
    );
    println!(
        "  {}: {}",
        lang.t("Kontakt", "Contact"),
        a.contact.as_deref().unwrap_or("–")
    );
    println!(
        "  {}: {}   {}: {}",
        lang.t("Søkt beløp", "Applied for"),
        money(a.amount_applied),
        lang.t("Totalkostnad", "Total cost"),
        money(a.total_cost)
    );
    if let Some(p) = &a.period {
        let y = |v: Option<i32>| v.map(|x| x.to_string()).unwrap_or_else(|| "?".into());
        println!(
            "  {}: {}–{}",
            lang.t("Periode", "Period"),
            y(p.start),
            y(p.end)
        );
    }
    if let Some(b) = &a.budget {
        println!(
            "  {} ({} {}–{}):",
            lang.t("Budsjett", "Budget"),
            lang.t("linje", "lines"),
            b.line,
            b.end_line
        );
        for r in b.rows.iter().chain(b.total.iter()) {
            let vals: Vec<String> = r
                .values
                .iter()
                .map(|v| v.map(grouped).unwrap_or_else(|| "–".into()))
                .collect();
            println!("    {:<50} {}", r.label, vals.join("  "));
        }
    }
    for f in meldingssjekk::grants::FIELDS {
        let at = a.fields.get(f).copied().flatten();
        let inconsistent =
            at.is_some_and(|l| a.findings.iter().any(|x| x.line == l && x.stated.is_some()));
        let mark = match (at, inconsistent) {
            (None, _) => lang.t("mangler", "missing"),
            (Some(_), true) => lang.t("avvik", "inconsistent"),
            (Some(_), false) => lang.t("ok", "present"),
        };
        println!(
            "  [{mark:^8}] {}{}",
            meldingssjekk::grants::field_name(f, code),
            at.map(|l| format!(" ({} {l})", lang.t("linje", "line")))
                .unwrap_or_default()
        );
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_num(x: Option<f64>) -> String {
    x.map(|v| v.to_string().replace('.', ","))
        .unwrap_or_default()
}

/// One row per verdict and per finding, `;`-separated with decimal comma (Norwegian Excel).
fn print_csv(report: &Report, lang: Lang) {
    println!(
        "{}",
        lang.t(
            "dokument;type;linje;til_linje;mål;enhet_eller_art;status;verdi;basisverdi;år;melding;oppgitt;beregnet",
            "document;type;line;end_line;target;entity_or_kind;status;value;baseline_value;year;message;stated;computed"
        )
    );
    for doc in &report.documents {
        for ind in &doc.indicators {
            for v in &ind.verdicts {
                println!(
                    "{};verdict;{};{};{};{};{};{};{};{};;;",
                    csv_field(&doc.name),
                    v.line,
                    v.line,
                    csv_field(&ind.text),
                    csv_field(&v.entity),
                    verdict_word(v.status, lang),
                    csv_num(v.value),
                    csv_num(v.baseline_value),
                    v.year.map(|y| y.to_string()).unwrap_or_default()
                );
            }
        }
        for f in &doc.findings {
            println!(
                "{};finding;{};{};;{};{:?};;;;{};{};{}",
                csv_field(&doc.name),
                f.line,
                f.end_line,
                f.kind.as_str(),
                f.severity,
                csv_field(&f.message),
                csv_num(f.stated),
                csv_num(f.computed)
            );
        }
    }
}
