//! `meldingssjekk check`: analyse files and print the contract JSON, a compiler-style text
//! report, or CSV rows of verdicts and findings.

use std::cell::OnceCell;
use std::ops::Range;

use super::{read_input, CliError, Options, EXIT_INPUT, EXIT_OK};
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor};
use meldingssjekk::extract::numbers::NumberToken;
use meldingssjekk::model::{Finding, Severity, Status, VerdictStatus};
use meldingssjekk::registry;
use meldingssjekk::report::Report;

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
        disabled.extend(registry::parse_list(list).map_err(|id| {
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
                registry::disable(&mut a.report, &disabled);
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
    let width = registry::RULES
        .iter()
        .map(|r| r.id.len())
        .max()
        .unwrap_or(0);
    for r in &registry::RULES {
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

/// Widest stretch of a long line the text view quotes, in characters: about one screen line.
const QUOTE_CHARS: usize = 160;
/// Longest line quoted whole: a sentence a little over a screen line is not cut for a few
/// characters.
const WHOLE_CHARS: usize = 240;

/// One document's text as the text view quotes it. A line longer than [`WHOLE_CHARS`] is quoted
/// as a window of [`QUOTE_CHARS`] characters — around `focus` (what the diagnostic being drawn
/// points at) when that lies in the line, else from the line's start — so a transcript that is one long
/// line shows a screen line under a finding, not thousands of characters and carets. Every
/// other line is quoted whole, exactly as codespan's `SimpleFile` quotes it.
struct Screen<'a> {
    name: &'a str,
    text: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    /// Byte offset the diagnostic being drawn points at, when known.
    focus: Option<usize>,
    /// The document's numbers in order, lexed once if a finding on a long line needs its figure.
    tokens: OnceCell<Vec<NumberToken>>,
}

impl<'a> Screen<'a> {
    fn new(name: &'a str, text: &'a str) -> Self {
        Screen {
            name,
            text,
            starts: files::line_starts(text).collect(),
            focus: None,
            tokens: OnceCell::new(),
        }
    }

    /// 0-based index of the line that holds byte `at`.
    fn index(&self, at: usize) -> usize {
        self.starts
            .binary_search(&at)
            .unwrap_or_else(|next| next.saturating_sub(1))
    }

    /// Bytes of 0-based line `i`, with its line break.
    fn full(&self, i: usize) -> Option<Range<usize>> {
        let s = *self.starts.get(i)?;
        Some(s..self.starts.get(i + 1).copied().unwrap_or(self.text.len()))
    }

    /// Bytes of line `i` without its line break, when it is too long to quote whole.
    fn long(&self, i: usize) -> Option<Range<usize>> {
        let full = self.full(i)?;
        let body = self.text[full.clone()].trim_end_matches(['\n', '\r']);
        (body.len() > WHOLE_CHARS && body.chars().count() > WHOLE_CHARS)
            .then(|| full.start..full.start + body.len())
    }

    /// What is quoted of line `i`: all of it, or [`QUOTE_CHARS`] characters of a long one.
    fn shown(&self, i: usize) -> Option<Range<usize>> {
        let Some(body) = self.long(i) else {
            return self.full(i);
        };
        let line = &self.text[body.clone()];
        let at = self
            .focus
            .filter(|f| body.contains(f))
            .map_or(0, |f| f - body.start);
        let before = line.char_indices().take_while(|&(b, _)| b < at).count();
        let total = line.chars().count();
        let first = before
            .saturating_sub(QUOTE_CHARS / 2)
            .min(total.saturating_sub(QUOTE_CHARS));
        let byte = |n: usize| line.char_indices().nth(n).map_or(line.len(), |(b, _)| b);
        Some(body.start + byte(first)..body.start + byte(first + QUOTE_CHARS))
    }

    /// Whole lines `line..=end_line` (1-based) without the last line break: a label's bytes.
    fn span(&self, line: usize, end_line: usize) -> Range<usize> {
        let len = self.text.len();
        let s = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0)
            .min(len);
        let e = self
            .starts
            .get(end_line.max(line))
            .map(|x| x.saturating_sub(1))
            .unwrap_or(len)
            .max(s);
        s..e.min(len)
    }

    /// A label's bytes cut to what is quoted of its first and last lines.
    fn clip(&self, r: Range<usize>) -> Range<usize> {
        let first = self.shown(self.index(r.start)).unwrap_or(r.clone());
        let last = self.shown(self.index(r.end)).unwrap_or(r.clone());
        let start = r.start.clamp(first.start, first.end);
        start..r.end.clamp(last.start, last.end).max(start)
    }

    /// A note for each long line a label starts or ends on: which characters of it are shown.
    fn notes(&self, labels: &[Label<()>], lang: Lang) -> Vec<String> {
        let mut lines: Vec<usize> = labels
            .iter()
            .flat_map(|l| [self.index(l.range.start), self.index(l.range.end)])
            .collect();
        lines.sort_unstable();
        lines.dedup();
        lines
            .into_iter()
            .filter_map(|i| {
                let body = self.long(i)?;
                let shown = self.shown(i)?;
                let line = &self.text[body.clone()];
                let from = line[..shown.start - body.start].chars().count() + 1;
                let to = from + self.text[shown].chars().count() - 1;
                let total = line.chars().count();
                Some(match lang {
                    Lang::Nb => format!("linje {} har {total} tegn; tegn {from}–{to} vises", i + 1),
                    Lang::En => {
                        format!(
                            "line {} has {total} characters; characters {from}–{to} shown",
                            i + 1
                        )
                    }
                })
            })
            .collect()
    }

    /// Where `needle` (its first 40 characters) starts in `span`, when the span's first line is
    /// long.
    fn text_focus(&self, span: &Range<usize>, needle: &str) -> Option<usize> {
        self.long(self.index(span.start))?;
        let needle: String = needle.trim().chars().take(40).collect();
        if needle.is_empty() {
            return None;
        }
        self.text[span.clone()]
            .find(needle.as_str())
            .map(|i| span.start + i)
    }

    /// codespan's error for a line past the end.
    fn too_large(&self, line_index: usize) -> files::Error {
        files::Error::LineTooLarge {
            given: line_index,
            max: self.starts.len().saturating_sub(1),
        }
    }

    /// Where a finding points, when its first line is long: its stated figure, else the first
    /// «quoted» text of its message.
    fn finding_focus(&self, span: &Range<usize>, f: &Finding) -> Option<usize> {
        self.long(self.index(span.start))?;
        if let Some(stated) = f.stated {
            let tokens = self.tokens.get_or_init(|| {
                let mut t = meldingssjekk::extract::numbers::lex(self.text);
                t.sort_by_key(|t| t.span.start);
                t
            });
            let from = tokens.partition_point(|t| t.span.start < span.start);
            let hit = tokens[from..]
                .iter()
                .take_while(|t| t.span.start < span.end)
                // A decrease is stated negative, written without a sign ("redusert med 10 %").
                .find(|t| (t.value.abs() - stated.abs()).abs() <= 1e-9 * stated.abs().max(1.0));
            if let Some(t) = hit {
                return Some(t.span.start);
            }
        }
        let quoted = f.message.split_once('«')?.1.split_once('»')?.0;
        self.text_focus(span, quoted)
    }
}

impl<'a> Files<'a> for Screen<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self.index(byte_index))
    }

    /// Counted from the line's real start, also when only a window of it is quoted.
    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let full = self
            .full(line_index)
            .ok_or_else(|| self.too_large(line_index))?;
        Ok(files::column_index(self.text, full, byte_index) + 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        self.shown(line_index)
            .ok_or_else(|| self.too_large(line_index))
    }
}

