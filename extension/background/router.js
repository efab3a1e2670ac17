// Typed messages from content scripts and extension pages. Each feature module
// registers its handlers with `on(type, fn)`; the router answers asynchronously
// and turns thrown errors into `{error}` so a caller never hangs.
import { api } from '../shared/api.js';
import { ready } from './engine.js';

const handlers = new Map();

/** Registers `fn(message, sender)` for messages whose `type` is `type`. */
export function on(type, fn) {
  handlers.set(type, fn);
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const fn = handlers.get(message?.type);
  if (!fn) return false;
  ready
    .then(() => fn(message, sender))
    .then(sendResponse, (e) => sendResponse({ error: String(e?.message ?? e) }));
  return true;
});
