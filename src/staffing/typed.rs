//! Numbers typed into the page's staffing view: Norwegian decimals ("7,5" is 7,5), spaced
//! thousands ("11 200"), an optional percent sign, and each lever's range. The page shows what
//! these return; it never guesses a value that does not parse or lies outside its range.

use crate::extract::numbers::parse_number;

/// Why a typed value is not used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TypedError {
    /// Empty, or not one number.
    NotANumber,
    /// A number outside the lever's range (both ends allowed).
    OutOfRange { min: f64, max: f64 },
}

/// A typed number: decimal comma or point, spaced thousands, an optional trailing "%".
pub fn parse_typed(s: &str) -> Option<f64> {
    let s = s.trim();
    let s = s.strip_suffix('%').map(str::trim_end).unwrap_or(s);
    if s.is_empty() {
        return None;
    }
    // A lone decimal point ("7.5") is a decimal here, as a number field writes it; the report
    // lexer would read a point between digits as a thousands separator.
    let comma;
    let s = if !s.contains(',') && s.matches('.').count() == 1 && !s.ends_with('.') {
        comma = s.replace('.', ",");
        comma.as_str()
    } else {
        s
    };
    let (neg, digits) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    let v = parse_number(digits).filter(|v| v.is_finite())?;
    Some(if neg { -v } else { v })
}

/// A typed year (four digits, no decimals).
pub fn parse_year(s: &str) -> Option<i32> {
    let v = parse_typed(s)?;
    (v.fract() == 0.0 && (1000.0..=9999.0).contains(&v)).then_some(v as i32)
}

/// A typed lever value inside `min..=max`.
pub fn parse_in_range(s: &str, min: f64, max: f64) -> Result<f64, TypedError> {
    let v = parse_typed(s).ok_or(TypedError::NotANumber)?;
    if v < min || v > max {
        return Err(TypedError::OutOfRange { min, max });
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_decimals_and_thousands_are_read() {
        assert_eq!(parse_typed("7,5"), Some(7.5));
        assert_eq!(parse_typed(" 7,5 % "), Some(7.5));
        assert_eq!(parse_typed("7.5"), Some(7.5));
        assert_eq!(parse_typed("11 200"), Some(11200.0));
        assert_eq!(parse_typed("14 450,4"), Some(14450.4));
        assert_eq!(parse_typed("0,1"), Some(0.1));
        assert_eq!(parse_typed("20"), Some(20.0));
        assert_eq!(parse_typed("-2"), Some(-2.0));
    }

    #[test]
    fn what_is_not_one_number_is_refused() {
        for s in ["", "  ", "%", "sju", "7,5 og 8", "abc7"] {
            assert_eq!(parse_typed(s), None, "{s:?}");
        }
        assert_eq!(parse_in_range("x", 0.0, 25.0), Err(TypedError::NotANumber));
    }

    #[test]
    fn a_lever_value_must_lie_in_its_range() {
        assert_eq!(parse_in_range("7,5", 0.0, 25.0), Ok(7.5));
        assert_eq!(parse_in_range("25", 0.0, 25.0), Ok(25.0));
        assert_eq!(parse_in_range("0", 0.0, 25.0), Ok(0.0));
        assert_eq!(
            parse_in_range("30", 0.0, 25.0),
            Err(TypedError::OutOfRange {
                min: 0.0,
                max: 25.0
            })
        );
        assert_eq!(
            parse_in_range("-1", 0.0, 25.0),
            Err(TypedError::OutOfRange {
                min: 0.0,
                max: 25.0
            })
        );
    }

    #[test]
    fn years_are_whole_four_digit_numbers() {
        assert_eq!(parse_year("2024"), Some(2024));
        assert_eq!(parse_year("2024,5"), None);
        assert_eq!(parse_year("24"), None);
    }
}
