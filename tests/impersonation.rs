//! Brand impersonation through the whole engine: what must be flagged, the
//! near misses that must not be, and every brand's own domains staying clean.

use sagiguard::brands;
use sagiguard::text::{reason_sentence, Lang};
use sagiguard::verdict::Level;
use sagiguard::Engine;

fn check(url: &str) -> (Level, Option<&'static str>, Vec<&'static str>) {
    let v = Engine::new().check_url(url).expect("valid URL");
    (v.level, v.brand, v.reasons.iter().map(|r| r.code).collect())
}

/// Asserts that `url` raises no warning (a near miss or a brand's own site).
fn assert_no_warning(url: &str) {
    let (level, _, codes) = check(url);
    assert!(level <= Level::Unknown, "{url}: {level:?} {codes:?}");
}

fn assert_level(url: &str, level: Level, brand: Option<&str>) {
    let (got, got_brand, codes) = check(url);
    assert_eq!(got, level, "{url}: {codes:?}");
    if let Some(brand) = brand {
        assert_eq!(got_brand, Some(brand), "{url}: {codes:?}");
    }
}

#[test]
fn brand_domains_written_into_subdomains_are_dangerous() {
    assert_level("http://www.amazon.co.jp.xyz.info/ap/signin", Level::Danger, Some("Amazon"));
    assert_level("https://eki-net.com.example.cn/", Level::Danger, Some("JR東日本"));
    assert_level("https://www.smbc-card.com.jingle-bells.net/login", Level::Danger, Some("三井住友カード"));
}

#[test]
fn confusable_and_near_identical_domains_are_dangerous() {
    assert_level("https://arnazon.com/", Level::Danger, Some("Amazon"));
    assert_level("https://paypa1.com/signin", Level::Danger, Some("PayPal"));
    assert_level("https://kuroneokyamato.com/", Level::Danger, Some("ヤマト運輸"));
    assert_level("https://myetherwalet.net/", Level::Danger, Some("MyEtherWallet"));
    assert_level("https://smbccard.com/", Level::Danger, Some("三井住友カード"));
    // An official name split by a dot, even where its last part is also a
    // slip of the brand's name (`witter`, `nstagram`).
    assert_level("https://am.azon.co.jp/", Level::Danger, Some("Amazon"));
    assert_level("https://t.witter.com/", Level::Danger, Some("X (Twitter)"));
    assert_level("https://i.nstagram.com/login", Level::Danger, Some("Instagram"));
}

#[test]
fn typos_and_combos_call_for_caution() {
    assert_level("https://amazpn.com/", Level::Caution, Some("Amazon"));
    assert_level("http://myjcbloginjp.cc/", Level::Caution, Some("JCB"));
    assert_level("https://soporte-appl-e.us/", Level::Caution, Some("Apple"));
    assert_level("https://amazon-security-update.com/", Level::Caution, Some("Amazon"));
    assert_level("https://rakuten-card-login.net/", Level::Caution, Some("楽天カード"));
    // A hosting platform's project is its own site: the project's name is judged.
    assert_level("https://amazon-login.pages.dev/", Level::Caution, Some("Amazon"));
}

#[test]
fn wallet_and_web_brands_beyond_the_big_ones() {
    // Wallet and DeFi brands that drainer sites copy, and web services whose
    // sign-in pages phishing kits ship, are in the table like the big brands.
    assert_level("https://walletconect.com/", Level::Danger, Some("WalletConnect"));
    assert_level("https://dappradar-airdrop.com/", Level::Caution, Some("DappRadar"));
    assert_level("https://polkastarter-claim.com/", Level::Caution, Some("Polkastarter"));
    assert_level("https://vkontakte-login.ru/", Level::Caution, Some("VK"));
    assert_level("https://reddit-login.net/", Level::Caution, Some("Reddit"));
    assert_level("https://deviantart.example.net/", Level::Caution, Some("DeviantArt"));
    // Exchanges that closed are still copied; the giveaway scams borrow Tesla.
    assert_level("https://localbitcoins.online/", Level::Caution, Some("LocalBitcoins"));
    assert_level("https://tesla-giveaway.example.com/", Level::Caution, Some("Tesla"));
    // One exchange's name one slip from another's is its own, and Tesla's
    // China site is Tesla's.
    assert_no_warning("https://www.bitmex.com/");
    assert_no_warning("https://www.tesla.cn/");
    // A drainer's name made of lures, with no brand in it.
    assert_level("https://connect-wallet-sync.com/", Level::Caution, None);
    // Their ordinary-word names (`mail`, `chain`, `token`) derive no typo or
    // ending-swap lookalikes, and the lure companions alone are no lure.
    for url in ["https://mail.com/", "https://chain.com/", "https://token.com/", "https://nodesync-bridge.com/"] {
        assert_no_warning(url);
    }
}

