/** Version of the privacy policy text the seller sees when authorizing a shop (stored with consent). */
export const PRIVACY_POLICY_VERSION = '2026-11-25';
