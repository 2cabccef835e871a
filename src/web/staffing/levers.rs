//! The levers: each control's range and starting value in the units shown, the engine's
//! `Levers` from their settings, and the sentence on what one lever alone saves.

use leptos::prelude::*;

use super::projection::persons;
use crate::staffing::{parse_typed as parse, LeverEffect, Levers, Projection, TypedError};
use crate::web::fmt::num;
use crate::web::i18n::Lang;

/// One lever control: its range in the units shown (percent, years, positions).
pub(super) struct LeverDef {
    pub(super) key: &'static str,
    nb: &'static str,
    en: &'static str,
    min: f64,
    max: f64,
    step: f64,
    initial: f64,
    /// The engine's `LeverEffect::lever` whose saving is shown under this control.
    saving: Option<&'static str>,
}
pub(super) const HORIZON: usize = 0;
const TURNOVER: usize = 1;
const FTE_FROM: usize = 2;
const FTE_TO: usize = 3;
const SICK_FROM: usize = 4;
const SICK_TO: usize = 5;
const TASK: usize = 6;
const PROD: usize = 7;
const COMPLETION: usize = 8;
const EDUCATION: usize = 9;

pub(super) const LEVERS: [LeverDef; 10] = [
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

pub(super) fn levers_of(v: &[f64; 10]) -> Levers {
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

pub(super) fn saving_text(l: Lang, e: &LeverEffect, horizon: i32) -> String {
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

/// One lever: its slider and number field (a typed value that is no number or out of range is
/// shown with why, and not used), and what the lever alone saves by the horizon.
pub(super) fn lever_control(
    lang: RwSignal<Lang>,
    d: &'static LeverDef,
    sig: RwSignal<f64>,
    rid: String,
    projection: Memo<Result<Projection, String>>,
    horizon: RwSignal<f64>,
) -> impl IntoView {
    let l = move || lang.get();
    let horizon = move || horizon.get().round() as i32;
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
            <label class="ds-label" for=rid.clone()>{move || l().t(d.nb, d.en)}</label>
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
                    class="ms-lever-num ds-input"
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
                view! { <p class="ms-error ds-validation-message" data-color="danger" id=eid.clone() data-lever-error="">{text}</p> }
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
}
