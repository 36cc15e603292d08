import { browser } from 'wxt/browser';
import { SESSION_KEYS } from '../storage-keys';
import { type BadgeInputs, badgeLook } from './toolbar-badge';

/** storage.session: each concern's last badge input, so a worker that wakes for one concern keeps the other's. */
const INPUTS_KEY = SESSION_KEYS.toolbarBadge;

async function show(patch: Partial<BadgeInputs>): Promise<void> {
  const held = ((await browser.storage.session.get(INPUTS_KEY))[INPUTS_KEY] ?? {}) as Partial<BadgeInputs>;
  const inputs: BadgeInputs = { complianceCount: 0, shipByText: '', ...held, ...patch };
  await browser.storage.session.set({ [INPUTS_KEY]: inputs });
  const { text, color } = badgeLook(inputs);
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setBadgeText({ text });
}

/** The compliance concern's part of the badge (utils/compliance). */
export const showComplianceBadge = (complianceCount: number) => show({ complianceCount });
/** The ship-by alerts' part of the badge (utils/ship-by-alerts). */
export const showShipByBadge = (shipByText: string) => show({ shipByText });
