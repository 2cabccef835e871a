//! What the page does between renders: a batch of inputs read, analysed (in the worker or after the
//! busy note is painted) and added or refused; cancelling; the views and the focus moves between
//! them.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::{Doc, Focus, Page, Refusal, Ui};
use crate::report::DocumentReport;
use crate::web::i18n::*;
use crate::web::staffing::StaffInput;

/// How a result came: given to `mount` (shown, focus left alone) or from the reviewer's drop,
/// pick, paste or example (the first of a batch is shown and takes focus; the others are listed).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Arrival {
    Preloaded,
    User,
}

/// Starts a batch of the reviewer's inputs: its first result will be shown.
pub(super) fn new_batch(ui: Ui) {
    ui.batch_shown.set_value(false);
}

/// Adds one analysed document (replacing an earlier one of the same name) to the list; selects
/// it when it is preloaded or the first of the reviewer's batch, and then folds the intake and
/// moves focus to its overview.
pub(super) fn add_analysis(ui: Ui, report: DocumentReport, text: String, arrival: Arrival) {
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
        report: ArcRwSignal::new(Arc::new(report)),
        lines: Arc::new(lines),
        checked: (now.get_full_year(), now.get_month() + 1, now.get_date()),
    };
    // A document shown now and analysed again is shown again.
    let replaces_shown = ui
        .current_doc()
        .is_some_and(|c| c.report.with_untracked(|r| r.name == name));
    ui.docs.update(|v| {
        v.retain(|x| x.report.with_untracked(|r| r.name != name));
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
pub(super) fn add_input_later(ui: Ui, name: String, bytes: Vec<u8>) {
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
pub(super) fn cancel(ui: Ui) {
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
pub(super) fn open_staffing(ui: Ui, name: String, groups: Vec<crate::staffing::Group>) {
    ui.staff.set(StaffInput::from_groups(Some(name), &groups));
    go(ui, Page::Staffing);
}

/// Shows `page` and moves focus to its heading.
pub(super) fn go(ui: Ui, page: Page) {
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

pub(super) fn read_files(ui: Ui, files: web_sys::FileList) {
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
            let read = crate::web::read_file(&f).await;
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

pub(super) fn select(ui: Ui, f: Focus) {
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
pub(super) fn back(ui: Ui) {
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
pub(super) fn focus_id(ui: Ui, id: &str) {
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
