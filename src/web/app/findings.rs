//! Findings: the row in the findings list with its copy button, stated against computed in plain
//! words, and the letter paragraph of the findings shown.

use leptos::prelude::*;

use super::actions::select;
use super::documents::doc_title;
use super::results::visible_findings;
use super::targets::{line_ref, show_text};
use super::{Doc, Focus, Ui};
use crate::model::Finding;
use crate::report::DocumentReport;
use crate::web::copy;
use crate::web::fmt::num;
use crate::web::i18n::*;

/// Copies the findings the filters show as one numbered paragraph for a letter.
pub(super) fn copy_letter(ui: Ui, r: &DocumentReport) {
    let l = ui.lang.get_untracked();
    let idx = untrack(|| visible_findings(ui, r));
    let shown: Vec<&Finding> = idx.iter().filter_map(|&i| r.findings.get(i)).collect();
    let mut name = format!("«{}»", doc_title(r));
    if let Some(owner) = &r.owner {
        name.push_str(&format!(" {} {owner}", l.t("fra", "from")));
    }
    let text = copy::letter_paragraph(l, &name, &shown);
    let what = match l {
        Lang::Nb => format!("{} funn som brevavsnitt", shown.len()),
        Lang::En => format!("{} findings as a letter paragraph", shown.len()),
    };
    copy::copy(l, text, what, ui.announce, || {});
}

/// Stated vs computed in plain words.
pub(super) fn explain(l: Lang, f: &Finding) -> Option<String> {
    let n = |v: f64| num(l, v, 3);
    let mut s = String::new();
    match (f.stated, f.computed) {
        (Some(a), Some(b)) => s.push_str(&match l {
            Lang::Nb => format!(
                "Rapporten oppgir {}. Regnet ut fra rapportens egne tall blir det {}.",
                n(a),
                n(b)
            ),
            Lang::En => format!(
                "The report states {}. Computed from the report's own figures it is {}.",
                n(a),
                n(b)
            ),
        }),
        (Some(a), None) => s.push_str(&match l {
            Lang::Nb => format!("Rapporten oppgir {}.", n(a)),
            Lang::En => format!("The report states {}.", n(a)),
        }),
        (None, Some(b)) => s.push_str(&match l {
            Lang::Nb => format!("Regnet ut fra rapportens egne tall blir det {}.", n(b)),
            Lang::En => format!("Computed from the report's own figures it is {}.", n(b)),
        }),
        (None, None) => {}
    }
    if let Some([lo, hi]) = f.computed_range {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&match l {
            Lang::Nb => format!(
                "Tallene i rapporten er avrundet, så riktig verdi kan ligge mellom {} og {}.",
                n(lo),
                n(hi)
            ),
            Lang::En => format!(
                "The report's figures are rounded, so the right value may lie between {} and {}.",
                n(lo),
                n(hi)
            ),
        });
    }
    (!s.is_empty()).then_some(s)
}

pub(super) fn finding_row(ui: Ui, l: Lang, i: usize, f: &Finding) -> impl IntoView {
    let text = copy::finding_text(l, f, explain(l, f));
    let place = line_ref(l, f.line, f.end_line);
    let label = format!("{} {place}", l.t("Kopier funnet på", "Copy the finding on"));
    let what = format!("{} {place}", l.t("funnet på", "the finding on"));
    let copied = RwSignal::new(false);
    let on_copy = move |_| {
        copy::copy(l, text.clone(), what.clone(), ui.announce, move || {
            let _ = copied.try_set(true);
            set_timeout(
                move || {
                    let _ = copied.try_set(false);
                },
                std::time::Duration::from_secs(2),
            );
        })
    };
    view! {
        <li
            class=format!("ms-finding ms-sev-{} ds-card", severity_key(f.severity))
            class:ms-selected=move || ui.focus.get() == Some(Focus::Finding(i))
            data-finding-kind=f.kind.as_str()
            data-severity=severity_key(f.severity)
            data-finding-line=f.line.to_string()
        >
            <div class="ms-row-head">
                <span class=format!("ms-sev ms-sev-{} ds-tag", severity_key(f.severity)) data-color=severity_color(f.severity)>
                    <span aria-hidden="true">{severity_icon(f.severity)}</span>
                    {format!(" {}", severity_text(l, f.severity))}
                </span>
                <span class="ms-measure">{kind_text(l, f.kind)}</span>
                <span class="ms-lineref">{line_ref(l, f.line, f.end_line)}</span>
            </div>
            <p class="ms-message">{f.message.clone()}</p>
            {explain(l, f).map(|e| view! { <p class="ms-explain">{e}</p> })}
            <div class="ms-row-actions">
                <button
                    type="button"
                    class="ms-button ms-small ms-show ds-button" data-variant="secondary" data-size="sm"
                    on:click=move |_| select(ui, Focus::Finding(i))
                >
                    {show_text(l, f.line, f.end_line)}
                </button>
                <button type="button" class="ms-button ms-small ms-copy ds-button" data-variant="tertiary" data-size="sm" data-copy="finding" aria-label=label on:click=on_copy>
                    {move || if copied.get() { l.t("Kopiert ✓", "Copied ✓") } else { l.t("Kopier", "Copy") }}
                </button>
            </div>
        </li>
    }
}

