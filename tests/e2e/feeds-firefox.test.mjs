// Threat-list feeds and the warning page, end to end in headless Firefox ESR:
// the same story as feeds-chromium.test.mjs. Firefox blocks the listed page
// with blocking webRequest, so the request never even leaves the browser.
//
// The restart: a temporary add-on is uninstalled when Firefox quits, and an
// uninstall normally deletes the add-on's storage. The profile is therefore a
// directory kept across the restart, with the prefs that keep an add-on's
// moz-extension UUID and its storage over an uninstall; the add-on is then
// installed again with the same id, and finds its IndexedDB lists.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchFirefox, newProfileDir } from './lib/firefox.mjs';
import { FEED_URL, FORWARDER, LISTED, LISTED_MONTHLY, LISTED_TRUSTED_LATER, MONTHLY_TEMPLATE, START, beaconSeen, monthlyFeed, serveFeed, serveMonthlyFeed } from './lib/feeds.mjs';
import { startServer } from './lib/server.mjs';

const ART = 'artifacts';
const KEEP = { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true };
let server;
let feed;
let ff;
let profile;

before(async () => {
  server = await startServer();
  feed = serveFeed(server);
  profile = newProfileDir();
  ff = await launchFirefox({ proxyPort: server.port, profile, prefs: KEEP });
});
after(async () => {
  await ff?.quit();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Sends a message to the background from our options page, as that page does. */
async function send(message) {
  const url = ff.url('options/options.html');
  if ((await ff.cmd('GET', '/url')) !== url) {
    await ff.go(url);
    await ff.waitFor('return document.getElementById("feeds")?.dataset.ready === "1"');
  }
  const answer = await ff.execAsync('const done = arguments[arguments.length - 1]; browser.runtime.sendMessage(arguments[0]).then(done, (e) => done({ error: String(e) }));', message);
  if (answer?.error) throw new Error(`${message.type}: ${answer.error}`);
  return answer;
}

function testFeed(report) {
  return report.feeds.find((f) => f.url === FEED_URL);
}

/** Goes to the start page, then to `url`; waits for the warning page or the site. */
async function visit(url) {
  await ff.go(START);
  await ff.go(url).catch(() => {});
  await ff.waitFor('return document.body?.dataset.done === "1" || document.title === "Danger page content"');
  return ff.cmd('GET', '/url');
}

const isWarning = (at) => at.startsWith(ff.url('warning/warning.html'));

describe('firefox: threat-list feeds and the warning page', () => {
  test('the extension downloads a feed and compiles it', async () => {
    for (const f of (await send({ type: 'feeds' })).feeds) {
      if (f.enabled) await send({ type: 'set-feed-enabled', id: f.id, enabled: false });
    }
    const mine = testFeed(await send({ type: 'add-feed', url: FEED_URL, name: 'Test feed' }));
    assert.equal(mine.state.error, null, JSON.stringify(mine.state));
    assert.equal(mine.state.entries, 3);
    assert.equal(mine.state.etag, '"feed-v1"');
  });

  test('a list published as one file per month is read from the months that are out', async () => {
    serveMonthlyFeed(server);
    const report = await send({ type: 'add-feed', url: MONTHLY_TEMPLATE, name: 'Monthly test feed' });
    const monthly = monthlyFeed(report);
    assert.ok(isWarning(await visit(LISTED_MONTHLY)));
    assert.equal(server.requests.some((r) => r.host === 'older-month.bad.example'), false, 'the listed page was requested');
    await send({ type: 'remove-feed', id: monthly.id });
  });

  test('a listed page is replaced by the warning page before it is even requested', async () => {
    const at = await visit(LISTED);
    assert.ok(isWarning(at), at);
    assert.equal(beaconSeen(server), false, 'the danger page loaded its beacon');
    assert.equal(server.requests.some((r) => r.host === 'phish-login.bad.example'), false, 'the listed page was requested');
    assert.match(await ff.exec(`return document.querySelector('#reasons li[data-code="threat-list"] .list-updated').textContent`), /Test feed was last updated /);
    assert.equal(await ff.exec('return document.activeElement.id'), 'back');
    await ff.screenshot(`${ART}/firefox-warning.png`);
  });

  test('"Go back" returns to the previous page', async () => {
    assert.ok(isWarning(await visit(LISTED)));
    await ff.exec('document.getElementById("back").click()');
    await ff.waitFor('return document.title === "Start page"');
    assert.equal(await ff.cmd('GET', '/url'), START);
  });

  test('"Continue anyway" opens the page once, without a loop', async () => {
    assert.ok(isWarning(await visit(LISTED)));
    await ff.exec('document.querySelector("details").open = true; document.getElementById("continue").click()');
    await ff.waitFor('return document.title === "Danger page content"');
    assert.equal(await ff.cmd('GET', '/url'), LISTED);
    await ff.cmd('POST', '/refresh', {});
    await ff.waitFor('return document.title === "Danger page content"');
    assert.equal(await ff.cmd('GET', '/url'), LISTED, 'a reload in the same tab stays on the page');
    // This time only: once the tab has been elsewhere, the warning is back.
    assert.ok(isWarning(await visit(LISTED)));
  });

  test('a link that forwards to a listed page is stopped before the forwarder, and continues in one click', async () => {
    const at = await visit(FORWARDER);
    assert.ok(isWarning(at), at);
    assert.ok(at.endsWith(`#${FORWARDER}`), at);
    assert.equal(server.requests.some((r) => r.host === 'links.start.example.com'), false, 'the forwarder was requested');
    await ff.exec('document.querySelector("details").open = true; document.getElementById("continue").click()');
    await ff.waitFor('return document.title === "Danger page content"');
    assert.equal(await ff.cmd('GET', '/url'), LISTED, 'the forwarder led on to the page, with no second warning');
  });

  test('garbage, HTTP 500 and a dropped connection keep the old list in force', async () => {
    for (const mode of ['garbage', 'error', 'down']) {
      feed.mode = mode;
      const mine = testFeed(await send({ type: 'update-feeds' }));
      assert.ok(mine.state.error, `${mode}: an error is recorded`);
      assert.equal(mine.state.entries, 3, `${mode}: the old entry count stays`);
      assert.ok(isWarning(await visit(LISTED)), `${mode}: still blocked`);
    }
    feed.mode = 'ok';
    const mine = testFeed(await send({ type: 'update-feeds' }));
    assert.equal(mine.state.error, null);
    assert.ok(feed.conditional >= 1, 'the update was a conditional request (304)');
  });

  test('the person\'s allowlist overrides the feed', async () => {
    assert.ok(isWarning(await visit(LISTED_TRUSTED_LATER)));
    await ff.exec('document.querySelector("details").open = true; document.getElementById("trust").click()');
    await ff.waitFor('return document.title === "Danger page content"');
    await visit(LISTED_TRUSTED_LATER);
    assert.equal(await ff.exec('return document.title'), 'Danger page content');
    // The warning page trusts the site its verdict names (the registrable domain).
    assert.deepEqual((await send({ type: 'user-lists' })).allow, ['bad.example']);
    await send({ type: 'untrust-site', site: 'bad.example' });
  });

  test('after a browser restart with the feed server down, the list still blocks', async () => {
    await ff.quit();
    feed.mode = 'down';
    server.requests.length = 0;
    ff = await launchFirefox({ proxyPort: server.port, profile, prefs: KEEP });
    const at = await visit(LISTED);
    assert.ok(isWarning(at), at);
    assert.equal(beaconSeen(server), false);
    const mine = testFeed(await send({ type: 'feeds' }));
    assert.equal(mine.state.entries, 3, 'the feed settings and state survived too');
  });

  test('a stored list that no longer loads is downloaded again in full at the next start', async () => {
    const { id } = testFeed(await send({ type: 'feeds' }));
    // Damage the stored bytes from our own page (same origin as the background's IndexedDB).
    const damaged = await ff.execAsync(`const done = arguments[arguments.length - 1];
      const req = indexedDB.open('sagiguard-lists', 1);
      req.onerror = () => done(String(req.error));
      req.onsuccess = () => {
        const db = req.result;
        const store = () => db.transaction('lists', 'readwrite').objectStore('lists');
        store().get(arguments[0]).onsuccess = (e) => {
          const record = e.target.result;
          record.bytes[record.bytes.length - 1] ^= 0xff;
          store().put(record, arguments[0]).onsuccess = () => { db.close(); done('ok'); };
        };
      };`, id);
    assert.equal(damaged, 'ok');
    await ff.quit();
    feed.mode = 'ok';
    const { hits, conditional } = feed;
    ff = await launchFirefox({ proxyPort: server.port, profile, prefs: KEEP });
    let mine;
    for (let tries = 0; tries < 100; tries++) {
      mine = testFeed(await send({ type: 'feeds' }));
      if (feed.hits > hits && mine.state.entries === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(feed.hits > hits, 'the feed was downloaded again');
    assert.equal(feed.conditional, conditional, 'in full, not as a conditional request');
    assert.equal(mine.state.entries, 3, JSON.stringify(mine.state));
    assert.equal(mine.state.error, null);
    assert.ok(isWarning(await visit(LISTED)), 'the fresh list blocks');
  });
});
