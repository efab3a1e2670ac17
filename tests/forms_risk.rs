//! Form risk: which sensitive kinds a form asks for and where it sends them.

use sagiguard::forms::{assess_form, report, ActionKind, Classification, FieldDescriptor, FieldKind, FormDescriptor, FormRiskLevel};
use sagiguard::Engine;

fn class(kind: FieldKind) -> Classification {
    Classification { kind, confidence: 1.0, evidence: vec![], group: None }
}

fn form(action: &str) -> FormDescriptor {
    FormDescriptor { index: 0, action: action.into(), method: "POST".into(), ..Default::default() }
}

const PAGE: &str = "https://login.bank.example/auth/index.html";

#[test]
fn kinds_are_the_sensitive_ones_once_each() {
    let fields = [class(FieldKind::Email), class(FieldKind::CardCvc), class(FieldKind::CardNumber), class(FieldKind::CardNumber), class(FieldKind::Phone)];
    let r = assess_form(&form(""), &fields, PAGE);
    assert_eq!(r.kinds, [FieldKind::CardNumber, FieldKind::CardCvc]);
    assert!(r.sensitive);
    assert_eq!(r.method, "post");
    assert_eq!(r.action_kind, ActionKind::SameSite);
    assert_eq!(r.risk, FormRiskLevel::Sensitive);
    let plain = assess_form(&form(""), &[class(FieldKind::Email), class(FieldKind::Other)], PAGE);
    assert!(!plain.sensitive && plain.kinds.is_empty());
    assert_eq!(plain.risk, FormRiskLevel::None);
}

#[test]
fn where_the_data_goes() {
    let pw = [class(FieldKind::Password)];
    let cases: &[(&str, ActionKind, bool, FormRiskLevel)] = &[
        ("https://www.bank.example/login", ActionKind::SameSite, false, FormRiskLevel::Sensitive),
        ("verify.php", ActionKind::SameSite, false, FormRiskLevel::Sensitive),
        ("", ActionKind::SameSite, false, FormRiskLevel::Sensitive),
        ("https://collect.evil.example/p.php", ActionKind::OtherSite, true, FormRiskLevel::SensitiveOffsite),
        ("//collect.evil.example/p.php", ActionKind::OtherSite, true, FormRiskLevel::SensitiveOffsite),
        ("http://192.0.2.7/gate.php", ActionKind::OtherSite, true, FormRiskLevel::SensitiveOffsite),
        ("https://api.telegram.org/bot123:AA/sendMessage", ActionKind::DataCollection, true, FormRiskLevel::SensitiveCollector),
        ("https://formspree.io/f/xyz", ActionKind::DataCollection, true, FormRiskLevel::SensitiveCollector),
        ("https://www.formsubmit.co/a@b.example", ActionKind::DataCollection, true, FormRiskLevel::SensitiveCollector),
        ("https://discord.com/api/webhooks/1/x", ActionKind::DataCollection, true, FormRiskLevel::SensitiveCollector),
        ("https://script.google.com/macros/s/abc/exec", ActionKind::DataCollection, true, FormRiskLevel::SensitiveCollector),
        ("https://discord.com/login", ActionKind::OtherSite, true, FormRiskLevel::SensitiveOffsite),
        ("mailto:thief@mail.example", ActionKind::Mailto, true, FormRiskLevel::SensitiveOffsite),
        ("javascript:void(0)", ActionKind::Script, false, FormRiskLevel::Sensitive),
    ];
    for (action, kind, differs, level) in cases {
        let r = assess_form(&form(action), &pw, PAGE);
        assert_eq!((r.action_kind, r.action_site_differs, r.risk), (*kind, *differs, *level), "{action}");
    }
    let r = assess_form(&form("https://api.telegram.org/bot1/sendMessage"), &pw, PAGE);
    assert_eq!(r.collector.as_deref(), Some("Telegram Bot API"));
    assert_eq!(r.collector_kind.as_deref(), Some("chat-bot"));
    assert_eq!(r.action_host, "api.telegram.org");
}

#[test]
fn another_users_site_on_the_same_platform_is_another_site() {
    let pw = [class(FieldKind::Password)];
    let page = "https://cooking-notes.weebly.com/members.html";
    let r = assess_form(&form("https://collector-9.weebly.com/p.php"), &pw, page);
    assert_eq!((r.action_kind, r.action_site_differs), (ActionKind::OtherSite, true));
    let r = assess_form(&form("https://www.cooking-notes.weebly.com/login"), &pw, page);
    assert_eq!((r.action_kind, r.action_site_differs), (ActionKind::SameSite, false));
}

