/** Placeholder: filled by the issue that owns this screen. */
export function AuditPage() {
  return <section data-testid="AuditPage" />;
}
