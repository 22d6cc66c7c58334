import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';

/** The temperature at the gate: big, decimal keypad, and a warning as soon as it reaches the fever threshold. */
export function TemperatureField({ threshold, value }: { threshold: number; value: number | null | undefined }) {
  const { t } = useTranslation();
  const fever = typeof value === 'number' && value >= threshold && value <= 43;
  return (
    <Form.Item
      label={t('gate.form.temperature')}
      name="temperature"
      required
      extra={fever ? <span className="gate-count-refused">{t('gate.form.feverHint', { threshold: threshold.toFixed(1) })}</span> : t('gate.form.temperatureHelp')}
    >
      <InputNumber<number> className="gate-temperature" step={0.1} precision={1} inputMode="decimal" placeholder="36.5" />
    </Form.Item>
  );
}
