//! Pure text helpers every stage may use: folding and whole-word search (`fold`), word helpers
//! (`words`), interval arithmetic on rounded figures (`interval`) and the one number formatter
//! (`number`: `NumberFormat`, Norwegian or English). Nothing here knows about reports.

mod fold;
mod interval;
mod number;
mod words;

pub use fold::{find_bytes, find_phrase, fold, WordHasher, WordMap};
pub use interval::{corners2, decimals_of, magnitude, overlaps, Iv};
pub use number::{fmt_no, Grouping, Minus, NumberFormat, Rounding, Style};
pub use words::{first_word, head, last_word, lower, tail, words};
