import type { ComponentProps } from 'react';
import { PageSection } from '@/components/ui/page-section';

/** A titled part of a supplies page, in the supplies look. */
export function SupplySection(props: Omit<ComponentProps<typeof PageSection>, 'className'>) {
  return <PageSection {...props} className="supply-section" />;
}
