// The recovery guide's background half: the engine's guide and incident
// summary in the chosen language, the incident records for the pages (kinds,
// site and time, never values; incidents.js records them) and the ticked
// checklist steps, both in storage.local so they survive closing the guide,
// the browser and background restarts.
import { api } from '../shared/api.js';
import { chosenLang } from '../shared/i18n.js';
import { formatTime } from '../shared/ui.js';
import { engine } from './engine.js';
import { on, PAGE } from './router.js';

/** Kinds as the engine takes them: short lowercase words, no values. */
function cleanKinds(kinds) {
  if (!Array.isArray(kinds)) return [];
  return [...new Set(kinds.map((k) => String(k).trim().toLowerCase()).filter((k) => /^[a-z][a-z-]{0,31}$/.test(k)))];
}

/** The stored incidents, newest first (incidents.js appends them). */
async function incidents() {
  const { incidents: list = [] } = await api.storage.local.get('incidents');
  return Array.isArray(list) ? [...list].sort((a, b) => (b.time ?? 0) - (a.time ?? 0)) : [];
}

/** The ticked steps as `{stepId: true}`. */
async function checklist() {
  const { checklist: state = {} } = await api.storage.local.get('checklist');
  return state && typeof state === 'object' ? state : {};
}

on('guide', [PAGE], async ({ kinds }) => engine().guide(cleanKinds(kinds), await chosenLang()));

// The plain-text summary for a bank or the police. Either names a stored
// incident (`incidentId`) or gives `kinds`/`site`/`time` itself; `done` (the
// ticked step ids) defaults to the stored checklist.
on('summary', [PAGE], async ({ incidentId, kinds, site, time, done }) => {
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

on('incidents', [PAGE], () => incidents());

// Forgets one incident (`id`) or all of them; forgetting all also unticks
// every step, so the guide starts afresh.
on('clear-incidents', [PAGE], async ({ id }) => {
  if (id) {
    const { incidents: list = [] } = await api.storage.local.get('incidents');
    await api.storage.local.set({ incidents: (Array.isArray(list) ? list : []).filter((i) => i.id !== id) });
  } else {
    await api.storage.local.remove(['incidents', 'checklist']);
  }
  return incidents();
});

on('checklist-get', [PAGE], () => checklist());

// Ticks or unticks one step (`{id, done}`), or replaces the state (`{state}`).
on('checklist-set', [PAGE], async ({ id, done, state }) => {
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
