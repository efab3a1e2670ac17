// Threat-list figures for `./build.sh bench` (called by bench-lists.part.sh):
// for each list size, the wasm engine compiling a domain feed, the size of
// its stored form, loading that form and checking URLs (in node and in
// Chromium's extension page), and side by side on the same list and the same
// URLs, the npm eth-phishing-detect package's detector (a linear scan).
// Usage: node scripts/bench-lists.mjs [ENTRIES...]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Engine, initSync } from '../extension/pkg/sagiguard.js';
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';

const require = createRequire(import.meta.url);
const PhishingDetector = require('eth-phishing-detect/src/detector');
const checkDomainShipped = require('eth-phishing-detect');

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (!sizes.length) sizes.push(100_000, 1_000_000);

/** A small deterministic PRNG (xorshift32), so every run uses the same lists. */
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
}

const TLDS = ['com', 'net', 'org', 'xyz', 'top', 'info', 'jp', 'co.jp', 'shop', 'online'];
function domains(n, seed) {
  const next = rng(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    let label = '';
    const len = 6 + (next() % 8);
    for (let j = 0; j < len; j++) label += 'abcdefghijklmnopqrstuvwxyz0123456789'[next() % 36];
    out.push(`${label}-${i.toString(36)}.${TLDS[next() % TLDS.length]}`);
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Per-call µs of `fn` over `items`, timed in batches (browser clocks are coarse). */
function perCall(fn, items, batch = 100) {
  for (const it of items.slice(0, 1000)) fn(it);
  const per = [];
  for (let i = 0; i + batch <= items.length; i += batch) {
    const t = performance.now();
    for (let j = i; j < i + batch; j++) fn(items[j]);
    per.push(((performance.now() - t) * 1000) / batch);
  }
  return median(per);
}

initSync({ module: readFileSync(new URL('../extension/pkg/sagiguard_bg.wasm', import.meta.url)) });

const server = await startServer();
const browser = await launchChromium({ proxyPort: server.port });
const page = await browser.context.newPage();
await page.goto(browser.url('popup/popup.html?url=https%3A%2F%2Fexample.com%2F'));
await page.waitForSelector('body[data-done="1"]');

console.log('where\tentries\tbuild_ms\tbytes\tbytes_per_entry\tload_ms\tcheck_url_us(no list)\tcheck_url_us(with list)\tlisted_found\tclean_flagged');
try {
  for (const n of sizes) {
    const listed = domains(n, n);
    const feed = listed.join('\n');
    const step = Math.max(1, Math.floor(n / 5000));
    const probesListed = listed.filter((_, i) => i % step === 0).map((d) => `https://${d}/login?id=1`);
    const probesClean = domains(5000, 0xc1ea + n).map((d) => `https://www.${d}/a/b?q=1`);
    const probes = [...probesListed, ...probesClean];

    // wasm in node
    const e = new Engine();
    let t = performance.now();
    const compiled = e.compileFeed(feed, 'block', 'bench');
    const buildMs = performance.now() - t;
    if (compiled.error) throw new Error(compiled.error);
    const bare = perCall((u) => e.checkUrl(u, 'en'), probes);
    const loads = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      e.loadList('bench', 'block', compiled.bytes);
      loads.push(performance.now() - t);
    }
    const withList = perCall((u) => e.checkUrl(u, 'en'), probes);
    const found = probesListed.filter((u) => e.checkUrl(u, 'en').level === 'danger').length;
    const flagged = probesClean.filter((u) => e.checkUrl(u, 'en').reasons.some((r) => r.code === 'threat-list')).length;
    console.log(`wasm node\t${n}\t${buildMs.toFixed(0)}\t${compiled.bytes.length}\t${(compiled.bytes.length / n).toFixed(3)}\t${median(loads).toFixed(2)}\t${bare.toFixed(2)}\t${withList.toFixed(2)}\t${found}/${probesListed.length}\t${flagged}/${probesClean.length}`);

    // wasm in Chromium's extension page
    const r = await page.evaluate(async ({ feedText, probeUrls, listedCount }) => {
      const { default: init, Engine: E } = await import('../pkg/sagiguard.js');
      await init({ module_or_path: '../pkg/sagiguard_bg.wasm' });
      const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      const per = (fn, items) => {
        for (const it of items.slice(0, 1000)) fn(it);
        const out = [];
        for (let i = 0; i + 100 <= items.length; i += 100) {
          const s = performance.now();
          for (let j = i; j < i + 100; j++) fn(items[j]);
          out.push(((performance.now() - s) * 1000) / 100);
        }
        return med(out);
      };
      const eng = new E();
      let s = performance.now();
      const c = eng.compileFeed(feedText, 'block', 'bench');
      const build = performance.now() - s;
      const noList = per((u) => eng.checkUrl(u, 'en'), probeUrls);
      // The navigation check (levelOf) on unlisted URLs: the list's own cost, without the hits' longer verdicts.
      const clean = probeUrls.slice(listedCount);
      const levelNoList = per((u) => eng.levelOf(u), clean);
      const loadTimes = [];
      for (let i = 0; i < 5; i++) {
        s = performance.now();
        eng.loadList('bench', 'block', c.bytes);
        loadTimes.push(performance.now() - s);
      }
      const withL = per((u) => eng.checkUrl(u, 'en'), probeUrls);
      const levelWithList = per((u) => eng.levelOf(u), clean);
      const hits = probeUrls.slice(0, listedCount).filter((u) => eng.checkUrl(u, 'en').level === 'danger').length;
      return { build, bytes: c.bytes.length, load: med(loadTimes), noList, withL, hits, levelNoList, levelWithList };
    }, { feedText: feed, probeUrls: probes, listedCount: probesListed.length });
    console.log(`wasm chromium\t${n}\t${r.build.toFixed(0)}\t${r.bytes}\t${(r.bytes / n).toFixed(3)}\t${r.load.toFixed(2)}\t${r.noList.toFixed(2)}\t${r.withL.toFixed(2)}\t${r.hits}/${probesListed.length}\t-`);
    console.log(`  levelOf on unlisted URLs, wasm chromium\t${n}\tno list ${r.levelNoList.toFixed(2)} us\twith list ${r.levelWithList.toFixed(2)} us\tbudget 5 us`);

    // eth-phishing-detect on the same list and the same hosts (it is linear: fewer probes)
    t = performance.now();
    const detector = new PhishingDetector({ blacklist: listed, whitelist: [], fuzzylist: [], tolerance: 0 });
    const ethBuild = performance.now() - t;
    const sample = Math.max(20, Math.floor(2_000_000 / n));
    const hostsListed = probesListed.slice(0, sample).map((u) => new URL(u).hostname);
    const hostsClean = probesClean.slice(0, sample).map((u) => new URL(u).hostname);
    const ethPer = perCall((h) => detector.check(h), [...hostsListed, ...hostsClean], 10);
    const ethFound = hostsListed.filter((h) => detector.check(h).result).length;
    const ethFlagged = hostsClean.filter((h) => detector.check(h).result).length;
    console.log(`eth-phishing-detect node\t${n}\t${ethBuild.toFixed(0)}\t-\t-\t-\t-\t${ethPer.toFixed(2)}\t${ethFound}/${hostsListed.length}\t${ethFlagged}/${hostsClean.length}`);
  }
  // The package as shipped (its own config.json), for reference.
  const shippedHosts = domains(2000, 7).map((d) => `www.${d}`);
  const shippedPer = perCall((h) => checkDomainShipped(h), shippedHosts, 10);
  console.log(`eth-phishing-detect checkDomain (shipped config)\t-\t-\t-\t-\t-\t-\t${shippedPer.toFixed(2)}\t-\t-`);
} finally {
  await browser.context.close();
  await server.close();
}
