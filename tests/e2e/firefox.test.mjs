// End-to-end in headless Firefox ESR with the built extension as a temporary add-on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefox } from './lib/firefox.mjs';
import { startServer } from './lib/server.mjs';
import { BENIGN_LOGIN, BRAND_CLAIM_LOGIN, HOSTED_LOGIN, SUSPICIOUS_LOGIN, SUSPICIOUS_STRICT_CSP } from './lib/urls.mjs';

const ART = 'artifacts';
let server;
let ff;

before(async () => {
  server = await startServer();
  ff = await launchFirefox({ proxyPort: server.port });
});
after(async () => {
  await ff?.quit();
  await server?.close();
});

const checked = 'return document.documentElement.dataset.sagiguard || null';
const bannerShown = 'return !!document.querySelector("sagiguard-banner")';

describe('firefox: foundation', () => {
  test('a suspicious login page gets the banner', async () => {
    await ff.go(SUSPICIOUS_LOGIN);
    assert.equal(await ff.waitFor(checked), 'caution');
    await ff.waitFor(bannerShown);
    await ff.screenshot(`${ART}/firefox-banner.png`);
  });

  test('a benign login page gets no banner', async () => {
    await ff.go(BENIGN_LOGIN);
    assert.equal(await ff.waitFor(checked), 'unknown');
    assert.equal(await ff.exec(bannerShown), false);
  });

  test('a login page that claims a brand it is not gets the banner', async () => {
    await ff.go(BRAND_CLAIM_LOGIN);
    assert.equal(await ff.waitFor(checked), 'caution');
    await ff.waitFor(bannerShown);
  });

  test('a login page on a free hosting platform gets the banner', async () => {
    await ff.go(HOSTED_LOGIN);
    assert.equal(await ff.waitFor(checked), 'caution');
    await ff.waitFor(bannerShown);
  });

  test('a page with a strict CSP still gets the banner', async () => {
    await ff.go(SUSPICIOUS_STRICT_CSP);
    await ff.waitFor(bannerShown);
  });

  test('the popup shows the verdict and its reasons', async () => {
    await ff.go(ff.url(`popup/popup.html?url=${encodeURIComponent(SUSPICIOUS_LOGIN)}`));
    await ff.waitFor('return document.body.dataset.done === "1"');
    const level = await ff.exec('return document.getElementById("level").className');
    assert.match(level, /level-caution/);
    const codes = await ff.exec('return [...document.querySelectorAll("#reasons li")].map((li) => li.dataset.code)');
    assert.ok(codes.includes('ip-host'), `reasons: ${codes}`);
    await ff.screenshot(`${ART}/firefox-popup.png`);
  });
});
