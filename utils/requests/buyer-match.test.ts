import { describe, expect, it } from 'vitest';
import { buildAccessAnswer } from './access-export';
import { accessCsvRows, accessExportOf } from './access-export-file';
import { matchBuyer } from './buyer-match';
import { delayEmail } from './request-email';
import type { BuyerPii } from '../vault/buyer-pii';

const pii: BuyerPii = {
  name: 'Élodie Martin',
  phone: '+1 (555) 010-0199',
  backupPhone: null,
  email: 'Elodie.M@relay.example',
  addressLine1: '12 Rue Test',
  addressLine2: null,
  addressLine3: null,
  city: 'Lyon',
  state: null,
  district: null,
  postcode: '69001',
  country: 'France',
  countryCode: 'FR',
  taxCode: null,
};

describe('finding a buyer for a request', () => {
  it('matches order number, email, phone digits and name; nothing else', () => {
    expect(matchBuyer('po-211-1', 'PO-211-1', pii)).toBe('orderSn');
    expect(matchBuyer('elodie.m@relay.example', 'PO-1', pii)).toBe('email');
    expect(matchBuyer('other@relay.example', 'PO-1', pii)).toBeNull();
    expect(matchBuyer('15550100199', 'PO-1', pii)).toBe('phone');
    expect(matchBuyer('555 010 0199', 'PO-1', pii)).toBe('phone');
    expect(matchBuyer('5550100200', 'PO-1', pii)).toBeNull();
    expect(matchBuyer('elodie', 'PO-1', pii)).toBe('name');
    expect(matchBuyer('MARTIN', 'PO-1', pii)).toBe('name');
    expect(matchBuyer('Lyon', 'PO-1', pii)).toBeNull();
    expect(matchBuyer('  ', 'PO-1', pii)).toBeNull();
  });

  it('the access export explains every field and holds only the given orders', () => {
    const order = { orderSn: 'PO-1', shopId: '1001', status: 'shipped', createdAt: 0, shippedAt: 1000, deliveredAt: null, purgeAt: 5000 } as never;
    const data = accessExportOf(buildAccessAnswer(4, Date.UTC(2026, 11, 2), [{ order, items: [{ title: 'Mug', sku: 'S', quantity: 2 } as never], buyer: pii }]));
    expect(data.records.map((r) => r.orderSn)).toEqual(['PO-1']);
    expect(Object.keys(data.fields)).toContain('addressLine1');
    const rows = accessCsvRows(data);
    expect(rows[0]).toContain('email');
    expect(rows[1]).toContain('Elodie.M@relay.example');
    expect(rows[1]).toContain('2 x Mug');
  });

  it('the delay email names the reason and the new time', () => {
    const mail = delayEmail({ kind: 'access', receivedAt: Date.UTC(2026, 11, 1), reason: 'Waiting for the carrier', newExpectedAt: Date.UTC(2026, 11, 4, 12) });
    expect(mail.subject).toBe('Your request to access your data: new expected time 2026-12-04 12:00 UTC');
    expect(mail.body).toContain('Reason: Waiting for the carrier');
  });
});
