import { i18n } from '#i18n';

export interface AuthorizeBannerProps {
  shopId: string;
  onAuthorize: () => void;
  onDismiss: () => void;
}

/** In-page offer to authorize capture for this shop (issue 3 part 7); lives in a shadow root. */
export function AuthorizeBanner({ shopId, onAuthorize, onDismiss }: AuthorizeBannerProps) {
  return (
    <section className="sv-banner" aria-label={i18n.t('capture.banner.label')} data-testid="sv-authorize-banner">
      <p className="sv-banner__text">
        <strong>{i18n.t('extName')}</strong>
        <span>{i18n.t('capture.banner.notAuthorized', [shopId])}</span>
      </p>
      <div className="sv-banner__actions">
        <button type="button" className="sv-banner__primary" onClick={onAuthorize}>
          {i18n.t('capture.banner.authorize')}
        </button>
        <button type="button" className="sv-banner__dismiss" onClick={onDismiss} aria-label={i18n.t('capture.banner.dismiss')}>
          ×
        </button>
      </div>
    </section>
  );
}
