// The default threat-list feeds, in the background's own code rather than a
// file it fetches: a waking worker then spends no request (and no main-thread
// time) on them while the wasm engine loads. Each one is fetched only from the
// host named in manifest.json host_permissions. JPCERT/CC publishes one CSV per
// month (YYYY/YYYYMM.csv) in https://github.com/JPCERTCC/phishurl-list with no
// fixed 'latest' address, so its URL names the month (feeds/monthly.js): the
// list is the last year's files, whichever are out. It is on by default, as
// the list of phishing sites confirmed in Japan, whose scams SagiGuard is
// built against first.

/** The feeds shipped with the extension, before the person's changes. */
export const DEFAULT_FEEDS = [
  {
    "id": "openphish",
    "name": "OpenPhish",
    "url": "https://openphish.com/feed.txt",
    "role": "block",
    "licence": "OpenPhish Community Feed: free for non-commercial use",
    "home": "https://openphish.com/",
    "report": "https://openphish.com/",
    "enabled": true
  },
  {
    "id": "jpcert",
    "name": "JPCERT/CC",
    "url": "https://raw.githubusercontent.com/JPCERTCC/phishurl-list/main/{yyyy}/{yyyy}{mm}.csv",
    "role": "block",
    "licence": "JPCERT/CC phishurl-list: no licence stated, published for countermeasures and research; attribute JPCERT/CC",
    "home": "https://github.com/JPCERTCC/phishurl-list",
    "report": "https://www.jpcert.or.jp/form/",
    "enabled": true
  },
  {
    "id": "polkadot",
    "name": "polkadot-js phishing",
    "url": "https://polkadot.js.org/phishing/all.json",
    "role": "block",
    "licence": "Apache-2.0 (polkadot-js/phishing)",
    "home": "https://github.com/polkadot-js/phishing",
    "report": "https://github.com/polkadot-js/phishing/issues",
    "enabled": false
  },
  {
    "id": "metamask",
    "name": "MetaMask eth-phishing-detect",
    "url": "https://raw.githubusercontent.com/MetaMask/eth-phishing-detect/main/src/config.json",
    "role": "block",
    "licence": "DBAD Public License (MetaMask/eth-phishing-detect)",
    "home": "https://github.com/MetaMask/eth-phishing-detect",
    "report": "https://github.com/MetaMask/eth-phishing-detect/issues",
    "enabled": false
  }
];
