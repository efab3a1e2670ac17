//! The list type of a brand's names, domains and tokens: a static slice that
//! reads like the `Vec` it replaced (`for d in &brand.domains`, `.iter()`,
//! `.len()`, indexing), so the generated table needs no allocation.

use std::ops::Deref;

/// A list of a brand's entries, compiled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct List<T: 'static>(pub(super) &'static [T]);

impl<T> Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.0
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