#[test]
fn european_hosting_mail_and_shop_brands() {
    // Hosting and mail providers whose renewal and mailbox lures fill the
    // European feeds, and shops whose vouchers are copied.
    assert_level("https://ovh-facture-login.com/", Level::Caution, Some("OVHcloud"));
    assert_level("https://aruba-login-rinnovo.it/", Level::Caution, Some("Aruba.it"));
    assert_level("https://ionos.de.kundeserver.example.cl/auth.php", Level::Danger, Some("IONOS"));
    assert_level("https://web-de-login.com/", Level::Caution, Some("WEB.DE"));
    assert_level("https://tesco-bank-verify.com/", Level::Caution, Some("Tesco"));
    assert_level("https://magalu-ofertas-login.site/", Level::Caution, Some("Magalu"));
    for url in ["https://www.ovhcloud.com/fr/", "https://www.ionos.co.uk/", "https://web.de/", "https://www.tesco.com/", "https://www.kaufland.de/"] {
        assert_no_warning(url);
    }
    // Their names hide in ordinary words: a web designer's site is no WEB.DE,
    // `visionos` no IONOS, and a `sites-com` subdomain no Tesco.
    for url in ["https://mywebdesign.com/", "https://webdesign-sign.com/", "https://visionos.com/", "https://dolmen-hs-sites-com.sandbox.hs-sites.com/"] {
        assert_no_warning(url);
    }
    // A name that is a possessive already reads as one in the sentences.
    let v = Engine::new().check_url("https://sainsburys-rewards.co.uk/").expect("valid URL");
    let combo = v.reasons.iter().find(|r| r.code == "brand-combo").expect("brand-combo");
    let sentence = reason_sentence(Lang::En, combo, &v.host);
    assert!(sentence.contains("one of Sainsbury's sites") && !sentence.contains("'s's"), "{sentence}");
}

#[test]
fn a_popular_site_one_letter_from_a_brand_is_its_own() {
    // Oricon is one letter from Orico, and Google's and Yahoo's second mail
    // domains hold their brands' names: all are their owners' own sites.
    for url in ["https://www.oricon.co.jp/", "https://googlemail.com/", "https://ymail.com/", "https://www.google.cn/"] {
        assert_no_warning(url);
    }
    // Orico's own typos still count, and the new names derive no typos of
    // their own (`orion.de` is no Oricon, `ymaal.co` no Yahoo).
    assert_level("https://oricoo.co.jp/", Level::Caution, Some("オリコ"));
    for url in ["https://orion.de/", "https://ymaal.co/", "https://voriconazole.online/"] {
        assert_no_warning(url);
    }
}

#[test]
fn a_brands_own_account_pages_are_not_imitations() {
    // github.io names are GitHub accounts, and GitHub keeps a brand's name for
    // the brand: its exact name there is its own project site.
    for url in ["https://microsoft.github.io/vscode-codicons/", "https://google.github.io/styleguide/", "https://line.github.io/armeria/"] {
        assert_no_warning(url);
    }
    // Any other spelling still is, and anyone may take the brand's name on a
    // platform without accounts.
    assert_level("https://paypa1.github.io/", Level::Danger, Some("PayPal"));
    assert_level("https://paypal-login.github.io/", Level::Caution, Some("PayPal"));
    assert_level("https://netflix.pages.dev/", Level::Caution, Some("Netflix"));
}

