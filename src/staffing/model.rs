//! The projection model (issue 4).
//!
//! For each group: base year Y0, base staff H (persons) and need points (Y_k, N_k).
//!
//! - Null-scenario need N0(y): straight line between consecutive points (Y0, H), (Y_1, N_1), …;
//!   beyond the last point the last segment's slope continues (a group without need points keeps
//!   N0 = H). An extrapolated line that would fall below zero stops at zero.
//! - Levers ramp linearly from no effect in Y0 to full effect in the horizon year Yh:
//!   r(y) = clamp((y − Y0)/(Yh − Y0), 0, 1).
//!   - position size from f0 to f1: factor f0 / (f0 + (f1 − f0)·r)
//!   - sickness absence from s0 to s1: factor (1 − s0) / (1 − (s0 + (s1 − s0)·r))
//!   - task sharing d: factor (1 − d·r)
//!   - productivity p a year: factor (1 + p)^−(y − Y0)
//!
//!   Need N(y) = N0(y) × all factors, so N(Y0) = H.
//! - Turnover t a year. Recruitment R(Y0) = 0 and R(y) = max(0, N(y) − (1 − t)·N(y − 1)).
//!   Education positions required E(y) = R(y) / c, c = completion (share of positions that end in
//!   a retained employee).
//! - With an education capacity of K positions a year (the same K for every group): supply
//!   S(Y0) = H, S(y) = (1 − t)·S(y − 1) + c·K, gap(y) = N(y) − S(y).
//!
//! All fractions are 0..1 here; the command line takes percentages.

use serde::{Deserialize, Serialize};

/// Horizon year when none is given.
pub const DEFAULT_HORIZON: i32 = 2040;
/// Longest projection (years from a group's base year to the horizon).
pub const MAX_SPAN_YEARS: i32 = 200;
/// Largest staff or need figure accepted (persons).
pub const MAX_PERSONS: f64 = 1e9;
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2300;

/// One need figure from a staffing table: `need` persons in `year`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NeedPoint {
    pub year: i32,
    pub need: f64,
}

/// A staff group (profession) with its base and need points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub name: String,
    pub base_year: i32,
    /// Staff in the base year (persons).
    pub base: f64,
    /// Need points after the base year, in any order (sorted by the engine).
    pub points: Vec<NeedPoint>,
}

/// Scenario parameters. Fractions are 0..1 (0.05 = 5 %).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Levers {
    pub horizon: i32,
    /// Share of staff who leave each year.
    pub turnover: f64,
    /// Average position size (stillingsandel) today …
    pub fte_from: Option<f64>,
    /// … and at the horizon; defaults to `fte_from`.
    pub fte_to: Option<f64>,
    /// Sickness absence today …
    pub sick_from: Option<f64>,
    /// … and at the horizon; defaults to `sick_from`.
    pub sick_to: Option<f64>,
    /// Share of the need moved to other groups by the horizon.
    pub task_sharing: f64,
    /// Productivity growth a year.
    pub productivity: f64,
    /// Share of education positions that end in a retained employee.
    pub completion: f64,
    /// Education capacity K (positions a year, per group); `None` = no supply side.
    pub education_positions: Option<f64>,
}

impl Default for Levers {
    fn default() -> Self {
        Levers {
            horizon: DEFAULT_HORIZON,
            turnover: 0.0,
            fte_from: None,
            fte_to: None,
            sick_from: None,
            sick_to: None,
            task_sharing: 0.0,
            productivity: 0.0,
            completion: 1.0,
            education_positions: None,
        }
    }
}

/// Why a projection could not be made. `Parameter`: a lever or the horizon is out of range;
/// `Data`: the groups themselves are unusable. `Display` gives a Norwegian message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffingError {
    Parameter(String),
    Data(String),
}

impl StaffingError {
    pub fn message(&self) -> &str {
        match self {
            StaffingError::Parameter(m) | StaffingError::Data(m) => m,
        }
    }
}

impl std::fmt::Display for StaffingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for StaffingError {}

/// One year of one group (or of the totals). `supply` and `gap` are `None` without a capacity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    pub need: f64,
    pub recruitment: f64,
    pub education_required: f64,
    pub supply: Option<f64>,
    pub gap: Option<f64>,
}

