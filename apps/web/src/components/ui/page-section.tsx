import type { ReactNode } from 'react';
import { Typography } from 'antd';

interface PageSectionProps {
  id: string;
  title: string;
  /** Buttons beside the title. */
  extra?: ReactNode;
  /** The feature's look: `<className>` on the section, `<className>-head` on the title row. */
  className?: string;
  children: ReactNode;
}

/** A titled part of a page (h2), a region named for screen readers by its title. */
export function PageSection({ id, title, extra, className = 'section', children }: PageSectionProps) {
  return (
    <section aria-labelledby={id} className={className}>
      <div className={`${className}-head`}>
        <Typography.Title level={2} id={id} className="section-title">
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}