#[test]
fn lookalike_user_sites_on_platforms_the_suffix_list_lacks() {
    // weebly.com is not in the public suffix list's private section, so the
    // registrable domain is the platform's; the user's own name is judged,
    // as on the platforms the list knows.
    assert_level("https://faceboook.pages.dev/", Level::Danger, Some("Facebook"));
    assert_level("https://faceboook.weebly.com/", Level::Danger, Some("Facebook"));
    assert_level("https://blglobe.weebly.com/", Level::Danger, Some("BIGLOBE"));
    for url in ["https://notes.weebly.com/", "https://my-bakery.weebly.com/menu"] {
        assert_no_warning(url);
    }
}

#[test]
fn brands_own_sites_are_trusted() {
    for url in [
        "https://www.amazon.co.jp/",
        "https://aws.amazon.com/console/",
        "https://smbc-card.com/mem/index.jsp",
        "https://www.vpass.ne.jp/login",
        "https://paypal.me/someone",
        "https://www.eki-net.com/",
        "https://id.apple.com/",
    ] {
        let (level, brand, codes) = check(url);
        assert_eq!(level, Level::Trusted, "{url}: {codes:?}");
        // The popup would otherwise say the brand's own site "appears to imitate" it.
        assert_eq!(brand, None, "{url}: {codes:?}");
    }
}

#[test]
fn near_misses_stay_quiet() {
    for url in [
        // Short brand tokens inside ordinary names.
        "https://aucafe.jp/",
        "https://beauty-au.net/",
        "https://audio-technica.com/",
        "https://www.pineapple-farm.com/",
        "https://aeonian-books.com/",
        "https://online-deadline.com/",
        // Honest neighbours of short brand labels.
        "https://ample.com/",
        "https://apply.com/",
        // A real hosting-platform project without brand words.
        "https://my-portfolio.pages.dev/",
        "https://example.com/blog/2024/01/hello",
    ] {
        assert_no_warning(url);
    }
}

#[test]
fn every_official_domain_is_trusted_or_unknown() {
    let engine = Engine::new();
    for brand in brands::builtin().all() {
        for domain in &brand.domains {
            for host in [domain.name.to_string(), format!("www.{}", domain.name)] {
                let v = engine.check_url(&format!("https://{host}/login")).expect("valid URL");
                assert!(v.level <= Level::Unknown, "{host} ({}) is {:?}: {:?}", brand.id, v.level, v.reasons);
            }
        }
    }
}

#[test]
fn page_text_names_brands() {
    let b = brands::builtin();
    let named: Vec<&str> = b.mentioned_in("【ヤマト運輸】お荷物のお届けについて／ＡＭＡＺＯＮ").iter().map(|x| x.id).collect();
    assert_eq!(named, ["yamato", "amazon"]);
    let card = b.by_id("smbc-card").expect("in table");
    assert!(brands::is_official(card, "vpass.ne.jp"));
    assert!(!brands::is_official(card, "vpass-ne-jp.com"));
}

fn lookalike_code(url: &str) -> Option<&'static str> {
    const LOOKALIKE: &[&str] =
        &["confusable-domain", "lookalike-domain", "typo-domain", "double-typo-domain", "bitsquat", "bitsquat-same-suffix", "loose-lookalike", "tld-swap"];
    check(url).2.into_iter().find(|c| LOOKALIKE.contains(c))
}

#[test]
fn coined_names_of_five_letters_or_more_derive_typos() {
    // Names that are no dictionary word (`nordea`, `lazada`, `capcom`) get
    // their typo and confusable lookalikes like the big brands' names...
    for (url, brand) in [
        ("https://nordaa.com/", "Nordea"),
        ("https://lazadda.com/", "Lazada"),
        ("https://aramexx.com/", "Aramex"),
        ("https://lawsom.co.jp/", "ローソン"),
    ] {
        assert_level(url, Level::Caution, Some(brand));
    }
    assert_level("https://capcorn.co.jp/", Level::Danger, Some("カプコン"));
    // ...and their honest neighbours, one real word or name away, stay clean.
    for url in ["https://norden.com/", "https://lawton.co.jp/", "https://capco.co.jp/", "https://mortons.com/"] {
        assert_no_warning(url);
    }
}

