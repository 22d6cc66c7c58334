import { PageHeader } from '@/components/ui/page-header';

/** Placeholder: being built. */
export default function Placeholder() {
  return <PageHeader title="…" />;
}
