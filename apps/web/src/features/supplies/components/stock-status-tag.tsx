import { Tag } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, QuestionCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StockStatus } from '@campus/shared';

const icons: Record<StockStatus, React.ReactNode> = {
  stock_out: <CloseCircleOutlined aria-hidden />,
  short: <WarningOutlined aria-hidden />,
  unknown: <QuestionCircleOutlined aria-hidden />,
  adequate: <CheckCircleOutlined aria-hidden />,
};

/** 断货 / 不足 / 未知 / 充足: a word and an icon as well as a colour. */
export function StockStatusTag({ status }: { status: StockStatus }) {
  const { t } = useTranslation();
  return (
    <Tag className={`stock-tag stock-${status}`} icon={icons[status]}>
      {t(`supplies.status.${status}`)}
    </Tag>
  );
}
