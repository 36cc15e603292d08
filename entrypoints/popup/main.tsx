import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/base.css';
import { i18n } from '../../components/common/i18n';
import { applyUiLanguage } from '../../components/common/ui-language-adapter';
import { App } from './App';

// The language (browser's or the seller's choice, issue 15) is settled before the first render.
void applyUiLanguage().then(() => {
  // <title> holds the manifest placeholder (the toolbar tooltip); a popup opened as a tab shows this.
  document.title = i18n.t('extName');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
