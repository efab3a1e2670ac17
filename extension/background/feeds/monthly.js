// Feeds published as one file per month, such as JPCERT/CC's phishurl-list
// (`2025/202510.csv`): there is no fixed address for "the latest", so a
// feed's URL may name the month with `{yyyy}` and `{mm}`, and the list in
// force is the union of the last MONTHS months' files. A month not published
// yet (HTTP 404) is skipped; a month that ages out of the window drops out
// of the list at the next update.
import { download } from './download.js';

/** How many months back a monthly feed reaches, this month included. */
export const MONTHS = 12;

// The placeholders as typed, and as the URL parser percent-encodes them.
const PLACEHOLDER = /\{(yyyy|mm)\}|%7B(yyyy|mm)%7D/gi;

/** Whether `url` is a monthly feed's address template. */
export function isMonthly(url) {
  return new RegExp(PLACEHOLDER.source, 'i').test(url);
}

/** The template with its placeholders written as `{yyyy}`/`{mm}`, however the URL parser encoded them. */
export function readableTemplate(url) {
  return url.replace(PLACEHOLDER, (_, a, b) => `{${(a ?? b).toLowerCase()}}`);
}

/** The addresses of the last `months` months' files, newest first (months in UTC). */
export function monthUrls(template, now = new Date(), months = MONTHS) {
  const urls = [];
  for (let back = 0; back < months; back += 1) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const fill = { yyyy: String(month.getUTCFullYear()), mm: String(month.getUTCMonth() + 1).padStart(2, '0') };
    urls.push(template.replace(PLACEHOLDER, (_, a, b) => fill[(a ?? b).toLowerCase()]));
  }
  return urls;
}

/**
 * Downloads a monthly feed. `before.parts` holds the validators of the files
 * in the list in force (`{url: {etag, lastModified}}`); pass `{}` when there
 * is no list to keep. Resolves to `{status: 'unchanged'}` when every file
 * answered 304 and no month appeared or aged out, else to `{status: 'ok',
 * text, parts}` with the files joined (a repeated CSV header line dropped).
 * Throws when no month has a file, or on any other failure (the caller keeps
 * the old list).
 */
export async function downloadMonthly(template, before = {}, now = new Date()) {
  const known = before.parts ?? {};
  const urls = monthUrls(template, now);
  const answers = [];
  for (const url of urls) answers.push(await fetchMonth(url, known[url]));
  const found = urls.filter((_, i) => answers[i]);
  if (!found.length) throw new Error(`no monthly file found (${urls.at(-1)} to ${urls[0]})`);
  const sameMonths = found.length === Object.keys(known).length && found.every((u) => known[u]);
  if (sameMonths && answers.every((a) => !a || a.status === 'unchanged')) return { status: 'unchanged' };
  const texts = [];
  const parts = {};
  for (const [i, url] of urls.entries()) {
    let got = answers[i];
    if (!got) continue;
    // A file that did not change is fetched again whole: the list is rebuilt from all of them.
    if (got.status === 'unchanged') got = await download(url);
    texts.push(got.text);
    parts[url] = { etag: got.etag, lastModified: got.lastModified };
  }
  return { status: 'ok', text: joinFiles(texts), parts };
}

/** One month's file, or null when it is not published (404). */
async function fetchMonth(url, validators) {
  try {
    return await download(url, validators ?? {});
  } catch (e) {
    if (e?.status === 404) return null;
    throw e;
  }
}

/** The files as one feed: a later file's first line is dropped when it repeats the first file's CSV header. */
function joinFiles(texts) {
  const firstLine = (text) => text.slice(0, text.indexOf('\n') + 1 || text.length);
  const header = firstLine(texts[0]).trim();
  return texts
    .map((text, i) => (i > 0 && header.includes(',') && firstLine(text).trim() === header ? text.slice(firstLine(text).length) : text))
    .map((text) => (text.endsWith('\n') ? text : `${text}\n`))
    .join('');
}
