import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { CheckOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  ContactMethod,
  FollowUpInput,
  isFollowUpException,
  StudyStatus,
  Symptom,
  Whereabouts,
  type FollowUp,
  type Worklist,
  type WorklistItem,
} from '@campus/shared';
import { ChoiceButtons } from '@/components/ui/choice-buttons';
import { NotFoundResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { usePerson } from '@/features/people';
import { isApiRequestError } from '@/lib/api-client';
import { clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { getWorklist, useWorklist } from '../api/get-worklist';
import { useSaveFollowUp } from '../api/save-follow-up';
import { FollowUpStatusTag } from './status-tag';
import { useFollowUpSummary } from './use-follow-up-summary';
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
}

function valuesOf(record: FollowUp | null): RecordValues {
  if (!record) return { method: 'phone', reached: 'yes', symptoms: [] };
  return {
    method: record.method,
    reached: record.reached ? 'yes' : 'no',
    answeredBy: record.answeredBy ?? undefined,
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
  };
}

/** Form values → the API's input; a temperature that is not a number is left for the schema to refuse. */
function inputOf(values: RecordValues, version: number | undefined): Record<string, unknown> {
  const reached = values.reached === 'yes';
  const temperatureText = values.temperature?.trim().replace(',', '.');
  const temperature = temperatureText ? Number(temperatureText) : null;
  return {
    method: values.method,
    reached,
    answeredBy: reached ? values.answeredBy : null,
    unreachableReason: reached ? null : values.unreachableReason,
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
  };
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
  const save = useSaveFollowUp();
  const [form] = Form.useForm<RecordValues>();
  const record = item.followUp;
  const [version, setVersion] = useState(record?.version);
  const [showDetails, setShowDetails] = useState(record !== null && (record.isException || !record.reached));
  const [stale, setStale] = useState<FollowUp | null>(null);
  const [formError, setFormError] = useState<string>();

  const reached = Form.useWatch('reached', form) ?? valuesOf(record).reached;
  const temperatureText = Form.useWatch('temperature', form);
  const symptoms = Form.useWatch('symptoms', form) ?? [];
  const whereabouts = Form.useWatch('whereabouts', form);
  const studiedOnline = Form.useWatch('studiedOnline', form);
  const method = Form.useWatch('method', form) ?? valuesOf(record).method;

  const temperature = temperatureText ? Number(temperatureText.replace(',', '.')) : null;
  const exceptionNow = reached === 'yes' && isFollowUpException({ temperature: temperature !== null && !Number.isNaN(temperature) ? temperature : null, symptoms }, me.centre.feverThreshold);
  const reasons = [
    ...(temperature !== null && !Number.isNaN(temperature) && temperature >= me.centre.feverThreshold ? [t('followUps.record.fever', { temperature: temperature.toFixed(1) })] : []),
    ...symptoms.map((symptom) => t(`followUps.symptom.${symptom}`)),
  ];

  const index = worklist.items.findIndex((candidate) => candidate.personId === item.personId);
  const nextPending = [...worklist.items.slice(index + 1), ...worklist.items.slice(0, index)].find((candidate) => candidate.status === 'pending');

  const goOn = (saved: FollowUp) => {
    void message.success(saved.isException ? t('followUps.record.savedException', { name: item.name }) : t('followUps.record.saved', { name: item.name }));
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
    save.mutate(
      { personId: item.personId, day: worklist.day, input: input as FollowUpInput },
      {
        onSuccess: goOn,
        onError: (error) => {
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
          setFormError(error.message);
        },
      },
    );
  };

  const allWell = () => send(inputOf({ ...valuesOf(null), method: form.getFieldValue('method') ?? 'phone' }, version));
  const submitDetails = (values: RecordValues) => send(inputOf(values, version));

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

      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={valuesOf(record)}
        onFinish={submitDetails}
        onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}
        className="record-form"
      >
        <Form.Item name="method" label={t('followUps.record.method')}>
          <ChoiceButtons options={ContactMethod.options.map((value) => ({ value, label: t(`followUps.method.${value}`) }))} />
        </Form.Item>

        {/* Once the details are open, their own save is the way: "all well" would drop what was typed there. */}
        <section className="section all-well" hidden={showDetails}>
          <Button type="primary" size="large" block icon={<CheckOutlined aria-hidden />} onClick={allWell} disabled={save.isPending} className="all-well-button">
            {t('followUps.record.allWell')}
          </Button>
          <Typography.Text type="secondary" className="hint">
            {t('followUps.record.allWellHint', { method: t(`followUps.method.${method}`) })}
          </Typography.Text>
        </section>

        {showDetails ? null : (
          <Button block size="large" onClick={() => setShowDetails(true)} className="section">
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
            <Form.Item name="unreachableReason" label={t('followUps.record.unreachableReason')} required>
              <Input.TextArea rows={2} maxLength={200} placeholder={t('followUps.record.unreachableReasonPlaceholder')} />
            </Form.Item>
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
          <Button type="primary" htmlType="submit" size="large" block disabled={save.isPending}>
            {t('followUps.record.save')}
          </Button>
        </div>
        {!showDetails && formError ? <Alert className="section" type="error" showIcon role="alert" title={formError} /> : null}
      </Form>
      <Typography.Paragraph className="section next-hint" type="secondary">
        {nextPending ? t('followUps.record.next', { name: nextPending.name }) : t('followUps.record.noneLeft')}
      </Typography.Paragraph>
    </div>
  );
}