#[test]
fn renewal_and_invoice_lures_of_security_software() {
    // Fake "your protection expired" pages borrow the antivirus brands.
    assert_level("https://norton-renewal.com/", Level::Caution, Some("Norton"));
    assert_level("https://mcafee-subscription.com/", Level::Caution, Some("McAfee"));
    assert_level("https://avast-invoice.com/", Level::Caution, Some("Avast"));
    for url in ["https://www.norton.com/", "https://www.mcafee.com/", "https://ahamo.com/"] {
        assert_no_warning(url);
    }
}

#[test]
fn toll_marketplace_and_regional_bank_lures() {
    // Toll-payment texts, marketplace "buyer protection" pages and banks'
    // sign-in lures in the languages they are written in.
    assert_level("https://ezpass-toll-payment.com/", Level::Caution, Some("E-ZPass"));
    assert_level("https://vinted-verify.com/", Level::Caution, Some("Vinted"));
    assert_level("https://ziraat-giris.com/", Level::Caution, Some("Ziraat Bankası"));
    assert_level("https://eneos-card-login.com/", Level::Caution, Some("ENEOS"));
    for url in ["https://www.e-zpassny.com/", "https://www.vinted.fr/", "https://www.ziraatbank.com.tr/", "https://www.paypay-sec.co.jp/", "https://www.eneos.co.jp/"] {
        assert_no_warning(url);
    }
    // Honest names one slip from theirs: an airline, another bank.
    for url in ["https://www.united.com/", "https://rakbankonline.ae/", "https://grapheneos.org/"] {
        assert_no_warning(url);
    }
}

#[test]
fn short_labels_are_typod_only_under_the_brands_own_suffix() {
    // Four letters (`hulu.com`): a neighbouring key, a vowel or an extra
    // letter counts when the suffix is the brand's own...
    for url in ["https://huly.com/", "https://hilu.com/", "https://hulue.com/"] {
        assert_eq!(lookalike_code(url), Some("typo-domain"), "{url}");
        assert_eq!(check(url).0, Level::Caution, "{url}");
    }
    // ...not under another suffix, where honest short names abound.
    for url in ["https://huly.net/", "https://hilu.org/", "https://ebsy.net/"] {
        assert_eq!(lookalike_code(url), None, "{url}");
    }
}

#[test]
fn letters_added_to_mid_length_labels_are_typos() {
    assert_eq!(lookalike_code("https://adobeq.net/"), Some("typo-domain"));
    assert_eq!(lookalike_code("https://mercrari.com/"), Some("typo-domain"));
    assert_eq!(lookalike_code("https://xmercari.com/"), Some("typo-domain"));
}

#[test]
fn dropping_an_edge_letter_that_leaves_a_word_is_no_typo() {
    // `icloud` → `cloud`, `t-mobile` → `mobile`: honest words, not slips.
    for url in ["https://cloud.net/", "https://mobile.fr/", "https://www.cloud.example/"] {
        assert_eq!(lookalike_code(url), None, "{url}");
    }
    // A dropped letter inside the label still is one, and so is an edge
    // letter of a seven-letter label under the brand's own suffix.
    assert_eq!(lookalike_code("https://iclud.com/"), Some("typo-domain"));
    for url in ["https://rakute.co.jp/", "https://ercari.com/"] {
        assert_eq!(lookalike_code(url), Some("typo-domain"), "{url}");
    }
    for url in ["https://rakute.org/", "https://space.com/", "https://googl.com/"] {
        assert_eq!(lookalike_code(url), None, "{url}");
    }
}

#[test]
fn two_slips_in_a_long_label_call_for_caution() {
    assert_level("https://americanexpzzess.com/", Level::Caution, Some("American Express"));
    assert_level("https://myetehrwalet.com/", Level::Caution, Some("MyEtherWallet"));
    assert_eq!(lookalike_code("https://kuronecoyamatto.com/"), Some("double-typo-domain"));
    // Three edits away, or a shorter label two edits away, is someone else.
    assert_eq!(lookalike_code("https://americanexpert.com/"), None);
    assert_eq!(lookalike_code("https://dropboxes.com/"), None);
}

