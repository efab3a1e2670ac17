//! Field, form and page-fact extraction from saved HTML, for the CLI only
//! (the HTML parser never ships in the wasm build). It follows the rules the
//! content script follows on the live DOM, written once in `extract_rules.md`:
#![doc = include_str!("extract_rules.md")]

use std::collections::HashMap;

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use super::descriptor::{FieldDescriptor, FormDescriptor, PageFacts};
use crate::target::Target;

/// Everything the content script would report for a page.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// One descriptor per input, select and textarea, in document order.
    pub fields: Vec<FieldDescriptor>,
    /// One descriptor per form, indexed by the fields' `form`.
    pub forms: Vec<FormDescriptor>,
    /// The page's title, brand claims and other facts the page check reads.
    pub page: PageFacts,
}

/// Elements whose text is never read (see "Text of an element").
const SKIPPED: &[&str] = &["script", "style", "template", "noscript", "select", "option", "datalist", "textarea"];
/// Input types that are not fields.
const NOT_FIELDS: &[&str] = &["hidden", "submit", "button", "image", "reset", "checkbox", "radio", "file", "range", "color"];
/// Input types a browser knows; any other `type` reads as `text`.
const INPUT_TYPES: &[&str] = &[
    "text", "search", "tel", "url", "email", "password", "date", "month", "week", "time", "datetime-local", "number", "range", "color",
    "checkbox", "radio", "file", "submit", "image", "reset", "button", "hidden",
];

/// One node of the flattened tree, in document (pre-)order.
struct Node {
    parent: Option<usize>,
    /// One past the last node of this node's subtree.
    end: usize,
    /// Lower-case local name for elements, empty for other nodes.
    name: String,
    attrs: Vec<(String, String)>,
    text: Option<String>,
    /// Whether the node lies inside a skipped element.
    skipped: bool,
}

/// The page as a flat list: node `i`'s subtree is `i..nodes[i].end`, with
/// the lookups every field makes indexed once, so that a page of many fields
/// costs linear time (a hostile page's 20,000 labelled fields took seconds).
struct Tree {
    nodes: Vec<Node>,
    /// The first element with each `id`.
    ids: HashMap<String, usize>,
    /// The first `label` with each `for`.
    labels_for: HashMap<String, usize>,
    /// Each node's nearest `form` ancestor.
    form_of: Vec<Option<usize>>,
    /// Each node's nearest `label` ancestor that has no `for`.
    label_of: Vec<Option<usize>>,
    /// For each position, the first text node at or after it that is read
    /// (not skipped) and has more than whitespace; `nodes.len()` for none.
    next_text: Vec<usize>,
    /// How many read, whitespace-only text nodes come before each position.
    blanks_before: Vec<u32>,
}

impl Tree {
    fn build(dom: &RcDom) -> Tree {
        let mut nodes: Vec<Node> = Vec::new();
        let mut stack: Vec<(Handle, Option<usize>)> = vec![(dom.document.clone(), None)];
        while let Some((handle, parent)) = stack.pop() {
            let index = nodes.len();
            let skipped = parent.is_some_and(|p| nodes[p].skipped || SKIPPED.contains(&nodes[p].name.as_str()));
            let (name, attrs, text) = match &handle.data {
                NodeData::Element { name, attrs, .. } => (
                    name.local.to_ascii_lowercase().to_string(),
                    attrs.borrow().iter().map(|a| (a.name.local.to_ascii_lowercase().to_string(), a.value.to_string())).collect(),
                    None,
                ),
                NodeData::Text { contents } => (String::new(), Vec::<(String, String)>::new(), Some(contents.borrow().to_string())),
                _ => (String::new(), Vec::new(), None),
            };
            nodes.push(Node { parent, end: index + 1, name, attrs, text, skipped });
            for child in handle.children.borrow().iter().rev() {
                stack.push((child.clone(), Some(index)));
            }
        }
        for i in (0..nodes.len()).rev() {
            if let Some(p) = nodes[i].parent {
                nodes[p].end = nodes[p].end.max(nodes[i].end);
            }
        }
        let (next_text, blanks_before) = text_index(&nodes);
        let mut tree = Tree { nodes, ids: HashMap::new(), labels_for: HashMap::new(), form_of: Vec::new(), label_of: Vec::new(), next_text, blanks_before };
        // Parents come before their children, so one pass in order fills the
        // ancestor tables.
        for i in 0..tree.nodes.len() {
            let parent = tree.nodes[i].parent;
            let nearest = |table: &[Option<usize>], own: bool| parent.and_then(|p| if own { Some(p) } else { table[p] });
            let form = nearest(&tree.form_of, parent.is_some_and(|p| tree.is(p, "form")));
            let label = nearest(&tree.label_of, parent.is_some_and(|p| tree.is(p, "label") && tree.attr(p, "for").is_none()));
            tree.form_of.push(form);
            tree.label_of.push(label);
            if tree.nodes[i].name.is_empty() {
                continue;
            }
            if let Some(id) = tree.attr(i, "id") {
                tree.ids.entry(id.to_string()).or_insert(i);
            }
            if let (true, Some(target)) = (tree.is(i, "label"), tree.attr(i, "for")) {
                tree.labels_for.entry(target.to_string()).or_insert(i);
            }
        }
        tree
    }

