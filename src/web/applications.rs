//! Grant applications on the page: one card per application the engine found, with its facts,
//! a checklist of the form's fields (present / missing / inconsistent, each with its line), its
//! budget and its findings. Shows only what the contract's `applications` holds.

use std::sync::Arc;

use leptos::prelude::*;

use super::fmt::num;
use super::i18n::Lang;
use crate::report::{Application, DocumentReport};

/// "present", "missing" or "inconsistent" for field `f` of `a`: inconsistent when a finding of
/// the application (other than the list of missing fields) is on the field's line.
fn state(a: &Application, f: &str) -> &'static str {
    match a.fields.get(f).copied().flatten() {
        None => "missing",
        Some(line)
            if a.findings
                .iter()
                .any(|x| x.line == line && !x.message.starts_with("Søknaden mangler")) =>
        {
            "inconsistent"
        }
        Some(_) => "present",
    }
}

fn money(l: Lang, v: Option<f64>) -> String {
    v.map(|x| format!("{} kr", num(l, x, 0)))
        .unwrap_or_else(|| "–".to_string())
}

fn card(lang: RwSignal<Lang>, i: usize, a: Application) -> impl IntoView {
    let a = Arc::new(a);
    let l = move || lang.get();
    let title = a.title.clone().unwrap_or_else(|| "–".into());
    let a2 = a.clone();
    let facts = move || {
        let l = l();
        let a = &a2;
        let period = a
            .period
            .as_ref()
            .map(|p| {
                let y = |v: Option<i32>| v.map(|x| x.to_string()).unwrap_or_else(|| "?".into());
                let mut s = format!("{}–{}", y(p.start), y(p.end));
                if let Some(n) = p.years {
                    s.push_str(&format!(" ({} {})", num(l, n, 1), l.t("år", "years")));
                }
                s
            })
            .unwrap_or_else(|| "–".into());
        let rows: Vec<(&'static str, &'static str, String)> = vec![
            (
                "owners",
                l.t("Eiere", "Owners"),
                if a.owners.is_empty() {
                    "–".into()
                } else {
                    a.owners.join("; ")
                },
            ),
            (
                "contact",
                l.t("Kontakt", "Contact"),
                a.contact.clone().unwrap_or_else(|| "–".into()),
            ),
            (
                "amount_applied",
                l.t("Søkt beløp", "Applied for"),
                money(l, a.amount_applied),
            ),
            (
                "total_cost",
                l.t("Totalkostnad", "Total cost"),
                money(l, a.total_cost),
            ),
            ("period", l.t("Periode", "Period"), period),
        ];
        rows.into_iter()
            .map(|(k, label, v)| view! { <dt>{label}</dt><dd data-app-fact=k>{v}</dd> })
            .collect_view()
    };
    let a3 = a.clone();
    let checklist = move || {
        let l = l();
        let code = l.code();
        crate::grants::FIELDS
            .iter()
            .map(|f| {
                let st = state(&a3, f);
                let (icon, word) = match st {
                    "missing" => ("✗", l.t("mangler", "missing")),
                    "inconsistent" => ("!", l.t("avvik", "inconsistent")),
                    _ => ("✓", l.t("finnes", "present")),
                };
                let line = a3.fields.get(*f).copied().flatten();
                view! {
                    <li class=format!("ms-check ms-check-{st}") data-field=*f data-state=st>
                        <span aria-hidden="true">{icon}</span>
                        {format!(" {}: {word}", crate::grants::field_name(f, code))}
                        {line.map(|n| format!(" ({} {n})", l.t("linje", "line")))}
                    </li>
                }
            })
            .collect_view()
    };
    let a4 = a.clone();
    let region_title = title.clone();
    let budget = move || {
        let l = l();
        // Each budget is a region named after its application (landmarks must be unique).
        let region = format!("{}: {}", l.t("Budsjett", "Budget"), region_title);
        a4.budget.as_ref().map(|b| {
            let mut header = vec![l.t("Post", "Item").to_string()];
            header.extend(b.years.iter().map(|y| y.to_string()));
            if b.sum_column || b.years.is_empty() {
                header.push(l.t("Sum", "Total").to_string());
            }
            let row = |r: &crate::report::BudgetRow, total: bool| {
                view! {
                    <tr class:ms-budget-total=total>
                        <th scope="row">{r.label.clone()}</th>
                        {r.values
                            .iter()
                            .map(|v| view! { <td>{v.map(|x| num(l, x, 0)).unwrap_or_else(|| "–".into())}</td> })
                            .collect_view()}
                    </tr>
                }
            };
            view! {
                <div class="ms-matrix-wrap" tabindex="0" role="region" aria-label=region.clone()>
                    <table data-size="sm" class="ds-table ms-table ms-budget">
                        <caption>{format!("{} ({} {}–{})", l.t("Budsjett", "Budget"), l.t("linje", "lines"), b.line, b.end_line)}</caption>
                        <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {b.rows.iter().map(|r| row(r, false)).collect_view()}
                            {b.total.as_ref().map(|t| row(t, true))}
                        </tbody>
                    </table>
                </div>
            }
        })
    };
    let a5 = a.clone();
    let findings = move || {
        let l = l();
        if a5.findings.is_empty() {
            return view! { <p class="ms-empty">{l.t("Ingen funn i søknaden.", "No findings in the application.")}</p> }.into_any();
        }
        view! {
            <ul class="ms-app-findings">
                {a5.findings
                    .iter()
                    .map(|f| view! {
                        <li data-finding-kind="application" data-line=f.line>
                            {format!("{} {}: {}", l.t("Linje", "Line"), f.line, f.message)}
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let (first, last) = (a.line, a.end_line);
    view! {
        <article class="ms-app-card" data-application=i data-line=first>
            <h4>{title}</h4>
            <p class="ms-hint">{move || format!("{} {first}–{last}", l().t("Linje", "Lines"))}</p>
            <dl class="ms-app-facts">{facts}</dl>
            <ul class="ms-checklist" aria-label=move || l().t("Sjekkliste", "Checklist")>{checklist}</ul>
            {budget}
            {findings}
        </article>
    }
}

/// The cards of a document's applications (nothing when it has none).
#[component]
pub fn Applications(lang: RwSignal<Lang>, report: Arc<DocumentReport>) -> impl IntoView {
    if report.applications.is_empty() {
        return ().into_any();
    }
    let n = report.applications.len();
    let apps = report.applications.clone();
    view! {
        <section class="ms-applications">
            <h3>{move || format!("{} ({n})", lang.get().t("Søknader om tilskudd", "Grant applications"))}</h3>
            {apps.into_iter().enumerate().map(|(i, a)| card(lang, i, a)).collect_view()}
        </section>
    }
    .into_any()
}
