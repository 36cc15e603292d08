/** Placeholder: filled by the issue that owns this screen. */
export function VaultPage() {
  return <section data-testid="VaultPage" />;
}
