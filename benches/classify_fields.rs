//! Native cost of one page's form classification (`Engine::classify_fields`),
//! the background's answer to the content script on every page: median over
//! repeated runs for pages of 10, 100 and 5,000 synthetic fields. Run through
//! `./build.sh bench`, which prints it beside the budget.

use std::time::Instant;

use sagiguard::forms::{FieldDescriptor, FormDescriptor};
use sagiguard::Engine;

/// Field shapes seen on sign-in, checkout and sign-up pages, in Japanese and
/// English: (tag, type, name, label, placeholder, nearby text, maxlength).
const SHAPES: &[(&str, &str, &str, &str, &str, &str, i32)] = &[
    ("input", "text", "loginId", "ログインID", "", "", -1),
    ("input", "password", "passwd", "パスワード", "", "", -1),
    ("input", "email", "email", "Email address", "you@example.com", "", -1),
    ("input", "text", "cc_number", "カード番号", "1234 5678 9012 3456", "", 19),
    ("select", "select-one", "exp_month", "", "", "有効期限", -1),
    ("select", "select-one", "exp_year", "", "", "", -1),
    ("input", "tel", "cvc", "セキュリティコード", "", "カード裏面の3桁", 4),
    ("input", "text", "cardholder", "Name on card", "", "", -1),
    ("input", "text", "q", "", "Search products", "", -1),
    ("input", "text", "address1", "ご住所", "", "お届け先", -1),
    ("input", "tel", "phone", "電話番号", "090-1234-5678", "", 13),
    ("input", "text", "otp", "", "", "ワンタイムパスワードを入力", 6),
    ("textarea", "textarea", "comment", "ご意見・ご要望", "", "", -1),
    ("input", "text", "nickname", "Nickname", "", "Tell us about yourself", 20),
];

/// `n` fields, ten to a form, cycling through the shapes.
fn page(n: usize) -> (Vec<FieldDescriptor>, Vec<FormDescriptor>) {
    let fields: Vec<FieldDescriptor> = (0..n)
        .map(|i| {
            let (tag, ty, name, label, placeholder, nearby, max) = SHAPES[i % SHAPES.len()];
            let mut d = FieldDescriptor::new(tag, ty);
            d.name = format!("{name}{}", i / SHAPES.len());
            d.id = format!("f{i}");
            d.label = label.into();
            d.placeholder = placeholder.into();
            d.nearby_text = nearby.into();
            d.max_length = max;
            d.form_index = (i / 10) as i32;
            d
        })
        .collect();
    let forms = (0..n.div_ceil(10))
        .map(|i| FormDescriptor { index: i as i32, action: format!("https://shop.example.co.jp/form/{i}"), method: "post".into(), ..Default::default() })
        .collect();
    (fields, forms)
}

fn main() {
    let engine = Engine::new();
    let page_url = "https://shop.example.co.jp/checkout";
    // Sizes may be given as arguments (`cargo bench --bench classify_fields -- 100`).
    let mut sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![10, 100, 5_000];
    }
    for n in sizes {
        let (fields, forms) = page(n);
        let runs = std::env::var("BENCH_RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(if n >= 5_000 { 21 } else { 201 });
        for _ in 0..runs.min(20usize) {
            std::hint::black_box(engine.classify_fields(&fields, &forms, page_url));
        }
        let mut us: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(engine.classify_fields(&fields, &forms, page_url));
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        us.sort_by(f64::total_cmp);
        println!("native classify_fields\tfields={n}\tforms={}\truns={runs}\tmedian_us={:.1}", forms.len(), us[runs / 2]);
    }
}
