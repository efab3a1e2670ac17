// The person's own allowlist ("I trust this site") and blocklist. They live in
// storage.sync so they follow the person to their other browsers and survive
// extension updates; when sync storage is full (its quota is small), they are
// kept in storage.local instead, so nothing the person set is ever lost.
import { api } from '../shared/api.js';
import { engine, ready, siteOf } from './engine.js';
import { CONTENT, on, PAGE } from './router.js';

const KEYS = ['userAllow', 'userBlock'];

/** The current lists as `{allow, block, where}` (`where`: 'sync' or 'local'). */
export async function userLists() {
  const { userListsLocal = false } = await api.storage.local.get('userListsLocal');
  const area = userListsLocal ? api.storage.local : api.storage.sync;
  const got = await area.get(KEYS);
  return { allow: got.userAllow ?? [], block: got.userBlock ?? [], where: userListsLocal ? 'local' : 'sync' };
}

async function save(allow, block) {
  const value = { userAllow: [...new Set(allow)], userBlock: [...new Set(block)] };
  try {
    await api.storage.sync.set(value);
    await api.storage.local.set({ userListsLocal: false });
  } catch {
    // QUOTA_BYTES(_PER_ITEM) exceeded or sync unavailable: keep them locally.
    await api.storage.local.set({ ...value, userListsLocal: true });
  }
  await apply();
  return userLists();
}

/**
 * Hands the lists to the engine; verdicts consult them from then on. The
 * storage read starts at once (at a worker start, while the wasm is still
 * being instantiated); the engine gets the lists when it is ready.
 */
async function apply() {
  const [{ allow, block }] = await Promise.all([userLists(), ready]);
  engine().setUserLists(allow, block);
}

function edit(list, add, remove) {
  return async ({ site }, sender, origin) => {
    // A content script may only trust its own page's site, whatever it says.
    const named = origin === CONTENT ? siteOf(sender.url) : site;
    const entry = String(named ?? '').trim().toLowerCase();
    if (!entry) throw new Error('no site given');
    const lists = await userLists();
    lists[list] = lists[list].filter((s) => s !== entry);
    if (add) lists[list].push(entry);
    if (remove) lists[remove] = lists[remove].filter((s) => s !== entry);
    return save(lists.allow, lists.block);
  };
}

// The in-page warning's "Trust this site" comes from the content script; every
// other change, and reading the lists, only from our own pages.
on('trust-site', [PAGE, CONTENT], edit('allow', true, 'block'));
on('untrust-site', [PAGE], edit('allow', false));
on('block-site', [PAGE], edit('block', true, 'allow'));
on('unblock-site', [PAGE], edit('block', false));
on('user-lists', [PAGE], () => userLists());
on('set-user-lists', [PAGE], ({ allow = [], block = [] }) => save(allow.map(String), block.map(String)));

api.storage.onChanged.addListener((changes) => {
  if (KEYS.some((k) => k in changes)) apply();
});

/** Resolves once the stored lists are in the engine (awaited before any verdict). */
export const userListsReady = apply().catch(() => {});
