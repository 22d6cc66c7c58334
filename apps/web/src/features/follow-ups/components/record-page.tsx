import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Typography } from 'antd';
import { CheckOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate } from 'react-router';
import {
  ContactMethod,
  FollowUpInput,
  isFollowUpException,
  StudyStatus,
  Symptom,
  UnreachableCode,
  Whereabouts,
  type FollowUp,
  type Worklist,
  type WorklistItem,
} from '@campus/shared';
import { ChoiceButtons } from '@/components/ui/choice-buttons';
import { NotFoundResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { useCategoryLabel, useCensusCategories } from '@/features/census';
import { usePerson } from '@/features/people';
import { isApiRequestError } from '@/lib/api-client';
import { clearDraft, readDraft, writeDraft } from '@/lib/drafts';
import { clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useOneAtATime } from '@/lib/use-one-at-a-time';
import { getWorklist, useWorklist } from '../api/get-worklist';
import { useSaveFollowUp } from '../api/save-follow-up';
import { FollowUpStatusTag } from './status-tag';
import { useFollowUpSummary, useUnreachableReason } from './use-follow-up-summary';
import { useWorklistRoute } from './use-worklist-route';
import './follow-ups.css';

/** One person's call of the day: who to call (tap to call), "all well" in one tap, or the details. */
export default function RecordPage() {
  const route = useWorklistRoute();
  const worklist = useWorklist(route.params);
  return (
    <QueryState query={worklist}>
      {(data) => {
        const item = data.items.find((candidate) => candidate.personId === route.personId);
        return item ? <RecordView key={item.personId} worklist={data} item={item} /> : <NotFoundResult />;
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
    studyNote: record.studyNote ?? undefined,
    note: record.note ?? undefined,
    moveToUnwell: true,
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

function ContactCard({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  const person = usePerson(item.personId);
  const phones: { key: string; label: string; phone: string }[] = [];
  if (person.data) {
    person.data.guardians.forEach((guardian, index) => {
      if (guardian.phone) phones.push({ key: `g${index}`, label: t('followUps.record.guardian', { relation: guardian.relation, name: guardian.name }), phone: guardian.phone });
    });
    if (person.data.phone) phones.push({ key: 'self', label: t('followUps.record.selfPhone'), phone: person.data.phone });
  }
  return (
    <section className="section contact-card" aria-labelledby="contact-title">
      <Typography.Title level={2} id="contact-title" className="section-title">
        {t('followUps.record.contact')}
      </Typography.Title>
      {person.isPending ? (
        <Typography.Text type="secondary">{[item.guardianName, item.guardianPhone].filter(Boolean).join(' · ') || t('common.loading')}</Typography.Text>
      ) : phones.length ? (
        <Flex vertical gap={8}>
          {phones.map((entry) => (
            <a key={entry.key} className="call-link" href={`tel:${entry.phone}`}>
              <PhoneOutlined aria-hidden /> <span>{entry.label}</span> <span className="call-number">{t('followUps.record.call', { phone: entry.phone })}</span>
            </a>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('followUps.record.noPhone')}</Typography.Text>
      )}
      {item.inQuarantine ? (
        <Alert
          className="section-tight"
          type="warning"
          showIcon
          title={t('followUps.record.quarantineNote')}
          action={item.caseId ? <Link to={`/cases/${item.caseId}`}>{t('quarantine.actions.viewCase')}</Link> : undefined}
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
  const { message } = App.useApp();
  const summary = useFollowUpSummary();
  const reasonOf = useUnreachableReason();
  const save = useSaveFollowUp();
  const once = useOneAtATime();
  const [form] = Form.useForm<RecordValues>();
  const record = item.followUp;
  const draftKey = `follow-up:${me.user.id}:${item.personId}:${worklist.day}`;
  const [draft, setDraft] = useState(() => readDraft<Draft>(draftKey));
  const [version, setVersion] = useState(draft ? draft.version : record?.version);
  const [showDetails, setShowDetails] = useState(draft?.showDetails ?? (record !== null && (record.isException || !record.reached)));
  const [stale, setStale] = useState<FollowUp | null>(null);
  const [formError, setFormError] = useState<string>();
  const person = usePerson(item.personId);
  const categories = useCensusCategories();
  const categoryLabel = useCategoryLabel();
  const unwell = categories.data?.find((category) => category.code === 'unwell' && category.active);
  const alreadyUnwell = person.data?.category?.code === 'unwell';

  // Changes not yet saved: asked about before leaving (in the app and on reload or close), kept as a draft across a reload.
  const dirtyRef = useRef(draft !== null);
  const [dirty, setDirty] = useState(draft !== null);
  const markDirty = (value: boolean) => {
    dirtyRef.current = value;
    setDirty(value);
  };
  // Signing out (or a session found ended) goes to the login page without asking: the draft is erased there anyway (ADR 0012).
  const blocker = useBlocker(
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
  const keepDraft = (details = showDetails) => writeDraft(draftKey, { values: form.getFieldsValue(true) as RecordValues, showDetails: details, version } satisfies Draft);

  const reached = Form.useWatch('reached', form) ?? valuesOf(record).reached;
  const temperatureText = Form.useWatch('temperature', form);
  const symptoms = Form.useWatch('symptoms', form) ?? [];
  const whereabouts = Form.useWatch('whereabouts', form);
  const studiedOnline = Form.useWatch('studiedOnline', form);
  const unreachableCode = Form.useWatch('unreachableCode', form);
  const method = Form.useWatch('method', form) ?? valuesOf(record).method;

  const temperature = temperatureText ? Number(temperatureText.replace(',', '.')) : null;
  const exceptionNow = reached === 'yes' && isFollowUpException({ temperature: temperature !== null && !Number.isNaN(temperature) ? temperature : null, symptoms }, me.centre.feverThreshold);
  const reasons = [
    ...(temperature !== null && !Number.isNaN(temperature) && temperature >= me.centre.feverThreshold ? [t('followUps.record.fever', { temperature: temperature.toFixed(1) })] : []),
    ...symptoms.map((symptom) => t(`followUps.symptom.${symptom}`)),
  ];

  const index = worklist.items.findIndex((candidate) => candidate.personId === item.personId);
  const nextPending = [...worklist.items.slice(index + 1), ...worklist.items.slice(0, index)].find((candidate) => candidate.status === 'pending');

  const offerMove = exceptionNow && unwell !== undefined && !alreadyUnwell;

  const goOn = (saved: FollowUp) => {
    forgetChanges();
    void message.success(
      saved.isException
        ? t('followUps.record.savedException', { name: item.name })
        : !saved.reached
          ? t('followUps.quick.savedUnreachable', { name: item.name, reason: reasonOf(saved) })
          : t('followUps.record.saved', { name: item.name }),
    );
    // Straight on to the next person not yet contacted: the teacher's morning is a run down the list.
    void navigate(nextPending ? route.recordHref(nextPending.personId) : route.listHref, { replace: true });
  };

  const send = (input: Record<string, unknown>) => {
    clearFieldErrors(form);
    setFormError(undefined);
    const checked = validate(FollowUpInput, input, language);
    if (!checked.ok) {
      if (!showDetails) setShowDetails(true);
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setFormError(rest.join(' '));
      return;
    }
    // A second tap while the first save is out is ignored (the button is disabled one render later).
    once(() =>
      save.mutateAsync({ personId: item.personId, day: worklist.day, input: input as FollowUpInput }).then(goOn, (error: unknown) => {
          if (isApiRequestError(error) && error.statusCode === 409) {
            // Someone else saved in between: keep what this user typed, show theirs, take the new version.
            void getWorklist(route.params).then((fresh) => {
              const latest = fresh.items.find((candidate) => candidate.personId === item.personId)?.followUp ?? null;
              setStale(latest);
              setVersion(latest?.version);
            });
            return;
          }
          if (isApiRequestError(error) && error.fields) {
            const rest = showFieldErrors(form, error.fields);
            setFormError([error.message, ...rest].join(' '));
            return;
          }
          setFormError(error instanceof Error ? error.message : String(error));
      }),
    );
  };

  const methodNow = (): ContactMethod => (form.getFieldValue('method') as ContactMethod | undefined) ?? 'phone';
  // One tap: reached and well, with what they said about online study (never assumed); staff have no online classes.
  const allWell = (studiedOnline: StudyStatus | null) => send(inputOf({ ...valuesOf(null), method: methodNow(), studiedOnline: studiedOnline ?? undefined }, version));
  // One tap: not reached, for a listed reason; "other" opens the details for the words.
  const notReached = (code: UnreachableCode) => {
    if (code === 'other') {
      form.setFieldsValue({ reached: 'no', unreachableCode: 'other' });
      setShowDetails(true);
      markDirty(true);
      keepDraft(true);
      return;
    }
    send(inputOf({ ...valuesOf(null), method: methodNow(), reached: 'no', unreachableCode: code }, version));
  };
  const submitDetails = (values: RecordValues) => send(inputOf(values, version, offerMove));

  return (
    <div className="record-page">
      <PageHeader
        title={item.name}
        back={
          <Link to={route.listHref} className="back-link">
            ‹ {t('followUps.list.back')}
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
        <Alert
          className="section"
          type={record.isException ? 'error' : record.reached ? 'success' : 'warning'}
          showIcon
          title={t('followUps.record.existing', { status: t(`followUps.status.${item.status}`) })}
          description={`${summary(record)} · ${record.recordedByName}`}
        />
      ) : null}
      {worklist.report ? <Alert className="section" type="info" showIcon title={t('followUps.report.correctionHint')} /> : null}
      {stale ? <Alert className="section" type="warning" showIcon role="alert" title={t('followUps.record.stale')} description={`${summary(stale)} · ${stale.recordedByName}`} /> : null}
      {draft ? (
        <Alert
          className="section"
          type="info"
          showIcon
          title={t('followUps.draft.restored')}
          action={
            <Button
              size="small"
              onClick={() => {
                forgetChanges();
                setDraft(null);
                const cleared = Object.fromEntries(Object.keys(form.getFieldsValue(true) as object).map((name) => [name, undefined]));
                form.setFieldsValue({ ...cleared, ...valuesOf(record) });
                setVersion(record?.version);
                setShowDetails(record !== null && (record.isException || !record.reached));
              }}
            >
              {t('followUps.draft.discard')}
            </Button>
          }
        />
      ) : null}

      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={draft ? { ...valuesOf(record), ...draft.values } : valuesOf(record)}
        onFinish={submitDetails}
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          const changedNow = differs(form.getFieldsValue(true) as RecordValues, valuesOf(record));
          if (changedNow !== dirtyRef.current) markDirty(changedNow);
          if (changedNow) keepDraft();
          else clearDraft(draftKey);
        }}
        className="record-form"
      >
        <Form.Item name="method" label={t('followUps.record.method')}>
          <ChoiceButtons options={ContactMethod.options.map((value) => ({ value, label: t(`followUps.method.${value}`) }))} />
        </Form.Item>

        {/* Once the details are open, their own save is the way: "all well" would drop what was typed there. */}
        <section className="section all-well" hidden={showDetails}>
          {route.isStaff ? (
            <Button type="primary" size="large" block icon={<CheckOutlined aria-hidden />} onClick={() => allWell(null)} disabled={save.isPending} className="all-well-button">
              {t('followUps.record.allWell')}
            </Button>
          ) : (
            <Flex vertical gap={8}>
              <Button type="primary" size="large" block icon={<CheckOutlined aria-hidden />} onClick={() => allWell('yes')} disabled={save.isPending} className="all-well-button">
                {t('followUps.quick.wellStudied')}
              </Button>
              <Button size="large" block icon={<CheckOutlined aria-hidden />} onClick={() => allWell('no')} disabled={save.isPending} className="all-well-button">
                {t('followUps.quick.wellNotStudied')}
              </Button>
            </Flex>
          )}
          <Typography.Text type="secondary" className="hint">
            {route.isStaff ? t('followUps.record.allWellHint', { method: t(`followUps.method.${method}`) }) : t('followUps.quick.hint', { method: t(`followUps.method.${method}`) })}
          </Typography.Text>
        </section>

        <section className="section quick-unreachable" hidden={showDetails} aria-labelledby="quick-unreachable-title">
          <Typography.Text strong id="quick-unreachable-title">
            {t('followUps.quick.unreachableTitle')}
          </Typography.Text>
          <Flex wrap gap={8} className="section-tight">
            {UnreachableCode.options.map((code) => (
              <Button key={code} onClick={() => notReached(code)} disabled={save.isPending} className="reason-button">
                {code === 'other' ? t('followUps.quick.otherReason') : t(`followUps.unreachable.${code}`)}
              </Button>
            ))}
          </Flex>
        </section>

        {showDetails ? null : (
          <Button
            block
            size="large"
            onClick={() => {
              setShowDetails(true);
              if (dirtyRef.current) keepDraft(true);
            }}
            className="section"
          >
            {t('followUps.record.details')}
          </Button>
        )}

        <div hidden={!showDetails}>
          <Form.Item name="reached" label={t('followUps.record.reached')}>
            <ChoiceButtons
              options={[
                { value: 'yes', label: t('followUps.record.reachedYes') },
                { value: 'no', label: t('followUps.record.reachedNo') },
              ]}
            />
          </Form.Item>
          {reached === 'no' ? (
            <>
              <Form.Item name="unreachableCode" label={t('followUps.record.unreachableReason')} required>
                <ChoiceButtons options={UnreachableCode.options.map((value) => ({ value, label: t(`followUps.unreachable.${value}`) }))} />
              </Form.Item>
              {unreachableCode === 'other' ? (
                <Form.Item name="unreachableReason" label={t('followUps.quick.otherReasonLabel')} required>
                  <Input.TextArea rows={2} maxLength={200} placeholder={t('followUps.quick.otherReasonPlaceholder')} autoFocus />
                </Form.Item>
              ) : null}
            </>
          ) : (
            <>
              <Form.Item name="answeredBy" label={t('followUps.record.answeredBy')}>
                <Input maxLength={20} placeholder={t('followUps.record.answeredByPlaceholder')} />
              </Form.Item>
              <Form.Item name="temperature" label={t('followUps.record.temperature')}>
                <Input inputMode="decimal" maxLength={5} placeholder={t('followUps.record.temperaturePlaceholder')} className="temperature-input" />
              </Form.Item>
              <Form.Item name="symptoms" label={t('followUps.record.symptoms')}>
                <Checkbox.Group className="choice-checks" options={Symptom.options.map((value) => ({ value, label: t(`followUps.symptom.${value}`) }))} />
              </Form.Item>
              {symptoms.length ? (
                <Form.Item name="symptomNote" label={t('followUps.record.symptomNote')}>
                  <Input.TextArea rows={2} maxLength={200} />
                </Form.Item>
              ) : null}
              {exceptionNow ? (
                <Alert className="section" type="error" showIcon role="alert" title={t('followUps.record.exceptionAlert', { reasons: reasons.join('、') })} description={t('followUps.record.exceptionPrompt')} />
              ) : null}
              {offerMove && unwell ? (
                <Form.Item name="moveToUnwell" valuePropName="checked" extra={t('followUps.census.moveHint')} className="census-move">
                  <Checkbox>{t('followUps.census.moveToUnwell', { label: categoryLabel(unwell) })}</Checkbox>
                </Form.Item>
              ) : null}
              {exceptionNow && unwell && alreadyUnwell ? (
                <Typography.Paragraph type="secondary">{t('followUps.census.alreadyUnwell', { label: categoryLabel(unwell) })}</Typography.Paragraph>
              ) : null}
              <Form.Item name="whereabouts" label={t('followUps.record.whereabouts')}>
                <ChoiceButtons options={Whereabouts.options.map((value) => ({ value, label: t(`people.whereabouts.${value}`) }))} />
              </Form.Item>
              {whereabouts && whereabouts !== 'home_township' ? (
                <Form.Item name="place" label={t('followUps.record.place')} required={whereabouts === 'outside_city'}>
                  <Input maxLength={60} placeholder={t('followUps.record.placePlaceholder')} />
                </Form.Item>
              ) : null}
              <Form.Item name="keyRegionContact" label={t('followUps.record.keyRegionContact')}>
                <ChoiceButtons
                  options={[
                    { value: 'no', label: t('followUps.record.no') },
                    { value: 'yes', label: t('followUps.record.yes') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="studiedOnline" label={t('followUps.record.studiedOnline')}>
                <ChoiceButtons options={StudyStatus.options.map((value) => ({ value, label: t(`followUps.study.${value}`) }))} />
              </Form.Item>
              {studiedOnline && studiedOnline !== 'yes' ? (
                <Form.Item name="studyNote" label={t('followUps.record.studyNote')}>
                  <Input.TextArea rows={2} maxLength={200} />
                </Form.Item>
              ) : null}
            </>
          )}
          <Form.Item name="note" label={t('followUps.record.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {formError ? <Alert className="section" type="error" showIcon role="alert" title={formError} /> : null}
          <Button type="primary" htmlType="submit" size="large" block disabled={save.isPending} loading={save.isPending}>
            {t('followUps.record.save')}
          </Button>
        </div>
        {!showDetails && formError ? <Alert className="section" type="error" showIcon role="alert" title={formError} /> : null}
      </Form>
      <Typography.Paragraph className="section next-hint" type="secondary">
        {nextPending ? t('followUps.record.next', { name: nextPending.name }) : t('followUps.record.noneLeft')}
      </Typography.Paragraph>
      <Modal
        open={blocker.state === 'blocked'}
        title={t('followUps.leave.title')}
        okText={t('followUps.leave.leave')}
        cancelText={t('followUps.leave.stay')}
        // Phone-sized taps: either answer is a 44 px button.
        okButtonProps={{ danger: true, size: 'large' }}
        cancelButtonProps={{ size: 'large' }}
        onOk={() => {
          forgetChanges();
          blocker.proceed?.();
        }}
        onCancel={() => blocker.reset?.()}
      >
        {t('followUps.leave.text')}
      </Modal>
    </div>
  );
}
