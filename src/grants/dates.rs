//! Dates in an application: milestones ("Oppstart: April 2025", "Q3 2025", "3. kvartal 2025",
//! "28.02.2025") as year and month, and the project period ("Prosjektperiode: 2025–2027",
//! "gjennomføres i perioden 2025-2026", "over en periode på fem år").

use std::sync::OnceLock;

use crate::report::GrantPeriod;

/// A month of a year; a quarter is its first month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

/// Month names in order, from the `[months]` section of the data (January first).
fn months() -> &'static [String] {
    static M: OnceLock<Vec<String>> = OnceLock::new();
    M.get_or_init(|| {
        let mut out = Vec::new();
        let mut on = false;
        for l in super::DATA.lines() {
            let l = l.trim();
            if l.starts_with('[') {
                on = l == "[months]";
                continue;
            }
            if on && !l.is_empty() && !l.starts_with('#') {
                out.push(l.to_lowercase());
            }
        }
        out
    })
}

fn year_of(w: &str) -> Option<i32> {
    let w = w.trim_matches(|c: char| !c.is_ascii_digit());
    if w.len() == 4 {
        let y: i32 = w.parse().ok()?;
        return (1990..=2100).contains(&y).then_some(y);
    }
    None
}

/// "27.02.2025", "28.2.25" → year and month.
fn numeric_date(w: &str) -> Option<YearMonth> {
    let w = w.trim_matches(|c: char| !c.is_ascii_digit());
    let parts: Vec<&str> = w.split('.').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let d: u32 = parts[0].parse().ok()?;
    let m: u8 = parts[1].parse().ok()?;
    let y: i32 = parts[2].parse().ok()?;
    let y = match parts[2].len() {
        2 => 2000 + y,
        4 => y,
        _ => return None,
    };
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (1990..=2100).contains(&y))
        .then_some(YearMonth { year: y, month: m })
}

/// The first digit of "3.", "1.–2.", "q3", "q1-2".
fn first_digit(w: &str) -> Option<u8> {
    w.chars().find_map(|c| c.to_digit(10)).map(|d| d as u8)
}

/// Every date in a line that names a month, quarter or day; bare years are not dates.
pub fn dates_in(line: &str) -> Vec<YearMonth> {
    let words: Vec<String> = line.split_whitespace().map(|w| w.to_lowercase()).collect();
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if let Some(d) = numeric_date(w) {
            out.push(d);
            continue;
        }
        let Some(year) = year_of(w) else { continue };
        if w.trim_matches(|c: char| !c.is_alphanumeric()).len() != 4 {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| words[j].as_str()).unwrap_or("");
        let prev_clean = prev.trim_matches(|c: char| !c.is_alphanumeric());
        let month = if let Some(m) = months().iter().position(|m| m == prev_clean) {
            Some(m as u8 + 1)
        } else if prev_clean.starts_with('q') && prev_clean.len() <= 4 {
            first_digit(prev_clean)
                .filter(|q| (1..=4).contains(q))
                .map(|q| (q - 1) * 3 + 1)
        } else if matches!(prev_clean, "kvartal" | "kv") {
            let before = k.checked_sub(2).map(|j| words[j].as_str()).unwrap_or("");
            first_digit(before)
                .filter(|q| (1..=4).contains(q))
                .map(|q| (q - 1) * 3 + 1)
        } else {
            None
        };
        if let Some(month) = month {
            out.push(YearMonth { year, month });
        }
    }
    out
}

/// The first date of a text, for the application date ("28.02.2025", "1. mars 2025").
pub fn first_date(text: &str) -> Option<YearMonth> {
    dates_in(text).into_iter().next()
}

/// A duration in years after the phrase: "over 5 år", "en periode på fem år".
fn duration(text: &str) -> Option<f64> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .collect();
    for (k, w) in words.iter().enumerate() {
        if !matches!(w.as_str(), "år" | "års") || k == 0 {
            continue;
        }
        let n = &words[k - 1];
        if let Ok(v) = n.parse::<f64>() {
            if (0.0..100.0).contains(&v) {
                return Some(v);
            }
        }
        if let Some(v) = number_word(n) {
            return Some(v);
        }
    }
    None
}

