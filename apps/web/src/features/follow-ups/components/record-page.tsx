import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import {
  ContactMethod,
  FollowUpInput,
  isFollowUpException,
  NotStudyingReason,
  StudyMode,
  StudyStatus,
  studied,
  Symptom,
  UnreachableCode,
  Whereabouts,
  type FollowUp,
  type Language,
  type Worklist,
  type WorklistItem,
} from '@campus/shared';
import { Banner, Button, CheckGroup, Checkbox, CheckIcon, ChoiceGroup, Dialog, PageTitle, PhoneIcon, TextField, toast } from '@/components/phone';
import { NotFoundNotice, QueryState } from '@/components/ui/query-state';
import { useCategoryLabel, useCensusCategories } from '@/features/census';
import { usePerson } from '@/features/people';
import { clearDraft, readDraft, writeDraft } from '@/lib/drafts';
import { useLeaveGuard } from '@/lib/leave-guard';
import { validate, type FieldMessages } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { queueFollowUp, useOutbox, type OutboxEntry } from '@/lib/offline/outbox';
import { useSession } from '@/lib/session';
import { useOneAtATime } from '@/lib/use-one-at-a-time';
import { useContacts } from '../api/contacts';
import { useWorklist } from '../api/get-worklist';
import { FollowUpStatusTag } from './status-tag';
import { useFollowUpSummary, useUnreachableReason } from './use-follow-up-summary';
import { useWorklistRoute } from './use-worklist-route';
import './follow-ups.css';
import './record-page.css';

/**
 * One person's call of the day: who to call (tap to call), "all well" in one
 * tap, or the details. Plain elements (components/phone), no antd: the class
 * teacher's pages load on a phone within the issue 16 budget. A save goes to
 * the phone's outbox (lib/offline/outbox.ts), which sends it when there is a
 * connection and shows there what the server could not take.
 */
export default function RecordPage() {
  const route = useWorklistRoute();
  const worklist = useWorklist(route.params);
  return (
    <QueryState query={worklist}>
      {(data) => {
        const item = data.items.find((candidate) => candidate.personId === route.personId);
        return item ? <RecordView key={item.personId} worklist={data} item={item} /> : <NotFoundNotice />;
      }}
    </QueryState>
  );
}

interface RecordValues {
  method: ContactMethod;
  reached: 'yes' | 'no';
  answeredBy?: string;
  unreachableCode?: UnreachableCode;
  unreachableReason?: string;
  temperature?: string;
  symptoms: Symptom[];
  symptomNote?: string;
  whereabouts?: Whereabouts;
  place?: string;
  keyRegionContact?: 'yes' | 'no';
  studiedOnline?: StudyStatus;
  /** With yes / partly: online, paper materials or the TV lessons (left out: online). */
  studyMode?: StudyMode;
  /** With no: why (issue 17's figures count these). */
  notStudyingReason?: NotStudyingReason;
  studyNote?: string;
  note?: string;
  /** Offered with an exception, checked by default: also move the census category to "unwell". */
  moveToUnwell?: boolean;
}

/** What a reload of the tab brings back (lib/drafts.ts; docs/decisions/0012-follow-up-drafts.md). */
interface Draft {
  values: RecordValues;
  showDetails: boolean;
  version: number | undefined;
}

/** A follow-up input the shared schema has checked (what the outbox keeps). */
type CheckedInput = z.output<typeof FollowUpInput>;

function valuesOf(record: FollowUp | null): RecordValues {
  if (!record) return { method: 'phone', reached: 'yes', symptoms: [], moveToUnwell: true };
  return {
    method: record.method,
    reached: record.reached ? 'yes' : 'no',
    answeredBy: record.answeredBy ?? undefined,
    unreachableCode: record.unreachableCode ?? undefined,
    unreachableReason: record.unreachableReason ?? undefined,
    temperature: record.temperature === null ? undefined : record.temperature.toFixed(1),
    symptoms: record.symptoms,
    symptomNote: record.symptomNote ?? undefined,
    whereabouts: record.whereabouts ?? undefined,
    place: record.place ?? undefined,
    keyRegionContact: record.keyRegionContact === null ? undefined : record.keyRegionContact ? 'yes' : 'no',
    studiedOnline: record.studiedOnline ?? undefined,
    studyMode: record.studyMode ?? undefined,
    notStudyingReason: record.notStudyingReason ?? undefined,
    studyNote: record.studyNote ?? undefined,
    note: record.note ?? undefined,
    moveToUnwell: true,
  };
}

