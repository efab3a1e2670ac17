// The test URLs, in one place. Hosts never resolve: the browsers send every
// request to the local test server (it is their proxy).

// The pages are served over plain http (the test server is the browsers'
// proxy), where a sign-in word in the path is itself a sign (a password there
// travels unencrypted): the sign-in pages that must stay quiet have paths
// without one.

/** A login page the engine rates `caution` (bare IP host asking for a login). */
export const SUSPICIOUS_LOGIN = 'http://192.0.2.10/members.html';
/** The same kind of page with a strict Content-Security-Policy. */
export const SUSPICIOUS_STRICT_CSP = 'http://192.0.2.10/strict-login.html';
/** An ordinary login page on an ordinary name: no warning. */
export const BENIGN_LOGIN = 'http://shop.example.com/members.html';

// The form guard (tests/e2e/guard-*.test.mjs).
/** A checkout page asking for a card number on a host the engine rates `caution`. */
export const GUARD_SUSPICIOUS = 'http://192.0.2.10/guard-card.html';
/** The same checkout page on an ordinary name: no guard. */
export const GUARD_BENIGN = 'http://shop.example.com/guard-card.html';
/** A suspicious page that fights the guard (stops events, removes and covers the warning). */
export const GUARD_HOSTILE = 'http://192.0.2.10/guard-hostile.html';
/** A suspicious page trusted by the person during the tests (a host no other test uses). */
export const GUARD_TRUSTED = 'http://192.0.2.11/guard-card.html';
/** A wallet drainer's restore page asking for the recovery phrase, on a name made of a wallet brand and sign-in words. */
export const GUARD_WALLET = 'http://metamask-wallet-restore.example/guard-wallet.html';
/** The same page on an ordinary name: asking for the phrase is sign enough. */
export const GUARD_WALLET_PLAIN = 'http://shop.example.com/guard-wallet.html';
/** Where the fixture pages of the forms classifier are served (benign host). */
export const GUARD_FIXTURES = 'http://shop.example.com/fixtures/';

// What a page claims against where it is.
/** A login page calling itself Amazon on an ordinary, unrelated name: `caution` from the page alone. */
export const BRAND_CLAIM_LOGIN = 'http://shop.example.com/brand-claim.html';
/** A plain sign-in form on a free hosting platform: the address alone is quiet;
 * `caution` once the page asks for a password. (Not `pages.dev` or `github.io`:
 * browsers preload HTTPS for those, and the test server takes plain http.) */
export const HOSTED_LOGIN = 'http://cooking-notes.weebly.com/members.html';
