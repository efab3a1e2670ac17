// The person's settings other than language (see i18n.js): how readily
// SagiGuard warns. Stored in storage.sync so they follow the person.
import { api } from './api.js';

/** 'caution' warns on suspicious and dangerous pages; 'danger' only on dangerous ones. */
export const SENSITIVITIES = ['caution', 'danger'];

/** The chosen sensitivity ('caution' unless the person chose 'danger'). */
export async function sensitivity() {
  const { sensitivity: value = 'caution' } = await api.storage.sync.get('sensitivity');
  return SENSITIVITIES.includes(value) ? value : 'caution';
}

/** Whether a page of `level` should be warned about at `chosen` sensitivity. */
export function warns(level, chosen) {
  if (level === 'danger') return true;
  return level === 'caution' && chosen !== 'danger';
}
