// The form guard end to end in headless Chromium: typing warning, every way of
// sending stopped, the three choices, a hostile page, and agreement with the
// CLI on the classifier's fixture pages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from './lib/chromium.mjs';
import { differences, fixtureNames, cliForms, serveFixtures } from './lib/guard.mjs';
import { startServer } from './lib/server.mjs';
import { GUARD_BENIGN, GUARD_FIXTURES, GUARD_HOSTILE, GUARD_SUSPICIOUS, GUARD_TRUSTED, GUARD_WALLET, GUARD_WALLET_PLAIN } from './lib/urls.mjs';

const ART = 'artifacts';
let server;
let browser;

before(async () => {
  server = await startServer();
  serveFixtures(server);
  browser = await launchChromium({ proxyPort: server.port });
});
after(async () => {
  await browser?.context.close();
  await server?.close();
});

const posts = (path) => server.requests.filter((r) => r.method === 'POST' && r.path === path);

/** Opens `url` and waits until the guard has the background's answer. */
async function openGuarded(url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.sagiguardGuard);
  return page;
}

/** The open warning: `{kind, kinds}`, or null. */
function dialog(page) {
  return page.evaluate(() => {
    const host = document.querySelector('sagiguard-dialog');
    return host ? { kind: host.dataset.kind, kinds: host.dataset.kinds } : null;
  });
}

async function waitDialog(page, kind) {
  await page.waitForFunction((k) => document.querySelector('sagiguard-dialog')?.dataset.kind === k, kind);
  return dialog(page);
}

/** Card details put in without key events (as autofill would), so only the submit guard speaks. */
async function fillCard(page) {
  await page.evaluate(() => {
    document.getElementById('cc').value = '4242 4242 4242 4242';
    document.getElementById('cvc').value = '123';
  });
}

/** The accessibility tree's alert dialog (closed shadow roots included), via CDP. */
async function axDialog(page) {
  const cdp = await browser.context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const dlg = nodes.find((n) => n.role?.value === 'alertdialog');
  const buttons = nodes.filter((n) => n.role?.value === 'button' && !n.ignored).map((n) => n.name?.value);
  return dlg && { name: dlg.name?.value, description: dlg.description?.value ?? '', buttons };
}

/** URLs of every tab, from the browser's target list (an extension page that
 * does not exist yet still has its URL there, not the error page's). */
async function tabUrls(page) {
  const cdp = await browser.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((t) => t.type === 'page').map((t) => t.url);
}

const WAYS = {
  'the submit button': (page) => page.click('#pay-button'),
  'Enter in a field': async (page) => {
    await page.focus('#note');
    await page.keyboard.press('Enter');
  },
  'requestSubmit()': (page) => page.evaluate(() => window.scriptRequestSubmit()),
  'a script calling form.submit()': (page) => page.evaluate(() => window.scriptSubmit()),
};

