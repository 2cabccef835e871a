//! One document's results: overview counts and exports, the filters, the targets and findings
//! lists and the detail panel beside them.

use std::sync::Arc;

use leptos::prelude::*;

use super::detail::detail_panel;
use super::documents::{doc_meta, doc_title};
use super::export::{download, pretty_json, stem};
use super::findings::{checked_section, findings_section};
use super::tables::{Figures, Tables};
use super::targets::targets_section;
use super::{Doc, Mode, Ui};
use crate::model::{Format, Indicator};
use crate::report::{DocumentReport, Report};
use crate::web::csvmap_view::CsvMap;
use crate::web::fmt;
use crate::web::i18n::*;

#[component]
pub(super) fn Results(ui: Ui, doc: Doc) -> impl IntoView {
    let l = move || ui.lang.get();
    let doc = StoredValue::new(doc);
    let r = move || doc.with_value(|d| d.report.get());
    let title_id = ui.id("results-title");
    let title_id2 = title_id.clone();
    // The entities of the report's verdicts, again when a typed target joins them.
    let entities = Memo::new(move |_| entities_of(&r()));
    let first = doc.with_value(|d| d.report.get_untracked());
    let (title, meta) = (doc_title(&first), doc_meta(ui.lang.get_untracked(), &first));
    let file = (first.name != title).then(|| first.name.clone());
    let (y, m, day) = doc.with_value(|d| d.checked);
    let print_title = title.clone();
    view! {
        <section class="ms-results" aria-labelledby=title_id2 data-results=r().name.clone()>
            <h2 id=title_id tabindex="-1" class="ms-results-title">
                <span class="ms-eyebrow">{move || l().t("Resultater for", "Results for")}</span>
                " "
                <span data-results-title="">{title}</span>
            </h2>
            // Shown only on paper: what was checked, when, and by which version.
            <p class="ms-print-head" data-print-head="">
                {move || match l() {
                    Lang::Nb => format!("{print_title} · sjekket {day:02}.{m:02}.{y} med Meldingssjekk {}", env!("CARGO_PKG_VERSION")),
                    Lang::En => format!("{print_title} · checked {y}-{m:02}-{day:02} with Meldingssjekk {}", env!("CARGO_PKG_VERSION")),
                }}
            </p>
            {(meta.is_some() || file.is_some()).then(|| view! {
                <p class="ms-results-meta">
                    {meta.map(|m| view! { <span data-results-meta="">{m}</span> })}
                    {file.map(|f| view! { <span class="ms-doc-file">{f}</span> })}
                </p>
            })}
            {overview(ui, doc)}
            {filters(ui, doc, entities)}
            <div class="ms-main" class:ms-main-wide=move || ui.mode.get() == Mode::Matrix>
                <div class="ms-lists">
                    {targets_section(ui, doc, entities)}
                    {findings_section(ui, doc)}
                    {checked_section(ui, doc)}
                    {doc.with_value(|d| {
                        (first.format == Format::Csv)
                            .then(|| first.tables.first().cloned())
                            .flatten()
                            .map(|t| view! { <CsvMap lang=ui.lang table=Arc::new(t) report=d.report.clone() prefix=ui.prefix.get_value() /> })
                    })}
                    <Tables ui=ui doc=doc />
                    <Figures ui=ui doc=doc />
                    {doc.with_value(|d| view! {
                        <crate::web::applications::Applications lang=ui.lang report=first.clone() />
                        <crate::web::letter::LetterPanel lang=ui.lang report=first.clone() text=Arc::new(d.lines.join("\n")) />
                    })}
                </div>
                {detail_panel(ui, doc)}
            </div>
        </section>
    }
}

