//! Three-letter brand labels (`ups`, `dhl`, `jcb`) typed with one letter
//! more: appended (`upsa`, `ups1`) or doubled (`uups`). Too short for any
//! other slip, and only under the brand's own suffix (`upsa.com`, not
//! `upsa.org`): four-letter names elsewhere are mostly honest.

use crate::brands::FxMap;

/// The length of the brand labels matched here.
const LEN: usize = 3;

/// Three-letter official labels → (brand index, official domain).
#[derive(Default)]
pub(super) struct ShortLabels {
    by_label: FxMap<[u8; LEN], (u16, &'static str)>,
}

impl ShortLabels {
    /// Adds `label` of `domain` (brand number `brand`) if it has three letters or digits.
    pub(super) fn add(&mut self, label: &str, brand: u16, domain: &'static str) {
        if let Ok(key) = <[u8; LEN]>::try_from(label.as_bytes()) {
            if key.iter().all(u8::is_ascii_alphanumeric) {
                self.by_label.entry(key).or_insert((brand, domain));
            }
        }
    }

    /// The (brand, domain) whose three-letter label `cand` is with one letter
    /// appended or doubled, and for which `owned` (given the brand's label)
    /// says the brand owns it under the candidate's suffix.
    pub(super) fn find(&self, cand: &[u8], owned: impl Fn(&str) -> bool) -> Option<(u16, &'static str)> {
        if cand.len() != LEN + 1 || self.by_label.is_empty() {
            return None;
        }
        // The first three letters (one appended), or one of a doubled pair dropped.
        let dropped = std::iter::once(LEN).chain((0..LEN).filter(|&i| cand[i] == cand[i + 1]));
        dropped.filter_map(|skip| {
            let mut key = [0u8; LEN];
            for (k, &b) in key.iter_mut().zip(cand.iter().enumerate().filter(|&(i, _)| i != skip).map(|(_, b)| b)) {
                *k = b;
            }
            let &(brand, domain) = self.by_label.get(&key)?;
            let label = domain.split('.').next()?;
            owned(label).then_some((brand, domain))
        })
        .next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appended_or_doubled_letters() {
        let mut t = ShortLabels::default();
        t.add("ups", 7, "ups.com");
        t.add("toolong", 8, "toolong.com");
        let yes = |_: &str| true;
        assert_eq!(t.find(b"upsa", yes), Some((7, "ups.com")));
        assert_eq!(t.find(b"ups1", yes), Some((7, "ups.com")));
        assert_eq!(t.find(b"uups", yes), Some((7, "ups.com")));
        assert_eq!(t.find(b"upps", yes), Some((7, "ups.com")));
        assert_eq!(t.find(b"aups", yes), None, "only appended or doubled");
        assert_eq!(t.find(b"upsa", |_| false), None, "another suffix");
        assert_eq!(t.find(b"ups", yes), None);
        assert_eq!(t.find(b"", yes), None);
    }
}
