import { useState } from 'react';
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DisinfectionLogInput, instantOfDay, TimeOfDay, timeOfDayToMinutes, translate, type DisinfectionDay, type DisinfectionLog } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { PicturePicker } from '@/components/ui/picture-picker';
import { formatDay } from '@/lib/day-format';
import { requiredFields, type FieldMessages } from '@/lib/form-errors';
import { formatTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useLogDisinfection } from '../api/disinfection-day';
import { usePlanFormat } from './disinfection-format';

type DayArea = DisinfectionDay['areas'][number];

interface LogValues {
  areaId: string;
  /** "HH:MM" on the day shown, in the centre's time zone */
  doneAt: string;
  agent: string;
  concentration: number | null;
  amount: number | null;
  contactMinutes: number | null;
  doneBy: string;
  pictureIds: string[];
}

/** Form.Item's value/onChange bridge: the form holds the ids, the picker the pictures. */
function PictureField({ onChange, schoolId, onBusyChange }: { value?: string[]; onChange?: (ids: string[]) => void; schoolId: string; onBusyChange: (busy: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <PicturePicker
      purpose="disinfection"
      schoolId={schoolId}
      labelledBy="disinfection-pictures-label"
      help={t('disinfection.form.picturesHelp')}
      onBusyChange={onBusyChange}
      onChange={(pictures) => onChange?.(pictures.map((picture) => picture.id))}
    />
  );
}

/**
 * A round done, quick on a phone: the area (preselected), the time (now by
 * default), the agent and concentration from the plan, the amount in the
 * item's unit, the contact time, who did it, and up to six photos. A refusal
 * (stock too low: "当前结存 …") is shown above the button and keeps every value.
 */
export function LogForm({ view, area, onClose }: { view: DisinfectionDay; area: DayArea; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const timeZone = me.centre.timeZone;
  const format = usePlanFormat();
  const log = useLogDisinfection();
  const [form] = Form.useForm<LogValues>();
  const [picturesBusy, setPicturesBusy] = useState(false);
  const isToday = view.day === view.today;
  const chosenId = Form.useWatch('areaId', form) ?? area.area.id;
  const chosen = view.areas.find((row) => row.area.id === chosenId)?.area ?? area.area;

  const instantOf = (time: string) => instantOfDay(view.day, timeZone, timeOfDayToMinutes(time));

  const check = (values: LogValues): FieldMessages => {
    const fields = requiredFields(values as unknown as Record<string, unknown>, ['doneAt', 'agent', 'concentration', 'amount', 'contactMinutes', 'doneBy'], language);
    if (!fields.doneAt && !TimeOfDay.safeParse(values.doneAt).success) fields.doneAt = translate('field.time_of_day', language);
    else if (!fields.doneAt && isToday && instantOf(values.doneAt).getTime() > Date.now() + 60_000) fields.doneAt = translate('disinfection.done_future', language);
    if (picturesBusy) fields.pictureIds = t('disinfection.form.waitForPictures');
    return fields;
  };

  return (
    <FormModal<LogValues, typeof DisinfectionLogInput, DisinfectionLog>
      form={form}
      name="disinfection-log"
      title={isToday ? t('disinfection.form.title') : t('disinfection.form.titleDay', { day: formatDay(view.day, language) })}
      okText={t('disinfection.form.submit')}
      cancelText={t('common.cancel')}
      schema={DisinfectionLogInput}
      toInput={(values) => ({
        schoolId: view.school.id,
        areaId: values.areaId,
        doneAt: TimeOfDay.safeParse(values.doneAt).success ? instantOf(values.doneAt).toISOString() : undefined,
        agent: values.agent,
        concentration: values.concentration ?? undefined,
        amount: values.amount ?? undefined,
        contactMinutes: values.contactMinutes ?? undefined,
        doneBy: values.doneBy,
        pictureIds: values.pictureIds ?? [],
      })}
      check={check}
      send={(input) => log.mutateAsync(input)}
      success={(saved) => t('disinfection.form.logged', { area: saved.areaName, item: saved.item.name, balance: format.amount(saved.balanceAfter), unit: format.unit(saved.item.unit) })}
      alwaysSayWhy
      onClose={onClose}
      initialValues={{
        areaId: area.area.id,
        doneAt: isToday ? formatTime(new Date(), timeZone) : (area.nextDue ?? area.area.dueTimes[0] ?? '12:00'),
        agent: area.area.agent,
        concentration: area.area.concentration,
        amount: null,
        contactMinutes: 30,
        doneBy: me.user.displayName,
        pictureIds: [],
      }}
      onValuesChange={(changed, instance) => {
        // Another area brings its own agent and concentration from the plan.
        const next = changed.areaId ? view.areas.find((row) => row.area.id === changed.areaId)?.area : undefined;
        if (next) instance.setFieldsValue({ agent: next.agent, concentration: next.concentration });
      }}
      formClassName="disinfection-log-form"
    >
      <Form.Item name="areaId" label={t('disinfection.form.area')}>
        <Select options={view.areas.map((row) => ({ value: row.area.id, label: t('disinfection.form.areaOption', { name: row.area.name, kind: row.area.kind }) }))} />
      </Form.Item>
      <Form.Item name="doneAt" label={t('disinfection.form.doneAt')}>
        <Input type="time" className="disinfection-time" />
      </Form.Item>
      <div className="disinfection-pair">
        <Form.Item name="agent" label={t('disinfection.form.agent')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="concentration" label={t('disinfection.form.concentration')}>
          <InputNumber<number> min={1} max={100_000} precision={0} inputMode="numeric" suffix="mg/L" className="full-width" />
        </Form.Item>
      </div>
      <p id="disinfection-amount-help" className="disinfection-help">
        {t('disinfection.form.amountHelp', { item: chosen.item.name })}
      </p>
      <div className="disinfection-pair">
        <Form.Item name="amount" label={t('disinfection.form.amount')}>
          <InputNumber<number> min={0} inputMode="decimal" suffix={format.unit(chosen.item.unit)} className="full-width" aria-describedby="disinfection-amount-help" />
        </Form.Item>
        <Form.Item name="contactMinutes" label={t('disinfection.form.contactMinutes')}>
          <InputNumber<number> min={1} max={240} precision={0} inputMode="numeric" suffix={t('disinfection.form.minutes')} className="full-width" />
        </Form.Item>
      </div>
      <Form.Item name="doneBy" label={t('disinfection.form.doneBy')}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="pictureIds" label={<span id="disinfection-pictures-label">{t('disinfection.form.pictures')}</span>}>
        <PictureField schoolId={view.school.id} onBusyChange={setPicturesBusy} />
      </Form.Item>
    </FormModal>
  );
}
