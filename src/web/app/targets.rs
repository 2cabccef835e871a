//! Targets as the page writes them: the requirement in words, the per-entity figures table, the
//! row in the targets list and the target-by-entity matrix.

use leptos::prelude::*;

use super::actions::select;
use super::results::visible_indicators;
use super::{Doc, Focus, Mode, Ui};
use crate::model::{Comparator, Indicator, Status, Target, TargetUnit};
use crate::report::DocumentReport;
use crate::web::fmt::num;
use crate::web::i18n::*;

pub(in crate::web) fn value_with_unit(l: Lang, v: f64, unit: Option<TargetUnit>) -> String {
    let u = unit.map(|u| unit_text(l, u)).unwrap_or("");
    let n = num(l, v, 2);
    match u {
        "" => n,
        "%" => format!("{n}\u{a0}%"),
        u => format!("{n} {u}"),
    }
}

pub(in crate::web) fn target_desc(l: Lang, t: &Target) -> String {
    let mut s = requirement(l, t);
    if let Some(y) = t.target_year {
        s.push_str(&format!(" {} {y}", l.t("i", "in")));
    }
    if let Some(sub) = &t.subject {
        s.push_str(&format!(" ({sub})"));
    }
    if t.long_term {
        s.push_str(l.t(" – på sikt", " – long term"));
    }
    s
}

/// What the target requires, without its year: "minst 95 %", "økes på 15 % fra 2023".
fn requirement(l: Lang, t: &Target) -> String {
    let mut s = String::new();
    let comp = comparator_text(l, t.comparator);
    match t.comparator {
        Comparator::Qualitative => s.push_str(comp),
        Comparator::Increase | Comparator::Decrease => {
            s.push_str(comp);
            if let Some(p) = t.change_pct {
                s.push_str(&format!(" {} {}\u{a0}%", l.t("på", "of"), num(l, p, 2)));
            } else if let Some(v) = t.threshold {
                s.push_str(&format!(
                    " {} {}",
                    l.t("til", "to"),
                    value_with_unit(l, v, t.unit)
                ));
            }
            if let Some(y) = t.baseline_year {
                s.push_str(&format!(" {} {y}", l.t("fra", "from")));
            }
        }
        Comparator::NotAboveBaseline | Comparator::NotBelowBaseline => {
            s.push_str(comp);
            match t.baseline_year {
                Some(y) => s.push_str(&format!(" {} {y}", l.t("nivået i", "the level in"))),
                None => s.push_str(l.t(" utgangsnivået", " the baseline")),
            }
        }
        _ => {
            s.push_str(comp);
            if let Some(v) = t.threshold {
                s.push(' ');
                s.push_str(&value_with_unit(l, v, t.unit));
            }
        }
    }
    s
}

/// A signed figure: "+10,8", "−2".
fn signed(l: Lang, v: f64, dec: usize) -> String {
    let n = num(l, v, dec);
    if v > 0.0 && n.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("+{n}")
    } else {
        n
    }
}

