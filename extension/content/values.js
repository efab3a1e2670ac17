// SagiGuard content script, part 1 of 4: local checks of typed values.
// A value never leaves the content script; these checks confirm what the
// classifier suspected (a card number, a gift-card code) or show what a field's
// words did not (a card number or a wallet's recovery phrase in a box named
// for something else). They are twins of the Rust references in
// src/forms/luhn.rs, giftcard.rs and phrase.rs and must give the same answers
// (tests/e2e/guard-values.test.mjs runs the same cases).
(() => {
  const SG = (globalThis.__sagiguardContent ??= {});
  if (SG.values) return;

  // Rust's char::is_whitespace (Unicode White_Space).
  const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
  const WHITE_SPACE_RUN = new RegExp(`${WHITE_SPACE.source}+`);
  const DASHES = new Set(['-', '\u2010', '\u2212', '\u30FC', '\uFF0D', '\uFF70']); // ｰ folds to ー in Rust

  /** Full-width ASCII to ASCII; drops spaces and hyphens (normalize.rs `compact_code`). */
  function compactCode(value) {
    let out = '';
    for (const ch of String(value)) {
      const cp = ch.codePointAt(0);
      const c = cp >= 0xff01 && cp <= 0xff5e ? String.fromCodePoint(cp - 0xfee0) : ch === '\u3000' ? ' ' : ch;
      if (WHITE_SPACE.test(c) || DASHES.has(c)) continue;
      out += c;
    }
    return out;
  }

  /** The Luhn (mod 10) check over ASCII digits (luhn.rs `luhn_valid`). */
  function luhnValid(digits) {
    if (digits.length < 2 || !/^[0-9]+$/.test(digits)) return false;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = digits.charCodeAt(digits.length - 1 - i) - 48;
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 === 0;
  }

  /** The card network of a digit string by prefix and length (luhn.rs `issuer`). */
  function issuer(digits) {
    if (!/^[0-9]+$/.test(digits) || digits.length < 2) return null;
    const p = (n) => (digits.length >= n ? Number(digits.slice(0, n)) : 0);
    const [p1, p2, p3, p4] = [p(1), p(2), p(3), p(4)];
    const len = digits.length;
    let name;
    let lengths;
    if (p1 === 4) [name, lengths] = ['visa', [13, 16, 19]];
    else if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) [name, lengths] = ['mastercard', [16]];
    else if (p2 === 34 || p2 === 37) [name, lengths] = ['amex', [15]];
    else if (p4 >= 3528 && p4 <= 3589) [name, lengths] = ['jcb', [16, 17, 18, 19]];
    else if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) [name, lengths] = ['diners', [14, 15, 16, 17, 18, 19]];
    else if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65) [name, lengths] = ['discover', [16, 17, 18, 19]];
    else if (p2 === 62) [name, lengths] = ['union-pay', [16, 17, 18, 19]];
    else return null;
    return lengths.includes(len) ? name : null;
  }

  /** The network of a typed value that looks like a card number, or null (luhn.rs `card_issuer`). */
  function cardIssuer(value) {
    const digits = compactCode(value);
    if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return null;
    return issuer(digits);
  }

  /** The gift-card shape of a typed value, or null (giftcard.rs `gift_card_shape`). */
  function giftCardShape(value) {
    const code = compactCode(value).replace(/[a-z]/g, (c) => c.toUpperCase());
    const n = code.length;
    if (n < 10 || n > 20 || !/^[0-9A-Z]+$/.test(code)) return null;
    let digits = 0;
    let switches = 0;
    for (let i = 0; i < n; i++) {
      const isDigit = code.charCodeAt(i) <= 57;
      if (isDigit) digits++;
      if (i > 0 && isDigit !== (code.charCodeAt(i - 1) <= 57)) switches++;
    }
    if (digits < 2 || n - digits < 2 || switches < 3 || cardIssuer(code)) return null;
    if (n === 16 && code.startsWith('X')) return 'apple';
    if (n === 14 || n === 15) return 'amazon';
    if (n === 16 || n === 20) return 'prepaid16-or20';
    return 'generic';
  }

  /** Everyday words the BIP-39 English list lacks (phrase.rs `NOT_IN_PHRASES`). */
  const NOT_IN_PHRASES = new Set(['the', 'and', 'for', 'with', 'your', 'are', 'was', 'from', 'not', 'but', 'our',
    'has', 'had', 'were', 'been', 'which', 'their', 'would', 'could', 'should', 'them', 'its', 'his', 'her', 'she',
    'him', 'who', 'how', 'why', 'did', 'does', 'than', 'these', 'those', 'some', 'out', 'get', 'got', 'yes']);

  /** Longer texts are never taken for a phrase (phrase.rs `MAX_TEXT`). */
  const MAX_PHRASE_TEXT = 1000;

  /** Whether a typed value has a wallet recovery phrase's shape (phrase.rs `looks_like_recovery_phrase`). */
  function looksLikeRecoveryPhrase(value) {
    const text = String(value);
    // Checked at every key press, so most values are turned away by length
    // alone: twelve words of three letters and their spaces make 47 characters.
    if (text.length < 47 || text.length > MAX_PHRASE_TEXT) return false;
    const words = text.split(WHITE_SPACE_RUN).filter(Boolean);
    if (words.length < 12 || words.length > 24 || words.length % 3 !== 0) return false;
    return words.every((w) => /^[A-Za-z]{3,8}$/.test(w) && !NOT_IN_PHRASES.has(w.toLowerCase()));
  }

  SG.values = {
    compactCode,
    luhnValid,
    cardIssuer,
    looksLikeCardNumber: (v) => cardIssuer(v) !== null,
    giftCardShape,
    looksLikeGiftCardCode: (v) => giftCardShape(v) !== null,
    looksLikeRecoveryPhrase,
  };
})();
