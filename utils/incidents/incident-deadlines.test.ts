import { describe, expect, it } from 'vitest';
import { applyIncidentEvent, INCIDENT_DEADLINE_MS, incidentDueAt, IncidentTransitionError, incidentOutcome, type IncidentTimeline, isUnreported } from './incident-deadlines';
import { incidentEmail, mailtoUrl } from './incident-email';

const T0 = Date.UTC(2026, 11, 2, 8, 0);
const open = (): IncidentTimeline => ({ state: 'open', detectedAt: T0, reportedAt: null, resolvedAt: null });

describe('incidents: 72 h and open → reported → resolved', () => {
  it('the deadline is 72 h after detection; reporting at 72 h is on time, 1 ms later is late', () => {
    expect(incidentDueAt(open())).toBe(T0 + 72 * 3_600_000);
    const onTime = applyIncidentEvent(open(), { type: 'report' }, T0 + INCIDENT_DEADLINE_MS);
    expect(incidentOutcome(onTime, T0 + INCIDENT_DEADLINE_MS)).toEqual({ reportedOnTime: true, resolvedOnTime: null });
    const late = applyIncidentEvent(open(), { type: 'report' }, T0 + INCIDENT_DEADLINE_MS + 1);
    expect(incidentOutcome(late, T0 + INCIDENT_DEADLINE_MS + 1)).toEqual({ reportedOnTime: false, resolvedOnTime: false });
    expect(incidentOutcome(open(), T0 + INCIDENT_DEADLINE_MS).reportedOnTime).toBeNull();
    expect(incidentOutcome(open(), T0 + INCIDENT_DEADLINE_MS + 1).reportedOnTime).toBe(false);
  });

  it('moves only forward, with times', () => {
    expect(isUnreported(open())).toBe(true);
    expect(() => applyIncidentEvent(open(), { type: 'resolve' }, T0)).toThrow(IncidentTransitionError);
    const reported = applyIncidentEvent(open(), { type: 'report' }, T0 + 10);
    expect(reported).toEqual({ state: 'reported', detectedAt: T0, reportedAt: T0 + 10, resolvedAt: null });
    expect(isUnreported(reported)).toBe(false);
    expect(() => applyIncidentEvent(reported, { type: 'report' }, T0 + 11)).toThrow(IncidentTransitionError);
    const resolved = applyIncidentEvent(reported, { type: 'resolve' }, T0 + 20);
    expect(resolved).toMatchObject({ state: 'resolved', resolvedAt: T0 + 20 });
    expect(incidentOutcome(resolved, T0 + 100 * INCIDENT_DEADLINE_MS)).toEqual({ reportedOnTime: true, resolvedOnTime: true });
    expect(() => applyIncidentEvent(resolved, { type: 'resolve' }, T0 + 21)).toThrow(IncidentTransitionError);
  });

  it('the email subject carries the incident, detection time and deadline; the mailto link encodes every part', () => {
    const mail = incidentEmail({
      id: 3,
      detectedAt: T0,
      summary: 'Laptop lost & found',
      dataCategories: ['buyer-address'],
      affectedOrderSns: ['PO-1'],
      actionsTaken: 'Vault reset',
      shopIds: ['1001'],
    });
    expect(mail.subject).toBe('Security incident #3 - detected 2026-12-02 08:00 UTC - report/resolve by 2026-12-05 08:00 UTC');
    expect(mail.body).toContain('Orders that may be affected (1): PO-1');
    const url = mailtoUrl('security@example.com', mail.subject, mail.body);
    const parsed = new URL(url);
    expect(parsed.protocol).toBe('mailto:');
    expect(decodeURIComponent(parsed.pathname)).toBe('security@example.com');
    expect(parsed.searchParams.get('subject')).toBe(mail.subject);
    expect(parsed.searchParams.get('body')).toBe(mail.body.replace(/\n/g, '\r\n'));
    expect(url).not.toContain(' ');
  });
});
