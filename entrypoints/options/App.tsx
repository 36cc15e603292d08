import { i18n } from '../../components/common/i18n';
import { useEffect, useState, type ReactElement } from 'react';
import { PolicyChangeNotice } from '../../components/common/PolicyChangeNotice';
import { AuditPage } from '../../components/options/AuditPage';
import { EvidencePage } from '../../components/compliance/EvidencePage';
import { IncidentsPage } from '../../components/compliance/IncidentsPage';
import { RequestsPage } from '../../components/compliance/RequestsPage';
import { AuthorizationPage } from '../../components/options/AuthorizationPage';
import { ExportHistoryPage } from '../../components/options/ExportHistoryPage';
import { LabelSettingsPage } from '../../components/options/LabelSettingsPage';
import { NoticesPage } from '../../components/options/NoticesPage';
import { PrivacyPolicyPage } from '../../components/options/PrivacyPolicyPage';
import { RetentionPage } from '../../components/options/RetentionPage';
import { VaultPage } from '../../components/options/VaultPage';
import { OpenApiPage } from '../../components/open-api/OpenApiPage';
import { LanguageSelect } from '../../components/settings-forms/LanguageSelect';
import './options.css';

/** Sections by hash (`#authorize?shop=123`), so the banner and popup can deep-link. */
const SECTIONS: { id: string; label: () => string; render: () => ReactElement }[] = [
  { id: 'authorize', label: () => i18n.t('options.nav.authorize'), render: () => <AuthorizationPage /> },
  { id: 'vault', label: () => i18n.t('options.nav.vault'), render: () => <VaultPage /> },
  { id: 'retention', label: () => i18n.t('options.nav.retention'), render: () => <RetentionPage /> },
  { id: 'notices', label: () => i18n.t('options.nav.notices'), render: () => <NoticesPage /> },
  { id: 'requests', label: () => i18n.t('options.nav.requests'), render: () => <RequestsPage /> },
  { id: 'incidents', label: () => i18n.t('options.nav.incidents'), render: () => <IncidentsPage /> },
  { id: 'labels', label: () => i18n.t('options.nav.labels'), render: () => <LabelSettingsPage /> },
  { id: 'history', label: () => i18n.t('options.nav.history'), render: () => <ExportHistoryPage /> },
  { id: 'audit', label: () => i18n.t('options.nav.audit'), render: () => <AuditPage /> },
  { id: 'open-api', label: () => i18n.t('options.nav.openApi'), render: () => <OpenApiPage /> },

  { id: 'evidence', label: () => i18n.t('options.nav.evidence'), render: () => <EvidencePage /> },
  { id: 'policy', label: () => i18n.t('options.nav.policy'), render: () => <PrivacyPolicyPage /> },
];

function currentSection(): string {
  const id = location.hash.slice(1).split('?')[0];
  return SECTIONS.some((s) => s.id === id) ? id! : 'authorize';
}

export function App() {
  const [section, setSection] = useState(currentSection);
  useEffect(() => {
    const onHash = () => setSection(currentSection());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const active = SECTIONS.find((s) => s.id === section)!;
  return (
    <div className="sv-options">
      <nav className="sv-options__nav">
        <h1>{i18n.t('extName')}</h1>
        {SECTIONS.map((s) => (
          <a key={s.id} href={`#${s.id}`} aria-current={s.id === section ? 'page' : undefined}>
            {s.label()}
          </a>
        ))}
        <LanguageSelect />
      </nav>
      <main className="sv-options__main">
        <PolicyChangeNotice policyUrl="#policy" />
        {active.render()}
      </main>
    </div>
  );
}
