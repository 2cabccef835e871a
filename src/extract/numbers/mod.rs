//! The number lexer: numbers as Norwegian reports write them.
//!
//! Decisions (all tested in `tests.rs`):
//! - Thousands groups are separated by one space, U+00A0, U+202F or U+2009 ("64 218"), or by a dot
//!   ("6.105.000"). A first group has 1-3 digits and every further group exactly 3 digits, so
//!   "2023 2024" (two years) and "59 70 74" (table cells) stay separate numbers.
//! - Space groups are joined greedily, with two table guards (off for single cells, see
//!   [`parse_number`]): (1) after a "000" group, a group that does not start with 0 begins a new
//!   number ("500 000 500 000" is two numbers); (2) a 3-digit first group followed by a group that
//!   does not start with 0 is a table row of separate cells when another numeric cell follows on
//!   the line ("302 321 (6,3 %) 352" is 302, 321, 6,3 %, 352; "Befolkning 612 340" is one number).
//! - Decimal comma always; decimal point when the dot is not followed by exactly three digits
//!   ("13.5 prosent"). "d.ddd" is thousands ("150.000", "45.600 årsverk") except right before a
//!   scale word, where it is a decimal point: "11.170 mill." is 11,17 million, as "8,564 mill."
//!   next to it in the sample reports and as the sum of the items it lists shows.
//! - Money is in kroner: "mill."/"millioner"/"MNOK" multiply by 1e6, "mrd."/"milliarder" by 1e9, and
//!   "mill." without "kroner" is taken as money. ",-", "kr", "NOK" mark kroner.
//! - A minus ("-", U+2212, en dash) is a sign only directly before the digits, after a space or an
//!   opening bracket, and not right after another number (that is a range). "underskudd på 50 mill."
//!   keeps the value as written and sets `negative_context`.
//! - Ranges "10-15 %", "7-800.000" (the short first end is scaled: 700 000–800 000), "2023–2024"
//!   (a Year token with `upper`).
//! - A plain 4-digit integer 1900-2100 without unit is a Year, unless a count noun follows
//!   ("2024 pasienter"). Dates "20.08.2024", "1. januar 2024" and periods "Q3 2025",
//!   "2. tertial" get their own kinds; their `value` is yyyymmdd (mmdd without year) for dates and
//!   the ordinal for periods, with the year in `year`.
//! - Section numbers ("2.1 Styrke" at line start, "3.5.2"), list numbers ("5. Oppdrag"),
//!   ordinals ("2. linje"), numbers after "kap.", "tabell", "sak", "NOU", "kl.", "Prop.",
//!   telephone and organisation numbers, times "08.00" are Reference tokens. Digits glued to a word
//!   ("rapport1", "DDD/100", "COVID-19") and inside URLs or e-mail addresses give no token.
//! - Integer parts longer than 18 digits give no token; values are always finite.

mod lexer;
mod quantity;
mod scan;
mod units;
mod words;

use std::ops::Range;

use lexer::Lexer;
pub(crate) use words::month_of;

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A measured or counted quantity.
    Quantity,
    /// A calendar year used as a year ("i 2024").
    Year,
    /// A date ("20.08.2024").
    Date,
    /// A quarter or tertial ("Q3 2025", "2. tertial").
    Period,
    /// A number that only names something: section "2.1", list item "5.", case "sak 42/24",
    /// "NOU 2023:24", a time "kl. 08.00", a telephone or organisation number.
    Reference,
}

/// Unit of a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumUnit {
    None,
    Percent,
    PercentagePoints,
    Days,
    Nok,
    Per100k,
    Hours,
    Weeks,
    Months,
    /// A duration in years ("3 år"), not a calendar year.
    Years,
    Persons,
    /// Full-time equivalents (årsverk).
    Fte,
    /// Unit of a Period token: quarter, tertial, half year.
    Quarter,
    Tertial,
    HalfYear,
}

/// One number in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberToken {
    /// Value in base units (kroner for money: "2,8 mrd." is 2.8e9).
    pub value: f64,
    /// Upper end of a range ("7-800.000" → value 700 000, upper 800 000).
    pub upper: Option<f64>,
    /// Size of one step in the last written digit, in base units ("9,0 %" → 0.1).
    pub resolution: f64,
    pub unit: NumUnit,
    pub kind: NumberKind,
    /// Byte span of the whole token (number and unit) in the lexed text.
    pub span: Range<usize>,
    /// Calendar year of a Date or Period, when written.
    pub year: Option<i32>,
    /// Nearby words mark a deficit or loss ("underskudd på 50 mill."); `value` stays as written.
    pub negative_context: bool,
}

impl NumberToken {
    /// The interval the written figure stands for, given its rounding.
    pub fn interval(&self) -> (f64, f64) {
        let h = self.resolution / 2.0;
        (self.value - h, self.upper.unwrap_or(self.value) + h)
    }
}

/// Lexes every number in `text`.
pub fn lex(text: &str) -> Vec<NumberToken> {
    Lexer::new(text, false).run()
}

/// Reads one table cell or field ("9,0 %", "1 251,7", "−3", "(6,3 %)", "2024") as a number.
/// `None` when the cell holds no number, several numbers, or other words.
pub fn parse_number(s: &str) -> Option<f64> {
    let toks = Lexer::new(s, true).run();
    let [tok] = toks.as_slice() else {
        return None;
    };
    if !matches!(tok.kind, NumberKind::Quantity | NumberKind::Year) {
        return None;
    }
    let outside = s
        .get(..tok.span.start)?
        .chars()
        .chain(s.get(tok.span.end..)?.chars());
    let mut ok = true;
    for c in outside {
        if !(c.is_whitespace() || matches!(c, '(' | ')' | '*' | '[' | ']')) {
            ok = false;
        }
    }
    ok.then_some(tok.value)
}

#[cfg(test)]
mod tests;
