// wasm cost of one URL check: in node, and in Chromium inside the extension's
// own page (the same place the popup runs). Prints median and p99 per call.
// Usage: node scripts/bench-wasm.mjs URLFILE
import { readFileSync } from 'node:fs';
import { Engine, initSync } from '../extension/pkg/sagiguard.js';
import { launchChromium } from '../tests/e2e/lib/chromium.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';

const urls = readFileSync(process.argv[2] ?? 'target/bench-urls.txt', 'utf8').split('\n').filter(Boolean);

/** Times `check(url)` for every URL; returns median and p99 in µs. */
function timeAll(check, list) {
  for (const u of list.slice(0, 5000)) check(u);
  const us = list.map((u) => { const t = performance.now(); check(u); return (performance.now() - t) * 1000; });
  us.sort((a, b) => a - b);
  return { median: us[us.length >> 1], p99: us[Math.floor(us.length * 0.99)] };
}

const t0 = performance.now();
initSync({ module: readFileSync(new URL('../extension/pkg/sagiguard_bg.wasm', import.meta.url)) });
const init = performance.now() - t0;
const engine = new Engine();
const node = timeAll((u) => engine.checkUrl(u, 'en'), urls);
console.log(`wasm node check_url\turls=${urls.length}\tmedian_us=${node.median.toFixed(2)}\tp99_us=${node.p99.toFixed(2)}\tinit_ms=${init.toFixed(1)}`);

// performance.now() is coarsened in browsers (5-100 µs), so time batches of 100.
const server = await startServer();
const browser = await launchChromium({ proxyPort: server.port });
try {
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup/popup.html?url=https%3A%2F%2Fexample.com%2F'));
  await page.waitForSelector('body[data-done="1"]');
  const r = await page.evaluate(async (list) => {
    const { default: init, Engine } = await import('../pkg/sagiguard.js');
    const t = performance.now();
    await init({ module_or_path: '../pkg/sagiguard_bg.wasm' });
    const initMs = performance.now() - t;
    const e = new Engine();
    const time = (check) => {
      for (const u of list.slice(0, 5000)) check(u);
      const per = [];
      for (let i = 0; i + 100 <= list.length; i += 100) {
        const s = performance.now();
        for (let j = i; j < i + 100; j++) check(list[j]);
        per.push(((performance.now() - s) * 1000) / 100);
      }
      per.sort((a, b) => a - b);
      return { median: per[per.length >> 1], p99: per[Math.floor(per.length * 0.99)] };
    };
    const full = time((u) => e.checkUrl(u, 'en'));
    const level = time((u) => e.levelOf(u));
    return { ...full, level, initMs };
  }, urls);
  console.log(`wasm chromium checkUrl (verdict with sentences)\turls=${urls.length}\tmedian_us=${r.median.toFixed(2)}\tp99_us(batch of 100)=${r.p99.toFixed(2)}\tinit_ms=${r.initMs.toFixed(1)}`);
  console.log(`wasm chromium levelOf (navigation check)\turls=${urls.length}\tmedian_us=${r.level.median.toFixed(2)}\tp99_us(batch of 100)=${r.level.p99.toFixed(2)}\tbudget_median_us=5`);

  // Background wake -> first verdict: stop the worker, then time a check.
  const { stopServiceWorkers } = await import('../tests/e2e/lib/chromium.mjs');
  const wakes = [];
  for (let i = 0; i < 5; i++) {
    await stopServiceWorkers(browser.context, page);
    wakes.push(await page.evaluate(async () => {
      const api = globalThis.chrome;
      const t = performance.now();
      await api.runtime.sendMessage({ type: 'check-url', url: 'https://example.com/' });
      return performance.now() - t;
    }));
  }
  wakes.sort((a, b) => a - b);
  console.log(`background wake -> first verdict (chromium)\truns=5\tmedian_ms=${wakes[2].toFixed(1)}\tmax_ms=${wakes[4].toFixed(1)}\tbudget_ms=20`);
} finally {
  await browser.context.close();
  await server.close();
}
