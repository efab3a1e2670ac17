// Draws one URL verdict (level, summary, domain, imitated brand, reasons) into
// a set of elements, so the popup's current page and its link check look alike.
import { t } from './i18n.js';
import { h } from './ui.js';

/**
 * Fills `els` = `{level, host, brand, reasons}` with `verdict` (an engine
 * answer, possibly `{error}`, then shown as the message `errorKey`), using
 * `table` for the fixed words.
 */
export function renderVerdict(els, verdict, table, errorKey = 'popupNotAWebPage') {
  const level = verdict.error ? 'unknown' : verdict.level;
  els.level.className = `level level-${level}`;
  els.level.dataset.level = verdict.error ? 'error' : level;
  if (verdict.error) {
    els.level.replaceChildren(h('span', { class: 'level-name', text: t(table, errorKey) }));
    els.host.replaceChildren();
    els.brand.hidden = true;
    els.reasons.replaceChildren();
    return;
  }
  els.level.replaceChildren(
    h('span', { class: 'level-name', text: t(table, `level_${level}`) }),
    h('span', { class: 'level-summary', text: verdict.summary }),
  );
  const site = verdict.site || verdict.host;
  els.host.replaceChildren(h('span', { class: 'label', text: t(table, 'popupSite') }), ' ', h('strong', { class: 'site', text: site }));
  if (verdict.host && verdict.host !== site) els.host.append(h('span', { class: 'muted host', text: ` (${verdict.host})` }));
  els.brand.hidden = !verdict.brand;
  els.brand.textContent = verdict.brand ? t(table, 'popupImitates', verdict.brand) : '';
  els.reasons.replaceChildren(...verdict.reasons.map((r) => h('li', { 'data-code': r.code, text: r.text })));
}
