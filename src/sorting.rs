//! Stable sorting for the whole crate, in one place.
//!
//! Natively these are `slice::sort_by*`. In the browser build every `sort_by_key` with its own
//! closure type would be its own copy of the standard library's sort (about 3 KB of wasm each,
//! ~74 KB over the crate), so there the work goes through one non-generic sort of indices with a
//! `dyn` comparator and a generic permutation step that is a few hundred bytes. Both are stable,
//! so results are identical on both targets.

use std::cmp::Ordering;

/// Sorts `v` stably by `key` (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably (like `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` stably by `cmp` (like `slice::sort_by`).
#[cfg(not(target_arch = "wasm32"))]
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    v.sort_by(cmp);
}

/// Sorts `v` stably by `cmp` (like `slice::sort_by`).
#[cfg(target_arch = "wasm32")]
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    sort_by_compact(v, cmp);
}

/// The browser build's stable sort: one shared sort of indices, then a permutation.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn sort_by_compact<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// The stable sorted order of `0..n` under `cmp`: the single sort instance in the wasm build.
#[inline(never)]
fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that position `i` holds what was at `order[i]` (cycle by cycle, in place).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut current = start;
        // Follow the cycle through `start`, marking visited slots with their own index.
        while order[current] != start {
            let next = order[current];
            v.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w = vec![5, 3, 9, 1];
        sort(&mut w);
        assert_eq!(w, vec![1, 3, 5, 9]);
    }

    /// The browser build's sort gives exactly what the standard library's stable sort gives,
    /// on many pseudo-random inputs with lots of equal keys.
    #[test]
    fn compact_sort_matches_the_standard_stable_sort() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..200usize {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 7) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_compact(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = v;
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted, "len {len}");
        }
    }
}
