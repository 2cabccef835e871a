//! `meldingssjekk project`: staffing projections (issue 4). Reads groups from a CSV file or from
//! the first staffing table in a report, projects them with the levers given as percentages, and
//! prints JSON, a readable text table or CSV.

use super::{read_input, CliError, Options, EXIT_OK};
use meldingssjekk::intake::{self, InputKind};
use meldingssjekk::staffing::{self, Group, Levers, Projection, StaffingError, YearRow};

const OPTIONS: &[&str] = &[
    "format",
    "horizon",
    "turnover",
    "fte-from",
    "fte-to",
    "sick-from",
    "sick-to",
    "task-sharing",
    "productivity",
    "completion",
    "education-positions",
];

pub fn run(args: &[String]) -> Result<i32, CliError> {
    let opts = Options::parse(args, OPTIONS)?;
    let format = opts.choice("format", &["json", "text", "csv"])?;
    let levers = levers_from(&opts)?;
    let path = match opts.positional.as_slice() {
        [p] => p.as_str(),
        [] => {
            return Err(CliError::Usage(
                "project trenger én fil (needs a file)".into(),
            ))
        }
        _ => {
            return Err(CliError::Usage(
                "project tar bare én fil (takes exactly one file)".into(),
            ))
        }
    };
    let bytes = read_input(path)?;
    let groups = groups_from_file(path, &bytes)?;
    let projection = staffing::project(&groups, &levers).map_err(|e| match e {
        StaffingError::Parameter(m) => CliError::Usage(m),
        StaffingError::Data(m) => CliError::Input(format!("{path}: {m}")),
    })?;
    match format {
        "json" => {
            let json = serde_json::to_string_pretty(&projection)
                .map_err(|e| CliError::Input(e.to_string()))?;
            println!("{json}");
        }
        "csv" => print!("{}", to_csv(&projection)),
        _ => print!("{}", to_text(path, &projection)),
    }
    Ok(EXIT_OK)
}

/// Levers from the options; percentages become fractions.
fn levers_from(opts: &Options) -> Result<Levers, CliError> {
    let pct =
        |name: &str| -> Result<Option<f64>, CliError> { Ok(opts.number(name)?.map(|v| v / 100.0)) };
    let mut lv = Levers::default();
    if let Some(h) = opts.number("horizon")? {
        if h.fract() != 0.0 || !(1900.0..=2300.0).contains(&h) {
            return Err(CliError::Usage(format!(
                "--horizon må være et årstall (fikk «{}»)",
                opts.get("horizon").unwrap_or_default()
            )));
        }
        lv.horizon = h as i32;
    }
    lv.turnover = pct("turnover")?.unwrap_or(0.0);
    lv.fte_from = pct("fte-from")?;
    lv.fte_to = pct("fte-to")?.or(lv.fte_from);
    lv.sick_from = pct("sick-from")?;
    lv.sick_to = pct("sick-to")?.or(lv.sick_from);
    lv.task_sharing = pct("task-sharing")?.unwrap_or(0.0);
    lv.productivity = pct("productivity")?.unwrap_or(0.0);
    lv.completion = pct("completion")?.unwrap_or(1.0);
    lv.education_positions = opts.number("education-positions")?;
    Ok(lv)
}

/// A CSV file in one of the documented layouts, or the first staffing table of a report.
fn groups_from_file(path: &str, bytes: &[u8]) -> Result<Vec<Group>, CliError> {
    let decoded = intake::decode(path, bytes).map_err(|e| CliError::Input(e.to_string()))?;
    if decoded.kind == InputKind::Csv {
        return staffing::groups_from_csv(&decoded.text)
            .map_err(|e| CliError::Input(format!("{path}: {e}")));
    }
    let analysis =
        meldingssjekk::analyze(path, bytes).map_err(|e| CliError::Input(e.to_string()))?;
    analysis
        .report
        .tables
        .iter()
        .find_map(staffing::groups_from_table)
        .ok_or_else(|| {
            CliError::Input(format!(
                "{path}: fant ingen bemanningstabell (no staffing table found); \
                 gi tallene som CSV, f.eks. gruppe;2023;2030;2040"
            ))
        })
}

