// The wasm build of the engine, loaded in node as the browser loads it, must
// answer like the native engine: same levels, same reason codes, error values
// instead of exceptions for bad input.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Engine, initSync } from '../../extension/pkg/sagiguard.js';
import { cliPath } from '../e2e/lib/guard.mjs';

initSync({ module: readFileSync(new URL('../../extension/pkg/sagiguard_bg.wasm', import.meta.url)) });
const engine = new Engine();

const URLS = [
  'http://192.0.2.7/login',
  'https://example.com/',
  'http://user@evil.example/',
  'example.org',
  'https://www.google.com/search?q=x',
  'https://www.google.com/url?q=https%3A%2F%2Fwww.amazon.co.jp.account-check.example%2F&sa=D',
];

test('wasm and native engines agree', () => {
  const native = execFileSync(cliPath(), ['scan'], { input: URLS.join('\n') + '\n' })
    .toString().split('\n').filter(Boolean).map((l) => l.split('\t'));
  URLS.forEach((url, i) => {
    const v = engine.checkUrl(url, 'en');
    assert.equal(v.level, native[i][1], url);
    assert.equal(String(v.score), native[i][2], url);
    assert.equal(v.reasons.map((r) => r.code).join(','), native[i][3], url);
  });
});

test('levelOf gives the level checkUrl gives, or invalid', () => {
  for (const url of [...URLS, '', 'chrome://extensions']) {
    const v = engine.checkUrl(url, 'en');
    assert.equal(engine.levelOf(url), v.error ? 'invalid' : v.level, url);
  }
});

test('texts follow the language', () => {
  const en = engine.checkUrl('http://192.0.2.7/login', 'en-US');
  const ja = engine.checkUrl('http://192.0.2.7/login', 'ja');
  assert.notEqual(en.reasons[0].text, ja.reasons[0].text);
  assert.match(ja.reasons[0].text, /[\u3040-\u30ff]/);
});

test('a redirector link shows where it leads, in both languages', () => {
  const url = 'https://www.google.com/url?q=https%3A%2F%2Fwww.amazon.co.jp.account-check.example%2F&sa=D';
  for (const lang of ['en', 'ja']) {
    const v = engine.checkUrl(url, lang);
    assert.equal(v.level, 'danger');
    assert.equal(v.host, 'www.amazon.co.jp.account-check.example');
    const via = v.reasons.find((r) => r.code === 'forwards-to');
    assert.ok(via && via.text.includes('www.google.com') && via.text.includes(v.host), JSON.stringify(v.reasons));
  }
});

test('bad input is an error value, never an exception', () => {
  for (const input of ['', ' ', 'http://', 'http://[::1', '\u0000\uffff', 'x'.repeat(200_000)]) {
    const v = engine.checkUrl(input, 'en');
    assert.ok(v.error || v.level, `${JSON.stringify(input.slice(0, 20))} -> ${JSON.stringify(v)}`);
  }
});

test('checkPasted judges the link in pasted text and names it', () => {
  const plain = engine.checkPasted('http://192.0.2.7/login', 'en');
  assert.equal(plain.level, engine.checkUrl('http://192.0.2.7/login', 'en').level);
  assert.equal(plain.checked, undefined, 'a bare link needs no "found" line');
  for (const [pasted, link] of [
    ['<http://192.0.2.7/login>', 'http://192.0.2.7/login'],
    ['hxxp://192.0.2[.]7/login', 'http://192.0.2.7/login'],
    ['お荷物の確認はこちらhttp://192.0.2.7/login。', 'http://192.0.2.7/login'],
  ]) {
    const v = engine.checkPasted(pasted, 'ja');
    assert.equal(v.checked, link, pasted);
    assert.equal(v.host, '192.0.2.7', pasted);
    assert.equal(v.level, 'caution', pasted);
  }
  assert.ok(engine.checkPasted('no link in here', 'en').error);
  assert.ok(engine.checkPasted('x '.repeat(100_000), 'en').error);
});

test('checkPage reads at most 1024 bytes of a member and 10 page facts, whatever a content script sends', () => {
  const page = (placeholder, headings = []) => ({ fields: [{ tag: 'input', type: 'text', placeholder }], facts: { headings } });
  const check = (p) => engine.checkPage(p, 'http://192.0.2.7/pay', 'en');
  // Read in full when short; a word past the 1024th byte is never read.
  assert.equal(check(page('カード番号')).fields[0].kind, 'card-number');
  assert.notEqual(check(page(`${' '.repeat(1024)}カード番号`)).fields[0].kind, 'card-number');
  // Cut at a character boundary (3-byte characters do not divide 1024), and
  // a megabyte answers as its first kilobyte does.
  assert.deepEqual(check(page('あ'.repeat(1_000_000))), check(page('あ'.repeat(341))));
  const many = Array.from({ length: 100_000 }, (_, i) => `Heading ${i}`);
  assert.deepEqual(check(page('', many)), check(page('', many.slice(0, 10))));
  assert.ok(!engine.checkPage({ forms: [{ index: 0, action: `https://a.example/${'x'.repeat(1 << 20)}` }] }, 'https://a.example/', 'en').error);
});

test('checkPage reads the page report and rejects wrong types', () => {
  const field = { tag: 'input', type: 'text', name: 'cardnumber', autocomplete: 'cc-number', maxLength: 19, formIndex: 0 };
  const form = { index: 0, action: 'https://collector.example/p', method: 'post' };
  const facts = { title: 'Shop', headings: ['Pay'], textSample: 'Pay here', logoAlts: [], faviconHost: '' };
  const full = engine.checkPage({ fields: [field], forms: [form], facts }, 'https://shop.example/pay', 'en');
  assert.ok(full.verdict.level, JSON.stringify(full));
  assert.equal(full.fields[0].kind, 'card-number');
  assert.ok(full.fields[0].confidence > 0.5 && full.fields[0].confidence <= 1);
  assert.equal(full.forms[0].actionSiteDiffers, true);
  assert.equal(full.sensitive, true);
  // The kinds the extension guards come from the engine, and cover the page's.
  const guarded = engine.sensitiveKinds();
  assert.deepEqual(guarded.slice(0, 2), ['password', 'card-number']);
  for (const kind of ['gift-card-code', 'recovery-phrase', 'bank-account', 'pin', 'otp']) assert.ok(guarded.includes(kind), kind);
  for (const kind of ['email', 'phone', 'other']) assert.ok(!guarded.includes(kind), kind);
  for (const kind of full.kinds) assert.ok(guarded.includes(kind), kind);
  // Members left out or undefined keep their defaults; unknown members are ignored.
  assert.ok(!engine.checkPage({ fields: [{ name: 'q', extra: 1, id: undefined }] }, 'https://a.example/', 'en').error);
  assert.deepEqual(engine.checkPage({}, 'https://a.example/', 'en').fields, []);
  const bads = [null, 7, 'x', { fields: 'x' }, { fields: [{ name: 5 }] }, { fields: [{ maxLength: 1.5 }] },
    { fields: [{ formIndex: 2 ** 40 }] }, { fields: [null] }, { forms: [{ index: 'a' }] }, { facts: { headings: [1] } },
    { facts: { title: 3 } }, { facts: 'x' }];
  for (const bad of bads) {
    const r = engine.checkPage(bad, 'https://a.example/', 'en');
    assert.ok(typeof r.error === 'string' && r.error.length > 0, `${JSON.stringify(bad)} -> ${JSON.stringify(r)}`);
  }
});
