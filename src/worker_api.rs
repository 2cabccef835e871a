//! The analysis worker's entry point (worker.js), in every wasm build: the page's build has it
//! for its own main-thread fallback, the worker's build (`--no-default-features --features
//! readers`: the engine and the DOCX/XLSX/ODS readers, no view) exists for it.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::report::{DocumentReport, Origin};

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
#[wasm_bindgen]
pub fn analyze_for_worker(name: &str, bytes: &[u8]) -> String {
    let reply = match crate::analyze(name, bytes) {
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
