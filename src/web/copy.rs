//! "Kopier": a finding's text, or the shown findings as one numbered paragraph for a letter, put
//! on the clipboard. The texts are the engine's messages and line numbers in the page's words;
//! nothing is computed here.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use super::i18n::Lang;
use crate::model::Finding;

/// The engine's message after the line it is about, ending as a sentence: "Linje 9: Summen
/// 120 + 80 er 200, ikke 210." (the line first, so an abbreviation's full stop stays as written).
fn sentence(l: Lang, f: &Finding) -> String {
    let place = if f.end_line > f.line {
        format!("{} {}–{}", l.t("Linje", "Lines"), f.line, f.end_line)
    } else {
        format!("{} {}", l.t("Linje", "Line"), f.line)
    };
    let msg = f.message.trim();
    let stop = if msg.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    format!("{place}: {msg}{stop}")
}

/// One finding as a reviewer pastes it: the message with its line, and the figures in words.
pub fn finding_text(l: Lang, f: &Finding, explanation: Option<String>) -> String {
    match explanation {
        Some(e) => format!("{} {e}", sentence(l, f)),
        None => sentence(l, f),
    }
}

/// The findings as one paragraph of a letter: a lead naming the report, the findings numbered,
/// a closing request.
pub fn letter_paragraph(l: Lang, report: &str, findings: &[&Finding]) -> String {
    let mut s = match l {
        Lang::Nb => format!("I gjennomgangen av {report} har vi merket oss følgende:"),
        Lang::En => format!("In reviewing {report} we noted the following:"),
    };
    for (n, f) in findings.iter().enumerate() {
        s.push_str(&format!("\n{}. {}", n + 1, sentence(l, f)));
    }
    s.push('\n');
    s.push_str(l.t(
        "Vi ber om at dette rettes eller forklares.",
        "Please correct or explain these points.",
    ));
    s
}

/// Puts `text` on the clipboard (navigator.clipboard where the browser has it, else a selected
/// text area and the copy command) and says in `announce` whether it worked: "Kopiert: `what`".
pub fn copy(
    l: Lang,
    text: String,
    what: String,
    announce: RwSignal<String>,
    done: impl Fn() + 'static,
) {
    spawn_local(async move {
        let ok = match clipboard_write(&text) {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok() || copy_command(&text),
            None => copy_command(&text),
        };
        announce.set(if ok {
            done();
            format!("{}: {what}", l.t("Kopiert", "Copied"))
        } else {
            l.t(
                "Kunne ikke kopiere. Merk teksten og kopier den selv.",
                "Could not copy. Select the text and copy it yourself.",
            )
            .to_string()
        });
    });
}

/// `navigator.clipboard.writeText(text)`, when there is such a function.
fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let nav = get(&JsValue::from(web_sys::window()?), "navigator")?;
    let clip = get(&nav, "clipboard").filter(|c| c.is_object())?;
    let write = get(&clip, "writeText")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    write
        .call1(&clip, &JsValue::from_str(text))
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// The older way: a hidden text area, selected, and `document.execCommand("copy")`.
fn copy_command(text: &str) -> bool {
    let run = || -> Option<bool> {
        let document = web_sys::window()?.document()?;
        let area = document.create_element("textarea").ok()?;
        area.set_text_content(Some(text));
        area.set_class_name("ms-hidden-copy");
        let body = document.body()?;
        body.append_child(&area).ok()?;
        let select = js_sys::Reflect::get(&area, &"select".into()).ok()?;
        let _ = select.dyn_into::<js_sys::Function>().ok()?.call0(&area);
        let exec = js_sys::Reflect::get(&document, &"execCommand".into()).ok()?;
        let ok = exec
            .dyn_into::<js_sys::Function>()
            .ok()?
            .call1(&document, &"copy".into())
            .ok()?
            .as_bool();
        area.remove();
        ok
    };
    run().unwrap_or(false)
}
