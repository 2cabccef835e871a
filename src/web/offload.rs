//! Runs the engine off the UI thread: in module Web Workers when the page gives their URLs and
//! the browser allows them, else on the main thread after the browser has painted (the
//! fallback, e.g. dist/meldingssjekk.html from file://, whose CSP allows no worker).
//!
//! Two lanes, each with its own worker and wasm: the Office worker (worker.js: the engine and
//! the DOCX/XLSX/ODS readers), started with the page so it is ready for the first input, and the
//! PDF worker (worker-pdf.js: the engine and the PDF reader, about 1 MB gzipped), started only
//! when a PDF arrives (the `%PDF` signature or a `.pdf` name), never on page load.
//!
//! A worker posts back `{ id, json }` where `json` is [`crate::worker_api::WorkerReply`] as JSON,
//! `{ id, progress: [done, total] }` while a PDF's pages are read, or `{ id, error }` when the
//! engine or a reader crashed (the worker is then restarted and the file gets a message).
//! "Avbryt" terminates the workers (the work really stops); the Office worker is started again
//! at once, the PDF worker when the next PDF comes.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::report::DocumentReport;

use crate::worker_api::WorkerReply;

/// What an analysis gives the page: the report and its text, or a message saying why not.
pub type Outcome = Result<(DocumentReport, String), String>;

fn decode_reply(name: &str, json: &str) -> Outcome {
    match serde_json::from_str::<WorkerReply>(json) {
        Ok(WorkerReply::Ok {
            mut report,
            text,
            origins,
        }) => {
            report.origins = origins;
            Ok((report, text))
        }
        Ok(WorkerReply::Err(m)) => Err(m),
        Err(e) => Err(format!(
            "{name}: svaret fra analysen kunne ikke leses (the analysis answer could not be read): {e}"
        )),
    }
}

fn analyze_here(name: &str, bytes: &[u8]) -> Outcome {
    crate::analyze(name, bytes)
        .map(|a| (a.report, a.text))
        .map_err(|e| e.to_string())
}

type Done = Box<dyn FnOnce(Outcome)>;

/// Told `Some((done, total))` per page while a PDF is read, `None` when that reading ends.
pub type Progress = Rc<dyn Fn(Option<(u32, u32)>)>;

/// Whether `bytes` named `name` go to the PDF worker: the `%PDF` signature, or a `.pdf` name
/// (a PDF with something before its signature still reaches the reader, which says what it is).
pub fn is_pdf(name: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF") || name.to_ascii_lowercase().ends_with(".pdf")
}

struct Job {
    id: u32,
    name: String,
    /// Kept so the job can run on the main thread if the worker fails to start.
    bytes: Vec<u8>,
    done: Done,
}

struct Live {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Live {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

#[derive(Default)]
struct Inner {
    url: Option<String>,
    /// Started with the page (the Office worker), or only when a file needs it (the PDF worker).
    eager: bool,
    /// Where per-page progress goes (the PDF lane).
    progress: Option<Progress>,
    live: Option<Live>,
    /// Set when the worker could not start: from then on everything runs on the main thread.
    broken: bool,
    next_id: u32,
    /// Jobs posted to the worker, oldest first (the worker answers in order).
    pending: VecDeque<Job>,
}

/// The page's analysis runner (one per mounted app).
#[derive(Clone)]
pub struct Offload {
    office: Lane,
    pdf: Lane,
}

impl Offload {
    /// `worker_url`: URL of worker.js, `pdf_worker_url`: of worker-pdf.js; without a URL that
    /// lane's analyses run on the main thread (whose wasm has no file readers: a PDF, DOCX or
    /// XLSX then gets a message that it needs the served page). `progress` hears how far a
    /// PDF's reading has come.
    pub fn new(
        worker_url: Option<String>,
        pdf_worker_url: Option<String>,
        progress: impl Fn(Option<(u32, u32)>) + 'static,
    ) -> Self {
        let o = Offload {
            office: Lane::new(worker_url, true, None),
            pdf: Lane::new(pdf_worker_url, false, Some(Rc::new(progress))),
        };
        // Started at once so the wasm is ready in the worker when the first input comes. The
        // PDF worker is not: its module is loaded only when a PDF arrives.
        o.office.ensure_worker();
        o
    }

