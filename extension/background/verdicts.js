// URL verdicts: for the popup's checks and for each page's content script,
// with the toolbar badge showing the level of the page in each tab.
import { api } from '../shared/api.js';
import { chosenLang, messages, t } from '../shared/i18n.js';
import { engine, ready } from './engine.js';
import { on, PAGE } from './router.js';
import { userListsReady } from './userlists.js';
import { feedsReady } from './feeds.js';
import { mark } from './wake.js';

const BADGE = {
  danger: { text: '!', color: '#b3261e' },
  caution: { text: '?', color: '#a15c00' },
  trusted: { text: '', color: '#1b6e3a' },
  unknown: { text: '', color: '#5f6368' },
};

/**
 * Resolves once everything a verdict depends on is in the engine: the
 * person's own lists and the stored feeds. Every verdict waits on this one
 * promise, so no answer after a worker restart misses a list.
 */
export const listsReady = Promise.all([userListsReady, feedsReady]).then(() => mark('lists'));

/** The engine's verdict for `url` in the chosen language. */
export async function verdictFor(url) {
  // The language setting is read while the lists may still be loading.
  const [lang] = await Promise.all([chosenLang(), listsReady]);
  const verdict = engine().checkUrl(url, lang);
  mark('verdict');
  return verdict;
}

/** Shows `level` on the toolbar button of tab `tabId`. */
export async function showLevel(tabId, level) {
  const badge = BADGE[level] ?? BADGE.unknown;
  await api.action.setBadgeText({ tabId, text: badge.text });
  await api.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  const table = await messages(await chosenLang());
  await api.action.setTitle({ tabId, title: `${t(table, 'actionTitle')}: ${t(table, `level_${level}`)}` });
}

/** The verdict for the link in what the person pasted into the popup (the engine finds it). */
async function pastedVerdict(text) {
  const [lang] = await Promise.all([chosenLang(), listsReady]);
  return engine().checkPasted(text, lang);
}

// The popup's questions.
on('check-url', [PAGE], ({ url }) => verdictFor(String(url ?? '')));
on('check-pasted', [PAGE], ({ text }) => pastedVerdict(String(text ?? '')));

// Keeps the toolbar badge from showing an earlier page's level: a tab that
// starts loading a new page loses its badge until that page is judged (its
// content script reports in). Where the browser shows us the tab's URL (no
// `tabs` permission is asked for, so often it does not), the page is judged
// when it has loaded even if it has no form.
api.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status === 'loading') {
    api.action.setBadgeText({ tabId, text: '' }).catch(() => {});
    return;
  }
  if (change.status !== 'complete' || !/^https?:/i.test(tab.url ?? '')) return;
  ready
    .then(() => verdictFor(tab.url))
    .then((v) => v.level && showLevel(tabId, v.level))
    .catch(() => {});
});
