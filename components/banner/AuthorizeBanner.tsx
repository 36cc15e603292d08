import { i18n } from '#i18n';
import type { MouseEvent } from 'react';

export interface AuthorizeBannerProps {
  shopId: string;
  onAuthorize: () => void;
  onDismiss: () => void;
}

/**
 * Only a person's click counts: a page script's `.click()` or dispatched event is not trusted
 * (`isTrusted` is set by the browser and cannot be forged), so the page can neither open
 * authorization tabs nor dismiss the offer.
 */
function trusted(action: () => void) {
  return (event: MouseEvent<HTMLButtonElement>) => {
    if (event.nativeEvent.isTrusted !== true) return;
    action();
  };
}

/** In-page offer to authorize capture for this shop (issue 3 part 7); lives in a closed shadow root. */
export function AuthorizeBanner({ shopId, onAuthorize, onDismiss }: AuthorizeBannerProps) {
  return (
    <section className="sv-banner" aria-label={i18n.t('capture.banner.label')} data-testid="sv-authorize-banner">
      <p className="sv-banner__text">
        <strong>{i18n.t('extName')}</strong>
        <span>{i18n.t('capture.banner.notAuthorized', [shopId])}</span>
      </p>
      <div className="sv-banner__actions">
        <button type="button" className="sv-banner__primary" onClick={trusted(onAuthorize)}>
          {i18n.t('capture.banner.authorize')}
        </button>
        <button type="button" className="sv-banner__dismiss" onClick={trusted(onDismiss)} aria-label={i18n.t('capture.banner.dismiss')}>
          ×
        </button>
      </div>
    </section>
  );
}
