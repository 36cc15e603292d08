/**
 * storage.local keys. Content scripts may read `consent` and `settings` (no PII in either); both are
 * mirrors of trusted copies the background keeps in IndexedDB (utils/storage-trust), never read back.
 */
export const LOCAL_KEYS = {
  consent: 'consent',
  settings: 'settings',
  /** The audit chain head (seq, hash, time: no personal data), kept outside the log (utils/audit/audit-head.ts). */
  auditHead: 'auditHead',
} as const;

/** storage.session keys (trusted contexts only: never readable by content scripts). */
export const SESSION_KEYS = {
  /** Bumped after every background write so open pages refresh. */
  revision: 'revision',
  /** Unlocked vault key material (utils/vault). */
  unlockedKeys: 'unlockedKeys',
  lastActivityAt: 'lastActivityAt',
  /** Each concern's last toolbar-badge input (utils/toolbar-badge; counts and text, no PII). */
  toolbarBadge: 'toolbarBadge',
} as const;

/** storage.session key prefixes of owned per-tab state (no PII: a tab id and a shop id). */
export const SESSION_KEY_PREFIXES = {
  /** `captureTab:<tabId>` → shop id the tab's content script reported (popup tab state). */
  captureTab: 'captureTab:',
} as const;
