import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '@campus/shared';
import { usePerson } from '@/features/people';
import { offlineContacts } from '@/lib/offline/phone-copy';
import { followUpKeys } from '../query-keys';

export interface ContactPhone {
  key: string;
  label: string;
  phone: string;
}

/**
 * The numbers to call for a person, in full: from the class teacher's phone
 * copy (so tap-to-call works offline, ADR 0024), otherwise from the person's
 * page (a principal calling staff; a list not in the copy).
 */
export function useContacts(item: WorklistItem): { phones: ContactPhone[]; pending: boolean } {
  const { t } = useTranslation();
  const copy = useQuery({ queryKey: [...followUpKeys.all, 'contacts', item.personId], queryFn: () => offlineContacts(item.personId) });
  const person = usePerson(item.personId, copy.isSuccess && copy.data === null);
  const label = (relation: string | null, name: string | null) => (relation === null && name === null ? t('followUps.record.selfPhone') : t('followUps.record.guardian', { relation: relation ?? '', name: name ?? '' }));
  if (copy.data) return { phones: copy.data.map((entry, index) => ({ key: `c${index}`, label: label(entry.relation, entry.name), phone: entry.phone })), pending: false };
  if (!person.data) return { phones: [], pending: copy.isPending || person.isPending };
  const phones: ContactPhone[] = [];
  person.data.guardians.forEach((guardian, index) => {
    if (guardian.phone) phones.push({ key: `g${index}`, label: label(guardian.relation, guardian.name), phone: guardian.phone });
  });
  if (person.data.phone) phones.push({ key: 'self', label: label(null, null), phone: person.data.phone });
  return { phones, pending: false };
}
