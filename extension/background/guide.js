// The recovery guide's background half: the engine's guide and incident
// summary in the chosen language, the incident records (kinds, site and time,
// never values) and the ticked checklist steps, both in storage.local so they
// survive closing the guide, the browser and background restarts.
import { api } from '../shared/api.js';
import { chosenLang } from '../shared/i18n.js';
import { formatTime } from '../shared/ui.js';
import { engine } from './engine.js';
import { on } from './router.js';

/** At most this many incidents are kept, newest first. */
const MAX_INCIDENTS = 50;

/** Kinds as the engine takes them: short lowercase words, no values. */
function cleanKinds(kinds) {
  if (!Array.isArray(kinds)) return [];
  return [...new Set(kinds.map((k) => String(k).trim().toLowerCase()).filter((k) => /^[a-z][a-z-]{0,31}$/.test(k)))];
}

/** The stored incidents, newest first. */
export async function incidents() {
  const { incidents: list = [] } = await api.storage.local.get('incidents');
  return Array.isArray(list) ? list : [];
}

/** The ticked steps as `{stepId: true}`. */
async function checklist() {
  const { checklist: state = {} } = await api.storage.local.get('checklist');
  return state && typeof state === 'object' ? state : {};
}

/** Records that `kinds` went to `site` now; returns the stored incident. */
export async function recordIncident({ kinds, site }, sender) {
  let where = String(site ?? '').trim();
  if (!where && sender?.tab?.url) {
    const v = engine().checkUrl(sender.tab.url, 'en');
    where = v.site || v.host || '';
  }
  const incident = { id: crypto.randomUUID(), kinds: cleanKinds(kinds), site: where.slice(0, 253), time: Date.now() };
  const list = [incident, ...(await incidents())].slice(0, MAX_INCIDENTS);
  await api.storage.local.set({ incidents: list });
  return incident;
}

on('guide', async ({ kinds }) => engine().guide(cleanKinds(kinds), await chosenLang()));

// The plain-text summary for a bank or the police. Either names a stored
// incident (`incidentId`) or gives `kinds`/`site`/`time` itself; `done` (the
// ticked step ids) defaults to the stored checklist.
on('summary', async ({ incidentId, kinds, site, time, done }) => {
  const lang = await chosenLang();
  let record = { kinds: cleanKinds(kinds), site: String(site ?? ''), time };
  if (incidentId) {
    const found = (await incidents()).find((i) => i.id === incidentId);
    if (!found) throw new Error('no such incident');
    record = { ...found, time: time ?? found.time };
  }
  const when = typeof record.time === 'number' ? formatTime(record.time, lang) : String(record.time ?? '');
  const ticked = Array.isArray(done) ? done.map(String) : Object.keys(await checklist());
  return { text: engine().summary(record.kinds, record.site, when, ticked, lang) };
});

on('incidents', () => incidents());
on('record-incident', recordIncident);

// Forgets one incident (`id`) or all of them; forgetting all also unticks
// every step, so the guide starts afresh.
on('clear-incidents', async ({ id }) => {
  if (id) {
    await api.storage.local.set({ incidents: (await incidents()).filter((i) => i.id !== id) });
  } else {
    await api.storage.local.remove(['incidents', 'checklist']);
  }
  return incidents();
});

on('checklist-get', () => checklist());

// Ticks or unticks one step (`{id, done}`), or replaces the state (`{state}`).
on('checklist-set', async ({ id, done, state }) => {
  let next;
  if (state && typeof state === 'object') {
    next = Object.fromEntries(Object.keys(state).filter((k) => state[k]).map((k) => [k, true]));
  } else {
    if (!id) throw new Error('no step given');
    next = await checklist();
    if (done) next[String(id)] = true;
    else delete next[String(id)];
  }
  await api.storage.local.set({ checklist: next });
  return next;
});

// Opens the guide in a new tab (from content scripts, which cannot open
// extension pages themselves).
on('open-guide', async ({ kinds, site, incident }, sender) => {
  const q = new URLSearchParams();
  const k = cleanKinds(kinds);
  if (k.length) q.set('kinds', k.join(','));
  if (site) q.set('site', String(site));
  if (incident) q.set('incident', String(incident));
  const url = api.runtime.getURL(`guide/guide.html${q.size ? `?${q}` : ''}`);
  const opener = sender?.tab ? { index: sender.tab.index + 1, windowId: sender.tab.windowId } : {};
  await api.tabs.create({ url, ...opener });
  return { url };
});
