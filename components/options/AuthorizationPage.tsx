/** Placeholder: filled by the issue that owns this screen. */
export function AuthorizationPage() {
  return <section data-testid="AuthorizationPage" />;
}
