// The content bench's pages in Firefox ESR (geckodriver): the guard's slices
// (the `sagiguard:slice` performance measures it sets on pages marked
// data-sagiguard-bench, see scripts/bench-content.mjs) per page load. Firefox
// gives no trace here, so the content scripts' own evaluation is not counted,
// and its timer has 1 ms steps: compare medians over several rounds.
//   node scripts/bench-content-firefox.mjs [rounds] [extension dir...]
// (after ./build.sh; default 5 rounds of dist/firefox). Several builds are
// installed in turn as the same temporary add-on, alternating every round.
import { resolve } from 'node:path';
import { launchFirefox } from '../tests/e2e/lib/firefox.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { serveBenchPages } from './bench-pages.mjs';

const ROUNDS = Number(process.argv[2] ?? 5);
const BUILDS = process.argv.length > 3 ? process.argv.slice(3) : ['dist/firefox'];

const server = await startServer();
serveBenchPages(server);
const PAGES = [
  ['login page, warned (IP host, banner)', 'http://192.0.2.10/bench-login.html'],
  ['login page, no warning', 'http://shop.example.com/bench-login.html'],
  ['page without fields', 'http://shop.example.com/bench-article.html'],
  ['5,000 inputs', 'http://192.0.2.10/bench-5000.html'],
];

const ff = await launchFirefox({ proxyPort: server.port });
const runs = BUILDS.map(() => new Map());
let n = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (let b = 0; b < BUILDS.length; b++) {
    await ff.cmd('POST', '/moz/addon/install', { path: resolve(BUILDS[b]), temporary: true });
    for (const [name, url] of PAGES) {
      await ff.go(`${url}?n=${n++}`);
      await ff.waitFor(`return document.documentElement.dataset.sagiguardGuard
        || (!document.forms.length && performance.getEntriesByName('sagiguard:slice').length > 0) || null`, 60000);
      await new Promise((r) => setTimeout(r, 500));
      const m = await ff.exec(`const s = performance.getEntriesByName('sagiguard:slice');
        return { slices: s.length, totalMs: s.reduce((a, e) => a + e.duration, 0), longestSliceMs: Math.max(0, ...s.map((e) => e.duration)) };`);
      if (!runs[b].has(name)) runs[b].set(name, []);
      runs[b].get(name).push(m);
    }
  }
}
const median = (xs) => { const s = [...xs].sort((a, c) => a - c); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (let b = 0; b < BUILDS.length; b++) {
  console.log(`\n${BUILDS[b]}, medians of ${ROUNDS} (Firefox):`);
  console.log('| page | slices | slices ms | longest slice ms | every run, slices ms |\n|---|---|---|---|---|');
  for (const [name, ms] of runs[b]) {
    console.log(`| ${name} | ${median(ms.map((m) => m.slices))} | ${median(ms.map((m) => m.totalMs)).toFixed(1)} | ${median(ms.map((m) => m.longestSliceMs)).toFixed(1)} | ${ms.map((m) => m.totalMs.toFixed(0)).join(', ')} |`);
  }
}
await ff.quit();
await server.close();
