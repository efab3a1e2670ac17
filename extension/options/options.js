// The settings page: language, sensitivity, and the person's own allowlist
// and blocklist (add, remove, import from and export to a text file, one site
// a line). Everything is saved the moment it changes.
import { api } from '../shared/api.js';
import { localizePage, t } from '../shared/i18n.js';
import { sensitivity } from '../shared/settings.js';
import { h, send } from '../shared/ui.js';

const $ = (id) => document.getElementById(id);
let { table } = await localizePage();
const LISTS = ['allow', 'block'];
const OTHER = { allow: 'block', block: 'allow' };
const FILE_NAME = { allow: 'sagiguard-trusted-sites.txt', block: 'sagiguard-blocked-sites.txt' };

function status(key, ...subs) {
  $('status').textContent = t(table, key, ...subs);
}

/** A site as the lists keep it (lowercase host name, IDN as punycode), or '' if it is none. */
function normalizeSite(text) {
  let s = String(text).trim().toLowerCase().replace(/^\*\./, '');
  if (!s || /\s/.test(s)) return '';
  try {
    s = new URL(s.includes('://') ? s : `http://${s}`).hostname.replace(/\.$/, '');
  } catch {
    return '';
  }
  return /^[a-z0-9.[\]:-]+$/.test(s) && s.includes('.') ? s : '';
}

/** Sites in a text file: one a line; blank lines and `#` comments are skipped. */
function parseFile(text) {
  return text.split(/\r?\n/).map((line) => line.replace(/#.*/, '')).map(normalizeSite).filter(Boolean);
}

let lists = { allow: [], block: [] };

function renderLists() {
  for (const name of LISTS) {
    const items = lists[name].map((site) => {
      const remove = h('button', { type: 'button', 'aria-label': t(table, 'optionsRemoveSite', site), text: t(table, 'optionsRemove') });
      remove.addEventListener('click', () => save(name, lists[name].filter((s) => s !== site), 'optionsRemoved', site));
      return h('li', { 'data-site': site }, h('span', { text: site }), remove);
    });
    $(`${name}-items`).replaceChildren(...items);
    $(`${name}-items`).hidden = items.length === 0;
    $(`${name}-empty`).hidden = items.length > 0;
  }
  $('lists-where').hidden = lists.where !== 'local';
}

/** Saves list `name` as `entries` (taking them off the other list), then redraws. */
async function save(name, entries, key, ...subs) {
  const next = { ...lists, [name]: [...new Set(entries)] };
  next[OTHER[name]] = next[OTHER[name]].filter((s) => !next[name].includes(s));
  lists = await send('set-user-lists', { allow: next.allow, block: next.block });
  renderLists();
  status(key, ...subs);
  document.body.dataset.saved = String(Date.now());
}

for (const name of LISTS) {
  $(`${name}-form`).addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = $(`${name}-input`);
    const site = normalizeSite(input.value);
    if (!site) {
      status('optionsNotASite', input.value.trim());
      input.focus();
      return;
    }
    await save(name, [...lists[name], site], name === 'allow' ? 'optionsAddedTrusted' : 'optionsAddedBlocked', site);
    input.value = '';
    input.focus();
  });
  $(`${name}-import`).addEventListener('change', async (e) => {
    const [file] = e.target.files;
    if (!file) return;
    const sites = parseFile(await file.text());
    e.target.value = '';
    await save(name, [...lists[name], ...sites], 'optionsImported', sites.length);
  });
  $(`${name}-export`).addEventListener('click', () => {
    const blob = new Blob([lists[name].map((s) => `${s}\n`).join('')], { type: 'text/plain' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: FILE_NAME[name], hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status('optionsExported', lists[name].length);
  });
}

const { lang = 'auto' } = await api.storage.sync.get('lang');
for (const radio of document.querySelectorAll('input[name=lang]')) {
  radio.checked = radio.value === lang;
  radio.addEventListener('change', async () => {
    await api.storage.sync.set({ lang: radio.value });
    ({ table } = await localizePage());
    renderLists();
    status('optionsSaved');
    document.body.dataset.lang = document.documentElement.lang;
  });
}

const chosen = await sensitivity();
for (const radio of document.querySelectorAll('input[name=sensitivity]')) {
  radio.checked = radio.value === chosen;
  radio.addEventListener('change', async () => {
    await api.storage.sync.set({ sensitivity: radio.value });
    status('optionsSaved');
  });
}

lists = await send('user-lists');
renderLists();
document.body.dataset.lang = document.documentElement.lang;
document.body.dataset.done = '1';
