import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { GateVisitorInput, type GateToday } from '@campus/shared';
import { clearChangedFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useRegisterVisitor } from '../api/gate-today';
import { useGateRegistration } from '../use-gate-registration';
import { DecisionPanel, GateFormFooter } from './decision-panel';
import { TemperatureField } from './temperature-field';

interface Values {
  name?: string;
  phone?: string;
  organisation?: string;
  reason?: string;
  visiting?: string;
  approvalId?: string;
  answers?: (boolean | undefined)[];
  temperature?: number | null;
}

/**
 * 一问二测三登记 for a visitor, on one phone screen: who, the centre's
 * questions as yes / no taps, the temperature; on a closed campus, today's
 * pre-approved visitors to pick from. The server decides by the same rule the
 * hint uses and the answer is shown big; what was typed stays when it refuses
 * the input.
 */
export function VisitorForm({ view }: { view: GateToday }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<Values>();
  const register = useRegisterVisitor();
  const { decided, error, pending, submit, next } = useGateRegistration(form, register);
  const temperature = Form.useWatch('temperature', form);
  const openApprovals = view.approvals.filter((approval) => !approval.used);

  if (decided) return <DecisionPanel entry={decided} onAgain={next} />;

  const check = () => {
    const values = form.getFieldsValue(true) as Values;
    const answers = view.questions.map((_, index) => values.answers?.[index]);
    const unanswered = Object.fromEntries(answers.flatMap((answer, index) => (answer === undefined ? [[`answers.${index}`, t('gate.form.answerRequired')]] : [])));
    const checked = validate(
      GateVisitorInput,
      { ...values, schoolId: view.school.id, answers: answers.map(Boolean), temperature: values.temperature ?? undefined, approvalId: values.approvalId || null },
      language,
    );
    return { checked, fields: unanswered };
  };

  return (
    <Form<Values> form={form} layout="vertical" name="gate-visitor" onValuesChange={(changed) => clearChangedFieldErrors(form, changed)} onFinish={() => void submit(check)}>
      {view.closed ? (
        openApprovals.length ? (
          <Form.Item name="approvalId" label={t('gate.form.approval')} extra={t('gate.form.approvalHelp')}>
            <Radio.Group
              className="gate-approvals"
              onChange={(event) => {
                const approval = view.approvals.find((item) => item.id === event.target.value);
                if (approval) form.setFieldsValue({ name: approval.name, reason: approval.reason });
              }}
              options={[...openApprovals.map((approval) => ({ value: approval.id, label: `${approval.name} · ${approval.reason}` })), { value: '', label: t('gate.form.noApproval') }]}
            />
          </Form.Item>
        ) : (
          <Alert type="warning" showIcon title={t('gate.form.noApprovals')} className="section" />
        )
      ) : null}
      <Form.Item name="name" label={t('gate.form.name')} required>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('gate.form.phone')} required>
        <Input type="tel" inputMode="tel" maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="organisation" label={t('gate.form.organisation')}>
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item name="reason" label={t('gate.form.reason')} required>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="visiting" label={t('gate.form.visiting')}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <fieldset className="section">
        <legend className="filter-label">{t('gate.form.ask')}</legend>
        {view.questions.map((question, index) => (
          <Form.Item key={question} name={['answers', index]} label={question} required className="gate-question">
            <Radio.Group
              className="gate-yes-no"
              optionType="button"
              buttonStyle="solid"
              options={[
                { label: t('gate.form.no'), value: false },
                { label: t('gate.form.yes'), value: true },
              ]}
            />
          </Form.Item>
        ))}
      </fieldset>
      <TemperatureField threshold={view.feverThreshold} value={temperature} />
      <GateFormFooter error={error} pending={pending} />
    </Form>
  );
}
