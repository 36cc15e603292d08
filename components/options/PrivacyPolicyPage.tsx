/** Placeholder: filled by the issue that owns this screen. */
export function PrivacyPolicyPage() {
  return <section data-testid="PrivacyPolicyPage" />;
}
