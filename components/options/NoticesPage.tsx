import { i18n } from '../common/i18n';
import { useBackground } from '../common/use-background';
import { errorText } from '../retention/format-time';
import { NoticeForm } from '../retention/NoticeForm';
import { NoticeList } from '../retention/NoticeList';

/** Options → Deletion notices: record a marketplace notice (carried out at once) and see the 72 h / 90-day record. */
export function NoticesPage() {
  const notices = useBackground('notices/list', {});
  return (
    <section data-testid="NoticesPage">
      <h2>{i18n.t('notices.title')}</h2>
      <p>{i18n.t('notices.intro')}</p>
      <NoticeForm />
      <h3>{i18n.t('notices.list.heading')}</h3>
      {notices.error && (
        <p className="sv-error" role="alert">
          {errorText(notices.error)}
        </p>
      )}
      {notices.data && <NoticeList notices={notices.data} />}
    </section>
  );
}
