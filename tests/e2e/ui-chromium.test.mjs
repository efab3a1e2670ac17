// The surfaces people touch, end to end in headless Chromium: popup, link
// check, recovery guide (kinds, picker, checklist, incident record), options
// (language, lists), context menu, toolbar badge, the public check page, and
// an axe-core scan of each page in light and dark colour schemes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { serveWww } from '../../scripts/serve.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { startServer } from './lib/server.mjs';
import { axePlaywright, OVERFLOWS_X } from './lib/ui.mjs';
import { BENIGN_LOGIN, SUSPICIOUS_LOGIN } from './lib/urls.mjs';

const ART = 'artifacts';
let server;
let www;
let browser;

before(async () => {
  server = await startServer();
  www = await serveWww(0);
  browser = await launchChromium({ proxyPort: server.port });
});
after(async () => {
  await browser?.context.close();
  await server?.close();
  www?.server.close();
});

/** Opens an extension page and waits until it has drawn itself. */
async function open(path, { width = 800, height = 900 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(browser.url(path));
  await page.waitForSelector('body[data-done="1"]');
  return page;
}

const popupFor = (url) => open(`popup/popup.html?url=${encodeURIComponent(url)}`, { width: 384, height: 640 });

/** Runs `fn(arg)` in the service worker once the engine is ready (`fn` sees only the worker's globals). */
async function inWorker(fn, arg) {
  await browser.worker.evaluate(() => globalThis.__sagiguard.ready);
  return browser.worker.evaluate(fn, arg);
}

/** Sends a runtime message from an extension page, as the pages do. */
function message(page, msg) {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

async function setLang(lang) {
  const page = await open('options/options.html');
  await page.check(`#lang-${lang}`);
  await page.waitForFunction((l) => document.body.dataset.lang === l, lang === 'auto' ? 'en' : lang);
  return page;
}

describe('chromium: popup', () => {
  test('a suspicious page: level badge, reasons, domain, trust and block', async () => {
    const page = await popupFor(SUSPICIOUS_LOGIN);
    assert.match(await page.getAttribute('#level', 'class'), /level-caution/);
    assert.equal(await page.textContent('#level .level-name'), 'Suspicious');
    const codes = await page.$$eval('#reasons li', (lis) => lis.map((li) => li.dataset.code));
    assert.ok(codes.includes('ip-host'), `reasons: ${codes}`);
    assert.match(await page.textContent('#reasons'), /IP/);
    assert.equal(await page.textContent('#host .site'), '192.0.2.10');
    assert.ok(await page.isVisible('#trust'));
    assert.ok(await page.isVisible('#block'));
    // The buttons say which site they act on.
    assert.equal(await page.textContent('#trust'), 'Trust 192.0.2.10');
    assert.equal(await page.textContent('#block'), 'Block 192.0.2.10');
    await page.screenshot({ path: `${ART}/chromium-popup.png`, fullPage: true });
    await page.close();
  });

  test('a benign page: no warning signs', async () => {
    const page = await popupFor(BENIGN_LOGIN);
    assert.match(await page.getAttribute('#level', 'class'), /level-unknown/);
    assert.equal(await page.textContent('#level .level-name'), 'No warning');
    const codes = await page.$$eval('#reasons li', (lis) => lis.map((li) => li.dataset.code));
    assert.ok(!codes.includes('ip-host'), `reasons: ${codes}`);
    assert.equal(await page.textContent('#host .site'), 'example.com');
    await page.close();
  });

  test('a browser page is not judged and offers no trust or block', async () => {
    const page = await popupFor('chrome://extensions/');
    assert.equal(await page.getAttribute('#level', 'data-level'), 'error');
    assert.ok(await page.isHidden('#site-actions'));
    await page.close();
  });

  test('a pasted link is checked below the box', async () => {
    const page = await popupFor(BENIGN_LOGIN);
    await page.fill('#check-url', 'http://192.0.2.44/verify/login');
    await page.press('#check-url', 'Enter');
    await page.waitForSelector('#check-result[data-done="1"]');
    assert.match(await page.getAttribute('#check-level', 'class'), /level-caution/);
    assert.ok((await page.$$eval('#check-reasons li', (l) => l.map((li) => li.dataset.code))).includes('ip-host'));
    // The current page's verdict is untouched.
    assert.match(await page.getAttribute('#level', 'class'), /level-unknown/);
    await page.fill('#check-url', 'javascript:alert(1)');
    await page.click('#check button[type=submit]');
    await page.waitForFunction(() => document.getElementById('check-level').dataset.level === 'error');
    // A line of a mail, defanged as a bulletin writes it: the link in it is judged and named.
    await page.fill('#check-url', 'Your account is locked: <hxxp://192.0.2[.]44/verify/login>.');
    await page.press('#check-url', 'Enter');
    await page.waitForFunction(() => document.getElementById('check-level').dataset.level === 'caution');
    assert.equal(await page.textContent('#check-host .checked'), 'Link found in the text: http://192.0.2.44/verify/login');
    await page.screenshot({ path: `${ART}/chromium-popup-pasted.png` });
    await page.close();
  });

  test('the toolbar badge shows the level of the page in the tab, and only of that page', async () => {
    const badge = () => inWorker(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: tab.id });
    });
    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.goto(SUSPICIOUS_LOGIN);
    await page.waitForFunction(() => document.documentElement.dataset.sagiguard);
    await page.waitForFunction(() => new Promise((r) => setTimeout(() => r(true), 200)));
    assert.equal(await badge(), '?');
    await page.goto('http://shop.example.com/no-form-here.html');
    await page.waitForLoadState('load');
    assert.equal(await badge(), '');
    await page.close();
  });
});

