// The local test web: one HTTP server on 127.0.0.1 that both browsers use as
// their proxy, so any hostname in a test URL reaches it and nothing leaves the
// machine. It serves the pages in ../sites by path (whatever the host), feeds
// that tests set, and records every request so a test can prove what was sent.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SITES = fileURLToPath(new URL('../sites/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json' };

/** Pages served with a strict Content-Security-Policy header. */
const STRICT_CSP = new Set(['/strict-login.html']);

/**
 * Starts the server. Returns `{port, requests, routes, close}`: `requests` is
 * the log (`{method, host, path, body, aborted}`), `routes` a Map from path to a
 * handler `(req, res, body) => void` that tests may add (feeds, failures).
 */
export async function startServer() {
  const requests = [];
  const routes = new Map();
  const server = createServer(async (req, res) => {
    const chunks = [];
    let aborted = false;
    try {
      for await (const c of req) chunks.push(c);
    } catch {
      // The browser dropped the request mid-body (a cancelled submission, a
      // closing browser). It is still logged, marked, so a test that proves
      // nothing was sent sees that something started to be.
      aborted = true;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    // As a proxy we get absolute URLs; as a plain server, paths.
    const url = new URL(req.url, `http://${req.headers.host ?? '127.0.0.1'}`);
    requests.push({ method: req.method, host: url.hostname, path: url.pathname, query: url.search, body, headers: req.headers, at: Date.now(), aborted });
    if (aborted) return; // nobody is left to answer
    try {
      const route = routes.get(url.pathname);
      if (route) return await route(req, res, body, url);
      if (req.method === 'POST') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<!doctype html><title>received</title><h1 id="received">received</h1>');
      }
      const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
      if (name.includes('..')) throw new Error('bad path');
      const data = await readFile(join(SITES, name));
      const headers = { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (STRICT_CSP.has(url.pathname)) headers['content-security-policy'] = "default-src 'self'; script-src 'self'; style-src 'self'";
      res.writeHead(200, headers);
      res.end(data);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  // https through the proxy (CONNECT) is refused here: no test needs it, and
  // the browsers' own https requests (a default feed, say) end at this server.
  server.on('connect', (req, socket) => {
    socket.on('error', () => {}); // a browser closing mid-answer
    requests.push({ method: 'CONNECT', host: String(req.url).split(':')[0], path: '', query: '', body: '', headers: req.headers, at: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    requests,
    routes,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
