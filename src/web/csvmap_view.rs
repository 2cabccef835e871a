//! The mapping step for a CSV document: which column is the entity, the year, the measure and
//! the values (guessed by `crate::csvmap::guess_mapping`, corrected here), then a target in plain
//! words judged per entity by `crate::csvmap::assess` on the measure its words name (or the one
//! the user picks when the file holds several), and put among the document's targets by
//! `crate::csvmap::add_target`, so it is listed and exported like any other.

use std::sync::Arc;

use leptos::prelude::*;

use super::fmt::num;
use super::i18n::*;
use crate::csvmap::{add_target, assess, guess_mapping, header_year, value_columns, with_layout};
use crate::model::{Indicator, Table};
use crate::report::DocumentReport;

fn col_label(t: &Table, c: usize) -> String {
    match t.header.get(c).map(|h| h.trim()).filter(|h| !h.is_empty()) {
        Some(h) => format!("{} ({})", h, c + 1),
        None => format!("{}", c + 1),
    }
}

fn ncols(t: &Table) -> usize {
    t.header
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
}

/// Year columns in the header: the wide layout's candidates.
fn wide_columns(t: &Table) -> Vec<(usize, i32)> {
    (0..ncols(t))
        .filter_map(|c| {
            header_year(t.header.get(c).map(String::as_str).unwrap_or("")).map(|y| (c, y))
        })
        .collect()
}

