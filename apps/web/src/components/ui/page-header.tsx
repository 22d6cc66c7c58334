import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { usePageTitle } from '@/lib/use-page-title';

interface PageHeaderProps {
  title: string;
  /** Shown under the title. */
  description?: ReactNode;
  /** Buttons on the right (wrapping under the title on phones). */
  extra?: ReactNode;
  /** A link back, above the title. */
  back?: ReactNode;
}

/** The page's one <h1>, which also names the browser tab. */
export function PageHeader({ title, description, extra, back }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <header className="page-header">
      {back}
      <Flex wrap gap={12} justify="space-between" align="center">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {extra ? (
          <Flex wrap gap={8}>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {description ? <Typography.Paragraph className="page-description">{description}</Typography.Paragraph> : null}
    </header>
  );
}
