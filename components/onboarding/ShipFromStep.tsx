import { useEffect, useState } from 'react';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import type { ReturnAddress } from '../../utils/settings/settings-schema';
import { i18n } from '../common/i18n';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useBackground } from '../common/use-background';
import { ReturnAddressForm } from '../settings-forms/ReturnAddressForm';

/** Onboarding: the ship-from address printed on every label (saved like options › Labels). */
export function ShipFromStep({ onSaved }: { onSaved: () => void }) {
  const settings = useBackground('settings/get', {});
  const [draft, setDraft] = useState<ReturnAddress | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (settings.data && draft === null) setDraft(settings.data.returnAddress);
  }, [settings.data, draft]);
  if (!draft) return null;

  const save = async () => {
    try {
      await sendMessage('settings/update', { returnAddress: draft });
      setStatus({ ok: true, text: i18n.t('export.settings.saved') });
      onSaved();
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div className="sv-label-settings">
      <p>{i18n.t('onboarding.address.intro')}</p>
      <ReturnAddressForm value={draft} onChange={setDraft} />
      <p>
        <button type="button" className="primary" data-testid="onboarding-save-address" onClick={() => void save()}>
          {i18n.t('onboarding.address.save')}
        </button>
      </p>
      <OutcomeMessage outcome={status} />
    </div>
  );
}
