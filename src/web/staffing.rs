//! The "Bemanning" (staffing) view: groups from a report's staffing table, a CSV file or typed
//! in; levers as sliders and number fields; the engine's projection (`crate::staffing::project`)
//! as tables, hand-drawn SVG line charts and sentences. Nothing of the model is computed here.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::fmt::num;
use super::i18n::Lang;
use crate::staffing::{Group, LeverEffect, Levers, NeedPoint, Projection, YearRow};

/// One editable group row: the fields as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub key: u32,
    pub name: String,
    pub base_year: String,
    pub base: String,
    /// (year, need) pairs as typed.
    pub points: Vec<(String, String)>,
}

/// What the staffing view works on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StaffInput {
    /// Where the groups came from (a document's name, a CSV file), if not typed in.
    pub source: Option<String>,
    pub rows: Vec<GroupRow>,
    pub next_key: u32,
}

impl StaffInput {
    pub fn from_groups(source: Option<String>, groups: &[Group]) -> StaffInput {
        let mut s = StaffInput {
            source,
            ..StaffInput::default()
        };
        for g in groups {
            let mut points: Vec<NeedPoint> = g.points.clone();
            crate::sorting::sort_by_key(&mut points, |p| p.year);
            let row = GroupRow {
                key: s.next_key,
                name: g.name.clone(),
                base_year: g.base_year.to_string(),
                base: plain(g.base),
                points: points
                    .iter()
                    .map(|p| (p.year.to_string(), plain(p.need)))
                    .collect(),
            };
            s.next_key += 1;
            s.rows.push(row);
        }
        s
    }

    /// One empty row to type into.
    pub fn blank() -> StaffInput {
        let mut s = StaffInput::default();
        s.add_row();
        s
    }

    pub fn add_row(&mut self) {
        self.rows.push(GroupRow {
            key: self.next_key,
            name: String::new(),
            base_year: String::new(),
            base: String::new(),
            points: vec![
                (String::new(), String::new()),
                (String::new(), String::new()),
            ],
        });
        self.next_key += 1;
    }
}

/// A number as typed into an input: decimal comma, no grouping.
fn plain(v: f64) -> String {
    format!("{v}").replace('.', ",")
}

use crate::staffing::{parse_typed as parse, parse_year, TypedError};

/// Reads the typed rows into groups; fully blank rows and blank need points are skipped.
fn to_groups(l: Lang, rows: &[GroupRow]) -> Result<Vec<Group>, String> {
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let blank = |s: &str| s.trim().is_empty();
        if blank(&r.name)
            && blank(&r.base_year)
            && blank(&r.base)
            && r.points.iter().all(|(y, n)| blank(y) && blank(n))
        {
            continue;
        }
        let row = i + 1;
        let bad = |what_nb: &str, what_en: &str| match l {
            Lang::Nb => format!("Rad {row}: {what_nb} mangler eller er ikke et tall."),
            Lang::En => format!("Row {row}: {what_en} is missing or not a number."),
        };
        let base_year = parse_year(&r.base_year).ok_or_else(|| bad("basisår", "base year"))?;
        let base = parse(&r.base).ok_or_else(|| bad("antall ansatte", "staff today"))?;
        let mut points = Vec::new();
        for (y, n) in &r.points {
            if blank(y) && blank(n) {
                continue;
            }
            let year = parse_year(y).ok_or_else(|| bad("behovsår", "need year"))?;
            let need = parse(n).ok_or_else(|| bad("behov", "need"))?;
            points.push(NeedPoint { year, need });
        }
        out.push(Group {
            name: r.name.clone(),
            base_year,
            base,
            points,
        });
    }
    if out.is_empty() {
        return Err(l
            .t(
                "Skriv inn minst én gruppe (navn, basisår, antall ansatte og behov), eller last inn en CSV-fil.",
                "Enter at least one group (name, base year, staff today and need), or load a CSV file.",
            )
            .to_string());
    }
    Ok(out)
}

/// One lever control: its range in the units shown (percent, years, positions).
struct LeverDef {
    key: &'static str,
    nb: &'static str,
    en: &'static str,
    min: f64,
    max: f64,
    step: f64,
    initial: f64,
    /// The engine's `LeverEffect::lever` whose saving is shown under this control.
    saving: Option<&'static str>,
}

const HORIZON: usize = 0;
const TURNOVER: usize = 1;
const FTE_FROM: usize = 2;
const FTE_TO: usize = 3;
const SICK_FROM: usize = 4;
const SICK_TO: usize = 5;
const TASK: usize = 6;
const PROD: usize = 7;
const COMPLETION: usize = 8;
const EDUCATION: usize = 9;

