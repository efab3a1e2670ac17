// Drives Debian's Firefox ESR headless through geckodriver with plain W3C
// WebDriver calls, the built extension (dist/firefox) installed as a temporary
// add-on, and the local test server as its proxy.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIREFOX_EXT = resolve('dist/firefox');
const GECKO_ID = 'sagiguard@sagiguard.example';
/** Fixed moz-extension:// host for the add-on, so tests can open its pages. */
export const FIREFOX_UUID = '3b0f8a52-5a6c-4f0e-9d7e-5a9e2b1c0d11';

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

/** One WebDriver session: a thin client over fetch. */
class Session {
  constructor(base, id, driver) {
    this.base = `${base}/session/${id}`;
    this.driver = driver;
  }

  async cmd(method, path, body) {
    const res = await fetch(this.base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (json.value?.error) throw new Error(`${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  /** Navigates the current tab. */
  go(url) { return this.cmd('POST', '/url', { url }); }
  /** Runs a synchronous script in the page; returns its value. */
  exec(script, ...args) { return this.cmd('POST', '/execute/sync', { script, args }); }
  /** Runs a script whose last argument is its callback. */
  execAsync(script, ...args) { return this.cmd('POST', '/execute/async', { script, args }); }

  /** Polls `script` until it returns a truthy value (or throws after `ms`). */
  async waitFor(script, ms = 15000, ...args) {
    const end = Date.now() + ms;
    for (;;) {
      const v = await this.exec(script, ...args).catch(() => null);
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for: ${script}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Saves a PNG of the viewport. */
  async screenshot(path) {
    writeFileSync(path, Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'));
  }

  /** Ends the session and geckodriver. */
  async quit() {
    await this.cmd('DELETE', '').catch(() => {});
    this.driver.kill();
  }
}

/**
 * Starts geckodriver and Firefox with the add-on installed. Pass `profile`
 * (a directory) to reuse a profile across a restart, and `prefs` for extra
 * preferences. Returns a Session with
 * `url(path)` for extension pages.
 */
export async function launchFirefox({ proxyPort, profile, locale = 'en-US', prefs = {} }) {
  const port = await freePort();
  const geckodriver = join(homedir(), '.cargo/bin/geckodriver');
  const driver = spawn(geckodriver, ['--host', '127.0.0.1', '--port', String(port), '--allow-system-access'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/status`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const args = ['-headless'];
  if (profile) args.push('-profile', profile);
  const res = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ capabilities: { alwaysMatch: {
      browserName: 'firefox',
      // Every request, http and https, goes to the local test server: nothing leaves loopback.
      proxy: { proxyType: 'manual', httpProxy: `127.0.0.1:${proxyPort}`, sslProxy: `127.0.0.1:${proxyPort}` },
      'moz:firefoxOptions': {
        binary: '/usr/lib/firefox-esr/firefox-esr',
        args,
        prefs: {
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
          'dom.security.https_first': false,
          'dom.security.https_first_schemeless': false,
          'intl.locale.requested': locale,
          'intl.accept_languages': locale,
          ...prefs,
        },
      },
    } } }),
  });
  const json = await res.json();
  if (!json.value?.sessionId) {
    driver.kill();
    throw new Error(`geckodriver: ${JSON.stringify(json.value)}`);
  }
  const session = new Session(base, json.value.sessionId, driver);
  await session.cmd('POST', '/moz/addon/install', { path: FIREFOX_EXT, temporary: true });
  session.url = (path) => `moz-extension://${FIREFOX_UUID}/${path}`;
  return session;
}

/** A fresh empty profile directory (for tests that restart Firefox). */
export function newProfileDir() {
  return mkdtempSync(join(tmpdir(), 'sagiguard-firefox-'));
}