    fn attr(&self, i: usize, name: &str) -> Option<&str> {
        self.nodes[i].attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn is(&self, i: usize, name: &str) -> bool {
        self.nodes[i].name == name
    }

    fn elements<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.nodes.len()).filter(move |&i| self.is(i, name))
    }

    fn by_id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes[i].parent, |&p| self.nodes[p].parent)
    }

    /// The first `n` UTF-16 units of the collapsed text of node `i`'s
    /// subtree, skipped elements left out. Reads only as far as it needs:
    /// every step of the index takes a text with something besides
    /// whitespace, so no call reads more than about `n` texts, however large
    /// the subtree (a label around 20,000 fields took seconds).
    fn text(&self, i: usize, n: usize) -> String {
        let end = self.nodes[i].end;
        let (mut raw, mut solid, mut at) = (String::new(), 0, i + 1);
        'texts: while at < end {
            let k = self.next_text[at];
            if k >= end {
                break;
            }
            if self.blanks_before[k] > self.blanks_before[at] {
                raw.push(' ');
            }
            for c in self.nodes[k].text.as_deref().unwrap_or("").chars() {
                raw.push(c);
                if !is_space(c) {
                    solid += c.len_utf16();
                    if solid > n {
                        break 'texts;
                    }
                }
            }
            at = k + 1;
        }
        head_utf16(&collapse(&raw), n)
    }

    fn is_field(&self, i: usize) -> bool {
        match self.nodes[i].name.as_str() {
            "select" | "textarea" => true,
            "input" => !NOT_FIELDS.contains(&input_type(self.attr(i, "type")).as_str()),
            _ => false,
        }
    }

    /// Whether node `i` stops the nearby-text walk.
    fn stops_walk(&self, i: usize) -> bool {
        match self.nodes[i].name.as_str() {
            "select" | "textarea" => true,
            "input" => input_type(self.attr(i, "type")) != "hidden",
            _ => false,
        }
    }
}

/// The tables behind [`Tree::text`]: `next_text` and `blanks_before`, one
/// entry per position and one past the end.
fn text_index(nodes: &[Node]) -> (Vec<usize>, Vec<u32>) {
    let read = |j: usize| nodes[j].text.as_deref().filter(|_| !nodes[j].skipped);
    let mut next_text = vec![nodes.len(); nodes.len() + 1];
    for j in (0..nodes.len()).rev() {
        next_text[j] = if read(j).is_some_and(|t| !t.chars().all(is_space)) { j } else { next_text[j + 1] };
    }
    let mut blanks_before = Vec::with_capacity(nodes.len() + 1);
    let mut blanks = 0u32;
    for j in 0..nodes.len() {
        blanks_before.push(blanks);
        blanks += u32::from(read(j).is_some_and(|t| t.chars().all(is_space)));
    }
    blanks_before.push(blanks);
    (next_text, blanks_before)
}

