/**
 * The first-run steps (issue 15: "fresh install to first label in two minutes"), each done or not
 * from the state the background already holds, so the onboarding page and the popup checklist
 * agree and a step done elsewhere (options) is done here too. Nothing is stored for it except the
 * seller's "hide the checklist".
 */
/** The extension page a fresh install opens; `#<step>` opens one step (the popup checklist links there). */
export const ONBOARDING_PAGE = '/onboarding.html';

export const SETUP_STEPS = ['vault', 'address', 'shop', 'sellerCenter'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupFacts {
  /** vault/status state. */
  vaultState: 'uninitialized' | 'locked' | 'unlocked';
  /** The ship-from address has its first line and city (enough for a label). */
  returnAddress: { addressLine1: string; city: string };
  authorizedShops: number;
  /** Orders ever captured: the seller center was opened with an authorized shop. */
  capturedOrders: number;
}

export interface SetupItem {
  step: SetupStep;
  done: boolean;
}

export function setupChecklist(facts: SetupFacts): SetupItem[] {
  const done: Record<SetupStep, boolean> = {
    vault: facts.vaultState !== 'uninitialized',
    address: facts.returnAddress.addressLine1.trim() !== '' && facts.returnAddress.city.trim() !== '',
    shop: facts.authorizedShops > 0,
    sellerCenter: facts.capturedOrders > 0,
  };
  return SETUP_STEPS.map((step) => ({ step, done: done[step] }));
}

/** Steps still open, in order (the popup lists these until all are done or the seller hides them). */
export function openSetupSteps(facts: SetupFacts): SetupStep[] {
  return setupChecklist(facts)
    .filter((item) => !item.done)
    .map((item) => item.step);
}
