// The pages the content-script benches load, so Chromium's
// (scripts/bench-content.mjs) and Firefox's (scripts/bench-content-firefox.mjs)
// measure the same markup. Every page is marked data-sagiguard-bench, which
// makes the guard record its `sagiguard:slice` measures.

const LOGIN_FORM = `<h1>Sign in</h1><form method="post" action="/session">
    <label>Email <input name="email" type="email" autocomplete="username"></label>
    <label>Password <input name="password" type="password" autocomplete="current-password"></label>
    <button>Sign in</button></form>`;

/** About 2,000 elements of 30 kinds, as a site's header, navigation, articles and footer would be; no shadow roots. */
function siteChrome() {
  const parts = [];
  for (let i = 0; i < 70; i++) {
    parts.push(`<header><nav><ul><li><a href="/s${i}">Section <b>${i}</b></a></li><li><a href="/t${i}"><i>Topic</i></a></li></ul></nav></header>`,
      `<main><article><h2>Story ${i}</h2><h3>by <em>someone</em></h3><p>Text with <strong>bold</strong>, <small>small</small> and <span>a span</span>.</p>`,
      `<figure><picture><source srcset="/p${i}.webp"><img alt="" src="/p${i}.png"></picture><figcaption>Photo <time>${i}</time></figcaption></figure>`,
      `<table><tr><td>${i}</td></tr></table><button type="button">More</button><svg viewBox="0 0 1 1"><path d="M0 0h1"></path></svg></article></main>`,
      `<footer><section><div>Footer ${i}</div></section></footer>`);
  }
  return parts.join('');
}

/** An order form with `n` labelled inputs and a card-number field. */
function orderSheet(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push(`<tr><th><label for="f${i}">Item ${i} quantity</label></th><td><input id="f${i}" name="qty${i}" inputmode="numeric"></td></tr>`);
  }
  return `<h1>Order sheet</h1><form method="post" action="/order"><table>${rows.join('')}</table>
    <label>Card number <input name="cardnumber" autocomplete="cc-number"></label><button>Order</button></form>`;
}

/**
 * The bench pages as `{path: html}`, each starting with `extraHead` in its
 * head (the Chromium bench adds a long-task observer there).
 */
export function benchPages(extraHead = '') {
  const page = (body) => `<!doctype html><html lang="en" data-sagiguard-bench><head><meta charset="utf-8"><title>Bench</title>${extraHead}</head><body>${body}</body></html>`;
  return {
    '/bench-login.html': page(LOGIN_FORM),
    '/bench-larger.html': page(siteChrome() + LOGIN_FORM),
    '/bench-article.html': page('<h1>Notes</h1><p>An article with links and no form fields: <a href="/a">one</a>, <a href="/b">two</a>.</p>'),
    '/bench-5000.html': page(orderSheet(5000)),
  };
}

/** Puts every bench page on the test server `server`. */
export function serveBenchPages(server, extraHead) {
  for (const [path, html] of Object.entries(benchPages(extraHead))) server.routes.set(path, (req, res) => res.end(html));
}
