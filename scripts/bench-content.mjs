// Content-script cost of the form guard in Chromium: on a typical login page
// and on a page with 5,000 inputs, the main-thread time of the guard's work
// slices (performance measures it sets on pages marked data-sagiguard-bench),
// its longest slice, the page's longest task (PerformanceObserver longtask),
// and the time until the guard had the background's answer. Then 200 fields
// are added to the big page to time the incremental pass.
//   node scripts/bench-content.mjs   (after ./build.sh)
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';

const HEAD = `<!doctype html><html lang="en" data-sagiguard-bench><head><meta charset="utf-8"><title>Bench</title>
<script>
  window.longest = 0; window.longtasks = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.longtasks++; window.longest = Math.max(window.longest, e.duration); } })
    .observe({ type: 'longtask', buffered: true });
</script></head><body>`;

function loginPage() {
  return `${HEAD}<h1>Sign in</h1><form method="post" action="/session">
    <label>Email <input name="email" type="email" autocomplete="username"></label>
    <label>Password <input name="password" type="password" autocomplete="current-password"></label>
    <button>Sign in</button></form></body></html>`;
}

function bigPage(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    rows.push(`<tr><th><label for="f${i}">Item ${i} quantity</label></th><td><input id="f${i}" name="qty${i}" inputmode="numeric"></td></tr>`);
  }
  return `${HEAD}<h1>Order sheet</h1><form method="post" action="/order"><table>${rows.join('')}</table>
    <label>Card number <input name="cardnumber" autocomplete="cc-number"></label><button>Order</button></form></body></html>`;
}

const server = await startServer();
server.routes.set('/bench-login.html', (req, res) => res.end(loginPage()));
server.routes.set('/bench-5000.html', (req, res) => res.end(bigPage(5000)));
const browser = await launchChromium({ proxyPort: server.port });

async function measure(url, grow) {
  const page = await browser.context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.sagiguardGuard, null, { timeout: 60000 });
  const answerMs = Date.now() - t0;
  await page.waitForTimeout(500);
  const read = () => page.evaluate(() => {
    const slices = performance.getEntriesByName('sagiguard:slice');
    return {
      slices: slices.length,
      totalMs: slices.reduce((s, e) => s + e.duration, 0),
      longestSliceMs: Math.max(0, ...slices.map((e) => e.duration)),
      longestTaskMs: window.longest,
      longTasks: window.longtasks,
      fields: Number(document.documentElement.dataset.sagiguardFields),
    };
  });
  const first = await read();
  let after = null;
  if (grow) {
    await page.evaluate(() => performance.clearMeasures('sagiguard:slice'));
    await page.evaluate((n) => {
      const form = document.forms[0];
      for (let i = 0; i < n; i++) {
        const label = document.createElement('label');
        label.append(`Extra ${i} `, Object.assign(document.createElement('input'), { name: `extra${i}` }));
        form.append(label);
      }
    }, grow);
    await page.waitForFunction((n) => Number(document.documentElement.dataset.sagiguardFields) === n, first.fields + grow, { timeout: 60000 });
    after = await read();
  }
  await page.close();
  return { answerMs, first, after };
}

const fmt = (x) => (typeof x === 'number' ? x.toFixed(1) : String(x));
const rows = [];
for (let run = 0; run < 3; run++) {
  const login = await measure('http://192.0.2.10/bench-login.html');
  const big = await measure('http://192.0.2.10/bench-5000.html', 200);
  rows.push(['login page', login.first, login.answerMs], ['5,000 inputs', big.first, big.answerMs], ['+200 inputs', big.after, '']);
}
console.log('| page | fields | guard main-thread ms | slices | longest slice ms | longest task ms (page, any cause) | answer after ms |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, m, answer] of rows) {
  console.log(`| ${name} | ${m.fields} | ${fmt(m.totalMs)} | ${m.slices} | ${fmt(m.longestSliceMs)} | ${fmt(m.longestTaskMs)} | ${answer} |`);
}
await browser.context.close();
await server.close();
