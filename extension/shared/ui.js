// Small helpers every extension page shares: building elements without
// innerHTML (from dom.js), talking to the background, and formatting times
// for people.
import { api } from './api.js';

export { h } from './dom.js';

/** Sends `{type, ...payload}` to the background; rejects on `{error}` answers. */
export async function send(type, payload = {}) {
  const answer = await api.runtime.sendMessage({ type, ...payload });
  if (answer && typeof answer === 'object' && !Array.isArray(answer) && 'error' in answer && Object.keys(answer).length === 1) {
    throw new Error(answer.error);
  }
  return answer;
}

/** `time` (ms since 1970) as a date and time in `lang`, in the person's time zone. */
export function formatTime(time, lang) {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Whether `url` is a web page (the only pages SagiGuard judges and lists). */
export function isWebUrl(url) {
  return /^https?:\/\//i.test(String(url ?? ''));
}