/// The projection of one group, one row per year from its base year to the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupProjection {
    pub name: String,
    pub base_year: i32,
    pub base: f64,
    pub years: Vec<YearRow>,
    /// Sum of recruitment after the base year up to and including the horizon.
    pub cumulative_recruitment: f64,
    /// Sum of education positions required after the base year up to the horizon.
    pub cumulative_education_required: f64,
}

/// Per-year sums across groups. When groups have different base years the rows cover the union
/// of years (earliest base year to the horizon) and each row sums the groups that have that year;
/// `shared_base_year` is then false.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    pub shared_base_year: bool,
    pub years: Vec<YearRow>,
    pub cumulative_recruitment: f64,
    pub cumulative_education_required: f64,
}

/// What one need lever alone saves at the horizon (persons, all groups together).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeverEffect {
    /// "fte", "sickness", "task_sharing" or "productivity".
    pub lever: &'static str,
    /// Norwegian name for display.
    pub label: &'static str,
    /// Need at the horizon without levers minus need with only this lever.
    pub saved_at_horizon: f64,
}

/// The whole projection: the JSON the command line prints and the page renders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    pub schema_version: u32,
    /// The levers as used (`fte_to`/`sick_to` filled in from their `_from`).
    pub parameters: Levers,
    pub groups: Vec<GroupProjection>,
    pub totals: Totals,
    /// What each active need lever alone saves (same as [`lever_savings`]).
    pub lever_savings: Vec<LeverEffect>,
}

/// The need levers, resolved and checked.
#[derive(Debug, Clone, Copy, Default)]
struct NeedLevers {
    fte: Option<(f64, f64)>,
    sick: Option<(f64, f64)>,
    task_sharing: f64,
    productivity: f64,
}

/// A group's (year, need) points starting with (Y0, H), sorted by year.
type Knots = Vec<(i32, f64)>;

#[derive(Debug, Clone, Copy)]
struct Checked {
    levers: Levers,
    need: NeedLevers,
}

/// A percentage for messages: 0.055 → "5,5".
fn pct(x: f64) -> String {
    let v = (x * 100.0 * 10_000.0).round() / 10_000.0;
    format!("{v}").replace('.', ",")
}

fn in_range(x: f64, lo: f64, hi: f64) -> bool {
    x.is_finite() && x >= lo && x <= hi
}

fn check_levers(lv: &Levers) -> Result<Checked, StaffingError> {
    let param = |m: String| Err(StaffingError::Parameter(m));
    if !(MIN_YEAR..=MAX_YEAR).contains(&lv.horizon) {
        return param(format!(
            "horisontåret {} er utenfor {MIN_YEAR}–{MAX_YEAR}",
            lv.horizon
        ));
    }
    if !in_range(lv.turnover, 0.0, 1.0) {
        return param(format!(
            "turnover må være mellom 0 og 100 % i året (fikk {} %)",
            pct(lv.turnover)
        ));
    }
    let fte = match (lv.fte_from, lv.fte_to) {
        (None, None) => None,
        (None, Some(_)) => {
            return param("stillingsandel til (fte-to) er gitt uten stillingsandel fra".into())
        }
        (Some(f0), to) => {
            let f1 = to.unwrap_or(f0);
            for f in [f0, f1] {
                if !(f.is_finite() && f > 0.0 && f <= 1.0) {
                    return param(format!(
                        "stillingsandel må være over 0 og høyst 100 % (fikk {} %)",
                        pct(f)
                    ));
                }
            }
            Some((f0, f1))
        }
    };
    let sick = match (lv.sick_from, lv.sick_to) {
        (None, None) => None,
        (None, Some(_)) => {
            return param("sykefravær til (sick-to) er gitt uten sykefravær fra".into())
        }
        (Some(s0), to) => {
            let s1 = to.unwrap_or(s0);
            for s in [s0, s1] {
                if !(s.is_finite() && (0.0..1.0).contains(&s)) {
                    return param(format!(
                        "sykefravær må være fra 0 til under 100 % (fikk {} %)",
                        pct(s)
                    ));
                }
            }
            Some((s0, s1))
        }
    };
    if !in_range(lv.task_sharing, 0.0, 1.0) {
        return param(format!(
            "oppgavedeling må være mellom 0 og 100 % (fikk {} %)",
            pct(lv.task_sharing)
        ));
    }
    if !in_range(lv.productivity, -0.5, 0.5) {
        return param(format!(
            "produktivitetsvekst må være mellom −50 og 50 % i året (fikk {} %)",
            pct(lv.productivity)
        ));
    }
    if !(lv.completion.is_finite() && lv.completion > 0.0 && lv.completion <= 1.0) {
        return param(format!(
            "gjennomføring må være over 0 og høyst 100 % (fikk {} %)",
            pct(lv.completion)
        ));
    }
    if let Some(k) = lv.education_positions {
        if !in_range(k, 0.0, MAX_PERSONS) {
            return param(format!(
                "utdanningskapasitet må være et tall fra 0 til {MAX_PERSONS} stillinger i året (fikk {k})"
            ));
        }
    }
    let mut levers = *lv;
    levers.fte_to = fte.map(|(_, f1)| f1);
    levers.sick_to = sick.map(|(_, s1)| s1);
    Ok(Checked {
        levers,
        need: NeedLevers {
            fte,
            sick,
            task_sharing: lv.task_sharing,
            productivity: lv.productivity,
        },
    })
}

