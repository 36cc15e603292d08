/** "YYYY-MM-DDTHH:mm" for <input type="datetime-local">, in the viewer's zone. */
export function localInputValue(at: number): string {
  return new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** datetime-local is read in the viewer's zone: new Date('YYYY-MM-DDTHH:mm') is local time. */
export function fromLocalInput(value: string): number {
  return new Date(value).getTime();
}
