//! The Leptos app: intake (files, paste, examples), document cards, results, detail with source.
//! Everything shown comes from the engine's contract objects; report text is only ever rendered
//! as text nodes.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::compare::Compare;
use super::copy;
use super::csvmap_view::CsvMap;
use super::examples::{title, Example};
use super::fmt::{self, num};
use super::i18n::*;
use super::offload::Offload;
use super::staffing::{initial_levers, LeverValues, StaffInput, Staffing};
use crate::model::{Comparator, Finding, Format, Indicator, Status, Target, TargetUnit};
use crate::report::{DocumentReport, Report};

const LANG_KEY: &str = "meldingssjekk.lang";
/// Lines of context shown around each highlighted passage in the source view.
const CONTEXT: usize = 6;
/// Longest passage highlighted in full.
const MAX_SPAN: usize = 120;

#[derive(Clone)]
struct Doc {
    id: u32,
    report: Arc<DocumentReport>,
    lines: Arc<Vec<String>>,
    /// When it was checked (year, month, day), for the print header.
    checked: (u32, u32, u32),
}

#[derive(Clone)]
struct Refusal {
    id: u32,
    name: String,
    message: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Focus {
    Indicator(usize),
    Finding(usize),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    List,
    Matrix,
}

/// Which view fills the page below the menu.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Page {
    Check,
    Staffing,
    Compare,
}

#[derive(Clone, Copy)]
struct Ui {
    page: RwSignal<Page>,
    staff: RwSignal<StaffInput>,
    /// The staffing levers' settings (kept while the reviewer visits other views).
    levers: LeverValues,
    /// Bumped by "Avbryt": an analysis started under an older number is discarded.
    generation: StoredValue<u32>,
    /// Runs the engine (in a worker when there is one).
    offload: StoredValue<Offload, LocalStorage>,
    prefix: StoredValue<String>,
    next_id: StoredValue<u32>,
    lang: RwSignal<Lang>,
    docs: RwSignal<Vec<Doc>>,
    refused: RwSignal<Vec<Refusal>>,
    current: RwSignal<Option<u32>>,
    focus: RwSignal<Option<Focus>>,
    announce: RwSignal<String>,
    /// Name of the input being analysed, shown while the page works.
    busy: RwSignal<Option<String>>,
    /// Pages read so far and in all, while the PDF worker reads a PDF.
    pages: RwSignal<Option<(u32, u32)>>,
    f_status: RwSignal<String>,
    f_entity: RwSignal<String>,
    f_kind: RwSignal<String>,
    search: RwSignal<String>,
    mode: RwSignal<Mode>,
    /// The full intake (paste, examples) shown while documents are open; without documents it
    /// always is. A new result folds it to a slim bar.
    intake_open: RwSignal<bool>,
    /// Whether a result of the reviewer's last drop, pick, paste or example has been shown: the
    /// first one is, and takes focus; the rest of a batch join the list without moving the page.
    batch_shown: StoredValue<bool>,
    /// The control "Vis i teksten" was pressed on: Escape or "Tilbake" in the detail panel
    /// returns focus to it.
    back_to: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Ui {
    fn id(&self, s: &str) -> String {
        format!("{}{}", self.prefix.get_value(), s)
    }

    fn fresh_id(&self) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id.wrapping_add(1));
        id
    }

    fn current_doc(&self) -> Option<Doc> {
        let cur = self.current.get_untracked()?;
        self.docs
            .with_untracked(|d| d.iter().find(|x| x.id == cur).cloned())
    }

    fn reset_view(&self) {
        self.focus.set(None);
        self.f_status.set(String::new());
        self.f_entity.set(String::new());
        self.f_kind.set(String::new());
        self.search.set(String::new());
    }
}

/// Mounts the app into `el`. `preloaded` documents (a contract object with the text its line
/// numbers refer to) are shown at once, as if they had been analysed here.
pub fn mount_app(
    el: web_sys::HtmlElement,
    lang: Option<Lang>,
    preloaded: Vec<(DocumentReport, String)>,
    examples: Vec<Example>,
    worker: Option<String>,
    pdf_worker: Option<String>,
) {
    static MOUNTS: AtomicU32 = AtomicU32::new(0);
    let n = MOUNTS.fetch_add(1, Ordering::Relaxed);
    let initial = lang.or_else(stored_lang).unwrap_or(Lang::Nb);
    let prefix = format!("ms{n}-");
    super::letter::set_worker_url(worker.clone());
    leptos::mount::mount_to(el, move || {
        view! {
            <App
                lang=initial
                prefix=prefix
                preloaded=preloaded
                examples=examples
                worker=worker
                pdf_worker=pdf_worker
            />
        }
    })
    .forget();
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn stored_lang() -> Option<Lang> {
    Lang::from_code(&storage()?.get_item(LANG_KEY).ok()??)
}

/// How a result came: given to `mount` (shown, focus left alone) or from the reviewer's drop,
/// pick, paste or example (the first of a batch is shown and takes focus; the others are listed).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Arrival {
    Preloaded,
    User,
}

/// Starts a batch of the reviewer's inputs: its first result will be shown.
fn new_batch(ui: Ui) {
    ui.batch_shown.set_value(false);
}

/// Adds one analysed document (replacing an earlier one of the same name) to the list; selects
/// it when it is preloaded or the first of the reviewer's batch, and then folds the intake and
/// moves focus to its overview.
fn add_analysis(ui: Ui, report: DocumentReport, text: String, arrival: Arrival) {
    let l = ui.lang.get_untracked();
    let doc = crate::document::Document::new(text);
    let lines: Vec<String> = doc
        .lines
        .iter()
        .map(|x| doc.line_text(x.number).to_string())
        .collect();
    let msg = match l {
        Lang::Nb => format!(
            "{}: lest. {} mål, {} funn, {} tall.",
            report.name,
            report.indicators.len(),
            report.findings.len(),
            report.numbers
        ),
        Lang::En => format!(
            "{}: read. {} targets, {} findings, {} figures.",
            report.name,
            report.indicators.len(),
            report.findings.len(),
            report.numbers
        ),
    };
    let id = ui.fresh_id();
    let name = report.name.clone();
    let now = js_sys::Date::new_0();
    let d = Doc {
        id,
        report: Arc::new(report),
        lines: Arc::new(lines),
        checked: (now.get_full_year(), now.get_month() + 1, now.get_date()),
    };
    // A document shown now and analysed again is shown again.
    let replaces_shown = ui.current_doc().is_some_and(|c| c.report.name == name);
    ui.docs.update(|v| {
        v.retain(|x| x.report.name != name);
        v.push(d);
    });
    ui.refused.update(|r| r.retain(|x| x.name != name));
    let show = match arrival {
        Arrival::Preloaded => true,
        Arrival::User => {
            !ui.batch_shown.get_value() || ui.current.get_untracked().is_none() || replaces_shown
        }
    };
    if show {
        ui.reset_view();
        ui.current.set(Some(id));
        if arrival == Arrival::User {
            ui.batch_shown.set_value(true);
            ui.intake_open.set(false);
            focus_overview(ui);
        }
    }
    ui.announce.set(msg);
}

/// Moves focus and scroll to the shown document's overview heading once it is rendered.
fn focus_overview(ui: Ui) {
    let id = ui.id("results-title");
    request_animation_frame(move || {
        if let Some(h) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            h.scroll_into_view();
            let _ = h.focus();
        }
    });
}