describe('chromium: guide', () => {
  test('kinds from the form guard open exactly their situations', async () => {
    let page = await open('guide/guide.html?kinds=card-number,card-cvc&site=evil.example');
    assert.equal(await page.getAttribute('body', 'data-situations'), 'card');
    assert.ok(await page.isHidden('#picker'));
    assert.ok((await page.locator('#sit-card .checklist input[type=checkbox]').count()) >= 3);
    assert.ok((await page.locator('#sit-card a[href^="tel:"]').count()) >= 1);
    assert.ok((await page.locator('#prevention-list li').count()) >= 3);
    // The person named what they handed over: their record is there to copy.
    assert.ok(await page.isVisible('#record'));
    await page.screenshot({ path: `${ART}/chromium-guide.png`, fullPage: true });
    await page.close();
    page = await open('guide/guide.html?kinds=password');
    assert.equal(await page.getAttribute('body', 'data-situations'), 'account');
    await page.close();
    page = await open('guide/guide.html?all=1');
    assert.equal(await page.getAttribute('body', 'data-situations'), 'card,bank,payment,giftcard,wallet,account,phone');
    // Reading every section is no incident: no "Your record" box.
    assert.ok(await page.isHidden('#record'));
    // Each contact's number is shown once, as the link to call it.
    const contacts = await page.$$eval('.contacts li', (lis) => lis.map((li) => {
      const tel = li.querySelector('a.tel')?.textContent ?? null;
      return { id: li.dataset.contact, tel, times: tel ? li.textContent.split(tel).length - 1 : 0 };
    }));
    const withTel = contacts.filter((c) => c.tel);
    assert.deepEqual([...new Set(withTel.map((c) => c.id))].sort(), ['consumer', 'emergency', 'police-consult']);
    for (const c of withTel) assert.equal(c.times, 1, `${c.id}: ${c.tel} shown ${c.times} times`);
    assert.equal(await page.textContent('#sit-phone li[data-contact="police-consult"] a.tel'), '#9110');
    await page.close();
  });

  test('the popup leads to the picker, which shows exactly what was picked', async () => {
    const popup = await popupFor(SUSPICIOUS_LOGIN);
    const opened = browser.context.waitForEvent('page');
    await popup.click('#entered');
    const page = await opened;
    await page.waitForSelector('body[data-done="1"]');
    assert.match(page.url(), /guide\/guide\.html$/);
    assert.ok(await page.isVisible('#picker'));
    assert.equal(await page.getAttribute('body', 'data-situations'), '');
    assert.equal(await page.locator('#choices input[type=checkbox]').count(), 7);
    await page.click('#picker button[type=submit]');
    assert.ok(await page.isVisible('#picker-error'));
    await page.check('#choice-account');
    await page.check('#choice-card');
    await page.click('#picker button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.situations === 'card,account');
    assert.ok(await page.isHidden('#picker'));
    assert.match(page.url(), /kinds=account%2Ccard|kinds=card%2Caccount/);
    await popup.close();
    await page.close();
  });

  test('ticked steps survive closing and reopening the guide', async () => {
    let page = await open('guide/guide.html?kinds=card');
    const first = page.locator('#sit-card .checklist input').first();
    const id = await first.getAttribute('data-step');
    assert.equal(await first.isChecked(), false);
    await first.check();
    await page.waitForFunction(async (step) => (await chrome.runtime.sendMessage({ type: 'checklist-get' }))[step] === true, id);
    await page.close();
    page = await open('guide/guide.html?kinds=card-number');
    assert.equal(await page.locator(`input[data-step="${id}"]`).isChecked(), true);
    await page.locator(`input[data-step="${id}"]`).uncheck();
    await page.waitForFunction(async (step) => !(await chrome.runtime.sendMessage({ type: 'checklist-get' }))[step], id);
    await page.close();
  });

  test('an incident shows in the popup and the guide, copies a summary, and clears', async () => {
    const incident = await inWorker((i) => globalThis.__sagiguard.recordIncident(i),
      { kinds: ['card-number', 'email', 'card-cvc', '<b>x</b>'], site: 'evil-shop.example' });
    assert.ok(incident.id);
    // Only the kinds the engine guards are kept.
    assert.deepEqual(incident.kinds, ['card-number', 'card-cvc']);
    const stored = await inWorker(() => chrome.storage.local.get('incidents'));
    assert.deepEqual(Object.keys(stored.incidents[0]).sort(), ['id', 'kinds', 'site', 'time']);

    const popup = await popupFor(BENIGN_LOGIN);
    assert.ok(await popup.isVisible('#incidents'));
    assert.match(await popup.textContent('#incident-list'), /evil-shop\.example/);
    assert.match(await popup.textContent('#incident-list'), /Card details/);
    await popup.close();

    const q = new URLSearchParams({ kinds: incident.kinds.join(','), site: incident.site, incident: incident.id });
    const page = await open(`guide/guide.html?${q}`);
    const record = await page.textContent('#record-list');
    assert.match(record, /evil-shop\.example/);
    assert.match(record, new RegExp(String(new Date(incident.time).getFullYear())));
    await page.locator('#sit-card .checklist input').first().check();
    // Headless Chromium grants no clipboard access to extension origins: keep what the page writes.
    await page.evaluate(() => { navigator.clipboard.writeText = async (text) => { globalThis.copied = text; }; });
    await page.click('#copy');
    await page.waitForSelector('body[data-copied="1"]');
    const copied = await page.evaluate(() => globalThis.copied);
    assert.match(copied, /evil-shop\.example/);
    assert.match(copied, /card number/);
    assert.match(copied, /\[done\]/);
    assert.ok(!/\d{12,}/.test(copied), 'no card-like numbers in the summary');

    await page.click('#clear');
    await page.waitForFunction(() => /cleared/.test(document.getElementById('record-status').textContent));
    assert.equal((await message(page, { type: 'incidents' })).length, 0);
    assert.equal(await page.locator('#sit-card .checklist input:checked').count(), 0);
    await page.close();
  });
});

describe('chromium: lists, settings and menus', () => {
  test('Block and Trust in the popup change the lists and the verdict', async () => {
    const page = await popupFor(SUSPICIOUS_LOGIN);
    await page.click('#block');
    await page.waitForFunction(() => document.body.dataset.done === '1' && document.getElementById('block').dataset.action === 'unblock-site');
    let lists = await message(page, { type: 'user-lists' });
    assert.ok(lists.block.includes('192.0.2.10'), JSON.stringify(lists));
    assert.match(await page.getAttribute('#level', 'class'), /level-danger/);
    await page.click('#trust');
    await page.waitForFunction(() => document.body.dataset.done === '1' && document.getElementById('trust').dataset.action === 'untrust-site');
    lists = await message(page, { type: 'user-lists' });
    assert.ok(lists.allow.includes('192.0.2.10') && !lists.block.includes('192.0.2.10'), JSON.stringify(lists));
    assert.match(await page.getAttribute('#level', 'class'), /level-trusted/);
    await page.click('#trust');
    await page.waitForFunction(() => document.body.dataset.done === '1' && document.getElementById('trust').dataset.action === 'trust-site');
    assert.equal((await message(page, { type: 'user-lists' })).allow.length, 0);
    await page.close();
  });

  test('the warning page of a site the person blocked says so, and its Trust trusts the site the popup would', async () => {
    const url = 'http://login.self-blocked.test/page.html';
    // Blocked from the popup, as a person would: the popup acts on the verdict's site.
    const popup = await popupFor(url);
    try {
      assert.equal(await popup.getAttribute('#block', 'data-site'), 'self-blocked.test');
      await popup.click('#block');
      await popup.waitForFunction(() => document.body.dataset.done === '1' && document.getElementById('block').dataset.action === 'unblock-site');
      assert.equal(await popup.textContent('#block'), 'Unblock self-blocked.test');
      const trustInPopup = await popup.textContent('#trust');
      assert.equal(trustInPopup, 'Trust self-blocked.test');

      const page = await open(`warning/warning.html#${url}`);
      assert.equal(await page.getAttribute('body', 'data-blocked-by-you'), '1');
      assert.equal(await page.textContent('h1'), 'You blocked this site');
      const lead = await page.textContent('#lead');
      assert.match(lead, /You blocked self-blocked\.test yourself/);
      assert.match(lead, /unblock it in Settings/);
      assert.doesNotMatch(lead, /scam|phishing/);
      assert.ok(await page.isVisible('#open-settings'));
      const settings = browser.context.waitForEvent('page');
      await page.click('#open-settings');
      const options = await settings;
      await options.waitForSelector('#block-items li[data-site="self-blocked.test"]');
      assert.match(options.url(), /options\/options\.html/);
      await options.close();
      // "Trust" names and trusts the verdict's site (the registrable domain), as the popup's does, not the exact host.
      await page.click('summary');
      assert.equal(await page.textContent('#trust'), trustInPopup);
      assert.ok(await page.isHidden('#report'), 'nothing to report about the person\'s own block');
      await Promise.all([page.waitForURL(url), page.click('#trust')]);
      const lists = await message(popup, { type: 'user-lists' });
      assert.deepEqual(lists.allow, ['self-blocked.test']);
      assert.deepEqual(lists.block, []);
      await page.close();
    } finally {
      await message(popup, { type: 'set-user-lists', allow: [], block: [] });
    }
    await popup.close();
  });

  test('options: add, remove, import and export list entries', async () => {
    const page = await open('options/options.html');
    await page.fill('#block-input', 'https://Bad-Shop.example/path');
    await page.press('#block-input', 'Enter');
    await page.waitForSelector('#block-items li[data-site="bad-shop.example"]');
    await page.fill('#allow-input', 'not a site');
    await page.click('#allow-form button[type=submit]');
    assert.match(await page.textContent('#status'), /not a site name/);
    await page.setInputFiles('#allow-import', { name: 'mine.txt', mimeType: 'text/plain', buffer: Buffer.from('# my banks\nmybank.example\n\nbad-shop.example\n') });
    await page.waitForSelector('#allow-items li[data-site="mybank.example"]');
    // A site lives on one list only: importing it as trusted unblocks it.
    assert.equal(await page.locator('#block-items li').count(), 0);
    const download = page.waitForEvent('download');
    await page.click('#allow-export');
    const file = await download;
    const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
    assert.equal(text, 'mybank.example\nbad-shop.example\n');
    await page.click('#allow-items li[data-site="mybank.example"] button');
    await page.waitForFunction(() => !document.querySelector('#allow-items li[data-site="mybank.example"]'));
    await message(page, { type: 'set-user-lists', allow: [], block: [] });
    await page.close();
  });

  test('sensitivity "danger only" is saved and stops warnings for suspicious pages', async () => {
    const page = await open('options/options.html');
    const decide = () => page.evaluate(async () => {
      const { sensitivity, warns } = await import('../shared/settings.js');
      const chosen = await sensitivity();
      return [chosen, warns('caution', chosen), warns('danger', chosen)];
    });
    assert.ok(await page.isChecked('#sens-caution'));
    assert.deepEqual(await decide(), ['caution', true, true]);
    await page.check('#sens-danger');
    await page.waitForFunction(async () => (await chrome.storage.sync.get('sensitivity')).sensitivity === 'danger');
    assert.deepEqual(await decide(), ['danger', false, true]);
    // The setting reaches the pages: a suspicious login page is rated, but not guarded.
    const site = await browser.context.newPage();
    await site.goto(SUSPICIOUS_LOGIN);
    await site.waitForFunction(() => document.documentElement.dataset.sagiguardGuard);
    assert.equal(await site.evaluate(() => document.documentElement.dataset.sagiguard), 'caution');
    assert.equal(await site.evaluate(() => document.documentElement.dataset.sagiguardGuard), 'off');
    assert.equal(await site.locator('sagiguard-banner').count(), 0);
    await site.close();
    await page.screenshot({ path: `${ART}/chromium-options.png`, fullPage: true });
    await page.check('#sens-caution');
    await page.waitForFunction(async () => (await chrome.storage.sync.get('sensitivity')).sensitivity === 'caution');
    await page.close();
  });

  test('the context menu shows a link\'s verdict in a small window, without opening the link', async () => {
    const link = 'http://192.0.2.10/never-opened.html';
    const before = server.requests.length;
    const opened = browser.context.waitForEvent('page');
    const type = await inWorker(async (url) => {
      const w = await globalThis.__sagiguard.menus.onClicked({ menuItemId: 'sagiguard-check-link', linkUrl: url });
      return w?.type;
    }, link);
    assert.equal(type, 'popup');
    const page = await opened;
    await page.waitForSelector('body[data-done="1"]');
    assert.match(page.url(), /popup\/popup\.html\?url=/);
    assert.match(await page.getAttribute('#level', 'class'), /level-caution/);
    assert.ok(!server.requests.slice(before).some((r) => r.path === '/never-opened.html'), 'the link was not fetched');
    await page.close();
  });

  test('switching the language to Japanese turns every page Japanese', async () => {
    const options = await setLang('ja');
    assert.equal(await options.textContent('h1'), 'SagiGuard の設定');
    // The threat-list section draws itself: it follows the switch too, without a reload.
    await options.waitForFunction(() => document.querySelector('#feeds h2')?.textContent === '脅威リスト');
    await options.screenshot({ path: `${ART}/chromium-options-ja.png`, fullPage: true });
    await options.close();
    const popup = await popupFor(SUSPICIOUS_LOGIN);
    assert.equal(await popup.getAttribute('html', 'lang'), 'ja');
    assert.equal(await popup.textContent('#level .level-name'), '不審');
    assert.match(await popup.textContent('#reasons'), /[\u3040-\u30ff]/);
    assert.equal(await popup.textContent('#entered'), '詐欺サイトに情報を入力してしまった');
    await popup.screenshot({ path: `${ART}/chromium-popup-ja.png`, fullPage: true });
    await popup.close();
    const guide = await open('guide/guide.html?kinds=card-number,card-cvc');
    assert.match(await guide.textContent('#sit-card h2'), /[\u3040-\u30ff\u4e00-\u9fff]/);
    await guide.screenshot({ path: `${ART}/chromium-guide-ja.png`, fullPage: true });
    await guide.close();
    await (await setLang('auto')).close();
  });
});

describe('chromium: public check page', () => {
  test('checks a link and shows the guide for what was picked', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 900 });
    await page.goto(`http://127.0.0.1:${www.port}/?lang=en`);
    await page.waitForSelector('body[data-ready="1"]');
    await page.fill('#url', SUSPICIOUS_LOGIN);
    await page.click('#check button[type=submit]');
    assert.match(await page.getAttribute('#level', 'class'), /level-caution/);
    assert.ok((await page.$$eval('#reasons li', (l) => l.map((li) => li.dataset.code))).includes('ip-host'));
    // The same engine finds the link in a pasted sentence here too.
    await page.fill('#url', `Please verify your account at ${SUSPICIOUS_LOGIN} today.`);
    await page.click('#check button[type=submit]');
    assert.match(await page.getAttribute('#level', 'class'), /level-caution/);
    assert.equal(await page.textContent('#host .checked'), `Link found in the text: ${SUSPICIOUS_LOGIN}`);
    await page.check('#choice-card');
    await page.check('#choice-giftcard');
    await page.click('#picker button[type=submit]');
    assert.equal(await page.getAttribute('#situations', 'data-situations'), 'card,giftcard');
    // Each contact's number is shown once, as the link to call it (as on the guide page).
    const contacts = await page.$$eval('.contacts li', (lis) => lis.map((li) => {
      const tel = li.querySelector('a.tel')?.textContent ?? '';
      return { tel, times: tel ? li.textContent.split(tel).length - 1 : 0 };
    }));
    assert.ok(contacts.some((c) => c.tel), 'some contact has a number');
    for (const c of contacts.filter((x) => x.tel)) assert.equal(c.times, 1, c.tel);
    assert.ok(await page.isVisible('#install'));
    await page.screenshot({ path: `${ART}/chromium-www.png`, fullPage: true });
    await page.selectOption('#lang', 'ja');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    assert.equal(await page.textContent('#level .level-name'), '不審');
    assert.match(await page.textContent('#sit-card h3'), /[\u4e00-\u9fff]/);
    await page.screenshot({ path: `${ART}/chromium-www-ja.png`, fullPage: true });
    await page.close();
  });
});

