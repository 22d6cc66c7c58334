import { Descriptions, Image, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DutyReport } from '@campus/shared';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';

/** A filed duty report: times, who, checks, what happened, and its pictures (thumbnails that open full size). */
export function DutyReportView({ report }: { report: DutyReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const timeZone = useSession().centre.timeZone;
  const isPhone = useIsPhone();
  return (
    <>
      <Descriptions bordered size="small" column={isPhone ? 1 : 2} className="section">
        <Descriptions.Item label={t('duty.report.time')}>
          {report.start}–{report.end}
        </Descriptions.Item>
        <Descriptions.Item label={t('duty.day.onDuty')}>
          {report.onDutyName ?? t('duty.report.none')}
          {report.leaderName ? ` · ${t('duty.day.leader')} ${report.leaderName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('duty.report.checks')} span={isPhone ? 1 : 2}>
          {report.checks.length ? (
            <span className="duty-checks">
              {report.checks.map((check) => (
                <Tag key={check}>{check}</Tag>
              ))}
            </span>
          ) : (
            t('duty.report.none')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('duty.report.incidents')} span={isPhone ? 1 : 2}>
          {report.incidents === null ? <Tag color="blue">{t('duty.report.zero')}</Tag> : <span className="duty-incidents">{report.incidents}</span>}
        </Descriptions.Item>
        <Descriptions.Item label={t('duty.report.filedBy')} span={isPhone ? 1 : 2}>
          {report.filedByName} · {formatDateTime(report.filedAt, language, timeZone)} {report.late ? <Tag color="orange">{t('duty.day.filedLate')}</Tag> : null}
        </Descriptions.Item>
      </Descriptions>
      <section aria-label={t('duty.report.pictures')}>
        <Image.PreviewGroup>
          <ul className="picture-list">
            {report.pictures.map((picture, index) => (
              <li key={picture.id} className="picture-item">
                <Image src={picture.thumbUrl} preview={{ src: picture.url }} alt={t('pictures.pictureN', { index: index + 1 })} width={96} height={96} className="picture-thumb" />
              </li>
            ))}
          </ul>
        </Image.PreviewGroup>
      </section>
    </>
  );
}
