//! The lists an [`Engine`](crate::Engine) holds, and the reasons they give.
//!
//! Block lists give `threat-list` (naming every list that matched), trust
//! lists `trust-list`, and the person's own lists `user-block` and
//! `user-allow`. What those reasons do to the level is policy
//! (`data/policy.tsv`): a block beats a trust list, the person's own "I trust
//! this site" beats everything.

use serde::Serialize;

use super::builder::ListBuilder;
use super::expr::probe_hashes;
use super::store::{CompiledList, ListMeta};
use super::{FeedError, Role};
use crate::target::Target;
use crate::verdict::Reason;

/// Every list the engine consults.
#[derive(Clone, Debug, Default)]
pub struct Lists {
    block: Vec<CompiledList>,
    trust: Vec<CompiledList>,
    user_allow: Option<CompiledList>,
    user_block: Option<CompiledList>,
}

/// One list as the options page and `list stats` show it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListInfo {
    /// What the list says about itself (name, role, entries, when built).
    #[serde(flatten)]
    pub meta: ListMeta,
    /// Bytes held in memory (and stored).
    pub bytes: usize,
}

/// How many of the person's own entries were taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UserListsReport {
    /// Entries on the allowlist.
    pub allow: u32,
    /// Entries on the blocklist.
    pub block: u32,
    /// Entries that are not a URL or domain (or name a whole platform).
    pub skipped: u32,
}

impl Lists {
    /// Adds a list in the given role, replacing any list of that role with the
    /// same name: the swap is one assignment, so a lookup never sees half a list.
    pub fn insert(&mut self, role: Role, list: CompiledList) {
        let lists = self.role_mut(role);
        match lists.iter_mut().find(|l| l.name() == list.name()) {
            Some(slot) => *slot = list,
            None => lists.push(list),
        }
    }

    /// Removes the list of that role and name; whether there was one.
    pub fn remove(&mut self, role: Role, name: &str) -> bool {
        let lists = self.role_mut(role);
        let before = lists.len();
        lists.retain(|l| l.name() != name);
        lists.len() != before
    }

    fn role_mut(&mut self, role: Role) -> &mut Vec<CompiledList> {
        match role {
            Role::Block => &mut self.block,
            Role::Trust => &mut self.trust,
        }
    }

    /// Replaces the person's own allowlist and blocklist (URLs or domains).
    pub fn set_user_lists<S: AsRef<str>>(&mut self, allow: &[S], block: &[S]) -> Result<UserListsReport, FeedError> {
        let mut report = UserListsReport::default();
        let (allow_list, n, skipped) = user_list(Role::Trust, "user-allow", allow)?;
        report.allow = n;
        report.skipped += skipped;
        let (block_list, n, skipped) = user_list(Role::Block, "user-block", block)?;
        report.block = n;
        report.skipped += skipped;
        self.user_allow = allow_list;
        self.user_block = block_list;
        Ok(report)
    }

    /// Every feed list held (not the person's own), block lists first.
    pub fn info(&self) -> Vec<ListInfo> {
        self.block.iter().chain(&self.trust).map(|l| ListInfo { meta: l.meta(), bytes: l.as_bytes().len() }).collect()
    }

    /// Appends the list reasons for `target` to `out`; entries match within
    /// `site` (the URL's person site: its registrable domain, or a user's site
    /// on a hosting platform), never above it.
    pub fn signals(&self, target: &Target, site: Option<&str>, out: &mut Vec<Reason>) {
        if self.block.is_empty() && self.trust.is_empty() && self.user_allow.is_none() && self.user_block.is_none() {
            return;
        }
        let hashes = probe_hashes(target, site);
        let hit = |l: &CompiledList| l.contains_any(hashes.for_list(l));
        if self.user_allow.as_ref().is_some_and(hit) {
            out.push(Reason::new("user-allow"));
        }
        if self.user_block.as_ref().is_some_and(hit) {
            out.push(Reason::new("user-block"));
        }
        let named = |lists: &[CompiledList]| lists.iter().filter(|l| hit(l)).map(CompiledList::name).collect::<Vec<_>>().join(", ");
        let blocked = named(&self.block);
        if !blocked.is_empty() {
            out.push(Reason::new("threat-list").detail(blocked));
        }
        let trusted = named(&self.trust);
        if !trusted.is_empty() {
            out.push(Reason::new("trust-list").detail(trusted));
        }
    }
}

/// One of the person's lists: `None` when empty, with entries taken and skipped.
fn user_list<S: AsRef<str>>(role: Role, name: &str, entries: &[S]) -> Result<(Option<CompiledList>, u32, u32), FeedError> {
    let mut builder = ListBuilder::new(role);
    let (mut taken, mut skipped) = (0, 0);
    for e in entries {
        if builder.add_entry(e.as_ref())? {
            taken += 1;
        } else {
            skipped += 1;
        }
    }
    if taken == 0 {
        return Ok((None, 0, skipped));
    }
    Ok((Some(builder.finish(name)?), taken, skipped))
}
