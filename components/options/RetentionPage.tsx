/** Placeholder: filled by the issue that owns this screen. */
export function RetentionPage() {
  return <section data-testid="RetentionPage" />;
}