    /// Analyses `bytes` named `name` and calls `done` with the outcome, unless cancelled first.
    /// A PDF goes to the PDF worker (started now if it is not running), anything else to the
    /// Office worker.
    pub fn run(&self, name: String, bytes: Vec<u8>, done: impl FnOnce(Outcome) + 'static) {
        let lane = if is_pdf(&name, &bytes) && self.pdf.inner.borrow().url.is_some() {
            &self.pdf
        } else {
            &self.office
        };
        lane.run(name, bytes, Box::new(done));
    }

    /// Name of the oldest input still being analysed in a worker.
    pub fn pending_name(&self) -> Option<String> {
        self.office
            .pending_name()
            .or_else(|| self.pdf.pending_name())
    }

    /// Stops the work under way: the working workers are terminated (their jobs' callbacks never
    /// run); a fresh Office worker is started for later inputs, a PDF worker only when a PDF
    /// comes.
    pub fn cancel(&self) {
        self.office.cancel();
        self.pdf.cancel();
    }
}

/// One worker and the jobs posted to it.
#[derive(Clone)]
struct Lane {
    inner: Rc<RefCell<Inner>>,
}

impl Lane {
    fn new(url: Option<String>, eager: bool, progress: Option<Progress>) -> Self {
        Lane {
            inner: Rc::new(RefCell::new(Inner {
                url,
                eager,
                progress,
                ..Inner::default()
            })),
        }
    }

    fn run(&self, name: String, bytes: Vec<u8>, done: Done) {
        if !self.ensure_worker() {
            run_on_main_thread(name, bytes, done);
            return;
        }
        let mut inner = self.inner.borrow_mut();
        let id = inner.next_id;
        inner.next_id = id.wrapping_add(1);
        let posted = match &inner.live {
            Some(live) => post(&live.worker, id, &name, &bytes),
            None => false,
        };
        if posted {
            inner.pending.push_back(Job {
                id,
                name,
                bytes,
                done,
            });
        } else {
            inner.broken = true;
            inner.live = None;
            drop(inner);
            run_on_main_thread(name, bytes, done);
        }
    }

    fn pending_name(&self) -> Option<String> {
        self.inner.borrow().pending.front().map(|j| j.name.clone())
    }

    /// Terminates the worker if it is working (its jobs' callbacks never run); an eager lane
    /// then starts a fresh one. An idle worker is kept.
    fn cancel(&self) {
        let (eager, progress) = {
            let mut inner = self.inner.borrow_mut();
            if inner.pending.is_empty() {
                return;
            }
            inner.pending.clear();
            inner.live = None;
            (inner.eager, inner.progress.clone())
        };
        if let Some(p) = progress {
            p(None);
        }
        if eager {
            self.ensure_worker();
        }
    }

