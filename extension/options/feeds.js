// The options page's "Threat lists" section: renders into <section id="feeds">
// whatever page holds it. Lists every feed with its licence, an on/off
// switch, entry count, last update and last error; adds a feed by URL (after
// asking for permission to read that site), removes added feeds; "Update now".
import { api } from '../shared/api.js';
import { chosenLang, messages, t } from '../shared/i18n.js';

const section = document.getElementById('feeds');
let table = {};
let lang = 'en';

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function when(ms) {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

async function send(message) {
  const answer = await api.runtime.sendMessage(message);
  if (answer?.error) throw new Error(answer.error);
  return answer;
}

function feedCard(feed) {
  const s = feed.state;
  const toggle = el('input', { type: 'checkbox', checked: feed.enabled, className: 'feed-enabled' });
  toggle.addEventListener('change', () => act({ type: 'set-feed-enabled', id: feed.id, enabled: toggle.checked }));
  const remove = feed.builtin ? null : el('button', { type: 'button', className: 'feed-remove', textContent: t(table, 'feedsRemove') });
  remove?.addEventListener('click', () => act({ type: 'remove-feed', id: feed.id }));
  const status = s.updatedAt
    ? `${t(table, 'feedsEntries', (s.entries ?? 0).toLocaleString(lang))} · ${t(table, 'feedsUpdated', when(s.updatedAt))}`
    : t(table, 'feedsNever');
  return el('div', { className: 'feed', dataset: { id: feed.id } },
    el('div', { className: 'feed-head' },
      el('span', { className: 'feed-name', textContent: feed.name }),
      el('label', {}, toggle, ` ${t(table, 'feedsEnabled')}`),
      remove),
    el('div', { className: 'feed-url muted', textContent: feed.url }),
    feed.months ? el('div', { className: 'feed-monthly muted', textContent: t(table, 'feedsMonthly', feed.months) }) : null,
    feed.licence ? el('div', { className: 'feed-licence muted', textContent: t(table, 'feedsLicence', feed.licence) }) : null,
    el('div', { className: 'feed-status', textContent: status }),
    s.error ? el('div', { className: 'feed-error', textContent: t(table, 'feedsError', s.error) }) : null);
}

function addForm() {
  const url = el('input', { type: 'url', id: 'feed-url', required: true, placeholder: 'https://', 'aria-describedby': 'feed-url-hint' });
  const name = el('input', { type: 'text', id: 'feed-name', maxLength: 60 });
  const error = el('p', { className: 'form-error', id: 'feed-form-error', role: 'alert' });
  const form = el('form', { id: 'feed-add' },
    el('h3', { textContent: t(table, 'feedsAddTitle') }),
    el('label', { htmlFor: 'feed-url', textContent: t(table, 'feedsAddUrl') }), url,
    el('p', { className: 'muted hint', id: 'feed-url-hint', textContent: t(table, 'feedsAddUrlHint') }),
    el('label', { htmlFor: 'feed-name', textContent: t(table, 'feedsAddName') }), name,
    el('button', { type: 'submit', textContent: t(table, 'feedsAdd') }), error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    let parsed;
    try {
      parsed = new URL(url.value.trim());
      if (!['http:', 'https:'].includes(parsed.protocol) || parsed.username || parsed.password) throw new Error();
    } catch {
      error.textContent = t(table, 'feedsBadUrl');
      return;
    }
    // Asked here, in the click, as browsers require; only that one site.
    const granted = await api.permissions.request({ origins: [`${parsed.origin}/*`] }).catch(() => false);
    if (!granted) {
      error.textContent = t(table, 'feedsNoPermission');
      return;
    }
    await act({ type: 'add-feed', url: parsed.href, name: name.value });
  });
  return form;
}

function render(report) {
  const update = el('button', { type: 'button', id: 'feeds-update', textContent: t(table, report.updating ? 'feedsUpdating' : 'feedsUpdateNow'), disabled: report.updating });
  update.addEventListener('click', () => {
    update.disabled = true;
    update.textContent = t(table, 'feedsUpdating');
    act({ type: 'update-feeds' });
  });
  section.replaceChildren(
    el('h2', { textContent: t(table, 'feedsTitle') }),
    el('p', { className: 'muted', textContent: t(table, 'feedsIntro') }),
    update,
    el('div', { id: 'feed-list' }, ...report.feeds.map(feedCard)),
    addForm());
  section.hidden = false;
  section.dataset.ready = '1';
}

async function act(message) {
  let failure = null;
  let report;
  try {
    report = await send(message);
  } catch (e) {
    failure = e.message;
    report = await send({ type: 'feeds' });
  }
  render(report);
  if (failure) document.getElementById('feed-form-error').textContent = failure;
}

/** Loads the chosen language's words and draws the section. */
async function start() {
  lang = await chosenLang();
  table = await messages(lang);
  render(await send({ type: 'feeds' }));
}

if (section) {
  await start();
  // The language switch above redraws the rest of the page; this section redraws itself.
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes.lang) start();
  });
}
