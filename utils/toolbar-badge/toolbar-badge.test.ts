import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeLook, COMPLIANCE_BADGE_COLOR, SHIP_BY_BADGE_COLOR } from './toolbar-badge';
import { showComplianceBadge, showShipByBadge } from './toolbar-badge-adapter';

describe('one toolbar badge for compliance deadlines and ship-by alerts', () => {
  it('compliance items win; ship-by shows when there are none; nothing when neither', () => {
    expect(badgeLook({ complianceCount: 2, shipByText: '14' })).toEqual({ text: '2', color: COMPLIANCE_BADGE_COLOR });
    expect(badgeLook({ complianceCount: 0, shipByText: '14' })).toEqual({ text: '14', color: SHIP_BY_BADGE_COLOR });
    expect(badgeLook({ complianceCount: 0, shipByText: '' }).text).toBe('');
  });

  it('each concern updates its own part and the other part is kept', async () => {
    await showShipByBadge('7');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('7');
    await showComplianceBadge(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await showShipByBadge('8');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await showComplianceBadge(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('8');
  });
});
