/** Placeholder: filled by the issue that owns this screen. */
export function OrderList() {
  return <section data-testid="OrderList" />;
}
