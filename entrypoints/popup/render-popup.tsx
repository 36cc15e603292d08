import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18n } from '../../components/common/i18n';
import { App } from './App';

/** Mounts the popup (loaded by main.tsx once the first reads are on their way). */
export function renderPopup(root: HTMLElement): void {
  // <title> holds the manifest placeholder (the toolbar tooltip); a popup opened as a tab shows this.
  document.title = i18n.t('extName');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
