/** Order numbers pasted from an email: one per line or separated by commas/semicolons (ASCII or full-width). */
export function parseOrderSnList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;，；]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
