// Strings for people: every surface reads `_locales/<lang>/messages.json`
// through here, so the language option (auto / 日本語 / English) applies
// everywhere, which `i18n.getMessage` alone (browser language only) cannot do.
import { api } from './api.js';

const LANGS = ['en', 'ja'];
const loaded = new Map();

/** The language the person chose in options, or the browser's. */
export async function chosenLang() {
  const { lang = 'auto' } = await api.storage.sync.get('lang');
  if (LANGS.includes(lang)) return lang;
  return api.i18n.getUILanguage().toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The message table of `lang`, as `{key: text}`. */
export async function messages(lang) {
  if (!loaded.has(lang)) {
    loaded.set(lang, fetch(api.runtime.getURL(`_locales/${lang}/messages.json`))
      .then((r) => r.json())
      .then((json) => Object.fromEntries(Object.entries(json).map(([k, v]) => [k, v.message]))));
  }
  return loaded.get(lang);
}

/** One message with `$1`, `$2`... filled in; the key itself if it is missing. */
export function t(table, key, ...subs) {
  const text = table[key] ?? key;
  return subs.reduce((s, sub, i) => s.replaceAll(`$${i + 1}`, String(sub)), text);
}

/**
 * Fills every `[data-i18n]` element's text, and `[data-i18n-attr="attr:key;..."]`
 * attributes, below `root`; sets `<html lang>`.
 */
export function localize(root, table, lang) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(table, el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(table, key));
    }
  }
  if (lang && root.documentElement) root.documentElement.lang = lang;
}

/** Loads the chosen language and localizes `document`; returns `{lang, table}`. */
export async function localizePage() {
  const lang = await chosenLang();
  const table = await messages(lang);
  localize(document, table, lang);
  return { lang, table };
}
