import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonListItem } from '@campus/shared';

/** The flags a teacher looks for at a glance: left-behind, no study device, outside the city, left. */
export function PersonFlags({ person }: { person: Pick<PersonListItem, 'leftBehind' | 'deviceAccess' | 'whereabouts' | 'status'> }) {
  const { t } = useTranslation();
  const flags: { key: string; label: string; className: string }[] = [];
  if (person.status === 'left') flags.push({ key: 'left', label: t('people.flags.left'), className: 'tag-off' });
  if (person.leftBehind) flags.push({ key: 'leftBehind', label: t('people.flags.leftBehind'), className: 'tag-info' });
  if (person.deviceAccess === 'none') flags.push({ key: 'noDevice', label: t('people.flags.noDevice'), className: 'tag-warn' });
  if (person.deviceAccess === 'tv_only') flags.push({ key: 'tvOnly', label: t('people.flags.tvOnly'), className: 'tag-warn' });
  if (person.whereabouts === 'outside_city') flags.push({ key: 'outsideCity', label: t('people.flags.outsideCity'), className: 'tag-warn' });
  if (!flags.length) return null;
  return (
    <Flex wrap gap={4}>
      {flags.map((flag) => (
        <Tag key={flag.key} className={flag.className}>
          {flag.label}
        </Tag>
      ))}
    </Flex>
  );
}