fn print_text(report: &Report, texts: &[String], lang: Lang) {
    let writer = termcolor::StandardStream::stdout(
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            termcolor::ColorChoice::Auto
        } else {
            termcolor::ColorChoice::Never
        },
    );
    let config = term::Config::default();
    for (doc, text) in report.documents.iter().zip(texts) {
        let mut screen = Screen::new(&doc.name, text);
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
            let span = screen.span(ind.line, ind.end_line);
            screen.focus = screen.text_focus(&span, &ind.text);
            let mut d = Diagnostic::note()
                .with_message(format!(
                    "{}: {}",
                    lang.t("mål", "target"),
                    status_word(ind.status, lang)
                ))
                .with_labels(vec![Label::primary((), screen.clip(span))
                    .with_message(format!("{}{}", ind.measure, at(doc, ind.line, lang)))]);
            if let Some(cl) = ind.claim_line {
                d.labels.push(
                    Label::secondary((), screen.clip(screen.span(cl, cl)))
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
            d.notes.extend(screen.notes(&d.labels, lang));
            let _ = term::emit(&mut writer.lock(), &config, &screen, &d);
        }
        for f in &doc.findings {
            let span = screen.span(f.line, f.end_line);
            screen.focus = screen.finding_focus(&span, f);
            let mut d = match f.severity {
                Severity::Error => Diagnostic::error(),
                Severity::Warning => Diagnostic::warning(),
                Severity::Info => Diagnostic::note(),
            }
            .with_code(code_of(f))
            .with_message(f.message.clone())
            .with_labels(vec![Label::primary((), screen.clip(span)).with_message(
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
            d.notes.extend(screen.notes(&d.labels, lang));
            let _ = term::emit(&mut writer.lock(), &config, &screen, &d);
        }
        for a in &doc.applications {
            print_application(a, lang);
            for f in &a.findings {
                let span = screen.span(f.line, f.end_line);
                screen.focus = screen.finding_focus(&span, f);
                let mut d = match f.severity {
                    Severity::Error => Diagnostic::error(),
                    Severity::Warning => Diagnostic::warning(),
                    Severity::Info => Diagnostic::note(),
                }
                .with_code(code_of(f))
                .with_message(f.message.clone())
                .with_labels(vec![Label::primary((), screen.clip(span))]);
                d.notes.extend(screen.notes(&d.labels, lang));
                let _ = term::emit(&mut writer.lock(), &config, &screen, &d);
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
    let grouped = |x: f64| meldingssjekk::text::fmt_no(x, 0);
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

/// The code a finding is shown under in the text view: its rule id (what `--disable` takes),
/// or its kind for a finding read back from JSON written before rules had ids.
fn code_of(f: &meldingssjekk::model::Finding) -> &str {
    if f.rule.is_empty() {
        f.kind.as_str()
    } else {
        &f.rule
    }
}
