//! The hand-drawn SVG line chart of need, supply and gap.

use leptos::prelude::*;

use crate::staffing::YearRow;
use crate::web::fmt::num;
use crate::web::i18n::Lang;

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;

/// A "nice" step for about `n` ticks over `span`.
fn nice_step(span: f64, n: f64) -> f64 {
    let raw = (span / n).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Hand-drawn SVG line chart of need, supply and gap. Decorative for screen readers beyond its
/// title and description: the table below holds the same numbers.
pub(super) fn chart(l: Lang, title: &str, desc: &str, years: &[YearRow]) -> impl IntoView {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return ().into_any();
    };
    let (y0, y1) = (first.year, last.year.max(first.year + 1));
    let mut lo: f64 = 0.0;
    let mut hi: f64 = 1.0;
    for r in years {
        for v in [Some(r.need), r.supply, r.gap].into_iter().flatten() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    let step = nice_step(hi - lo, 5.0);
    let lo = (lo / step).floor() * step;
    let hi = (hi / step).ceil() * step;
    let x = move |year: i32| LEFT + (W - LEFT - RIGHT) * f64::from(year - y0) / f64::from(y1 - y0);
    let y = move |v: f64| TOP + (H - TOP - BOTTOM) * (1.0 - (v - lo) / (hi - lo).max(1e-9));
    let path = |f: &dyn Fn(&YearRow) -> Option<f64>| -> String {
        years
            .iter()
            .filter_map(|r| f(r).map(|v| format!("{:.1},{:.1}", x(r.year), y(v))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let need = path(&|r| Some(r.need));
    let supply = path(&|r| r.supply);
    let gap = path(&|r| r.gap);
    let mut yticks = Vec::new();
    let mut v = lo;
    while v <= hi + step / 2.0 && yticks.len() < 12 {
        yticks.push(v);
        v += step;
    }
    let xstep = if y1 - y0 > 12 { 5 } else { 1 };
    let xticks: Vec<i32> = (y0..=y1)
        .filter(|yr| ((yr - y0) % xstep == 0 && y1 - yr > xstep / 2) || *yr == y1)
        .collect();
    let series = [
        ("need", l.t("Behov", "Need"), need),
        ("supply", l.t("Tilgang", "Supply"), supply),
        ("gap", l.t("Gap", "Gap"), gap),
    ];
    view! {
        <figure class="ms-chart">
            <svg
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-label=format!("{title}. {desc}")
                preserveAspectRatio="xMidYMid meet"
            >
                <title>{title.to_string()}</title>
                <desc>{desc.to_string()}</desc>
                <g class="ms-grid" aria-hidden="true">
                    {yticks
                        .iter()
                        .map(|&t| {
                            view! {
                                <line x1=LEFT.to_string() x2=(W - RIGHT).to_string() y1=format!("{:.1}", y(t)) y2=format!("{:.1}", y(t))
                                    class=if t == 0.0 { "ms-zero" } else { "" } />
                                <text x=(LEFT - 6.0).to_string() y=format!("{:.1}", y(t) + 4.0) text-anchor="end">{num(l, t, 0)}</text>
                            }
                        })
                        .collect_view()}
                    {xticks
                        .iter()
                        .map(|&yr| {
                            view! {
                                <text x=format!("{:.1}", x(yr)) y=(H - BOTTOM + 18.0).to_string() text-anchor="middle">{yr.to_string()}</text>
                            }
                        })
                        .collect_view()}
                </g>
                {series
                    .iter()
                    .filter(|(_, _, p)| !p.is_empty())
                    .map(|(k, _, p)| view! { <polyline class=format!("ms-line-{k}") points=p.clone() /> })
                    .collect_view()}
            </svg>
            <figcaption class="ms-chart-legend">
                {series
                    .iter()
                    .filter(|(_, _, p)| !p.is_empty())
                    .map(|(k, label, _)| {
                        view! {
                            <span class=format!("ms-key ms-key-{k}")>
                                <svg viewBox="0 0 24 8" width="24" height="8" aria-hidden="true">
                                    <line x1="0" y1="4" x2="24" y2="4" class=format!("ms-line-{k}") />
                                </svg>
                                {label.to_string()}
                            </span>
                        }
                    })
                    .collect_view()}
            </figcaption>
        </figure>
    }
    .into_any()
}
