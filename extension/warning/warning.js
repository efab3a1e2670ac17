// The page shown instead of a dangerous site. The blocked address rides in
// the fragment (`warning.html#<url>`); everything said about it comes from the
// background, which recomputes the verdict, so a page that opens this one
// with a made-up address learns nothing and can change nothing by itself.
import { api } from '../shared/api.js';
import { localizePage, t } from '../shared/i18n.js';

const url = decodeURIComponentSafe(location.hash.slice(1));

function decodeURIComponentSafe(s) {
  // Our own links put the URL in raw; a browser may have percent-encoded it.
  if (/^https?%3A/i.test(s)) {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  }
  return s;
}

function ask(type) {
  return api.runtime.sendMessage({ type, url });
}

function formatTime(ms, lang) {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

/** A mail with the facts filled in, for the person to send (or not) themselves. */
function reportLink(verdict, lists, table) {
  const withPage = lists.find((l) => l.report);
  if (withPage) return withPage.report;
  const subject = t(table, 'warningReportSubject', verdict.host);
  const body = t(table, 'warningReportBody', url, verdict.reasons.map((r) => r.code).join(', '), lists.map((l) => l.name).join(', ') || '-');
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** The site a verdict is about, as the popup names it: its `site` (registrable domain), else the host. */
function siteOf(verdict) {
  return verdict.site || verdict.host;
}

/**
 * Stopped only by the person's own block list (no threat list names it): the
 * page says so and points to the settings where it can be unblocked, rather
 * than calling it a known scam.
 */
function blockedByYou(verdict) {
  const codes = verdict.reasons.map((r) => r.code);
  return codes.includes('user-block') && !codes.includes('threat-list');
}

/** The entry of the person's block list that covers `verdict`'s host (the most specific one), else its site. */
function blockEntry(verdict, block) {
  const host = verdict.host.toLowerCase();
  const covering = block.filter((e) => host === e || host.endsWith(`.${e}`));
  return covering.sort((a, b) => b.length - a.length)[0] ?? siteOf(verdict);
}

function render(info, table, lang, blocked) {
  const { verdict, lists } = info;
  const site = siteOf(verdict);
  const mine = blockedByYou(verdict);
  document.body.dataset.blockedByYou = mine ? '1' : '0';
  if (mine) {
    const title = t(table, 'warningTitleBlocked');
    document.title = title;
    document.getElementById('title').textContent = title;
  }
  document.getElementById('lead').textContent = mine
    ? t(table, 'warningLeadBlocked', blockEntry(verdict, blocked))
    : t(table, 'warningLead', verdict.host);
  document.getElementById('unblock').hidden = !mine;
  document.getElementById('trust').textContent = t(table, 'warningTrust', site);
  document.getElementById('address').textContent = url;
  const brand = document.getElementById('brand');
  brand.hidden = !verdict.brand;
  brand.textContent = verdict.brand ? t(table, 'warningPretends', verdict.brand) : '';
  // The engine's sentence names the list; when that list was last renewed is
  // the one fact the extension adds to it, on the same line, said once.
  document.getElementById('reasons').replaceChildren(...verdict.reasons.map((r) => {
    const li = item(r.text);
    li.dataset.code = r.code;
    if (r.code === 'threat-list') {
      for (const l of lists.filter((l) => l.updatedAt)) {
        const when = document.createElement('span');
        when.className = 'muted list-updated';
        when.textContent = t(table, 'warningListUpdated', l.name, formatTime(l.updatedAt, lang));
        li.append(when);
      }
    }
    return li;
  }));
  // A mistake in the person's own list is theirs to undo in Settings, not one to report.
  document.getElementById('report').hidden = mine;
  document.getElementById('report').href = reportLink(verdict, lists, table);
}

async function goOn() {
  await ask('warning-continue');
  location.replace(url);
}

async function main() {
  // Never inside another page's frame: nobody may dress this page up or click it for us.
  if (window.top !== window || !/^https?:\/\//i.test(url)) return;
  const { lang, table } = await localizePage();
  const info = await ask('warning-info');
  if (info?.error) return;
  if (info.verdict.level !== 'danger') {
    // Not (or no longer) dangerous, e.g. the list dropped it or the person trusts it now.
    await goOn();
    return;
  }
  const blocked = blockedByYou(info.verdict) ? (await ask('user-lists')).block ?? [] : [];
  render(info, table, lang, blocked);
  document.getElementById('main').hidden = false;
  const back = document.getElementById('back');
  back.focus();
  back.addEventListener('click', () => {
    if (history.length > 1) history.back();
    else ask('warning-close');
  });
  document.getElementById('continue').addEventListener('click', goOn);
  document.getElementById('open-settings').addEventListener('click', (e) => {
    e.preventDefault();
    api.runtime.openOptionsPage();
  });
  document.getElementById('trust').addEventListener('click', async () => {
    // The same site the popup's "Trust" adds, and the button names.
    await api.runtime.sendMessage({ type: 'trust-site', site: siteOf(info.verdict) });
    await goOn();
  });
  document.body.dataset.done = '1';
}

main();
