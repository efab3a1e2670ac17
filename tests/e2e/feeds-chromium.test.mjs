// Threat-list feeds and the warning page, end to end in headless Chromium:
// the extension downloads a feed from the local test server, replaces a
// listed page by its warning page before the page's own content loads, keeps
// the old list through garbage, HTTP 500 and a browser restart with the feed
// server down, and lets the person's allowlist win.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium, serviceWorker, stopServiceWorkers } from './lib/chromium.mjs';
import { FEED_URL, FORWARDER, LISTED, LISTED_MONTHLY, LISTED_TRUSTED_LATER, MONTHLY_TEMPLATE, START, beaconSeen, monthlyFeed, serveFeed, serveMonthlyFeed } from './lib/feeds.mjs';
import { startServer } from './lib/server.mjs';
import { axePlaywright } from './lib/ui.mjs';

const ART = 'artifacts';
let server;
let feed;
let browser;
let ext; // an extension page, to send messages as the options page does

before(async () => {
  server = await startServer();
  feed = serveFeed(server);
  browser = await launchChromium({ proxyPort: server.port });
  ext = await openExtensionPage();
});
after(async () => {
  await browser?.context.close();
  await server?.close();
});

async function openExtensionPage() {
  const page = await browser.context.newPage();
  await page.goto(browser.url('options/options.html'));
  await page.waitForSelector('#feeds[data-ready="1"]');
  return page;
}

async function send(message) {
  const answer = await ext.evaluate((m) => chrome.runtime.sendMessage(m), message);
  if (answer?.error) throw new Error(`${message.type}: ${answer.error}`);
  return answer;
}

function testFeed(report) {
  return report.feeds.find((f) => f.url === FEED_URL);
}

/** Opens `url` in a new tab and waits until it shows either the warning page or the site. */
async function visit(url) {
  const page = await browser.context.newPage();
  await page.goto(START);
  await page.goto(url).catch(() => {}); // the navigation is replaced: goto may report an abort
  await page.waitForFunction(() => document.body?.dataset.done === '1' || document.title === 'Danger page content');
  return page;
}

const isWarning = (page) => page.url().startsWith(browser.url('warning/warning.html'));

