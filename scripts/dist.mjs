// Copies extension/ into dist/chrome and dist/firefox with a manifest trimmed
// for each browser: Chromium gets the service worker and no Gecko keys; Firefox
// gets the module event page. The source manifest works in both as it is; the
// trimmed ones just load without "unrecognized key" noise.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('extension/manifest.json', 'utf8'));

function emit(name, edit) {
  const dir = `dist/${name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync('extension', dir, { recursive: true });
  const m = structuredClone(manifest);
  edit(m);
  writeFileSync(`${dir}/manifest.json`, JSON.stringify(m, null, 2) + '\n');
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