/// `el.type` for an input with this `type` attribute.
fn input_type(attr: Option<&str>) -> String {
    let t = attr.unwrap_or("").trim().to_ascii_lowercase();
    if INPUT_TYPES.contains(&t.as_str()) {
        t
    } else {
        "text".into()
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Every run of whitespace as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The first `n` UTF-16 code units of `s` (never splitting a character).
fn head_utf16(s: &str, n: usize) -> String {
    let mut used = 0;
    s.chars().take_while(|c| {
        used += c.len_utf16();
        used <= n
    })
    .collect()
}

/// The last `n` UTF-16 code units of `s` (never splitting a character).
fn tail_utf16(s: &str, n: usize) -> String {
    let mut used = 0;
    let mut tail: Vec<char> = s
        .chars()
        .rev()
        .take_while(|c| {
            used += c.len_utf16();
            used <= n
        })
        .collect();
    tail.reverse();
    tail.into_iter().collect()
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The parts of an absolute URL: `scheme:`, `//authority`, and the rest.
fn split_url(url: &str) -> Option<(&str, &str, &str)> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    if scheme.is_empty() || !scheme.starts_with(|c: char| c.is_ascii_alphabetic()) || !scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) {
        return None;
    }
    let rest = &url[colon + 1..];
    match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find(['/', '?', '#']).unwrap_or(after.len());
            Some((&url[..=colon], &rest[..end + 2], &after[end..]))
        }
        None => Some((&url[..=colon], "", rest)),
    }
}

/// Resolves a URL reference against an absolute base, as `new URL(rel, base)`
/// does for the cases forms and icons use; `None` without a usable base.
/// Dot segments are left in place: only the host is ever compared.
pub fn resolve(base: Option<&str>, reference: &str) -> Option<String> {
    let rel = reference.trim_matches(|c: char| c <= ' ');
    if split_url(rel).is_some() {
        return Some(rel.to_string());
    }
    let (scheme, authority, rest) = split_url(base?)?;
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let path = &rest[..path_end];
    Some(if rel.is_empty() {
        format!("{scheme}{authority}{}", &rest[..rest.find('#').unwrap_or(rest.len())])
    } else if rel.starts_with("//") {
        format!("{scheme}{rel}")
    } else if rel.starts_with('/') {
        format!("{scheme}{authority}{rel}")
    } else if rel.starts_with('?') {
        format!("{scheme}{authority}{path}{rel}")
    } else if rel.starts_with('#') {
        format!("{scheme}{authority}{}{rel}", &rest[..rest.find('#').unwrap_or(rest.len())])
    } else {
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        let dir = if dir.is_empty() { "/" } else { dir };
        format!("{scheme}{authority}{dir}{rel}")
    })
}

/// Parses a page and extracts what the content script would report. Never
/// fails: the HTML parser recovers from any input, as browsers do.
pub fn extract(html: &str, page_url: Option<&str>) -> Extracted {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let tree = Tree::build(&dom);
    let base_href = tree.elements("base").find_map(|i| tree.attr(i, "href")).map(str::to_string);
    let base = match (&base_href, page_url) {
        (Some(href), page) => resolve(page, href).or_else(|| page.map(str::to_string)),
        (None, page) => page.map(str::to_string),
    };
    let form_nodes: Vec<usize> = tree.elements("form").collect();
    let forms = form_nodes
        .iter()
        .enumerate()
        .map(|(index, &f)| {
            let attr = tree.attr(f, "action").map_or(String::new(), |a| head_utf16(a, 2000));
            let attr = attr.as_str();
            FormDescriptor {
                index: index as i32,
                action: resolve(base.as_deref(), attr).unwrap_or_else(|| attr.to_string()),
                method: tree.attr(f, "method").map_or("get".into(), |m| head_utf16(m, ATTR_MAX).trim().to_ascii_lowercase()),
                id: reported(&tree, f, "id"),
                name: reported(&tree, f, "name"),
            }
        })
        .collect();
    let form_index: HashMap<usize, i32> = form_nodes.iter().enumerate().map(|(index, &f)| (f, index as i32)).collect();
    let fields = (0..tree.nodes.len()).filter(|&i| tree.is_field(i)).map(|i| field(&tree, i, &form_index)).collect();
    Extracted { fields, forms, page: page_facts(&tree, base.as_deref()) }
}

fn field(tree: &Tree, i: usize, form_index: &HashMap<usize, i32>) -> FieldDescriptor {
    let attr = |name| reported(tree, i, name);
    let tag = tree.nodes[i].name.clone();
    let kind = match tag.as_str() {
        "input" => input_type(tree.attr(i, "type")),
        "select" if tree.attr(i, "multiple").is_some() => "select-multiple".into(),
        "select" => "select-one".into(),
        _ => "textarea".into(),
    };
    let max_length = if tag == "select" { -1 } else { tree.attr(i, "maxlength").and_then(parse_non_negative).unwrap_or(-1) };
    let owner = match tree.attr(i, "form") {
        Some(id) => tree.by_id(id).filter(|&f| tree.is(f, "form")),
        None => tree.form_of[i],
    };
    FieldDescriptor {
        tag,
        kind,
        name: attr("name"),
        id: attr("id"),
        autocomplete: attr("autocomplete"),
        inputmode: attr("inputmode"),
        placeholder: attr("placeholder"),
        aria_label: collapse(&attr("aria-label")),
        label: label(tree, i, 100),
        max_length,
        pattern: attr("pattern"),
        nearby_text: nearby(tree, i),
        form_index: owner.and_then(|f| form_index.get(&f).copied()).unwrap_or(-1),
    }
}

