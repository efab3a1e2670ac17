// Copies extension/ into dist/chrome and dist/firefox with a manifest trimmed
// for each browser: Chromium gets the service worker and no Gecko keys; Firefox
// gets the module event page. The source manifest works in both as it is; the
// trimmed ones just load without "unrecognized key" noise.
//
// The background's modules are bundled into one background/main.js (esbuild,
// pinned in package.json; not minified, so what ships reads like the source):
// a worker that wakes for a message loads one script instead of a graph of
// twenty, which was about a third of our wake-to-first-verdict time.
import { buildSync } from 'esbuild';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('extension/manifest.json', 'utf8'));

function emit(name, edit) {
  const dir = `dist/${name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync('extension', dir, { recursive: true });
  bundleBackground(dir);
  const m = structuredClone(manifest);
  edit(m);
  writeFileSync(`${dir}/manifest.json`, JSON.stringify(m, null, 2) + '\n');
}

/** Replaces `dir`/background/ by one bundled main.js (the pages' own modules stay as they are). */
function bundleBackground(dir) {
  const out = `${dir}/background/main.js`;
  for (const entry of readdirSync(`${dir}/background`)) rmSync(`${dir}/background/${entry}`, { recursive: true });
  buildSync({
    entryPoints: ['extension/background/main.js'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: out,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// Navigation blocking: Chromium uses webNavigation + declarativeNetRequest,
// Firefox blocking webRequest (see background/navigation.js).
const without = (m, drop) => { m.permissions = m.permissions.filter((p) => !drop.includes(p)); };

emit('chrome', (m) => {
  delete m.background.scripts;
  without(m, ['webRequest', 'webRequestBlocking']);
  delete m.browser_specific_settings;
});
emit('firefox', (m) => {
  delete m.background.service_worker;
  without(m, ['webNavigation', 'declarativeNetRequestWithHostAccess']);
});
