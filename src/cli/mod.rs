//! Command-line parsing and dispatch. Exit codes: 0 analysed, 2 usage error, 3 unreadable or
//! refused input.

mod check;
mod letter;
mod project;
mod serve;

pub const USAGE: &str = "\
Bruk (usage):
  meldingssjekk check [--format json|text|csv] [--lang nb|en] [--disable REGEL[,REGEL]] FIL...
  meldingssjekk check --rules [--lang nb|en]    (reglene funnene kommer fra, med id)
  meldingssjekk project [--format json|text|csv] [--horizon ÅR] [--turnover PST]
        [--fte-from PST --fte-to PST] [--sick-from PST --sick-to PST] [--task-sharing PST]
        [--productivity PST] [--completion PST] [--education-positions N] FIL
  meldingssjekk letter [--lang nb|nn|en] [--format text|docx|json] [-o FIL] FIL
        (oppfølgingsspørsmål: ett per funn eller mangel, med linje)
  meldingssjekk serve [--port 8080] [--root MAPPE]
  meldingssjekk text FIL    (teksten motoren leser, med linjenummer og plassering i filen)

Exit: 0 analysert, 2 feil bruk, 3 fil kan ikke leses eller ble avvist.";

pub const EXIT_OK: i32 = 0;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_INPUT: i32 = 3;

/// Runs the command line with `args` (without the program name); returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let Some((cmd, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return EXIT_USAGE;
    };
    let result = match cmd.as_str() {
        "check" => check::run(rest),
        "project" => project::run(rest),
        "letter" => letter::run(rest),
        "serve" => serve::run(rest),
        "text" => text(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return EXIT_OK;
        }
        "-V" | "--version" => {
            println!("meldingssjekk {}", env!("CARGO_PKG_VERSION"));
            return EXIT_OK;
        }
        other => Err(CliError::Usage(format!(
            "ukjent kommando «{other}» (unknown command)"
        ))),
    };
    match result {
        Ok(code) => code,
        Err(CliError::Usage(msg)) => {
            eprintln!("meldingssjekk: {msg}\n\n{USAGE}");
            EXIT_USAGE
        }
        Err(CliError::Input(msg)) => {
            eprintln!("meldingssjekk: {msg}");
            EXIT_INPUT
        }
    }
}

/// `text FILE`: the text the engine reads (what a PDF, Word or spreadsheet file became), each
/// line with its number and, for a structured file, where it came from.
fn text(args: &[String]) -> Result<i32, CliError> {
    let opts = Options::parse(args, &[])?;
    let [path] = opts.positional.as_slice() else {
        return Err(CliError::Usage(
            "text trenger én fil (needs one file)".into(),
        ));
    };
    let bytes = read_input(path)?;
    let a = meldingssjekk::analyze(path, &bytes).map_err(|e| CliError::Input(e.to_string()))?;
    for (i, line) in a.text.lines().enumerate() {
        let at = a
            .report
            .origin(i + 1)
            .and_then(|o| o.label(false))
            .unwrap_or_default();
        println!("{:>5} {at:<16} {line}", i + 1);
    }
    Ok(EXIT_OK)
}

/// What went wrong on the command line.
#[derive(Debug)]
pub enum CliError {
    Usage(String),
    Input(String),
}

/// Simple option scanner: `--name value` and `--name=value`, flags (`--rules`) without a value,
/// positional arguments kept in order.
pub struct Options {
    pub pairs: Vec<(String, String)>,
    pub flags: Vec<String>,
    pub positional: Vec<String>,
}

impl Options {
    /// Parses `args`; every option in `known` takes a value.
    pub fn parse(args: &[String], known: &[&str]) -> Result<Options, CliError> {
        Options::parse_with_flags(args, known, &[])
    }

    /// Parses `args`; every option in `known` takes a value, every one in `flags` none.
    pub fn parse_with_flags(
        args: &[String],
        known: &[&str],
        flags: &[&str],
    ) -> Result<Options, CliError> {
        let mut pairs = Vec::new();
        let mut set = Vec::new();
        let mut positional = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if a == "--" {
                positional.extend(it.by_ref().cloned());
                break;
            }
            if let Some(opt) = a.strip_prefix("--") {
                let flag = opt.split_once('=').map_or(opt, |(n, _)| n);
                if flags.contains(&flag) {
                    if flag != opt {
                        return Err(CliError::Usage(format!(
                            "--{flag} tar ingen verdi (takes no value)"
                        )));
                    }
                    set.push(flag.to_string());
                    continue;
                }
                let (name, value) = match opt.split_once('=') {
                    Some((n, v)) => (n.to_string(), v.to_string()),
                    None => {
                        let v = it.next().ok_or_else(|| {
                            CliError::Usage(format!("--{opt} mangler verdi (missing value)"))
                        })?;
                        (opt.to_string(), v.clone())
                    }
                };
                if !known.contains(&name.as_str()) {
                    return Err(CliError::Usage(format!(
                        "ukjent valg --{name} (unknown option)"
                    )));
                }
                pairs.push((name, value));
            } else {
                positional.push(a.clone());
            }
        }
        Ok(Options {
            pairs,
            flags: set,
            positional,
        })
    }

    /// Whether flag `name` was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// Every value given to `name`, in order (an option that may be repeated).
    pub fn all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A value that must be one of `allowed` (first is the default).
    pub fn choice<'a>(&self, name: &str, allowed: &[&'a str]) -> Result<&'a str, CliError> {
        match self.get(name) {
            None => Ok(allowed[0]),
            Some(v) => allowed.iter().copied().find(|a| *a == v).ok_or_else(|| {
                CliError::Usage(format!(
                    "--{name} må være en av {} (got «{v}»)",
                    allowed.join(", ")
                ))
            }),
        }
    }

    /// A number, accepting a decimal comma ("2,5").
    pub fn number(&self, name: &str) -> Result<Option<f64>, CliError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .map(Some)
                .ok_or_else(|| {
                    CliError::Usage(format!("--{name}: «{v}» er ikke et tall (not a number)"))
                }),
        }
    }
}

/// Reads a file for analysis, turning I/O errors into one clear line.
pub fn read_input(path: &str) -> Result<Vec<u8>, CliError> {
    let meta = std::fs::metadata(path)
        .map_err(|e| CliError::Input(format!("{path}: kan ikke lese filen: {e}")))?;
    if meta.is_dir() {
        return Err(CliError::Input(format!(
            "{path}: er en mappe, ikke en fil (is a directory)"
        )));
    }
    if meta.len() as usize > meldingssjekk::intake::MAX_INPUT_BYTES {
        return Err(CliError::Input(
            meldingssjekk::intake::IntakeError::TooLarge {
                name: path.to_string(),
                bytes: meta.len() as usize,
            }
            .to_string(),
        ));
    }
    std::fs::read(path).map_err(|e| CliError::Input(format!("{path}: kan ikke lese filen: {e}")))
}