const LEVERS: [LeverDef; 10] = [
    LeverDef {
        key: "horizon",
        nb: "Horisontår",
        en: "Horizon year",
        min: 2025.0,
        max: 2060.0,
        step: 1.0,
        initial: 2040.0,
        saving: None,
    },
    LeverDef {
        key: "turnover",
        nb: "Turnover (% per år)",
        en: "Turnover (% a year)",
        min: 0.0,
        max: 25.0,
        step: 0.5,
        initial: 5.0,
        saving: None,
    },
    LeverDef {
        key: "fte_from",
        nb: "Stillingsandel i dag (%)",
        en: "Position size today (%)",
        min: 50.0,
        max: 100.0,
        step: 1.0,
        initial: 80.0,
        saving: None,
    },
    LeverDef {
        key: "fte_to",
        nb: "Stillingsandel ved horisonten (%)",
        en: "Position size at the horizon (%)",
        min: 50.0,
        max: 100.0,
        step: 1.0,
        initial: 80.0,
        saving: Some("fte"),
    },
    LeverDef {
        key: "sick_from",
        nb: "Sykefravær i dag (%)",
        en: "Sickness absence today (%)",
        min: 0.0,
        max: 25.0,
        step: 0.1,
        initial: 8.0,
        saving: None,
    },
    LeverDef {
        key: "sick_to",
        nb: "Sykefravær ved horisonten (%)",
        en: "Sickness absence at the horizon (%)",
        min: 0.0,
        max: 25.0,
        step: 0.1,
        initial: 8.0,
        saving: Some("sickness"),
    },
    LeverDef {
        key: "task_sharing",
        nb: "Oppgavedeling (% av behovet flyttet)",
        en: "Task sharing (% of the need moved)",
        min: 0.0,
        max: 40.0,
        step: 0.5,
        initial: 0.0,
        saving: Some("task_sharing"),
    },
    LeverDef {
        key: "productivity",
        nb: "Produktivitetsvekst (% per år)",
        en: "Productivity growth (% a year)",
        min: 0.0,
        max: 5.0,
        step: 0.1,
        initial: 0.0,
        saving: Some("productivity"),
    },
    LeverDef {
        key: "completion",
        nb: "Gjennomføring (% av utdanningsstillingene som gir en ansatt)",
        en: "Completion (% of education positions that give an employee)",
        min: 10.0,
        max: 100.0,
        step: 1.0,
        initial: 90.0,
        saving: None,
    },
    LeverDef {
        key: "education",
        nb: "Utdanningsstillinger per år (per gruppe)",
        en: "Education positions a year (per group)",
        min: 0.0,
        max: 500.0,
        step: 1.0,
        initial: 20.0,
        saving: None,
    },
];

fn levers_of(v: &[f64; 10]) -> Levers {
    let pct = |i: usize| v[i] / 100.0;
    Levers {
        horizon: v[HORIZON].round() as i32,
        turnover: pct(TURNOVER),
        fte_from: Some(pct(FTE_FROM)),
        fte_to: Some(pct(FTE_TO)),
        sick_from: Some(pct(SICK_FROM)),
        sick_to: Some(pct(SICK_TO)),
        task_sharing: pct(TASK),
        productivity: pct(PROD),
        completion: pct(COMPLETION),
        education_positions: Some(v[EDUCATION]),
    }
}

fn persons(l: Lang, v: f64) -> String {
    num(l, v, 0)
}

fn saving_text(l: Lang, e: &LeverEffect, horizon: i32) -> String {
    let n = persons(l, e.saved_at_horizon.abs());
    match (l, e.saved_at_horizon >= 0.0) {
        (Lang::Nb, true) => format!("Dette tiltaket alene sparer {n} personer innen {horizon}."),
        (Lang::Nb, false) => {
            format!("Dette tiltaket alene øker behovet med {n} personer innen {horizon}.")
        }
        (Lang::En, true) => format!("This measure alone saves {n} persons by {horizon}."),
        (Lang::En, false) => {
            format!("This measure alone raises the need by {n} persons by {horizon}.")
        }
    }
}

/// The lever settings, one signal per lever at its starting value. Owned by the app, not the
/// view, so the settings survive leaving the staffing view and coming back.
pub type LeverValues = [RwSignal<f64>; 10];

pub fn initial_levers() -> LeverValues {
    std::array::from_fn(|i| RwSignal::new(LEVERS[i].initial))
}

