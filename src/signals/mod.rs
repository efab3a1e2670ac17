//! URL and page signals. Each file is one family of observations; each gives
//! [`Reason`]s with stable codes and never decides a level itself (that is
//! `verdict::Policy`'s job).

mod hosting;
mod lexical;
mod impersonation;
pub mod page;
mod script;
mod structure;
mod subdomain;

use crate::target::Target;
use crate::verdict::Reason;

/// Runs every URL signal family on `target`, appending what they see to `out`.
pub fn url_signals(target: &Target, out: &mut Vec<Reason>) {
    structure::signals(target, out);
    let platform = hosting::signals(target, out);
    lexical::signals(target, platform, out);
    subdomain::signals(target, platform.is_some(), out);
    script::signals(target, out);
    impersonation::signals(target, out);
}
