// Which feeds there are: the defaults shipped in feeds/defaults.js, the person's
// changes to them (enabled or not) and the feeds they added, kept in
// storage.local as `feedConfig = {enabled: {id: bool}, added: [feed]}`; and
// what each feed's last update did, as `feedState = {id: state}`.
import { api } from '../../shared/api.js';
import { DEFAULT_FEEDS } from './defaults.js';

/** The default feeds of feeds/defaults.js, marked as built in. */
export function defaultFeeds() {
  return DEFAULT_FEEDS.map((f) => ({ ...f, builtin: true }));
}

async function config() {
  const { feedConfig } = await api.storage.local.get('feedConfig');
  return { enabled: {}, added: [], ...feedConfig };
}

/** Every feed, defaults first, with `enabled` as the person set it. */
export async function feeds() {
  const [builtin, cfg] = await Promise.all([defaultFeeds(), config()]);
  return [...builtin, ...cfg.added].map((f) => ({ ...f, enabled: cfg.enabled[f.id] ?? f.enabled }));
}

/** Turns a feed on or off. */
export async function setEnabled(id, enabled) {
  const cfg = await config();
  cfg.enabled[id] = Boolean(enabled);
  await api.storage.local.set({ feedConfig: cfg });
}

/** Adds a person's own feed (already validated); returns it. */
export async function addFeed(feed) {
  const cfg = await config();
  cfg.added = cfg.added.filter((f) => f.url !== feed.url);
  cfg.added.push(feed);
  cfg.enabled[feed.id] = true;
  await api.storage.local.set({ feedConfig: cfg });
  return feed;
}

/** Removes a feed the person added (defaults can only be turned off); whether it was there. */
export async function removeFeed(id) {
  const cfg = await config();
  const before = cfg.added.length;
  cfg.added = cfg.added.filter((f) => f.id !== id);
  delete cfg.enabled[id];
  await api.storage.local.set({ feedConfig: cfg });
  return cfg.added.length !== before;
}

/**
 * Every feed's last update: `{id: {entries, skipped, format, updatedAt,
 * checkedAt, error, errorAt, etag, lastModified, parts}}` (`parts`: a monthly
 * feed's files and their validators, feeds/monthly.js).
 */
export async function states() {
  const { feedState = {} } = await api.storage.local.get('feedState');
  return feedState;
}

/** Merges `change` into one feed's state (`null` forgets it). */
export async function setState(id, change) {
  const all = await states();
  if (change === null) delete all[id];
  else all[id] = { ...all[id], ...change };
  await api.storage.local.set({ feedState: all });
}