describe('chromium: threat-list feeds and the warning page', () => {
  test('the extension downloads a feed and compiles it', async () => {
    for (const f of (await send({ type: 'feeds' })).feeds) {
      if (f.enabled) await send({ type: 'set-feed-enabled', id: f.id, enabled: false });
    }
    const report = await send({ type: 'add-feed', url: FEED_URL, name: 'Test feed' });
    const mine = testFeed(report);
    assert.equal(mine.state.error, null, JSON.stringify(mine.state));
    assert.equal(mine.state.entries, 3);
    assert.ok(mine.state.updatedAt > 0);
    assert.equal(mine.state.etag, '"feed-v1"');
    // The options page shows it.
    await ext.reload();
    await ext.waitForSelector('#feeds[data-ready="1"]');
    const card = ext.locator(`.feed[data-id="${mine.id}"]`);
    assert.match(await card.locator('.feed-status').textContent(), /3 entries/);
    assert.equal(await card.locator('.feed-enabled').isChecked(), true);
    assert.equal(await ext.locator('.feed[data-id="openphish"] .feed-licence').count(), 1);
    // "Update now" on the page: a conditional request, answered 304.
    const conditional = feed.conditional;
    await ext.click('#feeds-update');
    await ext.waitForFunction(() => document.querySelector('#feeds-update') && !document.querySelector('#feeds-update').disabled);
    assert.equal(feed.conditional, conditional + 1);
  });

  test('a list published as one file per month is read from the months that are out', async () => {
    serveMonthlyFeed(server);
    const report = await send({ type: 'add-feed', url: MONTHLY_TEMPLATE, name: 'Monthly test feed' });
    const monthly = monthlyFeed(report);
    await ext.reload();
    await ext.waitForSelector('#feeds[data-ready="1"]');
    assert.match(await ext.locator(`.feed[data-id="${monthly.id}"] .feed-monthly`).textContent(), /last 12 months/);
    const page = await visit(LISTED_MONTHLY);
    assert.ok(isWarning(page), page.url());
    await page.close();
    await send({ type: 'remove-feed', id: monthly.id });
  });

  test('a listed page is replaced by the warning page before its content loads', async () => {
    const page = await visit(LISTED);
    assert.ok(isWarning(page), page.url());
    assert.equal(beaconSeen(server), false, 'the danger page loaded its beacon');
    assert.match(await page.textContent('#reasons li[data-code="threat-list"] .list-updated'), /Test feed was last updated /);
    assert.match(await page.textContent('#address'), /phish-login\.bad\.example/);
    const codes = await page.$$eval('#reasons li', (lis) => lis.map((li) => li.dataset.code));
    assert.ok(codes.includes('threat-list'), codes.join());
    assert.equal(await page.evaluate(() => document.activeElement.id), 'back');
    // "Report a mistake" is only a link, filled in, that sends nothing by itself.
    const report = await page.getAttribute('#report', 'href');
    assert.ok(report.startsWith('mailto:?subject='), report);
    assert.ok(report.includes(encodeURIComponent(LISTED)), report);
    await page.setViewportSize({ width: 900, height: 640 });
    await page.screenshot({ path: `${ART}/chromium-warning.png` });
    await page.click('summary');
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      assert.deepEqual(await axePlaywright(page), [], `warning page (${colorScheme})`);
    }
    await page.close();
  });

  test('a host the feed lists whole is stopped before any request, also when the worker was asleep', async () => {
    const page = await browser.context.newPage();
    await page.goto(START);
    await stopServiceWorkers(browser.context, page);
    const before = server.requests.length;
    await page.evaluate(() => { location.href = 'http://third.bad.example/any/page.html'; });
    await page.waitForFunction(() => document.body?.dataset.done === '1');
    assert.ok(isWarning(page), page.url());
    assert.match(await page.textContent('#address'), /third\.bad\.example\/any\/page\.html/);
    assert.equal(server.requests.slice(before).some((r) => r.host === 'third.bad.example'), false, 'the listed host was requested');
    browser.worker = await serviceWorker(browser.context);
    await page.close();
  });

  test('a link to a listed page is replaced, also when the worker was asleep; the next visit never loads', async (t) => {
    const page = await browser.context.newPage();
    await page.goto(START);
    await stopServiceWorkers(browser.context, page);
    const linked = 'http://shop-account.bad.example/feeds-danger.html?from=link';
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.id = 'go';
      a.textContent = 'go';
      document.body.append(a);
    }, linked);
    const before = server.requests.length;
    await page.click('#go');
    await page.waitForFunction(() => document.body?.dataset.done === '1');
    assert.ok(isWarning(page), page.url());
    browser.worker = await serviceWorker(browser.context);
    // Chromium starts a sleeping worker only after the request left (no
    // blocking webRequest): a fast site may begin to load before the switch.
    const early = server.requests.slice(before).some((r) => r.path === '/beacon-shown');
    t.diagnostic(`cold worker: the page's beacon was ${early ? '' : 'not '}loaded before the warning replaced it`);
    // The second time a rule redirects inside the network stack: nothing loads.
    const mark = server.requests.length;
    await page.goto(START);
    await page.evaluate((href) => { location.href = href; }, linked);
    await page.waitForFunction(() => document.body?.dataset.done === '1');
    assert.ok(isWarning(page), page.url());
    assert.equal(server.requests.slice(mark).some((r) => r.host === 'shop-account.bad.example'), false, 'the listed page was requested');
    await page.close();
  });

  test('"Go back" returns to the previous page', async () => {
    const page = await visit(LISTED);
    assert.ok(isWarning(page));
    await page.click('#back');
    await page.waitForURL(START);
    assert.equal(await page.title(), 'Start page');
    await page.close();
  });

  test('"Continue anyway" opens the page once, without a loop', async () => {
    const page = await visit(LISTED);
    assert.ok(isWarning(page));
    await page.click('summary');
    await page.click('#continue');
    await page.waitForFunction(() => document.title === 'Danger page content');
    assert.equal(page.url(), LISTED);
    await page.reload();
    await page.waitForTimeout(300);
    assert.equal(page.url(), LISTED, 'a reload in the same tab stays on the page');
    await page.close();
    // This time only: another tab is warned again.
    const again = await visit(LISTED);
    assert.ok(isWarning(again));
    await again.close();
  });

  test('a link that forwards to a listed page is stopped before the forwarder, and continues in one click', async () => {
    const before = server.requests.length;
    const page = await visit(FORWARDER);
    assert.ok(isWarning(page), page.url());
    // The warning is about the link itself, not about the page it would have
    // been forwarded to (which the per-URL rule of an earlier visit would catch).
    assert.ok(page.url().endsWith(`#${FORWARDER}`), page.url());
    // Chromium replaces the navigation instead of holding its request (see
    // lib/feeds.mjs): the tracker may be asked, but it never got to forward.
    assert.equal(server.requests.slice(before).some((r) => r.host === 'phish-login.bad.example'), false, 'the link was forwarded before the warning');
    await page.click('summary');
    await page.click('#continue');
    await page.waitForFunction(() => document.title === 'Danger page content');
    assert.equal(page.url(), LISTED, 'the forwarder led on to the page, with no second warning');
    await page.close();
  });

  test('garbage and HTTP 500 from the feed keep the old list in force', async () => {
    for (const mode of ['garbage', 'error', 'down']) {
      feed.mode = mode;
      const mine = testFeed(await send({ type: 'update-feeds' }));
      assert.ok(mine.state.error, `${mode}: an error is recorded`);
      assert.equal(mine.state.entries, 3, `${mode}: the old entry count stays`);
      const page = await visit(LISTED);
      assert.ok(isWarning(page), `${mode}: still blocked`);
      await page.close();
    }
    feed.mode = 'ok';
    const mine = testFeed(await send({ type: 'update-feeds' }));
    assert.equal(mine.state.error, null);
    assert.ok(feed.conditional >= 1, 'the update was a conditional request (304)');
  });

  test('the person\'s allowlist overrides the feed', async () => {
    const page = await visit(LISTED_TRUSTED_LATER);
    assert.ok(isWarning(page));
    await page.click('summary');
    // The button names the site it trusts: the one the verdict names (the registrable domain).
    assert.match(await page.textContent('#trust'), /\bbad\.example\b/);
    await page.click('#trust');
    await page.waitForFunction(() => document.title === 'Danger page content');
    await page.close();
    const again = await visit(LISTED_TRUSTED_LATER);
    assert.equal(await again.title(), 'Danger page content');
    await again.close();
    assert.deepEqual((await send({ type: 'user-lists' })).allow, ['bad.example']);
    await send({ type: 'untrust-site', site: 'bad.example' });
  });

  test('the person\'s blocklist is blocked before load too', async () => {
    const site = 'http://blocked-by-me.example.org/feeds-danger.html';
    await send({ type: 'block-site', site: 'blocked-by-me.example.org' });
    const page = await visit(site);
    assert.ok(isWarning(page), page.url());
    const codes = await page.$$eval('#reasons li', (lis) => lis.map((li) => li.dataset.code));
    assert.ok(codes.includes('user-block'), codes.join());
    await page.close();
    await send({ type: 'unblock-site', site: 'blocked-by-me.example.org' });
  });

  test('the warning page speaks Japanese when the person chose it', async () => {
    await ext.evaluate(() => chrome.storage.sync.set({ lang: 'ja' }));
    const page = await visit(LISTED);
    assert.ok(isWarning(page));
    assert.equal(await page.textContent('h1'), '危険なサイトをブロックしました');
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    assert.match(await page.textContent('#back'), /戻る/);
    await page.setViewportSize({ width: 900, height: 640 });
    await page.screenshot({ path: `${ART}/chromium-warning-ja.png` });
    await page.close();
    await ext.evaluate(() => chrome.storage.sync.set({ lang: 'auto' }));
  });

  test('a stored list that no longer loads is downloaded again in full at the next wake', async () => {
    feed.mode = 'ok';
    const { id } = testFeed(await send({ type: 'feeds' }));
    // Damage the stored bytes (as a disk error, or an update that reads another format, would).
    await ext.evaluate(async (key) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('sagiguard-lists', 1);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const store = () => db.transaction('lists', 'readwrite').objectStore('lists');
      const record = await new Promise((resolve) => { store().get(key).onsuccess = (e) => resolve(e.target.result); });
      record.bytes[record.bytes.length - 1] ^= 0xff;
      await new Promise((resolve) => { store().put(record, key).onsuccess = resolve; });
      db.close();
    }, id);
    const { hits, conditional } = feed;
    await stopServiceWorkers(browser.context, ext);
    // The next message wakes the worker, which refuses the damaged list and fetches the feed again.
    let mine;
    for (let tries = 0; tries < 100; tries++) {
      mine = testFeed(await send({ type: 'feeds' }));
      if (feed.hits > hits && mine.state.entries === 3) break;
      await ext.waitForTimeout(100);
    }
    assert.ok(feed.hits > hits, 'the feed was downloaded again');
    assert.equal(feed.conditional, conditional, 'in full, not as a conditional request');
    assert.equal(mine.state.entries, 3, JSON.stringify(mine.state));
    assert.equal(mine.state.error, null);
    const page = await visit(LISTED);
    assert.ok(isWarning(page), 'the fresh list blocks');
    await page.close();
  });

  test('after a browser restart with the feed server down, the list still blocks', async (t) => {
    const seen = await visit(LISTED); // a visit before the restart leaves a redirect rule
    assert.ok(isWarning(seen));
    await seen.close();
    const { userDataDir } = browser;
    await browser.context.close();
    feed.mode = 'down';
    server.requests.length = 0;
    browser = await launchChromium({ proxyPort: server.port, userDataDir });
    ext = await openExtensionPage();
    const page = await visit(LISTED);
    assert.ok(isWarning(page), page.url());
    assert.equal(beaconSeen(server), false);
    assert.equal(server.requests.some((r) => r.host === 'phish-login.bad.example'), false, 'the listed page was requested');
    // A listed page never visited: judged by the lists reloaded from IndexedDB.
    const fresh = await visit('http://third.bad.example/never-visited.html');
    assert.ok(isWarning(fresh), fresh.url());
    assert.equal(server.requests.some((r) => r.host === 'third.bad.example'), false, 'the pre-load rule outlives the restart');
    assert.match(await fresh.textContent('#reasons li[data-code="threat-list"]'), /Test feed/);
    const mine = testFeed(await send({ type: 'feeds' }));
    assert.equal(mine.state.entries, 3);
    t.diagnostic(`feed requests after the restart: ${server.requests.filter((r) => r.path === '/feeds-test/feed.txt').length}`);
    await page.close();
    await fresh.close();
  });
});