#[test]
fn collector_without_sensitive_fields_is_noted_but_not_risky() {
    let r = assess_form(&form("https://formspree.io/f/xyz"), &[class(FieldKind::Email)], PAGE);
    assert_eq!(r.action_kind, ActionKind::DataCollection);
    assert_eq!(r.risk, FormRiskLevel::None);
}

#[test]
fn unknown_page_url() {
    let pw = [class(FieldKind::Password)];
    let r = assess_form(&form("https://other.example/x"), &pw, "");
    assert_eq!(r.action_kind, ActionKind::Unknown);
    assert!(!r.action_site_differs);
    let r = assess_form(&form("https://formspree.io/f/x"), &pw, "");
    assert_eq!(r.action_kind, ActionKind::DataCollection);
}

#[test]
fn page_report_through_the_engine() {
    let mut card = FieldDescriptor::new("input", "tel");
    card.label = "カード番号".into();
    card.form_index = 0;
    let mut pin = FieldDescriptor::new("input", "password");
    pin.aria_label = "暗証番号".into();
    pin.max_length = 4;
    let mut note = FieldDescriptor::new("textarea", "textarea");
    note.form_index = 1;
    let forms = [form("https://api.telegram.org/bot1/sendMessage"), FormDescriptor { index: 1, ..Default::default() }];
    let r = Engine::new().classify_fields(&[card, pin, note], &forms, PAGE);
    assert_eq!(r.fields.len(), 3);
    assert_eq!(r.fields[0].class.kind, FieldKind::CardNumber);
    assert_eq!(r.fields[1].class.kind, FieldKind::Pin);
    assert_eq!((r.fields[1].index, r.fields[1].form), (1, -1));
    assert_eq!(r.forms.len(), 3, "two forms plus the loose PIN field");
    assert_eq!(r.forms[0].risk, FormRiskLevel::SensitiveCollector);
    assert_eq!(r.forms[1].risk, FormRiskLevel::None);
    assert_eq!(r.forms[2].index, -1);
    assert_eq!(r.forms[2].kinds, [FieldKind::Pin]);
    assert_eq!(r.kinds, [FieldKind::CardNumber, FieldKind::Pin]);
    assert!(r.sensitive);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["forms"][0]["actionKind"], "data-collection");
    assert_eq!(json["forms"][0]["risk"], "sensitive-collector");
    assert_eq!(json["fields"][0]["kind"], "card-number");
}

#[test]
fn fields_pointing_at_undescribed_forms_and_empty_pages() {
    let mut pw = FieldDescriptor::new("input", "password");
    pw.form_index = 3;
    let r = report(&[pw], &[], PAGE);
    assert_eq!(r.forms.len(), 1);
    assert_eq!(r.forms[0].index, 3);
    assert_eq!(r.forms[0].action_kind, ActionKind::SameSite);
    let empty = report(&[], &[], "not a url");
    assert!(empty.fields.is_empty() && empty.forms.is_empty() && !empty.sensitive);
}

#[test]
fn many_forms_in_descending_order_are_each_assessed_once() {
    // A hostile page may report its forms and fields in any order; each form
    // still comes out once, in index order: the described forms (no fields)
    // empty, and the forms only fields point at with their field's kind.
    // (Not a speed test: tests carry no time limits; the insertion sort took
    // 15.6 s on 64k such forms.)
    const N: i32 = 20_000;
    let forms: Vec<FormDescriptor> =
        (0..N).rev().map(|i| FormDescriptor { index: i, action: PAGE.into(), ..Default::default() }).collect();
    let fields: Vec<FieldDescriptor> = (0..N)
        .rev()
        .map(|i| {
            let mut pw = FieldDescriptor::new("input", "password");
            pw.form_index = i + N;
            pw
        })
        .collect();
    let r = report(&fields, &forms, PAGE);
    assert_eq!(r.forms.len(), 2 * N as usize);
    assert!(r.forms.windows(2).all(|w| w[0].index < w[1].index));
    assert!(r.forms[..N as usize].iter().all(|f| f.kinds.is_empty()));
    assert!(r.forms[N as usize..].iter().all(|f| f.kinds == [FieldKind::Password]));
}
