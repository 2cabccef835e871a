//! The list of open documents: one card each with the report's title, owner and year, the file's
//! facts and its actions.

use leptos::prelude::*;

use super::actions::open_staffing;
use super::{Doc, Ui};
use crate::model::Format;
use crate::report::DocumentReport;
use crate::web::i18n::*;

#[component]
pub(super) fn Documents(ui: Ui) -> impl IntoView {
    let l = move || ui.lang.get();
    let title_id = ui.id("docs-title");
    view! {
        <Show when=move || ui.docs.with(|d| !d.is_empty())>
            <section class="ms-docs" aria-labelledby=title_id.clone()>
                <div class="ms-docs-head">
                    <h2 id=title_id.clone()>
                        {move || format!("{} ({})", l().t("Dokumenter", "Documents"), ui.docs.with(|d| d.len()))}
                    </h2>
                    <button
                        type="button"
                        class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                        on:click=move |_| {
                            ui.docs.set(Vec::new());
                            ui.current.set(None);
                            ui.reset_view();
                        }
                    >
                        {move || l().t("Fjern alle", "Remove all")}
                    </button>
                </div>
                <ul class="ms-cards">
                    {move || ui.docs.get().into_iter().map(|d| doc_card(ui, d)).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Text => "tekst",
        Format::Csv => "CSV",
        Format::Pdf => "PDF",
        Format::Docx => "Word (DOCX)",
        Format::Xlsx => "Excel (XLSX)",
        Format::Ods => "ODS",
    }
}

/// What a document is called in the list and the results: the report's own title (from the
/// engine), else the file name; and its owner and year, when the engine found them.
pub(super) fn doc_title(r: &DocumentReport) -> String {
    r.title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| r.name.clone())
}

pub(super) fn doc_meta(l: Lang, r: &DocumentReport) -> Option<String> {
    // A report for part of its year says so: its figures are so far, not final.
    let year = r.year.map(|y| match r.period_months {
        Some(m @ 1..=11) => {
            let month = MONTHS
                .get(m as usize - 1)
                .map_or("", |(nb, en)| l.t(nb, en));
            format!("{}{month} {y}", l.t("januar–", "January–"))
        }
        _ => y.to_string(),
    });
    let parts: Vec<String> = r.owner.iter().cloned().chain(year).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

const MONTHS: [(&str, &str); 12] = [
    ("januar", "January"),
    ("februar", "February"),
    ("mars", "March"),
    ("april", "April"),
    ("mai", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("august", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("desember", "December"),
];

/// Shows document `id`'s results (from the list).
fn show_doc(ui: Ui, id: u32) {
    if ui.current.get_untracked() != Some(id) {
        ui.reset_view();
        ui.current.set(Some(id));
    }
}

/// One document in the list: the report's title, owner and year on the button that shows it,
/// the file's facts in one line, and its actions.
fn doc_card(ui: Ui, d: Doc) -> impl IntoView {
    let l = ui.lang.get();
    let id = d.id;
    let r = d.report.get_untracked();
    let is_current = move || ui.current.get() == Some(id);
    let title = doc_title(&r);
    let file = (title != r.name).then(|| r.name.clone());
    let full_title = title.clone();
    let name2 = r.name.clone();
    let staffing = r
        .tables
        .iter()
        .find_map(crate::staffing::groups_from_table)
        .map(|g| (r.name.clone(), g));
    let fact = |key: &'static str, value: String, label: &'static str| {
        view! {
            <span class="ms-fact">
                <span data-fact=key>{value}</span>
                {(!label.is_empty()).then(|| format!(" {label}"))}
            </span>
        }
    };
    view! {
        <li class="ms-card ds-card" class:ms-current=is_current data-doc=r.name.clone()>
            <button
                type="button"
                class="ms-doc-pick"
                aria-pressed=move || is_current().to_string()
                on:click=move |_| show_doc(ui, id)
            >
                <span class="ms-card-title" data-doc-title="" title=full_title>{title}</span>
                {doc_meta(l, &r).map(|m| view! { <span class="ms-doc-meta" data-doc-meta="">{m}</span> })}
                {file.map(|f| view! { <span class="ms-doc-file">{f}</span> })}
            </button>
            <p class="ms-facts">
                {fact("format", format_name(r.format).to_string(), "")}
                {fact("encoding", r.encoding.clone(), "")}
                {fact("lines", r.lines.to_string(), l.t("linjer", "lines"))}
                {fact("numbers", r.numbers.to_string(), l.t("tall", "figures"))}
                {fact("indicators", r.indicators.len().to_string(), l.t("mål", "targets"))}
                {fact("findings", r.findings.len().to_string(), l.t("funn", "findings"))}
            </p>
            <div class="ms-card-actions">
                {staffing.map(|(doc_name, groups)| {
                    let groups = StoredValue::new(groups);
                    let doc_name = StoredValue::new(doc_name);
                    view! {
                        <button
                            type="button"
                            class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                            data-staffing=doc_name.get_value()
                            aria-label=format!("{} – {}", l.t("Bemanning", "Staffing"), doc_name.get_value())
                            on:click=move |_| open_staffing(ui, doc_name.get_value(), groups.get_value())
                        >
                            {l.t("Bemanning", "Staffing")}
                        </button>
                    }
                })}
                <button
                    type="button"
                    class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                    aria-label=format!("{} {}", l.t("Fjern", "Remove"), name2)
                    on:click=move |_| {
                        ui.docs.update(|v| v.retain(|x| x.id != id));
                        if ui.current.get_untracked() == Some(id) {
                            ui.reset_view();
                            ui.current.set(ui.docs.with_untracked(|v| v.last().map(|x| x.id)));
                        }
                    }
                >
                    {l.t("Fjern", "Remove")}
                </button>
            </div>
        </li>
    }
}
