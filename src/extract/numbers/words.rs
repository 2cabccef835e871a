//! The lexer's word lists (bokmål and nynorsk side by side).

use super::NumUnit;

/// Reference words after which the number may be written in space-separated groups.
pub(super) const SPACED_REF_WORDS: &[&str] = &[
    "telefon",
    "tlf",
    "sentralbord",
    "mobil",
    "faks",
    "telefaks",
    "org",
    "orgnr",
    "org.nr",
    "mva",
];
/// Words marking a deficit or loss.
pub(super) const NEGATIVE_WORDS: &[&str] = &[
    "underskudd",
    "underskot",
    "underskott",
    "merforbruk",
    "meirforbruk",
    "minus",
    "negativt",
    "negativ",
    "tap",
];
pub(super) const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("jan", 1),
    ("februar", 2),
    ("feb", 2),
    ("mars", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mai", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("desember", 12),
    ("des", 12),
];
/// The month a (folded) word names, full or abbreviated ("november", "nov" → 11).
pub(crate) fn month_of(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(m, _)| *m == word).map(|&(_, n)| n)
}

pub(super) const PERIOD_WORDS: &[(&str, NumUnit)] = &[
    ("kvartal", NumUnit::Quarter),
    ("kvartalet", NumUnit::Quarter),
    ("tertial", NumUnit::Tertial),
    ("tertialet", NumUnit::Tertial),
    ("halvår", NumUnit::HalfYear),
    ("halvåret", NumUnit::HalfYear),
];
pub(super) const CURRENCY_WORDS: &[&str] = &["kr", "kroner", "kronar", "nok"];
