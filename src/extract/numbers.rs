//! The number lexer: numbers as Norwegian reports write them.
//!
//! Decisions (all tested below):
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

use std::ops::Range;

use crate::document::lexicon;

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

// ---------------------------------------------------------------------------------------------
// Word lists (bokmål and nynorsk side by side).

/// Reference words after which the number may be written in space-separated groups.
const SPACED_REF_WORDS: &[&str] = &[
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
const NEGATIVE_WORDS: &[&str] = &[
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
const MONTHS: &[(&str, u32)] = &[
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

const PERIOD_WORDS: &[(&str, NumUnit)] = &[
    ("kvartal", NumUnit::Quarter),
    ("kvartalet", NumUnit::Quarter),
    ("tertial", NumUnit::Tertial),
    ("tertialet", NumUnit::Tertial),
    ("halvår", NumUnit::HalfYear),
    ("halvåret", NumUnit::HalfYear),
];
const CURRENCY_WORDS: &[&str] = &["kr", "kroner", "kronar", "nok"];

const MAX_INT_DIGITS: usize = 18;
const MAX_FRAC_DIGITS: usize = 17;
/// Longest integer part built from thousands groups.
const MAX_GROUPED_DIGITS: usize = 15;

// ---------------------------------------------------------------------------------------------
// Byte helpers. Positions handed around are always char boundaries: they sit on ASCII bytes or
// at the start/end of a multi-byte sequence matched whole.

fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

fn is_digit(b: &[u8], i: usize) -> bool {
    at(b, i).is_ascii_digit()
}

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while is_digit(b, i) {
        i += 1;
    }
    i
}

/// Byte length of one thousands-separator space at `i` (space, U+00A0, U+202F, U+2009), or 0.
fn group_sep(b: &[u8], i: usize) -> usize {
    match at(b, i) {
        b' ' => 1,
        0xC2 if at(b, i + 1) == 0xA0 => 2,
        0xE2 if at(b, i + 1) == 0x80 && matches!(at(b, i + 2), 0xAF | 0x89) => 3,
        _ => 0,
    }
}

fn hspace(b: &[u8], i: usize) -> usize {
    if at(b, i) == b'\t' {
        1
    } else {
        group_sep(b, i)
    }
}

fn skip_hspace(b: &[u8], mut i: usize) -> usize {
    for _ in 0..64 {
        let l = hspace(b, i);
        if l == 0 {
            break;
        }
        i += l;
    }
    i
}

fn skip_hspace_back(b: &[u8], mut i: usize) -> usize {
    for _ in 0..64 {
        if i >= 1 && matches!(at(b, i - 1), b' ' | b'\t') {
            i -= 1;
        } else if i >= 2 && at(b, i - 2) == 0xC2 && at(b, i - 1) == 0xA0 {
            i -= 2;
        } else if i >= 3
            && at(b, i - 3) == 0xE2
            && at(b, i - 2) == 0x80
            && matches!(at(b, i - 1), 0xAF | 0x89)
        {
            i -= 3;
        } else {
            break;
        }
    }
    i
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dash {
    Hyphen,
    En,
    Minus,
}

fn dash_at(b: &[u8], i: usize) -> Option<(Dash, usize)> {
    match at(b, i) {
        b'-' => Some((Dash::Hyphen, 1)),
        0xE2 if at(b, i + 1) == 0x80 && at(b, i + 2) == 0x93 => Some((Dash::En, 3)),
        0xE2 if at(b, i + 1) == 0x88 && at(b, i + 2) == 0x92 => Some((Dash::Minus, 3)),
        _ => None,
    }
}

/// A dash ending right at `i`.
fn dash_before(b: &[u8], i: usize) -> Option<usize> {
    if i >= 1 && at(b, i - 1) == b'-' {
        return Some(1);
    }
    if i >= 3 && dash_at(b, i - 3).is_some_and(|(_, l)| l == 3) {
        return Some(3);
    }
    None
}

fn char_before(t: &str, i: usize) -> Option<char> {
    t.get(..i)?.chars().next_back()
}

fn char_at(t: &str, i: usize) -> Option<char> {
    t.get(i..)?.chars().next()
}

/// The word that ends just before `i` (across horizontal space, within the line), lowercased and
/// stripped of surrounding punctuation, with the byte offset where it starts.
fn word_before(t: &str, i: usize) -> Option<(usize, String)> {
    let b = t.as_bytes();
    let end = skip_hspace_back(b, i);
    let mut lo = end.saturating_sub(32);
    while lo < end && !t.is_char_boundary(lo) {
        lo += 1;
    }
    let slice = t.get(lo..end)?;
    let start_rel = match slice.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
        Some((p, c)) => p + c.len_utf8(),
        None if lo > 0 && !at(b, lo - 1).is_ascii_whitespace() => return None,
        None => 0,
    };
    let raw = slice.get(start_rel..)?;
    let trimmed_front = raw.trim_start_matches(['(', '[', '«', '"', '\'']);
    let start = lo + start_rel + (raw.len() - trimmed_front.len());
    let word = trimmed_front.trim_end_matches(['.', ':', ',', ';']);
    if word.is_empty() {
        return None;
    }
    Some((start, word.to_lowercase()))
}

/// The run of letters starting at `i` (at most 32 chars), lowercased, and its end.
fn word_at(t: &str, i: usize) -> Option<(String, usize)> {
    let rest = t.get(i..)?;
    let mut end = i;
    for (n, (p, c)) in rest.char_indices().enumerate() {
        if !c.is_alphabetic() || n >= 32 {
            break;
        }
        end = i + p + c.len_utf8();
    }
    if end == i {
        return None;
    }
    Some((t.get(i..end)?.to_lowercase(), end))
}

fn at_line_start(t: &str, i: usize) -> bool {
    let b = t.as_bytes();
    let mut i = i;
    for _ in 0..32 {
        if i == 0 {
            return true;
        }
        match at(b, i - 1) {
            b'\n' | b'\r' => return true,
            b' ' | b'\t' | b'-' | b'*' => i -= 1,
            0xA0 if i >= 2 && at(b, i - 2) == 0xC2 => i -= 2,
            // "•" U+2022, "–" U+2013
            0xA2 | 0x93 if i >= 3 && at(b, i - 3) == 0xE2 && at(b, i - 2) == 0x80 => i -= 3,
            _ => return false,
        }
    }
    false
}

fn is_year_value(v: u64) -> bool {
    (1900..=2100).contains(&v)
}

/// Parses ASCII digits (at most 18, so it fits).
fn digits_value(s: &str) -> u64 {
    s.bytes().take(MAX_INT_DIGITS).fold(0u64, |acc, d| {
        acc * 10 + u64::from(d.wrapping_sub(b'0') % 10)
    })
}

fn num_value(neg: bool, int: &str, frac: &str, exp: i32) -> f64 {
    let frac = frac.get(..frac.len().min(MAX_FRAC_DIGITS)).unwrap_or("");
    let s = format!(
        "{}{}.{}e{}",
        if neg { "-" } else { "" },
        if int.is_empty() { "0" } else { int },
        if frac.is_empty() { "0" } else { frac },
        exp
    );
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

fn step_size(frac_len: usize, exp: i32) -> f64 {
    let d = frac_len.min(MAX_FRAC_DIGITS) as i32;
    format!("1e{}", exp - d).parse::<f64>().unwrap_or(1.0)
}

/// The written digits of one number.
struct Body {
    int: String,
    frac: String,
    end: usize,
    grouped: bool,
}

impl Body {
    fn is_plain_year(&self) -> bool {
        !self.grouped
            && self.frac.is_empty()
            && self.int.len() == 4
            && !self.int.starts_with('0')
            && is_year_value(digits_value(&self.int))
    }
    fn is_plain_int(&self) -> bool {
        !self.grouped && self.frac.is_empty()
    }
}

struct UnitMatch {
    unit: NumUnit,
    exp: i32,
    end: usize,
}

/// URL and e-mail words, whose digits are no numbers.
fn url_spans(t: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Most text has no link at all: one fast scan of the whole text instead of one per word.
    // "www." (any case) ends in a '.': look only behind the dots.
    let b = t.as_bytes();
    let maybe_www = memchr::memchr_iter(b'.', b).any(|p| {
        p >= 3
            && b.get(p - 3..p)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
    });
    if !maybe_www && !t.contains("://") && !t.contains('@') {
        return out;
    }
    let mut start: Option<usize> = None;
    let mut push = |s: usize, e: usize| {
        let w = t.get(s..e).unwrap_or("");
        let lw = w.trim_start_matches(['(', '<', '[']);
        if w.contains("://")
            || w.contains('@')
            || lw.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."))
        {
            out.push(s..e);
        }
    };
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push(s, i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(s, t.len());
    }
    out
}

struct Lexer<'a> {
    t: &'a str,
    b: &'a [u8],
    /// Lexing one table cell: no table-row guards on joining thousands groups.
    cell: bool,
    /// Thousands groups starting before this offset are separate table cells.
    no_join_before: usize,
    out: Vec<NumberToken>,
}

impl<'a> Lexer<'a> {
    fn new(t: &'a str, cell: bool) -> Self {
        Lexer {
            t,
            b: t.as_bytes(),
            cell,
            no_join_before: 0,
            out: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<NumberToken> {
        let skips = url_spans(self.t);
        let mut si = 0;
        let mut i = 0;
        let n = self.b.len();
        while i < n {
            if !is_digit(self.b, i) {
                // Straight to the next digit.
                i = self
                    .b
                    .get(i..)
                    .and_then(|r| r.iter().position(u8::is_ascii_digit))
                    .map_or(n, |p| i + p);
                continue;
            }
            while skips.get(si).is_some_and(|r| r.end <= i) {
                si += 1;
            }
            if let Some(r) = skips.get(si) {
                if r.start <= i {
                    i = r.end;
                    continue;
                }
            }
            let next = self.step(i);
            i = next.max(i + 1);
        }
        self.out
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        span: Range<usize>,
        kind: NumberKind,
        unit: NumUnit,
        value: f64,
        upper: Option<f64>,
        resolution: f64,
        year: Option<i32>,
    ) {
        let negative_context = kind == NumberKind::Quantity && self.negative_context(&span);
        self.out.push(NumberToken {
            value,
            upper,
            resolution,
            unit,
            kind,
            span,
            year,
            negative_context,
        });
    }

    /// One number starting with the digit at `s`; returns where lexing goes on.
    fn step(&mut self, s: usize) -> usize {
        let (t, b) = (self.t, self.b);
        let j = digits_end(b, s);
        if j - s > MAX_INT_DIGITS {
            return j;
        }
        if let Some(p) = char_before(t, s) {
            if p.is_alphabetic() {
                return self.letter_period(s, j, p).unwrap_or(j);
            }
            let pp = char_before(t, s - p.len_utf8());
            if matches!(p, '.' | ':' | '_') && pp.is_some_and(char::is_alphanumeric) {
                return j;
            }
            if matches!(p, '/' | '-') && pp.is_some_and(char::is_alphabetic) {
                return j;
            }
            if p.is_ascii_digit() {
                return j;
            }
        }
        if let Some(e) = self.numeric_date(s) {
            return e;
        }
        if let Some((_, w)) = word_before(t, s) {
            if lexicon().reference_words.contains(w.as_str()) {
                return self.reference_chain(s, SPACED_REF_WORDS.contains(&w.as_str()));
            }
        }
        let next_is = |c: u8| at(b, j) == c && is_digit(b, j + 1);
        if j - s >= 2 && at(b, s) == b'0' && (next_is(b'.') || next_is(b':')) {
            return self.reference_chain(s, false);
        }
        if next_is(b':') {
            return self.reference_chain(s, false);
        }
        if next_is(b'.') {
            if let Some(e) = self.section(s, j) {
                return e;
            }
        }
        if at(b, j) == b'.' && j - s <= 3 {
            if let Some(e) = self.ordinal(s, j) {
                return e;
            }
        }
        self.quantity(s)
    }

    fn reference_chain(&mut self, s: usize, spaced: bool) -> usize {
        let b = self.b;
        let first_end = digits_end(b, s);
        let mut k = first_end;
        for _ in 0..12 {
            if matches!(at(b, k), b'.' | b':' | b'/' | b'-') && is_digit(b, k + 1) {
                k = digits_end(b, k + 1);
                continue;
            }
            if let Some((Dash::En, l)) = dash_at(b, k) {
                if is_digit(b, k + l) {
                    k = digits_end(b, k + l);
                    continue;
                }
            }
            let l = group_sep(b, k);
            if spaced && l > 0 && is_digit(b, k + l) {
                k = digits_end(b, k + l);
                continue;
            }
            break;
        }
        let v = digits_value(self.t.get(s..first_end).unwrap_or("")) as f64;
        self.push(
            s..k,
            NumberKind::Reference,
            NumUnit::None,
            v,
            None,
            1.0,
            None,
        );
        k
    }

    /// "Q3 2025", "T2 2024", "H1 2025": a period letter glued to one digit.
    fn letter_period(&mut self, s: usize, j: usize, p: char) -> Option<usize> {
        let (t, b) = (self.t, self.b);
        if j - s != 1 {
            return None;
        }
        let n = at(b, s).wrapping_sub(b'0');
        let unit = match p {
            'Q' | 'q' if (1..=4).contains(&n) => NumUnit::Quarter,
            'T' if (1..=3).contains(&n) => NumUnit::Tertial,
            'H' if (1..=2).contains(&n) => NumUnit::HalfYear,
            _ => return None,
        };
        let ps = s - p.len_utf8();
        if char_before(t, ps).is_some_and(char::is_alphanumeric)
            || char_at(t, j).is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        let (year, end) = self.year_after(j);
        if unit != NumUnit::Quarter && year.is_none() {
            return None;
        }
        self.push(
            ps..end,
            NumberKind::Period,
            unit,
            f64::from(n),
            None,
            1.0,
            year,
        );
        Some(end)
    }

    /// An optional " 2025" after `i`: the year and the end of the token.
    fn year_after(&self, i: usize) -> (Option<i32>, usize) {
        let b = self.b;
        let y0 = skip_hspace(b, i);
        let ye = digits_end(b, y0);
        if y0 > i && ye - y0 == 4 && !char_at(self.t, ye).is_some_and(char::is_alphanumeric) {
            let v = digits_value(self.t.get(y0..ye).unwrap_or(""));
            if is_year_value(v) {
                return (Some(v as i32), ye);
            }
        }
        (None, i)
    }

    /// "20.08.2024", "01.01.25", "1.7.23".
    fn numeric_date(&mut self, s: usize) -> Option<usize> {
        let (t, b) = (self.t, self.b);
        let d_end = digits_end(b, s);
        if !(1..=2).contains(&(d_end - s)) || at(b, d_end) != b'.' {
            return None;
        }
        let m_end = digits_end(b, d_end + 1);
        if !(1..=2).contains(&(m_end - d_end - 1)) || at(b, m_end) != b'.' {
            return None;
        }
        let y_end = digits_end(b, m_end + 1);
        let ylen = y_end - m_end - 1;
        if !(ylen == 2 || ylen == 4) || (at(b, y_end) == b'.' && is_digit(b, y_end + 1)) {
            return None;
        }
        let day = digits_value(t.get(s..d_end)?);
        let month = digits_value(t.get(d_end + 1..m_end)?);
        let mut year = digits_value(t.get(m_end + 1..y_end)?);
        if ylen == 2 {
            year += 2000;
        }
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) || !is_year_value(year) {
            return None;
        }
        let v = (year * 10000 + month * 100 + day) as f64;
        self.push(
            s..y_end,
            NumberKind::Date,
            NumUnit::None,
            v,
            None,
            1.0,
            Some(year as i32),
        );
        Some(y_end)
    }

    /// Dotted numbers that are no amounts: "3.5.2", and "2.1 Styrke" at the start of a line.
    fn section(&mut self, s: usize, j: usize) -> Option<usize> {
        let b = self.b;
        let mut k = j;
        let mut groups = 0usize;
        let mut all_three = j - s <= 3;
        while at(b, k) == b'.' && is_digit(b, k + 1) && groups < 8 {
            let e = digits_end(b, k + 1);
            all_three &= e - k - 1 == 3;
            groups += 1;
            k = e;
        }
        if all_three {
            return None;
        }
        let is_ref = if groups >= 2 {
            true
        } else if at_line_start(self.t, s) {
            let mut x = k;
            if at(b, x) == b'.' {
                x += 1;
            }
            let y = skip_hspace(b, x);
            y > x && char_at(self.t, y).is_some_and(char::is_uppercase)
        } else {
            false
        };
        if !is_ref {
            return None;
        }
        let v = digits_value(self.t.get(s..j).unwrap_or("")) as f64;
        self.push(
            s..k,
            NumberKind::Reference,
            NumUnit::None,
            v,
            None,
            1.0,
            None,
        );
        Some(k)
    }

    /// "1. januar 2024", "2. tertial", "1.–2. kvartal 2026", "5. Oppdrag" (list), "2. linje".
    fn ordinal(&mut self, s: usize, j: usize) -> Option<usize> {
        let (t, b) = (self.t, self.b);
        let n = digits_value(t.get(s..j)?);
        let mut k = j + 1;
        let mut upper = None;
        let d0 = skip_hspace(b, k);
        if let Some((Dash::Hyphen | Dash::En, l)) = dash_at(b, d0) {
            let n0 = skip_hspace(b, d0 + l);
            let ne = digits_end(b, n0);
            if (1..=2).contains(&(ne - n0)) && at(b, ne) == b'.' {
                upper = Some(digits_value(t.get(n0..ne)?));
                k = ne + 1;
            }
        }
        let ws = skip_hspace(b, k);
        if ws == k {
            return None;
        }
        let (w, we) = word_at(t, ws)?;
        if upper.is_none() {
            if let Some(&(_, month)) = MONTHS.iter().find(|(m, _)| *m == w) {
                if !(1..=31).contains(&n) {
                    return None;
                }
                let mut end = we;
                if w.len() <= 4 && at(b, end) == b'.' {
                    end += 1;
                }
                let (year, end) = match self.year_after(end) {
                    (Some(y), e) => (Some(y), e),
                    (None, _) => (None, end),
                };
                let v = year.map_or(0, |y| y as u64 * 10000) + u64::from(month) * 100 + n;
                self.push(
                    s..end,
                    NumberKind::Date,
                    NumUnit::None,
                    v as f64,
                    None,
                    1.0,
                    year,
                );
                return Some(end);
            }
        }
        if let Some(&(_, unit)) = PERIOD_WORDS.iter().find(|(p, _)| *p == w) {
            let (year, end) = match self.year_after(we) {
                (Some(y), e) => (Some(y), e),
                (None, _) => (None, we),
            };
            self.push(
                s..end,
                NumberKind::Period,
                unit,
                n as f64,
                upper.map(|u| u as f64),
                1.0,
                year,
            );
            return Some(end);
        }
        if upper.is_some() {
            return None;
        }
        let first = w.chars().next()?;
        if first.is_lowercase() || at_line_start(t, s) {
            self.push(
                s..j + 1,
                NumberKind::Reference,
                NumUnit::None,
                n as f64,
                None,
                1.0,
                None,
            );
            return Some(j + 1);
        }
        None
    }

    /// Reads the digits of one number at `s`: thousands groups and decimals.
    fn body(&mut self, s: usize, allow_join: bool) -> Body {
        let (t, b) = (self.t, self.b);
        let j = digits_end(b, s);
        let g0 = j - s;
        let mut int = t.get(s..j).unwrap_or("").to_string();
        let mut end = j;
        let mut grouped = false;
        let mut frac = String::new();
        if g0 <= 3 && at(b, j) == b'.' && digits_end(b, j + 1) == j + 4 {
            let mut k = j;
            let mut groups: Vec<Range<usize>> = Vec::new();
            while at(b, k) == b'.' && g0 + 3 * (groups.len() + 1) <= MAX_GROUPED_DIGITS {
                let e = digits_end(b, k + 1);
                if e != k + 4 {
                    break;
                }
                groups.push(k + 1..e);
                k = e;
            }
            if groups.len() == 1 && self.unit_at(k).is_some_and(|u| u.exp >= 6) {
                // "11.170 mill.": a decimal point before a scale word.
                if let Some(g) = groups.first() {
                    frac = t.get(g.clone()).unwrap_or("").to_string();
                }
                return Body {
                    int,
                    frac,
                    end: k,
                    grouped: false,
                };
            }
            for g in &groups {
                int.push_str(t.get(g.clone()).unwrap_or(""));
            }
            end = k;
            grouped = true;
        } else if g0 <= 3 && allow_join {
            let mut groups: Vec<Range<usize>> = Vec::new();
            let mut k = j;
            while g0 + 3 * (groups.len() + 1) <= MAX_GROUPED_DIGITS {
                let l = group_sep(b, k);
                if l == 0 {
                    break;
                }
                let gs = k + l;
                let ge = digits_end(b, gs);
                if ge != gs + 3 || (at(b, ge) == b'.' && is_digit(b, ge + 1)) {
                    break;
                }
                groups.push(gs..ge);
                k = ge;
            }
            let mut m = groups.len();
            if !self.cell && m > 0 {
                let zero_led = |g: &Range<usize>| at(b, g.start) == b'0';
                if g0 == 3
                    && groups.first().is_some_and(|g| !zero_led(g))
                    && self.number_cell_follows(k)
                {
                    m = 0;
                    self.no_join_before = k;
                }
                for (i, w) in groups.windows(2).enumerate() {
                    if t.get(w[0].clone()) == Some("000") && !zero_led(&w[1]) {
                        m = m.min(i + 1);
                        break;
                    }
                }
            }
            for g in groups.iter().take(m) {
                int.push_str(t.get(g.clone()).unwrap_or(""));
                end = g.end;
                grouped = true;
            }
        }
        if at(b, end) == b',' && is_digit(b, end + 1) {
            let e = digits_end(b, end + 1);
            frac = t.get(end + 1..e).unwrap_or("").to_string();
            end = e;
        } else if !grouped && at(b, end) == b'.' && is_digit(b, end + 1) {
            let e = digits_end(b, end + 1);
            if !(at(b, e) == b'.' && is_digit(b, e + 1)) {
                frac = t.get(end + 1..e).unwrap_or("").to_string();
                end = e;
            }
        }
        Body {
            int,
            frac,
            end,
            grouped,
        }
    }

    /// Another numeric table cell follows on the line after `k`.
    fn number_cell_follows(&self, k: usize) -> bool {
        let b = self.b;
        let x = skip_hspace(b, k);
        if x == k {
            return false;
        }
        if is_digit(b, x) {
            return true;
        }
        let y = if at(b, x) == b'(' { x + 1 } else { x };
        if is_digit(b, y) {
            return true;
        }
        matches!(dash_at(b, y), Some((_, l)) if is_digit(b, y + l))
    }

    /// The unit written after a number ending at `k`.
    fn unit_at(&self, k: usize) -> Option<UnitMatch> {
        let (t, b) = (self.t, self.b);
        let m = |unit, exp, end| Some(UnitMatch { unit, exp, end });
        if at(b, k) == b',' {
            if at(b, k + 1) == b'-' && !is_digit(b, k + 2) {
                return m(NumUnit::Nok, 0, k + 2);
            }
            if at(b, k + 1) == b' ' && at(b, k + 2) == b'-' && !is_digit(b, k + 3) {
                return m(NumUnit::Nok, 0, k + 3);
            }
        }
        let k0 = skip_hspace(b, k);
        if at(b, k0) == b'%' {
            let e = k0 + 1;
            if t.get(e..).is_some_and(|r| r.starts_with("-poeng")) {
                return m(NumUnit::PercentagePoints, 0, e + 6);
            }
            return m(NumUnit::Percent, 0, e);
        }
        let (w, we) = word_at(t, k0)?;
        let dot_end = if at(b, we) == b'.' { we + 1 } else { we };
        let (unit, exp, end) = match w.as_str() {
            "prosent" | "prosents" | "prosenten" => (NumUnit::Percent, 0, we),
            "pst" => (NumUnit::Percent, 0, dot_end),
            "prosentpoeng" | "prosentpoenget" | "prosentpoengs" => {
                (NumUnit::PercentagePoints, 0, we)
            }
            "pp" => (NumUnit::PercentagePoints, 0, dot_end),
            "dager" | "dagar" | "dag" | "dagers" | "dagars" | "døgn" => (NumUnit::Days, 0, we),
            "timer" | "timar" | "time" | "timers" | "timars" => (NumUnit::Hours, 0, we),
            "uker" | "uke" | "ukers" | "veker" | "veke" | "vekers" => (NumUnit::Weeks, 0, we),
            "måneder" | "måned" | "måneders" | "månader" | "månad" | "månaders" => {
                (NumUnit::Months, 0, we)
            }
            "mnd" => (NumUnit::Months, 0, dot_end),
            "år" | "års" => (NumUnit::Years, 0, we),
            "personer" | "personar" | "person" => (NumUnit::Persons, 0, we),
            "årsverk" => (NumUnit::Fte, 0, we),
            "kr" => (NumUnit::Nok, 0, dot_end),
            "kroner" | "kronar" | "nok" => (NumUnit::Nok, 0, we),
            "mnok" => (NumUnit::Nok, 6, we),
            "tnok" => (NumUnit::Nok, 3, we),
            "mill" | "millioner" | "million" | "millionar" => {
                let e = if w == "mill" { dot_end } else { we };
                return m(NumUnit::Nok, 6, self.currency_after(e).unwrap_or(e));
            }
            "mrd" | "milliarder" | "milliard" | "milliardar" => {
                let e = if w == "mrd" { dot_end } else { we };
                return m(NumUnit::Nok, 9, self.currency_after(e).unwrap_or(e));
            }
            "tusen" => {
                return match self.currency_after(we) {
                    Some(e) => m(NumUnit::Nok, 3, e),
                    None => m(NumUnit::None, 3, we),
                };
            }
            "per" | "pr" => {
                return self
                    .per_100k(dot_end)
                    .and_then(|e| m(NumUnit::Per100k, 0, e))
            }
            _ => return None,
        };
        m(unit, exp, end)
    }

    /// "kr", "kr.", "kroner", "NOK" after a scale word: the end of it.
    fn currency_after(&self, e: usize) -> Option<usize> {
        let x = skip_hspace(self.b, e);
        let (w, we) = word_at(self.t, x)?;
        if !CURRENCY_WORDS.contains(&w.as_str()) {
            return None;
        }
        Some(if w == "kr" && at(self.b, we) == b'.' {
            we + 1
        } else {
            we
        })
    }

    /// "100 000", "100.000", "100000" (+ "innbyggere") after "per"/"pr.".
    fn per_100k(&self, e: usize) -> Option<usize> {
        let (t, b) = (self.t, self.b);
        let d0 = skip_hspace(b, e);
        if d0 == e || !t.get(d0..)?.starts_with("100") {
            return None;
        }
        let x = d0 + 3;
        let l = group_sep(b, x);
        let x = if l > 0 && t.get(x + l..)?.starts_with("000") {
            x + l + 3
        } else if at(b, x) == b'.' && t.get(x + 1..)?.starts_with("000") {
            x + 4
        } else if t.get(x..)?.starts_with("000") {
            x + 3
        } else {
            return None;
        };
        if is_digit(b, x) {
            return None;
        }
        let y = skip_hspace(b, x);
        if let Some((w, we)) = word_at(t, y) {
            if w.starts_with("innb") {
                return Some(if at(b, we) == b'.' { we + 1 } else { we });
            }
        }
        Some(x)
    }

    fn negative_context(&self, span: &Range<usize>) -> bool {
        let t = self.t;
        let mut lo = span.start.saturating_sub(48);
        while lo < span.start && !t.is_char_boundary(lo) {
            lo += 1;
        }
        let before = t.get(lo..span.start).unwrap_or("");
        let before = before.rsplit('\n').next().unwrap_or("");
        let clean = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        if before
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| NEGATIVE_WORDS.contains(&clean(w).as_str()))
        {
            return true;
        }
        let mut hi = (span.end + 32).min(t.len());
        while hi > span.end && !t.is_char_boundary(hi) {
            hi -= 1;
        }
        let after = t.get(span.end..hi).unwrap_or("");
        let after = after.split('\n').next().unwrap_or("");
        let mut words = after.split_whitespace().map(clean);
        matches!(
            (words.next().as_deref(), words.next().as_deref()),
            (Some("i"), Some("underskudd" | "underskot"))
        )
    }

    /// A quantity, a year or a range at `s`.
    fn quantity(&mut self, s: usize) -> usize {
        let (t, b) = (self.t, self.b);
        let mut start = s;
        let mut neg = false;
        if let Some(l) = dash_before(b, s) {
            let ds = s - l;
            let ok_before = char_before(t, ds)
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '=' | ':' | ';'));
            let back = skip_hspace_back(b, ds);
            let prev = char_before(t, back);
            // After a column gap ("–45,2   –20,0") or as U+2212 after a space, the dash is the
            // next cell's sign, not a range.
            let column_gap = ds - back >= 2 || (ds > back && l == 3 && at(b, ds + 1) == 0x88);
            if ok_before && (column_gap || !prev.is_some_and(|c| c.is_ascii_digit())) {
                neg = true;
                start = ds;
            }
        }
        let mut prefix_exp = None;
        if let Some((ws, w)) = word_before(t, start) {
            match w.as_str() {
                "kr" | "nok" => prefix_exp = Some(0),
                "mnok" => prefix_exp = Some(6),
                _ => {}
            }
            if prefix_exp.is_some() {
                start = ws;
            }
        }
        let allow_join = s >= self.no_join_before;
        let a = self.body(s, allow_join);
        let mut upper_body = None;
        if let Some((d, l)) = dash_at(b, a.end) {
            let bs = a.end + l;
            if d != Dash::Minus && is_digit(b, bs) && digits_end(b, bs) - bs <= MAX_INT_DIGITS {
                upper_body = Some(self.body(bs, true));
            }
        } else if a.is_plain_year() {
            // "2023 – 2024"
            let x = skip_hspace(b, a.end);
            if let Some((Dash::En | Dash::Hyphen, l)) = dash_at(b, x) {
                let y = skip_hspace(b, x + l);
                if x > a.end && y > x + l && is_digit(b, y) {
                    let cand = self.body(y, false);
                    if cand.is_plain_year() {
                        upper_body = Some(cand);
                    }
                }
            }
        }
        // A range "10-15", "7-800.000": the short first end of "7-800.000" counts in the
        // magnitude of the second one.
        let mut a_int = a.int.clone();
        if let Some(u) = &upper_body {
            let mut lower_int = a.int.clone();
            if a.is_plain_int() && u.grouped && u.frac.is_empty() && u.int.len() > a.int.len() {
                let av = digits_value(&a.int);
                let bv = digits_value(&u.int);
                let mut k = (u.int.len() - a.int.len()) as u32;
                let mut scaled = 10u64.checked_pow(k).and_then(|p| av.checked_mul(p));
                if scaled.is_some_and(|x| x > bv) && k > 0 {
                    k -= 1;
                    scaled = 10u64.checked_pow(k).and_then(|p| av.checked_mul(p));
                }
                if let Some(x) = scaled.filter(|&x| x <= bv && av > 0) {
                    lower_int = x.to_string();
                }
            }
            let lower = num_value(neg, &lower_int, &a.frac, 0);
            let is_year_pair = a.is_plain_year() && u.is_plain_int();
            if is_year_pair || num_value(false, &u.int, &u.frac, 0) >= lower {
                a_int = lower_int;
            } else {
                upper_body = None;
            }
        }
        let num_end = upper_body.as_ref().map_or(a.end, |u| u.end);
        let unit = self.unit_at(num_end);

        // Case numbers "127-2024", codes with a leading zero "090125".
        let case_number = upper_body.as_ref().is_some_and(|u| u.is_plain_year())
            && a.is_plain_int()
            && !a.is_plain_year();
        let zero_led = a.is_plain_int() && a.int.len() >= 2 && a.int.starts_with('0');
        if unit.is_none() && !neg && (case_number || (zero_led && upper_body.is_none())) {
            let v = digits_value(&a.int) as f64;
            self.push(
                s..num_end,
                NumberKind::Reference,
                NumUnit::None,
                v,
                None,
                1.0,
                None,
            );
            return num_end;
        }

        // Years and year ranges.
        if unit.is_none() && !neg && prefix_exp.is_none() && a.is_plain_year() {
            let ay = digits_value(&a.int);
            let upper_year = match &upper_body {
                None => None,
                Some(u) if u.is_plain_year() && digits_value(&u.int) > ay => {
                    Some(Some(digits_value(&u.int)))
                }
                Some(u) if u.is_plain_int() && u.int.len() == 2 => {
                    let y = ay / 100 * 100 + digits_value(&u.int);
                    Some((y > ay).then_some(y))
                }
                Some(_) => Some(None),
            };
            match upper_year {
                None if !self.count_noun_follows(a.end) => {
                    self.push(
                        s..a.end,
                        NumberKind::Year,
                        NumUnit::None,
                        ay as f64,
                        None,
                        1.0,
                        Some(ay as i32),
                    );
                    return a.end;
                }
                Some(Some(uy)) => {
                    self.push(
                        s..num_end,
                        NumberKind::Year,
                        NumUnit::None,
                        ay as f64,
                        Some(uy as f64),
                        1.0,
                        Some(ay as i32),
                    );
                    return num_end;
                }
                Some(None) => {
                    // Not a year range: the year stands alone, the rest is lexed anew.
                    self.push(
                        s..a.end,
                        NumberKind::Year,
                        NumUnit::None,
                        ay as f64,
                        None,
                        1.0,
                        Some(ay as i32),
                    );
                    return a.end;
                }
                None => {}
            }
        }

        let exp = match (&unit, prefix_exp) {
            (Some(u), _) if u.exp != 0 => u.exp,
            (_, Some(p)) => p,
            _ => 0,
        };
        let unit_kind = match (&unit, prefix_exp) {
            (Some(u), _) if u.unit != NumUnit::None => u.unit,
            (_, Some(_)) => NumUnit::Nok,
            _ => NumUnit::None,
        };
        let value = num_value(neg, &a_int, &a.frac, exp);
        let (upper, resolution) = match &upper_body {
            Some(u) => (
                Some(num_value(false, &u.int, &u.frac, exp)),
                step_size(u.frac.len(), exp),
            ),
            None => (None, step_size(a.frac.len(), exp)),
        };
        let mut end = num_end;
        let mut kind = NumberKind::Quantity;
        match &unit {
            Some(u) => end = u.end,
            None => {
                // Digits glued to letters ("3b", "24h") name something.
                if char_at(t, end).is_some_and(char::is_alphabetic) {
                    kind = NumberKind::Reference;
                    if let Some((_, we)) = word_at(t, end) {
                        end = we;
                    }
                }
            }
        }
        self.push(start..end, kind, unit_kind, value, upper, resolution, None);
        end
    }

    fn count_noun_follows(&self, e: usize) -> bool {
        let x = skip_hspace(self.b, e);
        x > e && word_at(self.t, x).is_some_and(|(w, _)| lexicon().count_nouns.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (span text, value, upper, unit, kind) of each token.
    fn toks(s: &str) -> Vec<(String, f64, Option<f64>, NumUnit, NumberKind)> {
        lex(s)
            .into_iter()
            .map(|t| {
                (
                    s.get(t.span.clone()).unwrap_or("?").to_string(),
                    t.value,
                    t.upper,
                    t.unit,
                    t.kind,
                )
            })
            .collect()
    }

    type Tok = (&'static str, f64, Option<f64>, NumUnit, NumberKind);
    use NumUnit as U;
    const Q: NumberKind = NumberKind::Quantity;
    const Y: NumberKind = NumberKind::Year;
    const R: NumberKind = NumberKind::Reference;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[track_caller]
    fn check(s: &str, want: &[Tok]) {
        let got = toks(s);
        let ok = got.len() == want.len()
            && got.iter().zip(want).all(|(g, w)| {
                g.0 == w.0
                    && close(g.1, w.1)
                    && match (g.2, w.2) {
                        (Some(a), Some(b)) => close(a, b),
                        (None, None) => true,
                        _ => false,
                    }
                    && g.3 == w.3
                    && g.4 == w.4
            });
        assert!(ok, "lexing {s:?}\n got: {got:?}\nwant: {want:?}");
    }

    /// The single token of `s`, which must span all of `s`.
    #[track_caller]
    fn one(s: &str) -> NumberToken {
        let t = lex(s);
        assert_eq!(t.len(), 1, "{s:?} gave {t:?}");
        assert_eq!(t[0].span, 0..s.len(), "{s:?} gave {t:?}");
        t[0].clone()
    }

    #[test]
    fn required_single_figures() {
        let cases: &[(&str, f64, NumUnit, f64)] = &[
            ("64 218", 64218.0, U::None, 1.0),
            ("9,0 %", 9.0, U::Percent, 0.1),
            ("1 251,7 mill. kroner", 1_251_700_000.0, U::Nok, 1e5),
            ("-561 mill.", -561e6, U::Nok, 1e6),
            ("2,8 mrd.", 2.8e9, U::Nok, 1e8),
            ("11.170 mill.", 11_170_000.0, U::Nok, 1e3),
            ("4 657 500,-", 4_657_500.0, U::Nok, 1.0),
            ("13.5 prosent", 13.5, U::Percent, 0.1),
            ("10,2 per 100 000", 10.2, U::Per100k, 0.1),
            ("16,29", 16.29, U::None, 0.01),
            ("16,15 %", 16.15, U::Percent, 0.01),
            ("86 prosent", 86.0, U::Percent, 1.0),
            ("612 340", 612_340.0, U::None, 1.0),
            ("15 pst.", 15.0, U::Percent, 1.0),
            ("200 MNOK", 200e6, U::Nok, 1e6),
            ("kr 1,5 mill", 1.5e6, U::Nok, 1e5),
            ("kr 200 000", 200_000.0, U::Nok, 1.0),
            ("1,4 prosentpoeng", 1.4, U::PercentagePoints, 0.1),
            ("2 %-poeng", 2.0, U::PercentagePoints, 1.0),
            ("61 dager", 61.0, U::Days, 1.0),
            ("65 dagar", 65.0, U::Days, 1.0),
            ("19 timer", 19.0, U::Hours, 1.0),
            ("18 måneder", 18.0, U::Months, 1.0),
            ("45.600 årsverk", 45_600.0, U::Fte, 1.0),
            ("150.000,-", 150_000.0, U::Nok, 1.0),
            ("6.105.000,-", 6_105_000.0, U::Nok, 1.0),
            ("−10", -10.0, U::None, 1.0),
            ("1.5", 1.5, U::None, 0.1),
            ("1.500", 1500.0, U::None, 1.0),
            ("16,7 pr. 100.000 innbyggere", 16.7, U::Per100k, 0.1),
            ("437 millioner kroner", 437e6, U::Nok, 1e6),
            ("2 500", 2500.0, U::None, 1.0),
            ("12\u{a0}345", 12345.0, U::None, 1.0),
            ("12\u{202f}345,5\u{a0}%", 12345.5, U::Percent, 0.1),
        ];
        for &(s, v, u, r) in cases {
            let t = one(s);
            assert!(close(t.value, v), "{s:?}: value {} want {v}", t.value);
            assert_eq!(t.unit, u, "{s:?}");
            assert_eq!(t.kind, Q, "{s:?}");
            assert!(
                close(t.resolution, r),
                "{s:?}: res {} want {r}",
                t.resolution
            );
        }
    }

    #[test]
    fn interval_follows_rounding() {
        let (lo, hi) = one("9,0 %").interval();
        assert!(close(lo, 8.95) && close(hi, 9.05));
        let (lo, hi) = one("2,8 mrd.").interval();
        assert!(close(lo, 2.75e9) && close(hi, 2.85e9));
        let (lo, hi) = one("7-800.000").interval();
        assert!(close(lo, 699_999.5) && close(hi, 800_000.5));
    }

    #[test]
    fn ranges() {
        check(
            "7-800.000",
            &[("7-800.000", 700_000.0, Some(800_000.0), U::None, Q)],
        );
        check(
            "anta et lønnsnivå på om lag kr. 7-800.000,-.",
            &[("kr. 7-800.000,-", 700_000.0, Some(800_000.0), U::Nok, Q)],
        );
        check("10-15 %", &[("10-15 %", 10.0, Some(15.0), U::Percent, Q)]);
        check(
            "5-10 000",
            &[("5-10 000", 5000.0, Some(10_000.0), U::None, Q)],
        );
        check("1-2 mill.", &[("1-2 mill.", 1e6, Some(2e6), U::Nok, Q)]);
        check(
            "2023-2025",
            &[("2023-2025", 2023.0, Some(2025.0), U::None, Y)],
        );
        check(
            "Nasjonal helse- og samhandlingsplan 2024–2027, som",
            &[("2024–2027", 2024.0, Some(2027.0), U::None, Y)],
        );
        // A descending pair is no range, and its second number gets no minus sign.
        check(
            "15-10",
            &[
                ("15", 15.0, None, U::None, Q),
                ("10", 10.0, None, U::None, Q),
            ],
        );
    }

    #[test]
    fn sample_lines_with_several_numbers() {
        check(
            "St. Olavs Hospital HF 9,0 % 9,2 % ",
            &[
                ("9,0 %", 9.0, None, U::Percent, Q),
                ("9,2 %", 9.2, None, U::Percent, Q),
            ],
        );
        check(
            "Somatikk 59 70 74 93 66 60 ",
            &[
                ("59", 59.0, None, U::None, Q),
                ("70", 70.0, None, U::None, Q),
                ("74", 74.0, None, U::None, Q),
                ("93", 93.0, None, U::None, Q),
                ("66", 66.0, None, U::None, Q),
                ("60", 60.0, None, U::None, Q),
            ],
        );
        check(
            "BIOINGENIØR 302 321 (6,3 %) 352 (16,15 %) ",
            &[
                ("302", 302.0, None, U::None, Q),
                ("321", 321.0, None, U::None, Q),
                ("6,3 %", 6.3, None, U::Percent, Q),
                ("352", 352.0, None, U::None, Q),
                ("16,15 %", 16.15, None, U::Percent, Q),
            ],
        );
        check(
            "BARNESYKEPLEIER 118 127 (7,7 %) 139 (18,5 %) ",
            &[
                ("118", 118.0, None, U::None, Q),
                ("127", 127.0, None, U::None, Q),
                ("7,7 %", 7.7, None, U::Percent, Q),
                ("139", 139.0, None, U::None, Q),
                ("18,5 %", 18.5, None, U::Percent, Q),
            ],
        );
        check(
            "prosent i 2023 til 13.5 prosent i 2024. Helse Møre og Romsdal melder",
            &[
                ("2023", 2023.0, None, U::None, Y),
                ("13.5 prosent", 13.5, None, U::Percent, Q),
                ("2024", 2024.0, None, U::None, Y),
            ],
        );
        check(
            "fra 12,8 prosent i 2023 til 13.5 prosent i 2024",
            &[
                ("12,8 prosent", 12.8, None, U::Percent, Q),
                ("2023", 2023.0, None, U::None, Y),
                ("13.5 prosent", 13.5, None, U::Percent, Q),
                ("2024", 2024.0, None, U::None, Y),
            ],
        );
        check(
            "rapporteringen har andelen økt noe (2023: 10,4 prosent; 2024: 11,3 prosent). ",
            &[
                ("2023", 2023.0, None, U::None, Y),
                ("10,4 prosent", 10.4, None, U::Percent, Q),
                ("2024", 2024.0, None, U::None, Y),
                ("11,3 prosent", 11.3, None, U::Percent, Q),
            ],
        );
        check(
            "Tilsvarer andel 10,2 per 100 000 ",
            &[("10,2 per 100 000", 10.2, None, U::Per100k, Q)],
        );
        check(
            "1 100 000 (100% stilling) 200 000 1 300 000",
            &[
                ("1 100 000", 1_100_000.0, None, U::None, Q),
                ("100%", 100.0, None, U::Percent, Q),
                ("200 000", 200_000.0, None, U::None, Q),
                ("1 300 000", 1_300_000.0, None, U::None, Q),
            ],
        );
        check(
            "Sum 2 200 000 2 366 000 4 566 000  ",
            &[
                ("2 200 000", 2_200_000.0, None, U::None, Q),
                ("2 366 000", 2_366_000.0, None, U::None, Q),
                ("4 566 000", 4_566_000.0, None, U::None, Q),
            ],
        );
        check(
            "på samhandling  500 000 500 000 ",
            &[
                ("500 000", 500_000.0, None, U::None, Q),
                ("500 000", 500_000.0, None, U::None, Q),
            ],
        );
        check(
            "Helse Midt-Norge fikk i 2024 et resultat for helseforetakene på -561 mill. kroner, dette ",
            &[
                ("2024", 2024.0, None, U::None, Y),
                ("-561 mill. kroner", -561e6, None, U::Nok, Q),
            ],
        );
        check(
            "Totalkostnad: kr. 9 315 000,-, Det søkes om kr. 4 657 500,- som skal brukes til Lønn til ",
            &[
                ("kr. 9 315 000,-", 9_315_000.0, None, U::Nok, Q),
                ("kr. 4 657 500,-", 4_657_500.0, None, U::Nok, Q),
            ],
        );
        check(
            "2,8 mrd. kr. Dette er om lag 15 prosent lavere enn budsjettert, og mindreforbruket knytter ",
            &[
                ("2,8 mrd. kr.", 2.8e9, None, U::Nok, Q),
                ("15 prosent", 15.0, None, U::Percent, Q),
            ],
        );
        check(
            "tildeling av rekrutterings- og samhandlingstilskudd for 2024 (11.170 mill.). Prosjektene som ",
            &[
                ("2024", 2024.0, None, U::None, Y),
                ("11.170 mill.", 11.17e6, None, U::Nok, Q),
            ],
        );
        check(
            "9 992 pasienter i operasjonskø i 2023 til 13 647 i 2024. St. Olavs",
            &[
                ("9 992", 9992.0, None, U::None, Q),
                ("2023", 2023.0, None, U::None, Y),
                ("13 647", 13647.0, None, U::None, Q),
                ("2024", 2024.0, None, U::None, Y),
            ],
        );
        check(
            "fra 64 218 til 48 105 brudd.",
            &[
                ("64 218", 64218.0, None, U::None, Q),
                ("48 105", 48105.0, None, U::None, Q),
            ],
        );
        check(
            "en nedgang på knappe 1 prosentpoeng, har St. Olavs hospital steget med 1,4 prosentpoeng. ",
            &[
                ("1 prosentpoeng", 1.0, None, U::PercentagePoints, Q),
                ("1,4 prosentpoeng", 1.4, None, U::PercentagePoints, Q),
            ],
        );
        check(
            "• Prosjektleder (100 % i 18 måneder): ca. kr 1,5 mill ",
            &[
                ("100 %", 100.0, None, U::Percent, Q),
                ("18 måneder", 18.0, None, U::Months, Q),
                ("kr 1,5 mill", 1.5e6, None, U::Nok, Q),
            ],
        );
        check(
            "Antall tilfeller av at leger jobber mer enn 19 timer pr. vaktdøgn skal reduseres med 20 % ",
            &[
                ("19 timer", 19.0, None, U::Hours, Q),
                ("20 %", 20.0, None, U::Percent, Q),
            ],
        );
        check(
            "prisstigning. Pr. mars 2025 er det en ytterligere reduksjon på 68/81=14 %.   ",
            &[
                ("2025", 2025.0, None, U::None, Y),
                ("68", 68.0, None, U::None, Q),
                ("81", 81.0, None, U::None, Q),
                ("14 %", 14.0, None, U::Percent, Q),
            ],
        );
        check(
            "Regionen skal overholde minst 95 pst. av pasientavtalene (passert planlagt tid).  ",
            &[("95 pst.", 95.0, None, U::Percent, Q)],
        );
        check(
            " St. Olavs hospital HF: 16,29, hvilket tilsvarer en 3,4 prosents økning fra nivået i 2019 ",
            &[
                ("16,29", 16.29, None, U::None, Q),
                ("3,4 prosents", 3.4, None, U::Percent, Q),
                ("2019", 2019.0, None, U::None, Y),
            ],
        );
        check(
            "4. Kr. 500.000, - av midlene for 2026 brukes til innkjøp av lisens ",
            &[
                ("4.", 4.0, None, U::None, R),
                ("Kr. 500.000, -", 500_000.0, None, U::Nok, Q),
                ("2026", 2026.0, None, U::None, Y),
            ],
        );
        check(
            "2 x 50% stillinger) 1 200 000 ",
            &[
                ("2", 2.0, None, U::None, Q),
                ("50%", 50.0, None, U::Percent, Q),
                ("1 200 000", 1_200_000.0, None, U::None, Q),
            ],
        );
    }

    #[test]
    fn years_dates_periods() {
        check(
            "2023 2024",
            &[
                ("2023", 2023.0, None, U::None, Y),
                ("2024", 2024.0, None, U::None, Y),
            ],
        );
        check("i 2024 pasienter", &[("2024", 2024.0, None, U::None, Q)]);
        check("2 024 pasienter", &[("2 024", 2024.0, None, U::None, Q)]);
        check("2024 %", &[("2024 %", 2024.0, None, U::Percent, Q)]);

        let t = one("20.08.2024");
        assert_eq!(
            (t.kind, t.year, t.value),
            (NumberKind::Date, Some(2024), 20240820.0)
        );
        let t = one("01.01.25");
        assert_eq!((t.kind, t.year), (NumberKind::Date, Some(2025)));
        let t = one("1. januar 2024");
        assert_eq!(
            (t.kind, t.year, t.value),
            (NumberKind::Date, Some(2024), 20240101.0)
        );
        let t = one("Q3 2025");
        assert_eq!(
            (t.kind, t.unit, t.value, t.year),
            (NumberKind::Period, U::Quarter, 3.0, Some(2025))
        );
        let t = one("2. tertial");
        assert_eq!(
            (t.kind, t.unit, t.value),
            (NumberKind::Period, U::Tertial, 2.0)
        );
        let t = one("1. kvartal");
        assert_eq!(
            (t.kind, t.unit, t.value),
            (NumberKind::Period, U::Quarter, 1.0)
        );

        let kinds = |s: &str| lex(s).iter().map(|t| t.kind).collect::<Vec<_>>();
        assert_eq!(
            kinds("(Prosjektår 1: Q3 2025 – Q3 2026) "),
            [Q, NumberKind::Period, NumberKind::Period]
        );
        let t = lex("kompetanse: 1.–2. kvartal 2026  ");
        assert_eq!(t.len(), 1);
        assert_eq!(
            (t[0].kind, t[0].value, t[0].upper, t[0].year),
            (NumberKind::Period, 1.0, Some(2.0), Some(2026))
        );
        let t = lex("vedtok 29.10.2024 (sak 42/24) og 18. desember og 1.7.23). For 2024 ");
        assert_eq!(
            t.iter().map(|t| (t.kind, t.year)).collect::<Vec<_>>(),
            [
                (NumberKind::Date, Some(2024)),
                (R, None),
                (NumberKind::Date, None),
                (NumberKind::Date, Some(2023)),
                (Y, Some(2024)),
            ]
        );
        check(
            "behandling av Prop. 104 S (2023–2024), hvor",
            &[
                ("104", 104.0, None, U::None, R),
                ("2023–2024", 2023.0, Some(2024.0), U::None, Y),
            ],
        );
    }

    #[test]
    fn references_are_no_quantities() {
        let quantities = |s: &str| {
            lex(s)
                .into_iter()
                .filter(|t| t.kind == Q)
                .map(|t| s[t.span].to_string())
                .collect::<Vec<_>>()
        };
        let none: [&str; 0] = [];
        assert_eq!(quantities("2.1 Styrke psykisk helsevern"), none);
        assert_eq!(quantities("3.5.2 Bedre bruk av kapasitet"), none);
        assert_eq!(quantities("legges til i avsnitt 3.2, sammen med"), none);
        assert_eq!(quantities("Se også rapportering i kap. 2.3.  "), none);
        assert_eq!(quantities("5. Oppdrag om fagarbeidere "), none);
        assert_eq!(
            quantities("jf. Barnevernsinstitusjonsutvalgets NOU 2023:24 «Med"),
            none
        );
        assert_eq!(
            quantities("bli krevende (NOU 2019:2, s.33). Etterspørselen"),
            none
        );
        assert_eq!(quantities("møtet starter kl. 08.00 og varer"), none);
        assert_eq!(
            quantities(
                " Postadresse: Besøksadresse: Telefon sentralbord: 75 51 29 00    Org nr: MVA 883 658 752 "
            ),
            none
        );
        assert_eq!(quantities("(målt i DDD/100 liggedøgn).  "), none);
        assert_eq!(quantities("i rapport1 om COVID-19 og tabell 5"), none);
        assert_eq!(
            quantities("november 2024 (styresak 127-2024), der styret"),
            none
        );
        assert_eq!(quantities("26-2025 Orienteringssak"), none);
        assert_eq!(quantities("i møte nr. 2 i FSU-et (090125) ble det"), none);
        assert_eq!(
            quantities("Av Meld. St. 23 (2022-2023) Opptrappingsplan"),
            none
        );
        assert_eq!(
            quantities("besluttes i ekstraordinært møte i SSU i uke 43,"),
            none
        );
        assert_eq!(
            quantities("se https://www.helse-midt.no/2024/rapport-12 og post@hn.no"),
            none
        );
        assert_eq!(
            quantities("http://www.helse-midt.no/ www.helse-nord.no/123"),
            none
        );
        // Plain decimal point mid-sentence stays a quantity.
        assert_eq!(quantities("økte til 13.5 prosent"), ["13.5 prosent"]);
    }

    #[test]
    fn deficits_are_flagged() {
        let t = lex("underskudd på 852 mill. kroner som er 400 mill. kroner svakere enn");
        assert_eq!(t.len(), 2);
        assert!(t[0].negative_context && t[0].value > 0.0);
        assert!(!t[1].negative_context);
        let t = lex("vedtatt til 437 millioner kroner i underskudd. Resultatkravet");
        assert!(t[0].negative_context);
        let t = lex("et underskudd på -25 mill. kroner for helseforetakene");
        assert!(t[0].negative_context && t[0].value < 0.0);
        let t = lex("eit underskot på 12 mill.");
        assert!(t[0].negative_context);
        let t = lex("et overskudd på 50 mill. kroner");
        assert!(!t[0].negative_context);
    }

    #[test]
    fn minus_signs() {
        check("ned −3,5 %", &[("−3,5 %", -3.5, None, U::Percent, Q)]);
        check("endring –2 dager", &[("–2 dager", -2.0, None, U::Days, Q)]);
        check("(-10)", &[("-10", -10.0, None, U::None, Q)]);
        // Hyphen inside a word or after a number is no sign.
        check("2019-nivå", &[("2019", 2019.0, None, U::None, Y)]);
        check("12-timers vakter", &[("12", 12.0, None, U::None, Q)]);
        // Table cells after a column gap keep their signs.
        check(
            "–45,2    –20,0",
            &[
                ("–45,2", -45.2, None, U::None, Q),
                ("–20,0", -20.0, None, U::None, Q),
            ],
        );
        check(
            "−6,1 −4,0",
            &[
                ("−6,1", -6.1, None, U::None, Q),
                ("−4,0", -4.0, None, U::None, Q),
            ],
        );
    }

    #[test]
    fn parse_number_reads_cells() {
        assert_eq!(parse_number("9,0 %"), Some(9.0));
        assert_eq!(parse_number(" 1 251,7 "), Some(1251.7));
        assert_eq!(parse_number("−3"), Some(-3.0));
        assert_eq!(parse_number("(6,3 %)"), Some(6.3));
        assert_eq!(parse_number("2024"), Some(2024.0));
        assert_eq!(parse_number("4 657 500,-"), Some(4_657_500.0));
        // A cell is one number even where running text would split it.
        assert_eq!(parse_number("1 000 500"), Some(1_000_500.0));
        assert_eq!(parse_number("302 321"), Some(302_321.0));
        assert_eq!(parse_number("9,0 % 9,2 %"), None);
        assert_eq!(parse_number("Totalt 5"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("-"), None);
        assert_eq!(parse_number("20.08.2024"), None);
    }

    #[test]
    fn hostile_input_never_panics_and_stays_finite() {
        let mut inputs: Vec<String> = vec![
            "9".repeat(400),
            format!("{},{}", "9".repeat(300), "9".repeat(400)),
            "%".repeat(5000),
            "1 ".repeat(5000),
            "111 ".repeat(5000),
            "000 ".repeat(5000),
            "1.".repeat(5000),
            "1.000.".repeat(3000),
            "-".repeat(3000) + "5",
            "−–-1".repeat(2000),
            "Q".repeat(100) + "3",
            "kr ".repeat(2000) + "5",
            "per 100 ".repeat(2000),
            "1. ".repeat(3000),
            "\u{a0}1\u{202f}".repeat(3000),
            "é1ø2å3—4…5\u{2212}".repeat(2000),
            "12345678901234567890123 1,5e308".into(),
        ];
        inputs.push(inputs.concat());
        for s in &inputs {
            for t in lex(s) {
                assert!(t.value.is_finite() && t.resolution.is_finite() && t.resolution > 0.0);
                assert!(t.upper.is_none_or(f64::is_finite));
                assert!(s.get(t.span.clone()).is_some(), "span off char boundary");
            }
            let _ = parse_number(s);
        }
        // Every prefix of a tricky line, cut at each char boundary.
        let line =
            "kr. 7-800.000,- og 1.–2. kvartal 2026, −3,5 %, Q3 2025, 20.08.2024 1 251,7 mill. kr";
        for (i, _) in line.char_indices() {
            let _ = lex(&line[..i]);
            let _ = lex(&line[i..]);
        }
    }

    #[test]
    fn lexing_is_linear() {
        let unit = "Sum 2 200 000 2 366 000 (6,3 %) 302 321 352 fra 12,8 prosent i 2023 til 13.5 \
                    prosent, 1.–2. kvartal 2026, kr. 7-800.000,- 111 111 111 111 ";
        let small = unit.repeat(200);
        let big = unit.repeat(4000);
        let t0 = std::time::Instant::now();
        let n_small = lex(&small).len();
        let d_small = t0.elapsed();
        let t1 = std::time::Instant::now();
        let n_big = lex(&big).len();
        let d_big = t1.elapsed();
        assert_eq!(n_big, n_small * 20);
        // 20 times the text must not take hundreds of times longer.
        assert!(d_big < d_small * 200 + std::time::Duration::from_millis(200));
    }

    #[test]
    fn sample_files_lex_without_panic() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut files = 0;
        let mut quantities = 0;
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("txt") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            files += 1;
            for line in text.lines() {
                for t in lex(line) {
                    assert!(t.value.is_finite(), "{path:?}: {line:?}");
                    assert!(t.upper.is_none_or(f64::is_finite), "{path:?}: {line:?}");
                    assert!(line.get(t.span.clone()).is_some());
                    quantities += usize::from(t.kind == Q);
                }
            }
            // Whole file at once too (tokens may not cross lines wrongly, nor panic).
            for t in lex(&text) {
                assert!(t.value.is_finite());
            }
        }
        assert!(files >= 5, "sample files not found in {dir:?}");
        assert!(quantities > 500);
    }
}
