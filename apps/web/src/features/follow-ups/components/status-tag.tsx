import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUpStatus } from '@campus/shared';

/** A person's state today, in words and colour (colour is never the only signal). */
export function FollowUpStatusTag({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  return <Tag className={`follow-up-tag follow-up-tag-${status}`}>{t(`followUps.status.${status}`)}</Tag>;
}
