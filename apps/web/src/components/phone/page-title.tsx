import type { ReactNode } from 'react';
import { usePageTitle } from '@/lib/use-page-title';
import './phone.css';

export interface PageTitleProps {
  title: ReactNode;
  /** A link back, above the title (e.g. `<Link className="phone-back-link">`). */
  back?: ReactNode;
  /** A muted line under the title. */
  description?: ReactNode;
  /** The browser tab's name; by default the title when it is plain text. */
  documentTitle?: string;
}

/** The page's one <h1>, which also names the browser tab. */
export function PageTitle({ title, back, description, documentTitle }: PageTitleProps) {
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <header className="phone-page-header">
      {back}
      <h1 className="phone-page-title">{title}</h1>
      {description ? <p className="phone-page-description">{description}</p> : null}
    </header>
  );
}
