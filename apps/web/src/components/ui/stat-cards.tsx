import { Card, Col, Row, Statistic } from 'antd';

export interface StatCard {
  key: string;
  title: string;
  value: number;
  suffix?: string;
  /** Highlighted in red (something to act on), with the figure's words unchanged. */
  alert?: boolean;
}

/** A row of headline figures: two a row on phones, up to six on wide screens. */
export function StatCards({ cards }: { cards: StatCard[] }) {
  return (
    <Row gutter={[12, 12]} className="totals-row">
      {cards.map((card) => (
        <Col key={card.key} xs={12} sm={8} xl={4}>
          <Card size="small" className={card.alert ? 'total-card total-alert' : 'total-card'}>
            <Statistic title={card.title} value={card.value} suffix={card.suffix} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
