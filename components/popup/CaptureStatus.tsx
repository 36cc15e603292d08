/** Placeholder: filled by the issue that owns this screen. */
export function CaptureStatus() {
  return <section data-testid="CaptureStatus" />;
}
