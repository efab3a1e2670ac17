// Downloads one feed: a conditional GET (If-None-Match / If-Modified-Since
// from the last good download), a time limit, and a size cap enforced while
// reading, so a huge or endless answer is cut off instead of filling memory.

/** The largest feed accepted (the engine's own cap is the same). */
export const MAX_FEED_BYTES = 64 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

/**
 * Fetches `url`. Resolves to `{status: 'unchanged'}`, or
 * `{status: 'ok', text, etag, lastModified}`; throws an Error whose message
 * says what went wrong (HTTP status, too large, timeout, network), with the
 * HTTP status as `status` when the server answered one.
 */
export async function download(url, { etag, lastModified } = {}) {
  const headers = {};
  if (etag) headers['If-None-Match'] = etag;
  if (lastModified) headers['If-Modified-Since'] = lastModified;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(url, { headers, cache: 'no-store', credentials: 'omit', redirect: 'follow', signal: abort.signal });
    if (res.status === 304) return { status: 'unchanged' };
    if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
    const declared = Number(res.headers.get('content-length'));
    if (declared > MAX_FEED_BYTES) throw new Error(`too large (${declared} bytes)`);
    const text = await readCapped(res, abort);
    return { status: 'ok', text, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  } catch (e) {
    if (e?.name === 'AbortError') throw new Error('timed out');
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(res, abort) {
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FEED_BYTES) {
      abort.abort();
      throw new Error(`too large (over ${MAX_FEED_BYTES} bytes)`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8').decode(all);
}