/// The staffing view. `input` holds the groups (shared with the app so a document can open it);
/// `values` the lever settings.
#[component]
pub fn Staffing(
    lang: RwSignal<Lang>,
    input: RwSignal<StaffInput>,
    values: LeverValues,
    prefix: String,
) -> impl IntoView {
    let l = move || lang.get();
    let prefix = StoredValue::new(prefix);
    let id = move |s: &str| format!("{}st-{s}", prefix.get_value());
    let chosen = RwSignal::new(String::new());
    let csv_error = RwSignal::new(None::<String>);
    let projection: Memo<Result<Projection, String>> = Memo::new(move |_| {
        let lang = lang.get();
        let groups = input.with(|s| to_groups(lang, &s.rows))?;
        let v: [f64; 10] = std::array::from_fn(|i| values[i].get());
        crate::staffing::project(&groups, &levers_of(&v)).map_err(|e| e.to_string())
    });
    let horizon = move || values[HORIZON].get().round() as i32;

    let load_csv = move |ev: leptos::ev::Event| {
        let el: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = el.files().and_then(|f| f.get(0)) else {
            return;
        };
        el.set_value("");
        let name = file.name();
        spawn_local(async move {
            match super::read_file(&file).await {
                Ok(bytes) => match crate::intake::decode(&name, &bytes) {
                    Ok(d) => match crate::staffing::groups_from_csv(&d.text) {
                        Ok(groups) => {
                            csv_error.set(None);
                            chosen.set(String::new());
                            input.set(StaffInput::from_groups(Some(name), &groups));
                        }
                        Err(e) => csv_error.set(Some(format!("{name}: {e}"))),
                    },
                    Err(e) => csv_error.set(Some(e.to_string())),
                },
                Err(e) => csv_error.set(Some(format!("{name}: {e}"))),
            }
        });
    };

    let title_id = id("title");
    let title_id2 = title_id.clone();
    let csv_id = id("csv");
    let pick_id = id("pick");
    view! {
        <section class="ms-staffing" aria-labelledby=title_id2 data-view="staffing">
            <h2 id=title_id tabindex="-1">{move || l().t("Bemanning", "Staffing")}</h2>
            <p class="ms-lead">
                {move || {
                    l().t(
                        "Framskriv behovet for ansatte per yrkesgruppe, og se hva tiltak som høyere stillingsandel, lavere sykefravær, oppgavedeling og produktivitet betyr.",
                        "Project the need for staff per profession, and see what measures such as larger positions, lower sickness absence, task sharing and productivity mean.",
                    )
                }}
            </p>
            <p class="ms-source-note" data-staffing-source="">
                {move || {
                    let lang = l();
                    input
                        .with(|s| s.source.clone())
                        .map(|s| format!("{} {s}", lang.t("Gruppene er hentet fra", "The groups come from")))
                        .unwrap_or_else(|| {
                            lang.t("Gruppene er skrevet inn for hånd.", "The groups are typed in by hand.").to_string()
                        })
                }}
            </p>
            <details class="ms-model">
                <summary>{move || l().t("Slik regner modellen", "How the model works")}</summary>
                {move || model_text(l())}
            </details>
            <div class="ms-staff-input">
                <h3>{move || l().t("Grupper", "Groups")}</h3>
                <GroupEditor lang=lang input=input prefix=id("g") />
                <div class="ms-field">
                    <label for=csv_id.clone()>
                        {move || l().t("Eller last inn en CSV-fil", "Or load a CSV file")}
                    </label>
                    <input id=csv_id type="file" accept=".csv,.txt,text/csv" on:change=load_csv />
                    <p class="ms-hint">
                        {move || l().t(
                            "Langt format: gruppe;basisår;ansatte;år;behov – eller bredt: gruppe;2023;2030;2040 (første årskolonne er ansatte i dag).",
                            "Long layout: gruppe;basisår;ansatte;år;behov – or wide: gruppe;2023;2030;2040 (the first year column is staff today).",
                        )}
                    </p>
                    {move || csv_error.get().map(|e| view! { <p class="ms-error" role="alert">{e}</p> })}
                </div>
            </div>
            <div class="ms-staff-grid">
                <fieldset class="ms-levers">
                    <legend>{move || l().t("Forutsetninger og tiltak", "Assumptions and measures")}</legend>
                    <p class="ms-hint" data-assumptions="">
                        {move || l().t(
                            "Verdiene her er antakelser, ikke tall fra rapporten: sett dem til det som gjelder dere. Desimaler skrives med komma (7,5).",
                            "These values are assumptions, not figures from the report: set them to what applies to you. Decimals as 7.5 or 7,5.",
                        )}
                    </p>
                    {LEVERS
                        .iter()
                        .enumerate()
                        .map(|(i, d)| {
                            let sig = values[i];
                            let rid = id(&format!("lever-{}", d.key));
                            let nid = format!("{rid}-n");
                            let eid = format!("{rid}-e");
                            let eid2 = eid.clone();
                            let saving = d.saving;
                            let (min, max) = (d.min, d.max);
                            // The field as typed ("7,5"), and why it is not used when it is not.
                            let shown = move || num(lang.get_untracked(), sig.get_untracked(), 2);
                            let typed = RwSignal::new(shown());
                            let error = RwSignal::new(None::<(String, TypedError)>);
                            let on_slide = move |ev: leptos::ev::Event| {
                                if let Some(x) = parse(&event_target_value(&ev)) {
                                    sig.set(x);
                                    typed.set(shown());
                                    error.set(None);
                                }
                            };
                            let on_type = move |ev: leptos::ev::Event| {
                                let v = event_target_value(&ev);
                                match crate::staffing::parse_in_range(&v, min, max) {
                                    Ok(x) => {
                                        sig.set(x);
                                        error.set(None);
                                    }
                                    Err(e) => error.set(Some((v.clone(), e))),
                                }
                                typed.set(v);
                            };
                            view! {
                                <div class="ms-lever" data-lever=d.key>
                                    <label for=rid.clone()>{move || l().t(d.nb, d.en)}</label>
                                    " "
                                    <span class="ms-assumed" data-assumed="">{move || l().t("antakelse", "assumption")}</span>
                                    <div class="ms-lever-inputs">
                                        <input
                                            id=rid
                                            type="range"
                                            min=d.min.to_string()
                                            max=d.max.to_string()
                                            step=d.step.to_string()
                                            prop:value=move || sig.get().to_string()
                                            on:input=on_slide
                                        />
                                        <input
                                            id=nid
                                            class="ms-lever-num"
                                            type="text"
                                            inputmode="decimal"
                                            aria-label=move || format!("{} {}", l().t(d.nb, d.en), l().t("(tall)", "(number)"))
                                            aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                                            aria-describedby=move || error.with(|e| e.is_some()).then(|| eid2.clone())
                                            prop:value=move || typed.get()
                                            on:input=on_type
                                            on:change=move |_| if error.get_untracked().is_none() { typed.set(shown()) }
                                        />
                                    </div>
                                    {move || error.get().map(|(v, e)| {
                                        let lang = l();
                                        let used = num(lang, sig.get(), 2);
                                        let text = match (lang, e) {
                                            (Lang::Nb, TypedError::NotANumber) => format!("«{v}» er ikke et tall. Beregningen bruker fortsatt {used}."),
                                            (Lang::En, TypedError::NotANumber) => format!("“{v}” is not a number. The projection still uses {used}."),
                                            (Lang::Nb, TypedError::OutOfRange { min, max }) => format!("{v} er utenfor området {}–{}. Beregningen bruker fortsatt {used}.", num(lang, min, 2), num(lang, max, 2)),
                                            (Lang::En, TypedError::OutOfRange { min, max }) => format!("{v} is outside the range {}–{}. The projection still uses {used}.", num(lang, min, 2), num(lang, max, 2)),
                                        };
                                        view! { <p class="ms-error" id=eid.clone() data-lever-error="">{text}</p> }
                                    })}
                                    {move || {
                                        let key = saving?;
                                        let p = projection.get().ok()?;
                                        let e = p.lever_savings.iter().find(|e| e.lever == key)?;
                                        Some(view! {
                                            <p class="ms-saving" data-saving=key>{saving_text(l(), e, horizon())}</p>
                                        })
                                    }}
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="ms-staff-out" aria-live="polite">
                {move || match projection.get() {
                    Err(e) => view! { <p class="ms-error" data-staffing-error="">{e}</p> }.into_any(),
                    Ok(p) => {
                        let lang = l();
                        let pick_id = pick_id.clone();
                        view! {
                            {overview(lang, &p)}
                            <div class="ms-field ms-pick">
                                <label for=pick_id.clone()>{lang.t("Vis gruppe", "Show group")}</label>
                                <select
                                    id=pick_id
                                    prop:value=move || chosen.get()
                                    on:change=move |ev| chosen.set(event_target_value(&ev))
                                >
                                    <option value="">{lang.t("Alle grupper samlet", "All groups together")}</option>
                                    {p.groups
                                        .iter()
                                        .map(|g| view! { <option value=g.name.clone()>{g.name.clone()}</option> })
                                        .collect_view()}
                                </select>
                            </div>
                            {
                                let c = chosen.get();
                                match p.groups.iter().find(|g| g.name == c) {
                                    Some(g) => series_view(
                                        lang,
                                        &g.name,
                                        &g.years,
                                        g.cumulative_recruitment,
                                        g.cumulative_education_required,
                                    )
                                        .into_any(),
                                    None => series_view(
                                        lang,
                                        lang.t("Alle grupper samlet", "All groups together"),
                                        &p.totals.years,
                                        p.totals.cumulative_recruitment,
                                        p.totals.cumulative_education_required,
                                    )
                                        .into_any(),
                                }
                            }
                        }
                            .into_any()
                    }
                }}
            </div>
            </div>
        </section>
    }
}

fn model_text(l: Lang) -> impl IntoView {
    let items: [(&str, &str); 6] = [
        (
            "Behovet uten tiltak (null-scenariet) går i rett linje mellom antall ansatte i basisåret og behovstallene for senere år, og fortsetter med siste stigning etter siste år.",
            "The need without measures (the null scenario) runs in a straight line from today's staff through the later need figures, and keeps the last slope after the last year.",
        ),
        (
            "Tiltakene virker gradvis: ingen virkning i basisåret, full virkning i horisontåret.",
            "Measures phase in: no effect in the base year, full effect in the horizon year.",
        ),
        (
            "Høyere stillingsandel deler behovet på forholdet mellom stillingsandel i dag og da; lavere sykefravær ganger det med (1 − fravær i dag) / (1 − fravær da); oppgavedeling trekker fra den andelen som flyttes; produktivitet deler på (1 + vekst) for hvert år.",
            "A larger position size divides the need by the ratio of position size then to now; lower sickness absence multiplies it by (1 − absence now) / (1 − absence then); task sharing removes the share moved; productivity divides by (1 + growth) for every year.",
        ),
        (
            "Rekruttering et år er behovet det året minus de som blir igjen av fjorårets behov etter turnover (aldri under null).",
            "Recruitment in a year is that year's need minus those who stay of last year's need after turnover (never below zero).",
        ),
        (
            "Utdanningsstillinger som trengs = rekruttering delt på gjennomføringsandelen.",
            "Education positions required = recruitment divided by the completion share.",
        ),
        (
            "Tilgang: dagens ansatte, minus turnover hvert år, pluss utdanningsstillingene ganger gjennomføringen. Gap = behov minus tilgang (positivt gap betyr at det mangler folk).",
            "Supply: today's staff, less turnover each year, plus the education positions times completion. Gap = need minus supply (a positive gap means people are missing).",
        ),
    ];
    view! {
        <ul class="ms-model-list">
            {items.iter().map(|(nb, en)| view! { <li>{l.t(nb, en)}</li> }).collect_view()}
        </ul>
    }
}

/// One line per group at the horizon: need, supply, gap, education positions.
fn overview(l: Lang, p: &Projection) -> impl IntoView {
    let h = p.parameters.horizon;
    let caption = match l {
        Lang::Nb => format!("Per gruppe i {h}"),
        Lang::En => format!("Per group in {h}"),
    };
    let last = |ys: &[YearRow]| ys.last().copied();
    view! {
        <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="ms-table ms-staff-overview">
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{l.t("Gruppe", "Group")}</th>
                        <th scope="col">{l.t("Ansatte i basisåret", "Staff in the base year")}</th>
                        <th scope="col">{format!("{} {h}", l.t("Behov", "Need"))}</th>
                        <th scope="col">{format!("{} {h}", l.t("Tilgang", "Supply"))}</th>
                        <th scope="col">{format!("{} {h}", l.t("Gap", "Gap"))}</th>
                        <th scope="col">{l.t("Rekruttering i alt", "Recruitment in all")}</th>
                        <th scope="col">{l.t("Utdanningsstillinger i alt", "Education positions in all")}</th>
                    </tr>
                </thead>
                <tbody>
                    {p.groups
                        .iter()
                        .map(|g| {
                            let r = last(&g.years);
                            view! {
                                <tr data-group=g.name.clone()>
                                    <th scope="row">{g.name.clone()}</th>
                                    <td class="ms-num">{format!("{} ({})", persons(l, g.base), g.base_year)}</td>
                                    <td class="ms-num">{r.map(|r| persons(l, r.need))}</td>
                                    <td class="ms-num">{r.and_then(|r| r.supply).map(|v| persons(l, v))}</td>
                                    <td class="ms-num">{r.and_then(|r| r.gap).map(|v| persons(l, v))}</td>
                                    <td class="ms-num">{persons(l, g.cumulative_recruitment)}</td>
                                    <td class="ms-num">{persons(l, g.cumulative_education_required)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    {
                        let r = last(&p.totals.years);
                        view! {
                            <tr data-group="">
                                <th scope="row">{l.t("Sum", "Total")}</th>
                                <td class="ms-num">{p.totals.years.first().map(|r| persons(l, r.need))}</td>
                                <td class="ms-num">{r.map(|r| persons(l, r.need))}</td>
                                <td class="ms-num">{r.and_then(|r| r.supply).map(|v| persons(l, v))}</td>
                                <td class="ms-num">{r.and_then(|r| r.gap).map(|v| persons(l, v))}</td>
                                <td class="ms-num">{persons(l, p.totals.cumulative_recruitment)}</td>
                                <td class="ms-num">{persons(l, p.totals.cumulative_education_required)}</td>
                            </tr>
                        }
                    }
                </tfoot>
            </table>
        </div>
    }
}

/// The chart, the summary sentence and the year table for one group (or the totals).
fn series_view(l: Lang, name: &str, years: &[YearRow], cum_r: f64, cum_e: f64) -> impl IntoView {
    let summary = summary(l, name, years, cum_r, cum_e);
    let caption = match l {
        Lang::Nb => format!("{name}: behov, tilgang og gap per år"),
        Lang::En => format!("{name}: need, supply and gap by year"),
    };
    view! {
        <div class="ms-series" data-series=name.to_string()>
            <h3>{name.to_string()}</h3>
            <p class="ms-summary" data-summary="">{summary.clone()}</p>
            {chart(l, &caption, &summary, years)}
            <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=caption.clone()>
                <table class="ms-table ms-years">
                    <caption>{caption.clone()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{l.t("År", "Year")}</th>
                            <th scope="col">{l.t("Behov", "Need")}</th>
                            <th scope="col">{l.t("Rekruttering", "Recruitment")}</th>
                            <th scope="col">{l.t("Utdanningsstillinger", "Education positions")}</th>
                            <th scope="col">{l.t("Tilgang", "Supply")}</th>
                            <th scope="col">{l.t("Gap", "Gap")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {years
                            .iter()
                            .map(|r| {
                                view! {
                                    <tr data-year=r.year.to_string()>
                                        <th scope="row">{r.year.to_string()}</th>
                                        <td class="ms-num" data-col="need">{persons(l, r.need)}</td>
                                        <td class="ms-num" data-col="recruitment">{persons(l, r.recruitment)}</td>
                                        <td class="ms-num" data-col="education">{persons(l, r.education_required)}</td>
                                        <td class="ms-num" data-col="supply">{r.supply.map(|v| persons(l, v))}</td>
                                        <td class="ms-num" data-col="gap">{r.gap.map(|v| persons(l, v))}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

fn summary(l: Lang, name: &str, years: &[YearRow], cum_r: f64, cum_e: f64) -> String {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return String::new();
    };
    let p = |v: f64| persons(l, v);
    let mut s = match l {
        Lang::Nb => format!(
            "{name}: behovet går fra {} personer i {} til {} i {}.",
            p(first.need),
            first.year,
            p(last.need),
            last.year
        ),
        Lang::En => format!(
            "{name}: the need goes from {} persons in {} to {} in {}.",
            p(first.need),
            first.year,
            p(last.need),
            last.year
        ),
    };
    if let (Some(sup), Some(gap)) = (last.supply, last.gap) {
        s.push(' ');
        s.push_str(&match (l, gap >= 0.0) {
            (Lang::Nb, true) => format!(
                "Tilgangen blir {}, så det mangler {} personer.",
                p(sup),
                p(gap)
            ),
            (Lang::Nb, false) => {
                format!("Tilgangen blir {}, {} flere enn behovet.", p(sup), p(-gap))
            }
            (Lang::En, true) => format!(
                "Supply will be {}, so {} persons are missing.",
                p(sup),
                p(gap)
            ),
            (Lang::En, false) => {
                format!("Supply will be {}, {} more than the need.", p(sup), p(-gap))
            }
        });
    }
    s.push(' ');
    s.push_str(&match l {
        Lang::Nb => format!(
            "Fram til {} må {} personer rekrutteres, som krever {} utdanningsstillinger.",
            last.year,
            p(cum_r),
            p(cum_e)
        ),
        Lang::En => format!(
            "Up to {}, {} persons must be recruited, which takes {} education positions.",
            last.year,
            p(cum_r),
            p(cum_e)
        ),
    });
    s
}

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;

/// A "nice" step for about `n` ticks over `span`.
fn nice_step(span: f64, n: f64) -> f64 {
    let raw = (span / n).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Hand-drawn SVG line chart of need, supply and gap. Decorative for screen readers beyond its
/// title and description: the table below holds the same numbers.
fn chart(l: Lang, title: &str, desc: &str, years: &[YearRow]) -> impl IntoView {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return ().into_any();
    };
    let (y0, y1) = (first.year, last.year.max(first.year + 1));
    let mut lo: f64 = 0.0;
    let mut hi: f64 = 1.0;
    for r in years {
        for v in [Some(r.need), r.supply, r.gap].into_iter().flatten() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    let step = nice_step(hi - lo, 5.0);
    let lo = (lo / step).floor() * step;
    let hi = (hi / step).ceil() * step;
    let x = move |year: i32| LEFT + (W - LEFT - RIGHT) * f64::from(year - y0) / f64::from(y1 - y0);
    let y = move |v: f64| TOP + (H - TOP - BOTTOM) * (1.0 - (v - lo) / (hi - lo).max(1e-9));
    let path = |f: &dyn Fn(&YearRow) -> Option<f64>| -> String {
        years
            .iter()
            .filter_map(|r| f(r).map(|v| format!("{:.1},{:.1}", x(r.year), y(v))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let need = path(&|r| Some(r.need));
    let supply = path(&|r| r.supply);
    let gap = path(&|r| r.gap);
    let mut yticks = Vec::new();
    let mut v = lo;
    while v <= hi + step / 2.0 && yticks.len() < 12 {
        yticks.push(v);
        v += step;
    }
    let xstep = if y1 - y0 > 12 { 5 } else { 1 };
    let xticks: Vec<i32> = (y0..=y1)
        .filter(|yr| ((yr - y0) % xstep == 0 && y1 - yr > xstep / 2) || *yr == y1)
        .collect();
    let series = [
        ("need", l.t("Behov", "Need"), need),
        ("supply", l.t("Tilgang", "Supply"), supply),
        ("gap", l.t("Gap", "Gap"), gap),
    ];
    view! {
        <figure class="ms-chart">
            <svg
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-label=format!("{title}. {desc}")
                preserveAspectRatio="xMidYMid meet"
            >
                <title>{title.to_string()}</title>
                <desc>{desc.to_string()}</desc>
                <g class="ms-grid" aria-hidden="true">
                    {yticks
                        .iter()
                        .map(|&t| {
                            view! {
                                <line x1=LEFT.to_string() x2=(W - RIGHT).to_string() y1=format!("{:.1}", y(t)) y2=format!("{:.1}", y(t))
                                    class=if t == 0.0 { "ms-zero" } else { "" } />
                                <text x=(LEFT - 6.0).to_string() y=format!("{:.1}", y(t) + 4.0) text-anchor="end">{num(l, t, 0)}</text>
                            }
                        })
                        .collect_view()}
                    {xticks
                        .iter()
                        .map(|&yr| {
                            view! {
                                <text x=format!("{:.1}", x(yr)) y=(H - BOTTOM + 18.0).to_string() text-anchor="middle">{yr.to_string()}</text>
                            }
                        })
                        .collect_view()}
                </g>
                {series
                    .iter()
                    .filter(|(_, _, p)| !p.is_empty())
                    .map(|(k, _, p)| view! { <polyline class=format!("ms-line-{k}") points=p.clone() /> })
                    .collect_view()}
            </svg>
            <figcaption class="ms-chart-legend">
                {series
                    .iter()
                    .filter(|(_, _, p)| !p.is_empty())
                    .map(|(k, label, _)| {
                        view! {
                            <span class=format!("ms-key ms-key-{k}")>
                                <svg viewBox="0 0 24 8" width="24" height="8" aria-hidden="true">
                                    <line x1="0" y1="4" x2="24" y2="4" class=format!("ms-line-{k}") />
                                </svg>
                                {label.to_string()}
                            </span>
                        }
                    })
                    .collect_view()}
            </figcaption>
        </figure>
    }
    .into_any()
}

/// The editable group table.
#[component]
fn GroupEditor(lang: RwSignal<Lang>, input: RwSignal<StaffInput>, prefix: String) -> impl IntoView {
    let l = move || lang.get();
    let prefix = StoredValue::new(prefix);
    let keys = move || {
        input.with(|s| {
            s.rows
                .iter()
                .map(|r| (r.key, r.points.len()))
                .collect::<Vec<_>>()
        })
    };
    let edit = move |key: u32, f: Box<dyn FnOnce(&mut GroupRow)>| {
        input.update(|s| {
            if let Some(r) = s.rows.iter_mut().find(|r| r.key == key) {
                f(r);
            }
        })
    };
    let read = move |key: u32, f: fn(&GroupRow) -> String| {
        input.with(|s| {
            s.rows
                .iter()
                .find(|r| r.key == key)
                .map(f)
                .unwrap_or_default()
        })
    };
    view! {
        <div class="ms-matrix-wrap ms-group-editor" role="region" tabindex="0" aria-label=move || l().t("Grupper", "Groups")>
            <table class="ms-table">
                <thead>
                    <tr>
                        <th scope="col">{move || l().t("Gruppe", "Group")}</th>
                        <th scope="col">{move || l().t("Basisår", "Base year")}</th>
                        <th scope="col">{move || l().t("Ansatte", "Staff")}</th>
                        <th scope="col">{move || l().t("Behov (år: antall)", "Need (year: count)")}</th>
                        <th scope="col"><span class="ms-sr">{move || l().t("Handlinger", "Actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=keys
                        key=|k| *k
                        children=move |(key, npoints)| {
                            let pid = move |s: &str| format!("{}-{key}-{s}", prefix.get_value());
                            let row_name = move || {
                                let n = read(key, |r| r.name.clone());
                                if n.trim().is_empty() { l().t("ny gruppe", "new group").to_string() } else { n }
                            };
                            view! {
                                <tr data-row=key.to_string()>
                                    <td>
                                        <input
                                            id=pid("name")
                                            type="text"
                                            class="ms-in-name"
                                            aria-label=move || l().t("Gruppe", "Group")
                                            prop:value=move || read(key, |r| r.name.clone())
                                            on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| r.name = v)) }
                                        />
                                    </td>
                                    <td>
                                        <input
                                            type="text"
                                            inputmode="numeric"
                                            class="ms-in-year"
                                            aria-label=move || format!("{} – {}", l().t("Basisår", "Base year"), row_name())
                                            prop:value=move || read(key, |r| r.base_year.clone())
                                            on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| r.base_year = v)) }
                                        />
                                    </td>
                                    <td>
                                        <input
                                            type="text"
                                            inputmode="decimal"
                                            class="ms-in-num"
                                            aria-label=move || format!("{} – {}", l().t("Ansatte i basisåret", "Staff in the base year"), row_name())
                                            prop:value=move || read(key, |r| r.base.clone())
                                            on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| r.base = v)) }
                                        />
                                    </td>
                                    <td class="ms-points">
                                        {(0..npoints)
                                            .map(|i| {
                                                let year = move || input.with(|s| s.rows.iter().find(|r| r.key == key).and_then(|r| r.points.get(i)).map(|p| p.0.clone()).unwrap_or_default());
                                                let need = move || input.with(|s| s.rows.iter().find(|r| r.key == key).and_then(|r| r.points.get(i)).map(|p| p.1.clone()).unwrap_or_default());
                                                view! {
                                                    <span class="ms-point">
                                                        <input
                                                            type="text"
                                                            inputmode="numeric"
                                                            class="ms-in-year"
                                                            aria-label=move || format!("{} {} – {}", l().t("Behovsår", "Need year"), i + 1, row_name())
                                                            prop:value=year
                                                            on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| if let Some(p) = r.points.get_mut(i) { p.0 = v })) }
                                                        />
                                                        <span aria-hidden="true">":"</span>
                                                        <input
                                                            type="text"
                                                            inputmode="decimal"
                                                            class="ms-in-num"
                                                            aria-label=move || format!("{} {} – {}", l().t("Behov", "Need"), i + 1, row_name())
                                                            prop:value=need
                                                            on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| if let Some(p) = r.points.get_mut(i) { p.1 = v })) }
                                                        />
                                                    </span>
                                                }
                                            })
                                            .collect_view()}
                                        <button
                                            type="button"
                                            class="ms-button ms-small"
                                            aria-label=move || format!("{} – {}", l().t("Legg til behovsår", "Add a need year"), row_name())
                                            on:click=move |_| edit(key, Box::new(|r| r.points.push((String::new(), String::new()))))
                                        >
                                            "+"
                                        </button>
                                    </td>
                                    <td>
                                        <button
                                            type="button"
                                            class="ms-button ms-small"
                                            aria-label=move || format!("{} {}", l().t("Fjern", "Remove"), row_name())
                                            on:click=move |_| input.update(|s| s.rows.retain(|r| r.key != key))
                                        >
                                            {move || l().t("Fjern", "Remove")}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
        </div>
        <button type="button" class="ms-button ms-small" on:click=move |_| input.update(|s| s.add_row())>
            {move || l().t("Legg til gruppe", "Add a group")}
        </button>
    }
}
