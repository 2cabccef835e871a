//! Downloads: a Blob URL on a hidden link for every export of the page, and the report's JSON
//! with each item's origin beside its line.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::report::Report;

pub(super) fn download(name: &str, mime: &str, content: &str) {
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

pub(super) fn stem(name: &str) -> String {
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

/// The report as indented JSON for the export: serialised compactly (the serializer the worker
/// already uses) and indented by the browser's `JSON.stringify`, so the build carries one
/// serializer for the report, not two.
pub(super) fn pretty_json(report: &Report) -> String {
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
