import { Button, Empty, Form, Image, Input, Tag } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DisinfectionReverseInput, type DisinfectionLog } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { formatTime } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useReverseDisinfection } from '../api/disinfection-day';
import { usePlanFormat } from './disinfection-format';

/**
 * The day's entries, newest first: time, area, agent, amount, who, photos.
 * A reversed entry stays, struck through, with its reason; `onReverse` (when
 * the user may still correct the day) puts a "撤销" button on the others.
 */
export function LogList({ logs, label, onReverse }: { logs: DisinfectionLog[]; label: string; onReverse?: (log: DisinfectionLog) => void }) {
  const { t } = useTranslation();
  const timeZone = useSession().centre.timeZone;
  const format = usePlanFormat();
  if (!logs.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disinfection.day.noEntries')} />;
  return (
    <ul className="disinfection-list" aria-label={label}>
      {logs.map((log) => {
        const time = formatTime(log.doneAt, timeZone);
        return (
          <li key={log.id} className={log.reversed ? 'disinfection-entry disinfection-entry-reversed' : 'disinfection-entry'} data-testid="disinfection-entry">
            <div className="disinfection-entry-head">
              <span className="disinfection-entry-title">
                <span className="disinfection-struck">
                  {time} {log.areaName}
                </span>
                {log.reversed ? <Tag className="tag-off">{t('disinfection.entry.reversed')}</Tag> : null}
              </span>
              {onReverse && !log.reversed ? (
                <Button icon={<UndoOutlined aria-hidden />} aria-label={t('disinfection.entry.reverseFor', { time, area: log.areaName })} onClick={() => onReverse(log)}>
                  {t('disinfection.entry.reverse')}
                </Button>
              ) : null}
            </div>
            <div className="disinfection-entry-meta disinfection-struck">
              {t('disinfection.entry.meta', { agent: log.agent, concentration: log.concentration, amount: format.amount(log.amount), unit: format.unit(log.item.unit), minutes: log.contactMinutes })}
            </div>
            <div className="disinfection-entry-meta disinfection-struck">
              {t('disinfection.entry.by', { name: log.doneBy })}
              {log.recordedByName !== log.doneBy ? ` · ${t('disinfection.entry.recordedBy', { name: log.recordedByName })}` : ''}
            </div>
            {log.reversed && log.reversalReason ? <div className="disinfection-entry-meta">{t('disinfection.entry.reason', { reason: log.reversalReason })}</div> : null}
            {log.pictures.length ? (
              <Image.PreviewGroup>
                <ul className="picture-list" aria-label={t('disinfection.entry.pictures', { area: log.areaName })}>
                  {log.pictures.map((picture, index) => (
                    <li key={picture.id} className="picture-item">
                      <Image src={picture.thumbUrl} preview={{ src: picture.url }} alt={t('pictures.pictureN', { index: index + 1 })} width={72} height={72} className="picture-thumb" />
                    </li>
                  ))}
                </ul>
              </Image.PreviewGroup>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** "撤销这条消毒记录？" with the reason it needs; the amount goes back onto the school's stock. */
export function ReverseModal({ log, onClose }: { log: DisinfectionLog; onClose: () => void }) {
  const { t } = useTranslation();
  const timeZone = useSession().centre.timeZone;
  const format = usePlanFormat();
  const reverse = useReverseDisinfection();
  const unit = format.unit(log.item.unit);
  return (
    <FormModal<{ reason: string }, typeof DisinfectionReverseInput, DisinfectionLog>
      name="disinfection-reverse"
      title={t('disinfection.reverse.title')}
      okText={t('disinfection.reverse.ok')}
      cancelText={t('common.cancel')}
      danger
      schema={DisinfectionReverseInput}
      toInput={(values) => ({ reason: values.reason?.trim() ?? '' })}
      send={(input) => reverse.mutateAsync({ id: log.id, reason: input.reason })}
      success={(saved) => t('disinfection.reverse.done', { item: saved.item.name, balance: format.amount(saved.balanceAfter), unit })}
      alwaysSayWhy
      onClose={onClose}
      intro={<p>{t('disinfection.reverse.intro', { time: formatTime(log.doneAt, timeZone), area: log.areaName, amount: format.amount(log.amount), unit })}</p>}
      submitOnEnter
    >
      <Form.Item name="reason" label={t('disinfection.reverse.reason')}>
        <Input maxLength={200} placeholder={t('disinfection.reverse.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
