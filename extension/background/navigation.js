// Danger before load: a main-frame navigation to a URL the engine rates
// `danger` (a threat list, the person's blocklist, an impersonation beyond
// doubt) is replaced by our warning page before the site's own page shows.
//
// Firefox still has blocking webRequest in MV3: onBeforeRequest answers with
// a redirect to the warning page before the request leaves the browser.
// Chromium has no blocking webRequest for ordinary extensions: there
// webNavigation.onBeforeNavigate (fired before the request starts) sends the
// tab to the warning page, which cancels the navigation while it is still
// pending; and a declarativeNetRequest rule is added for that exact URL, so a
// later visit, also after a browser restart, is redirected inside the network
// stack without any race. The first visit does race the site: when the
// service worker is asleep, Chromium starts it only after the request has
// gone out (measured here: 80-300 ms), so a fast site may begin to load and is
// replaced as soon as it commits (onCommitted is that backstop). Hosts a feed
// lists whole and the person's blocked sites never race: prerules.js keeps
// them in one redirect rule ahead of any visit.
//
// "Continue anyway" leaves a pass for that tab and site in storage.session:
// navigations in that tab to that host go through until the tab goes to
// another site or is closed, so the warning never loops.
import { api } from '../shared/api.js';
import { engine } from './engine.js';
import { feeds as feedList, states } from './feeds/config.js';
import { PRELOAD_BLOCK_RULE, syncPreloadRules, usePreloadRules } from './prerules.js';
import { PAGE, on } from './router.js';
import { listsReady, verdictFor } from './verdicts.js';
import { mark } from './wake.js';

const WARNING = api.runtime.getURL('warning/warning.html');
/** Chromium keeps at most this many per-URL redirect rules (oldest dropped first; the cap for such rules is 5000). */
const MAX_URL_RULES = 1000;
const PASS_RULE_BASE = 1_000_000;

function hostOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The warning page's address for a blocked URL (the URL rides in the fragment, never sent anywhere). */
export function warningUrl(url) {
  return `${WARNING}#${url}`;
}

// Every navigation waits on what follows, so the hot path keeps no storage
// round trip: the passes live in memory, mirrored to storage.session (this
// module is their only writer) and read back once per background start.
let passes = {};
const passesReady = api.storage.session.get('passes').then((got) => { passes = got.passes ?? {}; }, () => {});

function savePasses() {
  return api.storage.session.set({ passes: { ...passes } });
}

async function dropPass(tabId) {
  await passesReady;
  const pass = passes[tabId];
  if (!pass) return;
  delete passes[tabId];
  await savePasses();
  if (pass.rule && api.declarativeNetRequest) {
    await api.declarativeNetRequest.updateSessionRules({ removeRuleIds: [pass.rule] }).catch(() => {});
  }
}

/** The level of `url` once the person's lists and the stored feeds are loaded (no language needed). */
async function level(url) {
  await listsReady;
  const found = engine().levelOf(url);
  mark('verdict');
  return found;
}

/** Where the navigation of `tabId` to `url` must go instead, or null to let it through. */
async function divert(tabId, url) {
  if (!/^https?:/i.test(url)) return null;
  await passesReady;
  const pass = passes[tabId];
  if (pass) {
    if (pass.hosts?.includes(hostOf(url))) return null;
    await dropPass(tabId);
  }
  return (await level(url)) === 'danger' ? warningUrl(url) : null;
}

function urlRegex(url) {
  return `^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}

// Chromium: the URLs that have a redirect rule, as regexFilter -> rule id,
// read once per background start and kept up to date by this module.
let urlRules = new Map();
const urlRulesReady = (api.declarativeNetRequest?.getDynamicRules?.() ?? Promise.resolve([]))
  .then((rules) => {
    urlRules = new Map(rules.filter((r) => r.id < PRELOAD_BLOCK_RULE).map((r) => [r.condition.regexFilter, r.id]));
  }, () => {});

/**
 * Chromium: redirect later visits of `url` in the network stack. Dynamic
 * rules outlive a browser restart; they are only a cache of verdicts (the
 * warning page lets a URL through that is no longer rated danger).
 */
async function addUrlRule(url) {
  const dnr = api.declarativeNetRequest;
  if (!dnr?.updateDynamicRules) return;
  await urlRulesReady;
  const regex = urlRegex(url);
  if (urlRules.has(regex)) return;
  const id = Math.max(0, ...urlRules.values()) + 1;
  const removeRuleIds = [];
  if (urlRules.size >= MAX_URL_RULES) {
    const [oldest, oldestId] = urlRules.entries().next().value;
    urlRules.delete(oldest);
    removeRuleIds.push(oldestId);
  }
  urlRules.set(regex, id);
  await dnr.updateDynamicRules({
    removeRuleIds,
    addRules: [{
      id,
      priority: 1,
      action: { type: 'redirect', redirect: { regexSubstitution: `${WARNING}#\\0` } },
      condition: { regexFilter: regex, resourceTypes: ['main_frame'] },
    }],
  }).catch(() => urlRules.delete(regex));
}