/// Checks a group against the horizon; returns its knots (Y0, H), (Y_1, N_1), … sorted by year.
fn check_group(g: &Group, horizon: i32) -> Result<Knots, StaffingError> {
    let data = |m: String| Err(StaffingError::Data(m));
    let name = g.name.trim();
    if name.is_empty() {
        return data("en gruppe mangler navn".into());
    }
    if !(MIN_YEAR..=MAX_YEAR).contains(&g.base_year) {
        return data(format!(
            "basisåret {} for «{name}» er utenfor {MIN_YEAR}–{MAX_YEAR}",
            g.base_year
        ));
    }
    if !in_range(g.base, 0.0, MAX_PERSONS) {
        return data(format!(
            "antall ansatte for «{name}» må være et tall fra 0 til {MAX_PERSONS} (fikk {})",
            g.base
        ));
    }
    if horizon <= g.base_year {
        return Err(StaffingError::Parameter(format!(
            "horisontåret {horizon} må være etter basisåret {} for «{name}»",
            g.base_year
        )));
    }
    if horizon - g.base_year > MAX_SPAN_YEARS {
        return Err(StaffingError::Parameter(format!(
            "horisontåret {horizon} ligger mer enn {MAX_SPAN_YEARS} år etter basisåret {} for «{name}»",
            g.base_year
        )));
    }
    let mut knots = Vec::with_capacity(g.points.len() + 1);
    knots.push((g.base_year, g.base));
    let mut points = g.points.clone();
    crate::sorting::sort_by_key(&mut points, |p| p.year);
    for p in &points {
        if p.year <= g.base_year || p.year > MAX_YEAR {
            return data(format!(
                "behovsåret {} for «{name}» må være etter basisåret {} (og senest {MAX_YEAR})",
                p.year, g.base_year
            ));
        }
        if !in_range(p.need, 0.0, MAX_PERSONS) {
            return data(format!(
                "behovet i {} for «{name}» må være et tall fra 0 til {MAX_PERSONS} (fikk {})",
                p.year, p.need
            ));
        }
        if knots.last().is_some_and(|&(y, _)| y == p.year) {
            return data(format!(
                "behovsåret {} er gitt to ganger for «{name}»",
                p.year
            ));
        }
        knots.push((p.year, p.need));
    }
    Ok(knots)
}

