import { setupChecklist, type SetupItem } from '../../utils/onboarding/setup-checklist';
import { useBackground } from '../common/use-background';
import { useVault } from '../vault/use-vault';

/** The first-run steps, each done or not, from background state (refreshes on every write). */
export function useSetupChecklist(): { items: SetupItem[] | null; hidden: boolean } {
  const vault = useVault();
  const settings = useBackground('settings/get', {});
  const consents = useBackground('consent/list', {});
  const summary = useBackground('orders/summary', { limit: 1 });
  if (!vault.data || !settings.data || !consents.data || !summary.data) return { items: null, hidden: settings.data?.onboardingChecklistHidden ?? false };
  const items = setupChecklist({
    vaultState: vault.data.state,
    returnAddress: settings.data.returnAddress,
    authorizedShops: consents.data.length,
    capturedOrders: summary.data.total,
  });
  return { items, hidden: settings.data.onboardingChecklistHidden };
}
