//! The follow-up letter on the page: the engine's questions (`crate::letter::build`) grouped by
//! chapter, each with a checkbox (untick to leave it out) and its text to edit; the language
//! (bokmål, nynorsk, English); exports as plain text and as .docx, and print. The .docx is
//! written in the analysis worker (worker.js: its wasm has the `zip` crate), so the page's own
//! wasm does not grow by a ZIP writer; without a worker the .docx button says so.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::i18n::Lang;
use crate::letter::{self, Letter};
use crate::report::DocumentReport;

thread_local! {
    static WORKER_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The URL of worker.js (set when the app is mounted with one).
pub fn set_worker_url(url: Option<String>) {
    WORKER_URL.with(|w| *w.borrow_mut() = url);
}

fn worker_url() -> Option<String> {
    WORKER_URL.with(|w| w.borrow().clone())
}

/// The letter with only the ticked questions, their edited texts, numbered again.
fn final_letter(l: &Letter, items: &[(bool, String)]) -> Letter {
    let mut out = l.clone();
    let mut k = 0;
    let mut n = 0;
    for g in out.groups.iter_mut() {
        let qs = std::mem::take(&mut g.questions);
        for mut q in qs {
            let (keep, text) = items.get(k).cloned().unwrap_or((true, q.text.clone()));
            k += 1;
            if keep {
                n += 1;
                q.number = n;
                q.text = text;
                g.questions.push(q);
            }
        }
    }
    out.groups.retain(|g| !g.questions.is_empty());
    out
}

/// Asks a fresh worker for the .docx of `l` and saves it; `done(false)` when that fails.
fn docx_in_worker(url: &str, name: String, l: &Letter, done: impl Fn(bool) + 'static) {
    let json = match serde_json::to_string(l) {
        Ok(j) => j,
        Err(_) => return done(false),
    };
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let Ok(worker) = web_sys::Worker::new_with_options(url, &opts) else {
        return done(false);
    };
    let w2 = worker.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let docx = js_sys::Reflect::get(&data, &JsValue::from_str("docx"))
                .ok()
                .filter(|v| v.is_object())
                .map(|v| js_sys::Uint8Array::new(&v).to_vec());
            match docx {
                Some(bytes) if !bytes.is_empty() => {
                    super::app::download_bytes(
                        &name,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        &bytes,
                    );
                    done(true);
                }
                _ => done(false),
            }
            w2.terminate();
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &JsValue::from_str("id"), &JsValue::from(0));
    let _ = js_sys::Reflect::set(
        &msg,
        &JsValue::from_str("letter"),
        &JsValue::from_str(&json),
    );
    if worker.post_message(&msg).is_err() {
        worker.terminate();
    }
}

fn stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.')
        .map(|(s, _)| s)
        .unwrap_or(base)
        .to_string()
}

