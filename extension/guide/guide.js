// The recovery guide page. Opened by the form guard after "Send anyway" with
// `?kinds=card-number,card-cvc&site=...&incident=<id>`, it shows exactly the
// situations those kinds mean; opened without kinds it first asks what was
// handed over (the engine's choices); `?all=1` shows every situation.
// Every sentence of the guide comes from the engine; the page's own words
// come from _locales. Ticked steps persist in the background (storage.local).
import { localizePage, t } from '../shared/i18n.js';
import { contactName } from '../shared/contact-view.js';
import { formatTime, h, send } from '../shared/ui.js';

const $ = (id) => document.getElementById(id);
const { lang, table } = await localizePage();

/** What the address asks for: `{kinds, all, site, incident}`. */
function request() {
  const q = new URLSearchParams(location.search);
  const kinds = (q.get('kinds') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  return { kinds, all: q.get('all') === '1', site: q.get('site') ?? '', incident: q.get('incident') ?? '' };
}


/** One situation's section: summary, checklist, damage, contacts, related. */
function situationSection(s, guide, ticked, shownIds, kinds) {
  const head = guide.headings;
  const steps = h('ul', { class: 'checklist' }, ...s.steps.map((step) => {
    const box = h('input', { type: 'checkbox', id: `step-${step.id}`, 'data-step': step.id, checked: Boolean(ticked[step.id]) });
    box.addEventListener('change', () => send('checklist-set', { id: step.id, done: box.checked }));
    return h('li', {}, box, h('label', { for: box.id, text: step.text }));
  }));
  const contacts = h('ul', { class: 'contacts' }, ...s.contacts.map((c) => h('li', { 'data-contact': c.id },
    ...contactName(c), h('br'), c.detail)));
  const parts = [
    h('h2', { id: `sit-${s.id}-title`, text: s.title }),
    h('p', { class: 'summary', text: s.summary }),
    h('h3', { text: head.steps }), steps,
  ];
  if (s.damage.length) parts.push(h('h3', { text: head.damage }), h('ul', {}, ...s.damage.map((d) => h('li', { text: d }))));
  if (s.contacts.length) parts.push(h('h3', { text: head.contacts }), contacts);
  if (s.related.length) {
    parts.push(h('h3', { text: head.related }), h('ul', { class: 'related' }, ...s.related.map((id) => {
      const title = guide.choices.find((c) => c.id === id)?.title ?? id;
      const href = shownIds.includes(id) ? `#sit-${id}` : `?${new URLSearchParams({ kinds: [...kinds, id].join(',') })}#sit-${id}`;
      return h('li', {}, h('a', { href, text: title }));
    })));
  }
  return h('section', { class: 'situation', id: `sit-${s.id}`, 'data-situation': s.id, 'aria-labelledby': `sit-${s.id}-title` }, ...parts);
}

/**
 * The record box: what (situation titles), where and when, if known. Only for
 * something that happened: a recorded incident, or what the person said they
 * handed over; not when they are reading every section (`?all=1`).
 */
function showRecord(guide, incident, req) {
  const rows = [[t(table, 'guideRecordWhat'), guide.situations.map((s) => s.title).join(t(table, 'listSeparator'))]];
  const site = incident?.site || req.site;
  if (site) rows.push([t(table, 'guideRecordSite'), site]);
  if (incident) rows.push([t(table, 'guideRecordTime'), formatTime(incident.time, lang)]);
  $('record-list').replaceChildren(...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  const happened = incident !== null || (!req.all && req.kinds.length > 0);
  $('record').hidden = !happened || guide.situations.length === 0;
}

async function render() {
  const req = request();
  const picking = !req.all && req.kinds.length === 0;
  // Every situation: the engine's own list of them, its picker's choices.
  const kinds = req.all ? (await send('guide', { kinds: [] })).choices.map((c) => c.id) : req.kinds;
  const [guide, ticked, incidents] = await Promise.all([send('guide', { kinds }), send('checklist-get'), send('incidents')]);
  const incident = incidents.find((i) => i.id === req.incident) ?? null;

  $('title').textContent = guide.title;
  $('intro').replaceChildren(...guide.intro.map((p) => h('p', { text: p })));
  $('picker-title').textContent = guide.headings.choose;
  $('choices').replaceChildren(...guide.choices.map((c) => {
    const box = h('input', { type: 'checkbox', id: `choice-${c.id}`, name: 'kind', value: c.id, 'aria-describedby': `choice-${c.id}-desc`, checked: kinds.includes(c.id) });
    return h('div', { class: 'choice' }, box, h('label', { for: box.id }, c.title, h('span', { class: 'desc', id: `choice-${c.id}-desc`, text: c.summary })));
  }));
  $('picker').hidden = !picking;
  $('change-wrap').hidden = picking;

  const shownIds = guide.situations.map((s) => s.id);
  $('situations').replaceChildren(...guide.situations.map((s) => situationSection(s, guide, ticked, shownIds, kinds)));
  showRecord(guide, incident, req);
  $('prevention-title').textContent = guide.headings.prevention;
  $('prevention-list').replaceChildren(...guide.prevention.map((p) => h('li', { 'data-id': p.id, text: p.text })));
  $('sources').textContent = guide.sources;
  document.body.dataset.situations = shownIds.join(',');
  document.body.dataset.done = '1';
  return { guide, incident, req };
}

let state = await render();

$('picker-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const picked = [...document.querySelectorAll('#choices input:checked')].map((b) => b.value);
  $('picker-error').hidden = picked.length > 0;
  if (!picked.length) return;
  history.pushState(null, '', `?${new URLSearchParams({ kinds: picked.join(',') })}`);
  state = await render();
  $('situations').querySelector('h2')?.setAttribute('tabindex', '-1');
  $('situations').querySelector('h2')?.focus();
});

$('change').addEventListener('click', async () => {
  const { kinds } = request();
  history.pushState(null, '', `?${new URLSearchParams({ kinds: '' })}`);
  state = await render();
  for (const box of document.querySelectorAll('#choices input')) box.checked = kinds.includes(box.value);
  $('choices').querySelector('input')?.focus();
});

window.addEventListener('popstate', async () => { state = await render(); });

$('copy').addEventListener('click', async () => {
  const { incident, req } = state;
  const done = [...document.querySelectorAll('.checklist input:checked')].map((b) => b.dataset.step);
  const payload = incident
    ? { incidentId: incident.id, time: formatTime(incident.time, lang), done }
    : { kinds: req.kinds.length ? req.kinds : state.guide.situations.map((s) => s.id), site: req.site, time: '', done };
  const { text } = await send('summary', payload);
  try {
    await navigator.clipboard.writeText(text);
    $('record-status').textContent = t(table, 'guideCopied');
  } catch {
    $('record-status').textContent = t(table, 'guideCopyFailed');
  }
  document.body.dataset.copied = '1';
});

$('clear').addEventListener('click', async () => {
  const { incident } = state;
  if (incident) await send('clear-incidents', { id: incident.id });
  const ticked = await send('checklist-get');
  for (const box of document.querySelectorAll('.checklist input')) delete ticked[box.dataset.step];
  await send('checklist-set', { state: ticked });
  history.replaceState(null, '', `?${new URLSearchParams({ kinds: request().kinds.join(',') })}`);
  state = await render();
  $('record-status').textContent = t(table, 'guideCleared');
});
