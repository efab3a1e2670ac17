// Chromium: the pre-load rule. The hosts an enabled block feed lists whole
// (the engine reports them when it compiles the feed) and the sites the person
// blocked go into one declarativeNetRequest redirect rule, so the browser
// itself sends a visit there to the warning page before any request leaves,
// also while the service worker sleeps (the per-visit path in navigation.js
// races a sleeping worker). The sites the person trusts get an allow rule
// above it. Rebuilt whenever a list changes; dynamic rules outlive restarts.
// Firefox blocks every request in webRequest and needs none of this.
import { api } from '../shared/api.js';
import { feeds } from './feeds/config.js';
import { allLists } from './feeds/store.js';
import { userLists } from './userlists.js';

/** The rule ids, far above navigation.js's per-URL rules and passes (it keeps ids below the first). */
export const PRELOAD_BLOCK_RULE = 2_000_001;
const PRELOAD_ALLOW_RULE = 2_000_002;
const WARNING = api.runtime.getURL('warning/warning.html');
/** A person's list entry that names a host (rules take hosts, not URLs). */
const PLAIN_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

let enabled = false;
let chain = Promise.resolve();

/** Turns the rule on (Chromium, where blocking webRequest is not allowed). */
export function usePreloadRules() {
  enabled = Boolean(api.declarativeNetRequest?.updateDynamicRules);
}

/** Rebuilds the rules from the stored lists; calls run one after another. Never throws. */
export function syncPreloadRules() {
  chain = chain.then(rebuild).catch((e) => console.warn('SagiGuard: pre-load rules not updated', e));
  return chain;
}

async function rebuild() {
  if (!enabled) return;
  const [config, stored, mine] = await Promise.all([feeds(), allLists(), userLists()]);
  const blocking = new Set(config.filter((f) => f.enabled && f.role === 'block').map((f) => f.id));
  const hosts = new Set();
  for (const [id, record] of stored) {
    if (blocking.has(id)) for (const host of record.wholeHosts ?? []) hosts.add(host);
  }
  for (const site of mine.block) if (PLAIN_HOST.test(site)) hosts.add(site);
  const allow = mine.allow.filter((site) => PLAIN_HOST.test(site));
  for (const site of allow) hosts.delete(site);
  const addRules = [];
  if (hosts.size) {
    addRules.push({
      id: PRELOAD_BLOCK_RULE,
      priority: 1,
      action: { type: 'redirect', redirect: { regexSubstitution: `${WARNING}#\\0` } },
      condition: { regexFilter: '^https?://.*', requestDomains: [...hosts], resourceTypes: ['main_frame'] },
    });
  }
  if (allow.length) {
    addRules.push({
      id: PRELOAD_ALLOW_RULE,
      priority: 2,
      action: { type: 'allow' },
      condition: { requestDomains: allow, resourceTypes: ['main_frame'] },
    });
  }
  await api.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [PRELOAD_BLOCK_RULE, PRELOAD_ALLOW_RULE], addRules });
}
