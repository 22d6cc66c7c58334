import { useTranslation } from 'react-i18next';
import type { FollowUpStatus } from '@campus/shared';

/** A person's state today, in words and colour (colour is never the only signal); plain, for the phone's pages. */
export function FollowUpStatusTag({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  return <span className={`follow-up-tag follow-up-tag-${status}`}>{t(`followUps.status.${status}`)}</span>;
}
