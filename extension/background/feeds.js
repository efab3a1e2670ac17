// Threat-list feeds: downloads them on a schedule, has the engine compile
// them, keeps the compiled lists in IndexedDB and loads them at every
// background start. An update replaces a list only once the new one is
// stored; a failed, interrupted, garbage or empty download keeps the old one
// in force and records the error for the options page.
import { api } from '../shared/api.js';
import { engine, ready } from './engine.js';
import { addFeed, feeds, removeFeed, setEnabled, setState, states } from './feeds/config.js';
import { download } from './feeds/download.js';
import { MONTHS, downloadMonthly, isMonthly, readableTemplate } from './feeds/monthly.js';
import { allLists, deleteList, putList } from './feeds/store.js';
import { syncPreloadRules } from './prerules.js';
import { PAGE, on } from './router.js';

const ALARM = 'feeds-update';
/** Feeds are refreshed every six hours (and at install, and at start when older). */
export const PERIOD_MINUTES = 6 * 60;

/**
 * Loads every stored list of an enabled feed into the engine. The reads
 * (storage.local, IndexedDB) start at once, while the wasm is still being
 * instantiated; the lists go into the engine when it is ready. Returns the
 * ids of the stored lists the engine refused (see `forgetRefused`).
 */
async function loadStored() {
  const [config, stored] = await Promise.all([feeds(), allLists(), ready]);
  const enabled = new Map(config.filter((f) => f.enabled).map((f) => [f.id, f]));
  const refused = [];
  for (const [id, record] of stored) {
    if (!enabled.has(id)) continue;
    const info = engine().loadList(record.name, record.role, record.bytes);
    if (info?.error) refused.push([id, info.error]);
  }
  await forgetRefused(refused);
  return refused.map(([id]) => id);
}

/**
 * A stored list the engine refused (damaged bytes, or a format this version
 * of SagiGuard no longer reads) protects no one, and a conditional request
 * for its feed would only hear "unchanged". So it is forgotten: bytes, entry
 * count, ETag and the time of the last check, which makes its feed due for a
 * full download by whichever update runs next.
 */
async function forgetRefused(refused) {
  for (const [id, error] of refused) {
    await deleteList(id).catch(() => {});
    await setState(id, {
      error: `stored list unreadable (${error}); downloading it again`, errorAt: Date.now(),
      entries: null, etag: null, lastModified: null, parts: null, checkedAt: null,
    });
  }
}

const loaded = loadStored();
/** Resolves once the stored lists are in the engine (awaited before any verdict). */
export const feedsReady = loaded.then(() => {}, (e) => console.warn('SagiGuard: stored lists not loaded', e));
// Refused lists are downloaded again now, not at the next scheduled update.
loaded.then((ids) => ids.length && updateFeeds({ ids })).catch(() => {});

/**
 * Updates one feed. Never throws: the outcome goes to its state. The list in
 * force changes only after the new compiled bytes are safely stored.
 */
async function updateFeed(feed) {
  const before = (await states())[feed.id] ?? {};
  const checkedAt = Date.now();
  try {
    // Conditional only when there is a list to keep: a 304 must never leave us with none.
    const keep = before.entries ? before : {};
    const got = isMonthly(feed.url) ? await downloadMonthly(feed.url, keep) : await download(feed.url, keep);
    if (got.status === 'unchanged') {
      await setState(feed.id, { checkedAt, error: null });
      return;
    }
    await ready;
    const compiled = engine().compileFeed(got.text, feed.role, feed.name);
    if (compiled.error) throw new Error(compiled.error);
    if (!compiled.entries) throw new Error('the feed has no usable entries');
    if (compiled.skipped > compiled.entries) {
      throw new Error(`mostly unreadable (${compiled.skipped} lines skipped, ${compiled.entries} usable)`);
    }
    await putList(feed.id, { name: feed.name, role: feed.role, bytes: compiled.bytes, wholeHosts: compiled.wholeHosts, savedAt: checkedAt });
    const loaded = engine().loadList(feed.name, feed.role, compiled.bytes);
    if (loaded.error) throw new Error(loaded.error);
    await setState(feed.id, {
      entries: compiled.entries, skipped: compiled.skipped, format: compiled.format,
      updatedAt: checkedAt, checkedAt, error: null, errorAt: null,
      etag: got.etag ?? null, lastModified: got.lastModified ?? null, parts: got.parts ?? null,
    });
    await syncPreloadRules();
  } catch (e) {
    await setState(feed.id, { checkedAt, error: String(e?.message ?? e), errorAt: checkedAt });
  }
}

