import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Typography, type FormInstance } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reportCountsFrom, SchoolReportInput, schoolReportCounts, translate, type ReportCounts as ReportFigures, type SchoolDayView, type SchoolKind } from '@campus/shared';
import { useClassLabel } from '@/features/classes';
import { isApiRequestError } from '@/lib/api-client';
import { clearFieldErrors, showFieldErrors, validate, type FieldMessages } from '@/lib/form-errors';
import { formatDay } from '@/lib/day-format';
import { useLanguage } from '@/lib/language';
import { useFileSchoolReport } from '../api/file-school-report';
import { ReportCounts } from './report-counts';

interface BehalfValue {
  on?: boolean;
  reason?: string;
}

interface FormValues {
  note?: string;
  behalf?: Record<string, BehalfValue>;
}

/**
 * What the school report will say, from what the page shows: filed classes
 * with their report's counts, the others as a report filed on their behalf
 * would count them, and the staff — the same mapping the server files with
 * (it counts again when filing).
 */
function previewCounts(view: SchoolDayView): ReportFigures {
  return schoolReportCounts(
    view.classes.map((schoolClass) => schoolClass.report ?? reportCountsFrom(schoolClass.progress)),
    view.staff,
  );
}

/**
 * The principal files the school's daily report. Every class must have filed,
 * or be filed here on its behalf: the principal ticks it and gives a reason.
 * A confirmation comes first; a refusal from the server (409) shows above the form.
 */
