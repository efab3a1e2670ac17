// A threat-list feed on the local test server for the feed tests: serves a
// plain URL list (OpenPhish style) with an ETag, and can be switched to
// garbage, to HTTP 500 or to a dropped connection to test failed updates.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { monthUrls } from '../../../extension/background/feeds/monthly.js';

const DANGER_PAGE = new URL('../sites/feeds-danger.html', import.meta.url);
/** How long a listed page takes to answer: a fast real site's round trip. */
const NETWORK_DELAY_MS = 150;

/** Where the extension downloads the test feed (through the proxy). */
export const FEED_URL = 'http://feeds.test.example/feeds-test/feed.txt';
/** A page the feed lists: blocked before its content loads. */
export const LISTED = 'http://phish-login.bad.example/feeds-danger.html';
/** A second listed page, for the allowlist test. */
export const LISTED_TRUSTED_LATER = 'http://shop-account.bad.example/feeds-danger.html';
/** A click tracker on an unlisted site that forwards to the listed page (the test server answers 302). */
export const FORWARDER = `http://links.start.example.com/go?to=${encodeURIComponent(LISTED)}`;
/** An ordinary page to start from and come back to. */
export const START = 'http://start.example.com/feeds-start.html';

const FEED = `# test feed
${LISTED}
${LISTED_TRUSTED_LATER}
http://third.bad.example/
`;

/**
 * Installs the feed route on `server` and returns a controller whose `mode`
 * is 'ok', 'garbage', 'error' (HTTP 500) or 'down' (connection dropped).
 */
export function serveFeed(server) {
  const feed = { mode: 'ok', hits: 0, conditional: 0 };
  // The listed pages answer after a network's usual delay. Chromium has no
  // blocking request hook for extensions: it replaces a navigation from
  // webNavigation.onBeforeNavigate, which takes the awake worker a few
  // milliseconds; a loopback answer in well under one could otherwise be
  // shown first. (Firefox blocks the request itself and never asks for it.)
  server.routes.set('/feeds-danger.html', (req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(readFileSync(DANGER_PAGE));
    }, NETWORK_DELAY_MS);
  });
  // The click tracker answers after the same delay, for the same reason.
  server.routes.set('/go', (req, res, _body, url) => {
    setTimeout(() => {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/', 'cache-control': 'no-store' });
      res.end();
    }, NETWORK_DELAY_MS);
  });
  server.routes.set('/feeds-test/feed.txt', (req, res) => {
    feed.hits += 1;
    if (feed.mode === 'down') return req.socket.destroy();
    if (feed.mode === 'error') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      return res.end('internal error');
    }
    if (feed.mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('<!doctype html>\n<title>Maintenance</title>\n<p>We are down for maintenance, please come back later.</p>\n\u0000\u0001\u0002 garbage garbage\n');
    }
    if (req.headers['if-none-match'] === '"feed-v1"') {
      feed.conditional += 1;
      res.writeHead(304);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/plain', etag: '"feed-v1"' });
    return res.end(FEED);
  });
  return feed;
}

/** Whether the test server ever received the danger page's beacon. */
export function beaconSeen(server) {
  return server.requests.some((r) => r.path === '/beacon-shown');
}

/** A monthly feed's address (feeds/monthly.js), as a person would type it. */
export const MONTHLY_TEMPLATE = 'http://feeds.test.example/feeds-monthly/{yyyy}/{yyyy}{mm}.csv';
/** A page listed only in the monthly feed's file of two months ago. */
export const LISTED_MONTHLY = 'http://older-month.bad.example/feeds-danger.html';

/**
 * Serves the monthly feed as JPCERT/CC publishes theirs: CSV files with a
 * header, last month's and the month before's out, this month's not yet (404).
 */
export function serveMonthlyFeed(server, now = new Date()) {
  // The months themselves are pinned to dates in feeds-monthly.test.mjs.
  const [, lastMonth, monthBefore] = monthUrls('/feeds-monthly/{yyyy}/{yyyy}{mm}.csv', now);
  const files = {
    [lastMonth]: 'date,URL,description\n2026/01/05,http://last-month.bad.example/login,Test bank\n',
    [monthBefore]: `date,URL,description\n2025/12/20,${LISTED_MONTHLY},Test card\n`,
  };
  for (const [path, text] of Object.entries(files)) {
    server.routes.set(path, (req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      res.end(text);
    });
  }
}

/** The monthly feed in an options report, checked as both browsers must read it: two months' rows, their files remembered. */
export function monthlyFeed(report) {
  const monthly = report.feeds.find((f) => f.url === MONTHLY_TEMPLATE);
  assert.ok(monthly, 'the address is kept as typed, with its {yyyy} and {mm}');
  assert.equal(monthly.state.error, null, JSON.stringify(monthly.state));
  assert.equal(monthly.state.entries, 2);
  assert.equal(monthly.state.skipped, 0, "the second file's header was read as a header");
  assert.equal(Object.keys(monthly.state.parts).length, 2);
  return monthly;
}
