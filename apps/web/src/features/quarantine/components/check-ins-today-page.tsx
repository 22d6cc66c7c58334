import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaseCheckInInput, ContactMethod, Mood, StudyStatus, Symptom, type CaseListItem, type CheckInState } from '@campus/shared';
import { Banner, Button, CheckGroup, Checkbox, ChoiceGroup, PageTitle, StatusBadge, TextField, toast, type BadgeTone } from '@/components/phone';
import { QueryState } from '@/components/ui/query-state';
import { isApiRequestError } from '@/lib/api-client';
import { validate, type FieldMessages } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useRecordCheckIn } from '../api/case-actions';
import { useCheckInsToday } from '../api/get-views';
import { checkInAlertKinds, checkInInputOf, newCheckInValues, type CheckInFormValues } from './check-in-values';
import { useCaseLabels } from './use-case-labels';
import './check-ins-phone.css';

/**
 * /cases/today (今日询问) — the cases of the user's teams still to check in
 * today, overdue first, each with its check-in form a tap away. Plain elements
 * and the phone kit, no antd (issue 16): a class teacher opens it in the phone
 * shell; a principal on a team gets the same page in the antd shell. The case
 * file (/cases/:id, antd) is a link away.
 */
export default function CheckInsTodayPage() {
  const { t } = useTranslation();
  const today = useCheckInsToday();
  // Where focus goes once a saved case has left the list (its card, and the focus in it, are gone).
  const countsRef = useRef<HTMLParagraphElement>(null);
  return (
    <div className="check-ins-page">
      <PageTitle title={t('quarantine.today.title')} description={t('quarantine.today.description')} />
      <QueryState query={today}>
        {(data) =>
          data.counts.open === 0 ? (
            <Banner tone="info" title={t('quarantine.today.none')} />
          ) : (
            <>
              <p ref={countsRef} tabIndex={-1} className="check-ins-counts">
                {t('quarantine.today.counts', data.counts)}
              </p>
              {data.items.length ? (
                <ul className="check-ins-list" aria-label={t('quarantine.today.title')}>
                  {data.items.map((item) => (
                    <CaseCard key={item.id} item={item} today={data.today} afterSave={countsRef} />
                  ))}
                </ul>
              ) : (
                <Banner tone="success" title={t('quarantine.today.allDone')} role="status" />
              )}
            </>
          )
        }
      </QueryState>
    </div>
  );
}

const STATE_TONES: Record<CheckInState, BadgeTone> = { done: 'success', due: 'warning', overdue: 'error' };

/** Today's check-in state in words and colour (case-table.tsx's CheckInTag, without antd). */
function CheckInBadge({ state }: { state: CheckInState }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATE_TONES[state]}>{t(`quarantine.checkIn.${state}`)}</StatusBadge>;
}

/** One case as case-table.tsx's card: who, class · reason · day N of M, days left or past the end, flags; then its form. */
function CaseCard({ item, today, afterSave }: { item: CaseListItem; today: string; afterSave: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const nameId = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const focusButton = useRef(false);
  useEffect(() => {
    if (!open && focusButton.current) {
      focusButton.current = false;
      buttonRef.current?.focus();
    }
  }, [open]);
  return (
    <li className="check-in-card">
      <div className="check-in-card-head">
        <h2 id={nameId} className="check-in-card-name">
          <Link to={`/cases/${item.id}`} className="check-in-card-link">
            {item.person.name}
          </Link>
        </h2>
        <CheckInBadge state={item.checkInState} />
      </div>
      <p className="check-in-card-line">
        {labels.classOf(item.person)} · {labels.reason(item.reason)} · {t('quarantine.file.dayOf', { day: item.day, of: item.of })}
      </p>
      <p className="check-in-card-line">
        {item.pastPlannedEnd ? t('quarantine.list.pastEnd') : t('quarantine.list.daysLeftValue', { count: item.daysLeft })}
        {item.needsHelp ? (
          <StatusBadge tone="warning" className="check-in-flag">
            {t('quarantine.list.needsHelp')}
          </StatusBadge>
        ) : null}
        {item.alert ? (
          <StatusBadge tone="error" className="check-in-flag">
            {t('quarantine.list.alert')}
          </StatusBadge>
        ) : null}
      </p>
      {open ? (
        <CheckInForm
          item={item}
          today={today}
          onCancel={() => {
            focusButton.current = true;
            setOpen(false);
          }}
          onSaved={() => {
            setOpen(false);
            afterSave.current?.focus();
          }}
        />
      ) : (
        <Button ref={buttonRef} variant="primary" block aria-describedby={nameId} onClick={() => setOpen(true)}>
          {t('quarantine.actions.checkIn')}
        </Button>
      )}
    </li>
  );
}

/** The form's fields by name: where a schema or server message (`living.helpNeeded`, `symptoms.0`) is shown. */
type FieldName = keyof CheckInFormValues;

/** The field a message's path is about (the last name in it, `symptoms.0` → `symptoms`), if the form shows it with room for a message. */
function fieldOf(path: string, shown: ReadonlySet<FieldName>): FieldName | undefined {
  const name = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .at(-1);
  return name !== undefined && shown.has(name as FieldName) ? (name as FieldName) : undefined;
}

/** Messages by path → those placed under a field, and the rest (for the banner above the buttons). */
function placeMessages(fields: Record<string, string>, shown: ReadonlySet<FieldName>): { placed: Partial<Record<FieldName, string>>; rest: string[] } {
  const placed: Partial<Record<FieldName, string>> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const name = fieldOf(path, shown);
    if (name) placed[name] ??= message;
    else rest.push(message);
  }
  return { placed, rest };
}

