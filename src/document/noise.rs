//! Page furniture: lines that belong to the page, not to the text (page numbers, "Side 7",
//! classification stamps such as "Intern", link-only lines, separator rules).

use super::lexicon::lexicon;

/// True for a line that is page furniture on its own, without looking at its neighbours:
/// a page number (one to three digits), "Side 7", "Side 7 av 12", "7 av 12", "7/12", "- 7 -",
/// a classification stamp ("Intern", "Offentlig"), a line holding only links (http, https,
/// www., mailto:, wrapped link tails), or a rule of dashes/underscores. Blank lines are not
/// noise. Repeated running footers need the whole document; `Document::reading` finds those.
pub fn is_noise_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    is_page_number(t)
        || is_page_label(t)
        || is_stamp(t)
        || is_link_only(t)
        || is_rule(t)
        || is_running_head(t)
}

/// A running header or footer with its page label set apart at the end ("Sykehuset Innlandet
/// HF – Tertialrapport 2. tertial 2025          side 3 av 11"): the label must open with
/// "Side"/"Page" and stand after a run of at least three spaces.
fn is_running_head(t: &str) -> bool {
    if t.len() > 160 {
        return false;
    }
    let Some(gap) = t.rfind("   ") else {
        return false;
    };
    let tail = t[gap..].trim();
    let lower = tail.to_lowercase();
    (lower.starts_with("side ") || lower.starts_with("sida ") || lower.starts_with("page "))
        && is_page_label(tail)
}

/// One to three ASCII digits alone (four digits are years far more often than page numbers).
pub(crate) fn is_page_number(t: &str) -> bool {
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit())
}

/// "Side 7", "side 7 av 12", "Page 3 of 9", "s. 4", "7 av 12", "7/12", "- 7 -".
pub(crate) fn is_page_label(t: &str) -> bool {
    // Every label holds a page number in ASCII digits.
    if t.len() > 40 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let rest: &[&str] = match words.first() {
        Some(&"side") | Some(&"sida") | Some(&"page") | Some(&"s.") => &words[1..],
        _ => &words[..],
    };
    let prefixed = rest.len() < words.len();
    match rest {
        [n] if prefixed && is_digits(n) => true,
        [n] => match n.split_once('/') {
            Some((a, b)) => is_digits(a) && is_digits(b),
            None => false,
        },
        [a, sep, b] if matches!(*sep, "av" | "of" | "/" | "frå" | "fra") => {
            is_digits(a) && is_digits(b)
        }
        [d1, n, d2] if !prefixed => {
            matches!(*d1, "-" | "–") && matches!(*d2, "-" | "–") && is_digits(n)
        }
        _ => false,
    }
}

fn is_stamp(t: &str) -> bool {
    if t.len() > 40 {
        return false;
    }
    let lower = t.to_lowercase();
    let lower = lower.trim_end_matches(':').trim();
    lexicon().noise_labels.contains(lower)
}

/// A token that is (part of) a link: http(s)://, www., mailto:, or a wrapped link tail.
pub(crate) fn is_link_token(tok: &str) -> bool {
    let t = tok.trim_start_matches(['(', '[', '<', '«', '"', '\'', '“']);
    let lower_start = |p: &str| {
        t.get(..p.len())
            .map(|s| s.eq_ignore_ascii_case(p))
            .unwrap_or(false)
    };
    lower_start("http://")
        || lower_start("https://")
        || lower_start("www.")
        || lower_start("mailto:")
        || lower_start("ftp://")
        || (t.bytes().any(|b| b == b'%' || b == b'&')
            && (t.contains("%2F")
                || t.contains("%3A")
                || t.contains("&data=")
                || t.contains("&sdata=")))
}

fn is_link_only(t: &str) -> bool {
    let mut any = false;
    for tok in t.split_whitespace() {
        if !is_link_token(tok) {
            return false;
        }
        any = true;
    }
    any
}

/// Only dashes, underscores, equals signs, dots or box-drawing rules.
pub(super) fn is_rule(t: &str) -> bool {
    t.chars().all(|c| {
        matches!(c, '-' | '_' | '=' | '–' | '—' | '.' | '·' | '─' | '━') || c.is_whitespace()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_labels_are_noise() {
        assert!(is_noise_line("39 "));
        assert!(is_noise_line("Side 7 "));
        assert!(is_noise_line("Sida 3 av 12"));
        assert!(is_noise_line("7 av 12"));
        assert!(is_noise_line("- 4 -"));
        assert!(is_noise_line(" Intern"));
        assert!(is_noise_line("Offentleg"));
        assert!(!is_noise_line("2023 "), "a year is content");
        assert!(!is_noise_line("Side om side med kommunane"));
        assert!(!is_noise_line(""));
    }

    #[test]
    fn a_running_head_with_its_page_label_is_noise() {
        assert!(is_noise_line(
            "Helse Fonna HF – Verksemdsrapport 1. tertial 2025          Side 4 av 9"
        ));
        assert!(is_noise_line("Årleg melding 2024     side 12"));
        // Fail: prose that mentions a page, and a table row ending in "3 av 11".
        assert!(!is_noise_line("Tabellen står på side 4 av 9 i vedlegget."));
        assert!(!is_noise_line("Akuttmottak        3 av 11"));
    }

    #[test]
    fn link_lines_are_noise_but_prose_with_links_is_not() {
        assert!(is_noise_line("mailto:postmottak@helse-midt.no"));
        assert!(is_noise_line("http://www.helse-midt.no/"));
        assert!(is_noise_line(
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.helse-nord.no%2F&data=05%7C02"
        ));
        assert!(!is_noise_line("Se https://www.helse-midt.no for meir"));
    }

    #[test]
    fn rules_are_noise() {
        assert!(is_noise_line("-"));
        assert!(is_noise_line("___________________"));
        assert!(!is_noise_line("- Høyere stillingsandel"));
    }
}