/// A number word from `data/number_words.txt` ("fem" → 5).
fn number_word(w: &str) -> Option<f64> {
    static W: OnceLock<Vec<(f64, Vec<String>)>> = OnceLock::new();
    let list = W.get_or_init(|| {
        include_str!("../../data/number_words.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                let v: f64 = it.next()?.parse().ok()?;
                Some((v, it.filter(|f| *f != "|").map(str::to_string).collect()))
            })
            .collect()
    });
    // "en"/"ei"/"ein" are articles more often than numbers.
    if matches!(w, "en" | "ei" | "ein" | "ett" | "eitt") {
        return None;
    }
    list.iter()
        .find(|(_, forms)| forms.iter().any(|f| f == w))
        .map(|(v, _)| *v)
}

/// The project period a text states: its years ("2025–2027", "2025-2026") and a duration.
pub fn period_in(text: &str, line: usize) -> Option<GrantPeriod> {
    // Years with their positions; the end is the year joined to the first by a dash or "til".
    let mut years: Vec<(usize, usize, i32)> = Vec::new();
    let b = text.as_bytes();
    let mut k = 0;
    while k < b.len() {
        if b[k].is_ascii_digit() {
            let s = k;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            if let Some(y) = year_of(&text[s..k]).filter(|_| k - s == 4) {
                years.push((s, k, y));
            }
        } else {
            k += 1;
        }
    }
    let joined = |a: &(usize, usize, i32), b: &(usize, usize, i32)| {
        let gap = text.get(a.1..b.0).unwrap_or("x").trim().to_lowercase();
        matches!(
            gap.as_str(),
            "-" | "–" | "—" | "til" | "to" | "og ut" | "-til"
        )
    };
    let end_year = match (years.first(), years.get(1)) {
        (Some(a), Some(b)) if joined(a, b) => Some(b.2),
        _ => None,
    };
    let years: Vec<i32> = years.iter().map(|y| y.2).take(1).chain(end_year).collect();
    let years_n = duration(text);
    if years.is_empty() && years_n.is_none() {
        return None;
    }
    let start = years.first().copied();
    let mut end = if years.len() >= 2 {
        years.last().copied()
    } else {
        None
    };
    // "fra 2026 over tre år": the end follows from the start and the duration.
    if end.is_none() {
        if let (Some(s), Some(n)) = (start, years_n) {
            if n >= 1.0 && n.fract() == 0.0 {
                end = Some(s + n as i32 - 1);
            }
        }
    }
    Some(GrantPeriod {
        start,
        end,
        years: years_n,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: i32, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn milestones_by_month_quarter_and_day() {
        assert_eq!(dates_in("• Oppstart: April 2025"), vec![ym(2025, 4)]);
        assert_eq!(
            dates_in("Sluttrapport: senest 4. kvartal 2026"),
            vec![ym(2026, 10)]
        );
        assert_eq!(
            dates_in("Fase 1 (Høsten Q3 2025 – Q4 2026)"),
            vec![ym(2025, 7), ym(2026, 10)]
        );
        assert_eq!(dates_in("Vurdering: 1.–2. kvartal 2026"), vec![ym(2026, 1)]);
        assert_eq!(dates_in("signert 28.02.25"), vec![ym(2025, 2)]);
        // Bare years and citations are no milestones.
        assert!(dates_in("(Hagen & Tjerbo, 2023) i perioden 2018-2021").is_empty());
    }

    #[test]
    fn periods_in_years_and_durations() {
        let p = period_in("Prosjektperiode: 2025–2027", 3).unwrap();
        assert_eq!((p.start, p.end, p.years), (Some(2025), Some(2027), None));
        let p = period_in("over en periode på fem år", 4).unwrap();
        assert_eq!((p.start, p.end, p.years), (None, None, Some(5.0)));
        let p = period_in("fra 2026 over tre år", 4).unwrap();
        assert_eq!((p.start, p.end), (Some(2026), Some(2028)));
        assert!(period_in("ingen periode", 1).is_none());
    }
}