/**
 * The day's check-in (每日询问) in plain elements: case-modals.tsx's CheckInModal
 * — the same fields, labels, values (check-in-values.ts) and shared schema —
 * opened inside the case's card. Saved once (the button spins meanwhile); the
 * server's field messages go under their fields, anything else above the
 * buttons, and nothing typed is lost on an error.
 */
function CheckInForm({ item, today, onCancel, onSaved }: { item: CaseListItem; today: string; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const labels = useCaseLabels();
  const record = useRecordCheckIn();
  const id = useId();
  const titleId = `${id}-title`;
  const isStudent = item.person.kind === 'student';
  const [values, setValues] = useState<CheckInFormValues>(() => newCheckInValues(today));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string>();
  // `isPending` arrives one render after the tap: a fast double tap lands before it, so the handler guards too.
  const sending = useRef(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Opened: the form's title takes the focus (a screen reader hears whose check-in it is; the page stays where it was tapped).
  useEffect(() => {
    titleRef.current?.focus({ preventScroll: true });
  }, []);

  // The fields with room for a message; the rest of a refusal (needsHelp, the whole input) goes to the banner.
  const shown = new Set<FieldName>(['day', 'method', 'temperature', 'symptoms', 'foodOk', 'suppliesOk', 'helpNeeded', 'mood', 'counsellingNote', 'note', ...(isStudent ? (['keepingUp', 'materialsNeeded'] as const) : [])]);

  /** A change by the user: the changed fields' messages go. */
  const change = (patch: Partial<CheckInFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([name]) => !(name in patch))));
  };

  /** Shows a refusal and brings its first message into view. */
  const refuse = (fields: FieldMessages, message?: string) => {
    const { placed, rest } = placeMessages(fields, shown);
    setErrors(placed);
    const banner = [...(message !== undefined && (rest.length || !Object.keys(placed).length) ? [message] : []), ...rest.filter((text) => text !== message)];
    setFormError(banner.length ? banner.join(' ') : undefined);
    requestAnimationFrame(() => formRef.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center' }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.current) return;
    setErrors({});
    setFormError(undefined);
    const checked = validate(CaseCheckInInput, checkInInputOf(values, { isStudent }), language);
    if (!checked.ok) return refuse(checked.fields);
    sending.current = true;
    try {
      // The mutation refetches the list (meta.invalidates) before it resolves: the saved case has left it by then.
      await record.mutateAsync({ caseId: item.id, input: checked.data });
      toast(t('quarantine.form.saved'), 'success');
      onSaved();
    } catch (error) {
      if (isApiRequestError(error)) refuse(error.fields ?? {}, error.message);
      else refuse({}, error instanceof Error ? error.message : String(error));
    } finally {
      sending.current = false;
    }
  };

  const kinds = checkInAlertKinds(values, me.centre.feverThreshold);
  const yesNo = [
    { value: 'yes', label: t('quarantine.form.yes') },
    { value: 'no', label: t('quarantine.form.no') },
  ] as const;
  return (
    <form ref={formRef} className="check-in-form" aria-labelledby={titleId} noValidate onSubmit={(event) => void submit(event)}>
      <h3 id={titleId} ref={titleRef} tabIndex={-1} className="check-in-form-title">
        {t('quarantine.form.checkInTitle', { name: item.person.name })}
      </h3>
      <DayField label={t('quarantine.form.day')} value={values.day ?? ''} min={item.startDay} max={today} error={errors.day} onChange={(day) => change({ day: day || undefined })} />
      <ChoiceGroup<ContactMethod>
        legend={t('quarantine.form.method')}
        name={`${id}-method`}
        value={values.method}
        options={ContactMethod.options.map((value) => ({ value, label: t(`followUps.method.${value}`) }))}
        error={errors.method}
        onChange={(method) => change({ method })}
      />
      <TextField
        label={t('quarantine.form.temperature')}
        name={`${id}-temperature`}
        className="check-in-temperature"
        inputMode="decimal"
        maxLength={5}
        value={values.temperature ?? ''}
        error={errors.temperature}
        onChange={(temperature) => change({ temperature })}
      />
      <CheckGroup<Symptom>
        legend={t('quarantine.form.symptoms')}
        name={`${id}-symptoms`}
        values={values.symptoms}
        options={Symptom.options.map((value) => ({ value, label: t(`followUps.symptom.${value}`) }))}
        error={errors.symptoms}
        onChange={(symptoms) => change({ symptoms })}
      />
      <ChoiceGroup<'yes' | 'no'>
        legend={t('quarantine.form.foodOk')}
        name={`${id}-foodOk`}
        value={values.foodOk ? 'yes' : 'no'}
        options={yesNo}
        error={errors.foodOk}
        onChange={(answer) => change({ foodOk: answer === 'yes' })}
      />
      <ChoiceGroup<'yes' | 'no'>
        legend={t('quarantine.form.suppliesOk')}
        name={`${id}-suppliesOk`}
        value={values.suppliesOk ? 'yes' : 'no'}
        options={yesNo}
        error={errors.suppliesOk}
        onChange={(answer) => change({ suppliesOk: answer === 'yes' })}
      />
      <TextField
        label={t('quarantine.form.helpNeeded')}
        name={`${id}-helpNeeded`}
        multiline
        rows={2}
        maxLength={300}
        value={values.helpNeeded ?? ''}
        error={errors.helpNeeded}
        onChange={(helpNeeded) => change({ helpNeeded })}
      />
      {isStudent ? (
        <>
          <ChoiceGroup<StudyStatus>
            legend={t('quarantine.form.keepingUp')}
            name={`${id}-keepingUp`}
            value={values.keepingUp}
            options={StudyStatus.options.map((value) => ({ value, label: t(`followUps.study.${value}`) }))}
            error={errors.keepingUp}
            onChange={(keepingUp) => change({ keepingUp })}
          />
          <TextField
            label={t('quarantine.form.materialsNeeded')}
            name={`${id}-materialsNeeded`}
            multiline
            rows={2}
            maxLength={300}
            value={values.materialsNeeded ?? ''}
            error={errors.materialsNeeded}
            onChange={(materialsNeeded) => change({ materialsNeeded })}
          />
        </>
      ) : null}
      <ChoiceGroup<Mood>
        legend={t('quarantine.form.mood')}
        name={`${id}-mood`}
        required
        value={values.mood}
        options={Mood.options.map((value) => ({ value, label: labels.mood(value) }))}
        error={errors.mood}
        onChange={(mood) => change({ mood })}
      />
      {kinds.length ? <Banner className="check-in-form-block" tone="error" role="alert" title={t('quarantine.form.alertNow', { kinds: labels.alerts(kinds) })} /> : null}
      <TextField
        label={t('quarantine.form.counsellingNote')}
        name={`${id}-counsellingNote`}
        multiline
        rows={3}
        maxLength={1000}
        value={values.counsellingNote ?? ''}
        error={errors.counsellingNote}
        onChange={(counsellingNote) => change({ counsellingNote })}
      />
      <Checkbox name={`${id}-needsHelp`} checked={values.needsHelp} onChange={(needsHelp) => change({ needsHelp })}>
        {t('quarantine.form.needsHelp')}
      </Checkbox>
      <TextField label={t('quarantine.form.note')} name={`${id}-note`} multiline rows={2} maxLength={500} value={values.note ?? ''} error={errors.note} onChange={(note) => change({ note })} />
      {formError ? <Banner className="check-in-form-block" tone="error" role="alert" title={formError} /> : null}
      <div className="check-in-form-actions">
        <Button onClick={onCancel} disabled={record.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={record.isPending}>
          {t('quarantine.form.save')}
        </Button>
      </div>
    </form>
  );
}

/** The check-in's day: the phone's own date picker (YYYY-MM-DD), none after today (the kit's TextField has no date type). */
function DayField({ label, value, min, max, error, onChange }: { label: string; value: string; min: string; max: string; error?: string; onChange: (day: string) => void }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="phone-field">
      <label htmlFor={id} className="phone-label">
        <span className="phone-required" aria-hidden="true">
          *
        </span>
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="phone-input check-in-day"
        value={value}
        min={min}
        max={max}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={errorId} className="phone-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
