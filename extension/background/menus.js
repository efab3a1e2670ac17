// The context menu: "Check this link with SagiGuard" on any link. The link is
// never opened: the popup page judges it (`popup.html?url=`) in a small popup
// window of its own. A window needs no permission beyond `contextMenus` and
// works the same in Chromium and Firefox, whereas drawing into the page would
// need `scripting` and host access to every site.
import { api } from '../shared/api.js';
import { chosenLang, messages, t } from '../shared/i18n.js';

const MENU_ID = 'sagiguard-check-link';

/** Creates (or re-creates, with the chosen language's title) the menu item. */
export async function createMenu() {
  const table = await messages(await chosenLang());
  await api.contextMenus.removeAll();
  api.contextMenus.create({ id: MENU_ID, title: t(table, 'menuCheckLink'), contexts: ['link'] });
}

/** Opens the verdict for the clicked link; resolves to the window opened. */
export async function onClicked(info) {
  if (info.menuItemId !== MENU_ID || !info.linkUrl) return null;
  const url = api.runtime.getURL(`popup/popup.html?url=${encodeURIComponent(info.linkUrl)}&window=1`);
  return api.windows.create({ type: 'popup', url, width: 420, height: 600 });
}

api.runtime.onInstalled.addListener(() => createMenu().catch(() => {}));
api.contextMenus.onClicked.addListener((info) => { onClicked(info).catch(() => {}); });
// The item's title follows the language option.
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && 'lang' in changes) createMenu().catch(() => {});
});