/// The findings the filters show, under a heading with their count and the letter-paragraph
/// copy button.
pub(super) fn findings_section(ui: Ui, doc: StoredValue<Doc>) -> impl IntoView {
    let l = move || ui.lang.get();
    let r = move || doc.with_value(|d| d.report.get());
    let sel = |ui: Ui, id: &str| ui.id(id);
    view! {
    <section class="ms-findings" aria-labelledby=sel(ui, "findings-title")>
        <div class="ms-section-head">
        <h3 id=sel(ui, "findings-title")>
            {move || {
                let shown = visible_findings(ui, &r()).len();
                let all = r().findings.len();
                if shown == all {
                    format!("{} ({all})", l().t("Funn", "Findings"))
                } else {
                    format!("{} ({shown} {} {all})", l().t("Funn", "Findings"), l().t("av", "of"))
                }
            }}
        </h3>
        <Show when=move || !visible_findings(ui, &r()).is_empty()>
            <button type="button" class="ms-button ms-small ms-copy ds-button" data-variant="tertiary" data-size="sm" data-copy="letter" on:click=move |_| copy_letter(ui, &r())>
                {move || l().t("Kopier som brevavsnitt", "Copy as a letter paragraph")}
            </button>
        </Show>
        </div>
        {move || {
            let rep = r();
            let lang = l();
            let idx = visible_findings(ui, &rep);
            if idx.is_empty() {
                let msg = if rep.findings.is_empty() {
                    lang.t("Ingen funn.", "No findings.")
                } else {
                    lang.t("Ingen funn passer til filteret.", "No findings match the filter.")
                };
                return view! { <p class="ms-empty">{msg}</p> }.into_any();
            }
            view! {
                <ul class="ms-finding-list">
                    {idx
                        .into_iter()
                        .filter_map(|i| rep.findings.get(i).map(|f| finding_row(ui, lang, i, f)))
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
    </section>
    }
}

/// The checks the engine made and found right, folded by default: a reviewer sees that a table
/// or a sentence was checked, not only that nothing was flagged. The list is rendered when
/// opened; nothing is shown when no check was made.
pub(super) fn checked_section(ui: Ui, doc: StoredValue<Doc>) -> impl IntoView {
    const MAX_ROWS: usize = 500;
    let l = move || ui.lang.get();
    let count = doc.with_value(|d| d.report.with_untracked(|r| r.checks_passed.len()));
    if count == 0 {
        return ().into_any();
    }
    let open = RwSignal::new(false);
    view! {
        <details class="ds-details ms-checked" data-checked="" on:toggle=move |ev| {
            let el: web_sys::HtmlDetailsElement = event_target(&ev);
            open.set(el.open());
        }>
            <summary>{move || format!("{} ({count})", l().t("Kontrollert og funnet riktig", "Checked and found right"))}</summary>
            {move || open.get().then(|| {
                let lang = l();
                let r = doc.with_value(|d| d.report.get_untracked());
                view! {
                    <p class="ms-hint">{lang.t(
                        "Regnestykker i rapporten som er regnet etter med rapportens egne tall og stemmer, innenfor avrundingen.",
                        "Arithmetic in the report redone from its own figures and found right, within rounding.",
                    )}</p>
                    <ul class="ms-checked-list">
                        {r.checks_passed.iter().take(MAX_ROWS).map(|p| view! {
                            <li data-rule=p.rule.clone() data-line=p.line.to_string()>
                                <span class="ms-ok" aria-hidden="true">"✓"</span>
                                <span>{p.message.clone()}</span>
                                <span class="ms-lineref">{line_ref(lang, p.line, p.end_line)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    {(count > MAX_ROWS).then(|| view! {
                        <p class="ms-hint">{format!("… {} {}", count - MAX_ROWS, lang.t("til", "more"))}</p>
                    })}
                }
            })}
        </details>
    }
    .into_any()
}
