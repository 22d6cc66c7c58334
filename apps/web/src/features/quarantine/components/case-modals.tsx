import { App, Alert, Checkbox, DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CaseCheckInInput,
  CaseCloseInput,
  CaseExtendInput,
  CaseInput,
  CaseOutcome,
  CasePlace,
  CaseReason,
  CaseReturnInput,
  ContactMethod,
  Mood,
  ResolveHelpInput,
  StudyStatus,
  Symptom,
  type CaseCheckIn,
  type CaseFile,
} from '@campus/shared';
import { ChoiceButtons } from '@/components/ui/choice-buttons';
import { FormModal } from '@/components/ui/form-modal';
import { useAccounts } from '@/features/accounts';
import { useCentreTodayPicker } from '@/lib/centre-day';
import { useSession } from '@/lib/session';
import { useChangePlannedEnd, useCloseCase, useOpenCase, useRecordCheckIn, useRecordReturn, useResolveHelp } from '../api/case-actions';
import { checkInAlertKinds, checkInInputOf, checkInValuesOf, emptyToNull, newCheckInValues, type CheckInFormValues } from './check-in-values';
import { useCaseLabels } from './use-case-labels';

const dayOf = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

function useCommon() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return { t, saved: () => void message.success(t('quarantine.form.saved')), cancelText: t('common.cancel') };
}

// ------------------------------------------------------------------ check-in

/** The shared values (check-in-values.ts) with the date picker's day. */
type CheckInValues = Omit<CheckInFormValues, 'day'> & { day?: Dayjs };

/** The day's check-in (每日询问), or a correction of an earlier one (kept beside it). */
export function CheckInModal({ caseFile, correcting, onClose }: { caseFile: CaseFile; correcting?: CaseCheckIn; onClose: () => void }) {
  const { t, saved, cancelText } = useCommon();
  const me = useSession();
  const labels = useCaseLabels();
  const record = useRecordCheckIn();
  const isStudent = caseFile.person.kind === 'student';
  const initial: Partial<CheckInValues> = correcting ? { ...checkInValuesOf(correcting), day: dayjs(correcting.day) } : { ...newCheckInValues(caseFile.today), day: dayjs(caseFile.today) };
  const toInput = (values: CheckInValues) => checkInInputOf({ ...values, day: dayOf(values.day) }, { isStudent, correctsCheckInId: correcting?.id });

  return (
    <FormModal<CheckInValues, typeof CaseCheckInInput>
      title={correcting ? t('quarantine.form.correctTitle', { name: caseFile.person.name, day: labels.day(correcting.day) }) : t('quarantine.form.checkInTitle', { name: caseFile.person.name })}
      okText={t('quarantine.form.save')}
      cancelText={cancelText}
      schema={CaseCheckInInput}
      toInput={toInput}
      send={(input) => record.mutateAsync({ caseId: caseFile.id, input }).then(saved)}
      onClose={onClose}
      initialValues={initial}
    >
      {(form) => <CheckInFields form={form} isStudent={isStudent} feverThreshold={me.centre.feverThreshold} today={caseFile.today} correcting={Boolean(correcting)} />}
    </FormModal>
  );
}

