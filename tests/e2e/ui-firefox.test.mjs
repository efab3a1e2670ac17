// The surfaces people touch, end to end in headless Firefox ESR (WebDriver):
// popup, link check, recovery guide (kinds, picker, checklist), trust/block,
// language switch, and an axe-core scan in light and dark colour schemes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefox } from './lib/firefox.mjs';
import { startServer } from './lib/server.mjs';
import { axeWebDriver } from './lib/ui.mjs';
import { BENIGN_LOGIN, SUSPICIOUS_LOGIN } from './lib/urls.mjs';

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

const done = 'return document.body.dataset.done === "1"';

/** Opens an extension page in the current tab and waits until it has drawn itself. */
async function open(path) {
  await ff.go(ff.url(path));
  await ff.waitFor(done);
}

const popupFor = (url) => open(`popup/popup.html?url=${encodeURIComponent(url)}`);
const text = (selector) => ff.exec('return document.querySelector(arguments[0])?.textContent ?? null', selector);
const attr = (selector, name) => ff.exec('return document.querySelector(arguments[0])?.getAttribute(arguments[1]) ?? null', selector, name);
const click = (selector) => ff.exec('document.querySelector(arguments[0]).click(); return true', selector);
/** Sends a runtime message from the extension page, as the pages do. */
const message = (msg) => ff.exec('return browser.runtime.sendMessage(arguments[0])', msg);

async function windowSize(width, height) {
  await ff.cmd('POST', '/window/rect', { width, height });
}

/** Sets a Firefox preference through the privileged context (geckodriver runs with --allow-system-access). */
async function setPref(name, value) {
  await ff.cmd('POST', '/moz/context', { context: 'chrome' });
  try {
    await ff.exec('Services.prefs.setIntPref(arguments[0], arguments[1]); return true', name, value);
  } finally {
    await ff.cmd('POST', '/moz/context', { context: 'content' });
  }
}

async function setLang(lang) {
  await open('options/options.html');
  await click(`#lang-${lang}`);
  await ff.waitFor('return document.body.dataset.lang === arguments[0]', 15000, lang === 'auto' ? 'en' : lang);
}

