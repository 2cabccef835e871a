//! `meldingssjekk project`: staffing projections (issue 4).

use super::CliError;

pub fn run(_args: &[String]) -> Result<i32, CliError> {
    Err(CliError::Usage(
        "project er ikke implementert ennå (not implemented yet)".into(),
    ))
}