/// Whole persons with space thousands: 1234.6 → "1 235", -0.3 → "0".
fn persons(x: f64) -> String {
    let r = x.round();
    let r = if r == 0.0 { 0.0 } else { r };
    let digits = format!("{:.0}", r.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if r < 0.0 {
        out.push('−');
    }
    let lead = digits.len() % 3;
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (i + 3 - lead) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A fraction as a Norwegian percentage: 0.055 → "5,5 %".
fn percent(x: f64) -> String {
    let v = (x * 100.0 * 100.0).round() / 100.0;
    format!("{v} %").replace('.', ",")
}

/// Unrounded number with decimal comma for CSV.
fn decimal(x: f64) -> String {
    format!("{x}").replace('.', ",")
}

fn to_text(path: &str, p: &Projection) -> String {
    use std::fmt::Write;
    let lv = &p.parameters;
    let mut s = String::new();
    let first = p
        .groups
        .iter()
        .map(|g| g.base_year)
        .min()
        .unwrap_or(lv.horizon);
    let _ = writeln!(s, "Bemanningsframskriving {first}–{} ({path})", lv.horizon);
    let mut params = vec![
        format!("turnover {}", percent(lv.turnover)),
        format!("gjennomføring {}", percent(lv.completion)),
    ];
    if let (Some(a), Some(b)) = (lv.fte_from, lv.fte_to) {
        params.push(format!("stillingsandel {} → {}", percent(a), percent(b)));
    }
    if let (Some(a), Some(b)) = (lv.sick_from, lv.sick_to) {
        params.push(format!("sykefravær {} → {}", percent(a), percent(b)));
    }
    if lv.task_sharing != 0.0 {
        params.push(format!("oppgavedeling {}", percent(lv.task_sharing)));
    }
    if lv.productivity != 0.0 {
        params.push(format!("produktivitet {} i året", percent(lv.productivity)));
    }
    if let Some(k) = lv.education_positions {
        params.push(format!(
            "utdanningskapasitet {} stillinger i året per gruppe",
            persons(k)
        ));
    }
    let _ = writeln!(s, "Forutsetninger: {}", params.join(", "));
    let with_supply = lv.education_positions.is_some();
    for g in &p.groups {
        let _ = writeln!(
            s,
            "\n{} ({}: {} ansatte)",
            g.name,
            g.base_year,
            persons(g.base)
        );
        table(&mut s, &g.years, with_supply);
        let _ = writeln!(
            s,
            "  Sum {}–{}: rekruttering {}, utdanningsstillinger {}",
            g.base_year + 1,
            lv.horizon,
            persons(g.cumulative_recruitment),
            persons(g.cumulative_education_required)
        );
    }
    if p.groups.len() > 1 {
        let _ = writeln!(s, "\nTotalt, alle grupper");
        if !p.totals.shared_base_year {
            let _ = writeln!(
                s,
                "  (gruppene har ulike basisår; hvert år summerer gruppene som har det året)"
            );
        }
        table(&mut s, &p.totals.years, with_supply);
        let _ = writeln!(
            s,
            "  Sum til {}: rekruttering {}, utdanningsstillinger {}",
            lv.horizon,
            persons(p.totals.cumulative_recruitment),
            persons(p.totals.cumulative_education_required)
        );
    }
    if !p.lever_savings.is_empty() {
        let _ = writeln!(s, "\nHvert tiltak alene, behov spart i {}:", lv.horizon);
        for e in &p.lever_savings {
            let _ = writeln!(
                s,
                "  {:<24} {:>8} personer",
                e.label,
                persons(e.saved_at_horizon)
            );
        }
    }
    s
}

fn table(s: &mut String, rows: &[YearRow], with_supply: bool) {
    use std::fmt::Write;
    let _ = write!(
        s,
        "  {:>4} {:>9} {:>13} {:>21}",
        "År", "Behov", "Rekruttering", "Utdanningsstillinger"
    );
    if with_supply {
        let _ = write!(s, " {:>9} {:>9}", "Tilgang", "Gap");
    }
    s.push('\n');
    for r in rows {
        let _ = write!(
            s,
            "  {:>4} {:>9} {:>13} {:>21}",
            r.year,
            persons(r.need),
            persons(r.recruitment),
            persons(r.education_required)
        );
        if let (Some(sup), Some(gap)) = (r.supply, r.gap) {
            let _ = write!(s, " {:>9} {:>9}", persons(sup), persons(gap));
        }
        s.push('\n');
    }
}

fn to_csv(p: &Projection) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let _ = w.write_record([
        "gruppe",
        "år",
        "behov",
        "rekruttering",
        "utdanningsstillinger",
        "tilgang",
        "gap",
    ]);
    for g in &p.groups {
        for r in &g.years {
            let _ = w.write_record([
                g.name.clone(),
                r.year.to_string(),
                decimal(r.need),
                decimal(r.recruitment),
                decimal(r.education_required),
                r.supply.map(decimal).unwrap_or_default(),
                r.gap.map(decimal).unwrap_or_default(),
            ]);
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persons_are_grouped_and_rounded() {
        assert_eq!(persons(1234.6), "1 235");
        assert_eq!(persons(302.0), "302");
        assert_eq!(persons(-0.3), "0");
        assert_eq!(persons(-1500.0), "−1 500");
        assert_eq!(persons(1_234_567.0), "1 234 567");
        assert_eq!(percent(0.055), "5,5 %");
    }
}
