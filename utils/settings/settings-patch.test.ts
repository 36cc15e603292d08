import { describe, expect, it } from 'vitest';
import { settingsPatchSchema, settingsSchema } from './settings-schema';

describe('settings patch', () => {
  it('holds only the fields sent (no defaults filled in for the others)', () => {
    expect(settingsPatchSchema.parse({ onboardingChecklistHidden: true })).toEqual({ onboardingChecklistHidden: true });
    expect(settingsPatchSchema.parse({ labelSheetLayout: '2up', retentionDays: 7 })).toEqual({ labelSheetLayout: '2up', retentionDays: 7 });
    expect(settingsPatchSchema.parse({})).toEqual({});
  });

  it('validates each field as the full schema does', () => {
    expect(Object.keys(settingsPatchSchema.shape).sort()).toEqual(Object.keys(settingsSchema.shape).sort());
    expect(settingsPatchSchema.safeParse({ retentionDays: 29 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ uiLanguage: 'fr' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ returnAddress: { name: 'x'.repeat(201) } }).success).toBe(false);
  });
});