function CheckInFields({ form, isStudent, feverThreshold, today, correcting }: { form: import('antd').FormInstance<CheckInValues>; isStudent: boolean; feverThreshold: number; today: string; correcting: boolean }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const temperature = Form.useWatch('temperature', form);
  const mood = Form.useWatch('mood', form);
  const kinds = checkInAlertKinds({ temperature, mood }, feverThreshold);
  return (
    <>
      <Form.Item name="day" label={t('quarantine.form.day')} required>
        <DatePicker disabled={correcting} disabledDate={(value) => value.format('YYYY-MM-DD') > today} allowClear={false} className="full-width" />
      </Form.Item>
      <Form.Item name="method" label={t('quarantine.form.method')}>
        <ChoiceButtons options={ContactMethod.options.map((value) => ({ value, label: t(`followUps.method.${value}`) }))} />
      </Form.Item>
      <Form.Item name="temperature" label={t('quarantine.form.temperature')}>
        <Input inputMode="decimal" maxLength={5} className="temperature-input" />
      </Form.Item>
      <Form.Item name="symptoms" label={t('quarantine.form.symptoms')}>
        <Checkbox.Group className="choice-checks" options={Symptom.options.map((value) => ({ value, label: t(`followUps.symptom.${value}`) }))} />
      </Form.Item>
      <Form.Item name="foodOk" label={t('quarantine.form.foodOk')} valuePropName="checked">
        <Switch checkedChildren={t('quarantine.form.yes')} unCheckedChildren={t('quarantine.form.no')} />
      </Form.Item>
      <Form.Item name="suppliesOk" label={t('quarantine.form.suppliesOk')} valuePropName="checked">
        <Switch checkedChildren={t('quarantine.form.yes')} unCheckedChildren={t('quarantine.form.no')} />
      </Form.Item>
      <Form.Item name="helpNeeded" label={t('quarantine.form.helpNeeded')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      {isStudent ? (
        <>
          <Form.Item name="keepingUp" label={t('quarantine.form.keepingUp')}>
            <ChoiceButtons options={StudyStatus.options.map((value) => ({ value, label: t(`followUps.study.${value}`) }))} />
          </Form.Item>
          <Form.Item name="materialsNeeded" label={t('quarantine.form.materialsNeeded')}>
            <Input.TextArea rows={2} maxLength={300} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="mood" label={t('quarantine.form.mood')} required>
        <ChoiceButtons options={Mood.options.map((value) => ({ value, label: labels.mood(value) }))} />
      </Form.Item>
      {kinds.length ? <Alert className="section-tight" type="error" showIcon role="alert" title={t('quarantine.form.alertNow', { kinds: labels.alerts(kinds) })} /> : null}
      <Form.Item name="counsellingNote" label={t('quarantine.form.counsellingNote')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="needsHelp" valuePropName="checked">
        <Checkbox>{t('quarantine.form.needsHelp')}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t('quarantine.form.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}

// ------------------------------------------------------------------ planned end, close, return, help

export function ChangeEndModal({ caseFile, direction, onClose }: { caseFile: CaseFile; direction: 'extend' | 'shorten'; onClose: () => void }) {
  const { t, saved, cancelText } = useCommon();
  const change = useChangePlannedEnd();
  return (
    <FormModal<{ plannedEndDay?: Dayjs; reason?: string }, typeof CaseExtendInput>
      title={direction === 'extend' ? t('quarantine.form.extendTitle') : t('quarantine.form.shortenTitle')}
      okText={t('quarantine.form.save')}
      cancelText={cancelText}
      schema={CaseExtendInput}
      toInput={(values) => ({ plannedEndDay: dayOf(values.plannedEndDay), reason: values.reason })}
      send={(input) => change.mutateAsync({ caseId: caseFile.id, direction, input }).then(saved)}
      onClose={onClose}
      initialValues={{ plannedEndDay: dayjs(caseFile.plannedEndDay).add(direction === 'extend' ? 7 : -1, 'day') }}
    >
      <Form.Item name="plannedEndDay" label={t('quarantine.form.newEnd')} required>
        <DatePicker allowClear={false} className="full-width" />
      </Form.Item>
      <Form.Item name="reason" label={t('quarantine.form.changeReason')} required>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

export function CloseCaseModal({ caseFile, onClose }: { caseFile: CaseFile; onClose: () => void }) {
  const { t, saved, cancelText } = useCommon();
  const labels = useCaseLabels();
  const close = useCloseCase();
  return (
    <FormModal<{ outcome?: string; day?: Dayjs; note?: string }, typeof CaseCloseInput>
      title={t('quarantine.form.closeTitle')}
      okText={t('quarantine.actions.close')}
      cancelText={cancelText}
      danger
      schema={CaseCloseInput}
      toInput={(values) => ({ outcome: values.outcome, day: dayOf(values.day), note: emptyToNull(values.note) })}
      send={(input) => close.mutateAsync({ caseId: caseFile.id, input }).then(saved)}
      onClose={onClose}
      initialValues={{ outcome: 'released', day: dayjs(caseFile.today) }}
    >
      <Alert className="section-tight" type="warning" showIcon title={t('quarantine.form.closeConfirm')} />
      <Form.Item name="outcome" label={t('quarantine.form.outcome')} required>
        <Radio.Group className="vertical-choices" options={CaseOutcome.options.map((value) => ({ value, label: labels.outcome(value) }))} />
      </Form.Item>
      <Form.Item name="day" label={t('quarantine.form.closeDay')} required>
        <DatePicker allowClear={false} disabledDate={(value) => value.format('YYYY-MM-DD') > caseFile.today} className="full-width" />
      </Form.Item>
      <Form.Item name="note" label={t('quarantine.form.closeNote')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function ReturnModal({ caseFile, onClose }: { caseFile: CaseFile; onClose: () => void }) {
  const { t, saved, cancelText } = useCommon();
  const record = useRecordReturn();
  return (
    <FormModal<{ day?: Dayjs; note?: string }, typeof CaseReturnInput>
      title={t('quarantine.form.returnTitle')}
      okText={t('quarantine.form.save')}
      cancelText={cancelText}
      schema={CaseReturnInput}
      toInput={(values) => ({ day: dayOf(values.day), note: emptyToNull(values.note) })}
      send={(input) => record.mutateAsync({ caseId: caseFile.id, input }).then(saved)}
      onClose={onClose}
      initialValues={{ day: dayjs(caseFile.today) }}
    >
      <Form.Item name="day" label={t('quarantine.form.returnDay')} required>
        <DatePicker allowClear={false} disabledDate={(value) => value.format('YYYY-MM-DD') > caseFile.today} className="full-width" />
      </Form.Item>
      <Form.Item name="note" label={t('quarantine.form.note')}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

export function ResolveHelpModal({ caseId, checkInId, onClose }: { caseId: string; checkInId: string; onClose: () => void }) {
  const { t, saved, cancelText } = useCommon();
  const resolve = useResolveHelp();
  return (
    <FormModal<{ note?: string }, typeof ResolveHelpInput>
      title={t('quarantine.form.resolveTitle')}
      okText={t('quarantine.form.save')}
      cancelText={cancelText}
      schema={ResolveHelpInput}
      toInput={(values) => ({ note: values.note ?? '' })}
      send={(input) => resolve.mutateAsync({ caseId, checkInId, note: input.note }).then(saved)}
      onClose={onClose}
    >
      <Form.Item name="note" label={t('quarantine.form.resolveNote')} required>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

// ------------------------------------------------------------------ open a case

interface OpenValues {
  reason: string;
  reasonNote?: string;
  startDay?: Dayjs;
  place: string;
  placeNote?: string;
  plannedEndDay?: Dayjs;
  team: { leadId?: string; memberIds: string[] };
  plan?: string;
  guardianContact?: string;
}

/** Opens a case for a person of a school (from the roster, or from a follow-up exception). */
export function OpenCaseModal({ person, fromFollowUpId, onClose }: { person: { id: string; name: string; schoolId: string }; fromFollowUpId?: string; onClose: () => void }) {
  const { t, cancelText } = useCommon();
  const { message } = App.useApp();
  const me = useSession();
  const today = useCentreTodayPicker();
  const navigate = useNavigate();
  const labels = useCaseLabels();
  const open = useOpenCase();
  const staff = useAccounts({ schoolId: person.schoolId, includeDisabled: false });
  const options = (staff.data ?? []).filter((account) => !account.disabled && (account.role === 'principal' || account.role === 'class_teacher')).map((account) => ({ value: account.id, label: account.displayName }));
  // A principal's account list holds the accounts they manage; they lead cases themselves too.
  if (me.user.role === 'principal' && !options.some((option) => option.value === me.user.id)) options.unshift({ value: me.user.id, label: me.user.displayName });
  return (
    <FormModal<OpenValues, typeof CaseInput>
      title={t('quarantine.actions.openFor', { name: person.name })}
      okText={t('quarantine.actions.open')}
      cancelText={cancelText}
      schema={CaseInput}
      toInput={(values) => ({
        personId: person.id,
        reason: values.reason,
        reasonNote: emptyToNull(values.reasonNote),
        startDay: dayOf(values.startDay),
        place: values.place,
        placeNote: emptyToNull(values.placeNote),
        ...(values.plannedEndDay ? { plannedEndDay: dayOf(values.plannedEndDay) } : {}),
        team: { leadId: values.team?.leadId, memberIds: values.team?.memberIds ?? [] },
        plan: values.plan ?? '',
        guardianContact: emptyToNull(values.guardianContact),
        ...(fromFollowUpId ? { fromFollowUpId } : {}),
      })}
      send={(input) =>
        open.mutateAsync(input).then((created) => {
          void message.success(t('quarantine.form.opened', { name: person.name }));
          void navigate(`/cases/${created.id}`);
        })
      }
      onClose={onClose}
      initialValues={{ reason: 'returned_from_outside_city', place: 'home', startDay: today, team: { leadId: me.user.role === 'principal' ? me.user.id : undefined, memberIds: [] } }}
    >
      <Form.Item name="reason" label={t('quarantine.form.reason')} required>
        <Select options={CaseReason.options.map((value) => ({ value, label: labels.reason(value) }))} />
      </Form.Item>
      <Form.Item name="reasonNote" label={t('quarantine.form.reasonNote')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="startDay" label={t('quarantine.form.startDay')} required>
        <DatePicker allowClear={false} className="full-width" />
      </Form.Item>
      <Form.Item name="place" label={t('quarantine.form.place')} required>
        <ChoiceButtons options={CasePlace.options.map((value) => ({ value, label: labels.place(value) }))} />
      </Form.Item>
      <Form.Item name="placeNote" label={t('quarantine.form.placeNote')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="plannedEndDay" label={t('quarantine.form.plannedEndDay')}>
        <DatePicker className="full-width" />
      </Form.Item>
      <Form.Item name={['team', 'leadId']} label={t('quarantine.form.lead')} required>
        <Select options={options} loading={staff.isPending} showSearch optionFilterProp="label" />
      </Form.Item>
      <Form.Item name={['team', 'memberIds']} label={t('quarantine.form.members')}>
        <Select mode="multiple" options={options} loading={staff.isPending} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="plan" label={t('quarantine.form.plan')} required>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('quarantine.form.planPlaceholder')} />
      </Form.Item>
      <Form.Item name="guardianContact" label={t('quarantine.form.guardianContact')}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
