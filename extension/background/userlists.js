// The person's own allowlist ("I trust this site"), kept minimal: registrable
// domains (or hosts without one) in storage.sync `userAllow`. Verdict
// answers for the form guard consult it through `userAllows`.
import { api } from '../shared/api.js';
import { on } from './router.js';

/** A site name as stored: lower case, no trailing dot; '' when unusable. */
function clean(site) {
  const s = String(site ?? '').trim().toLowerCase().replace(/\.$/, '');
  return s.length <= 253 && /^[^\s/?#@]+$/.test(s) ? s : '';
}

async function allowList() {
  const { userAllow = [] } = await api.storage.sync.get('userAllow');
  return Array.isArray(userAllow) ? userAllow : [];
}

/** Whether the person trusts `site`. */
export async function userAllows(site) {
  const s = clean(site);
  return s !== '' && (await allowList()).includes(s);
}

on('trust-site', async ({ site }) => {
  const s = clean(site);
  if (!s) return { error: 'not a site' };
  const list = await allowList();
  if (!list.includes(s)) await api.storage.sync.set({ userAllow: [...list, s] });
  return { ok: true };
});

on('untrust-site', async ({ site }) => {
  const s = clean(site);
  await api.storage.sync.set({ userAllow: (await allowList()).filter((x) => x !== s) });
  return { ok: true };
});

on('user-lists', async () => ({ allow: await allowList() }));