/// The overview: targets by status, findings by severity, and the downloads.
fn overview(ui: Ui, doc: StoredValue<Doc>) -> impl IntoView {
    let l = move || ui.lang.get();
    let r = move || doc.with_value(|d| d.report.get());
    let export = move |what: &'static str| {
        let rep = r();
        let s = stem(&rep.name);
        match what {
            "verdicts" => download(
                &format!("{s}-maal.csv"),
                "text/csv;charset=utf-8",
                &fmt::verdicts_csv(&rep),
            ),
            "findings" => download(
                &format!("{s}-funn.csv"),
                "text/csv;charset=utf-8",
                &fmt::findings_csv(&rep),
            ),
            _ => {
                let report = Report::new(vec![(*rep).clone()]);
                let json = pretty_json(&report);
                download(
                    &format!("{s}-meldingssjekk.json"),
                    "application/json",
                    &json,
                );
            }
        }
    };

    view! {
    <div class="ms-overview">
        <div class="ms-overview-group">
            <h3 class="ms-h-small">
                {move || format!("{} ({})", l().t("Mål etter status", "Targets by status"), r().indicators.len())}
            </h3>
            {move || {
                let rep = r();
                count_list(
                    STATUSES
                        .iter()
                        .map(|s| Count {
                            class: format!("ms-count ms-status-{} ds-tag", status_key(*s)),
                            color: status_color(*s),
                            status: Some(status_key(*s)),
                            severity: None,
                            icon: status_icon(*s),
                            label: status_text(l(), *s),
                            n: rep.indicators.iter().filter(|i| i.status == *s).count(),
                        })
                        .collect(),
                )
            }}
        </div>
        <div class="ms-overview-group">
            <h3 class="ms-h-small">
                {move || format!("{} ({})", l().t("Funn etter alvorlighet", "Findings by severity"), r().findings.len())}
            </h3>
            {move || {
                let rep = r();
                count_list(
                    SEVERITIES
                        .iter()
                        .map(|s| Count {
                            class: format!("ms-count ms-sev-{} ds-tag", severity_key(*s)),
                            color: severity_color(*s),
                            status: None,
                            severity: Some(severity_key(*s)),
                            icon: severity_icon(*s),
                            label: severity_text(l(), *s),
                            n: rep.findings.iter().filter(|f| f.severity == *s).count(),
                        })
                        .collect(),
                )
            }}
        </div>
        <div class="ms-overview-group ms-export" role="group" aria-label=move || l().t("Eksport", "Export")>
            <h3 class="ms-h-small">{move || l().t("Last ned", "Download")}</h3>
            <div class="ms-export-buttons">
                <button type="button" class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm" data-export="verdicts" on:click=move |_| export("verdicts")>
                    {move || l().t("Vurderinger (CSV)", "Verdicts (CSV)")}
                </button>
                <button type="button" class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm" data-export="findings" on:click=move |_| export("findings")>
                    {move || l().t("Funn (CSV)", "Findings (CSV)")}
                </button>
                <button type="button" class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm" data-export="json" on:click=move |_| export("json")>
                    {move || l().t("Alt (JSON)", "Everything (JSON)")}
                </button>
            </div>
        </div>
    </div>
    }
}