let running = null;

/** Updates every enabled feed (or only `ids`), one at a time; a second call joins the first. */
export function updateFeeds({ ids, staleOnly = false } = {}) {
  running ??= (async () => {
    try {
      const all = await states();
      for (const feed of await feeds()) {
        if (!feed.enabled || (ids && !ids.includes(feed.id))) continue;
        const age = Date.now() - (all[feed.id]?.checkedAt ?? 0);
        if (staleOnly && age < PERIOD_MINUTES * 60_000) continue;
        await updateFeed(feed);
      }
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Every feed with its state (and, for a monthly feed, how many months it spans), for the options page. */
export async function feedReport() {
  const all = await states();
  const list = (await feeds()).map((f) => ({ ...f, months: isMonthly(f.url) ? MONTHS : 0, state: all[f.id] ?? {} }));
  return { feeds: list, updating: running !== null };
}

async function ensureAlarm() {
  if (!(await api.alarms.get(ALARM))) {
    await api.alarms.create(ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
  }
}

/**
 * A feed URL a person typed, checked: http(s), no credentials, sane length;
 * `{yyyy}` and `{mm}` in it make a monthly feed (feeds/monthly.js).
 */
function feedUrl(text) {
  let url;
  try {
    url = new URL(String(text ?? '').trim());
  } catch {
    throw new Error('not a URL');
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new Error('only http and https feeds');
  if (url.username || url.password) throw new Error('no user names or passwords in a feed URL');
  if (url.href.length > 2000) throw new Error('URL too long');
  return url;
}

on('feeds', [PAGE], () => feedReport());
on('update-feeds', [PAGE], async ({ ids }) => {
  await updateFeeds({ ids });
  return feedReport();
});
on('set-feed-enabled', [PAGE], async ({ id, enabled }) => {
  const feed = (await feeds()).find((f) => f.id === id);
  if (!feed) throw new Error('no such feed');
  await setEnabled(id, enabled);
  if (enabled) {
    const record = (await allLists()).find(([k]) => k === id)?.[1];
    const refused = record && engine().loadList(record.name, record.role, record.bytes)?.error;
    if (refused) await forgetRefused([[id, refused]]);
    if (!record || refused) await updateFeeds({ ids: [id] });
  } else {
    engine().removeList(feed.name, feed.role);
  }
  await syncPreloadRules();
  return feedReport();
});
on('add-feed', [PAGE], async ({ url, name, role = 'block' }) => {
  const u = feedUrl(url);
  if (!['block', 'trust'].includes(role)) throw new Error('role must be block or trust');
  if (!(await api.permissions.contains({ origins: [`${u.origin}/*`] }))) throw new Error(`no permission to read ${u.origin}`);
  const id = `user-${Date.now().toString(36)}`;
  const taken = new Set((await feeds()).map((f) => f.name));
  let label = String(name ?? '').trim().slice(0, 60) || u.hostname;
  if (taken.has(label)) label = `${label} (${id})`;
  await addFeed({ id, name: label, url: readableTemplate(u.href), role, licence: '', home: u.origin, enabled: true });
  await updateFeeds({ ids: [id] });
  return feedReport();
});
on('remove-feed', [PAGE], async ({ id }) => {
  const feed = (await feeds()).find((f) => f.id === id);
  if (!feed || feed.builtin) throw new Error('only feeds you added can be removed');
  engine().removeList(feed.name, feed.role);
  await deleteList(id);
  await setState(id, null);
  await removeFeed(id);
  await syncPreloadRules();
  return feedReport();
});

api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) feedsReady.then(() => updateFeeds());
});
api.runtime.onInstalled.addListener(() => {
  ensureAlarm();
  syncPreloadRules();
  feedsReady.then(() => updateFeeds({ staleOnly: true }));
});
api.runtime.onStartup.addListener(() => {
  ensureAlarm();
  feedsReady.then(() => updateFeeds({ staleOnly: true }));
});
