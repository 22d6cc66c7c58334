import { ForbiddenResult } from '@/components/ui/result-pages';
import { useSession } from '@/lib/session';
import { rosterCan } from '../permissions';
import { SchoolCounts } from './school-counts';

/** /people/overview: every school's roster counts (centre and observer). */
export default function PeopleOverviewPage() {
  const me = useSession();
  if (!rosterCan.seeAllSchools(me.user.role)) return <ForbiddenResult />;
  return <SchoolCounts />;
}
