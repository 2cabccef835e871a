//! `meldingssjekk letter [--lang nb|nn|en] [--format text|docx|json] [-o FILE] FILE`: the
//! follow-up questions a reviewer would send back, as plain text, a Word file or JSON.
//! Without `--lang` the letter is in nynorsk when the report is, else in bokmål.

use super::{read_input, CliError, Options, EXIT_OK};
use meldingssjekk::letter::{self, Lang};

pub fn run(args: &[String]) -> Result<i32, CliError> {
    // "-o FILE" is "--out FILE".
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            if a == "-o" {
                "--out".to_string()
            } else {
                a.clone()
            }
        })
        .collect();
    let opts = Options::parse(&args, &["lang", "format", "out"])?;
    let format = opts.choice("format", &["text", "docx", "json"])?;
    let lang = match opts.get("lang") {
        None => None,
        Some(l) => Some(Lang::parse(l).ok_or_else(|| {
            CliError::Usage(format!("--lang må være en av nb, nn, en (got «{l}»)"))
        })?),
    };
    let [path] = opts.positional.as_slice() else {
        return Err(CliError::Usage(
            "letter trenger én fil (needs one file)".into(),
        ));
    };
    if format == "docx" && opts.get("out").is_none() {
        return Err(CliError::Usage(
            "--format docx trenger -o FIL (needs an output file)".into(),
        ));
    }
    let bytes = read_input(path)?;
    let a = meldingssjekk::analyze(path, &bytes).map_err(|e| CliError::Input(e.to_string()))?;
    let lang = lang.unwrap_or_else(|| letter::detect(&a.text));
    let l = letter::build(&a.report, &a.text, lang);
    let out: Vec<u8> = match format {
        "docx" => letter::docx::write(&l).map_err(CliError::Input)?,
        "json" => serde_json::to_string_pretty(&l)
            .map_err(|e| CliError::Input(e.to_string()))?
            .into_bytes(),
        _ => letter::text::render(&l).into_bytes(),
    };
    match opts.get("out") {
        Some(o) => std::fs::write(o, &out)
            .map_err(|e| CliError::Input(format!("{o}: kan ikke skrive filen: {e}")))?,
        None => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&out);
        }
    }
    Ok(EXIT_OK)
}
