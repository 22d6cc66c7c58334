import type { ReactNode } from 'react';
import { classNames } from './class-names';
import { Icon } from './icons';
import './phone.css';

export type BannerTone = 'info' | 'success' | 'warning' | 'error';

export interface BannerProps {
  tone: BannerTone;
  title: ReactNode;
  children?: ReactNode;
  /** A button or link at the end (wraps under the text on a narrow screen). */
  action?: ReactNode;
  /** `alert` for what must be heard at once (an error after a tap), `status` for news that can wait. */
  role?: 'alert' | 'status';
  className?: string;
}

/** A coloured notice like antd's Alert: light background, a coloured left edge, dark text, an icon by its tone. */
export function Banner({ tone, title, children, action, role, className }: BannerProps) {
  return (
    <div className={classNames('phone-banner', `phone-banner-${tone}`, className)} role={role}>
      <span className="phone-banner-icon">
        <Icon name={tone} />
      </span>
      <div className="phone-banner-body">
        <div className="phone-banner-title">{title}</div>
        {children ? <div className="phone-banner-text">{children}</div> : null}
      </div>
      {action ? <div className="phone-banner-action">{action}</div> : null}
    </div>
  );
}
