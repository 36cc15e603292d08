/** Placeholder: filled by the issue that owns this screen. */
export function NoticesPage() {
  return <section data-testid="NoticesPage" />;
}
