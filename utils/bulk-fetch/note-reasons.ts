/**
 * Reasons the seller can give for viewing addresses (`noteReasonType` of the note the seller
 * center posts before showing an address). Only code 1 is seen in public tools (posted when an
 * address is viewed to ship the order); no other code is offered until its meaning is confirmed:
 * a wrong code would record a false reason with Temu. The seller still picks it per batch.
 */
export const NOTE_REASONS = [{ code: 1, key: 'ship' }] as const;
export type NoteReasonKey = (typeof NOTE_REASONS)[number]['key'];

export function isNoteReasonCode(value: unknown): value is number {
  return NOTE_REASONS.some((r) => r.code === value);
}
