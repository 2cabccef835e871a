//! The editable table of groups: name, base year, staff today and the need per year.

use leptos::prelude::*;

use super::{GroupRow, StaffInput};
use crate::web::i18n::Lang;

/// The editable group table.
#[component]
pub(super) fn GroupEditor(
    lang: RwSignal<Lang>,
    input: RwSignal<StaffInput>,
    prefix: String,
) -> impl IntoView {
    let l = move || lang.get();
    let prefix = StoredValue::new(prefix);
    let keys = move || {
        input.with(|s| {
            s.rows
                .iter()
                .map(|r| (r.key, r.points.len()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="ms-matrix-wrap ms-group-editor" role="region" tabindex="0" aria-label=move || l().t("Grupper", "Groups")>
            <table data-size="sm" class="ds-table ms-table">
                <thead>
                    <tr>
                        <th scope="col">{move || l().t("Gruppe", "Group")}</th>
                        <th scope="col">{move || l().t("Basisår", "Base year")}</th>
                        <th scope="col">{move || l().t("Ansatte", "Staff")}</th>
                        <th scope="col">{move || l().t("Behov (år: antall)", "Need (year: count)")}</th>
                        <th scope="col"><span class="ms-sr">{move || l().t("Handlinger", "Actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=keys
                        key=|k| *k
                        children=move |(key, npoints)| group_row(lang, input, prefix, key, npoints)
                    />
                </tbody>
            </table>
        </div>
        <button type="button" class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm" on:click=move |_| input.update(|s| s.add_row())>
            {move || l().t("Legg til gruppe", "Add a group")}
        </button>
    }
}

/// One group's row: its fields, its need points with "+" for another, and "Fjern".
fn group_row(
    lang: RwSignal<Lang>,
    input: RwSignal<StaffInput>,
    prefix: StoredValue<String>,
    key: u32,
    npoints: usize,
) -> impl IntoView {
    let l = move || lang.get();
    let edit = move |key: u32, f: Box<dyn FnOnce(&mut GroupRow)>| {
        input.update(|s| {
            if let Some(r) = s.rows.iter_mut().find(|r| r.key == key) {
                f(r);
            }
        })
    };
    let read = move |key: u32, f: fn(&GroupRow) -> String| {
        input.with(|s| {
            s.rows
                .iter()
                .find(|r| r.key == key)
                .map(f)
                .unwrap_or_default()
        })
    };
    let pid = move |s: &str| format!("{}-{key}-{s}", prefix.get_value());
    let row_name = move || {
        let n = read(key, |r| r.name.clone());
        if n.trim().is_empty() {
            l().t("ny gruppe", "new group").to_string()
        } else {
            n
        }
    };
    view! {
        <tr data-row=key.to_string()>
            <td>
                <input
                    id=pid("name")
                    type="text"
                    class="ms-in-name ds-input"
                    aria-label=move || l().t("Gruppe", "Group")
                    prop:value=move || read(key, |r| r.name.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| r.name = v)) }
                />
            </td>
            <td>
                <input
                    type="text"
                    inputmode="numeric"
                    class="ms-in-year ds-input"
                    aria-label=move || format!("{} – {}", l().t("Basisår", "Base year"), row_name())
                    prop:value=move || read(key, |r| r.base_year.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| r.base_year = v)) }
                />
            </td>
            <td>
                <input
                    type="text"
                    inputmode="decimal"
                    class="ms-in-num ds-input"
                    aria-label=move || format!("{} – {}", l().t("Ansatte i basisåret", "Staff in the base year"), row_name())
                    prop:value=move || read(key, |r| r.base.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| r.base = v)) }
                />
            </td>
            <td class="ms-points">
                {(0..npoints)
                    .map(|i| {
                        let year = move || input.with(|s| s.rows.iter().find(|r| r.key == key).and_then(|r| r.points.get(i)).map(|p| p.0.clone()).unwrap_or_default());
                        let need = move || input.with(|s| s.rows.iter().find(|r| r.key == key).and_then(|r| r.points.get(i)).map(|p| p.1.clone()).unwrap_or_default());
                        view! {
                            <span class="ms-point">
                                <input
                                    type="text"
                                    inputmode="numeric"
                                    class="ms-in-year ds-input"
                                    aria-label=move || format!("{} {} – {}", l().t("Behovsår", "Need year"), i + 1, row_name())
                                    prop:value=year
                                    on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| if let Some(p) = r.points.get_mut(i) { p.0 = v })) }
                                />
                                <span aria-hidden="true">":"</span>
                                <input
                                    type="text"
                                    inputmode="decimal"
                                    class="ms-in-num ds-input"
                                    aria-label=move || format!("{} {} – {}", l().t("Behov", "Need"), i + 1, row_name())
                                    prop:value=need
                                    on:input=move |ev| { let v = event_target_value(&ev); edit(key, Box::new(move |r| if let Some(p) = r.points.get_mut(i) { p.1 = v })) }
                                />
                            </span>
                        }
                    })
                    .collect_view()}
                <button
                    type="button"
                    class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                    aria-label=move || format!("{} – {}", l().t("Legg til behovsår", "Add a need year"), row_name())
                    on:click=move |_| edit(key, Box::new(|r| r.points.push((String::new(), String::new()))))
                >
                    "+"
                </button>
            </td>
            <td>
                <button
                    type="button"
                    class="ms-button ms-small ds-button" data-variant="secondary" data-size="sm"
                    aria-label=move || format!("{} {}", l().t("Fjern", "Remove"), row_name())
                    on:click=move |_| input.update(|s| s.rows.retain(|r| r.key != key))
                >
                    {move || l().t("Fjern", "Remove")}
                </button>
            </td>
        </tr>
    }
}
