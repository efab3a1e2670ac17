// Content-script cost of the form guard in Chromium, on a login page the
// engine warns about (bare IP host: the banner is drawn), the same page on an
// ordinary name (no warning), that form inside a page of 2,000 elements, a
// page without fields, and a page with 5,000
// inputs; then 200 fields are added to the big page to time the incremental
// pass. Each page load is traced (CDP), and the guard's main-thread time is
// what the trace shows of it:
//   - scripts: evaluating the content scripts (compiling and running their
//     top level; both worlds, hook.js included), the trace's EvaluateScript;
//   - slices: everything the guard runs after that (extraction slices, the
//     report it sends, the background's answer, observers, listeners, timers),
//     the `sagiguard:slice` performance measures it sets on pages marked
//     data-sagiguard-bench (SG.timed in extract.js).
// As a check that the slices cover the guard, "outside" is the time of calls
// into the content scripts' world (the trace's v8.callFunction: listeners,
// timers, observers) that no slice or script evaluation covers (compiling a
// function before its first line runs, say); it should stay near zero, and it
// counts in the total all the same. "on CPU" is the total in the main
// thread's CPU time, without the time it waited for a core (steadier on a
// shared machine; the trace gives each event's thread time). "most guard ms in one task" is the largest
// share of the guard's work in one main-thread task; "longest task" is the
// page's PerformanceObserver longtask, any cause (the big page's own parsing,
// which also runs the content scripts at document_start, is one).
//   node scripts/bench-content.mjs [rounds] [extension dir...]
// (after ./build.sh; default 5 rounds of dist/chrome). Given several builds
// (an A/B comparison), each gets its own browser and the rounds alternate
// between them, so a busy machine slows both alike.
import { resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { serveBenchPages } from './bench-pages.mjs';

const ROUNDS = Number(process.argv[2] ?? 5);
const BUILDS = process.argv.length > 3 ? process.argv.slice(3) : ['dist/chrome'];

// The page's long tasks, any cause, for the "longest task" column.
const LONGTASKS = `<script>
  window.longest = 0; window.longtasks = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.longtasks++; window.longest = Math.max(window.longest, e.duration); } })
    .observe({ type: 'longtask', buffered: true });
</script>`;

const server = await startServer();
serveBenchPages(server, LONGTASKS);
const browsers = [];
for (const dir of BUILDS) browsers.push(await launchChromium({ proxyPort: server.port, extension: resolve(dir) }));

const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'toplevel', 'v8'];
const isOurUrl = (u) => typeof u === 'string' && u.startsWith('chrome-extension://') && u.includes('/content/');

/** Sorted, non-overlapping union of [start, end] spans. */
function merge(spans) {
  const out = [];
  for (const [s, t] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], t);
    else out.push([s, t]);
  }
  return out;
}

/** How much of [s, t] the merged spans cover. */
function overlap(merged, s, t) {
  let n = 0;
  for (const [a, b] of merged) if (a < t && b > s) n += Math.min(b, t) - Math.max(a, s);
  return n;
}

/** The guard's figures in the trace between `from` and `to` (trace microseconds). */
function analyse(events, from = -Infinity, to = Infinity) {
  const evals = events.filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && isOurUrl(e.args?.data?.url));
  if (!evals.length) throw new Error('no content script evaluation in the trace');
  const thread = (e) => `${e.pid}:${e.tid}`;
  const main = thread(evals[0]);
  const on = events.filter((e) => thread(e) === main && e.ts >= from && e.ts < to);
  const spans = [];
  const scripts = on.filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && isOurUrl(e.args?.data?.url));
  for (const e of scripts) spans.push([e.ts, e.ts + e.dur]);
  const begins = new Map();
  const slices = [];
  for (const e of on.filter((x) => x.name === 'sagiguard:slice').sort((a, b) => a.ts - b.ts)) {
    const id = e.id2?.local ?? e.id;
    if (e.ph === 'b') begins.set(id, e.ts);
    else if (e.ph === 'e' && begins.has(id)) {
      slices.push([begins.get(id), e.ts]);
      begins.delete(id);
    }
  }
  spans.push(...slices);
  const merged = merge(spans);
  const calls = on.filter((e) => e.name === 'v8.callFunction' && e.ph === 'X' && e.args?.worldName === 'SagiGuard').map((e) => [e.ts, e.ts + e.dur]);
  let outside = 0;
  for (const [s, t] of calls) outside += t - s - overlap(merged, s, t);
  // The guard's time in each main-thread task: its slices, scripts and calls.
  const all = merge([...spans, ...calls]);
  let longestTask = 0;
  for (const t of on.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X')) {
    longestTask = Math.max(longestTask, overlap(all, t.ts, t.ts + t.dur));
  }
  // The same spans in the thread's CPU time, which leaves out the time the
  // thread waited for a core (two shared cores here): each span scaled by the
  // CPU share of the innermost traced event around it.
  const timed = on.filter((e) => e.ph === 'X' && e.tdur !== undefined && e.dur > 0);
  let cpu = 0;
  for (const [s, t] of all) {
    let inner = null;
    for (const e of timed) {
      if (e.ts <= s + 2 && e.ts + e.dur >= t - 2 && (!inner || e.dur < inner.dur)) inner = e;
    }
    cpu += (t - s) * (inner ? Math.min(1, inner.tdur / inner.dur) : 1);
  }
  const ms = (us) => us / 1000;
  const sum = (list) => list.reduce((a, [s, t]) => a + (t - s), 0);
  return {
    guardMs: ms(all.reduce((a, [s, t]) => a + (t - s), 0)),
    guardCpuMs: ms(cpu),
    scriptsMs: ms(scripts.reduce((a, e) => a + e.dur, 0)),
    slicesMs: ms(sum(slices)),
    slices: slices.length,
    longestSliceMs: ms(Math.max(0, ...slices.map(([s, t]) => t - s))),
    outsideMs: ms(outside),
    longestGuardTaskMs: ms(longestTask),
  };
}

