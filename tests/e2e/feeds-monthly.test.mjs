// Monthly feeds (extension/background/feeds/monthly.js), run in node against
// the local test server on 127.0.0.1: which months' files are asked for, how
// unpublished months, 304s, a new month and a failing month are handled. The
// browsers' feed tests then prove the same feed blocks pages end to end.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MONTHS, downloadMonthly, isMonthly, monthUrls, readableTemplate } from '../../extension/background/feeds/monthly.js';
import { startServer } from './lib/server.mjs';

let server;
let base;
before(async () => {
  server = await startServer();
  base = `http://127.0.0.1:${server.port}`;
});
after(() => server?.close());

/** Serves `files` (`{path: text}`) with ETags, answering conditional requests; counts 200s and 304s. */
function serve(files) {
  const counts = { full: 0, unchanged: 0 };
  for (const [path, text] of Object.entries(files)) {
    const etag = `"${path.length}-${text.length}"`;
    server.routes.set(path, (req, res) => {
      if (req.headers['if-none-match'] === etag) {
        counts.unchanged += 1;
        res.writeHead(304);
        return res.end();
      }
      counts.full += 1;
      res.writeHead(200, { 'content-type': 'text/csv', etag });
      return res.end(text);
    });
  }
  return counts;
}

const NOW = new Date(Date.UTC(2026, 1, 10)); // 2026-02-10: the window crosses a year

describe('monthly feeds', () => {
  test('the template names the last twelve months, newest first, across the year', () => {
    const urls = monthUrls('https://example.org/{yyyy}/{yyyy}{mm}.csv', NOW);
    assert.equal(urls.length, MONTHS);
    assert.deepEqual(urls.slice(0, 3), ['https://example.org/2026/202602.csv', 'https://example.org/2026/202601.csv', 'https://example.org/2025/202512.csv']);
    assert.equal(urls.at(-1), 'https://example.org/2025/202503.csv');
    // As the URL parser writes a typed template; shown back as typed.
    const parsed = new URL('https://example.org/{yyyy}/{yyyy}{mm}.csv').href;
    assert.ok(isMonthly(parsed), parsed);
    assert.equal(readableTemplate(parsed), 'https://example.org/{yyyy}/{yyyy}{mm}.csv');
    assert.equal(monthUrls(parsed, NOW)[0], 'https://example.org/2026/202602.csv');
    assert.equal(isMonthly('https://openphish.com/feed.txt'), false);
  });

  test('published months are joined into one feed, unpublished ones skipped; 304s keep the list', async () => {
    const header = 'date,URL,description\n';
    const counts = serve({
      '/m1/2026/202601.csv': `${header}2026/01/03,https://new.bad.example/login,Bank\n`,
      '/m1/2025/202511.csv': `${header}2025/11/20,https://old.bad.example/,Card`,
    });
    const template = `${base}/m1/{yyyy}/{yyyy}{mm}.csv`;
    const got = await downloadMonthly(template, {}, NOW);
    assert.equal(got.status, 'ok');
    // One header (the first file's), both files' rows, a line end between them.
    assert.equal(got.text, `${header}2026/01/03,https://new.bad.example/login,Bank\n2025/11/20,https://old.bad.example/,Card\n`);
    assert.deepEqual(Object.keys(got.parts), [`${base}/m1/2026/202601.csv`, `${base}/m1/2025/202511.csv`]);
    assert.equal(server.requests.filter((r) => r.path.startsWith('/m1/')).length, MONTHS, 'every month in the window was asked for');
    // Nothing changed: every file answers 304, the list in force stays.
    assert.deepEqual(await downloadMonthly(template, { parts: got.parts }, NOW), { status: 'unchanged' });
    assert.equal(counts.unchanged, 2);
    // A month later 2025-11 is still in the window, 2026-02 is out: the list is rebuilt with it.
    serve({ '/m1/2026/202602.csv': `${header}2026/02/01,https://newer.bad.example/,Bank\n` });
    const next = await downloadMonthly(template, { parts: got.parts }, NOW);
    assert.equal(next.status, 'ok');
    assert.equal(Object.keys(next.parts).length, 3);
    assert.match(next.text, /newer\.bad\.example[^]*new\.bad\.example[^]*old\.bad\.example/);
  });

  test('a month that ages out of the window drops out of the list', async () => {
    serve({ '/m2/2025/202503.csv': 'https://oldest.bad.example/\n', '/m2/2025/202504.csv': 'https://kept.bad.example/\n' });
    const template = `${base}/m2/{yyyy}/{yyyy}{mm}.csv`;
    const first = await downloadMonthly(template, {}, NOW);
    assert.match(first.text, /oldest/);
    const later = await downloadMonthly(template, { parts: first.parts }, new Date(Date.UTC(2026, 2, 2)));
    assert.equal(later.status, 'ok');
    assert.equal(later.text, 'https://kept.bad.example/\n');
  });

  test('no published month, or a month that fails, is an error (the caller keeps the old list)', async () => {
    await assert.rejects(downloadMonthly(`${base}/none/{yyyy}{mm}.txt`, {}, NOW), /no monthly file found/);
    server.routes.set('/m3/202601.txt', (req, res) => {
      res.writeHead(500);
      res.end('down');
    });
    await assert.rejects(downloadMonthly(`${base}/m3/{yyyy}{mm}.txt`, {}, NOW), /HTTP 500/);
  });
});
