// The form guard end to end in headless Firefox ESR (WebDriver): typing
// warning, every way of sending stopped, the three choices, a hostile page,
// and agreement with the CLI on the classifier's fixture pages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchFirefox } from './lib/firefox.mjs';
import { cliForms, differences, fixtureNames, serveFixtures } from './lib/guard.mjs';
import { startServer } from './lib/server.mjs';
import { GUARD_BENIGN, GUARD_FIXTURES, GUARD_HOSTILE, GUARD_SUSPICIOUS, GUARD_TRUSTED, GUARD_WALLET, GUARD_WALLET_PLAIN } from './lib/urls.mjs';

const ART = 'artifacts';
const KEY = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C' };
let server;
let ff;

before(async () => {
  server = await startServer();
  serveFixtures(server);
  ff = await launchFirefox({ proxyPort: server.port });
});
after(async () => {
  await ff?.quit();
  await server?.close();
});

const posts = (path) => server.requests.filter((r) => r.method === 'POST' && r.path === path);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function openGuarded(url) {
  await ff.go(url);
  return ff.waitFor('return document.documentElement.dataset.sagiguardGuard || null');
}

const DIALOG = `const h = document.querySelector('sagiguard-dialog');
  return h ? { kind: h.dataset.kind, kinds: h.dataset.kinds } : null;`;

function waitDialog(kind) {
  return ff.waitFor(`const h = document.querySelector('sagiguard-dialog');
    return h && h.dataset.kind === arguments[0] ? { kind: h.dataset.kind, kinds: h.dataset.kinds } : null;`, 15000, kind);
}

const noDialog = () => ff.waitFor('return !document.querySelector("sagiguard-dialog")');

async function click(css) {
  const el = await ff.cmd('POST', '/element', { using: 'css selector', value: css });
  await ff.cmd('POST', `/element/${Object.values(el)[0]}/click`, {});
}

/** Real key presses (trusted events) through WebDriver actions. */
async function keys(...names) {
  const actions = names.flatMap((k) => {
    const value = KEY[k] ?? k;
    return [{ type: 'keyDown', value }, { type: 'keyUp', value }];
  });
  await ff.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  await ff.cmd('DELETE', '/actions');
}

/** The window handles once a second tab (the recovery guide) has opened, or after 5 s. */
async function secondTab() {
  let handles = [];
  for (let i = 0; i < 50 && handles.length < 2; i++) {
    handles = await ff.cmd('GET', '/window/handles');
    if (handles.length < 2) await sleep(100);
  }
  return handles;
}

const value = (id) => ff.exec('return document.getElementById(arguments[0]).value', id);

async function fillCard() {
  await ff.exec(`document.getElementById('cc').value = '4242 4242 4242 4242';
    document.getElementById('cvc').value = '123';`);
}

/** Runs `fn(browser)` (a function body) in an extension page; returns its value. */
async function inExtension(body) {
  await ff.go(ff.url('popup/popup.html?url=about%3Ablank'));
  return ff.execAsync(`const done = arguments[arguments.length - 1];
    (async () => { ${body} })().then(done, (e) => done({ error: String(e) }));`);
}

const WAYS = {
  'the submit button': () => click('#pay-button'),
  'Enter in a field': async () => {
    await click('#note');
    await keys('Enter');
  },
  'requestSubmit()': () => ff.exec('window.scriptRequestSubmit()'),
  'a script calling form.submit()': () => ff.exec('window.scriptSubmit()'),
};

