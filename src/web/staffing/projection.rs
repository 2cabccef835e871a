//! The projection shown: how the model works, the overview per group at the horizon, and one
//! group's (or the totals') chart, summary sentence and year table.

use leptos::prelude::*;

use super::chart::chart;
use crate::staffing::{Projection, YearRow};
use crate::web::fmt::num;
use crate::web::i18n::Lang;

pub(super) fn persons(l: Lang, v: f64) -> String {
    num(l, v, 0)
}

pub(super) fn model_text(l: Lang) -> impl IntoView {
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
pub(super) fn overview(l: Lang, p: &Projection) -> impl IntoView {
    let h = p.parameters.horizon;
    let caption = match l {
        Lang::Nb => format!("Per gruppe i {h}"),
        Lang::En => format!("Per group in {h}"),
    };
    let last = |ys: &[YearRow]| ys.last().copied();
    view! {
        <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=caption.clone()>
            <table data-size="sm" class="ds-table ms-table ms-staff-overview">
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
pub(super) fn series_view(
    l: Lang,
    name: &str,
    years: &[YearRow],
    cum_r: f64,
    cum_e: f64,
) -> impl IntoView {
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
                <table data-size="sm" class="ds-table ms-table ms-years">
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

/// The projection beside the levers: the overview, the group picker and the chosen group's (or
/// all groups') series; or why there is none.
pub(super) fn projection_view(
    lang: RwSignal<Lang>,
    projection: Memo<Result<Projection, String>>,
    chosen: RwSignal<String>,
    pick_id: String,
) -> impl IntoView {
    let l = move || lang.get();
    view! {
        <div class="ms-staff-out" aria-live="polite">
        {move || match projection.get() {
            Err(e) => view! { <p class="ms-error ds-alert" data-color="danger" data-staffing-error="">{e}</p> }.into_any(),
            Ok(p) => {
                let lang = l();
                let pick_id = pick_id.clone();
                view! {
                    {overview(lang, &p)}
                    <div class="ms-field ms-pick ds-field">
                        <label class="ds-label" for=pick_id.clone()>{lang.t("Vis gruppe", "Show group")}</label>
                        <select
                            class="ds-input"
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
    }
}
