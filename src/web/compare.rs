//! "Sammenlign": targets several loaded documents share (the same measure in the same words,
//! ignoring case and punctuation, with the same comparator), with each document's verdict per
//! entity side by side. Only groups the engine's results; judges nothing.

use std::sync::Arc;

use leptos::prelude::*;

use super::i18n::*;
use crate::model::{Comparator, Indicator, Status};
use crate::report::DocumentReport;

/// Measure text for matching: lowercase words joined by single spaces.
fn norm(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A target shared by at least two documents: for each document its matching indicators.
pub struct Shared {
    pub measure: String,
    pub comparator: Comparator,
    pub per_doc: Vec<Vec<Indicator>>,
}

pub fn shared_targets(docs: &[Arc<DocumentReport>]) -> Vec<Shared> {
    let mut keys: Vec<(String, Comparator, String)> = Vec::new();
    for d in docs {
        for ind in &d.indicators {
            let k = norm(&ind.measure);
            if k.is_empty()
                || keys
                    .iter()
                    .any(|(a, b, _)| *a == k && *b == ind.target.comparator)
            {
                continue;
            }
            keys.push((k, ind.target.comparator, ind.measure.clone()));
        }
    }
    keys.into_iter()
        .filter_map(|(k, c, measure)| {
            let per_doc: Vec<Vec<Indicator>> = docs
                .iter()
                .map(|d| {
                    d.indicators
                        .iter()
                        .filter(|i| i.target.comparator == c && norm(&i.measure) == k)
                        .cloned()
                        .collect()
                })
                .collect();
            (per_doc.iter().filter(|v| !v.is_empty()).count() >= 2).then_some(Shared {
                measure,
                comparator: c,
                per_doc,
            })
        })
        .collect()
}

fn cell(l: Lang, s: Status, value: Option<String>) -> impl IntoView {
    view! {
        <span class=format!("ms-cell ms-status-{}", status_key(s)) data-status=status_key(s)>
            <span aria-hidden="true">{status_icon(s)}</span>
            {format!(" {}", status_text(l, s))}
            {value.map(|v| view! { <span class="ms-cell-val">{v}</span> })}
        </span>
    }
}

#[component]
pub fn Compare(
    lang: RwSignal<Lang>,
    docs: Signal<Vec<Arc<DocumentReport>>>,
    prefix: String,
) -> impl IntoView {
    let l = move || lang.get();
    let title = format!("{prefix}cmp-title");
    let title2 = title.clone();
    view! {
        <section class="ms-compare" aria-labelledby=title2 data-view="compare">
            <h2 id=title tabindex="-1">{move || l().t("Sammenlign dokumenter", "Compare documents")}</h2>
            {move || {
                let lang = l();
                let docs = docs.get();
                if docs.len() < 2 {
                    return view! {
                        <p class="ms-empty">{lang.t("Last inn minst to dokumenter for å sammenligne dem.", "Load at least two documents to compare them.")}</p>
                    }
                        .into_any();
                }
                let shared = shared_targets(&docs);
                let intro = match (lang, shared.is_empty()) {
                    (Lang::Nb, true) => format!("De {} dokumentene har ingen felles mål (samme måler og samme type mål).", docs.len()),
                    (Lang::En, true) => format!("The {} documents share no target (same measure, same kind of target).", docs.len()),
                    (Lang::Nb, false) => format!("{} mål finnes i minst to av de {} dokumentene (samme måler og samme type mål).", shared.len(), docs.len()),
                    (Lang::En, false) => format!("{} targets appear in at least two of the {} documents (same measure, same kind of target).", shared.len(), docs.len()),
                };
                view! {
                    <p class="ms-lead" data-shared-count=shared.len().to_string()>{intro}</p>
                    {shared
                        .iter()
                        .map(|s| shared_table(lang, &docs, s))
                        .collect_view()}
                }
                    .into_any()
            }}
        </section>
    }
}

fn shared_table(l: Lang, docs: &[Arc<DocumentReport>], s: &Shared) -> impl IntoView {
    // Entities in order of first appearance across the documents.
    let mut entities: Vec<String> = Vec::new();
    for inds in &s.per_doc {
        for ind in inds {
            for v in &ind.verdicts {
                if !entities.contains(&v.entity) {
                    entities.push(v.entity.clone());
                }
            }
        }
    }
    let caption = format!("{} – {}", s.measure, comparator_text(l, s.comparator));
    view! {
        <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=caption.clone() data-shared=s.measure.clone()>
            <table data-size="sm" class="ds-table ms-matrix ms-compare-table">
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{l.t("Virksomhet", "Entity")}</th>
                        {docs.iter().map(|d| view! { <th scope="col">{d.name.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <tr data-entity="">
                        <th scope="row">{l.t("Samlet (målet)", "Overall (the target)")}</th>
                        {s.per_doc
                            .iter()
                            .map(|inds| match inds.first() {
                                None => view! { <td class="ms-cell-none"><span aria-hidden="true">"–"</span><span class="ms-sr">{l.t("ikke i dokumentet", "not in the document")}</span></td> }.into_any(),
                                Some(ind) => view! {
                                    <td>
                                        {cell(l, ind.status, None)}
                                        <span class="ms-spec-small">{format!("{} – {}", super::app::target_desc(l, &ind.target), super::app::line_ref(l, ind.line, ind.end_line))}</span>
                                    </td>
                                }
                                .into_any(),
                            })
                            .collect_view()}
                    </tr>
                    {entities
                        .iter()
                        .map(|e| {
                            view! {
                                <tr data-entity=e.clone()>
                                    <th scope="row">{e.clone()}</th>
                                    {s.per_doc
                                        .iter()
                                        .map(|inds| {
                                            let vs: Vec<_> = inds
                                                .iter()
                                                .flat_map(|i| i.verdicts.iter().map(move |v| (i, v)))
                                                .filter(|(_, v)| &v.entity == e)
                                                .collect();
                                            if vs.is_empty() {
                                                return view! { <td class="ms-cell-none"><span aria-hidden="true">"–"</span><span class="ms-sr">{l.t("ingen vurdering", "no verdict")}</span></td> }.into_any();
                                            }
                                            view! {
                                                <td>
                                                    {vs.into_iter().map(|(i, v)| {
                                                        let val = v.value.map(|x| super::app::value_with_unit(l, x, i.target.unit));
                                                        cell(l, verdict_as_status(v.status), val)
                                                    }).collect_view()}
                                                </td>
                                            }
                                            .into_any()
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