/// Need N(y) for y = Y0..=horizon (knots checked, horizon > Y0).
fn need_series(knots: &[(i32, f64)], horizon: i32, lv: &NeedLevers) -> Vec<f64> {
    let Some(&(y0, h)) = knots.first() else {
        return Vec::new();
    };
    let span = f64::from(horizon - y0);
    let mut out = Vec::with_capacity((horizon - y0 + 1).max(0) as usize);
    let mut seg = 0usize;
    for y in y0..=horizon {
        let n0 = baseline(knots, y, &mut seg, h);
        let r = (f64::from(y - y0) / span).clamp(0.0, 1.0);
        let mut n = n0;
        if let Some((f0, f1)) = lv.fte {
            let f = if r >= 1.0 { f1 } else { f0 + (f1 - f0) * r };
            n *= f0 / f;
        }
        if let Some((s0, s1)) = lv.sick {
            let s = if r >= 1.0 { s1 } else { s0 + (s1 - s0) * r };
            n *= (1.0 - s0) / (1.0 - s);
        }
        if lv.task_sharing != 0.0 {
            n *= 1.0 - lv.task_sharing * r;
        }
        if lv.productivity != 0.0 {
            n *= (1.0 + lv.productivity).powi(-(y - y0));
        }
        out.push(n);
    }
    out
}

/// Straight line through the knots; `seg` only moves forward as `y` grows.
fn baseline(knots: &[(i32, f64)], y: i32, seg: &mut usize, base: f64) -> f64 {
    while *seg + 2 < knots.len() && knots.get(*seg + 1).is_some_and(|k| k.0 <= y) {
        *seg += 1;
    }
    let (Some(&(ya, na)), Some(&(yb, nb))) = (knots.get(*seg), knots.get(*seg + 1)) else {
        return base;
    };
    if y == ya {
        return na;
    }
    if y == yb {
        return nb;
    }
    let v = na + (nb - na) * f64::from(y - ya) / f64::from(yb - ya);
    v.max(0.0)
}

fn checked_groups(
    groups: &[Group],
    levers: &Levers,
) -> Result<(Checked, Vec<Knots>), StaffingError> {
    let checked = check_levers(levers)?;
    if groups.is_empty() {
        return Err(StaffingError::Data("ingen grupper å framskrive".into()));
    }
    let knots = groups
        .iter()
        .map(|g| check_group(g, checked.levers.horizon))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((checked, knots))
}

fn not_finite() -> StaffingError {
    StaffingError::Parameter(
        "framskrivingen gir tall utenfor gyldig område; velg mindre ekstreme verdier".into(),
    )
}

/// Projects every group from its base year to the horizon. Never panics; invalid groups or
/// levers give a `StaffingError` with a Norwegian message, and no NaN or infinity is returned.
pub fn project(groups: &[Group], levers: &Levers) -> Result<Projection, StaffingError> {
    let (checked, knots) = checked_groups(groups, levers)?;
    let lv = checked.levers;
    let t = lv.turnover;
    let c = lv.completion;
    let mut out_groups = Vec::with_capacity(groups.len());
    for (g, k) in groups.iter().zip(&knots) {
        let need = need_series(k, lv.horizon, &checked.need);
        let mut years = Vec::with_capacity(need.len());
        let mut prev_need = g.base;
        let mut supply = lv.education_positions.map(|_| g.base);
        let (mut cum_r, mut cum_e) = (0.0, 0.0);
        for (i, &n) in need.iter().enumerate() {
            let year = g.base_year + i as i32;
            let (recruitment, education) = if i == 0 {
                (0.0, 0.0)
            } else {
                let r = (n - (1.0 - t) * prev_need).max(0.0);
                (r, r / c)
            };
            if i > 0 {
                if let (Some(s), Some(cap)) = (supply.as_mut(), lv.education_positions) {
                    *s = (1.0 - t) * *s + c * cap;
                }
            }
            cum_r += recruitment;
            cum_e += education;
            years.push(YearRow {
                year,
                need: n,
                recruitment,
                education_required: education,
                supply,
                gap: supply.map(|s| n - s),
            });
            prev_need = n;
        }
        out_groups.push(GroupProjection {
            name: g.name.trim().to_string(),
            base_year: g.base_year,
            base: g.base,
            years,
            cumulative_recruitment: cum_r,
            cumulative_education_required: cum_e,
        });
    }
    let totals = totals_of(&out_groups, lv.horizon, lv.education_positions.is_some());
    let lever_savings = savings(&knots, &checked)?;
    let all_finite = out_groups
        .iter()
        .flat_map(|g| g.years.iter())
        .chain(totals.years.iter())
        .all(|r| {
            r.need.is_finite()
                && r.recruitment.is_finite()
                && r.education_required.is_finite()
                && r.supply.is_none_or(f64::is_finite)
                && r.gap.is_none_or(f64::is_finite)
        });
    if !all_finite || !totals.cumulative_education_required.is_finite() {
        return Err(not_finite());
    }
    Ok(Projection {
        schema_version: crate::report::SCHEMA_VERSION,
        parameters: lv,
        groups: out_groups,
        totals,
        lever_savings,
    })
}

