import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '@/lib/session';
import { useCases } from '../api/list-cases';
import { quarantineCan } from '../permissions';
import { OpenCaseModal } from './case-modals';

/**
 * On a person's page: their open quarantine case (a link to the case file), or
 * — for a principal or the centre — the way to open one.
 */
export function PersonCaseButton({ person, active }: { person: { id: string; name: string; schoolId: string }; active: boolean }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const role = me.user.role;
  const cases = useCases({ personId: person.id, status: 'open' }, { enabled: role !== 'gate_duty' });
  const openCase = cases.data?.items[0];
  if (openCase) return <Button onClick={() => void navigate(`/cases/${openCase.id}`)}>{t('quarantine.actions.viewCase')}</Button>;
  if (!active || !quarantineCan.open(role) || cases.isPending) return null;
  return (
    <>
      <Button onClick={() => setOpening(true)}>{t('quarantine.actions.open')}</Button>
      {opening ? <OpenCaseModal person={person} onClose={() => setOpening(false)} /> : null}
    </>
  );
}
