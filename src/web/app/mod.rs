//! The Leptos app: intake (files, paste, examples), document cards, results, detail with source.
//! Everything shown comes from the engine's contract objects; report text is only ever rendered
//! as text nodes.
//!
//! Files: `intake.rs`, `documents.rs` (the list), `results.rs` (one document's results),
//! `targets.rs`, `findings.rs`, `detail.rs` (the detail panel and source view), `tables.rs`,
//! `export.rs` (downloads), `actions.rs` (what the page does between renders).

mod actions;
mod detail;
mod documents;
mod export;
mod findings;
mod intake;
mod results;
mod tables;
mod targets;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

use crate::report::DocumentReport;
use crate::web::compare::Compare;
use crate::web::examples::Example;
use crate::web::i18n::*;
use crate::web::offload::Offload;
use crate::web::staffing::{initial_levers, LeverValues, StaffInput, Staffing};
use actions::{add_analysis, focus_id, go, read_files, Arrival};
use documents::Documents;
use intake::{Intake, Refused};
use results::Results;

pub(crate) use export::download_bytes;
pub(super) use targets::{line_ref, status_badge, target_desc, value_with_unit};

const LANG_KEY: &str = "meldingssjekk.lang";

#[derive(Clone)]
struct Doc {
    id: u32,
    /// The engine's report; a signal, because a target typed for a CSV file joins its targets.
    report: ArcRwSignal<Arc<DocumentReport>>,
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
    view! {
        // A file dropped anywhere on the app is read rather than opened by the browser.
        <div
            class="meldingssjekk"
            data-size="sm"
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
                    class="ms-skip ds-skip-link"
                    href=format!("#{}", ui.id("results-title"))
                    on:click=move |ev| {
                        ev.prevent_default();
                        focus_id(ui, "results-title");
                    }
                >
                    {move || l().t("Hopp til resultatene", "Skip to the results")}
                </a>
            </Show>
            {page_header(ui)}
            {page_nav(ui)}
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
                    let docs = Signal::derive(move || ui.docs.with(|d| d.iter().map(|x| x.report.get()).collect::<Vec<_>>()));
                    view! { <Compare lang=ui.lang docs=docs prefix=ui.prefix.get_value() /> }.into_any()
                }
            }}
        </div>
    }
}

/// The header: name, tagline and the language switch (remembered in local storage).
fn page_header(ui: Ui) -> impl IntoView {
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
                class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                lang="nb"
                aria-pressed=move || (l() == Lang::Nb).to_string()
                on:click=move |_| pick_lang(Lang::Nb)
            >
                "Norsk"
            </button>
            <button
                type="button"
                class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                lang="en"
                aria-pressed=move || (l() == Lang::En).to_string()
                on:click=move |_| pick_lang(Lang::En)
            >
                "English"
            </button>
        </div>
    </header>
    }
}

/// The menu of views: check reports, staffing, and compare once two documents are open.
fn page_nav(ui: Ui) -> impl IntoView {
    let l = move || ui.lang.get();
    view! {
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
    }
}