/**
 * An input waiting in the outbox → form values (inputOf the other way).
 * `moveToUnwell` is sent only when offered and checked: an exception saved
 * without it had the box unchecked (or not offered, where it does not matter).
 */
function valuesOfInput(input: CheckedInput, feverThreshold: number): RecordValues {
  const exception = input.reached && isFollowUpException(input, feverThreshold);
  return {
    method: input.method,
    reached: input.reached ? 'yes' : 'no',
    answeredBy: input.answeredBy ?? undefined,
    unreachableCode: input.unreachableCode ?? undefined,
    unreachableReason: input.unreachableReason ?? undefined,
    temperature: input.temperature === null ? undefined : input.temperature.toFixed(1),
    symptoms: input.symptoms,
    symptomNote: input.symptomNote ?? undefined,
    whereabouts: input.whereabouts ?? undefined,
    place: input.place ?? undefined,
    keyRegionContact: input.keyRegionContact === null ? undefined : input.keyRegionContact ? 'yes' : 'no',
    studiedOnline: input.studiedOnline ?? undefined,
    studyMode: input.studyMode ?? undefined,
    notStudyingReason: input.notStudyingReason ?? undefined,
    studyNote: input.studyNote ?? undefined,
    note: input.note ?? undefined,
    moveToUnwell: input.moveToUnwell ?? !exception,
  };
}

/**
 * Form values → the API's input; a temperature that is not a number is left
 * for the schema to refuse. `offerMove`: the census move was offered (an
 * exception, a person not yet "unwell"), so the checkbox's answer is sent.
 */
function inputOf(values: RecordValues, version: number | undefined, offerMove = false): Record<string, unknown> {
  const reached = values.reached === 'yes';
  const temperatureText = values.temperature?.trim().replace(',', '.');
  const temperature = temperatureText ? Number(temperatureText) : null;
  return {
    method: values.method,
    reached,
    answeredBy: reached ? values.answeredBy : null,
    unreachableCode: reached ? null : (values.unreachableCode ?? null),
    unreachableReason: !reached && values.unreachableCode === 'other' ? values.unreachableReason : null,
    temperature: reached && temperature !== null ? (Number.isNaN(temperature) ? temperatureText : Math.round(temperature * 10) / 10) : null,
    symptoms: reached ? values.symptoms : [],
    symptomNote: reached && values.symptoms.length ? values.symptomNote : null,
    whereabouts: reached ? (values.whereabouts ?? null) : null,
    place: reached && values.whereabouts && values.whereabouts !== 'home_township' ? values.place : null,
    keyRegionContact: reached && values.keyRegionContact ? values.keyRegionContact === 'yes' : null,
    studiedOnline: reached ? (values.studiedOnline ?? null) : null,
    studyMode: reached && studied(values.studiedOnline ?? null) ? (values.studyMode ?? null) : null,
    notStudyingReason: reached && values.studiedOnline === 'no' ? (values.notStudyingReason ?? null) : null,
    studyNote: reached && values.studiedOnline && values.studiedOnline !== 'yes' ? values.studyNote : null,
    note: values.note,
    ...(version !== undefined ? { version } : {}),
    ...(offerMove && values.moveToUnwell !== false ? { moveToUnwell: true } : {}),
  };
}

/** Whether the form differs from what it opened with (what the API would receive, so untouched hidden fields do not count). */
function differs(values: RecordValues, initial: RecordValues): boolean {
  return JSON.stringify(inputOf({ ...initial, ...values }, undefined)) !== JSON.stringify(inputOf(initial, undefined));
}

/**
 * The fields the form shows for these values, each with room for its message; a message about any other one
 * (the census move's checkbox, the version, the whole input) goes to the form's own error banner.
 */
function fieldsShown(values: RecordValues): Set<string> {
  const names = ['method', 'reached', 'note'];
  if (values.reached === 'no') {
    names.push('unreachableCode');
    if (values.unreachableCode === 'other') names.push('unreachableReason');
  } else {
    names.push('answeredBy', 'temperature', 'symptoms', 'whereabouts', 'keyRegionContact', 'studiedOnline');
    if (values.symptoms.length) names.push('symptomNote');
    if (values.whereabouts && values.whereabouts !== 'home_township') names.push('place');
    if (values.studiedOnline && values.studiedOnline !== 'yes') names.push('studyNote');
    if (studied(values.studiedOnline ?? null)) names.push('studyMode');
    if (values.studiedOnline === 'no') names.push('notStudyingReason');
  }
  return new Set(names);
}

