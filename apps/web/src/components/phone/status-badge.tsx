import type { ReactNode } from 'react';
import { classNames } from './class-names';
import './phone.css';

export type BadgeTone = 'success' | 'error' | 'warning' | 'default' | 'info';

/** A small pill (antd Tag's AA colours); the words carry the meaning, the colour only repeats it. */
export function StatusBadge({ tone, children, className }: { tone: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={classNames('phone-badge', `phone-badge-${tone}`, className)}>{children}</span>;
}