describe('chromium: form guard', () => {
  test('typing a card number on a suspicious page: warned at the first key, nothing typed', async () => {
    const page = await openGuarded(GUARD_SUSPICIOUS);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.sagiguardGuard), 'on');
    await page.click('#cc');
    await page.keyboard.type('4');
    assert.deepEqual(await waitDialog(page, 'typing'), { kind: 'typing', kinds: 'card-number' });
    assert.equal(await page.inputValue('#cc'), '', 'the first key was held back');
    const ax = await axDialog(page);
    assert.ok(ax, 'an alertdialog in the accessibility tree');
    assert.match(ax.name, /card number/);
    assert.match(ax.description, /192\.0\.2\.10/);
    assert.deepEqual(ax.buttons.slice(-3), ['Stop typing', 'Type anyway', 'I trust this site']);
    await page.screenshot({ path: `${ART}/chromium-guard-typing.png` });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('sagiguard-dialog'));
    // "Type anyway": the person may type from then on.
    await page.click('#cc');
    await page.keyboard.type('4');
    await waitDialog(page, 'typing');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('sagiguard-dialog'));
    await page.keyboard.type('242');
    assert.equal(await page.inputValue('#cc'), '242');
    await page.close();
  });

  test('typing on a benign page: no warning', async () => {
    const page = await openGuarded(GUARD_BENIGN);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.sagiguardGuard), 'off');
    await page.click('#cc');
    await page.keyboard.type('4242424242424242');
    assert.equal(await page.inputValue('#cc'), '4242424242424242');
    assert.equal(await dialog(page), null);
    await page.close();
  });

  for (const [way, send] of Object.entries(WAYS)) {
    test(`sending by ${way} is stopped, and "Don't send" sends nothing`, async () => {
      const before = posts('/pay').length;
      const page = await openGuarded(GUARD_SUSPICIOUS);
      await fillCard(page);
      await send(page);
      assert.deepEqual(await waitDialog(page, 'submit'), { kind: 'submit', kinds: 'card-number,card-cvc' });
      if (way === 'the submit button') {
        const ax = await axDialog(page);
        assert.match(ax.description, /your card number and card security code to 192\.0\.2\.10\./);
        assert.deepEqual(ax.buttons.slice(-3), ["Don't send", 'Send anyway', 'I trust this site']);
        await page.screenshot({ path: `${ART}/chromium-guard-dialog.png` });
      }
      await page.keyboard.press('Enter'); // the default: Don't send
      await page.waitForFunction(() => !document.querySelector('sagiguard-dialog'));
      await page.waitForTimeout(300);
      assert.equal(posts('/pay').length, before, 'nothing was sent');
      assert.equal(new URL(page.url()).pathname, '/guard-card.html');
      await page.close();
    });
  }

  test('"Send anyway" sends once (with its submit button) and opens the recovery guide', async () => {
    const before = posts('/pay').length;
    const page = await openGuarded(GUARD_SUSPICIOUS);
    await fillCard(page);
    await page.click('#pay-button');
    await waitDialog(page, 'submit');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/pay');
    await page.waitForTimeout(300);
    const sent = posts('/pay').slice(before);
    assert.equal(sent.length, 1, 'sent exactly once');
    assert.match(sent[0].body, /cc=4242/);
    assert.match(sent[0].body, /go=pay/, 'the submit button that was pressed is kept');
    let guide;
    for (let i = 0; i < 50 && !guide; i++) {
      guide = (await tabUrls(page)).find((u) => u.includes('/guide/guide.html'));
      if (!guide) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(guide, 'the guide tab opened');
    const q = new URL(guide).searchParams;
    assert.equal(q.get('kinds'), 'card-number,card-cvc');
    assert.equal(q.get('site'), '192.0.2.10');
    const { incidents } = await browser.worker.evaluate(() => chrome.storage.local.get('incidents'));
    const last = incidents.at(-1);
    assert.deepEqual(last.kinds, ['card-number', 'card-cvc']);
    assert.equal(last.site, '192.0.2.10');
    assert.equal(last.id, q.get('incident'));
    // The random id and the time are left out of the search: their digits
    // may hold `123` by chance (a time of 1796301234523 did).
    const kept = incidents.map(({ id, time, ...rest }) => rest);
    assert.doesNotMatch(JSON.stringify(kept), /4242|123/, 'no values are kept');
    for (const p of browser.context.pages()) if (p !== page && p.url() !== 'about:blank') await p.close();
    await page.close();
  });

  test('a wallet recovery phrase: warned at the first key, and "Send anyway" opens the wallet steps', async () => {
    const before = posts('/restore').length;
    const page = await openGuarded(GUARD_WALLET);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.sagiguardGuard), 'on');
    await page.click('#phrase');
    await page.keyboard.type('w');
    assert.deepEqual(await waitDialog(page, 'typing'), { kind: 'typing', kinds: 'recovery-phrase' });
    assert.equal(await page.inputValue('#phrase'), '', 'the first key was held back');
    assert.match((await axDialog(page)).name, /recovery phrase/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Type anyway"
    await page.waitForFunction(() => !document.querySelector('sagiguard-dialog'));
    await page.keyboard.type('witch collapse practice feed shame open despair creek road again ice least');
    await page.click('#restore-button');
    await waitDialog(page, 'submit');
    assert.equal(posts('/restore').length, before, 'nothing sent while the warning is open');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Send anyway"
    await page.waitForURL('**/restore');
    let guideUrl;
    for (let i = 0; i < 50 && !guideUrl; i++) {
      guideUrl = (await tabUrls(page)).find((u) => u.includes('/guide/guide.html'));
      if (!guideUrl) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(guideUrl, 'the guide tab opened');
    assert.equal(new URL(guideUrl).searchParams.get('kinds'), 'recovery-phrase');
    const guide = await browser.context.newPage();
    await guide.goto(guideUrl);
    await guide.waitForFunction(() => document.body.dataset.done);
    assert.equal(await guide.evaluate(() => document.body.dataset.situations), 'wallet');
    assert.match(await guide.textContent('#situations'), /new wallet with a new recovery phrase/);
    const { incidents } = await browser.worker.evaluate(() => chrome.storage.local.get('incidents'));
    assert.deepEqual(incidents.at(-1).kinds, ['recovery-phrase']);
    assert.doesNotMatch(JSON.stringify(incidents), /collapse|despair/, 'no words of the phrase are kept');
    for (const p of browser.context.pages()) if (p !== page && p.url() !== 'about:blank') await p.close();
    await page.close();
  });

  test('a page asking for a recovery phrase is guarded on an ordinary name too', async () => {
    const page = await openGuarded(GUARD_WALLET_PLAIN);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.sagiguardGuard), 'on');
    await page.click('#phrase');
    await page.keyboard.type('w');
    assert.deepEqual(await waitDialog(page, 'typing'), { kind: 'typing', kinds: 'recovery-phrase' });
    assert.match((await axDialog(page)).description, /never ask for it on a web page/);
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('a recovery phrase pasted into a box named for something else is caught by its shape', async () => {
    const before = posts('/sync').length;
    const page = await openGuarded(GUARD_WALLET);
    const phrase = 'witch collapse practice feed shame open despair creek road again ice least';
    await page.fill('#sync-data', 'nothing to see here yet');
    assert.equal(await dialog(page), null, 'ordinary text in an ordinary box: no warning');
    await page.fill('#sync-data', phrase);
    assert.deepEqual(await waitDialog(page, 'typing'), { kind: 'typing', kinds: 'recovery-phrase' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Type anyway"
    await page.waitForFunction(() => !document.querySelector('sagiguard-dialog'));
    await page.click('#sync-button');
    assert.deepEqual(await waitDialog(page, 'submit'), { kind: 'submit', kinds: 'recovery-phrase' });
    await page.keyboard.press('Enter'); // "Don't send"
    await page.waitForFunction(() => !document.querySelector('sagiguard-dialog'));
    await page.waitForTimeout(300);
    assert.equal(posts('/sync').length, before, 'nothing was sent');
    await page.close();
  });

  test('"Send anyway" after a script\'s form.submit() sends once', async () => {
    const before = posts('/pay').length;
    const page = await openGuarded(GUARD_SUSPICIOUS);
    await fillCard(page);
    await page.evaluate(() => window.scriptSubmit());
    await waitDialog(page, 'submit');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/pay');
    await page.waitForTimeout(300);
    assert.equal(posts('/pay').length - before, 1);
    for (const p of browser.context.pages()) if (p !== page && p.url() !== 'about:blank') await p.close();
    await page.close();
  });

  test('a hostile page cannot send without the person\'s choice', async () => {
    const before = posts('/pay').length;
    const page = await openGuarded(GUARD_HOSTILE);
    await fillCard(page);
    await page.click('#pay-button'); // the page stops submit events in capture phase on window
    await waitDialog(page, 'submit');
    const onTop = () => page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.localName);

    await page.evaluate(() => window.hostile.removeWarning());
    await page.waitForFunction(() => document.querySelector('sagiguard-dialog'));
    assert.equal(await onTop(), 'sagiguard-dialog', 'back after being removed');

    await page.evaluate(() => window.hostile.hideWarning());
    await page.waitForFunction(() => !/display: none/.test(document.querySelector('sagiguard-dialog').getAttribute('style')));

    await page.evaluate(() => window.hostile.overlay());
    await page.waitForTimeout(100);
    assert.equal(await onTop(), 'sagiguard-dialog', 'above an overlay');

    await page.evaluate(() => window.hostile.pageModal());
    await page.waitForFunction(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.localName === 'sagiguard-dialog');

    await page.evaluate(() => window.hostile.fakeChoices());
    await page.evaluate(() => window.hostile.submitAgain());
    await page.screenshot({ path: `${ART}/chromium-guard-hostile.png` });
    await page.waitForTimeout(500);
    assert.equal(posts('/pay').length, before, 'nothing sent while the choice is pending');
    assert.ok(await dialog(page), 'the warning is still waiting for the person');

    // The page swallows Escape for its own listeners, not for ours.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('sagiguard-dialog'));
    await page.waitForTimeout(300);
    assert.equal(posts('/pay').length, before, '"Don\'t send" sent nothing');
    await page.close();
  });

  test('a submit() borrowed from another frame and FormData built by a script get no sensitive value', async () => {
    const before = posts('/pay').length;
    const page = await openGuarded(GUARD_HOSTILE);
    await fillCard(page);
    assert.deepEqual(await page.evaluate(() => window.hostile.formData()), { cc: '', cvc: '' }, 'emptied in the FormData');
    await waitDialog(page, 'submit');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('sagiguard-dialog'));
    await page.evaluate(() => window.hostile.foreignSubmit());
    assert.deepEqual(await waitDialog(page, 'submit'), { kind: 'submit', kinds: 'card-number,card-cvc' });
    await page.waitForTimeout(500);
    assert.equal(posts('/pay').length, before, 'the borrowed submit() sent nothing');
    assert.equal(await page.inputValue('#cc'), '4242 4242 4242 4242', 'the form is back, as it was');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Send anyway
    await page.waitForURL('**/pay');
    await page.waitForTimeout(300);
    const sent = posts('/pay').slice(before);
    assert.equal(sent.length, 1, 'sent once, after the choice');
    assert.match(sent[0].body, /cc=4242/);
    for (const p of browser.context.pages()) if (p !== page && p.url() !== 'about:blank') await p.close();
    await page.close();
  });

  test('the content script and `sagiguard forms` agree on the fixture pages', async () => {
    for (const name of fixtureNames()) {
      const url = GUARD_FIXTURES + name;
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.sagiguardFields);
      const report = await browser.worker.evaluate((u) => {
        const last = globalThis.__sagiguard.lastPageReport();
        return last?.url === u ? last : null;
      }, url);
      assert.ok(report, `${name}: reported`);
      const cli = cliForms(name, url);
      assert.ok(cli.fields.length > 0, `${name}: the CLI found fields`);
      assert.deepEqual(differences(report, cli), [], name);
      await page.close();
    }
  });

  test('a content script may not change settings, read them, or trust another site than its own', async () => {
    // What a confused content script could send: run in its own isolated world via CDP.
    const page = await openGuarded(GUARD_SUSPICIOUS);
    const cdp = await browser.context.newCDPSession(page);
    const worlds = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${browser.extId}`)
      ?? worlds.find((c) => c.auxData?.type === 'isolated');
    assert.ok(world, 'the content script\'s isolated world is there');
    const send = async (message) => (await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    })).result.value;
    const before = await browser.worker.evaluate(() => chrome.storage.sync.get(['userAllow', 'userBlock']));
    for (const message of [
      { type: 'set-user-lists', allow: ['bank-login.example'], block: [] },
      { type: 'user-lists' },
      { type: 'block-site', site: 'shop.example.com' },
      { type: 'incidents' },
      { type: 'add-feed', url: 'http://feeds.test.example/x.txt' },
      { type: 'check-url', url: 'http://192.0.2.10/' },
      { type: 'warning-continue', url: 'http://192.0.2.10/' },
    ]) {
      assert.deepEqual(await send(message), { error: 'not allowed' }, message.type);
    }
    assert.deepEqual(await browser.worker.evaluate(() => chrome.storage.sync.get(['userAllow', 'userBlock'])), before);
    // "Trust this site" from a content script trusts the page it runs in, whatever site it names.
    assert.equal((await send({ type: 'trust-site', site: 'bank-login.example' })).error, undefined);
    const { userAllow } = await browser.worker.evaluate(() => chrome.storage.sync.get('userAllow'));
    assert.ok(userAllow.includes('192.0.2.10'));
    assert.ok(!userAllow.includes('bank-login.example'));
    await browser.worker.evaluate((lists) => chrome.storage.sync.set(lists), { userAllow: before.userAllow ?? [], userBlock: before.userBlock ?? [] });
    await cdp.detach();
    await page.close();
  });

  test('"I trust this site" sends and stops the warnings there', async () => {
    const before = posts('/pay').length;
    const page = await openGuarded(GUARD_TRUSTED);
    await fillCard(page);
    await page.click('#pay-button');
    await waitDialog(page, 'submit');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/pay');
    assert.equal(posts('/pay').length - before, 1);
    const { userAllow } = await browser.worker.evaluate(() => chrome.storage.sync.get('userAllow'));
    assert.ok(userAllow.includes('192.0.2.11'));
    await page.goto(GUARD_TRUSTED);
    await page.waitForFunction(() => document.documentElement.dataset.sagiguardGuard);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.sagiguardGuard), 'trusted');
    await page.click('#cc');
    await page.keyboard.type('4242');
    assert.equal(await page.inputValue('#cc'), '4242');
    await page.click('#pay-button');
    await page.waitForURL('**/pay');
    assert.equal(posts('/pay').length - before, 2);
    await page.close();
  });
});
