import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUTY_INCIDENTS_MAX, DutyReportInput, type DutyDayView, type Picture } from '@campus/shared';
import { PicturePicker } from '@/components/ui/picture-picker';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useFileDutyReport } from '../api/duty-day';

interface Values {
  start: string;
  end: string;
  checks: string[];
  nothingToReport: boolean;
  incidents?: string;
  pictureIds: string[];
}

/** Form.Item's value/onChange bridge: the form holds the ids, the picker the pictures. */
function PictureField({ onChange, initial, schoolId, onBusyChange }: { value?: string[]; onChange?: (ids: string[]) => void; initial: Picture[]; schoolId: string; onBusyChange: (busy: boolean) => void }) {
  return <PicturePicker purpose="duty_report" schoolId={schoolId} initial={initial} labelledBy="duty-pictures-label" onBusyChange={onBusyChange} onChange={(pictures) => onChange?.(pictures.map((picture) => picture.id))} />;
}

/**
 * The day's duty report on a phone: times, the centre's checklist, "nothing
 * to report" or what happened, and 1–6 pictures uploaded as they are chosen.
 * Nothing typed is lost when the server refuses: the form stays as it was.
 */
export function DutyReportForm({ view, onDone }: { view: DutyDayView; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const file = useFileDutyReport();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const report = view.report;
  const nothingToReport = Form.useWatch('nothingToReport', form) ?? true;
  const start = Form.useWatch('start', form);
  const end = Form.useWatch('end', form);

  const submit = async () => {
    if (file.isPending) return;
    setError(undefined);
    if (busy) {
      setError(t('duty.form.waitForPictures'));
      return;
    }
    clearFieldErrors(form);
    const values = form.getFieldsValue(true) as Values;
    const checked = validate(DutyReportInput, { ...values, incidents: values.nothingToReport ? null : (values.incidents ?? null), schoolId: view.school.id, day: view.day }, language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setError(rest.join(' '));
      return;
    }
    try {
      await file.mutateAsync(checked.data);
      void message.success(report ? t('duty.form.corrected') : t('duty.form.filed'));
      onDone();
    } catch (caught) {
      setError(applyApiError(form, caught));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="duty-form"
      initialValues={{
        start: report?.start ?? '08:00',
        end: report?.end ?? '18:00',
        checks: report?.checks ?? [],
        nothingToReport: report ? report.incidents === null : true,
        incidents: report?.incidents ?? '',
        pictureIds: report?.pictures.map((picture) => picture.id) ?? [],
      }}
      onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}
      onFinish={() => void submit()}
    >
      <div className="duty-times">
        <Form.Item name="start" label={t('duty.form.start')}>
          <Input type="time" className="duty-time" />
        </Form.Item>
        <Form.Item name="end" label={t('duty.form.end')}>
          <Input type="time" className="duty-time" />
        </Form.Item>
      </div>
      {start && end && end < start ? <p className="duty-note">{t('duty.form.overnight')}</p> : null}
      <Form.Item name="checks" label={t('duty.form.checks')}>
        <Checkbox.Group className="duty-check-list" options={view.checklist.map((check) => ({ label: check, value: check }))} />
      </Form.Item>
      <Form.Item name="nothingToReport" label={t('duty.form.outcome')}>
        <Radio.Group className="duty-outcome" optionType="button" buttonStyle="solid" options={[{ label: t('duty.form.nothingToReport'), value: true }, { label: t('duty.form.somethingToReport'), value: false }]} />
      </Form.Item>
      {nothingToReport ? null : (
        <Form.Item name="incidents" label={t('duty.form.incidents')}>
          <Input.TextArea rows={4} maxLength={DUTY_INCIDENTS_MAX} showCount placeholder={t('duty.form.incidentsPlaceholder')} />
        </Form.Item>
      )}
      <Form.Item name="pictureIds" label={<span id="duty-pictures-label">{t('pictures.label')}</span>}>
        <PictureField initial={report?.pictures ?? []} schoolId={view.school.id} onBusyChange={setBusy} />
      </Form.Item>
      {error ? <Alert type="error" showIcon role="alert" title={error} className="section" /> : null}
      <Button type="primary" htmlType="submit" size="large" block loading={file.isPending} className="duty-submit">
        {report ? t('duty.form.resubmit') : t('duty.form.submit')}
      </Button>
    </Form>
  );
}
