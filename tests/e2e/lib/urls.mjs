// The test URLs, in one place. Hosts never resolve: the browsers send every
// request to the local test server (it is their proxy).

/** A login page the engine rates `caution` (bare IP host asking for a login). */
export const SUSPICIOUS_LOGIN = 'http://192.0.2.10/login.html';
/** The same kind of page with a strict Content-Security-Policy. */
export const SUSPICIOUS_STRICT_CSP = 'http://192.0.2.10/strict-login.html';
/** An ordinary login page on an ordinary name: no warning. */
export const BENIGN_LOGIN = 'http://shop.example.com/login.html';
