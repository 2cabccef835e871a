//! The document's tables and every figure the engine read, folded below the lists.

use leptos::prelude::*;

use super::targets::line_ref;
use super::{Doc, Ui};
use crate::web::fmt::num;

#[component]
pub(super) fn Tables(ui: Ui, doc: StoredValue<Doc>) -> impl IntoView {
    const MAX_ROWS: usize = 200;
    let l = move || ui.lang.get();
    let tables = doc.with_value(|d| d.report.with_untracked(|r| r.tables.clone()));
    if tables.is_empty() {
        return ().into_any();
    }
    let count = tables.len();
    view! {
        <details class="ds-details ms-tables">
            <summary>{move || format!("{} ({count})", l().t("Tabeller", "Tables"))}</summary>
            {tables
                .into_iter()
                .map(|t| {
                    let caption = t
                        .caption
                        .clone()
                        .unwrap_or_else(|| line_ref(ui.lang.get_untracked(), t.line, t.end_line));
                    let more = t.rows.len().saturating_sub(MAX_ROWS);
                    view! {
                        <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=caption.clone()>
                            <table data-size="sm" class="ds-table ms-table">
                                <caption>{caption.clone()}</caption>
                                <thead>
                                    <tr>{t.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                                </thead>
                                <tbody>
                                    {t
                                        .rows
                                        .iter()
                                        .take(MAX_ROWS)
                                        .map(|row| view! {
                                            <tr>{row.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            {(more > 0).then(|| view! {
                                <p class="ms-hint">{format!("… {more} {}", ui.lang.get_untracked().t("rader til", "more rows"))}</p>
                            })}
                        </div>
                    }
                })
                .collect_view()}
        </details>
    }
    .into_any()
}

#[component]
pub(super) fn Figures(ui: Ui, doc: StoredValue<Doc>) -> impl IntoView {
    const MAX_ROWS: usize = 500;
    let l = move || ui.lang.get();
    let count = doc.with_value(|d| d.report.with_untracked(|r| r.figures.len()));
    if count == 0 {
        return ().into_any();
    }
    let open = RwSignal::new(false);
    view! {
        <details class="ds-details ms-figures" on:toggle=move |ev| {
            let el: web_sys::HtmlDetailsElement = event_target(&ev);
            open.set(el.open());
        }>
            <summary>{move || format!("{} ({count})", l().t("Alle tall i dokumentet", "All figures in the document"))}</summary>
            {move || open.get().then(|| {
                let lang = l();
                let r = doc.with_value(|d| d.report.get_untracked());
                view! {
                    <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=lang.t("Alle tall", "All figures")>
                        <table data-size="sm" class="ds-table ms-table">
                            <thead>
                                <tr>
                                    <th scope="col">{lang.t("Linje", "Line")}</th>
                                    <th scope="col">{lang.t("Som skrevet", "As written")}</th>
                                    <th scope="col">{lang.t("Verdi", "Value")}</th>
                                    <th scope="col">{lang.t("Enhet", "Unit")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {r.figures.iter().take(MAX_ROWS).map(|f| view! {
                                    <tr>
                                        <td>{f.line.to_string()}</td>
                                        <td>{f.text.clone()}</td>
                                        <td class="ms-num">{num(lang, f.value, 3)}</td>
                                        <td>{f.unit.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {(count > MAX_ROWS).then(|| view! {
                            <p class="ms-hint">{format!("… {} {}", count - MAX_ROWS, lang.t("tall til", "more figures"))}</p>
                        })}
                    </div>
                }
            })}
        </details>
    }
    .into_any()
}
