//! Verdicts: the four levels a person can meet, the reasons behind them, and
//! the scoring policy that turns reasons into a level.
//!
//! Signals only say *what* they saw (a [`Reason`] with a stable code). How much
//! each observation weighs, and which may on their own stop a page load, is
//! policy, and the policy is data: `data/policy.tsv`, compiled in. Tuning the
//! engine means editing that one file.

use std::borrow::Cow;

use serde::Serialize;

/// How worried the person should be. Ordered from least to most worrying.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The user's allowlist, a trust list, or a brand's official domain: no warnings.
    Trusted,
    /// No signal either way: forms are not guarded.
    Unknown,
    /// Heuristic suspicion: sensitive forms get a banner and a submit guard.
    Caution,
    /// A threat list names it, or impersonation beyond doubt: stopped before load.
    Danger,
}

impl Level {
    /// The stable lower-case name used in the CLI, JSON and the extension.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Trusted => "trusted",
            Level::Unknown => "unknown",
            Level::Caution => "caution",
            Level::Danger => "danger",
        }
    }
}

/// One observation about a URL or page, with a stable `code` (for tests, the CLI
/// and the policy table) and the facts a sentence for people needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Stable identifier, e.g. `ip-host`; every code has a row in `data/policy.tsv`
    /// and a sentence in each `data/text/*.tsv`.
    pub code: &'static str,
    /// Filled in by [`Policy::decide`] from the policy table.
    pub weight: i32,
    /// The brand this reason is about, when there is one ("Amazon"): a
    /// name from the brand table, never copied.
    pub brand: Option<&'static str>,
    /// One more fact for the sentence (the list's name, the lookalike's
    /// target...): borrowed when it comes from a table (a brand's domain, a
    /// word list), owned when it is a piece of the URL.
    pub detail: Option<Cow<'static, str>>,
}

impl Reason {
    /// A reason with no brand or detail; the weight is set later by the policy.
    pub fn new(code: &'static str) -> Reason {
        Reason { code, weight: 0, brand: None, detail: None }
    }

    /// The same reason naming a brand.
    pub fn brand(mut self, brand: &'static str) -> Reason {
        self.brand = Some(brand);
        self
    }

    /// The same reason with one more fact for its sentence.
    pub fn detail(mut self, detail: impl Into<Cow<'static, str>>) -> Reason {
        self.detail = Some(detail.into());
        self
    }
}

/// The engine's answer for one URL or page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// What the hosts do about it; see [`Level`].
    pub level: Level,
    /// 0–100: the sum of the reasons' weights, clamped.
    pub score: i32,
    /// Every reason that contributed, strongest first; for a link that
    /// forwards, the `forwards-to` note naming the site it passes through
    /// comes before them.
    pub reasons: Vec<Reason>,
    /// The brand the site appears to imitate, when known and the verdict
    /// warns (`caution` or `danger`); never on a brand's own site.
    pub brand: Option<&'static str>,
    /// The host as a person reads it (IDN shown in Unicode).
    pub host: String,
    /// The registrable domain ("site") the host belongs to, when it has one.
    pub site: Option<String>,
}

/// What a reason may do on its own: the cap on the level it can cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Effect {
    /// Adds its weight; the level is at most `caution` unless another reason allows more.
    Score,
    /// Adds its weight and allows `danger` when the score reaches the danger threshold.
    Danger,
    /// Makes the verdict `trusted` (user allowlist, trust list, official domain),
    /// unless a `Block` reason is present.
    Trust,
    /// The user's own allowlist: `trusted`, whatever else was seen.
    UserTrust,
    /// A block list or the user's blocklist: `danger`, whatever the score.
    Block,
}

/// One row of the policy table.
#[derive(Clone, Debug)]
struct Rule {
    code: &'static str,
    weight: i32,
    effect: Effect,
}

/// The scoring policy: weights per reason code and the two thresholds.
#[derive(Clone, Debug)]
pub struct Policy {
    rules: Vec<Rule>,
    /// Hash table (open addressing, `u16::MAX` empty) of positions in
    /// `rules`, so a reason finds its rule without a scan of the table.
    by_code: Vec<u16>,
    caution_at: i32,
    danger_at: i32,
}

/// A reason code's hash for the policy's table: its length and four of its
/// bytes spread over it (the second, at a third, at two thirds, the last),
/// which tell the codes apart (the table compares whole codes, so a
/// collision only costs a probe) for four loads, as every reason of every
/// check is looked up.
fn code_hash(code: &str) -> usize {
    let b = code.as_bytes();
    let n = b.len();
    let at = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
    let mix = at(1) | at(n / 3) << 8 | at(2 * n / 3) << 16 | at(n.wrapping_sub(1)) << 24;
    (mix ^ (n as u32).wrapping_mul(0x9E37_79B9)).wrapping_mul(0x0100_0193) as usize >> 7
}

const POLICY_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/data/policy.tsv"));

impl Policy {
    /// The policy compiled into this build (`data/policy.tsv`).
    pub fn builtin() -> Policy {
        Policy::parse(POLICY_TSV).expect("data/policy.tsv is valid (checked by tests)")
    }