#[component]
pub fn CsvMap(
    lang: RwSignal<Lang>,
    table: Arc<Table>,
    /// The document's report: a judged target is added to its targets.
    report: ArcRwSignal<Arc<DocumentReport>>,
    prefix: String,
) -> impl IntoView {
    let l = move || lang.get();
    let t = StoredValue::new(table);
    let guess = t.with_value(|t| guess_mapping(t));
    let mapping = RwSignal::new(guess);
    let target = RwSignal::new(String::new());
    // The measure the user picked when the file holds several and the words name none.
    let chosen: RwSignal<Option<String>> = RwSignal::new(None);
    // The text of the last target added to the document's targets.
    let added: RwSignal<Option<String>> = RwSignal::new(None);
    let prefix = StoredValue::new(prefix);
    let id = move |s: &str| format!("{}map-{s}", prefix.get_value());
    let cols = t.with_value(|t| {
        (0..ncols(t))
            .map(|c| (c, col_label(t, c)))
            .collect::<Vec<_>>()
    });
    let cols = StoredValue::new(cols);
    let wide_cols = StoredValue::new(t.with_value(|t| wide_columns(t)));
    let long = move || mapping.with(|m| m.year.is_some());
    let result = Memo::new(move |_| {
        let text = target.get();
        if text.trim().is_empty() {
            return None;
        }
        let m = mapping.get();
        let pick = chosen.get();
        Some(t.with_value(|t| assess(t, &m, &text, pick.as_deref())))
    });

    let set_layout = move |v: String| {
        mapping.update(|m| *m = t.with_value(|t| with_layout(t, m, v == "long")));
    };
    let options = move |selected: Option<usize>, none: bool| {
        let lang = l();
        let mut out = Vec::new();
        if none {
            out.push(view! { <option value="" selected=selected.is_none()>{lang.t("(ingen)", "(none)")}</option> }.into_any());
        }
        cols.with_value(|cs| {
            for (c, label) in cs {
                out.push(view! { <option value=c.to_string() selected=selected == Some(*c)>{label.clone()}</option> }.into_any());
            }
        });
        out
    };
    let parse_col = |v: String| v.parse::<usize>().ok();
    // The long layout's value columns: one, or every column of figures ("all").
    let set_values = move |v: String| {
        mapping.update(|m| {
            m.values = match parse_col(v) {
                Some(c) => vec![(c, None)],
                None => t.with_value(|t| value_columns(t, m)),
            }
        })
    };
    let report = StoredValue::new(report);
    let add = move |ind: Indicator| {
        let text = ind.text.clone();
        report.with_value(|rep| rep.update(|r| *r = Arc::new(add_target(r, ind))));
        added.set(Some(text));
    };

    let title = id("title");
    let title2 = title.clone();
    view! {
        <section class="ms-csvmap" aria-labelledby=title2 data-view="csvmap">
            <h3 id=title>{move || l().t("Koble kolonnene og sjekk et mål", "Map the columns and check a target")}</h3>
            <p class="ms-hint">
                {move || l().t(
                    "Kolonnene er gjettet. Rett opp om noe er feil, og skriv så målet med egne ord.",
                    "The columns are guessed. Correct what is wrong, then write the target in your own words.",
                )}
            </p>
            <div class="ms-map-fields" data-size="sm">
                <div class="ms-field ds-field">
                    <label class="ds-label" for=id("entity")>{move || l().t("Virksomhet", "Entity")}</label>
                    <select class="ds-input" id=id("entity") data-map="entity"
                        on:change=move |ev| if let Some(c) = parse_col(event_target_value(&ev)) { mapping.update(|m| m.entity = c) }>
                        {move || options(Some(mapping.with(|m| m.entity)), false)}
                    </select>
                </div>
                <div class="ms-field ds-field">
                    <label class="ds-label" for=id("measure")>{move || l().t("Måler (valgfri)", "Measure (optional)")}</label>
                    <select class="ds-input" id=id("measure") data-map="measure"
                        on:change=move |ev| { let c = parse_col(event_target_value(&ev)); mapping.update(|m| m.measure = c) }>
                        {move || options(mapping.with(|m| m.measure), true)}
                    </select>
                </div>
                <div class="ms-field ds-field">
                    <label class="ds-label" for=id("layout")>{move || l().t("Oppsett", "Layout")}</label>
                    <select class="ds-input" id=id("layout") data-map="layout" on:change=move |ev| set_layout(event_target_value(&ev))>
                        <option value="wide" selected=move || !long()>{move || l().t("Bredt: én kolonne per år", "Wide: one column per year")}</option>
                        <option value="long" selected=long>{move || l().t("Langt: en årskolonne og en verdikolonne", "Long: a year column and a value column")}</option>
                    </select>
                </div>
                {move || {
                    if long() {
                        view! {
                            <div class="ms-field ds-field">
                                <label class="ds-label" for=id("year")>{l().t("År", "Year")}</label>
                                <select class="ds-input" id=id("year") data-map="year"
                                    on:change=move |ev| { let c = parse_col(event_target_value(&ev)); if c.is_some() { mapping.update(|m| m.year = c) } }>
                                    {options(mapping.with_untracked(|m| m.year), false)}
                                </select>
                            </div>
                            <div class="ms-field ds-field">
                                <label class="ds-label" for=id("value")>{l().t("Verdi", "Value")}</label>
                                <select class="ds-input" id=id("value") data-map="value"
                                    on:change=move |ev| set_values(event_target_value(&ev))>
                                    {
                                        let (one, many) = mapping.with_untracked(|m| (m.values.first().map(|v| v.0), m.values.len() > 1));
                                        let mut o = vec![view! { <option value="all" selected=many>{l().t("(alle tallkolonnene)", "(every column of figures)")}</option> }.into_any()];
                                        o.extend(options(one.filter(|_| !many), false));
                                        o
                                    }
                                </select>
                            </div>
                        }
                            .into_any()
                    } else {
                        let lang = l();
                        view! {
                            <fieldset class="ms-field ms-yearcols" data-map="values">
                                <legend>{lang.t("Årskolonner med verdier", "Year columns with values")}</legend>
                                {wide_cols
                                    .get_value()
                                    .into_iter()
                                    .map(|(c, y)| {
                                        let label = cols.with_value(|cs| cs.get(c).map(|x| x.1.clone()).unwrap_or_default());
                                        let cid = id(&format!("col-{c}"));
                                        view! {
                                            <span class="ms-check">
                                                <input
                                                    type="checkbox"
                                                    id=cid.clone()
                                                    prop:checked=move || mapping.with(|m| m.values.iter().any(|v| v.0 == c))
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        mapping.update(|m| {
                                                            m.values.retain(|v| v.0 != c);
                                                            if on {
                                                                m.values.push((c, Some(y)));
                                                                crate::sorting::sort(&mut m.values);
                                                            }
                                                        })
                                                    }
                                                />
                                                <label for=cid>{label}</label>
                                            </span>
                                        }
                                    })
                                    .collect_view()}
                                {wide_cols.with_value(|w| w.is_empty()).then(|| view! {
                                    <p class="ms-hint">{lang.t("Ingen kolonner har et årstall i overskriften; velg langt oppsett.", "No column has a year in its header; choose the long layout.")}</p>
                                })}
                            </fieldset>
                        }
                            .into_any()
                    }
                }}
            </div>
            <div class="ms-field ms-grow ds-field">
                <label class="ds-label" for=id("target")>{move || l().t("Målet med egne ord", "The target in your own words")}</label>
                <input
                    class="ds-input"
                    id=id("target")
                    type="text"
                    data-map="target"
                    placeholder=move || l().t("f.eks. skal reduseres med 20 % sammenlignet med 2023", "e.g. skal reduseres med 20 % sammenlignet med 2023")
                    prop:value=move || target.get()
                    on:input=move |ev| {
                        target.set(event_target_value(&ev));
                        added.set(None);
                    }
                />
            </div>
            <div class="ms-map-result" aria-live="polite">
                {move || match result.get() {
                    None => ().into_any(),
                    Some(Err(e)) => view! { <p class="ms-error ds-alert" data-color="danger" data-map-error="">{e.message(l() == Lang::En)}</p> }.into_any(),
                    Some(Ok(typed)) => {
                        let lang = l();
                        let which = (!typed.candidates.is_empty()).then(|| view! {
                            <div class="ms-field ds-field">
                                <label class="ds-label" for=id("which")>{lang.t("Filen har flere måltall. Hvilket gjelder målet?", "The file holds several measures. Which one is the target about?")}</label>
                                <select class="ds-input" id=id("which") data-map="which"
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        chosen.set((!v.is_empty()).then_some(v));
                                    }>
                                    <option value="" selected=typed.indicator.is_none()>{lang.t("(velg)", "(choose)")}</option>
                                    {typed.candidates.iter().map(|c| {
                                        let on = typed.indicator.as_ref().is_some_and(|i| &i.measure == c);
                                        view! { <option value=c.clone() selected=on>{c.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                        });
                        let judged = typed.indicator.map(|ind| {
                            let done = added.get().is_some_and(|a| a == ind.text);
                            let list = verdict_list(lang, &ind);
                            view! {
                                {list}
                                {if done {
                                    view! { <p class="ms-hint" data-map-added="">{lang.t("Lagt til i målene og i eksportene.", "Added to the targets and the exports.")}</p> }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="ms-button ds-button" data-variant="primary" data-size="sm" data-map="add" on:click=move |_| add(ind.clone())>
                                            {lang.t("Legg til i målene", "Add to the targets")}
                                        </button>
                                    }.into_any()
                                }}
                            }
                        });
                        view! { {which} {judged} }.into_any()
                    }
                }}
            </div>
        </section>
    }
}

fn verdict_list(l: Lang, ind: &Indicator) -> impl IntoView {
    let unit = ind.target.unit;
    view! {
        <p class="ms-spec" data-map-target="">
            <span class="ms-k">{l.t("Tolket som: ", "Read as: ")}</span>
            <span data-map-measure="">{ind.measure.clone()}</span>
            ", "
            {super::app::target_desc(l, &ind.target)}
            " – "
            {super::app::status_badge(l, ind.status)}
        </p>
        <ul class="ms-verdicts">
            {ind
                .verdicts
                .iter()
                .map(|v| {
                    let s = verdict_as_status(v.status);
                    let mut text = v.entity.clone();
                    if let Some(sub) = &v.subject {
                        text.push_str(&format!(" ({sub})"));
                    }
                    text.push_str(": ");
                    text.push_str(status_text(l, s));
                    if let Some(x) = v.value {
                        text.push_str(&format!(", {}", super::app::value_with_unit(l, x, unit)));
                        if let Some(y) = v.year {
                            text.push_str(&format!(" ({y})"));
                        }
                    }
                    if let Some(b) = v.baseline_value {
                        text.push_str(&format!("; {} {}", l.t("utgangsnivå", "baseline"), num(l, b, 2)));
                    }
                    view! {
                        <li class=format!("ms-verdict ms-status-{} ds-tag", status_key(s)) data-color=status_color(s) data-entity=v.entity.clone() data-status=status_key(s)>
                            <span aria-hidden="true">{status_icon(s)}</span>
                            {format!(" {text}")}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