/// Code units of an attribute that are reported (rules: the top).
const ATTR_MAX: usize = 200;

/// Attribute `name` of node `i` as reported: at most its first [`ATTR_MAX`] code units.
fn reported(tree: &Tree, i: usize, name: &str) -> String {
    head_utf16(tree.attr(i, name).unwrap_or(""), ATTR_MAX)
}

/// `maxlength` as the DOM reads it: leading whitespace, then digits.
fn parse_non_negative(s: &str) -> Option<i32> {
    let digits: String = s.trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<i32>().ok()
}

/// The first `n` UTF-16 units of field `i`'s label text.
fn label(tree: &Tree, i: usize, n: usize) -> String {
    if let Some(id) = tree.attr(i, "id").filter(|id| !id.is_empty()) {
        if let Some(&l) = tree.labels_for.get(id) {
            let text = tree.text(l, n);
            if !text.is_empty() {
                return text;
            }
        }
    }
    if let Some(l) = tree.label_of[i] {
        let text = tree.text(l, n);
        if !text.is_empty() {
            return text;
        }
    }
    let ids = tree.attr(i, "aria-labelledby").unwrap_or("");
    let mut joined = String::new();
    for text in ids.split_ascii_whitespace().filter_map(|id| tree.by_id(id)).map(|node| tree.text(node, n)).filter(|t| !t.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(&text);
        if utf16_len(&joined) >= n {
            break;
        }
    }
    head_utf16(&joined, n)
}

fn nearby(tree: &Tree, i: usize) -> String {
    let mut scope = None;
    for (step, a) in tree.ancestors(i).enumerate() {
        scope = Some(a);
        if step == 2 || tree.is(a, "form") || tree.is(a, "body") {
            break;
        }
    }
    let Some(scope) = scope else { return String::new() };
    let mut pieces: Vec<&str> = Vec::new();
    let mut gathered = 0;
    for j in (scope + 1..i).rev() {
        let node = &tree.nodes[j];
        // The field's ancestors lie in this range too, but none is a field.
        if tree.stops_walk(j) {
            break;
        }
        if let (Some(t), false) = (&node.text, node.skipped) {
            pieces.push(t);
            gathered += utf16_len(t);
            if gathered >= 60 {
                break;
            }
        }
    }
    pieces.reverse();
    tail_utf16(&collapse(&pieces.concat()), 60)
}

