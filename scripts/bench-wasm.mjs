// wasm cost of one URL check: in node, and in Chromium inside the extension's
// own page (the same place the popup runs). Prints median and p99 per call.
// Usage: node scripts/bench-wasm.mjs URLFILE
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, initSync } from '../extension/pkg/sagiguard.js';
import { CHROME_EXT, launchChromium, stopServiceWorkers } from '../tests/e2e/lib/chromium.mjs';
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

  const ours = await wakes(browser.context, page);
  console.log(`background wake -> first verdict (chromium)\truns=9\tmedian_ms=${ours.median.toFixed(1)}\tmax_ms=${ours.max.toFixed(1)}\tbudget_ms=20`);
  console.log(`  inside the worker, ms since it started (medians)\t${ours.milestones}`);
} finally {
  await browser.context.close();
  await server.close();
}

// The peer for the wake figure: the same extension with a worker that only
// answers the message, so what Chromium itself takes to start a worker on
// this machine sits beside ours.
const floorExt = mkdtempSync(join(tmpdir(), 'sagiguard-floor-ext-'));
cpSync(CHROME_EXT, floorExt, { recursive: true });
writeFileSync(join(floorExt, 'background/main.js'), 'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ level: "unknown" }); });\n');
// (The test server is closed by now; this worker is only woken by a message, so nothing goes through the proxy.)
const floor = await launchChromium({ proxyPort: server.port, extension: floorExt });
try {
  const page = await floor.context.newPage();
  await page.goto(floor.url('options/options.html'));
  const bare = await wakes(floor.context, page);
  console.log(`  peer: a worker that only answers (Chromium's own start)\truns=9\tmedian_ms=${bare.median.toFixed(1)}\tmax_ms=${bare.max.toFixed(1)}`);
} finally {
  await floor.context.close();
  rmSync(floorExt, { recursive: true, force: true });
  rmSync(floor.userDataDir, { recursive: true, force: true });
}

/**
 * Background wake -> first verdict: stop the worker, then time one check from
 * an extension page; 9 runs. Where the worker records its milestones
 * (background/wake.js), their medians come back too, in ms since the worker
 * started: script running, script evaluated, engine instantiated, lists
 * loaded, first verdict.
 */
async function wakes(context, page) {
  const ms = [];
  const phases = {};
  for (let i = 0; i < 9; i++) {
    await stopServiceWorkers(context, page);
    await page.waitForTimeout(200);
    ms.push(await page.evaluate(async () => {
      const t = performance.now();
      await globalThis.chrome.runtime.sendMessage({ type: 'check-url', url: 'https://example.com/' });
      return performance.now() - t;
    }));
    const worker = context.serviceWorkers().at(-1);
    const wake = await worker?.evaluate(() => globalThis.__sagiguard?.wake).catch(() => null);
    for (const [name, at] of Object.entries(wake ?? {})) (phases[name] ??= []).push(at);
  }
  const median = (list) => list.sort((a, b) => a - b)[list.length >> 1];
  ms.sort((a, b) => a - b);
  const milestones = Object.entries(phases).map(([name, list]) => `${name}=${median(list).toFixed(1)}`).join(' ');
  return { median: ms[4], max: ms[8], milestones };
}