async function measure(browser, url, grow) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.sagiguardGuard || !document.forms.length, null, { timeout: 60000 });
  const answerMs = Date.now() - t0;
  await page.waitForTimeout(500);
  const read = () => page.evaluate(() => ({
    longestTaskMs: window.longest,
    fields: Number(document.documentElement.dataset.sagiguardFields ?? 0),
  }));
  const first = await read();
  let after = null;
  if (grow) {
    await page.evaluate(() => performance.mark('bench:grow'));
    await page.evaluate((n) => {
      const form = document.forms[0];
      for (let i = 0; i < n; i++) {
        const label = document.createElement('label');
        label.append(`Extra ${i} `, Object.assign(document.createElement('input'), { name: `extra${i}` }));
        form.append(label);
      }
    }, grow);
    await page.waitForFunction((n) => Number(document.documentElement.dataset.sagiguardFields) === n, first.fields + grow, { timeout: 60000 });
    await page.waitForTimeout(300);
    after = await read();
  }
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  const growAt = events.find((e) => e.name === 'bench:grow')?.ts ?? Infinity;
  Object.assign(first, analyse(events, -Infinity, growAt), { answerMs });
  if (after) Object.assign(after, analyse(events, growAt), { answerMs: '' });
  return { first, after };
}

// BENCH_PAGES=warned,quiet (say) runs only those.
const PAGES = [
  ['warned', 'login page, warned (IP host, banner)', 'http://192.0.2.10/bench-login.html'],
  ['quiet', 'login page, no warning', 'http://shop.example.com/bench-login.html'],
  ['larger', 'login page in 2,000 elements, no warning', 'http://shop.example.com/bench-larger.html'],
  ['nofields', 'page without fields', 'http://shop.example.com/bench-article.html'],
  ['big', '5,000 inputs', 'http://192.0.2.10/bench-5000.html', 200],
].filter(([key]) => !process.env.BENCH_PAGES || process.env.BENCH_PAGES.split(',').includes(key)).map(([, ...page]) => page);
const rows = BUILDS.map(() => new Map());
const push = (b, name, m) => { if (!rows[b].has(name)) rows[b].set(name, []); rows[b].get(name).push(m); };
for (let round = 0; round < ROUNDS; round++) {
  for (let b = 0; b < BUILDS.length; b++) {
    for (const [name, url, grow] of PAGES) {
      const { first, after } = await measure(browsers[b], url, grow);
      push(b, name, first);
      if (after) push(b, `+${grow} inputs`, after);
    }
  }
}

const f1 = (x) => (typeof x === 'number' ? x.toFixed(1) : String(x));
const f2 = (x) => (typeof x === 'number' ? x.toFixed(2) : String(x));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const line = (name, m) => `| ${name} | ${m.fields} | ${f2(m.guardMs)} | ${f2(m.guardCpuMs)} | ${f2(m.scriptsMs)} | ${f2(m.slicesMs)} | ${m.slices} | ${f1(m.longestSliceMs)} | ${f2(m.outsideMs)} | ${f1(m.longestGuardTaskMs)} | ${f1(m.longestTaskMs)} | ${m.answerMs} |`;
const header = '| page | fields | guard main-thread ms | of it on CPU ms | scripts ms | slices ms | slices | longest slice ms | outside ms | most guard ms in one task | longest task ms (page, any cause) | answer after ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|';
for (let b = 0; b < BUILDS.length; b++) {
  console.log(`\n${BUILDS[b]}, every run (${ROUNDS} rounds):`);
  console.log(header);
  for (const [name, ms] of rows[b]) for (const m of ms) console.log(line(name, m));
}
for (let b = 0; b < BUILDS.length; b++) {
  console.log(`\n${BUILDS[b]}, medians of ${ROUNDS}:`);
  console.log(header);
  for (const [name, ms] of rows[b]) {
    const med = {};
    for (const k of Object.keys(ms[0])) med[k] = typeof ms[0][k] === 'number' ? median(ms.map((m) => m[k])) : ms[0][k];
    console.log(line(name, med)); // each column's own median
  }
}
for (const browser of browsers) await browser.context.close();
await server.close();
