// The form guard's question: a content script reports a page's fields, forms
// and facts; the answer is the URL verdict, each field's kind (in the order
// reported), the page's sensitive kinds and every kind the guard protects,
// whether the person trusts the site, and the strings the content script's
// warnings need (it cannot read our language).
import { chosenLang, messages } from '../shared/i18n.js';
import { sensitivity, warns } from '../shared/settings.js';
import { engine, guardedKinds } from './engine.js';
import { CONTENT, on } from './router.js';
import { listsReady, showLevel } from './verdicts.js';
import { mark } from './wake.js';

let last = null;

/** The last report and its answer, for the end-to-end tests' comparison with the CLI. */
export function lastPageReport() {
  return last;
}

/** The answer for one page report (see the message `page-report`). */
export async function pageAnswer({ url, fields, forms, facts }) {
  const pageUrl = String(url ?? '');
  // The language setting is read while the lists may still be loading.
  const [lang] = await Promise.all([chosenLang(), listsReady]);
  const answer = engine().checkPage({
    fields: Array.isArray(fields) ? fields : [],
    forms: Array.isArray(forms) ? forms : [],
    facts: facts && typeof facts === 'object' ? facts : {},
  }, pageUrl, lang);
  mark('verdict');
  if (answer.error) throw new Error(answer.error);
  const { verdict, ...report } = answer;
  const site = verdict.site ?? verdict.host ?? '';
  // The person's allowlist is in the engine: an allowlisted site is `trusted`.
  const trusted = verdict.level === 'trusted';
  return {
    verdict,
    // Whether this page's level calls for warnings at the person's sensitivity.
    warn: warns(verdict.level, await sensitivity()),
    site,
    trusted,
    fields: report.fields.map(({ kind, confidence, group }) => ({ kind, confidence, group })),
    forms: report.forms,
    kinds: report.kinds,
    sensitive: report.sensitive,
    // The kinds the content script guards: the engine's list, not a copy.
    sensitiveKinds: guardedKinds(),
    lang,
    strings: await messages(lang),
  };
}

on('page-report', [CONTENT], async (message, sender) => {
  const answer = await pageAnswer(message);
  last = { url: message.url, fields: message.fields, answer };
  if (sender.tab?.id !== undefined && sender.frameId === 0 && answer.verdict.level) {
    await showLevel(sender.tab.id, answer.trusted ? 'trusted' : answer.verdict.level).catch(() => {});
  }
  return answer;
});
