//! The command line as a program: bad input and a closed output are answered,
//! never a panic.

use std::io::Write;
use std::process::{Command, Stdio};

fn sagiguard() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sagiguard"))
}

#[test]
fn a_reader_that_goes_away_is_not_a_crash() {
    let mut child = sagiguard().arg("scan").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    drop(child.stdout.take()); // the reader closes at once, like `| head -0`
    let lines = "https://example.com/\n".repeat(200_000);
    let _ = stdin.write_all(lines.as_bytes());
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{stderr}");
}

#[test]
fn check_reports_bad_input_as_an_error() {
    let out = sagiguard().args(["check", "chrome://extensions"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a web address"));
    let out = sagiguard().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_finds_the_link_in_pasted_text_and_says_which() {
    let out = sagiguard().args(["check", "Your account is locked: <hxxp://192.0.2[.]44/verify/login>."]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.starts_with("checked: http://192.0.2.44/verify/login\ncaution "), "{text}");
    let out = sagiguard().args(["check", "--json", "「http://192.0.2.44/」"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["checked"], "http://192.0.2.44/");
    assert_eq!(json["host"], "192.0.2.44");
    // A bare link is judged as given, with no line about it.
    let out = sagiguard().args(["check", "--json", "http://192.0.2.44/"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.get("checked").is_none(), "{json}");
}

#[test]
fn scan_keeps_going_past_lines_it_cannot_read() {
    let mut child = sagiguard().arg("scan").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"http://192.0.2.1/login\n\nchrome://x\n\xff\xfe\nexample.com\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let levels: Vec<&str> = text.lines().map(|l| l.split('\t').nth(1).unwrap_or("")).collect();
    assert_eq!(levels, ["caution", "invalid", "invalid", "invalid", "unknown"], "{text}");
}

fn check_json(lang: &str, url: &str) -> serde_json::Value {
    let out = sagiguard().args(["check", "--json", "--lang", lang, url]).output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_brand_is_named_as_the_reader_knows_it() {
    let url = "https://aeon-card.example.xyz/login";
    let en = check_json("en", url);
    assert_eq!(en["brand"], "AEON CARD", "{en}");
    let text = en["reasons"].to_string();
    assert!(text.contains("AEON CARD") && !text.contains("イオンカード"), "{text}");
    let ja = check_json("ja", url);
    assert_eq!(ja["brand"], "イオンカード", "{ja}");
}

#[test]
fn weak_signs_are_not_called_no_signs() {
    let weak = check_json("en", "https://example.xyz/");
    assert_eq!(weak["level"], "unknown");
    assert!(weak["reasons"].as_array().is_some_and(|r| !r.is_empty()), "{weak}");
    assert!(weak["summary"].as_str().unwrap().starts_with("Some weak signs"), "{weak}");
    let none = check_json("en", "https://example.com/");
    assert!(none["summary"].as_str().unwrap().starts_with("No warning signs"), "{none}");
    let weak_ja = check_json("ja", "https://example.xyz/");
    assert!(weak_ja["summary"].as_str().unwrap().starts_with("気になる点"), "{weak_ja}");
}
