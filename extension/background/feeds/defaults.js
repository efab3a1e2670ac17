// The default threat-list feeds, in the background's own code rather than a
// file it fetches: a waking worker then spends no request (and no main-thread
// time) on them while the wasm engine loads. Each one is fetched only from the
// host named in manifest.json host_permissions. JPCERT/CC publishes one CSV per
// month (YYYY/YYYYMM.csv) in https://github.com/JPCERTCC/phishurl-list with no
// fixed 'latest' address; the URL below is a month's file and must be moved on
// with each release (the repository is the reference). Disabled by default for
// that reason.

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
    "url": "https://raw.githubusercontent.com/JPCERTCC/phishurl-list/main/2025/202510.csv",
    "role": "block",
    "licence": "JPCERT/CC phishurl-list: no licence stated, published for countermeasures and research; attribute JPCERT/CC",
    "home": "https://github.com/JPCERTCC/phishurl-list",
    "report": "https://www.jpcert.or.jp/form/",
    "enabled": false
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
