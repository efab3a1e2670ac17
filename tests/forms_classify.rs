//! Field classification on descriptors written for these tests, Japanese and
//! English, including the tricky ones (search boxes, card numbers in `tel`
//! fields, split fields).

use sagiguard::forms::{classify, classify_all, FieldDescriptor, FieldKind};
use FieldKind::*;

/// A descriptor builder: `f("input", "text").name("cc").label("…")`.
struct F(FieldDescriptor);

fn f(tag: &str, ty: &str) -> F {
    F(FieldDescriptor::new(tag, ty))
}

fn text() -> F {
    f("input", "text")
}

impl F {
    fn name(mut self, s: &str) -> F {
        self.0.name = s.into();
        self
    }
    fn id(mut self, s: &str) -> F {
        self.0.id = s.into();
        self
    }
    fn label(mut self, s: &str) -> F {
        self.0.label = s.into();
        self
    }
    fn ph(mut self, s: &str) -> F {
        self.0.placeholder = s.into();
        self
    }
    fn aria(mut self, s: &str) -> F {
        self.0.aria_label = s.into();
        self
    }
    fn near(mut self, s: &str) -> F {
        self.0.nearby_text = s.into();
        self
    }
    fn ac(mut self, s: &str) -> F {
        self.0.autocomplete = s.into();
        self
    }
    fn max(mut self, n: i32) -> F {
        self.0.max_length = n;
        self
    }
    fn mode(mut self, s: &str) -> F {
        self.0.inputmode = s.into();
        self
    }
    fn pat(mut self, s: &str) -> F {
        self.0.pattern = s.into();
        self
    }
    fn form(mut self, n: i32) -> F {
        self.0.form_index = n;
        self
    }
}

