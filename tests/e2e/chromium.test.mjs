// End-to-end in headless Chromium with the built extension loaded.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium, serviceWorker, stopServiceWorkers } from './lib/chromium.mjs';
import { startServer } from './lib/server.mjs';
import { BENIGN_LOGIN, BRAND_CLAIM_LOGIN, HOSTED_LOGIN, SUSPICIOUS_LOGIN, SUSPICIOUS_STRICT_CSP } from './lib/urls.mjs';

const ART = 'artifacts';
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchChromium({ proxyPort: server.port });
});
after(async () => {
  await browser?.context.close();
  await server?.close();
});

/** Opens `url` and waits until the content script has the page's verdict. */
async function openChecked(url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.sagiguard);
  return page;
}

describe('chromium: foundation', () => {
  test('the engine answers in the service worker', async () => {
    const v = await browser.worker.evaluate(async (url) => {
      await globalThis.__sagiguard.ready;
      return globalThis.__sagiguard.verdictFor(url);
    }, SUSPICIOUS_LOGIN);
    assert.equal(v.level, 'caution');
    assert.ok(v.reasons.some((r) => r.code === 'ip-host'));
  });

  test('a suspicious login page gets the banner', async () => {
    const page = await openChecked(SUSPICIOUS_LOGIN);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.sagiguard), 'caution');
    await page.locator('sagiguard-banner').waitFor({ state: 'visible' });
    await page.screenshot({ path: `${ART}/chromium-banner.png` });
    await page.close();
  });

  test('a benign login page gets no banner', async () => {
    const page = await openChecked(BENIGN_LOGIN);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.sagiguard), 'unknown');
    assert.equal(await page.locator('sagiguard-banner').count(), 0);
    await page.close();
  });

  test('a login page that claims a brand it is not gets the banner', async () => {
    const page = await openChecked(BRAND_CLAIM_LOGIN);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.sagiguard), 'caution');
    await page.locator('sagiguard-banner').waitFor({ state: 'visible' });
    await page.close();
  });

  test('a login page on a free hosting platform gets the banner', async () => {
    const page = await openChecked(HOSTED_LOGIN);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.sagiguard), 'caution');
    await page.locator('sagiguard-banner').waitFor({ state: 'visible' });
    await page.close();
  });

  test('a page with a strict CSP still gets the banner', async () => {
    const page = await openChecked(SUSPICIOUS_STRICT_CSP);
    await page.locator('sagiguard-banner').waitFor({ state: 'visible' });
    await page.close();
  });

  test('the popup shows the verdict and its reasons', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.url(`popup/popup.html?url=${encodeURIComponent(SUSPICIOUS_LOGIN)}`));
    await page.waitForSelector('body[data-done="1"]');
    assert.match(await page.getAttribute('#level', 'class'), /level-caution/);
    const codes = await page.$$eval('#reasons li', (lis) => lis.map((li) => li.dataset.code));
    assert.ok(codes.includes('ip-host'), `reasons: ${codes}`);
    const text = await page.textContent('#reasons');
    assert.match(text, /IP/);
    await page.setViewportSize({ width: 360, height: 420 });
    await page.screenshot({ path: `${ART}/chromium-popup.png` });
    await page.close();
  });

  test('a stopped service worker restarts and still answers', async () => {
    const page = await browser.context.newPage();
    await page.goto(BENIGN_LOGIN);
    await stopServiceWorkers(browser.context, page);
    await page.close();
    const again = await openChecked(SUSPICIOUS_LOGIN);
    await again.locator('sagiguard-banner').waitFor({ state: 'visible' });
    browser.worker = await serviceWorker(browser.context);
    // The restarted worker recorded its start's milestones, in order (the wake bench reads them).
    const wake = await browser.worker.evaluate(() => globalThis.__sagiguard.wake);
    const order = ['script', 'evaluated', 'engine', 'lists', 'verdict'];
    assert.deepEqual(Object.keys(wake).sort(), [...order].sort(), JSON.stringify(wake));
    for (let i = 1; i < order.length; i++) assert.ok(wake[order[i - 1]] <= wake[order[i]], JSON.stringify(wake));
    await again.close();
  });
});
