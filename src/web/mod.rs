//! The web face (Leptos CSR). Shows what the engine returns; never parses or computes.
//!
//! JS API (wasm-bindgen):
//! - `analyze(input: string | Uint8Array | ArrayBuffer, options?: { name?: string }) -> Report`
//!   gives the same object as the command line's JSON (`schema_version`, `documents`, `errors`).
//! - `mount(element: HTMLElement, options?: { lang?: "nb" | "en", documents?: [{ report, text }],
//!   examples?: [{ file, text }], worker?: string | URL })`
//!   runs the whole app inside `element` (styles come from style/app.css, all scoped under
//!   `.meldingssjekk`). `documents` shows results computed elsewhere (e.g. by the command line's
//!   JSON: one `DocumentReport` and the text its line numbers refer to) without analysing again.
//!   `examples` fills "Prøv med eksempel" (scripts/build writes them as pkg/examples.js).
//!   `worker` is the URL of worker.js (e.g. `new URL('./worker.js', import.meta.url)` from a module
//!   next to it): analyses then run in a module Web Worker, so big inputs never freeze the page and
//!   "Avbryt" stops the work. Without it (or when the browser refuses the worker, e.g. a CSP with no
//!   `worker-src 'self'`), analyses run on the main thread after the busy note is painted.
//!   `pdfWorker` is the URL of worker-pdf.js: PDFs (the `%PDF` signature or a `.pdf` name) go to
//!   it, started only when the first PDF arrives; it reports progress per page.
//! - The workers' wasm (not the page's) export `analyze_for_worker(name, bytes) -> string` and
//!   `analyze_for_worker_with_progress(name, bytes, progress)`: the analysis as JSON,
//!   `{"ok": {report, text, origins?}}` or `{"err": message}` (src/worker_api.rs).

mod app;
mod applications;
mod compare;
mod copy;
mod csvmap_view;
mod examples;
mod fmt;
mod i18n;
mod letter;
mod offload;
mod staffing;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use i18n::Lang;

/// Name used when the caller gives none.
const DEFAULT_NAME: &str = "dokument.txt";

fn option_string(options: &JsValue, key: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
}

#[wasm_bindgen(typescript_custom_section)]
const TS_CONTRACT: &str = r#"
/** The JSON contract, schema version 1 (the same object the command line prints). */
export interface Report { schema_version: number; documents: DocumentReport[]; errors?: InputError[]; }
export interface InputError { name: string; message: string; }
export interface DocumentReport {
  name: string; format: "text" | "csv" | "pdf" | "docx" | "xlsx" | "ods"; encoding: string; lines: number; numbers: number;
  indicators: Indicator[]; findings: Finding[]; checks_passed?: CheckPassed[]; tables: Table[]; figures: Figure[];
  title?: string; owner?: string; year?: number; period_months?: number; applications?: Application[];
}
/** A grant application (RS-midler and similar schemes) with its fields, budget and findings. */
export interface Application {
  line: number; end_line: number; title: string | null; owners: string[]; contact: string | null;
  scheme?: string; amount_applied: number | null; total_cost: number | null; own_contribution?: number;
  period: { start: number | null; end: number | null; years?: number; line: number } | null;
  fields: Record<string, number | null>;
  budget?: { line: number; end_line: number; years: number[]; sum_column: boolean;
    rows: BudgetRow[]; total: BudgetRow | null };
  findings: Finding[];
}
export interface BudgetRow { label: string; line: number; values: (number | null)[]; }
export type Status = "met" | "not_met" | "partial" | "unknown";
export interface Indicator {
  id: string; line: number; end_line: number; text: string; measure: string; target: Target;
  claim: "met" | "not_met" | "partial" | "uncertain" | null; claim_line: number | null;
  verdicts: Verdict[]; status: Status;
}
export interface Target {
  comparator: "at_least" | "at_most" | "above" | "below" | "increase" | "decrease"
    | "not_above_baseline" | "not_below_baseline" | "qualitative";
  threshold: number | null;
  unit: "percent" | "days" | "count" | "nok" | "per_100k" | "ratio" | "other" | null;
  baseline_year: number | null; change_pct: number | null; target_year: number | null;
  subject?: string; long_term?: boolean;
}
export interface Verdict {
  entity: string; subject: string | null; status: "met" | "not_met" | "unknown";
  value: number | null; baseline_value: number | null; year: number | null; line: number;
}
export interface Finding {
  kind: "arithmetic" | "claim_mismatch" | "missing_data" | "placeholder" | "application";
  /** The id of the rule that made it ("change", "rate", "table_sum", …). */
  rule: string;
  severity: "error" | "warning" | "info"; line: number; end_line: number; message: string;
  stated: number | null; computed: number | null; computed_range: [number, number] | null;
}
/** A check a rule made and found right ("Summen 1,5 + 1,3 + 0,8 = 3,6 stemmer"). */
export interface CheckPassed {
  rule: string; line: number; end_line: number; message: string;
  stated: number | null; computed: number | null; computed_range: [number, number] | null;
}
export interface Table { line: number; end_line: number; caption: string | null; header: string[]; rows: string[][]; }
export interface Figure { line: number; text: string; value: number; unit: string; }
export interface AnalyzeOptions { name?: string; }
export interface MountOptions {
  lang?: "nb" | "en"; documents?: { report: DocumentReport; text: string }[];
  examples?: { file: string; text: string }[]; worker?: string | URL; pdfWorker?: string | URL;
}
"#;

