// The wasm engine, instantiated once per background start (service worker or
// event page). Every question the background answers goes through `engine()`.
import init, { Engine } from '../pkg/sagiguard.js';
import { api } from '../shared/api.js';
import { mark } from './wake.js';

mark('script');

const started = performance.now();
let instance = null;

/** Resolves when the engine can answer; carries the init time in ms. */
export const ready = init({ module_or_path: api.runtime.getURL('pkg/sagiguard_bg.wasm') }).then(() => {
  instance = new Engine();
  mark('engine');
  return performance.now() - started;
});

/** The engine (await `ready` first). */
export function engine() {
  return instance;
}

let guarded = null;

/**
 * The field kinds the guard protects, in the engine's order (await `ready`
 * first). Compiled into the engine, so it is asked once per start.
 */
export function guardedKinds() {
  return (guarded ??= instance.sensitiveKinds());
}

/**
 * The site (registrable domain, else host) that the page at `url` belongs to,
 * named as the page's verdict names it; '' when `url` is no web address. What a
 * content script trusts or reports is taken from the browser's record of the
 * sender's address through this, never from the message (await `ready` first).
 */
export function siteOf(url) {
  const verdict = instance.checkUrl(String(url ?? ''), 'en');
  return verdict.site ?? verdict.host ?? '';
}