    /// Parses the policy table. Lines: `code<TAB>weight<TAB>effect`, `#` comments,
    /// and the thresholds as `@caution<TAB>N` and `@danger<TAB>N`.
    fn parse(text: &'static str) -> Result<Policy, String> {
        let mut policy = Policy { rules: Vec::new(), by_code: Vec::new(), caution_at: i32::MAX, danger_at: i32::MAX };
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            let bad = || format!("data/policy.tsv line {}: {}", n + 1, crate::quote::quoted(line));
            let number = |s: &str| s.trim().parse::<i32>().map_err(|_| bad());
            match cols.as_slice() {
                ["@caution", n] => policy.caution_at = number(n)?,
                ["@danger", n] => policy.danger_at = number(n)?,
                [code, weight, effect] => {
                    let effect = match *effect {
                        "score" => Effect::Score,
                        "danger" => Effect::Danger,
                        "trust" => Effect::Trust,
                        "user-trust" => Effect::UserTrust,
                        "block" => Effect::Block,
                        _ => return Err(bad()),
                    };
                    policy.rules.push(Rule { code, weight: number(weight)?, effect });
                }
                _ => return Err(bad()),
            }
        }
        // Open addressing, at most half full; the first row of a code wins.
        let size = (policy.rules.len() * 2).next_power_of_two().max(2);
        policy.by_code = vec![u16::MAX; size];
        for (i, rule) in policy.rules.iter().enumerate() {
            let mut slot = code_hash(rule.code) & (size - 1);
            loop {
                match policy.by_code[slot] {
                    u16::MAX => {
                        policy.by_code[slot] = u16::try_from(i).map_err(|_| "data/policy.tsv: too many rows".to_string())?;
                        break;
                    }
                    j if policy.rules[usize::from(j)].code == rule.code => break,
                    _ => slot = (slot + 1) & (size - 1),
                }
            }
        }
        Ok(policy)
    }

    /// Every reason code the policy knows, for tests that check texts exist.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.rules.iter().map(|r| r.code)
    }

    fn rule(&self, code: &str) -> Option<&Rule> {
        let mask = self.by_code.len().checked_sub(1)?;
        let mut slot = code_hash(code) & mask;
        loop {
            let rule = self.rules.get(usize::from(*self.by_code.get(slot)?))?;
            if rule.code == code {
                return Some(rule);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Weighs the reasons and decides the level. Reasons with a code the policy
    /// does not know weigh nothing (a test keeps the table complete).
    pub fn decide(&self, mut reasons: Vec<Reason>, host: String, site: Option<String>) -> Verdict {
        let mut score = 0;
        let (mut may_danger, mut trust, mut user_trust, mut block) = (false, false, false, false);
        for reason in &mut reasons {
            let Some(rule) = self.rule(reason.code) else { continue };
            reason.weight = rule.weight;
            score += rule.weight;
            match rule.effect {
                Effect::Score => {}
                Effect::Danger => may_danger = true,
                Effect::Trust => trust = true,
                Effect::UserTrust => user_trust = true,
                Effect::Block => block = true,
            }
        }
        let score = score.clamp(0, 100);
        let level = if user_trust {
            Level::Trusted
        } else if block {
            Level::Danger
        } else if trust {
            Level::Trusted
        } else if may_danger && score >= self.danger_at {
            Level::Danger
        } else if score >= self.caution_at {
            Level::Caution
        } else {
            Level::Unknown
        };
        crate::sort::sort_by_key(&mut reasons, |r| std::cmp::Reverse(r.weight));
        // A brand's own site or a weak mention imitates nobody: only a warning names one.
        let brand = if level >= Level::Caution { reasons.iter().find_map(|r| r.brand) } else { None };
        Verdict { level, score, reasons, brand, host, site }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_policy_parses() {
        let p = Policy::builtin();
        assert!(p.caution_at < p.danger_at);
        assert!(p.codes().count() > 0);
    }

    #[test]
    fn every_code_finds_its_first_row() {
        let text = "@caution\t20\n@danger\t50\nb-code\t5\tscore\na-code\t30\tdanger\nb-code\t9\tscore\n";
        let p = Policy::parse(text).unwrap();
        assert_eq!(p.rule("a-code").map(|r| r.weight), Some(30));
        assert_eq!(p.rule("b-code").map(|r| r.weight), Some(5));
        assert!(p.rule("c-code").is_none());
        let builtin = Policy::builtin();
        for (i, code) in builtin.codes().enumerate() {
            let first = builtin.rules.iter().position(|r| r.code == code);
            assert!(first.is_some_and(|f| f <= i));
            assert!(std::ptr::eq(builtin.rule(code).unwrap(), &builtin.rules[first.unwrap()]));
        }
    }

    #[test]
    fn no_reasons_is_unknown() {
        let v = Policy::builtin().decide(vec![], "example.com".into(), None);
        assert_eq!(v.level, Level::Unknown);
        assert_eq!(v.score, 0);
    }
}
