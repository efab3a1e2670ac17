// Draws one URL verdict (level, summary, domain, imitated brand, reasons) into
// a set of elements, so the popup's current page, its link check and the public
// check page (www/, which gets a copy from build.sh) look alike. It imports only
// dom.js: the words come from the caller.
import { h } from './dom.js';

/**
 * Fills `els` = `{level, host, brand, reasons}` with `verdict` (an engine
 * answer, possibly `{error}`, then shown as the message `errorKey`); `say(key,
 * ...subs)` gives the fixed words (`level_<level>`, `popupSite`, `popupImitates`).
 */
export function renderVerdict(els, verdict, say, errorKey = 'popupNotAWebPage') {
  const level = verdict.error ? 'unknown' : verdict.level;
  els.level.className = `level level-${level}`;
  els.level.dataset.level = verdict.error ? 'error' : level;
  if (verdict.error) {
    els.level.replaceChildren(h('span', { class: 'level-name', text: say(errorKey) }));
    els.host.replaceChildren();
    els.brand.hidden = true;
    els.reasons.replaceChildren();
    return;
  }
  els.level.replaceChildren(
    h('span', { class: 'level-name', text: say(`level_${level}`) }),
    h('span', { class: 'level-summary', text: verdict.summary }),
  );
  const site = verdict.site || verdict.host;
  els.host.replaceChildren(h('span', { class: 'label', text: say('popupSite') }), ' ', h('strong', { class: 'site', text: site }));
  if (verdict.host && verdict.host !== site) els.host.append(h('span', { class: 'muted host', text: ` (${verdict.host})` }));
  // The link the engine found in a pasted text, when it is not the text itself.
  if (verdict.checked) els.host.append(h('br'), h('span', { class: 'muted checked', text: say('popupChecked', verdict.checked) }));
  els.brand.hidden = !verdict.brand;
  els.brand.textContent = verdict.brand ? say('popupImitates', verdict.brand) : '';
  els.reasons.replaceChildren(...verdict.reasons.map((r) => h('li', { 'data-code': r.code, text: r.text })));
}
