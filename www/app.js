// The public check page: the same wasm engine as the extension, run in this
// page. A pasted link gets the engine's verdict; the recovery guide asks what
// was handed over and shows exactly those steps. Nothing typed here leaves the
// browser; ticked steps stay in this browser's localStorage. The page's own
// words come from i18n/<lang>.json, everything else from the engine.
import init, { Engine } from './pkg/sagiguard.js';
import { contactName } from './shared/contact-view.js';
import { h } from './shared/dom.js';
import { renderVerdict } from './shared/verdict-view.js';

const LANGS = ['en', 'ja'];
const LANG_KEY = 'sagiguard-lang';
const TICKS_KEY = 'sagiguard-checklist';
const $ = (id) => document.getElementById(id);

await init({ module_or_path: new URL('./pkg/sagiguard_bg.wasm', import.meta.url) });
const engine = new Engine();

/** `?lang=`, then the person's earlier choice, then the browser's language. */
function initialLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (LANGS.includes(asked)) return asked;
  const saved = localStorage.getItem(LANG_KEY);
  if (LANGS.includes(saved)) return saved;
  return navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

let lang = initialLang();
let words = {};
const t = (key, ...subs) => subs.reduce((s, sub, i) => s.replaceAll(`$${i + 1}`, String(sub)), words[key] ?? key);

async function loadWords() {
  words = await fetch(new URL(`./i18n/${lang}.json`, import.meta.url)).then((r) => r.json());
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  $('lang').value = lang;
}

// --- the link check -------------------------------------------------------------

function showVerdict() {
  const input = $('url').value.trim();
  if (!input) return;
  $('result').hidden = false;
  renderVerdict({ level: $('level'), host: $('host'), brand: $('brand'), reasons: $('reasons') }, engine.checkPasted(input, lang), t, 'notAUrl');
}

$('check').addEventListener('submit', (e) => {
  e.preventDefault();
  showVerdict();
});

// --- the recovery guide -----------------------------------------------------------

let picked = [];

function ticks() {
  try {
    return JSON.parse(localStorage.getItem(TICKS_KEY) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function situation(s, guide) {
  const done = ticks();
  const head = guide.headings;
  const parts = [
    h('h3', { id: `sit-${s.id}-title`, text: s.title }),
    h('p', { text: s.summary }),
    h('h4', { text: head.steps }),
    h('ul', { class: 'checklist' }, ...s.steps.map((step) => {
      const box = h('input', { type: 'checkbox', id: `step-${step.id}`, 'data-step': step.id, checked: Boolean(done[step.id]) });
      box.addEventListener('change', () => {
        const now = ticks();
        if (box.checked) now[step.id] = true;
        else delete now[step.id];
        localStorage.setItem(TICKS_KEY, JSON.stringify(now));
      });
      return h('li', {}, box, h('label', { for: box.id, text: step.text }));
    })),
  ];
  if (s.damage.length) parts.push(h('h4', { text: head.damage }), h('ul', {}, ...s.damage.map((d) => h('li', { text: d }))));
  if (s.contacts.length) {
    parts.push(h('h4', { text: head.contacts }), h('ul', { class: 'contacts' }, ...s.contacts.map((c) => h('li', { 'data-contact': c.id },
      ...contactName(c), h('br'), c.detail))));
  }
  if (s.related.length) {
    parts.push(h('h4', { text: head.related }), h('ul', {}, ...s.related.map((id) => {
      const title = guide.choices.find((c) => c.id === id)?.title ?? id;
      return h('li', {}, h('a', { href: `#choice-${id}`, text: title }));
    })));
  }
  return h('section', { class: 'situation', id: `sit-${s.id}`, 'data-situation': s.id, 'aria-labelledby': `sit-${s.id}-title` }, ...parts);
}

function showGuide() {
  const guide = engine.guide(picked, lang);
  $('intro').replaceChildren(...guide.intro.map((p) => h('p', { text: p })));
  $('picker-title').textContent = guide.headings.choose;
  $('choices').replaceChildren(...guide.choices.map((c) => {
    const box = h('input', { type: 'checkbox', id: `choice-${c.id}`, value: c.id, 'aria-describedby': `choice-${c.id}-desc`, checked: picked.includes(c.id) });
    return h('div', { class: 'choice' }, box, h('label', { for: box.id }, c.title, h('span', { class: 'desc', id: `choice-${c.id}-desc`, text: c.summary })));
  }));
  $('situations').replaceChildren(...guide.situations.map((s) => situation(s, guide)));
  $('situations').dataset.situations = guide.situations.map((s) => s.id).join(',');
  $('prevention-title').textContent = guide.headings.prevention;
  $('prevention-list').replaceChildren(...guide.prevention.map((p) => h('li', { text: p.text })));
  $('sources').textContent = guide.sources;
}

$('picker').addEventListener('submit', (e) => {
  e.preventDefault();
  picked = [...document.querySelectorAll('#choices input:checked')].map((b) => b.value);
  $('picker-error').hidden = picked.length > 0;
  showGuide();
  const first = $('situations').querySelector('h3');
  if (first) {
    first.setAttribute('tabindex', '-1');
    first.focus();
  }
});

$('lang').addEventListener('change', async () => {
  lang = $('lang').value;
  localStorage.setItem(LANG_KEY, lang);
  await loadWords();
  showVerdict();
  showGuide();
});

await loadWords();
showGuide();
document.body.dataset.ready = '1';
