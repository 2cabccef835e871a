//! Interval arithmetic: a stated figure stands for the interval its last digit allows
//! (6,3 % is [6,25; 6,35]), and a computation over figures gives an interval too.

/// A closed interval of reals.
pub type Iv = (f64, f64);

/// The exact range of a function monotone in each argument over a box: its values at the corners.
pub fn corners2(a: Iv, b: Iv, f: impl Fn(f64, f64) -> f64) -> Option<Iv> {
    let vals = [f(a.0, b.0), f(a.0, b.1), f(a.1, b.0), f(a.1, b.1)];
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for v in vals {
        if !v.is_finite() {
            return None;
        }
        lo = lo.min(v);
        hi = hi.max(v);
    }
    Some((lo, hi))
}

/// Whether two intervals share a point (with a hair of slack for floating point).
pub fn overlaps(a: Iv, b: Iv) -> bool {
    let eps = 1e-9 * (1.0 + a.0.abs().max(a.1.abs()).max(b.0.abs()).max(b.1.abs()));
    a.0 <= b.1 + eps && b.0 <= a.1 + eps
}

/// The range of |x| for x in `a`.
pub fn magnitude(a: Iv) -> Iv {
    if a.0 >= 0.0 {
        a
    } else if a.1 <= 0.0 {
        (-a.1, -a.0)
    } else {
        (0.0, (-a.0).max(a.1))
    }
}

/// Number of decimals the resolution of a figure shows ("10,2" → 1, "84" → 0).
pub fn decimals_of(resolution: f64) -> usize {
    if !(resolution.is_finite()) || resolution <= 0.0 || resolution >= 1.0 {
        return 0;
    }
    let d = (-resolution.log10()).round();
    if d.is_finite() {
        (d as usize).min(6)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        // 64 218 → 47 136 is −26,60 %; the corners of the rounding intervals bracket it.
        let r = corners2((64217.5, 64218.5), (47135.5, 47136.5), |x, y| {
            (y / x - 1.0) * 100.0
        })
        .unwrap();
        assert!(r.0 < -26.60 && r.1 > -26.60 && r.1 < -26.59 && r.0 > -26.61);
        assert!(overlaps((1.0, 2.0), (2.0, 3.0)));
        assert!(!overlaps((1.0, 2.0), (2.1, 3.0)));
        assert_eq!(magnitude((-3.0, 1.0)), (0.0, 3.0));
        assert_eq!(decimals_of(0.1), 1);
        assert_eq!(decimals_of(1.0), 0);
    }
}
