import { i18n } from '../common/i18n';
import type { MessageError } from '../../utils/messaging/envelope';

/** Why the export could not start; a locked vault links to the unlock screen. */
export function PrepareError({ error, onRetry }: { error: MessageError; onRetry: () => void }) {
  return (
    <div className="sv-error" role="alert" data-testid="export-error">
      <p>{error.code === 'locked' ? i18n.t('export.job.locked') : i18n.t('export.job.failed', [error.message])}</p>
      {error.code === 'locked' && (
        <a href="/options.html#vault" target="_blank" rel="noreferrer">
          {i18n.t('export.job.openVault')}
        </a>
      )}{' '}
      <button type="button" onClick={onRetry}>
        {i18n.t('export.job.retry')}
      </button>
    </div>
  );
}