describe('firefox: form guard', () => {
  test('typing a card number on a suspicious page: warned at the first key, nothing typed', async () => {
    assert.equal(await openGuarded(GUARD_SUSPICIOUS), 'on');
    await click('#cc');
    await keys('4');
    assert.deepEqual(await waitDialog('typing'), { kind: 'typing', kinds: 'card-number' });
    assert.equal(await value('cc'), '');
    await ff.screenshot(`${ART}/firefox-guard-typing.png`);
    await keys('Escape');
    await noDialog();
    await click('#cc');
    await keys('4');
    await waitDialog('typing');
    await keys('Tab', 'Enter'); // "Type anyway"
    await noDialog();
    await keys('2', '4');
    assert.equal(await value('cc'), '24');
  });

  test('typing on a benign page: no warning', async () => {
    assert.equal(await openGuarded(GUARD_BENIGN), 'off');
    await click('#cc');
    await keys('4', '2', '4', '2');
    assert.equal(await value('cc'), '4242');
    assert.equal(await ff.exec(DIALOG), null);
  });

  for (const [way, send] of Object.entries(WAYS)) {
    test(`sending by ${way} is stopped, and "Don't send" sends nothing`, async () => {
      const before = posts('/pay').length;
      await openGuarded(GUARD_SUSPICIOUS);
      await fillCard();
      await send();
      assert.deepEqual(await waitDialog('submit'), { kind: 'submit', kinds: 'card-number,card-cvc' });
      if (way === 'the submit button') await ff.screenshot(`${ART}/firefox-guard-dialog.png`);
      await keys('Enter'); // the default: Don't send
      await noDialog();
      await sleep(300);
      assert.equal(posts('/pay').length, before, 'nothing was sent');
      assert.equal(await ff.exec('return location.pathname'), '/guard-card.html');
    });
  }

  test('"Send anyway" sends once (with its submit button) and opens the recovery guide', async () => {
    const before = posts('/pay').length;
    const [home] = await ff.cmd('GET', '/window/handles');
    await openGuarded(GUARD_SUSPICIOUS);
    await fillCard();
    await click('#pay-button');
    await waitDialog('submit');
    await keys('Tab', 'Enter');
    await ff.waitFor('return location.pathname === "/pay"');
    await sleep(300);
    const sent = posts('/pay').slice(before);
    assert.equal(sent.length, 1, 'sent exactly once');
    assert.match(sent[0].body, /go=pay/);
    const handles = await secondTab();
    assert.equal(handles.length, 2, 'the guide tab opened');
    await ff.cmd('POST', '/window', { handle: handles.find((h) => h !== home) });
    const guide = new URL(await ff.cmd('GET', '/url'));
    assert.equal(guide.pathname, '/guide/guide.html');
    assert.equal(guide.searchParams.get('kinds'), 'card-number,card-cvc');
    assert.equal(guide.searchParams.get('site'), '192.0.2.10');
    await ff.cmd('DELETE', '/window');
    await ff.cmd('POST', '/window', { handle: home });
    const incidents = await inExtension('return (await browser.storage.local.get("incidents")).incidents;');
    assert.deepEqual(incidents.at(-1).kinds, ['card-number', 'card-cvc']);
    // Not in the random id or the time, whose digits may hold it by chance.
    const kept = incidents.map(({ id, time, ...rest }) => rest);
    assert.doesNotMatch(JSON.stringify(kept), /4242/, 'no values are kept');
  });

  test('a wallet recovery phrase: warned at the first key, and "Send anyway" opens the wallet steps', async () => {
    const before = posts('/restore').length;
    const [home] = await ff.cmd('GET', '/window/handles');
    assert.equal(await openGuarded(GUARD_WALLET), 'on');
    await click('#phrase');
    await keys('w');
    assert.deepEqual(await waitDialog('typing'), { kind: 'typing', kinds: 'recovery-phrase' });
    assert.equal(await value('phrase'), '', 'the first key was held back');
    await keys('Tab', 'Enter'); // "Type anyway"
    await noDialog();
    await keys(...'witch collapse practice');
    assert.equal(await value('phrase'), 'witch collapse practice');
    await click('#restore-button');
    await waitDialog('submit');
    assert.equal(posts('/restore').length, before, 'nothing sent while the warning is open');
    await keys('Tab', 'Enter'); // "Send anyway"
    await ff.waitFor('return location.pathname === "/restore"');
    const handles = await secondTab();
    assert.equal(handles.length, 2, 'the guide tab opened');
    await ff.cmd('POST', '/window', { handle: handles.find((h) => h !== home) });
    assert.equal(new URL(await ff.cmd('GET', '/url')).searchParams.get('kinds'), 'recovery-phrase');
    assert.equal(await ff.waitFor('return document.body.dataset.done && document.body.dataset.situations'), 'wallet');
    await ff.cmd('DELETE', '/window');
    await ff.cmd('POST', '/window', { handle: home });
    const incidents = await inExtension('return (await browser.storage.local.get("incidents")).incidents;');
    assert.deepEqual(incidents.at(-1).kinds, ['recovery-phrase']);
    assert.doesNotMatch(JSON.stringify(incidents), /collapse/, 'no words of the phrase are kept');
  });

  test('a page asking for a recovery phrase is guarded on an ordinary name too', async () => {
    assert.equal(await openGuarded(GUARD_WALLET_PLAIN), 'on');
    await click('#phrase');
    await keys('w');
    assert.deepEqual(await waitDialog('typing'), { kind: 'typing', kinds: 'recovery-phrase' });
    await keys('Escape');
    await noDialog();
  });

  test('a recovery phrase typed into a box named for something else is caught by its shape', async () => {
    assert.equal(await openGuarded(GUARD_WALLET), 'on');
    await click('#sync-data');
    await keys(...'nothing to see here');
    assert.equal(await ff.exec(DIALOG), null, 'ordinary text in an ordinary box: no warning');
    await ff.exec("document.getElementById('sync-data').value = ''");
    await keys(...'witch collapse practice feed shame open despair creek road again ice least');
    assert.deepEqual(await waitDialog('typing'), { kind: 'typing', kinds: 'recovery-phrase' });
    await keys('Escape');
    await noDialog();
  });

  test('a hostile page cannot send without the person\'s choice', async () => {
    const before = posts('/pay').length;
    await openGuarded(GUARD_HOSTILE);
    await fillCard();
    await click('#pay-button');
    await waitDialog('submit');
    const onTop = 'return document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.localName === "sagiguard-dialog"';
    await ff.exec('window.hostile.removeWarning()');
    await ff.waitFor('return !!document.querySelector("sagiguard-dialog")');
    await ff.waitFor(onTop);
    await ff.exec('window.hostile.hideWarning()');
    await ff.waitFor('return !/display: none/.test(document.querySelector("sagiguard-dialog").getAttribute("style"))');
    await ff.exec('window.hostile.overlay()');
    await ff.waitFor(onTop);
    await ff.exec('window.hostile.pageModal()');
    await ff.waitFor(onTop);
    await ff.exec('window.hostile.fakeChoices()');
    await ff.exec('window.hostile.submitAgain()');
    await ff.screenshot(`${ART}/firefox-guard-hostile.png`);
    await sleep(500);
    assert.equal(posts('/pay').length, before, 'nothing sent while the choice is pending');
    assert.ok(await ff.exec(DIALOG));
    await keys('Escape');
    await noDialog();
    await sleep(300);
    assert.equal(posts('/pay').length, before);
  });

  test('a submit() borrowed from another frame and FormData built by a script get no sensitive value', async () => {
    const before = posts('/pay').length;
    const [home] = await ff.cmd('GET', '/window/handles');
    await openGuarded(GUARD_HOSTILE);
    await fillCard();
    assert.deepEqual(await ff.exec('return window.hostile.formData()'), { cc: '', cvc: '' }, 'emptied in the FormData');
    await waitDialog('submit');
    await keys('Escape');
    await noDialog();
    await ff.exec('window.hostile.foreignSubmit()');
    assert.deepEqual(await waitDialog('submit'), { kind: 'submit', kinds: 'card-number,card-cvc' });
    await sleep(500);
    assert.equal(posts('/pay').length, before, 'the borrowed submit() sent nothing');
    assert.equal(await value('cc'), '4242 4242 4242 4242', 'the form is back, as it was');
    await keys('Tab', 'Enter'); // Send anyway
    await ff.waitFor('return location.pathname === "/pay" || null');
    await sleep(300);
    const sent = posts('/pay').slice(before);
    assert.equal(sent.length, 1, 'sent once, after the choice');
    assert.match(sent[0].body, /cc=4242/);
    for (const h of (await secondTab()).filter((x) => x !== home)) {
      await ff.cmd('POST', '/window', { handle: h });
      await ff.cmd('DELETE', '/window');
    }
    await ff.cmd('POST', '/window', { handle: home });
  });

  test('the content script and `sagiguard forms` agree on the fixture pages', async () => {
    for (const name of fixtureNames()) {
      const url = GUARD_FIXTURES + name;
      await ff.go(url);
      await ff.waitFor('return document.documentElement.dataset.sagiguardFields || null');
      const report = await inExtension(`const bg = await browser.runtime.getBackgroundPage();
        const last = bg.__sagiguard.lastPageReport();
        return last && last.url === ${JSON.stringify(url)} ? JSON.parse(JSON.stringify(last)) : null;`);
      assert.ok(report && !report.error, `${name}: reported (${JSON.stringify(report)})`);
      assert.deepEqual(differences(report, cliForms(name, url)), [], name);
    }
  });

  test('"I trust this site" sends and stops the warnings there', async () => {
    const before = posts('/pay').length;
    await openGuarded(GUARD_TRUSTED);
    await fillCard();
    await click('#pay-button');
    await waitDialog('submit');
    await keys('Tab', 'Tab', 'Enter');
    await ff.waitFor('return location.pathname === "/pay"');
    assert.equal(posts('/pay').length - before, 1);
    assert.equal(await openGuarded(GUARD_TRUSTED), 'trusted');
    await click('#cc');
    await keys('4', '2');
    assert.equal(await value('cc'), '42');
    await click('#pay-button');
    await ff.waitFor('return location.pathname === "/pay"');
    assert.equal(posts('/pay').length - before, 2);
  });
});