#[test]
fn homoglyph_pairs_fold_the_same_wherever_they_start() {
    // `cl` for `d`, then the `dl` it leaves next to an `l` read as `i`.
    assert_level("https://cliners.co.jp/", Level::Danger, None);
    assert_level("https://clliscorcl.com/", Level::Danger, Some("Discord"));
    // Pair folds and rough merges together (`rn`, `d`/`b`, `m`/`n`, `lc`).
    assert_eq!(lookalike_code("https://rnizuhodamlc.co.jp/"), Some("loose-lookalike"));
    // A look-alike of a look-alike: `lc` for `k` drawn as `le`, `cl` for `d` as `el`.
    for (url, brand) in [("https://softbanle.jp/", "SoftBank"), ("https://faceboole.com/", "Facebook"), ("https://elropbox.com/", "Dropbox")] {
        assert_eq!(lookalike_code(url), Some("loose-lookalike"), "{url}");
        assert_level(url, Level::Caution, Some(brand));
    }
    // Ordinary names with such pairs are not read as brands.
    for url in ["https://connect.net/", "https://click.com/", "https://licious.com/", "https://hotels.com/", "https://elbow.com/"] {
        assert!(!matches!(lookalike_code(url), Some("confusable-domain" | "loose-lookalike")), "{url}");
    }
}

#[test]
fn internationalised_homographs_of_short_and_ordinary_labels_are_dangerous() {
    // `ŭps` and `lįvė`: non-ASCII letters that only read as `ups` and `live`.
    assert_level("https://xn--ps-lua.com/", Level::Danger, Some("UPS"));
    assert_level("https://xn--lv-9ma8g.com/", Level::Danger, Some("Microsoft"));
    // Cyrillic small-capital letters that UTS #39 leaves out (`м`, `г`, `і`).
    assert_eq!(lookalike_code("https://xn--80afbf8a6a2l.com/"), Some("confusable-domain"));
    // ASCII spellings of short and ordinary labels are not read that way
    // under other endings.
    for url in ["https://1cdn.example/", "https://l1ve.example/", "https://upz.net/", "https://xn--mnchen-3ya.de/", "https://c1ti.net/"] {
        assert_eq!(lookalike_code(url), None, "{url}");
    }
}

#[test]
fn ascii_spellings_of_short_labels_under_their_own_ending_call_for_caution() {
    // `1` and `l` for `i`, `rn` for `m`, `cl` for `d`: under the brand's own
    // ending, where the name is rarely anyone else's.
    for (url, brand) in [("https://c1ti.com/", "Citibank"), ("https://brno.com/", "BMO"), ("https://clhl.com/", "DHL")] {
        assert_eq!(lookalike_code(url), Some("loose-lookalike"), "{url}");
        assert_level(url, Level::Caution, Some(brand));
    }
    // The brand's own names, and two-letter labels, stay as they are.
    for url in ["https://citi.com/", "https://bmo.com/", "https://dhl.com/", "https://d8.com/"] {
        assert_no_warning(url);
    }
}

#[test]
fn everyday_word_labels_with_hyphens_are_read_without_them() {
    // `cdn-apple` drawn with `1` for `l` and its hyphen dropped is still a disguise...
    assert_eq!(lookalike_code("https://cdnapp1e.com/"), Some("confusable-domain"));
    assert_eq!(lookalike_code("https://0utlook.com/"), Some("confusable-domain"));
    // ...but the same letters without the hyphen alone are no lookalike.
    for url in ["https://cdnapple.com/", "https://amazonadsystem.com/"] {
        assert_eq!(lookalike_code(url), None, "{url}");
    }
}

