//! One small stable sort for the crate's short lists.
//!
//! std's sorts are fast, but every call site with its own element type or
//! comparator compiles to several KB of wasm (the crate's dozen sorts cost
//! about 40 KB). This insertion sort compiles to about a hundred bytes per use.
//! It takes O(n²) steps on shuffled input, so it is only for short vectors
//! (a form's fields, a verdict's reasons) and for the built-in tables of a few
//! hundred rows sorted once at start-up; large inputs keep std's sorts.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (equal elements keep their order).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j], &v[j - 1]) == Ordering::Less {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` stably by the key `key` gives each element.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_elements_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w = vec![5, 4, 3, 2, 1, 0];
        sort(&mut w);
        assert_eq!(w, [0, 1, 2, 3, 4, 5]);
        let mut e: Vec<u8> = Vec::new();
        sort(&mut e);
        assert!(e.is_empty());
    }
}
