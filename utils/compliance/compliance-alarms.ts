/** The repeating deadline check (also prunes the audit log) and the one-shot when a deadline becomes due soon. */
export const COMPLIANCE_SWEEP_ALARM = 'compliance-sweep';
export const COMPLIANCE_CHECK_ALARM = 'compliance-check';
export const COMPLIANCE_SWEEP_MINUTES = 30;

export function isComplianceAlarm(name: string): boolean {
  return name === COMPLIANCE_SWEEP_ALARM || name === COMPLIANCE_CHECK_ALARM;
}