    /// Starts the worker if there is none; false when analyses must run on the main thread.
    fn ensure_worker(&self) -> bool {
        let mut inner = self.inner.borrow_mut();
        if inner.broken {
            return false;
        }
        if inner.live.is_some() {
            return true;
        }
        let Some(url) = inner.url.clone() else {
            return false;
        };
        match start_worker(&url, Rc::downgrade(&self.inner)) {
            Ok(live) => {
                inner.live = Some(live);
                true
            }
            Err(e) => {
                web_sys::console::warn_2(
                    &JsValue::from_str("Meldingssjekk: no worker, analysing on the main thread:"),
                    &e,
                );
                inner.broken = true;
                false
            }
        }
    }
}

fn post(worker: &web_sys::Worker, id: u32, name: &str, bytes: &[u8]) -> bool {
    let array = js_sys::Uint8Array::from(bytes);
    let msg = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&msg, &JsValue::from_str(k), v).is_ok();
    let ok = set("id", &JsValue::from(id))
        && set("name", &JsValue::from_str(name))
        && set("bytes", &array);
    let transfer = js_sys::Array::of1(&array.buffer());
    ok && worker.post_message_with_transfer(&msg, &transfer).is_ok()
}

fn start_worker(url: &str, inner: Weak<RefCell<Inner>>) -> Result<Live, JsValue> {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(url, &opts)?;

    let weak = inner.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(inner) = weak.upgrade() else { return };
            let data = ev.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
            let Some(id) = get("id").and_then(|v| v.as_f64()) else {
                return;
            };
            if let Some(p) = get("progress").filter(|p| p.is_object()) {
                let at = |i: u32| {
                    js_sys::Reflect::get_u32(&p, i)
                        .ok()
                        .and_then(|v| v.as_f64())
                };
                let (i, progress) = {
                    let i = inner.borrow();
                    (
                        i.pending.front().map(|j| f64::from(j.id)),
                        i.progress.clone(),
                    )
                };
                if let (Some(progress), Some(done), Some(total)) = (progress, at(0), at(1)) {
                    if i == Some(id) {
                        progress(Some((done as u32, total as u32)));
                    }
                }
                return;
            }
            let job = {
                let mut i = inner.borrow_mut();
                match i.pending.iter().position(|j| f64::from(j.id) == id) {
                    Some(pos) => i.pending.remove(pos),
                    None => None,
                }
            };
            let Some(job) = job else { return };
            let progress = inner.borrow().progress.clone();
            if let Some(p) = progress {
                p(None);
            }
            let json = get("json").and_then(|v| v.as_string());
            let crashed = json.is_none();
            let outcome = match json {
                Some(json) => decode_reply(&job.name, &json),
                None => Err(format!(
                    "{}: filen fikk analysen til å krasje, og den ble startet på nytt (the \
                     reader crashed on this file). Lagre filen på nytt, eller som tekst, og \
                     prøv igjen. ({})",
                    job.name,
                    get("error").and_then(|v| v.as_string()).unwrap_or_default()
                )),
            };
            (job.done)(outcome);
            if crashed {
                // A trap leaves the worker's wasm unusable (worker.js closes it): start a
                // fresh worker and give it the files that were waiting.
                let (live, jobs): (Option<Live>, Vec<Job>) = {
                    let mut i = inner.borrow_mut();
                    (i.live.take(), i.pending.drain(..).collect())
                };
                leptos::prelude::set_timeout(move || drop(live), std::time::Duration::ZERO);
                let again = Lane { inner };
                for j in jobs {
                    again.run(j.name, j.bytes, j.done);
                }
            }
        });

    // Fired when the worker script cannot load or start (e.g. a CSP without worker-src 'self'):
    // from then on the main thread does the work, starting with the jobs already posted.
    let weak = inner;
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        let Some(inner) = weak.upgrade() else { return };
        let (live, jobs): (Option<Live>, Vec<Job>) = {
            let mut i = inner.borrow_mut();
            i.broken = true;
            (i.live.take(), i.pending.drain(..).collect())
        };
        // Not dropped here: that would free this very closure while it runs.
        leptos::prelude::set_timeout(move || drop(live), std::time::Duration::ZERO);
        web_sys::console::warn_1(&JsValue::from_str(
            "Meldingssjekk: the worker failed to start; analysing on the main thread",
        ));
        for j in jobs {
            run_on_main_thread(j.name, j.bytes, j.done);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Live {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The fallback: analyses after the browser has painted the "working" note (and its cancel
/// button), so the page shows progress before it is busy.
fn run_on_main_thread(name: String, bytes: Vec<u8>, done: Done) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(
            move || done(analyze_here(&name, &bytes)),
            std::time::Duration::ZERO,
        )
    });
}