/// Analyses in the worker (or, without one, on the main thread after the browser has painted
/// the "working" note and its cancel button), so large inputs show progress and the page stays
/// responsive. A result whose analysis was cancelled meanwhile is discarded.
fn add_input_later(ui: Ui, name: String, bytes: Vec<u8>) {
    let generation = ui.generation.get_value();
    ui.busy.set(Some(name.clone()));
    ui.page.set(Page::Check);
    let offload = ui.offload.get_value();
    let after = offload.clone();
    offload.run(name.clone(), bytes, move |result| {
        if ui.generation.get_value() != generation {
            return;
        }
        match result {
            Ok((report, text)) => add_analysis(ui, report, text, Arrival::User),
            Err(message) => refuse(ui, &name, message),
        }
        // Inputs still in the worker keep the note up.
        ui.busy.set(after.pending_name());
    });
}

/// Stops the analysis under way: the worker is terminated (a fresh one takes later inputs); on
/// the main-thread fallback its result, if it comes, is not shown.
fn cancel(ui: Ui) {
    ui.generation.update_value(|g| *g = g.wrapping_add(1));
    ui.offload.with_value(|o| o.cancel());
    let l = ui.lang.get_untracked();
    if let Some(name) = ui.busy.get_untracked() {
        ui.announce.set(match l {
            Lang::Nb => format!("Analysen av {name} er avbrutt."),
            Lang::En => format!("The analysis of {name} was cancelled."),
        });
    }
    ui.busy.set(None);
}

/// Opens the staffing view with `groups` from the document `name`.
fn open_staffing(ui: Ui, name: String, groups: Vec<crate::staffing::Group>) {
    ui.staff.set(StaffInput::from_groups(Some(name), &groups));
    go(ui, Page::Staffing);
}

/// Shows `page` and moves focus to its heading.
fn go(ui: Ui, page: Page) {
    ui.page.set(page);
    let target = match page {
        Page::Check => None,
        Page::Staffing => Some(ui.id("st-title")),
        Page::Compare => Some(ui.id("cmp-title")),
    };
    if let Some(id) = target {
        request_animation_frame(move || {
            if let Some(h) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = h.focus();
            }
        });
    }
}

fn refuse(ui: Ui, name: &str, message: String) {
    let id = ui.fresh_id();
    ui.refused.update(|r| {
        r.retain(|x| x.name != name);
        r.push(Refusal {
            id,
            name: name.to_string(),
            message: message.clone(),
        });
    });
    ui.announce.set(message);
}

fn read_files(ui: Ui, files: web_sys::FileList) {
    let list: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    new_batch(ui);
    spawn_local(async move {
        for f in list {
            let name = f.name();
            let size = f.size();
            if size > crate::intake::MAX_INPUT_BYTES as f64 {
                let e = crate::intake::IntakeError::TooLarge {
                    name: name.clone(),
                    bytes: size as usize,
                };
                refuse(ui, &name, e.to_string());
                continue;
            }
            let generation = ui.generation.get_value();
            ui.busy.set(Some(name.clone()));
            let read = super::read_file(&f).await;
            if ui.generation.get_value() != generation {
                // Cancelled while reading: drop this file and the rest of the batch.
                break;
            }
            match read {
                Ok(bytes) => add_input_later(ui, name, bytes),
                Err(e) => {
                    ui.busy.set(None);
                    refuse(
                        ui,
                        &name,
                        format!("{name}: kunne ikke lese filen (could not read the file): {e}"),
                    )
                }
            }
        }
    });
}

fn select(ui: Ui, f: Focus) {
    ui.focus.set(Some(f));
    let from = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    ui.back_to.set_value(from);
    let source = ui.id("source");
    request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        scroll_source(&doc, &source);
        if let Some(s) = doc
            .get_element_by_id(&source)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = s.focus();
        }
    });
}

/// Returns focus from the detail panel to the control that opened it (or, when that is gone
/// after a filter change, to the results heading).
fn back(ui: Ui) {
    let to = ui
        .back_to
        .with_value(|b| b.clone())
        .filter(|e| e.is_connected())
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&ui.id("results-title")))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        });
    if let Some(e) = to {
        let _ = e.focus();
    }
}

/// Focuses the element with the page-local id `id` (and scrolls to it).
fn focus_id(ui: Ui, id: &str) {
    if let Some(h) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&ui.id(id)))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        h.scroll_into_view();
        let _ = h.focus();
    }
}

/// Scrolls the source view so the first highlighted line sits near its top.
fn scroll_source(doc: &web_sys::Document, source_id: &str) {
    let Some(container) = doc
        .get_element_by_id(source_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let first = container
        .query_selector(".ms-hl")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(line) = first {
        container.set_scroll_top((line.offset_top() - 48).max(0));
    }
}

fn download(name: &str, mime: &str, content: &str) {
    download_bytes(name, mime, content.as_bytes());
}

/// Saves `bytes` as a file (a Blob URL on a hidden link), for every export of the page.
pub(crate) fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    let run = || -> Result<(), wasm_bindgen::JsValue> {
        let array = js_sys::Uint8Array::from(bytes);
        let parts = js_sys::Array::of1(&array);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        a.set_href(&url);
        a.set_download(name);
        a.set_class_name("ms-hidden");
        let body = document.body().ok_or("no body")?;
        body.append_child(&a)?;
        a.click();
        a.remove();
        set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(30),
        );
        Ok(())
    };
    if let Err(e) = run() {
        web_sys::console::error_2(&"Meldingssjekk: export failed".into(), &e);
    }
}

fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let s = match base.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => base,
    };
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[component]
fn App(
    lang: Lang,
    prefix: String,
    preloaded: Vec<(DocumentReport, String)>,
    examples: Vec<Example>,
    worker: Option<String>,
    pdf_worker: Option<String>,
) -> impl IntoView {
    let pages = RwSignal::new(None);
    let ui = Ui {
        offload: StoredValue::new_local(Offload::new(worker, pdf_worker, move |p| pages.set(p))),
        pages,
        page: RwSignal::new(Page::Check),
        staff: RwSignal::new(StaffInput::blank()),
        levers: initial_levers(),
        generation: StoredValue::new(0),
        prefix: StoredValue::new(prefix),
        next_id: StoredValue::new(1),
        lang: RwSignal::new(lang),
        docs: RwSignal::new(Vec::new()),
        refused: RwSignal::new(Vec::new()),
        current: RwSignal::new(None),
        focus: RwSignal::new(None),
        announce: RwSignal::new(String::new()),
        busy: RwSignal::new(None),
        f_status: RwSignal::new(String::new()),
        f_entity: RwSignal::new(String::new()),
        f_kind: RwSignal::new(String::new()),
        search: RwSignal::new(String::new()),
        mode: RwSignal::new(Mode::List),
        intake_open: RwSignal::new(false),
        batch_shown: StoredValue::new(true),
        back_to: StoredValue::new_local(None),
    };
    for (report, text) in preloaded {
        add_analysis(ui, report, text, Arrival::Preloaded);
    }
    let shown = Memo::new(move |_| ui.current.get());
    let l = move || ui.lang.get();
    let pick_lang = move |new: Lang| {
        ui.lang.set(new);
        // The live region speaks the new language too (a screen reader hears the switch).
        ui.announce.set(
            new.t("Språket er nå norsk.", "The language is now English.")
                .to_string(),
        );
        if let Some(s) = storage() {
            let _ = s.set_item(LANG_KEY, new.code());
        }
    };
    view! {
        // A file dropped anywhere on the app is read rather than opened by the browser.
        <div
            class="meldingssjekk"
            lang=move || l().code()
            on:dragover=move |ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
                    read_files(ui, files);
                }
            }
        >
            <Show when=move || shown.get().is_some() && ui.page.get() == Page::Check>
                <a
                    class="ms-skip"
                    href=format!("#{}", ui.id("results-title"))
                    on:click=move |ev| {
                        ev.prevent_default();
                        focus_id(ui, "results-title");
                    }
                >
                    {move || l().t("Hopp til resultatene", "Skip to the results")}
                </a>
            </Show>
            <header class="ms-header">
                <div class="ms-brand">
                    <h1>"Meldingssjekk"</h1>
                    <p class="ms-tagline">
                        {move || {
                            l().t(
                                "Sjekker mål, tall, vurderinger og regnestykker i årlige meldinger og andre rapporter. Alt skjer i nettleseren din – ingenting lastes opp.",
                                "Checks targets, figures, verdicts and arithmetic in annual reports and other reports. Everything happens in your browser – nothing is uploaded.",
                            )
                        }}
                    </p>
                </div>
                <div class="ms-lang" role="group" aria-label="Språk / Language">
                    <button
                        type="button"
                        class="ms-button ms-small"
                        lang="nb"
                        aria-pressed=move || (l() == Lang::Nb).to_string()
                        on:click=move |_| pick_lang(Lang::Nb)
                    >
                        "Norsk"
                    </button>
                    <button
                        type="button"
                        class="ms-button ms-small"
                        lang="en"
                        aria-pressed=move || (l() == Lang::En).to_string()
                        on:click=move |_| pick_lang(Lang::En)
                    >
                        "English"
                    </button>
                </div>
            </header>
            <nav class="ms-nav" aria-label=move || l().t("Visninger", "Views")>
                <button
                    type="button"
                    class="ms-button ms-tab"
                    data-page="check"
                    aria-current=move || (ui.page.get() == Page::Check).then_some("page")
                    on:click=move |_| go(ui, Page::Check)
                >
                    {move || l().t("Sjekk rapporter", "Check reports")}
                </button>
                <button
                    type="button"
                    class="ms-button ms-tab"
                    data-page="staffing"
                    aria-current=move || (ui.page.get() == Page::Staffing).then_some("page")
                    on:click=move |_| go(ui, Page::Staffing)
                >
                    {move || l().t("Bemanning", "Staffing")}
                </button>
                <Show when=move || ui.docs.with(|d| d.len() >= 2)>
                    <button
                        type="button"
                        class="ms-button ms-tab"
                        data-page="compare"
                        aria-current=move || (ui.page.get() == Page::Compare).then_some("page")
                        on:click=move |_| go(ui, Page::Compare)
                    >
                        {move || format!("{} ({})", l().t("Sammenlign", "Compare"), ui.docs.with(|d| d.len()))}
                    </button>
                </Show>
            </nav>
            <div class="ms-sr" role="status" aria-live="polite" aria-atomic="true">
                {move || ui.announce.get()}
            </div>
            <div class="ms-page" class:ms-hidden=move || ui.page.get() != Page::Check>
                <Intake ui=ui examples=examples />
                <Refused ui=ui />
                <Documents ui=ui />
                // Rendered again only when another document is shown, not when one joins the
                // list: focus, scroll and the detail panel stay where the reviewer left them.
                {move || {
                    shown
                        .get()
                        .and_then(|id| ui.docs.with_untracked(|d| d.iter().find(|x| x.id == id).cloned()))
                        .map(|d| view! { <Results ui=ui doc=d /> })
                }}
            </div>
            {move || match ui.page.get() {
                Page::Check => ().into_any(),
                Page::Staffing => view! { <Staffing lang=ui.lang input=ui.staff values=ui.levers prefix=ui.prefix.get_value() /> }.into_any(),
                Page::Compare => {
                    let docs = Signal::derive(move || ui.docs.with(|d| d.iter().map(|x| x.report.clone()).collect::<Vec<_>>()));
                    view! { <Compare lang=ui.lang docs=docs prefix=ui.prefix.get_value() /> }.into_any()
                }
            }}
        </div>
    }
}

#[component]
fn Intake(ui: Ui, examples: Vec<Example>) -> impl IntoView {
    let l = move || ui.lang.get();
    let dragging = RwSignal::new(false);
    let paste = RwSignal::new(String::new());
    let file_id = ui.id("file");
    let paste_id = ui.id("paste");
    let intake_title = ui.id("intake-title");
    let intake_title2 = intake_title.clone();
    let examples_title = ui.id("examples-title");
    let examples_title2 = examples_title.clone();
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
            <div class="ms-busy" data-busy="" class:ms-hidden=move || ui.busy.with(|b| b.is_none())>
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
                <button type="button" class="ms-button ms-small" data-cancel="" on:click=move |_| cancel(ui)>
                    {move || l().t("Avbryt", "Cancel")}
                </button>
            </div>
            <Show when=move || ui.docs.with(|d| !d.is_empty())>
                <button
                    type="button"
                    class="ms-button ms-small ms-intake-more"
                    aria-expanded=move || (!slim()).to_string()
                    aria-controls=more_id2.clone()
                    on:click=move |_| ui.intake_open.update(|o| *o = !*o)
                >
                    {move || l().t("Lim inn tekst eller prøv et eksempel", "Paste text or try an example")}
                </button>
            </Show>
            <div id=more_id class="ms-intake-rest" class:ms-hidden=slim>
            <div class="ms-paste">
                <label for=paste_id.clone()>
                    {move || l().t("Eller lim inn tekst", "Or paste text")}
                </label>
                <textarea
                    id=paste_id
                    rows="5"
                    spellcheck="false"
                    prop:value=move || paste.get()
                    on:input=move |ev| paste.set(event_target_value(&ev))
                ></textarea>
                <button type="button" class="ms-button ms-primary" on:click=analyse_paste>
                    {move || l().t("Analyser", "Analyse")}
                </button>
            </div>
            {(!examples.is_empty())
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
                                                    class="ms-button ms-example"
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
                })}
            </div>
        </section>
    }
}

