// Incidents: when a person sends sensitive data to a suspicious site anyway,
// we keep what kinds went where and when (never the values), and open the
// recovery guide for those kinds.
import { api } from '../shared/api.js';
import { guardedKinds, ready, siteOf } from './engine.js';
import { CONTENT, on } from './router.js';

/** Incidents kept; the oldest go first. */
const KEEP = 200;

/** Stores one incident; returns it with its id. */
export async function recordIncident({ kinds, site, time }) {
  await ready;
  // Only kinds the engine guards are kept: a message cannot store other words.
  const guarded = guardedKinds();
  const incident = {
    id: crypto.randomUUID(),
    kinds: (Array.isArray(kinds) ? kinds : []).filter((k) => guarded.includes(k)),
    site: String(site ?? '').slice(0, 253),
    time: Number.isFinite(time) ? time : Date.now(),
  };
  const { incidents = [] } = await api.storage.local.get('incidents');
  incidents.push(incident);
  await api.storage.local.set({ incidents: incidents.slice(-KEEP) });
  return incident;
}

/** The recovery guide's address for an incident. */
export function guideUrl(incident) {
  // Kinds are [a-z-] names; the list keeps its commas readable.
  const q = `kinds=${incident.kinds.join(',')}&site=${encodeURIComponent(incident.site)}&incident=${incident.id}`;
  return api.runtime.getURL(`guide/guide.html?${q}`);
}

// Sent by the content script when the person sends anyway: the site and time
// are the browser's record of that page and now, not what the message says.
on('record-incident', [CONTENT], async ({ kinds }, sender) => {
  const incident = await recordIncident({ kinds, site: siteOf(sender.url), time: Date.now() });
  const tab = { url: guideUrl(incident) };
  if (sender.tab?.index !== undefined) tab.index = sender.tab.index + 1;
  await api.tabs.create(tab);
  return { id: incident.id };
});
