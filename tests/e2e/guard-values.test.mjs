// The content script's local value checks (extension/content/values.js) give
// the answers of their Rust references (src/forms/luhn.rs, giftcard.rs, phrase.rs), on
// the cases the Rust tests use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';

const sandbox = {};
sandbox.globalThis = sandbox;
vm.runInNewContext(readFileSync('extension/content/values.js', 'utf8'), sandbox);
const v = sandbox.__sagiguardContent.values;

test('card numbers: published test numbers, full width, and rejects', () => {
  const issuers = {
    '4242 4242 4242 4242': 'visa', '4111-1111-1111-1111': 'visa', '5555555555554444': 'mastercard',
    '2223003122003222': 'mastercard', '378282246310005': 'amex', '3530111333300000': 'jcb',
    '3566002020360505': 'jcb', '30569309025904': 'diners', '6011111111111117': 'discover', '6200000000000005': 'union-pay',
  };
  for (const [n, issuer] of Object.entries(issuers)) assert.equal(v.cardIssuer(n), issuer, n);
  assert.ok(v.looksLikeCardNumber('４２４２　４２４２　４２４２　４２４２'));
  assert.ok(v.looksLikeCardNumber('4242ｰ4242ｰ4242ｰ4242'), 'half-width prolonged sound mark as a dash');
  for (const n of ['4242424242424241', '1234567812345670', '09012345678', '4242', '4242 4242 4242 424x', '', '37828224631000']) {
    assert.equal(v.looksLikeCardNumber(n), false, n);
  }
  assert.ok(v.luhnValid('79927398713'));
  assert.ok(!v.luhnValid('79927398710'));
  assert.ok(!v.luhnValid('7'));
  assert.ok(!v.luhnValid('12a4'));
});

test('gift-card codes by shape', () => {
  assert.equal(v.giftCardShape('AQ7X-PLM4TZ-9KRB'), 'amazon');
  assert.equal(v.giftCardShape('ａｑ７ｘ－ｐｌｍ４ｔｚ－９ｋｒｂｄ'), 'amazon');
  assert.equal(v.giftCardShape('X7KQ9PL2M4TZ8RBD'), 'apple');
  assert.equal(v.giftCardShape('7KQ9 PL2M 4TZ8 RBDA 2C3D'), 'prepaid16-or20');
  assert.equal(v.giftCardShape('AB12CD34EF56G'), 'generic');
  for (const s of ['password123', 'tanaka19850412', '090-1234-5678', 'taro@example.com', '4242424242424242', 'internationalization', 'AB12']) {
    assert.equal(v.looksLikeGiftCardCode(s), false, s);
  }
});

test('wallet recovery phrases by shape', () => {
  const phrase = 'witch collapse practice feed shame open despair creek road again ice least';
  assert.ok(v.looksLikeRecoveryPhrase(phrase));
  assert.ok(v.looksLikeRecoveryPhrase('  Witch collapse practice\nfeed shame open despair creek road again ice least '));
  const twentyFour = 'abandon ability able about above absent absorb abstract absurd abuse access accident '
    + 'acid acoustic acquire across act action actor actress actual adapt add addict';
  assert.ok(v.looksLikeRecoveryPhrase(twentyFour));
  assert.ok(v.looksLikeRecoveryPhrase(twentyFour.split(' ').slice(0, 15).join(' ')));
  assert.ok(v.looksLikeRecoveryPhrase(Array(12).fill('act').join(' ')), 'the shortest: 47 characters');
  for (const s of [
    'witch collapse practice feed shame open despair creek road again ice',
    'witch collapse practice feed shame open despair creek road again ice least zoo',
    'please send the parcel back to our office before friday because nobody here ordered it',
    'thank you very much for your help with this order today and tomorrow',
    'witch collapse practice feed shame open despair creek road again ice least.',
    'witch collapse practice feed shame open despair creek road again ice 1234',
    'witch collapse practice feed shame open despair creek road again ice extraordinary',
    '',
    `${' '.repeat(990)}${phrase}`,
  ]) assert.equal(v.looksLikeRecoveryPhrase(s), false, s);
});