#[test]
fn two_letters_drawn_for_one_call_for_caution() {
    // `bl` for `d`, and with one slip more on a longer label.
    assert_eq!(lookalike_code("https://nintenblo.com/"), Some("loose-lookalike"));
    assert_eq!(lookalike_code("https://epocscarbl.co.jp/"), Some("loose-lookalike"));
    assert_eq!(check("https://nintenblo.com/").0, Level::Caution);
    // A short label does not take the further slip (`bling` → `ding` → `bing`).
    for url in ["https://bling.com/", "https://blingo.com/"] {
        assert_eq!(lookalike_code(url), None, "{url}");
    }
}

#[test]
fn three_letter_labels_take_one_more_letter_under_their_own_suffix() {
    for url in ["https://dhlq.com/", "https://ddhl.de/", "https://jcbx.co.jp/"] {
        assert_eq!(lookalike_code(url), Some("typo-domain"), "{url}");
    }
    // Another suffix, or a letter in front, is any four-letter name.
    for url in ["https://dhlq.org/", "https://jcbx.com/", "https://xjcb.co.jp/"] {
        assert_eq!(lookalike_code(url), None, "{url}");
    }
}

#[test]
fn bitsquats_under_the_brands_own_suffix_call_for_caution() {
    // `paypcl.com`: one flipped bit (a/c), kept under paypal.com's suffix.
    assert_eq!(lookalike_code("https://paypcl.com/"), Some("bitsquat-same-suffix"));
    assert_eq!(check("https://paypcl.com/").0, Level::Caution);
    // Elsewhere, or on a four-letter label (`hulw`/`hulu`), it only adds weight.
    for url in ["https://paypcl.net/", "https://hulw.com/"] {
        assert_eq!(lookalike_code(url), Some("bitsquat"), "{url}");
        assert_eq!(check(url).0, Level::Unknown, "{url}");
    }
    // A flipped bit that is also an accepted slip is a typo (`nhntendo`: i/h).
    assert_eq!(lookalike_code("https://nhntendo.org/"), Some("typo-domain"));
}

#[test]
fn pages_filed_under_a_brands_name_on_other_sites() {
    assert_level("https://qwmartin.example/files/Rakuten/top.html", Level::Caution, Some("楽天"));
    assert_level("https://qwmartin.example/aeoncard/login.html", Level::Caution, None);
    // An article slug or a picture that names a brand is not a page filed under it.
    assert_level("https://qwmartin.example/blog/amazon-prime-day-deals/", Level::Unknown, None);
    assert_level("https://qwmartin.example/customers/shopify/logo.svg", Level::Unknown, None);
    // The brand's own site is still its own.
    assert_level("https://www.amazon.co.jp/amazon/", Level::Trusted, None);
}

#[test]
fn short_brand_tokens_glued_to_a_lure_at_the_labels_edge_call_for_caution() {
    assert_level("https://applesslportal.example/", Level::Caution, Some("Apple"));
    assert_level("https://sslweboutlook.example/", Level::Caution, None);
    assert_level("https://jp-installau.example/", Level::Caution, None);
    // Two-letter glue and everyday compounds stay as they were.
    for url in ["https://myapple.example/", "https://netvisa.example/", "https://appletree.example/", "https://homeaeon.example/"] {
        let (level, _, codes) = check(url);
        assert_ne!(level, Level::Caution, "{url}: {codes:?}");
        assert!(!codes.contains(&"brand-combo"), "{url}: {codes:?}");
    }
}

#[test]
fn a_disguised_brand_name_beside_other_words_is_a_combo() {
    assert_level("https://app-teiegram.org/", Level::Caution, Some("Telegram"));
    assert_level("https://vvhatsapp-sx.com/", Level::Caution, Some("WhatsApp"));
    assert_level("https://rnicrosoft-support.net/", Level::Caution, Some("Microsoft"));
    // An everyday-word name written in other letters is a disguise too,
    // though the word itself beside others is only a mention.
    assert_level("https://my-0ffice.com/", Level::Caution, Some("Microsoft"));
    assert_no_warning("https://office-depot.com/");
    // Honest words beside each other, and a word that is one letter from a brand's name.
    assert_no_warning("https://trust-bank.com/");
    assert_no_warning("https://green-apples.com/");
    assert_no_warning("https://teleqraph-news.com/");
}
