import { useState } from 'react';
import { Alert, Button, Empty, Form, Input, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { GatePersonInput, type GateToday } from '@campus/shared';
import { clearChangedFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useGatePeople, useRegisterPerson } from '../api/gate-today';
import { useGateRegistration } from '../use-gate-registration';
import { BackToToday, DecisionPanel, GateFormFooter } from './decision-panel';
import { TemperatureField } from './temperature-field';

type Chosen = { id: string; name: string; classLabel: string | null };

/**
 * A student or staff member coming back through the gate: found by name,
 * pinyin or initials in the school's roster, measured, let in or refused. A
 * fever becomes their exception of the day for the class teacher.
 */
export function PersonCheck({ view }: { view: GateToday }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<{ temperature?: number | null }>();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Chosen>();
  const settled = useDebouncedValue(q, 250);
  const people = useGatePeople(view.school.id, chosen ? '' : settled);
  const register = useRegisterPerson();
  const { decided, error, pending, submit, next } = useGateRegistration(form, register, {
    onNext: () => {
      setChosen(undefined);
      setQ('');
    },
  });
  const temperature = Form.useWatch('temperature', form);

  if (decided) return <DecisionPanel entry={decided} onAgain={next} />;

  const submitChosen = (person: Chosen) =>
    submit(() => ({
      checked: validate(GatePersonInput, { schoolId: view.school.id, personId: person.id, temperature: (form.getFieldValue('temperature') as number | null | undefined) ?? undefined }, language),
    }));

  if (!chosen) {
    const items = people.data?.items ?? [];
    return (
      <>
        <label htmlFor="gate-person-search" className="filter-label">
          {t('gate.form.searchLabel')}
        </label>
        <Input id="gate-person-search" value={q} onChange={(event) => setQ(event.target.value)} placeholder={t('gate.form.search')} allowClear autoComplete="off" size="large" />
        {q.trim() ? (
          people.isFetching && !people.data ? (
            <Spin className="section" />
          ) : people.isError ? (
            <Alert type="error" showIcon title={people.error.message} className="section" />
          ) : items.length ? (
            <ul className="gate-person-options" aria-label={t('gate.form.searchLabel')}>
              {items.map((person) => (
                <li key={person.id}>
                  <Button onClick={() => setChosen(person)}>
                    <strong>{person.name}</strong>&nbsp;·&nbsp;{person.classLabel ?? t('gate.form.staff')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('gate.form.noMatch')} />
          )
        ) : null}
        <BackToToday />
      </>
    );
  }

  return (
    <Form form={form} layout="vertical" name="gate-person" onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)} onFinish={() => void submitChosen(chosen)}>
      <div className="gate-entry section">
        <div className="gate-entry-main">
          <div className="gate-entry-name">{chosen.name}</div>
          <div className="gate-entry-meta">{chosen.classLabel ?? t('gate.form.staff')}</div>
        </div>
        <Button onClick={() => setChosen(undefined)}>{t('gate.form.change')}</Button>
      </div>
      <TemperatureField threshold={view.feverThreshold} value={temperature} />
      <GateFormFooter error={error} pending={pending} />
    </Form>
  );
}
