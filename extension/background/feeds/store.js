// Compiled lists in IndexedDB: one object store, key = feed id, value =
// {bytes, role, name, wholeHosts, savedAt} (wholeHosts: see prerules.js). storage.local would hold them too, but it
// keeps values as JSON (a Uint8Array would triple in size); IndexedDB keeps
// the bytes as they are, and survives restarts and extension updates.
const DB = 'sagiguard-lists';
const STORE = 'lists';

let opened = null;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function db() {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => { opened = null; reject(req.error); };
  });
  return opened;
}

/** Runs `fn(store)` in one transaction; resolves with its request's result once committed. */
async function inTransaction(mode, fn) {
  const tx = (await db()).transaction(STORE, mode);
  const result = request(fn(tx.objectStore(STORE)));
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
  return result;
}

/** Stores a compiled list; resolves only once it is durably written. */
export function putList(id, record) {
  return inTransaction('readwrite', (s) => s.put(record, id));
}

/** Every stored list as `[id, record]` pairs, read in one transaction. */
export async function allLists() {
  const tx = (await db()).transaction(STORE, 'readonly');
  const out = [];
  await new Promise((resolve, reject) => {
    const req = tx.objectStore(STORE).openCursor();
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve();
      out.push([cursor.key, cursor.value]);
      cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
  return out;
}

/** Forgets a stored list. */
export function deleteList(id) {
  return inTransaction('readwrite', (s) => s.delete(id));
}