#[component]
fn Refused(ui: Ui) -> impl IntoView {
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
                                    <li class="ms-refusal" data-refused=refused_name>
                                        <span class="ms-refusal-icon" aria-hidden="true">
                                            "⚠"
                                        </span>
                                        <span class="ms-refusal-text">{r.message.clone()}</span>
                                        <button
                                            type="button"
                                            class="ms-button ms-small"
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

#[component]
fn Documents(ui: Ui) -> impl IntoView {
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
                        class="ms-button ms-small"
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
fn doc_title(r: &DocumentReport) -> String {
    r.title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| r.name.clone())
}

fn doc_meta(l: Lang, r: &DocumentReport) -> Option<String> {
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
    let r = d.report.clone();
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
        <li class="ms-card" class:ms-current=is_current data-doc=r.name.clone()>
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
                            class="ms-button ms-small"
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
                    class="ms-button ms-small"
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

fn visible_indicators(ui: Ui, r: &DocumentReport) -> Vec<usize> {
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

fn visible_findings(ui: Ui, r: &DocumentReport) -> Vec<usize> {
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

#[component]
fn Results(ui: Ui, doc: Doc) -> impl IntoView {
    let l = move || ui.lang.get();
    let doc = StoredValue::new(doc);
    let r = move || doc.with_value(|d| d.report.clone());
    let title_id = ui.id("results-title");
    let title_id2 = title_id.clone();
    let entities = StoredValue::new(entities_of(&r()));
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
    let sel = |ui: Ui, id: &str| ui.id(id);
    let refilter = move || announce_counts(ui, &r());
    let status_note = ui.id("f-status-note");
    let status_note2 = status_note.clone();
    let (title, meta) = doc.with_value(|d| {
        (
            doc_title(&d.report),
            doc_meta(ui.lang.get_untracked(), &d.report),
        )
    });
    let file = doc.with_value(|d| (d.report.name != title).then(|| d.report.name.clone()));
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
                                    class: format!("ms-count ms-status-{}", status_key(*s)),
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
                                    class: format!("ms-count ms-sev-{}", severity_key(*s)),
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
                        <button type="button" class="ms-button ms-small" data-export="verdicts" on:click=move |_| export("verdicts")>
                            {move || l().t("Vurderinger (CSV)", "Verdicts (CSV)")}
                        </button>
                        <button type="button" class="ms-button ms-small" data-export="findings" on:click=move |_| export("findings")>
                            {move || l().t("Funn (CSV)", "Findings (CSV)")}
                        </button>
                        <button type="button" class="ms-button ms-small" data-export="json" on:click=move |_| export("json")>
                            {move || l().t("Alt (JSON)", "Everything (JSON)")}
                        </button>
                    </div>
                </div>
            </div>
            <div class="ms-filters" role="search" aria-label=move || l().t("Filtrer resultatene", "Filter the results")>
                <div class="ms-field">
                    <label for=sel(ui, "f-status")>{move || l().t("Status", "Status")}</label>
                    <select
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
                <div class="ms-field">
                    <label for=sel(ui, "f-entity")>{move || l().t("Virksomhet", "Entity")}</label>
                    <select
                        id=sel(ui, "f-entity")
                        prop:value=move || ui.f_entity.get()
                        on:change=move |ev| {
                            ui.f_entity.set(event_target_value(&ev));
                            refilter();
                        }
                    >
                        <option value="">{move || l().t("Alle", "All")}</option>
                        {entities
                            .get_value()
                            .into_iter()
                            .map(|e| view! { <option value=e.clone()>{e.clone()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="ms-field">
                    <label for=sel(ui, "f-kind")>{move || l().t("Type funn", "Finding type")}</label>
                    <select
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
                <div class="ms-field ms-grow">
                    <label for=sel(ui, "search")>{move || l().t("Søk", "Search")}</label>
                    <input
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
                            class="ms-button ms-small"
                            aria-pressed=move || (ui.mode.get() == Mode::List).to_string()
                            on:click=move |_| ui.mode.set(Mode::List)
                        >
                            {move || l().t("Liste", "List")}
                        </button>
                        <button
                            type="button"
                            class="ms-button ms-small"
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
            <div class="ms-main" class:ms-main-wide=move || ui.mode.get() == Mode::Matrix>
                <div class="ms-lists">
                    <section class="ms-targets" aria-labelledby=sel(ui, "targets-title")>
                        <h3 id=sel(ui, "targets-title")>
                            {move || {
                                let shown = visible_indicators(ui, &r()).len();
                                let all = r().indicators.len();
                                if shown == all {
                                    format!("{} ({all})", l().t("Mål", "Targets"))
                                } else {
                                    format!("{} ({shown} {} {all})", l().t("Mål", "Targets"), l().t("av", "of"))
                                }
                            }}
                        </h3>
                        {move || {
                            let rep = r();
                            let lang = l();
                            if rep.indicators.is_empty() {
                                return view! {
                                    <p class="ms-empty">
                                        {lang.t(
                                            "Fant ingen mål med måltall i dette dokumentet.",
                                            "No targets with figures were found in this document.",
                                        )}
                                    </p>
                                }
                                    .into_any();
                            }
                            let idx = visible_indicators(ui, &rep);
                            if idx.is_empty() {
                                return view! {
                                    <p class="ms-empty">
                                        {lang.t("Ingen mål passer til filteret.", "No targets match the filter.")}
                                    </p>
                                }
                                    .into_any();
                            }
                            let ent = ui.f_entity.get_untracked();
                            match ui.mode.get() {
                                Mode::List => view! {
                                    <ul class="ms-target-list">
                                        {idx
                                            .into_iter()
                                            .filter_map(|i| {
                                                rep.indicators.get(i).map(|ind| {
                                                    let at = rep
                                                        .origin(ind.line)
                                                        .and_then(|o| o.label(lang == Lang::En));
                                                    indicator_row(ui, lang, i, ind, at, &ent)
                                                })
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any(),
                                Mode::Matrix => matrix(ui, lang, &rep, &idx, &entities.get_value()).into_any(),
                            }
                        }}
                    </section>
                    <section class="ms-findings" aria-labelledby=sel(ui, "findings-title")>
                        <div class="ms-section-head">
                        <h3 id=sel(ui, "findings-title")>
                            {move || {
                                let shown = visible_findings(ui, &r()).len();
                                let all = r().findings.len();
                                if shown == all {
                                    format!("{} ({all})", l().t("Funn", "Findings"))
                                } else {
                                    format!("{} ({shown} {} {all})", l().t("Funn", "Findings"), l().t("av", "of"))
                                }
                            }}
                        </h3>
                        <Show when=move || !visible_findings(ui, &r()).is_empty()>
                            <button type="button" class="ms-button ms-small ms-copy" data-copy="letter" on:click=move |_| copy_letter(ui, &r())>
                                {move || l().t("Kopier som brevavsnitt", "Copy as a letter paragraph")}
                            </button>
                        </Show>
                        </div>
                        {move || {
                            let rep = r();
                            let lang = l();
                            let idx = visible_findings(ui, &rep);
                            if idx.is_empty() {
                                let msg = if rep.findings.is_empty() {
                                    lang.t("Ingen funn.", "No findings.")
                                } else {
                                    lang.t("Ingen funn passer til filteret.", "No findings match the filter.")
                                };
                                return view! { <p class="ms-empty">{msg}</p> }.into_any();
                            }
                            view! {
                                <ul class="ms-finding-list">
                                    {idx
                                        .into_iter()
                                        .filter_map(|i| rep.findings.get(i).map(|f| finding_row(ui, lang, i, f)))
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                    </section>
                    {doc.with_value(|d| {
                        (d.report.format == Format::Csv)
                            .then(|| d.report.tables.first().cloned())
                            .flatten()
                            .map(|t| view! { <CsvMap lang=ui.lang table=Arc::new(t) prefix=ui.prefix.get_value() /> })
                    })}
                    <Tables ui=ui doc=doc />
                    <Figures ui=ui doc=doc />
                    {doc.with_value(|d| view! {
                        <super::applications::Applications lang=ui.lang report=d.report.clone() />
                        <super::letter::LetterPanel lang=ui.lang report=d.report.clone() text=Arc::new(d.lines.join("\n")) />
                    })}
                </div>
                <aside
                    class="ms-detail"
                    aria-labelledby=sel(ui, "detail-title")
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" && ui.focus.get_untracked().is_some() {
                            ev.prevent_default();
                            back(ui);
                        }
                    }
                >
                    <div class="ms-section-head">
                        <h3 id=sel(ui, "detail-title") tabindex="-1">
                            {move || l().t("Detaljer", "Details")}
                        </h3>
                        <Show when=move || ui.focus.get().is_some()>
                            <button type="button" class="ms-button ms-small" data-back="" on:click=move |_| back(ui)>
                                {move || l().t("Tilbake", "Back")}
                            </button>
                        </Show>
                    </div>
                    {move || {
                        let lang = l();
                        match ui.focus.get() {
                            None => view! {
                                <p class="ms-empty">
                                    {lang.t(
                                        "Velg «Vis linje … i teksten» ved et mål eller et funn for å se det i rapportens tekst.",
                                        "Choose “Show line … in the text” on a target or a finding to see it in the report's text.",
                                    )}
                                </p>
                            }
                                .into_any(),
                            Some(f) => doc.with_value(|d| detail(ui, lang, d, f)).into_any(),
                        }
                    }}
                </aside>
            </div>
        </section>
    }
}

pub(super) fn value_with_unit(l: Lang, v: f64, unit: Option<TargetUnit>) -> String {
    let u = unit.map(|u| unit_text(l, u)).unwrap_or("");
    let n = num(l, v, 2);
    match u {
        "" => n,
        "%" => format!("{n}\u{a0}%"),
        u => format!("{n} {u}"),
    }
}

pub(super) fn target_desc(l: Lang, t: &Target) -> String {
    let mut s = requirement(l, t);
    if let Some(y) = t.target_year {
        s.push_str(&format!(" {} {y}", l.t("i", "in")));
    }
    if let Some(sub) = &t.subject {
        s.push_str(&format!(" ({sub})"));
    }
    if t.long_term {
        s.push_str(l.t(" – på sikt", " – long term"));
    }
    s
}

/// What the target requires, without its year: "minst 95 %", "økes på 15 % fra 2023".
fn requirement(l: Lang, t: &Target) -> String {
    let mut s = String::new();
    let comp = comparator_text(l, t.comparator);
    match t.comparator {
        Comparator::Qualitative => s.push_str(comp),
        Comparator::Increase | Comparator::Decrease => {
            s.push_str(comp);
            if let Some(p) = t.change_pct {
                s.push_str(&format!(" {} {}\u{a0}%", l.t("på", "of"), num(l, p, 2)));
            } else if let Some(v) = t.threshold {
                s.push_str(&format!(
                    " {} {}",
                    l.t("til", "to"),
                    value_with_unit(l, v, t.unit)
                ));
            }
            if let Some(y) = t.baseline_year {
                s.push_str(&format!(" {} {y}", l.t("fra", "from")));
            }
        }
        Comparator::NotAboveBaseline | Comparator::NotBelowBaseline => {
            s.push_str(comp);
            match t.baseline_year {
                Some(y) => s.push_str(&format!(" {} {y}", l.t("nivået i", "the level in"))),
                None => s.push_str(l.t(" utgangsnivået", " the baseline")),
            }
        }
        _ => {
            s.push_str(comp);
            if let Some(v) = t.threshold {
                s.push(' ');
                s.push_str(&value_with_unit(l, v, t.unit));
            }
        }
    }
    s
}

/// A signed figure: "+10,8", "−2".
fn signed(l: Lang, v: f64, dec: usize) -> String {
    let n = num(l, v, dec);
    if v > 0.0 && n.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("+{n}")
    } else {
        n
    }
}

/// Each entity's figures for one target, the numbers a reviewer checks by eye: value, baseline,
/// change (absolute and %, from `Verdict::change`), requirement, deadline and verdict.
fn verdict_table(l: Lang, i: usize, ind: &Indicator, ent: &str) -> impl IntoView {
    let t = &ind.target;
    let unit = t.unit;
    let req = requirement(l, t);
    let deadline = match (t.target_year, t.long_term) {
        (Some(y), true) => format!("{y} ({})", l.t("på sikt", "long term")),
        (Some(y), false) => y.to_string(),
        (None, true) => l.t("på sikt", "long term").to_string(),
        (None, false) => "–".to_string(),
    };
    let dash = || "–".to_string();
    let label = format!(
        "{} {}: {}",
        l.t("Tall per virksomhet, mål", "Figures per entity, target"),
        i + 1,
        if ind.measure.is_empty() {
            &ind.text
        } else {
            &ind.measure
        }
    );
    let heads = [
        l.t("Virksomhet", "Entity"),
        l.t("Verdi", "Value"),
        l.t("Utgangsnivå", "Baseline"),
        l.t("Endring", "Change"),
        l.t("Endring i %", "Change in %"),
        l.t("Krav", "Requirement"),
        l.t("Frist", "Deadline"),
        l.t("Vurdering", "Verdict"),
    ];
    view! {
        <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=label>
            <table class="ms-table ms-vtable">
                <thead>
                    <tr>{heads.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {ind
                        .verdicts
                        .iter()
                        .map(|v| {
                            let s = verdict_as_status(v.status);
                            let change = v.change();
                            let abs = change.and_then(|c| c.absolute).map(|a| match unit {
                                Some(TargetUnit::Percent) => {
                                    format!("{} {}", signed(l, a, 2), l.t("%-poeng", "pp"))
                                }
                                _ => {
                                    let mut x = value_with_unit(l, a.abs(), unit);
                                    if a < 0.0 { x.insert(0, '−') } else if a > 0.0 { x.insert(0, '+') }
                                    x
                                }
                            });
                            let pct = change.and_then(|c| {
                                let p = format!("{}\u{a0}%", signed(l, c.pct?, 1));
                                Some(if c.stated { format!("{p} ({})", l.t("oppgitt", "stated")) } else { p })
                            });
                            let mut name = v.entity.clone();
                            if let Some(sub) = &v.subject {
                                name.push_str(&format!(" ({sub})"));
                            }
                            let value = v.value.map(|x| {
                                let mut s = value_with_unit(l, x, unit);
                                if let Some(y) = v.year {
                                    s.push_str(&format!(" ({y})"));
                                }
                                s
                            });
                            let base = v.baseline_value.map(|b| {
                                let mut s = value_with_unit(l, b, unit);
                                if let Some(y) = t.baseline_year {
                                    s.push_str(&format!(" ({y})"));
                                }
                                s
                            });
                            view! {
                                <tr
                                    class=format!("ms-verdict ms-status-{}", status_key(s))
                                    class:ms-verdict-match=!ent.is_empty() && v.entity == ent
                                    data-entity=v.entity.clone()
                                    data-status=status_key(s)
                                >
                                    <th scope="row">{name}</th>
                                    <td class="ms-num" data-col="value">{value.unwrap_or_else(dash)}</td>
                                    <td class="ms-num" data-col="baseline">{base.unwrap_or_else(dash)}</td>
                                    <td class="ms-num" data-col="change">{abs.unwrap_or_else(dash)}</td>
                                    <td class="ms-num" data-col="change_pct">{pct.unwrap_or_else(dash)}</td>
                                    <td data-col="requirement">{req.clone()}</td>
                                    <td data-col="deadline">{deadline.clone()}</td>
                                    <td data-col="verdict">
                                        <span aria-hidden="true">{status_icon(s)}</span>
                                        {format!(" {}", status_text(l, s))}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

pub(super) fn status_badge(l: Lang, s: Status) -> impl IntoView {
    view! {
        <span class=format!("ms-status ms-status-{}", status_key(s))>
            <span aria-hidden="true">{status_icon(s)}</span>
            {format!(" {}", status_text(l, s))}
        </span>
    }
}

/// What a "show in the text" button opens: "Vis linje 2212 i teksten".
fn show_text(l: Lang, a: usize, b: usize) -> String {
    match l {
        Lang::Nb => format!("Vis {} i teksten", line_ref(l, a, b)),
        Lang::En => format!("Show {} in the text", line_ref(l, a, b)),
    }
}

pub(super) fn line_ref(l: Lang, a: usize, b: usize) -> String {
    if b > a {
        format!("{} {a}–{b}", l.t("linje", "lines"))
    } else {
        format!("{} {a}", l.t("linje", "line"))
    }
}

fn verdict_text(l: Lang, v: &crate::model::Verdict, unit: Option<TargetUnit>) -> String {
    let mut s = v.entity.clone();
    if let Some(sub) = &v.subject {
        s.push_str(&format!(" ({sub})"));
    }
    s.push_str(": ");
    s.push_str(status_text(l, verdict_as_status(v.status)));
    if let Some(x) = v.value {
        s.push_str(&format!(", {}", value_with_unit(l, x, unit)));
        if let Some(y) = v.year {
            s.push_str(&format!(" ({y})"));
        }
    }
    if let Some(b) = v.baseline_value {
        s.push_str(&format!(
            "; {} {}",
            l.t("utgangsnivå", "baseline"),
            value_with_unit(l, b, unit)
        ));
    }
    s
}

/// One target in the list; with an entity chosen in the filter (`ent`), its verdict is marked.
fn indicator_row(
    ui: Ui,
    l: Lang,
    i: usize,
    ind: &Indicator,
    at: Option<String>,
    ent: &str,
) -> impl IntoView {
    let measure = if ind.measure.is_empty() {
        l.t("Mål", "Target").to_string()
    } else {
        ind.measure.clone()
    };
    view! {
        <li
            class="ms-target"
            class:ms-selected=move || ui.focus.get() == Some(Focus::Indicator(i))
            data-indicator-line=ind.line.to_string()
            data-status=status_key(ind.status)
        >
            <div class="ms-row-head">
                {status_badge(l, ind.status)}
                <span class="ms-measure">{measure}</span>
                <span class="ms-lineref">{line_ref(l, ind.line, ind.end_line)}</span>
                {at.map(|a| { let shown = a.clone(); view! { <span class="ms-lineref ms-at" data-at=a>{shown}</span> } })}
            </div>
            <p class="ms-quote">{ind.text.clone()}</p>
            <p class="ms-spec">
                <span class="ms-k">{l.t("Mål: ", "Target: ")}</span>
                {target_desc(l, &ind.target)}
            </p>
            <p class="ms-claim">
                <span class="ms-k">{l.t("Rapporten sier: ", "The report says: ")}</span>
                {claim_text(l, ind.claim)}
                {ind.claim_line.map(|c| format!(" ({})", line_ref(l, c, c)))}
            </p>
            {(!ind.verdicts.is_empty()).then(|| verdict_table(l, i, ind, ent))}
            <button
                type="button"
                class="ms-button ms-small ms-show"
                on:click=move |_| select(ui, Focus::Indicator(i))
            >
                {show_text(l, ind.line, ind.end_line)}
            </button>
        </li>
    }
}

/// Copies the findings the filters show as one numbered paragraph for a letter.
fn copy_letter(ui: Ui, r: &DocumentReport) {
    let l = ui.lang.get_untracked();
    let idx = untrack(|| visible_findings(ui, r));
    let shown: Vec<&Finding> = idx.iter().filter_map(|&i| r.findings.get(i)).collect();
    let mut name = format!("«{}»", doc_title(r));
    if let Some(owner) = &r.owner {
        name.push_str(&format!(" {} {owner}", l.t("fra", "from")));
    }
    let text = copy::letter_paragraph(l, &name, &shown);
    let what = match l {
        Lang::Nb => format!("{} funn som brevavsnitt", shown.len()),
        Lang::En => format!("{} findings as a letter paragraph", shown.len()),
    };
    copy::copy(l, text, what, ui.announce, || {});
}

/// Stated vs computed in plain words.
fn explain(l: Lang, f: &Finding) -> Option<String> {
    let n = |v: f64| num(l, v, 3);
    let mut s = String::new();
    match (f.stated, f.computed) {
        (Some(a), Some(b)) => s.push_str(&match l {
            Lang::Nb => format!(
                "Rapporten oppgir {}. Regnet ut fra rapportens egne tall blir det {}.",
                n(a),
                n(b)
            ),
            Lang::En => format!(
                "The report states {}. Computed from the report's own figures it is {}.",
                n(a),
                n(b)
            ),
        }),
        (Some(a), None) => s.push_str(&match l {
            Lang::Nb => format!("Rapporten oppgir {}.", n(a)),
            Lang::En => format!("The report states {}.", n(a)),
        }),
        (None, Some(b)) => s.push_str(&match l {
            Lang::Nb => format!("Regnet ut fra rapportens egne tall blir det {}.", n(b)),
            Lang::En => format!("Computed from the report's own figures it is {}.", n(b)),
        }),
        (None, None) => {}
    }
    if let Some([lo, hi]) = f.computed_range {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&match l {
            Lang::Nb => format!(
                "Tallene i rapporten er avrundet, så riktig verdi kan ligge mellom {} og {}.",
                n(lo),
                n(hi)
            ),
            Lang::En => format!(
                "The report's figures are rounded, so the right value may lie between {} and {}.",
                n(lo),
                n(hi)
            ),
        });
    }
    (!s.is_empty()).then_some(s)
}

fn finding_row(ui: Ui, l: Lang, i: usize, f: &Finding) -> impl IntoView {
    let text = copy::finding_text(l, f, explain(l, f));
    let place = line_ref(l, f.line, f.end_line);
    let label = format!("{} {place}", l.t("Kopier funnet på", "Copy the finding on"));
    let what = format!("{} {place}", l.t("funnet på", "the finding on"));
    let copied = RwSignal::new(false);
    let on_copy = move |_| {
        copy::copy(l, text.clone(), what.clone(), ui.announce, move || {
            let _ = copied.try_set(true);
            set_timeout(
                move || {
                    let _ = copied.try_set(false);
                },
                std::time::Duration::from_secs(2),
            );
        })
    };
    view! {
        <li
            class=format!("ms-finding ms-sev-{}", severity_key(f.severity))
            class:ms-selected=move || ui.focus.get() == Some(Focus::Finding(i))
            data-finding-kind=f.kind.as_str()
            data-severity=severity_key(f.severity)
            data-finding-line=f.line.to_string()
        >
            <div class="ms-row-head">
                <span class=format!("ms-sev ms-sev-{}", severity_key(f.severity))>
                    <span aria-hidden="true">{severity_icon(f.severity)}</span>
                    {format!(" {}", severity_text(l, f.severity))}
                </span>
                <span class="ms-measure">{kind_text(l, f.kind)}</span>
                <span class="ms-lineref">{line_ref(l, f.line, f.end_line)}</span>
            </div>
            <p class="ms-message">{f.message.clone()}</p>
            {explain(l, f).map(|e| view! { <p class="ms-explain">{e}</p> })}
            <div class="ms-row-actions">
                <button
                    type="button"
                    class="ms-button ms-small ms-show"
                    on:click=move |_| select(ui, Focus::Finding(i))
                >
                    {show_text(l, f.line, f.end_line)}
                </button>
                <button type="button" class="ms-button ms-small ms-copy" data-copy="finding" aria-label=label on:click=on_copy>
                    {move || if copied.get() { l.t("Kopiert ✓", "Copied ✓") } else { l.t("Kopier", "Copy") }}
                </button>
            </div>
        </li>
    }
}

fn matrix(
    ui: Ui,
    l: Lang,
    r: &DocumentReport,
    idx: &[usize],
    entities: &[String],
) -> impl IntoView {
    let caption = l.t(
        "Mål (rader) mot virksomheter (kolonner)",
        "Targets (rows) by entities (columns)",
    );
    view! {
        <div class="ms-matrix-wrap ms-matrix-scroll" tabindex="0" role="region" aria-label=caption>
            <table class="ms-matrix">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{l.t("Mål", "Target")}</th>
                        <th scope="col">{l.t("Samlet", "Overall")}</th>
                        {entities.iter().map(|e| view! { <th scope="col">{e.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {idx
                        .iter()
                        .filter_map(|&i| r.indicators.get(i).map(|ind| (i, ind)))
                        .map(|(i, ind)| {
                            let label = if ind.measure.is_empty() { ind.text.clone() } else { ind.measure.clone() };
                            let spec = target_desc(l, &ind.target);
                            view! {
                                <tr data-indicator-line=ind.line.to_string() data-status=status_key(ind.status)>
                                    <th scope="row">
                                        <button
                                            type="button"
                                            class="ms-linkbutton"
                                            on:click=move |_| select(ui, Focus::Indicator(i))
                                        >
                                            {label}
                                            <span class="ms-sr">{format!(" – {}", show_text(l, ind.line, ind.end_line))}</span>
                                        </button>
                                        <span class="ms-spec-small">{spec}</span>
                                    </th>
                                    <td>{status_badge(l, ind.status)}</td>
                                    {entities
                                        .iter()
                                        .map(|e| {
                                            let vs: Vec<_> = ind.verdicts.iter().filter(|v| &v.entity == e).collect();
                                            if vs.is_empty() {
                                                return view! {
                                                    <td class="ms-cell-none">
                                                        <span aria-hidden="true">"–"</span>
                                                        <span class="ms-sr">{l.t("ingen vurdering", "no verdict")}</span>
                                                    </td>
                                                }
                                                    .into_any();
                                            }
                                            view! {
                                                <td>
                                                    {vs
                                                        .into_iter()
                                                        .map(|v| {
                                                            let s = verdict_as_status(v.status);
                                                            let val = v.value.map(|x| value_with_unit(l, x, ind.target.unit));
                                                            let sub = v.subject.clone().map(|x| format!("{x}: "));
                                                            view! {
                                                                <span
                                                                    class=format!("ms-cell ms-status-{}", status_key(s))
                                                                    data-entity=v.entity.clone()
                                                                    data-status=status_key(s)
                                                                >
                                                                    {sub}
                                                                    <span aria-hidden="true">{status_icon(s)}</span>
                                                                    {format!(" {}", status_text(l, s))}
                                                                    {val.map(|x| view! { <span class="ms-cell-val">{x}</span> })}
                                                                </span>
                                                            }
                                                        })
                                                        .collect_view()}
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

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Mark {
    Target,
    Finding,
    Claim,
    Figure,
}

fn mark_class(m: Mark) -> &'static str {
    match m {
        Mark::Target => "ms-hl ms-hl-target",
        Mark::Finding => "ms-hl ms-hl-finding",
        Mark::Claim => "ms-hl ms-hl-claim",
        Mark::Figure => "ms-hl ms-hl-figure",
    }
}

fn mark_label(l: Lang, m: Mark) -> &'static str {
    match m {
        Mark::Target => l.t("Målet: ", "Target: "),
        Mark::Finding => l.t("Funnet: ", "Finding: "),
        Mark::Claim => l.t("Påstanden: ", "Claim: "),
        Mark::Figure => l.t("Tall brukt: ", "Figure used: "),
    }
}

fn detail(ui: Ui, l: Lang, d: &Doc, f: Focus) -> impl IntoView {
    let r = &d.report;
    let place = |line: usize| r.origin(line).and_then(|o| o.label(l == Lang::En));
    let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
    let body = match f {
        Focus::Indicator(i) => match r.indicators.get(i) {
            None => ().into_any(),
            Some(ind) => {
                marks.push((ind.line, ind.end_line.max(ind.line), Mark::Target));
                if let Some(c) = ind.claim_line {
                    marks.push((c, c, Mark::Claim));
                }
                for v in &ind.verdicts {
                    marks.push((v.line, v.line, Mark::Figure));
                }
                let mut fig_lines: Vec<usize> = ind.verdicts.iter().map(|v| v.line).collect();
                crate::sorting::sort(&mut fig_lines);
                fig_lines.dedup();
                let figures: Vec<String> = r
                    .figures
                    .iter()
                    .filter(|x| fig_lines.binary_search(&x.line).is_ok())
                    .map(|x| match place(x.line) {
                        Some(p) => format!("{} ({}, {p})", x.text, line_ref(l, x.line, x.line)),
                        None => format!("{} ({})", x.text, line_ref(l, x.line, x.line)),
                    })
                    .collect();
                // Where the target is in a PDF, Word or Excel file ("side 7", "avsnitt 14").
                let at = place(ind.line).map(|p| {
                    view! {
                        <p class="ms-detail-at" data-detail-at="">
                            {format!("{}, {p}", line_ref(l, ind.line, ind.end_line))}
                        </p>
                    }
                });
                view! {
                    <div class="ms-detail-body" data-detail-indicator=ind.line.to_string()>
                        <p class="ms-detail-status">{status_badge(l, ind.status)}</p>
                        <h4>{l.t("Målet i rapporten", "The target in the report")}</h4>
                        <blockquote class="ms-quote">{ind.text.clone()}</blockquote>
                        {at}
                        <p>
                            <span class="ms-k">{l.t("Tolket som: ", "Read as: ")}</span>
                            {target_desc(l, &ind.target)}
                        </p>
                        <h4>{l.t("Tallene som er brukt", "The figures used")}</h4>
                        {if ind.verdicts.is_empty() {
                            view! {
                                <p class="ms-empty">
                                    {l.t("Fant ingen tall for dette målet.", "No figures were found for this target.")}
                                </p>
                            }
                                .into_any()
                        } else {
                            view! {
                                <ul class="ms-verdicts">
                                    {ind
                                        .verdicts
                                        .iter()
                                        .map(|v| {
                                            let s = verdict_as_status(v.status);
                                            view! {
                                                <li class=format!("ms-verdict ms-status-{}", status_key(s))>
                                                    <span aria-hidden="true">{status_icon(s)}</span>
                                                    {format!(
                                                        " {} ({})",
                                                        verdict_text(l, v, ind.target.unit),
                                                        line_ref(l, v.line, v.line),
                                                    )}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }}
                        {(!figures.is_empty())
                            .then(|| {
                                view! {
                                    <p class="ms-figs">
                                        <span class="ms-k">{l.t("Tall på de linjene: ", "Figures on those lines: ")}</span>
                                        {figures.join(" · ")}
                                    </p>
                                }
                            })}
                        <h4>{l.t("Rapportens påstand", "The report's claim")}</h4>
                        <p>
                            {claim_text(l, ind.claim)}
                            {ind.claim_line.map(|c| format!(" ({})", line_ref(l, c, c)))}
                        </p>
                    </div>
                }
                    .into_any()
            }
        },
        Focus::Finding(i) => match r.findings.get(i) {
            None => ().into_any(),
            Some(fi) => {
                marks.push((fi.line, fi.end_line.max(fi.line), Mark::Finding));
                view! {
                    <div class="ms-detail-body" data-detail-finding=fi.line.to_string()>
                        <p class="ms-detail-status">
                            <span class=format!("ms-sev ms-sev-{}", severity_key(fi.severity))>
                                <span aria-hidden="true">{severity_icon(fi.severity)}</span>
                                {format!(" {}", severity_text(l, fi.severity))}
                            </span>
                            {format!(" {}", kind_text(l, fi.kind))}
                        </p>
                        <p class="ms-message">{fi.message.clone()}</p>
                        {explain(l, fi).map(|e| view! { <p class="ms-explain">{e}</p> })}
                    </div>
                }
                .into_any()
            }
        },
    };
    view! {
        {body}
        <h4>{l.t("I rapportens tekst", "In the report's text")}</h4>
        {source_view(ui, l, &d.lines, &marks)}
    }
}

/// The passages around the marked lines, with line numbers, marked lines highlighted.
fn source_view(ui: Ui, l: Lang, lines: &[String], marks: &[(usize, usize, Mark)]) -> impl IntoView {
    let n = lines.len();
    let mut ranges: Vec<(usize, usize)> = marks
        .iter()
        .filter(|(a, _, _)| *a >= 1 && *a <= n)
        .map(|(a, b, _)| {
            let b = (*b).min(n).min(a + MAX_SPAN);
            (a.saturating_sub(CONTEXT).max(1), (b + CONTEXT).min(n))
        })
        .collect();
    crate::sorting::sort(&mut ranges);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a <= last.1 + 2 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mark_of = |line: usize| -> Option<Mark> {
        marks
            .iter()
            .filter(|(a, b, _)| line >= *a && line <= *b)
            .map(|(_, _, m)| *m)
            .min()
    };
    let label = l.t("Kildetekst", "Source text");
    let mut parts = Vec::new();
    for (k, (a, b)) in merged.iter().enumerate() {
        if k > 0 || *a > 1 {
            parts.push(view! { <div class="ms-gap" aria-hidden="true">"…"</div> }.into_any());
        }
        for no in *a..=*b {
            let text = lines.get(no - 1).cloned().unwrap_or_default();
            let m = mark_of(no);
            let class = match m {
                Some(m) => format!("ms-line {}", mark_class(m)),
                None => "ms-line".to_string(),
            };
            parts.push(
                view! {
                    <div class=class data-line=no.to_string()>
                        <span class="ms-ln" aria-hidden="true">{no.to_string()}</span>
                        {m.map(|m| view! { <span class="ms-sr">{mark_label(l, m)}</span> })}
                        <span class="ms-lt">{text}</span>
                    </div>
                }
                .into_any(),
            );
        }
    }
    if merged.last().is_some_and(|(_, b)| *b < n) {
        parts.push(view! { <div class="ms-gap" aria-hidden="true">"…"</div> }.into_any());
    }
    view! {
        <div class="ms-source" id=ui.id("source") tabindex="0" role="region" aria-label=label>
            {parts}
        </div>
        <p class="ms-legend">
            <span class="ms-legend-item ms-hl-target">{l.t("mål", "target")}</span>
            <span class="ms-legend-item ms-hl-claim">{l.t("påstand", "claim")}</span>
            <span class="ms-legend-item ms-hl-figure">{l.t("tall", "figures")}</span>
            <span class="ms-legend-item ms-hl-finding">{l.t("funn", "finding")}</span>
        </p>
    }
}

#[component]
fn Tables(ui: Ui, doc: StoredValue<Doc>) -> impl IntoView {
    const MAX_ROWS: usize = 200;
    let l = move || ui.lang.get();
    let tables = doc.with_value(|d| d.report.tables.clone());
    if tables.is_empty() {
        return ().into_any();
    }
    let count = tables.len();
    view! {
        <details class="ms-tables">
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
                            <table class="ms-table">
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
fn Figures(ui: Ui, doc: StoredValue<Doc>) -> impl IntoView {
    const MAX_ROWS: usize = 500;
    let l = move || ui.lang.get();
    let count = doc.with_value(|d| d.report.figures.len());
    if count == 0 {
        return ().into_any();
    }
    let open = RwSignal::new(false);
    view! {
        <details class="ms-figures" on:toggle=move |ev| {
            let el: web_sys::HtmlDetailsElement = event_target(&ev);
            open.set(el.open());
        }>
            <summary>{move || format!("{} ({count})", l().t("Alle tall i dokumentet", "All figures in the document"))}</summary>
            {move || open.get().then(|| {
                let lang = l();
                doc.with_value(|d| view! {
                    <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=lang.t("Alle tall", "All figures")>
                        <table class="ms-table">
                            <thead>
                                <tr>
                                    <th scope="col">{lang.t("Linje", "Line")}</th>
                                    <th scope="col">{lang.t("Som skrevet", "As written")}</th>
                                    <th scope="col">{lang.t("Verdi", "Value")}</th>
                                    <th scope="col">{lang.t("Enhet", "Unit")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {d.report.figures.iter().take(MAX_ROWS).map(|f| view! {
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
                })
            })}
        </details>
    }
    .into_any()
}

/// The report as indented JSON for the export: serialised compactly (the serializer the worker
/// already uses) and indented by the browser's `JSON.stringify`, so the build carries one
/// serializer for the report, not two.
fn pretty_json(report: &Report) -> String {
    let compact = serde_json::to_string(report).unwrap_or_default();
    js_sys::JSON::parse(&compact)
        .inspect(|v| locate(report, v))
        .and_then(|v| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &v,
                &wasm_bindgen::JsValue::NULL,
                &wasm_bindgen::JsValue::from_f64(2.0),
            )
        })
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or(compact)
}

/// Writes each item's origin (PDF page, DOCX paragraph, sheet cell) beside its `line` in the
/// parsed report `v`, as the command line's JSON has it: the page's build serialises the
/// report without them (the worker's answer carries the origins apart). An item's own field
/// wins on a clash.
fn locate(report: &Report, v: &wasm_bindgen::JsValue) {
    use js_sys::Reflect;
    use wasm_bindgen::{JsCast, JsValue};
    let get = |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).ok();
    let Some(docs) = get(v, "documents").and_then(|d| d.dyn_into::<js_sys::Array>().ok()) else {
        return;
    };
    for (doc, rep) in docs.iter().zip(&report.documents) {
        if rep.origins.is_empty() {
            continue;
        }
        let put = |item: &JsValue| {
            let Some(line) = get(item, "line").and_then(|l| l.as_f64()) else {
                return;
            };
            let Some(origin) = rep
                .origin(line as usize)
                .and_then(|o| serde_json::to_string(o).ok())
                .and_then(|o| js_sys::JSON::parse(&o).ok())
            else {
                return;
            };
            for key in js_sys::Object::keys(origin.unchecked_ref::<js_sys::Object>()).iter() {
                if !Reflect::has(item, &key).unwrap_or(true) {
                    let _ =
                        Reflect::set(item, &key, &Reflect::get(&origin, &key).unwrap_or_default());
                }
            }
        };
        for key in crate::report::LOCATED_ITEMS {
            let Some(items) = get(&doc, key).and_then(|x| x.dyn_into::<js_sys::Array>().ok())
            else {
                continue;
            };
            for item in items.iter() {
                if let Some(vs) =
                    get(&item, "verdicts").and_then(|x| x.dyn_into::<js_sys::Array>().ok())
                {
                    vs.iter().for_each(|v| put(&v));
                }
                put(&item);
            }
        }
    }
}

/// One line of an overview count list: "✓ Innfridd: 12".
struct Count {
    class: String,
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
