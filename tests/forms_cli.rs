//! `sagiguard forms` on the fixture pages in tests/fixtures/pages/, which the
//! browser tests reuse to show the content script extracts the same.
#![cfg(feature = "cli")]

use std::process::Command;

use serde_json::Value;

const PAGE_URL: &str = "https://shop.victim-check.example/pay/index.html";

fn run(args: &[&str]) -> (Value, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_sagiguard")).arg("forms").args(args).output().expect("runs");
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not one JSON object ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (json, String::from_utf8_lossy(&out.stderr).into_owned(), out.status.success())
}

fn page(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    let (json, stderr, ok) = run(&[&path, "--url", PAGE_URL]);
    assert!(ok, "{stderr}");
    json
}

/// (name, kind, group present) per field.
fn fields(json: &Value) -> Vec<(String, String, bool)> {
    json["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| (f["name"].as_str().unwrap_or("").to_string(), f["kind"].as_str().unwrap_or("").to_string(), !f["group"].is_null()))
        .collect()
}

fn kind_of(json: &Value, name: &str) -> String {
    fields(json).into_iter().find(|f| f.0 == name).map(|f| f.1).unwrap_or_else(|| panic!("no field {name}"))
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

#[test]
fn japanese_card_form() {
    let j = page("card-ja.html");
    let f = fields(&j);
    assert_eq!(f.len(), 9, "hidden and submit controls are not fields: {f:?}");
    assert_eq!(kind_of(&j, "meigi"), "card-holder");
    for n in ["c1", "c2", "c3", "c4"] {
        assert_eq!(kind_of(&j, n), "card-number", "{n}");
    }
    assert!(f[1..5].iter().all(|x| x.2), "the four boxes are one group");
    assert_eq!(kind_of(&j, "month"), "card-expiry");
    assert_eq!(kind_of(&j, "year"), "card-expiry");
    assert_eq!(kind_of(&j, "code"), "card-cvc", "half-width katakana label");
    assert_eq!(kind_of(&j, "bd"), "birthdate");
    let form = &j["forms"][0];
    assert_eq!(strs(&form["kinds"]), ["card-number", "card-cvc", "card-expiry", "card-holder"]);
    assert_eq!(form["actionKind"], "data-collection");
    assert_eq!(form["collectorKind"], "chat-bot");
    assert_eq!(form["risk"], "sensitive-collector");
    assert_eq!(j["page"]["title"], "お支払い情報の確認 | Amazon");
    assert_eq!(strs(&j["page"]["logoAlts"]), ["Amazon"]);
    assert_eq!(j["page"]["faviconHost"], "m.media-amazon.example");
    assert_eq!(strs(&j["page"]["headings"]), ["お支払い方法の更新"]);
}

#[test]
fn japanese_bank_form() {
    let j = page("bank-ja.html");
    assert_eq!(kind_of(&j, "shiten"), "bank-branch");
    assert_eq!(kind_of(&j, "kouza"), "bank-account");
    assert_eq!(kind_of(&j, "pw4"), "pin");
    assert_eq!(kind_of(&j, "token"), "otp");
    assert_eq!(kind_of(&j, "tel"), "phone");
    assert!(fields(&j).iter().all(|f| f.0 != "csrf"), "hidden inputs are left out");
    let form = &j["forms"][0];
    assert_eq!(strs(&form["kinds"]), ["pin", "otp", "bank-account", "bank-branch"]);
    assert_eq!(form["action"], "https://shop.victim-check.example/pay/verify.php");
    assert_eq!(form["method"], "post");
    assert_eq!(form["actionKind"], "same-site");
    assert_eq!(form["risk"], "sensitive");
}

#[test]
fn login_form_and_search_box() {
    let j = page("login.html");
    assert_eq!(fields(&j).len(), 3, "the checkbox is not a field");
    assert_eq!(kind_of(&j, "q"), "other");
    assert_eq!(kind_of(&j, "login"), "username");
    assert_eq!(kind_of(&j, "password"), "password");
    assert_eq!(j["forms"][0]["risk"], "none");
    assert_eq!(strs(&j["forms"][1]["kinds"]), ["password"]);
    assert_eq!(j["page"]["faviconHost"], "shop.victim-check.example");
    assert_eq!(strs(&j["page"]["logoAlts"]), ["Example Mail"]);
}

#[test]
fn search_page_asks_for_nothing_sensitive() {
    let j = page("search.html");
    assert_eq!(kind_of(&j, "pass"), "other", "a search box named pass");
    assert_eq!(kind_of(&j, "email"), "email");
    assert_eq!(j["sensitive"], false);
    assert!(j["forms"].as_array().unwrap().iter().all(|f| f["risk"] == "none"));
}

#[test]
fn split_one_time_code() {
    let j = page("otp-split.html");
    let f = fields(&j);
    assert_eq!(f.len(), 6);
    assert!(f.iter().all(|x| x.1 == "otp" && x.2));
    let g0 = &j["fields"][0]["group"];
    assert!(j["fields"].as_array().unwrap().iter().all(|x| &x["group"] == g0));
    assert_eq!(j["forms"][0]["collector"], "Formspree");
}

#[test]
fn gift_card_page() {
    let j = page("giftcard.html");
    assert_eq!(kind_of(&j, "code"), "gift-card-code");
    assert_eq!(kind_of(&j, "gc2"), "gift-card-code", "aria-labelledby with half-width katakana");
    assert_eq!(kind_of(&j, "amount"), "other");
    assert_eq!(kind_of(&j, "mail"), "email");
    let forms = j["forms"].as_array().unwrap();
    assert_eq!(forms[0]["collectorKind"], "webhook");
    assert_eq!(forms.last().unwrap()["index"], -1, "the loose gift-card field");
    let gc2 = j["fields"].as_array().unwrap().iter().find(|f| f["name"] == "gc2").unwrap();
    assert_eq!(gc2["form"], -1);
    assert_eq!(gc2["label"], "ｷﾞﾌﾄｺｰﾄﾞ", "labels are reported as written");
}

#[test]
fn fields_carry_descriptors_but_never_values() {
    let j = page("bank-ja.html");
    let first = &j["fields"][0];
    for key in ["tag", "type", "name", "id", "autocomplete", "inputmode", "placeholder", "ariaLabel", "label", "maxLength", "pattern", "nearbyText", "formIndex", "kind", "form", "confidence", "evidence"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    let text = j.to_string();
    assert!(!text.contains("\"value\""));
}

#[test]
fn with_an_address_the_page_gets_the_extensions_verdict() {
    // An Amazon payment page on a site that is not Amazon's.
    let j = page("card-ja.html");
    let v = &j["verdict"];
    assert_eq!(v["level"], "caution", "{v}");
    assert_eq!(v["brand"], "Amazon");
    let codes: Vec<&str> = v["reasons"].as_array().unwrap().iter().filter_map(|r| r["code"].as_str()).collect();
    assert!(codes.contains(&"page-claims-brand"), "{codes:?}");
    // A login page that claims no brand at an address with no warning signs.
    assert_eq!(page("login.html")["verdict"]["level"], "unknown");
    // No address, no verdict; an address that cannot be judged says why.
    let path = format!("{}/tests/fixtures/pages/card-ja.html", env!("CARGO_MANIFEST_DIR"));
    let (j, _, ok) = run(&[&path]);
    assert!(ok && j.get("verdict").is_none(), "{j}");
    let (j, _, ok) = run(&[&path, "--url", "http://exa mple.com/"]);
    assert!(ok, "the page is still classified");
    assert!(j["verdict"]["error"].as_str().is_some_and(|e| !e.is_empty()), "{j}");
    assert_eq!(kind_of(&j, "c1"), "card-number");
}

#[test]
fn unreadable_page_still_gets_an_object() {
    let (j, stderr, ok) = run(&["/nonexistent/page.html"]);
    assert!(!ok);
    assert!(stderr.contains("page.html"), "{stderr}");
    assert_eq!(j["fields"], serde_json::json!([]));
    assert_eq!(j["forms"], serde_json::json!([]));
    assert!(j["page"].is_object());
}

#[test]
fn garbage_page_still_gets_an_object() {
    let dir = std::env::temp_dir().join(format!("sagiguard-forms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("garbage.html");
    std::fs::write(&path, b"\xff\xfe<form><input type=password name=p><<<</ \x00\x81").unwrap();
    let (j, stderr, ok) = run(&[path.to_str().unwrap()]);
    assert!(ok);
    assert!(stderr.contains("UTF-8"), "{stderr}");
    assert_eq!(kind_of(&j, "p"), "password");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn long_attributes_are_read_as_their_first_code_units() {
    let j = page("long-attributes.html");
    let f = &j["fields"][0];
    assert_eq!(f["kind"], "card-number");
    assert_eq!(f["name"].as_str().unwrap().len(), 200);
    // 199 letters: the emoji at units 200-201 does not fit and is not split.
    assert_eq!(f["placeholder"].as_str().unwrap(), "a".repeat(199));
    assert_eq!(f["ariaLabel"], "カード");
    let form = &j["forms"][0];
    assert_eq!(form["method"], "post");
    // The action's first 2,000 units, resolved against the page.
    assert_eq!(form["action"].as_str().unwrap(), format!("https://shop.victim-check.example/pay/{}", "p".repeat(1995)));
}