/// Analyses one input and returns the contract object (as plain JS objects).
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Report")]
pub fn analyze_js(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let bytes: Vec<u8> = if let Some(s) = input.as_string() {
        s.into_bytes()
    } else if let Some(a) = input.dyn_ref::<js_sys::Uint8Array>() {
        a.to_vec()
    } else if input.is_instance_of::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(&input).to_vec()
    } else {
        return Err(js_sys::TypeError::new(
            "analyze: input må være en streng, Uint8Array eller ArrayBuffer (input must be a string, Uint8Array or ArrayBuffer)",
        )
        .into());
    };
    let name = option_string(&options, "name").unwrap_or_else(|| DEFAULT_NAME.to_string());
    let report = crate::analyze_all([(name.as_str(), bytes.as_slice())]);
    let json = serde_json::to_string(&report).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// Runs the app inside `element`.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "HTMLElement")] element: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MountOptions | undefined")] options: JsValue,
) -> Result<(), JsValue> {
    install_panic_hook();
    let el: web_sys::HtmlElement = element.dyn_into().map_err(|_| {
        js_sys::TypeError::new(
            "mount: element må være et HTML-element (element must be an HTMLElement)",
        )
    })?;
    let lang = option_string(&options, "lang").and_then(|c| Lang::from_code(&c));
    let preloaded = preloaded_documents(&options)?;
    let examples = examples_option(&options)?;
    let worker = worker_option(&options, "worker");
    let pdf_worker = worker_option(&options, "pdfWorker");
    app::mount_app(el, lang, preloaded, examples, worker, pdf_worker);
    Ok(())
}

#[derive(serde::Deserialize)]
struct Preloaded {
    report: crate::report::DocumentReport,
    text: String,
}

fn preloaded_documents(
    options: &JsValue,
) -> Result<Vec<(crate::report::DocumentReport, String)>, JsValue> {
    if !options.is_object() {
        return Ok(Vec::new());
    }
    let docs = js_sys::Reflect::get(options, &JsValue::from_str("documents"))?;
    if docs.is_undefined() || docs.is_null() {
        return Ok(Vec::new());
    }
    let list: Vec<Preloaded> = from_js(&docs).map_err(|e| {
        js_sys::TypeError::new(&format!(
            "mount: options.documents må være [{{ report, text }}] (must be [{{ report, text }}]): {e}"
        ))
    })?;
    Ok(list.into_iter().map(|p| (p.report, p.text)).collect())
}

fn examples_option(options: &JsValue) -> Result<Vec<examples::Example>, JsValue> {
    if !options.is_object() {
        return Ok(Vec::new());
    }
    let list = js_sys::Reflect::get(options, &JsValue::from_str("examples"))?;
    if list.is_undefined() || list.is_null() {
        return Ok(Vec::new());
    }
    from_js(&list).map_err(|e| {
        js_sys::TypeError::new(&format!(
            "mount: options.examples må være [{{ file, text }}] (must be [{{ file, text }}]): {e}"
        ))
        .into()
    })
}

/// A dropped or chosen file's bytes (`Blob.arrayBuffer()`), or the browser's reason it could not
/// be read.
pub(crate) async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| {
            e.as_string()
                .or_else(|| {
                    js_sys::Reflect::get(&e, &JsValue::from_str("message"))
                        .ok()?
                        .as_string()
                })
                .unwrap_or_else(|| "ukjent feil (unknown error)".to_string())
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A JS value read into Rust through its JSON text: one deserializer (serde_json) for the whole
/// build instead of a second, JS-object one.
fn from_js<T: serde::de::DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    let json = js_sys::JSON::stringify(value)
        .map_err(|_| "kan ikke gjøres om til JSON (not JSON-serialisable)".to_string())?;
    let json: String = json.into();
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

/// `options[key]` (`worker`, `pdfWorker`) as a URL string (a `URL` object gives its `href`).
fn worker_option(options: &JsValue, key: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    let w = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
    if let Some(s) = w.as_string() {
        return Some(s).filter(|s| !s.is_empty());
    }
    if w.is_object() {
        return js_sys::Reflect::get(&w, &JsValue::from_str("href"))
            .ok()?
            .as_string();
    }
    None
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // The panic's message and place in the console (what console_error_panic_hook did,
            // without its JS stack capture).
            web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
            show_crash();
        }));
    });
}

/// Puts a visible message with a reload link into every mounted app (or the body).
fn show_crash() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let build = || -> Result<web_sys::Element, JsValue> {
        let box_ = doc.create_element("div")?;
        box_.set_class_name("ms-crash ds-alert");
        box_.set_attribute("data-color", "danger")?;
        box_.set_attribute("role", "alert")?;
        let p = doc.create_element("p")?;
        p.set_text_content(Some(
            "Beklager, Meldingssjekk stoppet på grunn av en feil. Last inn siden på nytt for å fortsette. \
             (Sorry, Meldingssjekk stopped because of an error. Reload the page to continue.)",
        ));
        box_.append_child(&p)?;
        let a = doc.create_element("a")?;
        let here = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let here = here.split('#').next().unwrap_or_default().to_string();
        a.set_attribute("href", &here)?;
        a.set_class_name("ms-button ms-primary ds-button");
        a.set_attribute("data-variant", "primary")?;
        a.set_text_content(Some("Last inn på nytt / Reload"));
        box_.append_child(&a)?;
        Ok(box_)
    };
    let roots = doc.query_selector_all(".meldingssjekk").ok();
    let mut placed = false;
    if let Some(roots) = roots {
        for i in 0..roots.length() {
            if let (Some(root), Ok(b)) = (roots.item(i), build()) {
                let _ = root.insert_before(&b, root.first_child().as_ref());
                placed = true;
            }
        }
    }
    if !placed {
        if let (Some(body), Ok(b)) = (doc.body(), build()) {
            let _ = body.insert_before(&b, body.first_child().as_ref());
        }
    }
}
