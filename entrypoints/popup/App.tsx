import { i18n } from '../../components/common/i18n';
import { PolicyChangeNotice } from '../../components/common/PolicyChangeNotice';
import { extensionPageUrl } from '../../components/popup/active-tab-adapter';
import { CaptureStatus } from '../../components/popup/CaptureStatus';
import { OpenApiSyncLine } from '../../components/open-api/OpenApiSyncLine';
import { OrderList } from '../../components/order-list/OrderList';
import { RetentionLine } from '../../components/popup/RetentionLine';
import { SetupChecklist } from '../../components/popup/SetupChecklist';
import { VaultPanel } from '../../components/popup/VaultPanel';
import './popup.css';

export function App() {
  return (
    <main className="sv-popup">
      <header className="sv-popup__header">
        <strong>{i18n.t('extName')}</strong>
        <a href={extensionPageUrl('/options.html')} target="_blank" rel="noreferrer">
          {i18n.t('popup.openOptions')}
        </a>
      </header>
      <PolicyChangeNotice policyUrl={extensionPageUrl('/options.html#policy')} />
      <SetupChecklist />
      <VaultPanel />
      <CaptureStatus />
      <OpenApiSyncLine />
      <OrderList />
      <RetentionLine />
    </main>
  );
}
