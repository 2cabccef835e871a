//! The intake: file button and drop zone, the busy note with "Avbryt", pasted text and the
//! examples; and the refused files' messages.

use leptos::prelude::*;

use super::actions::{add_input_later, cancel, new_batch, read_files};
use super::Ui;
use crate::web::examples::{title, Example};
use crate::web::i18n::*;

#[component]
pub(super) fn Intake(ui: Ui, examples: Vec<Example>) -> impl IntoView {
    let l = move || ui.lang.get();
    let dragging = RwSignal::new(false);
    let paste = RwSignal::new(String::new());
    let file_id = ui.id("file");
    let paste_id = ui.id("paste");
    let intake_title = ui.id("intake-title");
    let intake_title2 = intake_title.clone();
    let drop_hint = ui.id("drop-hint");
    let more_id = ui.id("intake-more");
    let more_id2 = more_id.clone();
    // With documents open the intake is a slim bar: the file button stays, the rest folds.
    let slim = move || ui.docs.with(|d| !d.is_empty()) && !ui.intake_open.get();
    let analyse_paste = move |_| {
        let text = paste.get_untracked();
        let name = ui
            .lang
            .get_untracked()
            .t("innlimt-tekst.txt", "pasted-text.txt");
        new_batch(ui);
        add_input_later(ui, name.to_string(), text.into_bytes());
    };
    view! {
        <section class="ms-intake" class:ms-intake-slim=slim aria-labelledby=intake_title2>
            <h2 id=intake_title class="ms-sr">
                {move || l().t("Velg rapport", "Choose a report")}
            </h2>
            <div
                class="ms-drop"
                class:ms-dragging=move || dragging.get()
                on:dragover=move |ev| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev| {
                    ev.prevent_default();
                    ev.stop_propagation();
                    dragging.set(false);
                    if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
                        read_files(ui, files);
                    }
                }
            >
                <input
                    id=file_id.clone()
                    class="ms-file"
                    type="file"
                    multiple=true
                    aria-describedby=drop_hint.clone()
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(files) = input.files() {
                            read_files(ui, files);
                        }
                        input.set_value("");
                    }
                />
                <label for=file_id class="ms-drop-label">
                    <span class="ms-drop-icon" aria-hidden="true">"⇪"</span>
                    <span class="ms-drop-title">
                        {move || {
                            if slim() {
                                l().t("Legg til filer", "Add files")
                            } else {
                                l().t("Velg filer", "Choose files")
                            }
                        }}
                    </span>
                    <span class="ms-drop-or">
                        {move || l().t("eller slipp dem her", "or drop them here")}
                    </span>
                </label>
                <p id=drop_hint class="ms-hint">
                    {move || {
                        l().t(
                            "Tekst (.txt), tabell (.csv), PDF, Word (.docx), Excel (.xlsx) eller ODS. Filene leses bare i nettleseren.",
                            "Text (.txt), table (.csv), PDF, Word (.docx), Excel (.xlsx) or ODS. Files are only read in your browser.",
                        )
                    }}
                </p>
            </div>
            {busy_note(ui)}
            <Show when=move || ui.docs.with(|d| !d.is_empty())>
                <button
                    type="button"
                    class="ms-button ms-small ms-intake-more ds-button" data-variant="secondary" data-size="sm"
                    aria-expanded=move || (!slim()).to_string()
                    aria-controls=more_id2.clone()
                    on:click=move |_| ui.intake_open.update(|o| *o = !*o)
                >
                    {move || l().t("Lim inn tekst eller prøv et eksempel", "Paste text or try an example")}
                </button>
            </Show>
            <div id=more_id class="ms-intake-rest" class:ms-hidden=slim>
            <div class="ms-paste">
                <label class="ds-label" for=paste_id.clone()>
                    {move || l().t("Eller lim inn tekst", "Or paste text")}
                </label>
                <textarea
                    class="ds-input"
                    id=paste_id
                    rows="5"
                    spellcheck="false"
                    prop:value=move || paste.get()
                    on:input=move |ev| paste.set(event_target_value(&ev))
                ></textarea>
                <button type="button" class="ms-button ms-primary ds-button" data-variant="primary" on:click=analyse_paste>
                    {move || l().t("Analyser", "Analyse")}
                </button>
            </div>
            {examples_list(ui, examples)}
            </div>
        </section>
    }
}

