//! The analysis workers' entry points and their answer. The answer's type is in every wasm
//! build (the page decodes it); the entry points only in the workers' builds, which have the
//! readers: worker.js's (`--features readers`: the engine and the DOCX/XLSX/ODS readers, no
//! view) and worker-pdf.js's (`--features pdf`: the engine and all readers, no view). The
//! page's build does not carry them (nor the serialiser they pull in for the locations).

use serde::{Deserialize, Serialize};
#[cfg(feature = "readers")]
use wasm_bindgen::prelude::*;

use crate::model::Origin;
use crate::report::DocumentReport;

/// The worker's answer, as JSON: `{"ok": {"report", "text", "origins"}}` or `{"err": message}`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum WorkerReply {
    Ok {
        report: DocumentReport,
        text: String,
        /// Each line's place in a structured file (the report's `origins`, which its JSON
        /// does not carry as such).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        origins: Vec<Origin>,
    },
    Err(String),
}

/// Analyses one input for worker.js and returns the answer as a JSON string
/// (`{"ok": {"report": DocumentReport, "text": string, "origins"?: [Origin]}}` or
/// `{"err": message}`).
#[cfg(feature = "readers")]
#[wasm_bindgen]
pub fn analyze_for_worker(name: &str, bytes: &[u8]) -> String {
    reply_json(name, crate::analyze(name, bytes))
}

/// [`analyze_for_worker`] for worker-pdf.js: calls `progress(done, total)` once per PDF page
/// while the file is read, so the page can show how far a long PDF has come.
#[cfg(feature = "pdf")]
#[wasm_bindgen]
pub fn analyze_for_worker_with_progress(
    name: &str,
    bytes: &[u8],
    #[wasm_bindgen(unchecked_param_type = "(done: number, total: number) => void")]
    progress: &js_sys::Function,
) -> String {
    let mut report = |done: usize, total: usize| {
        let _ = progress.call2(
            &JsValue::NULL,
            &JsValue::from(done as u32),
            &JsValue::from(total as u32),
        );
    };
    reply_json(name, crate::analyze_with_progress(name, bytes, &mut report))
}

#[cfg(feature = "readers")]
fn reply_json(name: &str, analysis: Result<crate::Analysis, crate::intake::IntakeError>) -> String {
    let reply = match analysis {
        Ok(a) => WorkerReply::Ok {
            origins: a.report.origins.clone(),
            report: a.report,
            text: a.text,
        },
        Err(e) => WorkerReply::Err(e.to_string()),
    };
    serde_json::to_string(&reply).unwrap_or_else(|e| {
        serde_json::to_string(&WorkerReply::Err(format!(
            "{name}: kunne ikke sende svaret (could not send the answer): {e}"
        )))
        .unwrap_or_default()
    })
}

/// The follow-up letter (`crate::letter::Letter` as JSON, as the page edited it) as the bytes of
/// a .docx file, for worker.js: the ZIP writer lives in the worker's wasm, not the page's. Empty
/// when the JSON is not a letter or the file cannot be written.
/// Only in worker.js's wasm: the PDF worker never writes letters.
#[cfg(all(feature = "readers", not(feature = "pdf")))]
#[wasm_bindgen]
pub fn letter_docx(json: &str) -> Vec<u8> {
    serde_json::from_str::<crate::letter::Letter>(json)
        .ok()
        .and_then(|l| crate::letter::docx::write(&l).ok())
        .unwrap_or_default()
}