fn totals_of(groups: &[GroupProjection], horizon: i32, with_supply: bool) -> Totals {
    let first = groups.iter().map(|g| g.base_year).min().unwrap_or(horizon);
    let shared = groups.iter().all(|g| g.base_year == first);
    let mut years: Vec<YearRow> = (first..=horizon)
        .map(|year| YearRow {
            year,
            need: 0.0,
            recruitment: 0.0,
            education_required: 0.0,
            supply: with_supply.then_some(0.0),
            gap: with_supply.then_some(0.0),
        })
        .collect();
    let (mut cum_r, mut cum_e) = (0.0, 0.0);
    for g in groups {
        cum_r += g.cumulative_recruitment;
        cum_e += g.cumulative_education_required;
        for row in &g.years {
            let Some(t) = usize::try_from(row.year - first)
                .ok()
                .and_then(|i| years.get_mut(i))
            else {
                continue;
            };
            t.need += row.need;
            t.recruitment += row.recruitment;
            t.education_required += row.education_required;
            if let (Some(ts), Some(s)) = (t.supply.as_mut(), row.supply) {
                *ts += s;
            }
            if let (Some(tg), Some(gap)) = (t.gap.as_mut(), row.gap) {
                *tg += gap;
            }
        }
    }
    Totals {
        shared_base_year: shared,
        years,
        cumulative_recruitment: cum_r,
        cumulative_education_required: cum_e,
    }
}

const LEVER_LABELS: [(&str, &str); 4] = [
    ("fte", "høyere stillingsandel"),
    ("sickness", "lavere sykefravær"),
    ("task_sharing", "oppgavedeling"),
    ("productivity", "produktivitet"),
];

fn savings(
    knots: &[Vec<(i32, f64)>],
    checked: &Checked,
) -> Result<Vec<LeverEffect>, StaffingError> {
    let horizon = checked.levers.horizon;
    let at_horizon = |lv: &NeedLevers| -> f64 {
        knots
            .iter()
            .map(|k| need_series(k, horizon, lv).last().copied().unwrap_or(0.0))
            .sum()
    };
    let none = at_horizon(&NeedLevers::default());
    let n = checked.need;
    let mut out = Vec::new();
    for (lever, label) in LEVER_LABELS {
        let only = match lever {
            "fte" if n.fte.is_some_and(|(a, b)| a != b) => NeedLevers {
                fte: n.fte,
                ..NeedLevers::default()
            },
            "sickness" if n.sick.is_some_and(|(a, b)| a != b) => NeedLevers {
                sick: n.sick,
                ..NeedLevers::default()
            },
            "task_sharing" if n.task_sharing != 0.0 => NeedLevers {
                task_sharing: n.task_sharing,
                ..NeedLevers::default()
            },
            "productivity" if n.productivity != 0.0 => NeedLevers {
                productivity: n.productivity,
                ..NeedLevers::default()
            },
            _ => continue,
        };
        let saved = none - at_horizon(&only);
        if !saved.is_finite() {
            return Err(not_finite());
        }
        out.push(LeverEffect {
            lever,
            label,
            saved_at_horizon: saved,
        });
    }
    Ok(out)
}

/// For each active need lever (position size, sickness absence, task sharing, productivity): the
/// need at the horizon with no levers minus the need with only that lever, summed over groups
/// ("this lever alone saves N persons by 2040"). Turnover, completion and capacity do not change
/// the need and are not listed.
pub fn lever_savings(groups: &[Group], levers: &Levers) -> Result<Vec<LeverEffect>, StaffingError> {
    let (checked, knots) = checked_groups(groups, levers)?;
    savings(&knots, &checked)
}
