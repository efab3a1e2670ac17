// Starts Debian's Chromium headless with the built extension (dist/chrome)
// through Playwright, with the local test server as its proxy.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROME_EXT = resolve('dist/chrome');

/**
 * Launches Chromium. Pass `userDataDir` to reopen an earlier profile (a
 * browser restart), `extension` to load another build than dist/chrome (the
 * bench's do-nothing worker). Returns `{context, worker, extId, userDataDir, url(path)}`.
 */
export async function launchChromium({ proxyPort, userDataDir, locale = 'en-US', extension = CHROME_EXT }) {
  userDataDir ??= mkdtempSync(join(tmpdir(), 'sagiguard-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/lib/chromium/chromium',
    headless: true,
    locale,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      `--lang=${locale}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const worker = await serviceWorker(context);
  const extId = new URL(worker.url()).host;
  return { context, worker, extId, userDataDir, url: (path) => `chrome-extension://${extId}/${path}` };
}

/** The extension's service worker, waiting for it if it is (re)starting. */
export async function serviceWorker(context) {
  const [worker] = context.serviceWorkers();
  return worker ?? context.waitForEvent('serviceworker');
}

/** Stops every service worker (as Chromium does when one is idle), via CDP. */
export async function stopServiceWorkers(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
