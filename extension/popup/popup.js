// The toolbar popup: the current tab's verdict with its reasons and the
// Trust / Block buttons, a box to check any pasted link, the latest incidents,
// and the ways into the recovery guide and the settings. A `?url=` parameter
// judges that URL instead of the tab (used by the context menu's window and
// by tests).
import { api } from '../shared/api.js';
import { localizePage, t } from '../shared/i18n.js';
import { formatTime, h, isWebUrl, send } from '../shared/ui.js';
import { renderVerdict } from '../shared/verdict-view.js';

const param = new URLSearchParams(location.search).get('url');
const $ = (id) => document.getElementById(id);

async function targetUrl() {
  if (param) return param;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.url ?? '';
}

/** Opens an extension page in a tab and closes the popup (not when a tab is the popup). */
async function openPage(path) {
  await api.tabs.create({ url: api.runtime.getURL(path) });
  if (!param) window.close();
}

const { lang, table } = await localizePage();
const say = (key, ...subs) => t(table, key, ...subs);
if (param) $('current-title').textContent = t(table, 'popupThisLink');
const url = await targetUrl();

/** Judges the target again and redraws the verdict and the buttons. */
async function showCurrent() {
  const verdict = isWebUrl(url) ? await api.runtime.sendMessage({ type: 'check-url', url }) : { error: 'not a web page' };
  renderVerdict({ level: $('level'), host: $('host'), brand: $('brand'), reasons: $('reasons') }, verdict, say);
  const site = verdict.error ? '' : verdict.site || verdict.host;
  $('site-actions').hidden = !site;
  if (!site) return;
  const lists = await send('user-lists');
  const trusted = lists.allow.includes(site);
  const blocked = lists.block.includes(site);
  const trust = $('trust');
  // The buttons name the site they act on: the verdict's `site`, as the warning page's "Trust" does.
  trust.textContent = t(table, trusted ? 'popupUntrust' : 'popupTrust', site);
  trust.dataset.action = trusted ? 'untrust-site' : 'trust-site';
  trust.dataset.site = site;
  const block = $('block');
  block.textContent = t(table, blocked ? 'popupUnblock' : 'popupBlock', site);
  block.dataset.action = blocked ? 'unblock-site' : 'block-site';
  block.dataset.site = site;
}

for (const button of [$('trust'), $('block')]) {
  button.addEventListener('click', async () => {
    document.body.dataset.done = '0';
    await send(button.dataset.action, { site: button.dataset.site });
    await showCurrent();
    document.body.dataset.done = '1';
    button.focus();
  });
}

$('check-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const result = $('check-result');
  result.dataset.done = '0';
  const verdict = await api.runtime.sendMessage({ type: 'check-pasted', text: $('check-url').value });
  renderVerdict({ level: $('check-level'), host: $('check-host'), brand: $('check-brand'), reasons: $('check-reasons') }, verdict, say, 'popupNotAUrl');
  result.hidden = false;
  result.dataset.done = '1';
});

async function showIncidents() {
  const list = (await send('incidents')).slice(0, 3);
  $('incidents').hidden = list.length === 0;
  const items = await Promise.all(list.map(async (incident) => {
    const guide = await send('guide', { kinds: incident.kinds });
    const what = guide.situations.map((s) => s.title).join(t(table, 'listSeparator')) || t(table, 'incidentUnknownKinds');
    const q = new URLSearchParams({ kinds: incident.kinds.join(','), site: incident.site, incident: incident.id });
    const link = h('a', { href: `../guide/guide.html?${q}`, text: what });
    link.addEventListener('click', (e) => { e.preventDefault(); openPage(`guide/guide.html?${q}`); });
    return h('li', { 'data-incident': incident.id }, link, h('br'),
      h('span', { class: 'muted', text: t(table, 'incidentWhereWhen', incident.site || t(table, 'incidentUnknownSite'), formatTime(incident.time, lang)) }));
  }));
  $('incident-list').replaceChildren(...items);
}

for (const [id, path] of [['entered', 'guide/guide.html'], ['open-guide', 'guide/guide.html?all=1']]) {
  $(id).addEventListener('click', (e) => { e.preventDefault(); openPage(path); });
}
$('open-options').addEventListener('click', (e) => {
  e.preventDefault();
  api.runtime.openOptionsPage();
  if (!param) window.close();
});

await Promise.all([showCurrent(), showIncidents()]);
document.body.dataset.done = '1';