describe('firefox: popup and guide', () => {
  test('popup on a suspicious page', async () => {
    await windowSize(420, 760);
    await popupFor(SUSPICIOUS_LOGIN);
    assert.match(await attr('#level', 'class'), /level-caution/);
    assert.equal(await text('#level .level-name'), 'Suspicious');
    const codes = await ff.exec('return [...document.querySelectorAll("#reasons li")].map((li) => li.dataset.code)');
    assert.ok(codes.includes('ip-host'), `reasons: ${codes}`);
    assert.equal(await text('#host .site'), '192.0.2.10');
    assert.equal(await ff.exec('return document.getElementById("site-actions").hidden'), false);
    assert.equal(await text('#trust'), 'Trust 192.0.2.10');
    await ff.screenshot(`${ART}/firefox-popup.png`);
  });

  test('popup on a benign page', async () => {
    await popupFor(BENIGN_LOGIN);
    assert.match(await attr('#level', 'class'), /level-unknown/);
    assert.equal(await text('#host .site'), 'example.com');
  });

  test('a pasted link is checked', async () => {
    await popupFor(BENIGN_LOGIN);
    await ff.exec('document.getElementById("check-url").value = arguments[0]; document.getElementById("check-form").requestSubmit(); return true', 'http://192.0.2.44/verify/login');
    await ff.waitFor('return document.getElementById("check-result").dataset.done === "1"');
    assert.match(await attr('#check-level', 'class'), /level-caution/);
    assert.equal(await ff.exec('return document.querySelector("#check-host .checked")'), null);
    // Text around the link, as copied out of a Japanese text message.
    await ff.exec('document.getElementById("check-result").dataset.done = "0"; document.getElementById("check-url").value = arguments[0]; document.getElementById("check-form").requestSubmit(); return true', 'お荷物をお届けできませんでした。こちらでご確認ください「http://192.0.2.45/track」');
    await ff.waitFor('return document.getElementById("check-result").dataset.done === "1"');
    assert.match(await attr('#check-level', 'class'), /level-caution/);
    assert.match(await text('#check-host .checked'), /http:\/\/192\.0\.2\.45\/track$/);
  });

  test('kinds open exactly their situations', async () => {
    await windowSize(1000, 900);
    await open('guide/guide.html?kinds=card-number,card-cvc');
    assert.equal(await attr('body', 'data-situations'), 'card');
    assert.equal(await ff.exec('return document.getElementById("picker").hidden'), true);
    await ff.screenshot(`${ART}/firefox-guide.png`);
    assert.equal(await ff.exec('return document.getElementById("record").hidden'), false);
    await open('guide/guide.html?kinds=password');
    assert.equal(await attr('body', 'data-situations'), 'account');
    // Every section, read without an incident: no record box; each number shown once, as its link.
    await open('guide/guide.html?all=1');
    assert.equal(await ff.exec('return document.getElementById("record").hidden'), true);
    const shown = await ff.exec(`return [...document.querySelectorAll('.contacts li')].flatMap((li) => {
      const tel = li.querySelector('a.tel')?.textContent;
      return tel ? [li.textContent.split(tel).length - 1] : [];
    })`);
    assert.ok(shown.length > 0);
    assert.deepEqual([...new Set(shown)], [1]);
  });

  test('the popup leads to the picker, which shows exactly what was picked', async () => {
    await popupFor(SUSPICIOUS_LOGIN);
    const before = await ff.cmd('GET', '/window/handles');
    await click('#entered');
    let handles = before;
    for (let i = 0; i < 100 && handles.length === before.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      handles = await ff.cmd('GET', '/window/handles');
    }
    const fresh = handles.find((h) => !before.includes(h));
    assert.ok(fresh, 'the guide opened in a new tab');
    await ff.cmd('POST', '/window', { handle: fresh });
    await ff.waitFor(done);
    assert.equal(await ff.exec('return document.getElementById("picker").hidden'), false);
    await click('#choice-bank');
    await click('#choice-giftcard');
    await click('#picker button[type=submit]');
    await ff.waitFor('return document.body.dataset.situations === "bank,giftcard"');
    await ff.cmd('DELETE', '/window');
    await ff.cmd('POST', '/window', { handle: before[0] });
  });

  test('ticked steps survive closing and reopening the guide', async () => {
    await open('guide/guide.html?kinds=account');
    const id = await attr('#sit-account .checklist input', 'data-step');
    await click(`input[data-step="${id}"]`);
    await ff.waitFor('return browser.runtime.sendMessage({ type: "checklist-get" }).then((s) => s[arguments[0]] === true)', 15000, id);
    await ff.go('about:blank');
    await open('guide/guide.html?kinds=password');
    assert.equal(await ff.exec('return document.querySelector(`input[data-step="${arguments[0]}"]`).checked', id), true);
    await message({ type: 'checklist-set', state: {} });
  });

  test('Block and Trust change the verdict', async () => {
    await popupFor(SUSPICIOUS_LOGIN);
    await click('#block');
    await ff.waitFor('return document.body.dataset.done === "1" && document.getElementById("block").dataset.action === "unblock-site"');
    assert.ok((await message({ type: 'user-lists' })).block.includes('192.0.2.10'));
    assert.match(await attr('#level', 'class'), /level-danger/);
    await click('#block');
    await ff.waitFor('return document.body.dataset.done === "1" && document.getElementById("block").dataset.action === "block-site"');
    assert.match(await attr('#level', 'class'), /level-caution/);
  });

  test('the warning page of a site the person blocked says so, and Trust trusts the site the popup names', async () => {
    const url = 'http://login.self-blocked.test/page.html';
    await popupFor(url);
    await click('#block');
    await ff.waitFor('return document.body.dataset.done === "1" && document.getElementById("block").dataset.action === "unblock-site"');
    const trustInPopup = await text('#trust');
    assert.equal(trustInPopup, 'Trust self-blocked.test');
    try {
      await open(`warning/warning.html#${url}`);
      assert.equal(await text('h1'), 'You blocked this site');
      assert.match(await text('#lead'), /^You blocked self-blocked\.test yourself.*unblock it in Settings/);
      assert.equal(await ff.exec('return document.getElementById("unblock").hidden'), false);
      assert.equal(await text('#trust'), trustInPopup);
      await click('#trust');
      await ff.waitFor(`return location.href === ${JSON.stringify(url)}`);
      await popupFor(url);
      const lists = await message({ type: 'user-lists' });
      assert.deepEqual([lists.allow, lists.block], [['self-blocked.test'], []]);
    } finally {
      await popupFor(url);
      await message({ type: 'set-user-lists', allow: [], block: [] });
    }
  });

  test('the language switch turns the popup and guide Japanese', async () => {
    await setLang('ja');
    await windowSize(420, 760);
    await popupFor(SUSPICIOUS_LOGIN);
    assert.equal(await attr('html', 'lang'), 'ja');
    assert.equal(await text('#level .level-name'), '不審');
    await ff.screenshot(`${ART}/firefox-popup-ja.png`);
    await windowSize(1000, 900);
    await open('guide/guide.html?kinds=card-number,card-cvc');
    assert.match(await text('#sit-card h2'), /[\u4e00-\u9fff]/);
    await ff.screenshot(`${ART}/firefox-guide-ja.png`);
    await setLang('auto');
  });
});

describe('firefox: accessibility', () => {
  for (const [name, path] of [
    ['popup', `popup/popup.html?url=${encodeURIComponent(SUSPICIOUS_LOGIN)}`],
    ['guide picker', 'guide/guide.html'],
    ['guide', 'guide/guide.html?all=1'],
    ['options', 'options/options.html'],
  ]) {
    test(`${name}: no serious or critical axe violations, light and dark`, async () => {
      try {
        for (const [scheme, pref] of [['light', 1], ['dark', 0]]) {
          await setPref('layout.css.prefers-color-scheme.content-override', pref);
          await open(path);
          assert.equal(await ff.exec('return matchMedia("(prefers-color-scheme: dark)").matches'), scheme === 'dark');
          assert.deepEqual(await axeWebDriver(ff), [], `${name} (${scheme})`);
        }
      } finally {
        await setPref('layout.css.prefers-color-scheme.content-override', 2);
      }
    });
  }
});
