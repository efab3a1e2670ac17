// Typed messages from content scripts and extension pages. Each feature module
// registers its handlers with `on(type, from, fn)`, naming who may send that
// message; anything else is refused before the handler runs (deny by default).
// The router answers asynchronously and turns thrown errors into `{error}` so
// a caller never hangs.
import { api } from '../shared/api.js';
import { ready } from './engine.js';

/**
 * Who sent a message. `PAGE`: one of our own pages (popup, settings, guide,
 * warning page). `CONTENT`: our content script in a web page's tab, which a
 * hostile page may have confused, so it may only ask about its own page and
 * report what the person chose there.
 */
export const PAGE = 'page';
export const CONTENT = 'content';

const handlers = new Map();

/** Registers `fn(message, sender, origin)` for messages of `type` sent by one of `from` (PAGE, CONTENT). */
export function on(type, from, fn) {
  handlers.set(type, { from: new Set(from), fn });
}

/** Where `sender` stands: PAGE, CONTENT, or null (not ours). */
export function originOf(sender) {
  if (sender?.id !== api.runtime.id) return null;
  const url = String(sender.url ?? '');
  if (url.startsWith(api.runtime.getURL(''))) return PAGE;
  if (sender.tab?.id !== undefined && /^(https?:|about:)/i.test(url)) return CONTENT;
  return null;
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = handlers.get(message?.type);
  if (!handler) return false;
  const origin = originOf(sender);
  if (!handler.from.has(origin)) {
    sendResponse({ error: 'not allowed' });
    return false;
  }
  ready
    .then(() => handler.fn(message, sender, origin))
    .then(sendResponse, (e) => sendResponse({ error: String(e?.message ?? e) }));
  return true;
});