fn page_facts(tree: &Tree, base: Option<&str>) -> PageFacts {
    let title = tree.elements("title").next().map(|t| tree.text(t, 200)).unwrap_or_default();
    let headings = (0..tree.nodes.len())
        .filter(|&i| tree.is(i, "h1") || tree.is(i, "h2"))
        .map(|i| tree.text(i, 100))
        .filter(|t| !t.is_empty())
        .take(10)
        .collect();
    let text_sample = tree.elements("body").next().map(|b| tree.text(b, 300)).unwrap_or_default();
    let logo_alts = tree
        .elements("img")
        .filter(|&i| {
            let alt = tree.attr(i, "alt").unwrap_or("");
            !collapse(alt).is_empty() && ["alt", "src", "id", "class"].iter().any(|a| tree.attr(i, a).unwrap_or("").to_ascii_lowercase().contains("logo"))
        })
        .filter_map(|i| tree.attr(i, "alt").map(collapse))
        .take(10)
        .collect();
    let favicon_host = tree
        .elements("link")
        .find(|&i| tree.attr(i, "rel").unwrap_or("").split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("icon")))
        .and_then(|i| resolve(base, tree.attr(i, "href").unwrap_or("")))
        .and_then(|url| Target::parse(&url).ok())
        .map(|t| t.into_host_and_site().0)
        .unwrap_or_default();
    PageFacts { title, headings, text_sample, logo_alts, favicon_host }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolving() {
        let base = Some("https://shop.example/a/b.html?x=1#f");
        assert_eq!(resolve(base, "").as_deref(), Some("https://shop.example/a/b.html?x=1"));
        assert_eq!(resolve(base, "post.php").as_deref(), Some("https://shop.example/a/post.php"));
        assert_eq!(resolve(base, "/login").as_deref(), Some("https://shop.example/login"));
        assert_eq!(resolve(base, "//evil.example/x").as_deref(), Some("https://evil.example/x"));
        assert_eq!(resolve(base, "?q=1").as_deref(), Some("https://shop.example/a/b.html?q=1"));
        assert_eq!(resolve(base, "https://api.telegram.org/bot1/send").as_deref(), Some("https://api.telegram.org/bot1/send"));
        assert_eq!(resolve(Some("https://shop.example"), "x").as_deref(), Some("https://shop.example/x"));
        assert_eq!(resolve(None, "x"), None);
        assert_eq!(resolve(None, "mailto:a@b.example").as_deref(), Some("mailto:a@b.example"));
    }

    #[test]
    fn utf16_limits() {
        assert_eq!(tail_utf16("abc😀", 2), "😀");
        assert_eq!(tail_utf16("abc😀", 3), "c😀");
        assert_eq!(head_utf16("😀abc", 1), "");
    }

    #[test]
    fn label_order_and_nearby() {
        let html = r#"<form action="/p"><table><tr><th>カード番号</th><td><input id="c" name="x"></td></tr>
            <tr><td><label>有効期限 <select name="m"><option>01</option></select></label></td>
            <td>/ <select name="y"><option>2030</option></select></td></tr></table>
            <span id="l1">暗証</span><span id="l2">番号</span><input aria-labelledby="l1 l2" type="password">
            <label for="c">ignored when empty?</label></form><input type="hidden" name="h"><input type="checkbox">"#;
        let e = extract(html, Some("https://bank.example/"));
        assert_eq!(e.fields.len(), 4);
        assert_eq!(e.fields[0].label, "ignored when empty?");
        assert_eq!(e.fields[0].nearby_text, "カード番号");
        assert_eq!(e.fields[1].label, "有効期限");
        assert_eq!(e.fields[1].kind, "select-one");
        assert_eq!(e.fields[2].nearby_text, "/");
        assert_eq!(e.fields[3].label, "暗証 番号");
        assert!(e.fields.iter().all(|f| f.form_index == 0));
        assert_eq!(e.forms[0].action, "https://bank.example/p");
        assert_eq!(e.forms[0].method, "get");
    }

    /// The text of a subtree read whole, as the rules define it: what the
    /// indexed [`Tree::text`] must equal.
    fn whole_text(tree: &Tree, i: usize, n: usize) -> String {
        let raw: String = (i + 1..tree.nodes[i].end).filter(|&j| !tree.nodes[j].skipped).filter_map(|j| tree.nodes[j].text.as_deref()).collect();
        head_utf16(&collapse(&raw), n)
    }

    #[test]
    fn indexed_text_equals_the_whole_text() {
        let pages = [
            "<p>a<b> </b>b<i>\n\t</i><script>x y</script>c<select><option>o</option></select>  d</p>",
            "<label> <span>  </span>有効期限<textarea>t</textarea><span>月</span> / <em></em>年 </label>",
            "<div>one<div>two<div>three<div> </div>four</div></div>five</div>",
        ];
        let long = format!("<form><label>{}</label></form>", (0..300).map(|i| format!("w{i} <span> </span><input name=n{i}>")).collect::<String>());
        for html in pages.iter().copied().chain([long.as_str()]) {
            let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
            let tree = Tree::build(&dom);
            for i in 0..tree.nodes.len() {
                for n in [0, 1, 3, 5, 100, 300] {
                    assert_eq!(tree.text(i, n), whole_text(&tree, i, n), "node {i} of {html:?}, n {n}");
                }
            }
        }
    }

    #[test]
    fn many_fields_in_one_label_each_get_its_head() {
        // A page built to make every field read one large label: each reads
        // only the label's first 100 units.
        let html = format!("<form><label>{}</label></form>", (0..20_000).map(|i| format!("T{i} <input name=n{i}>")).collect::<String>());
        let e = extract(&html, None);
        assert_eq!(e.fields.len(), 20_000);
        let head = head_utf16(&(0..40).map(|i| format!("T{i}")).collect::<Vec<_>>().join(" "), 100);
        assert!(e.fields.iter().all(|f| f.label == head && f.form_index == 0));
    }
}
