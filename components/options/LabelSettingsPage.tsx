/** Placeholder: filled by the issue that owns this screen. */
export function LabelSettingsPage() {
  return <section data-testid="LabelSettingsPage" />;
}
