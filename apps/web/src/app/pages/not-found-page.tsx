import { NotFoundResult } from '@/components/ui/result-pages';

export default function NotFoundPage() {
  return <NotFoundResult />;
}
