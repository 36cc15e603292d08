/** Placeholder: filled by the issue that owns this screen. */
export function VaultPanel() {
  return <section data-testid="VaultPanel" />;
}
