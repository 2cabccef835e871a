//! Numbers written for a reader: the one formatter, [`NumberFormat`]. Norwegian by default
//! (thousands apart by a space, decimal comma, minus sign "−"), English on request (thousands
//! apart by a comma, decimal point). Where the engine writes numbers differently on purpose, the
//! difference is an option of this formatter, named where it is used:
//!
//! - tables group thousands only from 10 000 ("2024", "4 566 000": [`Grouping::From10000`]);
//! - a spreadsheet cell is written as Excel shows it: halves rounded away from zero, a hyphen
//!   for minus, nothing for a value that is not finite ([`Rounding::HalfAwayFromZero`],
//!   [`Minus::Hyphen`], `not_finite("")`);
//! - a size in a message is not grouped at all ([`Grouping::None`]).

/// Where the whole part of a number gets a space (or comma) between thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Never: "12345".
    None,
    /// From four digits on: "1 759", "64 218".
    From1000,
    /// From five digits on, so four-digit figures (years) stay whole: "2024", "64 218".
    From10000,
}

/// How a negative number is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Minus {
    /// The minus sign "−" (U+2212), as Norwegian typography writes it.
    Sign,
    /// The hyphen-minus "-", as a spreadsheet shows it.
    Hyphen,
}

/// How a figure is rounded to its decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// What `format!` does: the nearest decimal of the binary value, a tie to even.
    Nearest,
    /// Halves away from zero, as Excel rounds (a value too large to scale is left as it is).
    HalfAwayFromZero,
}

/// The separators of a written standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// "1 234,5"
    Norwegian,
    /// "1,234.5"
    English,
}

/// How a number is written: decimals, grouping, minus, rounding, separators, and what stands for
/// a value that is not finite. Build it from [`NumberFormat::nb`] or [`NumberFormat::en`] and
/// change what differs: `NumberFormat::nb(1).grouping(Grouping::From10000).format(v)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    pub decimals: usize,
    pub grouping: Grouping,
    pub minus: Minus,
    pub rounding: Rounding,
    pub style: Style,
    pub not_finite: &'static str,
}

impl NumberFormat {
    /// Norwegian: `decimals` decimals, thousands spaced from 1 000, "−", "?" for a value that is
    /// not finite.
    pub const fn nb(decimals: usize) -> Self {
        NumberFormat {
            decimals,
            grouping: Grouping::From1000,
            minus: Minus::Sign,
            rounding: Rounding::Nearest,
            style: Style::Norwegian,
            not_finite: "?",
        }
    }

    /// English: as [`NumberFormat::nb`] with a comma between thousands and a decimal point.
    pub const fn en(decimals: usize) -> Self {
        NumberFormat {
            style: Style::English,
            ..NumberFormat::nb(decimals)
        }
    }

    pub const fn decimals(self, decimals: usize) -> Self {
        NumberFormat { decimals, ..self }
    }

    pub const fn grouping(self, grouping: Grouping) -> Self {
        NumberFormat { grouping, ..self }
    }

    pub const fn minus(self, minus: Minus) -> Self {
        NumberFormat { minus, ..self }
    }

    pub const fn rounding(self, rounding: Rounding) -> Self {
        NumberFormat { rounding, ..self }
    }

    pub const fn not_finite(self, not_finite: &'static str) -> Self {
        NumberFormat { not_finite, ..self }
    }

    /// `v` written this way. A negative value that rounds to zero is written without a sign.
    pub fn format(&self, v: f64) -> String {
        if !v.is_finite() {
            return self.not_finite.to_string();
        }
        let abs = match self.rounding {
            Rounding::Nearest => v.abs(),
            Rounding::HalfAwayFromZero => {
                let scale = 10f64.powi(self.decimals as i32);
                let scaled = v.abs() * scale;
                if scaled.is_finite() && scaled < 1e15 {
                    scaled.round() / scale
                } else {
                    v.abs()
                }
            }
        };
        let s = format!("{:.*}", self.decimals, abs);
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s.as_str(), None),
        };
        let (thousands, decimal) = match self.style {
            Style::Norwegian => (' ', ','),
            Style::English => (',', '.'),
        };
        let from = match self.grouping {
            Grouping::None => usize::MAX,
            Grouping::From1000 => 4,
            Grouping::From10000 => 5,
        };
        let mut out = String::new();
        if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
            out.push(match self.minus {
                Minus::Sign => '−',
                Minus::Hyphen => '-',
            });
        }
        let n = int.len();
        for (i, c) in int.chars().enumerate() {
            if n >= from && i > 0 && (n - i) % 3 == 0 {
                out.push(thousands);
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push(decimal);
            out.push_str(f);
        }
        out
    }
}

/// A number the Norwegian way with `decimals` decimals: `NumberFormat::nb(decimals).format(v)`.
pub fn fmt_no(v: f64, decimals: usize) -> String {
    NumberFormat::nb(decimals).format(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_number_format() {
        assert_eq!(fmt_no(64218.0, 0), "64 218");
        assert_eq!(fmt_no(1759.0, 0), "1 759");
        assert_eq!(fmt_no(-26.5834, 2), "−26,58");
        assert_eq!(fmt_no(10.468, 2), "10,47");
        assert_eq!(fmt_no(-0.001, 1), "0,0");
        assert_eq!(fmt_no(f64::NAN, 1), "?");
    }

    #[test]
    fn the_options() {
        let table = NumberFormat::nb(0).grouping(Grouping::From10000);
        assert_eq!(table.format(4_566_000.0), "4 566 000");
        assert_eq!(table.format(2024.0), "2024");
        assert_eq!(table.decimals(1).format(17.6123), "17,6");
        assert_eq!(table.decimals(1).format(-0.04), "0,0");
        assert_eq!(table.decimals(1).format(-12.5), "−12,5");
        let sheet = NumberFormat::nb(1)
            .rounding(Rounding::HalfAwayFromZero)
            .minus(Minus::Hyphen)
            .not_finite("");
        assert_eq!(sheet.format(0.25), "0,3");
        assert_eq!(NumberFormat::nb(1).format(0.25), "0,2");
        assert_eq!(sheet.format(-1234.5), "-1 234,5");
        assert_eq!(sheet.format(f64::INFINITY), "");
        assert_eq!(
            NumberFormat::nb(1).grouping(Grouping::None).format(12345.0),
            "12345,0"
        );
        assert_eq!(NumberFormat::en(2).format(-1234567.891), "−1,234,567.89");
    }
}
