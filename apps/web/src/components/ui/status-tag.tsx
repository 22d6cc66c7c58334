import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** "启用中" / "已停用" for schools and classes. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? <Tag className="tag-ok">{t('common.active')}</Tag> : <Tag className="tag-off">{t('common.inactive')}</Tag>;
}
