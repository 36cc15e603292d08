// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShipmentLabel } from '../../utils/export/shipment-label';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings-schema';
import { PrintLabel } from './PrintLabel';

afterEach(cleanup);

const hostile = '<img src=x onerror="alert(1)">';

function label(name: string): ShipmentLabel {
  return {
    orderSn: 'PO-211-01861395087993272',
    shopId: '1001',
    shipBy: Date.UTC(2026, 10, 27),
    shipFrom: { ...DEFAULT_SETTINGS.returnAddress, name: 'Acme' },
    shipTo: {
      name,
      phone: '+1 555 0100',
      backupPhone: null,
      email: null,
      addressLine1: `1 Main St ${hostile}`,
      addressLine2: null,
      addressLine3: null,
      city: 'Москва',
      state: null,
      district: null,
      postcode: '125009',
      country: 'Russia',
      countryCode: 'RU',
      taxCode: null,
    },
    items: [{ sku: 'SKU-1', title: 'Cup', spec: null, quantity: 2 }],
    tracking: [],
    createdAt: null,
  };
}

describe('PrintLabel', () => {
  it('prints captured values as text, never as markup', () => {
    const { container, getByTestId } = render(<PrintLabel label={label(hostile)} utcOffsetMinutes={0} />);
    expect(getByTestId('print-name').textContent).toBe(hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(`1 Main St ${hostile}`);
  });

  it('shows every script and a barcode for the order number', () => {
    const { container, getByTestId } = render(<PrintLabel label={label('王小明 Анна Γιώργος')} utcOffsetMinutes={0} />);
    expect(getByTestId('print-name').textContent).toBe('王小明 Анна Γιώργος');
    expect(container.textContent).toContain('Москва');
    expect(container.querySelectorAll('svg rect').length).toBeGreaterThan(10);
    expect(container.textContent).toContain('SHIP BY 2026-11-27');
  });
});
