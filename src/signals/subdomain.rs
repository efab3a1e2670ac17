//! The names above a site's own label (`x` and `y` in `x.y.example.com`): on
//! an ordinary site they are short words its owner chose (`shop`, `blog`,
//! `account`). Kits that plant pages on bought or hijacked domains fill them
//! with what no owner would pick for people to read:
//! - `random-subdomain`: a name in a letter order real names rarely take
//!   (`hzkpvu.example.com`); looser than the site-label test (`random-label`),
//!   since an owner's subdomains are words far more often than site names are;
//! - `number-subdomain`: a bare number as a name (`8163.example.com`), one per
//!   victim batch;
//! - `mail-server-host`: a page on a name reserved for mail or DNS machinery
//!   (`mta-sts.`, `smtp.`, `ns2.`), which real sites never show people;
//! - `underscore-host`: an `_` in a host name, which no host name may hold
//!   (`_.example.com`): only wildcard DNS answers it.
//!
//! Hosting platforms are left to `hosting` (the labels there are users'
//! names), and government or school hosts, whose deep names follow their org
//! charts, are skipped.

use super::lexical;
use super::words;
use crate::target::Target;
use crate::verdict::Reason;

/// Evidence in bits (see `lexical::randomness`) above which a subdomain label
/// looks random. About 4% of the non-`www` subdomain labels of the legitimate
/// development data score higher (3.7% of labels held out of the bigram
/// training, 5% of those in it); site labels need 9.85 bits (`data/ngram_bigram.tsv`).
const RANDOM_SUBDOMAIN_BITS: f32 = 2.0;
/// Subdomain labels shorter than this are too short to judge as random.
const RANDOM_SUBDOMAIN_MIN_LEN: usize = 4;
/// How many digits a numbered subdomain has (`12` to `123456`).
const NUMBER_LEN: std::ops::RangeInclusive<usize> = 2..=6;

/// Labels that name mail or DNS machinery, or the calendar, contacts and
/// file-sync services control panels add to every site. A person's page never lives there;
/// the one web file such a host serves (`/.well-known/mta-sts.txt`) is read by
/// mail servers, not people.
const MAIL_SERVER_LABELS: &[&str] = &[
    "autoconfig", "autodiscover", "cpcalendars", "cpcontacts", "imap", "mta-sts", "mx", "ns", "pop", "pop3", "smtp",
    "smtps", "webdisk",
];

/// Appends what the subdomain labels of `t` show. `hosted` says the host is a
/// user's site on a shared platform, judged by `hosting` instead.
pub(super) fn signals(t: &Target, hosted: bool, out: &mut Vec<Reason>) {
    if t.ip || hosted || t.private_suffix {
        return;
    }
    let host = t.url.host.as_str();
    if host.contains('_') {
        out.push(Reason::new("underscore-host"));
    }
    let own = lexical::own_part(t, None);
    let Some((sub, _)) = words::split_last_dot(own) else { return };
    let tld = &host[host.bytes().rposition(|b| b == b'.').map_or(0, |i| i + 1)..];
    if lexical::institutional(t, tld, own) {
        return;
    }
    let first = lexical::labels(sub).next().unwrap_or("");
    if mail_server(first) && !t.url.path.starts_with("/.well-known/") {
        out.push(Reason::new("mail-server-host").detail(first.to_string()));
    }
    let random_seen = out.iter().any(|r| r.code == "random-layered-host");
    let names = lexical::labels(sub).filter(|l| !www(l) && !mail_server(l));
    let (mut number, mut random) = (None, None);
    for label in names {
        if number.is_none() && numbered(label) {
            number = Some(label);
        } else if random.is_none() && !random_seen && random_subdomain(label) {
            random = Some(label);
        }
    }
    if let Some(label) = number {
        out.push(Reason::new("number-subdomain").detail(label.to_string()));
    }
    if let Some(label) = random {
        out.push(Reason::new("random-subdomain").detail(label.to_string()));
    }
}

/// Whether `label` is a `www` name (`www`, `www3`, `www-01`): the usual web
/// host names, numbered when a site has several.
fn www(label: &str) -> bool {
    label.strip_prefix("www").is_some_and(|n| n.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `label` is a bare number that is not a year (`2024.example.com`
/// is an event's site).
fn numbered(label: &str) -> bool {
    let year = label.len() == 4 && (label.starts_with("19") || label.starts_with("20"));
    NUMBER_LEN.contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit()) && !year
}

/// Whether `label` reads as a language tag: two letters, a hyphen, two to
/// four letters (`pt-br`, `zh-hant`).
fn locale(label: &str) -> bool {
    let b = label.as_bytes();
    b.len() >= 5 && b.len() <= 7 && b[2] == b'-' && b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_lowercase())
}

/// Whether `label` names mail or DNS machinery (`smtp`, `ns2`, `mx1`).
fn mail_server(label: &str) -> bool {
    let name = label.trim_end_matches(|c: char| c.is_ascii_digit());
    words::one_of(name, MAIL_SERVER_LABELS)
}

/// Whether a subdomain label looks machine-made (see [`RANDOM_SUBDOMAIN_BITS`]).
/// Language and region names (`es-mx`, `zh-hant`) are a site's own editions.
fn random_subdomain(label: &str) -> bool {
    label.len() >= RANDOM_SUBDOMAIN_MIN_LEN
        && !label.starts_with("xn--")
        && !locale(label)
        && !label.bytes().all(|b| b.is_ascii_digit())
        && lexical::randomness(label).is_some_and(|r| r > RANDOM_SUBDOMAIN_BITS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(url: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        signals(&Target::parse(url).unwrap(), false, &mut out);
        out.into_iter().map(|r| r.code).collect()
    }

    #[test]
    fn machine_made_subdomains() {
        assert_eq!(codes("https://hzkpvu.example.com/"), ["random-subdomain"]);
        assert_eq!(codes("https://8163.example.com/"), ["number-subdomain"]);
        assert_eq!(codes("https://mta-sts.example.com/"), ["mail-server-host"]);
        assert_eq!(codes("https://smtp2.example.com/"), ["mail-server-host"]);
        assert_eq!(codes("https://_.example.com/"), ["underscore-host"]);
    }

    #[test]
    fn owners_subdomains_are_words() {
        for url in [
            "https://shop.example.com/",
            "https://blog.example.co.jp/2024/",
            "https://account.example.com/login",
            "https://www.example.com/",
            "https://mail.example.com/",
            "https://mta-sts.example.com/.well-known/mta-sts.txt",
            "https://example.com/",
            "https://www3.example.com/",
            "https://www-01.example.com/",
            "https://es-mx.example.org/",
            "https://zh-hant.example.org/",
            "https://2024.example.com/",
        ] {
            assert!(codes(url).is_empty(), "{url}: {:?}", codes(url));
        }
    }

    #[test]
    fn institutions_and_platforms_are_left_alone() {
        assert!(codes("https://hzkpvu.example.gov/").is_empty());
        assert!(codes("https://hzkpvu.example.ac.jp/").is_empty());
        let mut out = Vec::new();
        signals(&Target::parse("https://hzkpvu.user.example.com/").unwrap(), true, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn www_names() {
        assert!(www("www") && www("www2") && www("www-01"));
        assert!(!www("wwwx") && !www("w3"));
    }

    #[test]
    fn mail_machinery_names() {
        assert!(mail_server("ns1") && mail_server("mx") && mail_server("pop3"));
        assert!(!mail_server("mail") && !mail_server("news") && !mail_server("mxplayer"));
    }
}
