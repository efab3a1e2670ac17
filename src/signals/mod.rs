//! URL and page signals. Each file is one family of observations; each gives
//! [`Reason`]s with stable codes and never decides a level itself (that is
//! `verdict::Policy`'s job).

pub(crate) mod hosting;
mod lexical;
mod impersonation;
pub mod page;
pub mod redirect;
mod script;
mod structure;
mod subdomain;
mod suffix_hash;
mod words;

use crate::target::Target;
use crate::verdict::Reason;

/// Runs every URL signal family on `target`, appending what they see to `out`.
/// Returns the site a person means by "this site" ([`person_site`]).
pub fn url_signals<'t>(target: &'t Target, out: &mut Vec<Reason>) -> Option<&'t str> {
    let platform = if target.ip { None } else { hosting::platform(target) };
    structure::signals(target, platform.is_some_and(|p| p.kind.hides_destination()), out);
    hosting::signals(target, platform, out);
    lexical::signals(target, platform, out);
    subdomain::signals(target, platform.is_some(), out);
    script::signals(target, out);
    let person = person_site(target, platform);
    impersonation::signals(target, person, platform.is_some_and(|p| p.account_named), out);
    person
}

/// The person's site of `t` (see [`person_site`]) for callers that run no
/// signals: where a form sends its data is judged against the page's.
pub fn person_site_of(t: &Target) -> Option<&str> {
    person_site(t, hosting::platform(t))
}

/// The site that trusting, blocking or a list entry covers: the registrable
/// domain, except on a hosting platform the public suffix list does not know
/// (`weebly.com`), where it is the user's own site (`notes.weebly.com`), so
/// that trusting one person's page there never trusts everyone's.
fn person_site(t: &Target, platform: Option<hosting::Platform>) -> Option<&str> {
    let host = t.url.host.as_str();
    let on_platform = platform.filter(|p| p.names_under).and_then(|p| {
        let names = host.strip_suffix(p.suffix)?.strip_suffix('.')?;
        Some(&host[names.rfind('.').map_or(0, |i| i + 1)..])
    });
    match (on_platform, t.site.as_deref()) {
        (Some(user), Some(site)) if site.len() > user.len() => Some(site),
        (Some(user), _) => Some(user),
        (None, site) => site,
    }
}
