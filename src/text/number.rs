//! Numbers written the Norwegian way.

/// A number the Norwegian way: thousands with a space, decimal comma, minus sign "−".
pub fn fmt_no(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return String::from("?");
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::new();
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    let neg = v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if neg {
        out.push('−');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(',');
        out.push_str(&f);
    }
    out
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
    }
}
