// The toolbar popup: the current tab's verdict with its reasons. A `?url=`
// parameter checks that URL instead (used by tests and by links to the popup).
import { api } from '../shared/api.js';
import { localizePage, t } from '../shared/i18n.js';

async function targetUrl() {
  const param = new URLSearchParams(location.search).get('url');
  if (param) return param;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.url ?? '';
}

function show(verdict, table) {
  const level = document.getElementById('level');
  if (verdict.error) {
    level.className = 'level level-unknown';
    level.textContent = t(table, 'popupNotAWebPage');
    return;
  }
  level.className = `level level-${verdict.level}`;
  level.textContent = verdict.summary;
  document.getElementById('host').textContent = verdict.host;
  document.getElementById('site').textContent = verdict.site && verdict.site !== verdict.host ? `(${verdict.site})` : '';
  const brand = document.getElementById('brand');
  brand.hidden = !verdict.brand;
  brand.textContent = verdict.brand ? t(table, 'popupImitates', verdict.brand) : '';
  const list = document.getElementById('reasons');
  list.replaceChildren(...verdict.reasons.map((r) => {
    const li = document.createElement('li');
    li.textContent = r.text;
    li.dataset.code = r.code;
    return li;
  }));
}

const { table } = await localizePage();
const verdict = await api.runtime.sendMessage({ type: 'check-url', url: await targetUrl() });
show(verdict, table);
document.body.dataset.done = '1';
