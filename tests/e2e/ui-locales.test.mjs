// Every string people see exists in English and Japanese: the extension's
// _locales and the check page's i18n files have the same keys, no empty text,
// Japanese text that is Japanese, the same $1 placeholders in both, and every
// key the HTML and JS ask for.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
/** Words in the JS shaped like message keys that are not (message fields). */
const NOT_KEYS = new Set(['incidentId']);
/** Keys whose Japanese text is a proper name only. */
const NAMES = new Set(['actionTitle', 'firefoxTitle']);

function files(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pkg' ? [] : files(path, ext);
    return ext.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

const flat = (json) => Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v === 'string' ? v : v.message]));
const read = (path) => flat(JSON.parse(readFileSync(path, 'utf8')));
const placeholders = (s) => [...new Set(s.match(/\$\d/g) ?? [])].sort();

function checkPair(en, ja, where) {
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort(), `${where}: same keys`);
  for (const [key, text] of Object.entries(en)) {
    assert.ok(text.trim(), `${where} en ${key} is empty`);
    assert.ok(ja[key].trim(), `${where} ja ${key} is empty`);
    if (!NAMES.has(key)) assert.match(ja[key], JAPANESE, `${where} ja ${key} is not Japanese: ${ja[key]}`);
    assert.deepEqual(placeholders(ja[key]), placeholders(text), `${where} ${key}: placeholders`);
  }
}

/** Keys an HTML file names in data-i18n / data-i18n-attr. */
function htmlKeys(html) {
  const keys = [...html.matchAll(/data-i18n="([^"]+)"/g)].map((m) => m[1]);
  for (const [, pairs] of html.matchAll(/data-i18n-attr="([^"]+)"/g)) keys.push(...pairs.split(';').map((p) => p.split(':')[1]));
  return keys;
}

test('extension _locales: en and ja agree, nothing empty, Japanese is Japanese', () => {
  checkPair(read('extension/_locales/en/messages.json'), read('extension/_locales/ja/messages.json'), '_locales');
});

test('every message key the extension uses exists', () => {
  const en = read('extension/_locales/en/messages.json');
  const used = new Set();
  for (const path of files('extension', ['.html'])) htmlKeys(readFileSync(path, 'utf8')).forEach((k) => used.add(k));
  // String literals shaped like message keys, wherever they are passed in JS
  // (t(table, ...), status(...), the content script's text(...)).
  const KEY = /['"]((?:ext|action|banner|popup|guide|options|incident|menu|list|kindList|dialog|guard)[A-Z][A-Za-z]*|level_[a-z]+)['"]/g;
  for (const path of files('extension', ['.js'])) {
    for (const [, key] of readFileSync(path, 'utf8').matchAll(KEY)) if (!NOT_KEYS.has(key)) used.add(key);
  }
  // Built from the engine's levels: `level_${level}`.
  for (const level of ['trusted', 'unknown', 'caution', 'danger']) used.add(`level_${level}`);
  // Used by the manifest.
  for (const [, key] of readFileSync('extension/manifest.json', 'utf8').matchAll(/__MSG_(\w+)__/g)) used.add(key);
  const missing = [...used].filter((k) => !(k in en));
  assert.deepEqual(missing, [], 'keys used but missing from _locales');
  assert.ok(used.size > 60, `found ${used.size} keys in use`);
});

test('check page i18n: en and ja agree, and every key it uses exists', () => {
  const en = read('www/i18n/en.json');
  checkPair(en, read('www/i18n/ja.json'), 'www/i18n');
  const used = new Set(htmlKeys(readFileSync('www/index.html', 'utf8')));
  for (const [, key] of readFileSync('www/app.js', 'utf8').matchAll(/\bt\(['`]([A-Za-z_]+)/g)) if (!key.endsWith('_')) used.add(key);
  for (const level of ['trusted', 'unknown', 'caution', 'danger']) used.add(`level_${level}`);
  assert.deepEqual([...used].filter((k) => !(k in en)), []);
});