/// Each entity's figures for one target, the numbers a reviewer checks by eye: value, baseline,
/// change (absolute and %, from `Verdict::change`), requirement, deadline and verdict.
fn verdict_table(l: Lang, i: usize, ind: &Indicator, ent: &str) -> impl IntoView {
    let t = &ind.target;
    let unit = t.unit;
    let req = requirement(l, t);
    let deadline = match (t.target_year, t.long_term) {
        (Some(y), true) => format!("{y} ({})", l.t("på sikt", "long term")),
        (Some(y), false) => y.to_string(),
        (None, true) => l.t("på sikt", "long term").to_string(),
        (None, false) => "–".to_string(),
    };
    let dash = || "–".to_string();
    let label = format!(
        "{} {}: {}",
        l.t("Tall per virksomhet, mål", "Figures per entity, target"),
        i + 1,
        if ind.measure.is_empty() {
            &ind.text
        } else {
            &ind.measure
        }
    );
    let heads = [
        l.t("Virksomhet", "Entity"),
        l.t("Verdi", "Value"),
        l.t("Utgangsnivå", "Baseline"),
        l.t("Endring", "Change"),
        l.t("Endring i %", "Change in %"),
        l.t("Krav", "Requirement"),
        l.t("Frist", "Deadline"),
        l.t("Vurdering", "Verdict"),
    ];
    view! {
        <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=label>
            <table data-size="sm" class="ds-table ms-table ms-vtable">
                <thead>
                    <tr>{heads.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {ind
                        .verdicts
                        .iter()
                        .map(|v| {
                            let s = verdict_as_status(v.status);
                            let change = v.change();
                            let abs = change.and_then(|c| c.absolute).map(|a| match unit {
                                Some(TargetUnit::Percent) => {
                                    format!("{} {}", signed(l, a, 2), l.t("%-poeng", "pp"))
                                }
                                _ => {
                                    let mut x = value_with_unit(l, a.abs(), unit);
                                    if a < 0.0 { x.insert(0, '−') } else if a > 0.0 { x.insert(0, '+') }
                                    x
                                }
                            });
                            let pct = change.and_then(|c| {
                                let p = format!("{}\u{a0}%", signed(l, c.pct?, 1));
                                Some(if c.stated { format!("{p} ({})", l.t("oppgitt", "stated")) } else { p })
                            });
                            let mut name = v.entity.clone();
                            if let Some(sub) = &v.subject {
                                name.push_str(&format!(" ({sub})"));
                            }
                            let value = v.value.map(|x| {
                                let mut s = value_with_unit(l, x, unit);
                                if let Some(y) = v.year {
                                    s.push_str(&format!(" ({y})"));
                                }
                                s
                            });
                            let base = v.baseline_value.map(|b| {
                                let mut s = value_with_unit(l, b, unit);
                                if let Some(y) = t.baseline_year {
                                    s.push_str(&format!(" ({y})"));
                                }
                                s
                            });
                            view! {
                                <tr
                                    class=format!("ms-verdict ms-status-{}", status_key(s))
                                    class:ms-verdict-match=!ent.is_empty() && v.entity == ent
                                    data-entity=v.entity.clone()
                                    data-status=status_key(s)
                                >
                                    <th scope="row">{name}</th>
                                    <td class="ms-num" data-col="value">{value.unwrap_or_else(dash)}</td>
                                    <td class="ms-num" data-col="baseline">{base.unwrap_or_else(dash)}</td>
                                    <td class="ms-num" data-col="change">{abs.unwrap_or_else(dash)}</td>
                                    <td class="ms-num" data-col="change_pct">{pct.unwrap_or_else(dash)}</td>
                                    <td data-col="requirement">{req.clone()}</td>
                                    <td data-col="deadline">{deadline.clone()}</td>
                                    <td data-col="verdict">
                                        <span class="ds-tag" data-color=status_color(s)>
                                            <span aria-hidden="true">{status_icon(s)}</span>
                                            {format!(" {}", status_text(l, s))}
                                        </span>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

pub(in crate::web) fn status_badge(l: Lang, s: Status) -> impl IntoView {
    view! {
        <span class=format!("ms-status ms-status-{} ds-tag", status_key(s)) data-color=status_color(s)>
            <span aria-hidden="true">{status_icon(s)}</span>
            {format!(" {}", status_text(l, s))}
        </span>
    }
}

/// What a "show in the text" button opens: "Vis linje 2212 i teksten".
pub(super) fn show_text(l: Lang, a: usize, b: usize) -> String {
    match l {
        Lang::Nb => format!("Vis {} i teksten", line_ref(l, a, b)),
        Lang::En => format!("Show {} in the text", line_ref(l, a, b)),
    }
}

pub(in crate::web) fn line_ref(l: Lang, a: usize, b: usize) -> String {
    if b > a {
        format!("{} {a}–{b}", l.t("linje", "lines"))
    } else {
        format!("{} {a}", l.t("linje", "line"))
    }
}

pub(super) fn verdict_text(l: Lang, v: &crate::model::Verdict, unit: Option<TargetUnit>) -> String {
    let mut s = v.entity.clone();
    if let Some(sub) = &v.subject {
        s.push_str(&format!(" ({sub})"));
    }
    s.push_str(": ");
    s.push_str(status_text(l, verdict_as_status(v.status)));
    if let Some(x) = v.value {
        s.push_str(&format!(", {}", value_with_unit(l, x, unit)));
        if let Some(y) = v.year {
            s.push_str(&format!(" ({y})"));
        }
    }
    if let Some(b) = v.baseline_value {
        s.push_str(&format!(
            "; {} {}",
            l.t("utgangsnivå", "baseline"),
            value_with_unit(l, b, unit)
        ));
    }
    s
}

/// One target in the list; with an entity chosen in the filter (`ent`), its verdict is marked.
pub(super) fn indicator_row(
    ui: Ui,
    l: Lang,
    i: usize,
    ind: &Indicator,
    at: Option<String>,
    ent: &str,
) -> impl IntoView {
    let measure = if ind.measure.is_empty() {
        l.t("Mål", "Target").to_string()
    } else {
        ind.measure.clone()
    };
    view! {
        <li
            class="ms-target ds-card"
            class:ms-selected=move || ui.focus.get() == Some(Focus::Indicator(i))
            data-indicator-line=ind.line.to_string()
            data-status=status_key(ind.status)
        >
            <div class="ms-row-head">
                {status_badge(l, ind.status)}
                <span class="ms-measure">{measure}</span>
                <span class="ms-lineref">{line_ref(l, ind.line, ind.end_line)}</span>
                {at.map(|a| { let shown = a.clone(); view! { <span class="ms-lineref ms-at" data-at=a>{shown}</span> } })}
            </div>
            <p class="ms-quote">{ind.text.clone()}</p>
            <p class="ms-spec">
                <span class="ms-k">{l.t("Mål: ", "Target: ")}</span>
                {target_desc(l, &ind.target)}
            </p>
            <p class="ms-claim">
                <span class="ms-k">{l.t("Rapporten sier: ", "The report says: ")}</span>
                {claim_text(l, ind.claim)}
                {ind.claim_line.map(|c| format!(" ({})", line_ref(l, c, c)))}
            </p>
            {(!ind.verdicts.is_empty()).then(|| verdict_table(l, i, ind, ent))}
            <button
                type="button"
                class="ms-button ms-small ms-show ds-button" data-variant="secondary" data-size="sm"
                on:click=move |_| select(ui, Focus::Indicator(i))
            >
                {show_text(l, ind.line, ind.end_line)}
            </button>
        </li>
    }
}

pub(super) fn matrix(
    ui: Ui,
    l: Lang,
    r: &DocumentReport,
    idx: &[usize],
    entities: &[String],
) -> impl IntoView {
    let caption = l.t(
        "Mål (rader) mot virksomheter (kolonner)",
        "Targets (rows) by entities (columns)",
    );
    view! {
        <div class="ms-matrix-wrap ms-matrix-scroll" tabindex="0" role="region" aria-label=caption>
            <table data-size="sm" class="ds-table ms-matrix">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{l.t("Mål", "Target")}</th>
                        <th scope="col">{l.t("Samlet", "Overall")}</th>
                        {entities.iter().map(|e| view! { <th scope="col">{e.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {idx
                        .iter()
                        .filter_map(|&i| r.indicators.get(i).map(|ind| (i, ind)))
                        .map(|(i, ind)| {
                            let label = if ind.measure.is_empty() { ind.text.clone() } else { ind.measure.clone() };
                            let spec = target_desc(l, &ind.target);
                            view! {
                                <tr data-indicator-line=ind.line.to_string() data-status=status_key(ind.status)>
                                    <th scope="row">
                                        <button
                                            type="button"
                                            class="ms-linkbutton ds-link"
                                            on:click=move |_| select(ui, Focus::Indicator(i))
                                        >
                                            {label}
                                            <span class="ms-sr">{format!(" – {}", show_text(l, ind.line, ind.end_line))}</span>
                                        </button>
                                        <span class="ms-spec-small">{spec}</span>
                                    </th>
                                    <td>{status_badge(l, ind.status)}</td>
                                    {entities
                                        .iter()
                                        .map(|e| {
                                            let vs: Vec<_> = ind.verdicts.iter().filter(|v| &v.entity == e).collect();
                                            if vs.is_empty() {
                                                return view! {
                                                    <td class="ms-cell-none">
                                                        <span aria-hidden="true">"–"</span>
                                                        <span class="ms-sr">{l.t("ingen vurdering", "no verdict")}</span>
                                                    </td>
                                                }
                                                    .into_any();
                                            }
                                            view! {
                                                <td>
                                                    {vs
                                                        .into_iter()
                                                        .map(|v| {
                                                            let s = verdict_as_status(v.status);
                                                            let val = v.value.map(|x| value_with_unit(l, x, ind.target.unit));
                                                            let sub = v.subject.clone().map(|x| format!("{x}: "));
                                                            view! {
                                                                <span
                                                                    class=format!("ms-cell ms-status-{}", status_key(s))
                                                                    data-entity=v.entity.clone()
                                                                    data-status=status_key(s)
                                                                >
                                                                    {sub}
                                                                    <span aria-hidden="true">{status_icon(s)}</span>
                                                                    {format!(" {}", status_text(l, s))}
                                                                    {val.map(|x| view! { <span class="ms-cell-val">{x}</span> })}
                                                                </span>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </td>
                                            }
                                                .into_any()
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The targets the filters show, as a list or a matrix, under a heading with their count.
pub(super) fn targets_section(
    ui: Ui,
    doc: StoredValue<Doc>,
    entities: Memo<Vec<String>>,
) -> impl IntoView {
    let l = move || ui.lang.get();
    let r = move || doc.with_value(|d| d.report.get());
    let sel = |ui: Ui, id: &str| ui.id(id);
    view! {
    <section class="ms-targets" aria-labelledby=sel(ui, "targets-title")>
        <h3 id=sel(ui, "targets-title")>
            {move || {
                let shown = visible_indicators(ui, &r()).len();
                let all = r().indicators.len();
                if shown == all {
                    format!("{} ({all})", l().t("Mål", "Targets"))
                } else {
                    format!("{} ({shown} {} {all})", l().t("Mål", "Targets"), l().t("av", "of"))
                }
            }}
        </h3>
        {move || {
            let rep = r();
            let lang = l();
            if rep.indicators.is_empty() {
                return view! {
                    <p class="ms-empty">
                        {lang.t(
                            "Fant ingen mål med måltall i dette dokumentet.",
                            "No targets with figures were found in this document.",
                        )}
                    </p>
                }
                    .into_any();
            }
            let idx = visible_indicators(ui, &rep);
            if idx.is_empty() {
                return view! {
                    <p class="ms-empty">
                        {lang.t("Ingen mål passer til filteret.", "No targets match the filter.")}
                    </p>
                }
                    .into_any();
            }
            let ent = ui.f_entity.get_untracked();
            match ui.mode.get() {
                Mode::List => view! {
                    <ul class="ms-target-list">
                        {idx
                            .into_iter()
                            .filter_map(|i| {
                                rep.indicators.get(i).map(|ind| {
                                    let at = rep
                                        .origin(ind.line)
                                        .and_then(|o| o.label(lang == Lang::En));
                                    indicator_row(ui, lang, i, ind, at, &ent)
                                })
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any(),
                Mode::Matrix => matrix(ui, lang, &rep, &idx, &entities.get()).into_any(),
            }
        }}
    </section>
    }
}