export function FileSchoolReportForm({ view, kind, staffHref }: { view: SchoolDayView; kind: SchoolKind | undefined; staffHref: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const classLabel = useClassLabel();
  const [form] = Form.useForm<FormValues>();
  const behalf = Form.useWatch('behalf', form);
  const fileReport = useFileSchoolReport();
  const [alert, setAlert] = useState<string>();

  const unfiled = view.classes.filter((schoolClass) => !schoolClass.report);
  const counts = previewCounts(view);
  const staffPending = view.staff.pending;
  const day = formatDay(view.day, language);
  const behalfPath = (classId: string, field: keyof BehalfValue): ['behalf', string, keyof BehalfValue] => ['behalf', classId, field];

  /** Server and schema messages name `onBehalf.<index>.reason`; the form names fields by class. */
  function placeFields(fields: FieldMessages, order: string[]): string[] {
    const mapped: FieldMessages = {};
    for (const [path, text] of Object.entries(fields)) {
      const match = /^onBehalf\.(\d+)\.(reason|classId)$/.exec(path);
      const classId = match ? order[Number(match[1])] : undefined;
      mapped[classId ? `behalf.${classId}.${match![2] === 'reason' ? 'reason' : 'on'}` : path] = text;
    }
    return showFieldErrors(form, mapped);
  }

  async function file(input: ReturnType<typeof SchoolReportInput.parse>, order: string[]) {
    try {
      await fileReport.mutateAsync(input);
      void message.success(t('dailyReports.fileReport.done', { day }));
    } catch (error) {
      if (isApiRequestError(error) && error.fields && Object.keys(error.fields).length) {
        const rest = placeFields(error.fields, order);
        setAlert([error.message, ...rest].join(' '));
      } else {
        setAlert(error instanceof Error ? error.message : String(error));
      }
    }
  }

  function submit(values: FormValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const required = translate('field.required', language);
    const missing: { name: ['behalf', string, keyof BehalfValue]; errors: string[] }[] = [];
    for (const schoolClass of unfiled) {
      const value = values.behalf?.[schoolClass.classId];
      if (!value?.on) missing.push({ name: behalfPath(schoolClass.classId, 'on'), errors: [t('dailyReports.fileReport.mustTick')] });
      else if (!value.reason?.trim()) missing.push({ name: behalfPath(schoolClass.classId, 'reason'), errors: [required] });
    }
    if (missing.length) {
      form.setFields(missing);
      setAlert(t('dailyReports.fileReport.fixBelow'));
      const first = missing[0]!.name;
      form.scrollToField(first, { block: 'center' });
      (form.getFieldInstance(first) as { focus?: () => void } | undefined)?.focus?.();
      return;
    }
    const order = unfiled.map((schoolClass) => schoolClass.classId);
    const checked = validate(
      SchoolReportInput,
      {
        schoolId: view.school.id,
        day: view.day,
        note: values.note?.trim() || null,
        onBehalf: order.map((classId) => ({ classId, reason: values.behalf?.[classId]?.reason ?? '' })),
      },
      language,
    );
    if (!checked.ok) {
      const rest = placeFields(checked.fields, order);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    modal.confirm({
      title: t('dailyReports.fileReport.confirmTitle', { day }),
      content: (
        <>
          <p>{t('dailyReports.fileReport.confirmCounts', counts)}</p>
          {unfiled.length ? <p>{t('dailyReports.fileReport.confirmOnBehalf', { count: unfiled.length })}</p> : null}
          <p>{t('dailyReports.fileReport.confirmFinal')}</p>
        </>
      ),
      okText: t('dailyReports.fileReport.confirm'),
      cancelText: t('common.cancel'),
      // The dialog shows a spinner until the answer; errors land above the form.
      onOk: () => file(checked.data, order),
    });
  }

  return (
    <Form form={form} name="file-school-report" layout="vertical" onFinish={submit} onValuesChange={(changed: object) => clearChangedBehalfErrors(form, changed)} className="file-report-form">
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}

      <Typography.Paragraph>{t('dailyReports.fileReport.intro', { day })}</Typography.Paragraph>
      <ReportCounts counts={counts} fields={['total', 'reached', 'unreached', 'exceptions']} label={t('dailyReports.fileReport.preview')} />
      <Typography.Paragraph type="secondary">{t('dailyReports.fileReport.previewNote')}</Typography.Paragraph>

      {staffPending > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('dailyReports.fileReport.staffPending', { count: staffPending })}
          description={<Link to={staffHref}>{t('dailyReports.staff.open')}</Link>}
        />
      ) : null}

      {unfiled.length ? (
        <fieldset className="behalf-fieldset">
          <legend>{t('dailyReports.fileReport.unfiledTitle', { count: unfiled.length })}</legend>
          <Typography.Paragraph type="secondary">{t('dailyReports.fileReport.unfiledIntro')}</Typography.Paragraph>
          <ul className="behalf-list">
            {unfiled.map((schoolClass) => {
              const name = classLabel(kind, schoolClass.grade, schoolClass.name);
              const ticked = Boolean(behalf?.[schoolClass.classId]?.on);
              return (
                <li key={schoolClass.classId} className={ticked ? 'behalf-row behalf-on' : 'behalf-row'}>
                  <Form.Item name={behalfPath(schoolClass.classId, 'on')} valuePropName="checked" className="behalf-check">
                    <Checkbox className="tall-check">{t('dailyReports.fileReport.onBehalfOf', { class: name })}</Checkbox>
                  </Form.Item>
                  <Typography.Text type="secondary" className="behalf-progress">
                    {t('dailyReports.fileReport.classProgress', {
                      teacher: schoolClass.headTeacherName ?? t('dailyReports.classes.noHeadTeacher'),
                      reached: schoolClass.progress.reached,
                      total: schoolClass.progress.total,
                      pending: schoolClass.progress.pending,
                    })}
                  </Typography.Text>
                  {ticked ? (
                    <Form.Item label={t('dailyReports.fileReport.reasonFor', { class: name })} name={behalfPath(schoolClass.classId, 'reason')} required className="behalf-reason">
                      <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('dailyReports.fileReport.reasonPlaceholder')} />
                    </Form.Item>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : (
        <Typography.Paragraph>{t('dailyReports.fileReport.allClassesFiled')}</Typography.Paragraph>
      )}

      <Form.Item label={t('dailyReports.fileReport.note')} name="note" extra={t('dailyReports.fileReport.noteHelp')}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden />} loading={fileReport.isPending}>
        {t('dailyReports.fileReport.submit')}
      </Button>
    </Form>
  );
}

/** A field the user changes loses its error at once (nested names: behalf → class → on / reason). */
function clearChangedBehalfErrors(form: FormInstance<FormValues>, changed: FormValues) {
  const names: (['note'] | ['behalf', string, keyof BehalfValue])[] = [];
  if ('note' in changed) names.push(['note']);
  for (const [classId, value] of Object.entries(changed.behalf ?? {})) {
    for (const field of Object.keys(value ?? {}) as (keyof BehalfValue)[]) names.push(['behalf', classId, field]);
  }
  form.setFields(names.map((name) => ({ name, errors: [] })));
}
