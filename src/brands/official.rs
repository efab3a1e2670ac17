//! Which brand's official domain a site is: an open-addressing hash table of
//! domain numbers, built when the brands are decoded. Building it takes a few
//! thousand instructions; shipping its slots would add a kilobyte to the wasm.

use super::hash::hash_bytes;
use super::Domain;

/// Slots of `domain number + 1` (0: free), at most half of them used, so a
/// miss ends within a slot or two.
#[derive(Debug)]
pub(super) struct Official {
    slots: Vec<u16>,
}

impl Official {
    /// The table of `domains`; a domain two brands list stays with the first.
    pub(super) fn new(domains: &[Domain]) -> Official {
        let mut table = Official { slots: vec![0; (2 * domains.len()).next_power_of_two().max(2)] };
        for (number, domain) in domains.iter().enumerate() {
            if let Err(free) = table.find(domains, domain.name) {
                if let Some(slot) = table.slots.get_mut(free) {
                    *slot = number as u16 + 1;
                }
            }
        }
        table
    }

    /// The number of the first listing of domain `site` in `domains`.
    pub(super) fn get(&self, domains: &[Domain], site: &str) -> Option<usize> {
        self.find(domains, site).ok()
    }

    /// `Ok(number)` of `site`, or `Err(slot)`: the free slot it would go in.
    fn find(&self, domains: &[Domain], site: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        // The high half: FxHasher's low bits mix poorly.
        let mut i = (hash_bytes(site.as_bytes()) >> 32) as usize & mask;
        loop {
            let Some(number) = self.slots.get(i).and_then(|s| s.checked_sub(1)) else { return Err(i) };
            let number = usize::from(number);
            if domains.get(number).is_some_and(|d| d.name == site) {
                return Ok(number);
            }
            i = (i + 1) & mask;
        }
    }
}