/** Where the form starts: the outbox's unsent entry for this person and day if there is one, else the record (or an empty form). */
interface Start {
  values: RecordValues;
  version: number | undefined;
  showDetails: boolean;
}

function startOf(record: FollowUp | null, queued: OutboxEntry | undefined, feverThreshold: number): Start {
  const input = queued ? FollowUpInput.safeParse(queued.input) : undefined;
  if (input?.success) {
    return {
      values: valuesOfInput(input.data, feverThreshold),
      // The version the teacher saw when saving it (the outbox moves it on when an earlier save of the same record is applied).
      version: input.data.version,
      showDetails: !input.data.reached || isFollowUpException(input.data, feverThreshold),
    };
  }
  return { values: valuesOf(record), version: record?.version, showDetails: record !== null && (record.isException || !record.reached) };
}

/** The outbox's latest unsent entry for this person's call on this day. */
function useQueuedEntry(personId: string, day: string): OutboxEntry | undefined {
  return useOutbox().findLast((entry) => entry.kind === 'follow-up' && entry.personId === personId && entry.day === day);
}

/** Two messages as one toast, with the sentence break the language wants. */
function joinSentences(first: string, second: string, language: Language): string {
  if (language === 'en') return /[.!?]$/.test(first) ? `${first} ${second}` : `${first}. ${second}`;
  return /[。！？]$/.test(first) ? `${first}${second}` : `${first}。${second}`;
}

