//! The detail panel: a chosen target or finding, and the report's text around it with the lines
//! it rests on highlighted.

use leptos::prelude::*;

use super::actions::back;
use super::findings::explain;
use super::targets::{line_ref, status_badge, target_desc, verdict_text};
use super::{Doc, Focus, Ui};
use crate::model::Indicator;
use crate::report::DocumentReport;
use crate::web::i18n::*;

/// Lines of context shown around each highlighted passage in the source view.
const CONTEXT: usize = 6;

/// Longest passage highlighted in full.
const MAX_SPAN: usize = 120;

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
    let rep = d.report.get();
    let r = &*rep;
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
                indicator_detail(l, r, ind).into_any()
            }
        },
        Focus::Finding(i) => match r.findings.get(i) {
            None => ().into_any(),
            Some(fi) => {
                marks.push((fi.line, fi.end_line.max(fi.line), Mark::Finding));
                view! {
                    <div class="ms-detail-body" data-detail-finding=fi.line.to_string()>
                        <p class="ms-detail-status">
                            <span class=format!("ms-sev ms-sev-{} ds-tag", severity_key(fi.severity)) data-color=severity_color(fi.severity)>
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

/// A chosen target: its text, how it was read, the figures used with the lines they are on, and
/// the report's claim.
fn indicator_detail(l: Lang, r: &DocumentReport, ind: &Indicator) -> impl IntoView {
    let place = |line: usize| r.origin(line).and_then(|o| o.label(l == Lang::En));
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
                                    <li class=format!("ms-verdict ms-status-{} ds-tag", status_key(s)) data-color=status_color(s)>
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

/// The detail panel beside the lists: the chosen target or finding and the report's text around
/// it; Escape and "Tilbake" return focus to where it was opened.
pub(super) fn detail_panel(ui: Ui, doc: StoredValue<Doc>) -> impl IntoView {
    let l = move || ui.lang.get();
    let sel = |ui: Ui, id: &str| ui.id(id);
    view! {
    <aside
        class="ms-detail ds-card"
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
                <button type="button" class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm" data-back="" on:click=move |_| back(ui)>
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
    }
}