describe('chromium: accessibility', () => {
  const pages = [
    ['popup', () => popupFor(SUSPICIOUS_LOGIN)],
    ['guide picker', () => open('guide/guide.html')],
    ['guide', () => open('guide/guide.html?all=1')],
    ['options', () => open('options/options.html')],
    ['check page', async () => {
      const page = await browser.context.newPage();
      await page.goto(`http://127.0.0.1:${www.port}/`);
      await page.waitForSelector('body[data-ready="1"]');
      await page.fill('#url', SUSPICIOUS_LOGIN);
      await page.click('#check button[type=submit]');
      await page.check('#choice-phone');
      await page.click('#picker button[type=submit]');
      return page;
    }],
  ];
  for (const [name, load] of pages) {
    test(`${name}: no serious or critical axe violations, light and dark`, async () => {
      const page = await load();
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        assert.deepEqual(await axePlaywright(page), [], `${name} (${colorScheme})`);
      }
      await page.close();
    });
  }

  test('pages reflow at 200% zoom (half the width) without sideways scrolling', async () => {
    for (const [path, width] of [[`popup/popup.html?url=${encodeURIComponent(SUSPICIOUS_LOGIN)}`, 192], ['guide/guide.html?all=1', 320], ['options/options.html', 320]]) {
      const page = await open(path, { width, height: 600 });
      assert.equal(await page.evaluate(OVERFLOWS_X), false, path);
      await page.close();
    }
  });

  test('the popup works from the keyboard alone, in a logical order', async () => {
    const page = await popupFor(SUSPICIOUS_LOGIN);
    const order = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent));
    }
    assert.deepEqual(order, ['trust', 'block', 'check-url', 'Check', 'entered', 'open-guide', 'open-options']);
    await page.focus('#check-url');
    await page.keyboard.type('http://192.0.2.10/x');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#check-result[data-done="1"]');
    await page.close();
  });
});
