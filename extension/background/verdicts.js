// URL verdicts: for the popup's checks and for each page's content script,
// with the toolbar badge showing the level of the page in each tab.
import { api } from '../shared/api.js';
import { chosenLang, messages, t } from '../shared/i18n.js';
import { engine } from './engine.js';
import { on } from './router.js';
import { userListsReady } from './userlists.js';
import { feedsReady } from './feeds.js';

const BADGE = {
  danger: { text: '!', color: '#b3261e' },
  caution: { text: '?', color: '#a15c00' },
  trusted: { text: '', color: '#1b6e3a' },
  unknown: { text: '', color: '#5f6368' },
};

/** The engine's verdict for `url` in the chosen language. */
export async function verdictFor(url) {
  await userListsReady;
  await feedsReady;
  return engine().checkUrl(url, await chosenLang());
}

async function showLevel(tabId, level) {
  const badge = BADGE[level] ?? BADGE.unknown;
  await api.action.setBadgeText({ tabId, text: badge.text });
  await api.action.setBadgeBackgroundColor({ tabId, color: badge.color });
  const table = await messages(await chosenLang());
  await api.action.setTitle({ tabId, title: `${t(table, 'actionTitle')}: ${t(table, `level_${level}`)}` });
}

on('check-url', ({ url }) => verdictFor(String(url ?? '')));

// A page's content script reports in: answer with the verdict and the strings
// its warnings need (content scripts cannot read our chosen language).
on('page-verdict', async ({ url }, sender) => {
  const verdict = await verdictFor(String(url ?? ''));
  if (sender.tab?.id !== undefined && sender.frameId === 0 && verdict.level) {
    await showLevel(sender.tab.id, verdict.level).catch(() => {});
  }
  const lang = await chosenLang();
  return { verdict, lang, strings: await messages(lang) };
});