/** Firefox: hold each main-frame request until its verdict is known; false where blocking webRequest is not allowed. */
function blockWithWebRequest() {
  if (!api.webRequest?.onBeforeRequest) return false;
  try {
    api.webRequest.onBeforeRequest.addListener(
      (details) => {
        if (details.tabId < 0) return {};
        return divert(details.tabId, details.url)
          .then((to) => (to ? { redirectUrl: to } : {}))
          .catch(() => ({}));
      },
      { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
      ['blocking'],
    );
    return true;
  } catch {
    return false; // Chromium: "webRequestBlocking" is for policy-installed extensions only
  }
}

if (!blockWithWebRequest() && api.webNavigation) {
  usePreloadRules();
  // Chromium: move the tab away while its navigation is still pending.
  const onNavigation = (details) => {
    if (details.frameId !== 0) return;
    divert(details.tabId, details.url)
      .then(async (to) => {
        // A rule already sends this URL to the warning page: one history entry, not two.
        if (!to) return;
        await urlRulesReady;
        if (urlRules.has(urlRegex(details.url))) return;
        api.tabs.update(details.tabId, { url: to }).catch(() => {});
        return addUrlRule(details.url);
      })
      .catch(() => {});
  };
  api.webNavigation.onBeforeNavigate.addListener(onNavigation);
  api.webNavigation.onCommitted.addListener(onNavigation);
}

// The person trusted or blocked a site: the per-URL rules are only a cache of
// verdicts, so start it afresh, and the pre-load rules follow the lists.
api.storage.onChanged.addListener((changes) => {
  if (!('userAllow' in changes || 'userBlock' in changes) || !api.declarativeNetRequest?.getDynamicRules) return;
  urlRules = new Map();
  api.declarativeNetRequest.getDynamicRules()
    .then((rules) => api.declarativeNetRequest.updateDynamicRules({ removeRuleIds: rules.map((r) => r.id).filter((id) => id < PRELOAD_BLOCK_RULE) }))
    .catch(() => {});
  syncPreloadRules();
});

api.tabs.onRemoved.addListener((tabId) => {
  dropPass(tabId).catch(() => {});
});

// --- the warning page's questions and buttons -------------------------------

/** Only our own warning page, in a tab's top frame, may ask or act. */
function fromWarningPage(sender) {
  return sender.id === api.runtime.id && String(sender.url ?? '').startsWith(WARNING)
    && sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0;
}

function guarded(fn) {
  return (message, sender) => {
    if (!fromWarningPage(sender)) throw new Error('not allowed');
    const url = String(message.url ?? '');
    if (!/^https?:\/\//i.test(url)) throw new Error('not a web address');
    return fn(url, sender.tab.id, message);
  };
}

/** The lists named by a verdict's `threat-list` reason, with when each was updated and where to report. */
async function namingLists(verdict) {
  const names = verdict.reasons
    .filter((r) => r.code === 'threat-list' && r.detail)
    .flatMap((r) => r.detail.split(', '));
  if (!names.length) return [];
  const [all, state] = await Promise.all([feedList(), states()]);
  return names.map((name) => {
    const feed = all.find((f) => f.name === name);
    return { name, updatedAt: feed ? state[feed.id]?.updatedAt ?? null : null, report: feed?.report ?? null, home: feed?.home ?? null };
  });
}

on('warning-info', [PAGE], guarded(async (url) => {
  const verdict = await verdictFor(url);
  return { verdict, lists: await namingLists(verdict) };
}));

on('warning-continue', [PAGE], guarded(async (url, tabId) => {
  // A link that forwards (google.com/url?q=...) was judged by where it leads
  // (the verdict's host): the pass covers both, so the person continues once.
  const verdict = await verdictFor(url);
  const hosts = [...new Set([hostOf(url), hostOf(`http://${verdict.host ?? ''}/`)])].filter(Boolean);
  const pass = { hosts, at: Date.now() };
  if (api.declarativeNetRequest?.updateSessionRules) {
    // Let this tab through the per-URL redirect rules for these hosts too.
    pass.rule = PASS_RULE_BASE + tabId;
    await api.declarativeNetRequest.updateSessionRules({
      removeRuleIds: [pass.rule],
      addRules: [{
        id: pass.rule,
        priority: 2,
        action: { type: 'allow' },
        condition: { requestDomains: hosts, tabIds: [tabId], resourceTypes: ['main_frame'] },
      }],
    });
  }
  await passesReady;
  passes[tabId] = pass;
  await savePasses();
  return { ok: true };
}));

on('warning-close', [PAGE], guarded(async (_url, tabId) => {
  await api.tabs.create({});
  await api.tabs.remove(tabId);
  return { ok: true };
}));
