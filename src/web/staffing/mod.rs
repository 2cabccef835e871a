//! The "Bemanning" (staffing) view: groups from a report's staffing table, a CSV file or typed
//! in; levers as sliders and number fields; the engine's projection (`crate::staffing::project`)
//! as tables, hand-drawn SVG line charts and sentences. Nothing of the model is computed here.
//!
//! Files: `levers.rs` (the levers' ranges and starting values), `projection.rs` (the projection as
//! tables and sentences), `chart.rs` (the SVG chart), `editor.rs` (the group table).

mod chart;
mod editor;
mod levers;
mod projection;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::Lang;
use crate::staffing::{parse_typed as parse, parse_year};
use crate::staffing::{Group, NeedPoint, Projection};
use editor::GroupEditor;
pub use levers::{initial_levers, LeverValues};
use levers::{lever_control, levers_of, HORIZON, LEVERS};
use projection::{model_text, projection_view};

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
            <details class="ds-details ms-model">
                <summary>{move || l().t("Slik regner modellen", "How the model works")}</summary>
                {move || model_text(l())}
            </details>
            <div class="ms-staff-input">
                <h3>{move || l().t("Grupper", "Groups")}</h3>
                <GroupEditor lang=lang input=input prefix=id("g") />
                <div class="ms-field ds-field">
                    <label class="ds-label" for=csv_id.clone()>
                        {move || l().t("Eller last inn en CSV-fil", "Or load a CSV file")}
                    </label>
                    <input id=csv_id type="file" accept=".csv,.txt,text/csv" on:change=load_csv />
                    <p class="ms-hint">
                        {move || l().t(
                            "Langt format: gruppe;basisår;ansatte;år;behov – eller bredt: gruppe;2023;2030;2040 (første årskolonne er ansatte i dag).",
                            "Long layout: gruppe;basisår;ansatte;år;behov – or wide: gruppe;2023;2030;2040 (the first year column is staff today).",
                        )}
                    </p>
                    {move || csv_error.get().map(|e| view! { <p class="ms-error ds-alert" data-color="danger" role="alert">{e}</p> })}
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
                            let rid = id(&format!("lever-{}", d.key));
                            lever_control(lang, d, values[i], rid, projection, values[HORIZON])
                        })
                        .collect_view()}
                </fieldset>
                {projection_view(lang, projection, chosen, pick_id)}
            </div>
        </section>
    }
}