function ContactCard({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  const contacts = useContacts(item);
  return (
    <section className="record-block" aria-labelledby="contact-title">
      <h2 id="contact-title" className="record-section-title">
        {t('followUps.record.contact')}
      </h2>
      {contacts.pending ? (
        <p className="record-muted">{[item.guardianName, item.guardianPhone].filter(Boolean).join(' · ') || t('common.loading')}</p>
      ) : contacts.phones.length ? (
        <ul className="record-calls">
          {contacts.phones.map((entry) => (
            <li key={entry.key}>
              <a className="record-call-link" href={`tel:${entry.phone}`}>
                <PhoneIcon />
                <span>{entry.label}</span>
                <span className="record-call-number">{t('followUps.record.call', { phone: entry.phone })}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="record-muted">{t('followUps.record.noPhone')}</p>
      )}
      {item.inQuarantine ? (
        <Banner
          className="record-tight"
          tone="warning"
          title={t('followUps.record.quarantineNote')}
          action={
            item.caseId ? (
              <Link to={`/cases/${item.caseId}`} className="phone-link-button">
                {t('quarantine.actions.viewCase')}
              </Link>
            ) : undefined
          }
        />
      ) : null}
    </section>
  );
}

function RecordView({ worklist, item }: { worklist: Worklist; item: WorklistItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const navigate = useNavigate();
  const route = useWorklistRoute();
  const summary = useFollowUpSummary();
  const reasonOf = useUnreachableReason();
  const once = useOneAtATime();
  const feverThreshold = me.centre.feverThreshold;
  const record = item.followUp;
  const queued = useQueuedEntry(item.personId, worklist.day);
  const draftKey = `follow-up:${me.user.id}:${item.personId}:${worklist.day}`;
  const [draft, setDraft] = useState(() => readDraft<Draft>(draftKey));
  const [start, setStart] = useState(() => startOf(record, queued, feverThreshold));
  const [values, setValues] = useState<RecordValues>(() => (draft ? { ...start.values, ...draft.values } : start.values));
  const [version, setVersion] = useState(draft ? draft.version : start.version);
  const [showDetails, setShowDetails] = useState(draft?.showDetails ?? start.showDetails);
  const [fieldErrors, setFieldErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const categories = useCensusCategories();
  const categoryLabel = useCategoryLabel();

  // Changes not yet saved: asked about before leaving (in the app and on reload or close), kept as a draft across a reload.
  const dirtyRef = useRef(draft !== null);
  const [dirty, setDirty] = useState(draft !== null);
  const markDirty = (value: boolean) => {
    dirtyRef.current = value;
    setDirty(value);
  };
  // Signing out (or a session found ended) goes to the login page without asking: the draft is erased there anyway (ADR 0012).
  const blocker = useLeaveGuard(
    ({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname && nextLocation.pathname !== '/login',
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const forgetChanges = () => {
    markDirty(false);
    clearDraft(draftKey);
  };
  const keepDraft = (next: RecordValues, details = showDetails) => writeDraft(draftKey, { values: next, showDetails: details, version } satisfies Draft);

  /** A new starting point: the version to send from now on; the values too while nothing has been typed. */
  const restart = (next: Start) => {
    setStart(next);
    setVersion(next.version);
    if (!dirty) {
      setValues(next.values);
      setShowDetails(next.showDetails);
    }
  };
  // The outbox's entry for this person and day can arrive after the first render (the outbox is read from IndexedDB),
  // be replaced, or leave. Adjusted while rendering (react.dev: "storing information from previous renders").
  const [seenEntryKey, setSeenEntryKey] = useState(queued?.key);
  const [recordVersionAtLeave, setRecordVersionAtLeave] = useState<number | null>();
  if (queued?.key !== seenEntryKey) {
    setSeenEntryKey(queued?.key);
    if (queued) {
      setRecordVersionAtLeave(undefined);
      restart(startOf(record, queued, feverThreshold));
    } else if (seenEntryKey !== undefined) {
      // Sent (or discarded in the outbox's list): the record the list brings next is the one to build on.
      setRecordVersionAtLeave(record?.version ?? null);
    }
  }
  if (recordVersionAtLeave !== undefined && !queued && (record?.version ?? null) !== recordVersionAtLeave) {
    setRecordVersionAtLeave(undefined);
    restart(startOf(record, undefined, feverThreshold));
  }

  const { reached, symptoms, whereabouts, studiedOnline, unreachableCode, method } = values;
  const temperature = values.temperature ? Number(values.temperature.replace(',', '.')) : null;
  const exceptionNow = reached === 'yes' && isFollowUpException({ temperature: temperature !== null && !Number.isNaN(temperature) ? temperature : null, symptoms }, feverThreshold);
  const reasons = [
    ...(temperature !== null && !Number.isNaN(temperature) && temperature >= feverThreshold ? [t('followUps.record.fever', { temperature: temperature.toFixed(1) })] : []),
    ...symptoms.map((symptom) => t(`followUps.symptom.${symptom}`)),
  ];

  // The person's census category matters only with an exception (the move to "unwell" is offered then): no request for the all-well run.
  const person = usePerson(item.personId, exceptionNow);
  // Offline (the queries fail) there is no "unwell" to offer, and the offer is simply not made.
  const unwell = categories.data?.find((category) => category.code === 'unwell' && category.active);
  const alreadyUnwell = person.data?.category?.code === 'unwell';

  const index = worklist.items.findIndex((candidate) => candidate.personId === item.personId);
  const nextPending = [...worklist.items.slice(index + 1), ...worklist.items.slice(0, index)].find((candidate) => candidate.status === 'pending');

  // Offered once the person is known not to be "unwell" already (no offer that vanishes a moment later).
  const offerMove = exceptionNow && unwell !== undefined && person.data !== undefined && !alreadyUnwell;

  /** One field (or a few) changed by the user: its message goes, and the draft follows. */
  const change = (patch: Partial<RecordValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    setFieldErrors((current) => Object.fromEntries(Object.entries(current).filter(([name]) => !(name in patch))));
    const changedNow = differs(next, start.values);
    if (changedNow !== dirtyRef.current) markDirty(changedNow);
    if (changedNow) keepDraft(next);
    else clearDraft(draftKey);
  };

  const goOn = (saved: CheckedInput) => {
    forgetChanges();
    const text =
      saved.reached && isFollowUpException(saved, feverThreshold)
        ? t('followUps.record.savedException', { name: item.name })
        : !saved.reached
          ? t('followUps.quick.savedUnreachable', { name: item.name, reason: reasonOf(saved) })
          : t('followUps.record.saved', { name: item.name });
    toast(navigator.onLine === false ? joinSentences(text, t('followUps.recordOutbox.queuedOffline'), language) : text, 'success');
    // Straight on to the next person not yet contacted: the teacher's morning is a run down the list.
    void navigate(nextPending ? route.recordHref(nextPending.personId) : route.listHref, { replace: true });
  };

  const send = (input: Record<string, unknown>) => {
    setFieldErrors({});
    setFormError(undefined);
    const checked = validate(FollowUpInput, input, language);
    if (!checked.ok) {
      if (!showDetails) setShowDetails(true);
      // Each message under its field ("symptoms.0" is the symptoms' field); those the form does not show, in the banner.
      const shown = fieldsShown(values);
      const placed: FieldMessages = {};
      const rest: string[] = [];
      for (const [path, message] of Object.entries(checked.fields)) {
        const name = path.split('.')[0] ?? path;
        if (!shown.has(name)) rest.push(message);
        else placed[name] ??= message;
      }
      setFieldErrors(placed);
      if (rest.length) setFormError(rest.join(' '));
      return;
    }
    const saved = checked.data;
    // A second tap while the first save is being kept is ignored (the button is disabled one render later).
    once(async () => {
      setSaving(true);
      try {
        await queueFollowUp({ listKey: route.listKey, personId: item.personId, day: worklist.day, label: item.name, input: saved });
      } catch (error) {
        // The phone refused to keep it (storage full or blocked): nothing typed is lost, the teacher can try again.
        setFormError(error instanceof Error ? error.message : String(error));
        setSaving(false);
        return;
      }
      goOn(saved);
    });
  };

  // One tap: reached and well, with what they said about online study (never assumed); staff have no online classes.
  const allWell = (status: StudyStatus | null) => send(inputOf({ ...valuesOf(null), method, studiedOnline: status ?? undefined }, version));
  // One tap: not reached, for a listed reason; "other" opens the details for the words.
  const notReached = (code: UnreachableCode) => {
    if (code === 'other') {
      const next: RecordValues = { ...values, reached: 'no', unreachableCode: 'other' };
      setValues(next);
      setShowDetails(true);
      markDirty(true);
      keepDraft(next, true);
      return;
    }
    send(inputOf({ ...valuesOf(null), method, reached: 'no', unreachableCode: code }, version));
  };
  const submitDetails = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(inputOf(values, version, offerMove));
  };
  const discardDraft = () => {
    forgetChanges();
    setDraft(null);
    setValues(start.values);
    setVersion(start.version);
    setShowDetails(start.showDetails);
    setFieldErrors({});
    setFormError(undefined);
  };

  const formErrorBanner = formError ? <Banner className="record-block" tone="error" role="alert" title={formError} /> : null;

  return (
    <div className="record-page">
      <PageTitle
        title={item.name}
        back={
          <Link to={route.listHref} className="phone-back-link">
            <span aria-hidden="true">‹</span> {t('followUps.list.back')}
          </Link>
        }
        description={
          <>
            <FollowUpStatusTag status={item.status} /> {t('followUps.record.personOf', { index: index + 1, total: worklist.items.length })}
            {item.studentNumber ? ` · ${item.studentNumber}` : ''}
          </>
        }
      />
      <ContactCard item={item} />

      {record ? (
        <Banner
          className="record-block"
          tone={record.isException ? 'error' : record.reached ? 'success' : 'warning'}
          title={t('followUps.record.existing', { status: t(`followUps.status.${item.status}`) })}
        >
          {`${summary(record)} · ${record.recordedByName}`}
        </Banner>
      ) : null}
      {queued ? <Banner className="record-block" tone="info" title={t('followUps.recordOutbox.pendingHere')} /> : null}
      {worklist.report ? <Banner className="record-block" tone="info" title={t('followUps.report.correctionHint')} /> : null}
      {draft ? (
        <Banner className="record-block" tone="info" title={t('followUps.draft.restored')} action={<Button onClick={discardDraft}>{t('followUps.draft.discard')}</Button>} />
      ) : null}

      <form className="record-form" noValidate onSubmit={submitDetails}>
        <ChoiceGroup
          name="method"
          legend={t('followUps.record.method')}
          value={method}
          options={ContactMethod.options.map((value) => ({ value, label: t(`followUps.method.${value}`) }))}
          onChange={(value) => change({ method: value })}
          error={fieldErrors.method}
        />

        {/* Once the details are open, their own save is the way: "all well" would drop what was typed there. */}
        <section className="record-block" hidden={showDetails}>
          {route.isStaff ? (
            <Button variant="primary" block onClick={() => allWell(null)} disabled={saving} className="record-all-well">
              <CheckIcon />
              {t('followUps.record.allWell')}
            </Button>
          ) : (
            <div className="record-stack">
              <Button variant="primary" block onClick={() => allWell('yes')} disabled={saving} className="record-all-well">
                <CheckIcon />
                {t('followUps.quick.wellStudied')}
              </Button>
              <Button block onClick={() => allWell('no')} disabled={saving} className="record-all-well">
                <CheckIcon />
                {t('followUps.quick.wellNotStudied')}
              </Button>
            </div>
          )}
          <p className="record-muted record-hint">
            {route.isStaff ? t('followUps.record.allWellHint', { method: t(`followUps.method.${method}`) }) : t('followUps.quick.hint', { method: t(`followUps.method.${method}`) })}
          </p>
        </section>

        <section className="record-block" hidden={showDetails} aria-labelledby="quick-unreachable-title">
          <strong id="quick-unreachable-title" className="record-quick-title">
            {t('followUps.quick.unreachableTitle')}
          </strong>
          <div className="record-reasons record-tight">
            {UnreachableCode.options.map((code) => (
              <Button key={code} onClick={() => notReached(code)} disabled={saving}>
                {code === 'other' ? t('followUps.quick.otherReason') : t(`followUps.unreachable.${code}`)}
              </Button>
            ))}
          </div>
        </section>

        {showDetails ? null : (
          <Button
            block
            onClick={() => {
              setShowDetails(true);
              if (dirtyRef.current) keepDraft(values, true);
            }}
            className="record-block record-large"
          >
            {t('followUps.record.details')}
          </Button>
        )}

        <div hidden={!showDetails}>
          <ChoiceGroup
            name="reached"
            legend={t('followUps.record.reached')}
            value={reached}
            options={[
              { value: 'yes', label: t('followUps.record.reachedYes') },
              { value: 'no', label: t('followUps.record.reachedNo') },
            ]}
            onChange={(value) => change({ reached: value })}
            error={fieldErrors.reached}
          />
          {reached === 'no' ? (
            <>
              <ChoiceGroup
                name="unreachableCode"
                legend={t('followUps.record.unreachableReason')}
                required
                value={unreachableCode}
                options={UnreachableCode.options.map((value) => ({ value, label: t(`followUps.unreachable.${value}`) }))}
                onChange={(value) => change({ unreachableCode: value })}
                error={fieldErrors.unreachableCode}
              />
              {unreachableCode === 'other' ? (
                <TextField
                  name="unreachableReason"
                  label={t('followUps.quick.otherReasonLabel')}
                  required
                  multiline
                  rows={2}
                  maxLength={200}
                  placeholder={t('followUps.quick.otherReasonPlaceholder')}
                  autoFocus
                  value={values.unreachableReason ?? ''}
                  onChange={(value) => change({ unreachableReason: value })}
                  error={fieldErrors.unreachableReason}
                />
              ) : null}
            </>
          ) : (
            <>
              <TextField
                name="answeredBy"
                label={t('followUps.record.answeredBy')}
                maxLength={20}
                placeholder={t('followUps.record.answeredByPlaceholder')}
                value={values.answeredBy ?? ''}
                onChange={(value) => change({ answeredBy: value })}
                error={fieldErrors.answeredBy}
              />
              <TextField
                name="temperature"
                label={t('followUps.record.temperature')}
                inputMode="decimal"
                maxLength={5}
                placeholder={t('followUps.record.temperaturePlaceholder')}
                className="record-temperature"
                value={values.temperature ?? ''}
                onChange={(value) => change({ temperature: value })}
                error={fieldErrors.temperature}
              />
              <CheckGroup
                name="symptoms"
                legend={t('followUps.record.symptoms')}
                values={symptoms}
                options={Symptom.options.map((value) => ({ value, label: t(`followUps.symptom.${value}`) }))}
                onChange={(next) => change({ symptoms: next })}
                error={fieldErrors.symptoms}
              />
              {symptoms.length ? (
                <TextField
                  name="symptomNote"
                  label={t('followUps.record.symptomNote')}
                  multiline
                  rows={2}
                  maxLength={200}
                  value={values.symptomNote ?? ''}
                  onChange={(value) => change({ symptomNote: value })}
                  error={fieldErrors.symptomNote}
                />
              ) : null}
              {exceptionNow ? (
                <Banner className="record-block" tone="error" role="alert" title={t('followUps.record.exceptionAlert', { reasons: reasons.join('、') })}>
                  {t('followUps.record.exceptionPrompt')}
                </Banner>
              ) : null}
              {offerMove && unwell ? (
                <Checkbox
                  name="moveToUnwell"
                  checked={values.moveToUnwell !== false}
                  onChange={(checked) => change({ moveToUnwell: checked })}
                  hint={t('followUps.census.moveHint')}
                  className="record-census-move"
                >
                  {t('followUps.census.moveToUnwell', { label: categoryLabel(unwell) })}
                </Checkbox>
              ) : null}
              {exceptionNow && unwell && alreadyUnwell ? <p className="record-muted">{t('followUps.census.alreadyUnwell', { label: categoryLabel(unwell) })}</p> : null}
              <ChoiceGroup
                name="whereabouts"
                legend={t('followUps.record.whereabouts')}
                value={whereabouts}
                options={Whereabouts.options.map((value) => ({ value, label: t(`people.whereabouts.${value}`) }))}
                onChange={(value) => change({ whereabouts: value })}
                error={fieldErrors.whereabouts}
              />
              {whereabouts && whereabouts !== 'home_township' ? (
                <TextField
                  name="place"
                  label={t('followUps.record.place')}
                  required={whereabouts === 'outside_city'}
                  maxLength={60}
                  placeholder={t('followUps.record.placePlaceholder')}
                  value={values.place ?? ''}
                  onChange={(value) => change({ place: value })}
                  error={fieldErrors.place}
                />
              ) : null}
              <ChoiceGroup
                name="keyRegionContact"
                legend={t('followUps.record.keyRegionContact')}
                value={values.keyRegionContact}
                options={[
                  { value: 'no', label: t('followUps.record.no') },
                  { value: 'yes', label: t('followUps.record.yes') },
                ]}
                onChange={(value) => change({ keyRegionContact: value })}
                error={fieldErrors.keyRegionContact}
              />
              <ChoiceGroup
                name="studiedOnline"
                legend={t('followUps.record.studiedOnline')}
                value={studiedOnline}
                options={StudyStatus.options.map((value) => ({ value, label: t(`followUps.study.${value}`) }))}
                onChange={(value) => change({ studiedOnline: value })}
                error={fieldErrors.studiedOnline}
              />
              {studied(studiedOnline ?? null) ? (
                <ChoiceGroup
                  name="studyMode"
                  legend={t('followUps.record.studyMode')}
                  value={values.studyMode ?? 'online'}
                  options={StudyMode.options.map((value) => ({ value, label: t(`followUps.studyMode.${value}`) }))}
                  onChange={(value) => change({ studyMode: value })}
                  error={fieldErrors.studyMode}
                />
              ) : null}
              {studiedOnline === 'no' ? (
                <ChoiceGroup
                  name="notStudyingReason"
                  legend={t('followUps.record.notStudyingReason')}
                  value={values.notStudyingReason}
                  options={NotStudyingReason.options.map((value) => ({ value, label: t(`followUps.notStudyingReason.${value}`) }))}
                  onChange={(value) => change({ notStudyingReason: value })}
                  error={fieldErrors.notStudyingReason}
                />
              ) : null}
              {studiedOnline && studiedOnline !== 'yes' ? (
                <TextField
                  name="studyNote"
                  label={t('followUps.record.studyNote')}
                  multiline
                  rows={2}
                  maxLength={200}
                  value={values.studyNote ?? ''}
                  onChange={(value) => change({ studyNote: value })}
                  error={fieldErrors.studyNote}
                />
              ) : null}
            </>
          )}
          <TextField
            name="note"
            label={t('followUps.record.note')}
            multiline
            rows={2}
            maxLength={500}
            value={values.note ?? ''}
            onChange={(value) => change({ note: value })}
            error={fieldErrors.note}
          />
          {showDetails ? formErrorBanner : null}
          <Button type="submit" variant="primary" block busy={saving} className="record-large">
            {t('followUps.record.save')}
          </Button>
        </div>
        {showDetails ? null : formErrorBanner}
      </form>
      <p className="record-block record-muted">{nextPending ? t('followUps.record.next', { name: nextPending.name }) : t('followUps.record.noneLeft')}</p>
      <Dialog
        open={blocker.state === 'blocked'}
        title={t('followUps.leave.title')}
        confirmLabel={t('followUps.leave.leave')}
        cancelLabel={t('followUps.leave.stay')}
        danger
        onConfirm={() => {
          forgetChanges();
          blocker.proceed?.();
        }}
        onCancel={() => blocker.reset?.()}
      >
        {t('followUps.leave.text')}
      </Dialog>
    </div>
  );
}