/// The note shown while an input is analysed: progress (pages of a PDF) and "Avbryt".
fn busy_note(ui: Ui) -> impl IntoView {
    let l = move || ui.lang.get();
    view! {
    <div class="ms-busy ds-alert" data-color="info" data-size="sm" data-busy="" class:ms-hidden=move || ui.busy.with(|b| b.is_none())>
        <progress
            aria-label=move || l().t("Analyserer", "Analysing")
            max=move || ui.pages.get().map(|(_, total)| total.max(1).to_string())
            value=move || ui.pages.get().map(|(done, _)| done.to_string())
        ></progress>
        <span data-pages=move || ui.pages.get().map(|(done, total)| format!("{done}/{total}"))>
            {move || {
                let pages = ui
                    .pages
                    .get()
                    .map(|(done, total)| match l() {
                        Lang::Nb => format!(" (side {done} av {total})"),
                        Lang::En => format!(" (page {done} of {total})"),
                    })
                    .unwrap_or_default();
                ui.busy
                    .get()
                    .map(|n| format!("{} {n} …{pages}", l().t("Analyserer", "Analysing")))
            }}
        </span>
        <button type="button" class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm" data-cancel="" on:click=move |_| cancel(ui)>
            {move || l().t("Avbryt", "Cancel")}
        </button>
    </div>
    }
}

/// "Prøv med eksempel": one button per example given to `mount`; nothing without examples.
fn examples_list(ui: Ui, examples: Vec<Example>) -> impl IntoView {
    let l = move || ui.lang.get();
    let examples_title = ui.id("examples-title");
    let examples_title2 = examples_title.clone();
    (!examples.is_empty())
        .then(|| {
            view! {
                <div class="ms-examples" role="group" aria-labelledby=examples_title2>
                    <h2 id=examples_title class="ms-h-small">
                        {move || l().t("Prøv med eksempel", "Try an example")}
                    </h2>
                    <ul>
                        {examples
                            .into_iter()
                            .enumerate()
                            .map(|(i, ex)| {
                                let t = title(&ex.text);
                                let ex = StoredValue::new(ex);
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="ms-example ds-card"
                                            data-example=ex.with_value(|e| e.file.clone())
                                            on:click=move |_| {
                                                let (file, bytes) = ex
                                                    .with_value(|e| (e.file.clone(), e.text.as_bytes().to_vec()));
                                                new_batch(ui);
                                                add_input_later(ui, file, bytes)
                                            }
                                        >
                                            <span class="ms-example-n">
                                                {move || {
                                                    format!("{} {}", l().t("Eksempel", "Example"), i + 1)
                                                }}
                                            </span>
                                            <span class="ms-example-title">{t}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
}

#[component]
pub(super) fn Refused(ui: Ui) -> impl IntoView {
    let l = move || ui.lang.get();
    view! {
        <Show when=move || ui.refused.with(|r| !r.is_empty())>
            <section class="ms-refused" aria-label=move || l().t("Avviste filer", "Refused files")>
                <ul>
                    {move || {
                        ui.refused
                            .get()
                            .into_iter()
                            .map(|r| {
                                let id = r.id;
                                let refused_name = r.name.clone();
                                view! {
                                    <li class="ms-refusal ds-alert" data-color="danger" data-size="sm" data-refused=refused_name>
                                        <span class="ms-refusal-icon" aria-hidden="true">
                                            "⚠"
                                        </span>
                                        <span class="ms-refusal-text">{r.message.clone()}</span>
                                        <button
                                            type="button"
                                            class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                                            aria-label=move || {
                                                format!(
                                                    "{} {}",
                                                    l().t("Lukk meldingen om", "Dismiss the message about"),
                                                    r.name,
                                                )
                                            }
                                            on:click=move |_| {
                                                ui.refused.update(|v| v.retain(|x| x.id != id))
                                            }
                                        >
                                            {move || l().t("Lukk", "Dismiss")}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
