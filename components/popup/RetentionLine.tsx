/** Placeholder: filled by the issue that owns this screen. */
export function RetentionLine() {
  return <section data-testid="RetentionLine" />;
}
