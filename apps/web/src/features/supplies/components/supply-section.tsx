import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A titled part of a supplies page (h2), named for screen readers by its title. */
export function SupplySection({ id, title, extra, children }: { id: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="supply-section">
      <div className="supply-section-head">
        <Typography.Title level={2} id={id} className="section-title">
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}