/// The filters (status, entity, finding type, search) and the list/matrix switch; while an entity
/// is chosen, the note that the status is that entity's verdict.
fn filters(ui: Ui, doc: StoredValue<Doc>, entities: Memo<Vec<String>>) -> impl IntoView {
    let l = move || ui.lang.get();
    let r = move || doc.with_value(|d| d.report.get());
    let sel = |ui: Ui, id: &str| ui.id(id);
    let refilter = move || announce_counts(ui, &r());
    let status_note = ui.id("f-status-note");
    let status_note2 = status_note.clone();
    view! {
    <div class="ms-filters" data-size="sm" role="search" aria-label=move || l().t("Filtrer resultatene", "Filter the results")>
        <div class="ms-field ds-field">
            <label class="ds-label" for=sel(ui, "f-status")>{move || l().t("Status", "Status")}</label>
            <select
                class="ds-input"
                id=sel(ui, "f-status")
                prop:value=move || ui.f_status.get()
                aria-describedby=move || (!ui.f_entity.get().is_empty()).then(|| status_note.clone())
                on:change=move |ev| {
                    ui.f_status.set(event_target_value(&ev));
                    refilter();
                }
            >
                <option value="">{move || l().t("Alle", "All")}</option>
                {move || {
                    STATUSES
                        .iter()
                        .map(|s| {
                            view! {
                                <option value=status_key(*s)>{status_text(l(), *s)}</option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
        <div class="ms-field ds-field">
            <label class="ds-label" for=sel(ui, "f-entity")>{move || l().t("Virksomhet", "Entity")}</label>
            <select
                class="ds-input"
                id=sel(ui, "f-entity")
                prop:value=move || ui.f_entity.get()
                on:change=move |ev| {
                    ui.f_entity.set(event_target_value(&ev));
                    refilter();
                }
            >
                <option value="">{move || l().t("Alle", "All")}</option>
                {move || entities
                    .get()
                    .into_iter()
                    .map(|e| view! { <option value=e.clone()>{e.clone()}</option> })
                    .collect_view()}
            </select>
        </div>
        <div class="ms-field ds-field">
            <label class="ds-label" for=sel(ui, "f-kind")>{move || l().t("Type funn", "Finding type")}</label>
            <select
                class="ds-input"
                id=sel(ui, "f-kind")
                prop:value=move || ui.f_kind.get()
                on:change=move |ev| {
                    ui.f_kind.set(event_target_value(&ev));
                    refilter();
                }
            >
                <option value="">{move || l().t("Alle", "All")}</option>
                {move || {
                    KINDS
                        .iter()
                        .map(|k| view! { <option value=k.as_str()>{kind_text(l(), *k)}</option> })
                        .collect_view()
                }}
            </select>
        </div>
        <div class="ms-field ms-grow ds-field">
            <label class="ds-label" for=sel(ui, "search")>{move || l().t("Søk", "Search")}</label>
            <input
                class="ds-input"
                id=sel(ui, "search")
                type="search"
                prop:value=move || ui.search.get()
                on:input=move |ev| {
                    ui.search.set(event_target_value(&ev));
                    refilter();
                }
            />
        </div>
        <div class="ms-field" role="group" aria-label=move || l().t("Visning", "View")>
            <span class="ms-label" aria-hidden="true">{move || l().t("Visning", "View")}</span>
            <div class="ms-seg">
                <button
                    type="button"
                    class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                    aria-pressed=move || (ui.mode.get() == Mode::List).to_string()
                    on:click=move |_| ui.mode.set(Mode::List)
                >
                    {move || l().t("Liste", "List")}
                </button>
                <button
                    type="button"
                    class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                    aria-pressed=move || (ui.mode.get() == Mode::Matrix).to_string()
                    on:click=move |_| ui.mode.set(Mode::Matrix)
                >
                    {move || l().t("Matrise", "Matrix")}
                </button>
            </div>
        </div>
    </div>
    {move || {
        let ent = ui.f_entity.get();
        (!ent.is_empty()).then(|| {
            let text = match l() {
                Lang::Nb => format!("Status gjelder vurderingen av {ent}, ikke målets samlede status."),
                Lang::En => format!("Status means the verdict on {ent}, not the target's overall status."),
            };
            view! { <p id=status_note2.clone() class="ms-hint ms-filter-note" data-filter-note="">{text}</p> }
        })
    }}
    }
}

/// Entities in order of first appearance among the verdicts.
fn entities_of(r: &DocumentReport) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for ind in &r.indicators {
        for v in &ind.verdicts {
            if !out.iter().any(|e| e == &v.entity) {
                out.push(v.entity.clone());
            }
        }
    }
    out
}

fn matches_search(q: &str, fields: &[&str]) -> bool {
    q.is_empty() || fields.iter().any(|f| f.to_lowercase().contains(q))
}

/// The status filter `st` and the entity filter `ent` on one target: with an entity chosen, the
/// status is that entity's own verdict (any of its verdicts, when it has one per area), not the
/// target's overall status.
fn status_matches(st: &str, ent: &str, ind: &Indicator) -> bool {
    if ent.is_empty() {
        return st.is_empty() || status_key(ind.status) == st;
    }
    ind.verdicts.iter().any(|v| {
        v.entity == ent && (st.is_empty() || status_key(verdict_as_status(v.status)) == st)
    })
}

pub(super) fn visible_indicators(ui: Ui, r: &DocumentReport) -> Vec<usize> {
    let st = ui.f_status.get();
    let ent = ui.f_entity.get();
    let q = ui.search.get().trim().to_lowercase();
    r.indicators
        .iter()
        .enumerate()
        .filter(|(_, ind)| status_matches(&st, &ent, ind))
        .filter(|(_, ind)| {
            let mut fields = vec![ind.text.as_str(), ind.measure.as_str()];
            fields.extend(ind.verdicts.iter().map(|v| v.entity.as_str()));
            if let Some(s) = &ind.target.subject {
                fields.push(s.as_str());
            }
            matches_search(&q, &fields)
        })
        .map(|(i, _)| i)
        .collect()
}

pub(super) fn visible_findings(ui: Ui, r: &DocumentReport) -> Vec<usize> {
    let kind = ui.f_kind.get();
    let q = ui.search.get().trim().to_lowercase();
    r.findings
        .iter()
        .enumerate()
        .filter(|(_, f)| kind.is_empty() || f.kind.as_str() == kind)
        .filter(|(_, f)| matches_search(&q, &[f.message.as_str()]))
        .map(|(i, _)| i)
        .collect()
}

/// Says how many targets and findings the filters now show (for screen readers; the headings
/// show the same counts).
fn announce_counts(ui: Ui, r: &DocumentReport) {
    let l = ui.lang.get_untracked();
    let targets = untrack(|| visible_indicators(ui, r).len());
    let findings = untrack(|| visible_findings(ui, r).len());
    let (all_t, all_f) = (r.indicators.len(), r.findings.len());
    let ent = ui.f_entity.get_untracked();
    let mut msg = match l {
        Lang::Nb => format!("Viser {targets} av {all_t} mål og {findings} av {all_f} funn."),
        Lang::En => {
            format!("Showing {targets} of {all_t} targets and {findings} of {all_f} findings.")
        }
    };
    if !ent.is_empty() && !ui.f_status.get_untracked().is_empty() {
        msg.push_str(&match l {
            Lang::Nb => format!(" Status etter vurderingen av {ent}."),
            Lang::En => format!(" Status by the verdict on {ent}."),
        });
    }
    ui.announce.set(msg);
}

/// One line of an overview count list: "✓ Innfridd: 12".
struct Count {
    class: String,
    /// Its Designsystemet colour (`data-color`).
    color: &'static str,
    /// `data-count-status` / `data-count-severity` (for automation): what is counted.
    status: Option<&'static str>,
    severity: Option<&'static str>,
    icon: &'static str,
    label: &'static str,
    n: usize,
}

/// The overview's count lists (targets by status, findings by severity): one view for both.
fn count_list(counts: Vec<Count>) -> impl IntoView {
    view! {
        <ul class="ms-counts">
            {counts
                .into_iter()
                .map(|c| {
                    view! {
                        <li
                            class=c.class
                            data-color=c.color
                            data-count-status=c.status
                            data-count-severity=c.severity
                        >
                            <span aria-hidden="true">{c.icon}</span>
                            {format!(" {}: ", c.label)}
                            <strong>{c.n.to_string()}</strong>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