#[track_caller]
fn check(cases: &[(F, FieldKind)]) {
    let mut wrong = Vec::new();
    for (i, (field, want)) in cases.iter().enumerate() {
        let got = classify(&field.0);
        if got.kind != *want {
            wrong.push(format!("case {i}: {:?} -> {:?} (want {want:?}), evidence {:?}", field.0, got.kind, got.evidence));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn autocomplete_is_believed() {
    check(&[
        (text().name("x").ac("cc-number"), CardNumber),
        (text().name("f2").ac("section-pay billing cc-exp"), CardExpiry),
        (text().ac("cc-csc"), CardCvc),
        (text().ac("cc-name"), CardHolder),
        (text().ac("one-time-code"), Otp),
        (f("input", "password").ac("current-password"), Password),
        (f("input", "password").ac("new-password"), Password),
        (text().ac("username"), Username),
        (f("input", "email").ac("email"), Email),
        (text().ac("postal-code"), Address),
        (f("select", "select-one").ac("bday-month"), Birthdate),
        (text().ac("off").name("q1"), Other),
    ]);
    assert_eq!(classify(&text().ac("cc-number").0).confidence, 1.0);
}

#[test]
fn passwords_and_accounts() {
    check(&[
        (f("input", "password").name("password"), Password),
        (f("input", "password").name("f3"), Password),
        (f("input", "password").label("パスワード"), Password),
        (f("input", "password").label("ﾊﾟｽﾜｰﾄﾞ"), Password),
        (f("input", "password").ph("パスワード（半角英数字）"), Password),
        (f("input", "password").label("Contraseña"), Password),
        (text().name("passwd"), Password),
        (text().label("ログインID"), Username),
        (text().label("ログインＩＤ"), Username),
        (text().label("ユーザーID"), Username),
        (text().name("loginId"), Username),
        (text().name("user_name"), Username),
        (text().name("j_username"), Username),
        (text().label("Username or email"), Username),
        (text().label("楽天会員ID"), Username),
        (f("input", "email").name("email"), Email),
        (text().label("メールアドレス"), Email),
        (text().name("email_address"), Email),
        (text().ph("Email or phone"), Email),
        (text().name("login"), Username),
    ]);
}

#[test]
fn card_fields() {
    check(&[
        (text().label("カード番号"), CardNumber),
        (text().label("ｶｰﾄﾞ番号"), CardNumber),
        (text().label("クレジットカード番号（半角数字）"), CardNumber),
        (text().name("cardnumber"), CardNumber),
        (text().name("cc_num"), CardNumber),
        (text().name("CCNumber"), CardNumber),
        (text().id("card-no"), CardNumber),
        (text().ph("Card number"), CardNumber),
        (text().ph("1234 5678 9012 3456").max(19).mode("numeric"), CardNumber),
        (text().label("有効期限"), CardExpiry),
        (text().ph("MM/YY"), CardExpiry),
        (text().ph("ＭＭ／ＹＹ"), CardExpiry),
        (text().name("expmonth"), CardExpiry),
        (f("select", "select-one").name("exp_year"), CardExpiry),
        (f("select", "select-one").name("cc-exp-month"), CardExpiry),
        (text().label("Expiration date"), CardExpiry),
        (text().name("cvv2"), CardCvc),
        (text().name("ccv"), CardCvc),
        (text().name("cvc"), CardCvc),
        (text().label("セキュリティコード").max(4), CardCvc),
        (f("input", "password").label("セキュリティコード").max(4).mode("numeric"), CardCvc),
        (text().ph("ＣＶＶ"), CardCvc),
        (text().label("Security code (3 or 4 digits)"), CardCvc),
        (text().label("カード名義人"), CardHolder),
        (text().ph("名義（ローマ字）"), CardHolder),
        (text().name("cardholder"), CardHolder),
        (text().label("Name on card"), CardHolder),
    ]);
}

#[test]
fn tel_field_that_is_a_card_number() {
    check(&[
        (f("input", "tel").label("カード番号"), CardNumber),
        (f("input", "tel").name("cardno").max(19), CardNumber),
        (f("input", "tel").name("card_number"), CardNumber),
        (f("input", "tel").max(16).mode("numeric"), CardNumber),
        (f("input", "tel").pat("[0-9]{16}"), CardNumber),
        // real phone fields stay phones
        (f("input", "tel").label("電話番号").max(13), Phone),
        (f("input", "tel").name("tel"), Phone),
        (f("input", "tel").label("携帯電話番号"), Phone),
        (text().name("phone_number"), Phone),
    ]);
}

#[test]
fn bank_and_pin() {
    check(&[
        (text().label("口座番号").max(7), BankAccount),
        (text().name("acctno"), BankAccount),
        (text().name("kouza_no"), BankAccount),
        (text().label("Account number"), BankAccount),
        (text().label("支店番号").max(3), BankBranch),
        (text().name("shiten_cd"), BankBranch),
        (text().name("branch"), BankBranch),
        (text().near("店番"), BankBranch),
        (text().label("Routing number"), BankBranch),
        (f("input", "password").label("暗証番号").max(4), Pin),
        (f("input", "password").label("キャッシュカードの暗証番号（４桁）"), Pin),
        (text().name("pin"), Pin),
        (f("input", "password").max(4).mode("numeric"), Pin),
        (f("input", "password").pat("\\d{4}"), Pin),
        (text().aria("PIN code"), Pin),
        (text().name("shipping"), Other),
    ]);
}

#[test]
fn one_time_codes_and_gift_cards() {
    check(&[
        (f("input", "password").label("ワンタイムパスワード"), Otp),
        (text().label("ﾜﾝﾀｲﾑﾊﾟｽﾜｰﾄﾞ"), Otp),
        (text().label("認証コード").max(6), Otp),
        (text().ph("6桁の確認コード"), Otp),
        (text().label("Verification code"), Otp),
        (text().name("otp"), Otp),
        (text().name("smsCode"), Otp),
        (text().label("ギフト券番号"), GiftCardCode),
        (text().ph("ギフトコード"), GiftCardCode),
        (text().label("Amazonギフトカード番号"), GiftCardCode),
        (text().label("Gift card number"), GiftCardCode),
        (text().name("giftCode"), GiftCardCode),
        (text().label("Claim code"), GiftCardCode),
    ]);
}

#[test]
fn wallet_recovery_phrases_and_keys() {
    let area = || f("textarea", "textarea");
    check(&[
        (area().label("Secret Recovery Phrase"), RecoveryPhrase),
        (area().ph("Enter your 12-word seed phrase, separated by spaces"), RecoveryPhrase),
        (area().name("mnemonic"), RecoveryPhrase),
        (text().name("private_key").label("Private key"), RecoveryPhrase),
        (f("input", "password").ph("Private key"), RecoveryPhrase),
        (area().label("シードフレーズ（12単語）"), RecoveryPhrase),
        (area().label("復元フレーズを入力してください"), RecoveryPhrase),
        (text().label("秘密鍵"), RecoveryPhrase),
        (area().name("walletPhrase"), RecoveryPhrase),
        // near misses: phrases and seeds that hold no wallet's secret
        (text().name("q").ph("Search phrase"), Other),
        (text().label("Public key"), Other),
        (text().label("Wallet nickname"), Other),
        (area().label("Favourite phrase"), Other),
        (text().label("Seed packets ordered"), Other),
    ]);
}

#[test]
fn identity_and_personal_data() {
    check(&[
        (text().label("マイナンバー"), NationalId),
        (text().label("個人番号（12桁）"), NationalId),
        (f("input", "password").name("ssn"), NationalId),
        (text().label("住所"), Address),
        (text().label("郵便番号"), Address),
        (text().name("address1"), Address),
        (f("textarea", "textarea").label("ご住所"), Address),
        (text().label("生年月日"), Birthdate),
        (text().name("dob"), Birthdate),
        (text().label("Date of birth"), Birthdate),
        (text().label("お名前"), Other),
        (text().name("passport"), Other),
        (text().name("compass"), Other),
    ]);
}

#[test]
fn search_boxes_are_never_sensitive() {
    check(&[
        (f("input", "search").name("pass"), Other),
        (text().name("pass").ph("検索"), Other),
        (text().name("pass").ph("キーワードで検索"), Other),
        (text().name("q"), Other),
        (text().name("s").ph("Search"), Other),
        (text().name("password").label("Search"), Other),
        (text().name("query").label("カード番号"), Other),
        // a masked box stays a password whatever it is called
        (f("input", "password").name("q"), Password),
        // a search link nearby does not make a field a search box
        (f("input", "password").near("検索 パスワード"), Password),
    ]);
}

#[test]
fn select_boxes_never_hold_typed_secrets() {
    check(&[
        (f("select", "select-one").label("暗証番号"), Other),
        (f("select", "select-one").label("パスワード"), Other),
        (f("select", "select-one").name("month"), Other),
    ]);
}

#[test]
fn evidence_names_the_source() {
    let c = classify(&text().label("カード番号").0);
    assert!(c.evidence.iter().any(|e| e == "label: カード番号"), "{:?}", c.evidence);
    assert!(c.confidence > 0.0 && c.confidence <= 1.0);
    assert_eq!(c.group, None);
    let nothing = classify(&text().0);
    assert_eq!(nothing.kind, Other);
    assert!(nothing.evidence.is_empty());
}

fn kinds(fields: &[F]) -> Vec<FieldKind> {
    let ds: Vec<FieldDescriptor> = fields.iter().map(|f| f.0.clone()).collect();
    classify_all(&ds).into_iter().map(|c| c.kind).collect()
}

fn groups(fields: &[F]) -> Vec<Option<u32>> {
    let ds: Vec<FieldDescriptor> = fields.iter().map(|f| f.0.clone()).collect();
    classify_all(&ds).into_iter().map(|c| c.group).collect()
}

#[test]
fn otp_in_six_boxes() {
    let boxes: Vec<F> = (0..6).map(|i| text().name(&format!("d{i}")).max(1).mode("numeric").form(0)).collect();
    assert_eq!(kinds(&boxes), vec![Otp; 6]);
    let g = groups(&boxes);
    assert!(g[0].is_some() && g.iter().all(|x| *x == g[0]));
    // three one-character boxes are not a code
    assert_eq!(kinds(&boxes[..3]), vec![Other; 3]);
}

#[test]
fn recovery_phrase_in_word_boxes() {
    let words = |n: usize, name: &dyn Fn(usize) -> F| -> Vec<F> { (1..=n).map(|i| name(i).form(0)).collect() };
    for boxes in [
        words(12, &|i| text().name(&format!("word{i}"))),
        words(24, &|i| text().ph(&format!("Word {i}"))),
        words(12, &|i| f("input", "password").label(&format!("{i}.")).near(if i == 1 { "Secret Recovery Phrase" } else { "" })),
    ] {
        let n = boxes.len();
        assert_eq!(kinds(&boxes), vec![RecoveryPhrase; n]);
        let g = groups(&boxes);
        assert!(g[0].is_some() && g.iter().all(|x| *x == g[0]), "{g:?}");
    }
    // numbered boxes that are not words, too few words, search boxes and pass*words* stay as they are
    assert_eq!(kinds(&words(12, &|i| text().name(&format!("item{i}")))), vec![Other; 12]);
    assert_eq!(kinds(&words(11, &|i| text().name(&format!("word{i}")))), vec![Other; 11]);
    assert_eq!(kinds(&words(12, &|i| text().name(&format!("keyword{i}")).ph("Password hint"))), vec![Other; 12]);
    assert_eq!(kinds(&words(12, &|i| text().name(&format!("password{i}")))), vec![Password; 12]);
}

#[test]
fn pin_in_four_masked_boxes() {
    let boxes: Vec<F> = (0..4).map(|i| f("input", "password").name(&format!("p{i}")).max(1).form(0)).collect();
    assert_eq!(kinds(&boxes), vec![Pin; 4]);
    let mut labelled: Vec<F> = (0..4).map(|i| text().name(&format!("p{i}")).max(1).form(0)).collect();
    labelled[0] = text().name("p0").max(1).near("暗証番号").form(0);
    assert_eq!(kinds(&labelled), vec![Pin; 4]);
}

#[test]
fn card_number_in_four_boxes() {
    let page = [
        f("input", "tel").name("c1").max(4).near("カード番号").form(0),
        f("input", "tel").name("c2").max(4).near("-").form(0),
        f("input", "tel").name("c3").max(4).near("-").form(0),
        f("input", "tel").name("c4").max(4).near("-").form(0),
        f("input", "tel").name("cvc").max(4).label("セキュリティコード").form(0),
    ];
    assert_eq!(kinds(&page), [CardNumber, CardNumber, CardNumber, CardNumber, CardCvc]);
    let g = groups(&page);
    assert!(g[0].is_some() && g[..4].iter().all(|x| *x == g[0]));
    assert_eq!(g[4], None);

    let unlabelled: Vec<F> = (0..4).map(|i| text().name(&format!("n{i}")).max(4).form(1)).collect();
    assert_eq!(kinds(&unlabelled), vec![CardNumber; 4]);
}

#[test]
fn split_phone_and_postal_code_are_not_cards() {
    let phone = [
        f("input", "tel").name("tel1").max(3).label("電話番号").form(0),
        f("input", "tel").name("tel2").max(4).form(0),
        f("input", "tel").name("tel3").max(4).form(0),
    ];
    assert_eq!(kinds(&phone), [Phone, Phone, Phone]);
    let zip = [text().name("zip1").max(3).label("郵便番号").form(0), text().name("zip2").max(4).near("-").form(0)];
    assert!(!kinds(&zip).contains(&CardNumber));
}

#[test]
fn expiry_as_two_selects() {
    let page = [
        text().name("cardnumber").form(0),
        f("select", "select-one").name("month").near("有効期限").form(0),
        f("select", "select-one").name("year").near("月 /").form(0),
    ];
    assert_eq!(kinds(&page), [CardNumber, CardExpiry, CardExpiry]);
    let g = groups(&page);
    assert!(g[1].is_some() && g[1] == g[2]);
    // the same selects beside a card number but without any label
    let bare = [text().label("Card number").form(0), f("select", "select-one").name("mm").form(0), f("select", "select-one").name("yy").form(0)];
    assert_eq!(kinds(&bare), [CardNumber, CardExpiry, CardExpiry]);
}

#[test]
fn birth_date_as_three_selects() {
    let labelled = [
        f("select", "select-one").name("year").label("生年月日").form(0),
        f("select", "select-one").name("month").form(0),
        f("select", "select-one").name("day").form(0),
    ];
    assert_eq!(kinds(&labelled), [Birthdate; 3]);
    let bare = [f("select", "select-one").name("y").label("年").form(0), f("select", "select-one").name("m").label("月").form(0), f("select", "select-one").name("d").label("日").form(0)];
    assert_eq!(kinds(&bare), [Birthdate; 3]);
    // two lone date parts with nothing around them stay unknown
    let lone = [f("select", "select-one").name("month").form(0), f("select", "select-one").name("year").form(0)];
    assert_eq!(kinds(&lone), [Other, Other]);
}

#[test]
fn account_box_before_password() {
    let page = [text().name("f1").form(0), f("input", "password").name("f2").form(0)];
    assert_eq!(kinds(&page), [Username, Password]);
    // a search box in another form is not the account name
    let page = [text().name("q").form(0), f("input", "password").name("pw").form(1)];
    assert_eq!(kinds(&page), [Other, Password]);
    // nor is a box in another form
    let page = [text().name("f1").form(0), f("input", "password").name("pw").form(1)];
    assert_eq!(kinds(&page), [Other, Password]);
}

#[test]
fn group_ids_are_unique_per_split_field() {
    let mut page: Vec<F> = (0..6).map(|i| text().name(&format!("d{i}")).max(1).form(0)).collect();
    page.extend((0..4).map(|i| text().name(&format!("n{i}")).max(4).form(1)));
    let g = groups(&page);
    assert!(g[0].is_some() && g[6].is_some());
    assert_ne!(g[0], g[6]);
}

#[test]
fn descriptors_read_from_js_style_json() {
    let json = r#"[{"tag":"input","type":"tel","name":"cardno","maxLength":-1,"formIndex":-1},
                   {"tag":"input","type":"password","ariaLabel":"暗証番号","maxLength":4,"nearbyText":"","formIndex":0,"extra":"ignored"}]"#;
    let fields: Vec<FieldDescriptor> = serde_json::from_str(json).unwrap();
    assert_eq!(fields[0].max_len(), None);
    assert_eq!(fields[1].max_len(), Some(4));
    assert_eq!(fields[1].form_index, 0);
    let c = classify_all(&fields);
    assert_eq!(c[0].kind, CardNumber);
    assert_eq!(c[1].kind, Pin);
    let out = serde_json::to_value(&c[0]).unwrap();
    assert_eq!(out["kind"], "card-number");
}

/// The kinds the guard protects are one list, which the extension takes from
/// the engine: money, accounts and identity, never contact details alone.
#[test]
fn the_guarded_kinds_are_the_sensitive_ones() {
    let guarded: Vec<FieldKind> = FieldKind::sensitive().collect();
    assert_eq!(
        guarded,
        [Password, CardNumber, CardCvc, CardExpiry, Pin, Otp, GiftCardCode, RecoveryPhrase, BankAccount, BankBranch, NationalId, CardHolder]
    );
    for kind in FieldKind::ALL {
        assert_eq!(guarded.contains(&kind), kind.is_sensitive(), "{kind:?}");
    }
}