/// The letter panel of one document.
#[component]
pub fn LetterPanel(
    lang: RwSignal<Lang>,
    report: Arc<DocumentReport>,
    text: Arc<String>,
) -> impl IntoView {
    let initial = if lang.get_untracked() == Lang::En {
        letter::Lang::En
    } else {
        letter::detect(&text)
    };
    let make = {
        let report = report.clone();
        let text = text.clone();
        move |ll: letter::Lang| Arc::new(letter::build(&report, &text, ll))
    };
    // Built when the panel is first opened: a long report's headings are not read before.
    let current: RwSignal<Option<Arc<Letter>>> = RwSignal::new(None);
    let items: RwSignal<Vec<(bool, String)>> = RwSignal::new(Vec::new());
    let chosen = RwSignal::new(initial);
    let note = RwSignal::new(String::new());
    let l = move || lang.get();
    let name = stem(&report.name);
    let name2 = name.clone();
    let load = {
        let make = make.clone();
        move |ll: letter::Lang| {
            let fresh = make(ll);
            items.set(fresh.questions().map(|q| (true, q.text.clone())).collect());
            current.set(Some(fresh));
        }
    };
    let load2 = load.clone();
    let on_lang = move |ev: leptos::ev::Event| {
        let ll = letter::Lang::parse(&event_target_value(&ev)).unwrap_or(letter::Lang::Nb);
        chosen.set(ll);
        load2(ll);
    };
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|d| d.open());
        if open && current.with_untracked(|c| c.is_none()) {
            load(chosen.get_untracked());
        }
    };
    let finished = move || current.with(|c| c.as_ref().map(|c| items.with(|i| final_letter(c, i))));
    let export_text = move |_| {
        let Some(f) = finished() else { return };
        super::app::download_bytes(
            &format!("{name}-brev.txt"),
            "text/plain;charset=utf-8",
            letter::text::render(&f).as_bytes(),
        );
    };
    let export_docx = move |_| {
        let Some(f) = finished() else { return };
        match worker_url() {
            Some(url) => docx_in_worker(&url, format!("{name2}-brev.docx"), &f, move |ok| {
                if !ok {
                    note.set(lang.get_untracked().t("Word-filen kunne ikke lages.", "The Word file could not be made.").to_string());
                }
            }),
            None => note.set(
                lang.get_untracked()
                    .t(
                        "Word-filen lages i analysearbeideren; den trenger den serverte siden (scripts/serve).",
                        "The Word file is made in the analysis worker; it needs the served page (scripts/serve).",
                    )
                    .to_string(),
            ),
        }
    };
    let print = move |_| {
        let Some(w) = web_sys::window() else { return };
        let body = w.document().and_then(|d| d.body());
        if let Some(b) = &body {
            let _ = b.class_list().add_1("ms-print-letter");
        }
        let _ = w.print();
        if let Some(b) = &body {
            let _ = b.class_list().remove_1("ms-print-letter");
        }
    };
    let count = move || items.with(|i| (i.iter().filter(|x| x.0).count(), i.len()));
    let list = move || {
        let lt = l();
        let Some(c) = current.get() else {
            return ().into_any();
        };
        let mut k = 0usize;
        c.groups
            .iter()
            .map(|g| {
                let qs = g
                    .questions
                    .iter()
                    .map(|q| {
                        let idx = k;
                        k += 1;
                        let text0 = q.text.clone();
                        let number = q.number;
                        view! {
                            <li class="ms-question" data-question=number data-line=q.line>
                                <label class="ms-question-pick">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || items.with(|i| i.get(idx).map(|x| x.0).unwrap_or(true))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            items.update(|i| if let Some(x) = i.get_mut(idx) { x.0 = on });
                                        }
                                    />
                                    {format!(" {} {number} ({} {})", lt.t("Spørsmål", "Question"), lt.t("linje", "line"), q.line)}
                                </label>
                                <textarea
                                    rows="3"
                                    aria-label=format!("{} {number}", lt.t("Tekst i spørsmål", "Text of question"))
                                    prop:value=text0
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        items.update(|i| if let Some(x) = i.get_mut(idx) { x.1 = v });
                                    }
                                ></textarea>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h4>{g.heading.clone()}</h4>
                    <ol class="ms-questions">{qs}</ol>
                }
            })
            .collect_view()
            .into_any()
    };
    let printable = move || {
        let f = finished()?;
        Some(view! {
            <h2>{f.title.clone()}</h2>
            <p>{f.intro.clone()}</p>
            {f.groups
                .iter()
                .map(|g| view! {
                    <h3>{g.heading.clone()}</h3>
                    {g.questions.iter().map(|q| view! { <p>{format!("{}. {}", q.number, q.text)}</p> }).collect_view()}
                })
                .collect_view()}
            {f.closing.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
        })
    };
    view! {
        <details class="ds-details ms-letter" on:toggle=on_toggle>
            <summary>
                {move || {
                    let (a, b) = count();
                    let title = l().t("Oppfølgingsbrev", "Follow-up letter");
                    if current.with(|c| c.is_none()) {
                        title.to_string()
                    } else {
                        format!("{title} ({a} {} {b} {})", l().t("av", "of"), l().t("spørsmål", "questions"))
                    }
                }}
            </summary>
            <div class="ms-letter-controls">
                <label>
                    {move || l().t("Språk i brevet", "Language of the letter")}
                    " "
                    <select data-letter-lang="" on:change=on_lang prop:value=initial.code()>
                        <option value="nb">"bokmål"</option>
                        <option value="nn">"nynorsk"</option>
                        <option value="en">"English"</option>
                    </select>
                </label>
                <button type="button" class="ms-button ds-button" data-variant="secondary" data-size="sm" data-letter-export="text" on:click=export_text>
                    {move || l().t("Last ned tekst", "Download text")}
                </button>
                <button type="button" class="ms-button ds-button" data-variant="secondary" data-size="sm" data-letter-export="docx" on:click=export_docx>
                    {move || l().t("Last ned Word (.docx)", "Download Word (.docx)")}
                </button>
                <button type="button" class="ms-button ds-button" data-variant="secondary" data-size="sm" data-letter-export="print" on:click=print>
                    {move || l().t("Skriv ut brevet", "Print the letter")}
                </button>
            </div>
            <p class="ms-hint" role="status">{move || note.get()}</p>
            {move || {
                current
                    .with(|c| c.as_ref().filter(|c| c.groups.is_empty()).map(|c| c.empty.clone()))
                    .map(|e| view! { <p class="ms-empty">{e}</p> })
            }}
            <div class="ms-letter-list">{list}</div>
            <div class="ms-letter-print">{printable}</div>
        </details>
    }
}
