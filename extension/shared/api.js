// The one WebExtension namespace, whichever browser runs us.
export const api = globalThis.browser ?? globalThis.chrome;
