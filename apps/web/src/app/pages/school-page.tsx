import type { School } from '@campus/shared';
import { ClassList } from '@/features/classes/components/class-list';
import SchoolDetailPage from '@/features/schools/components/school-detail-page';

function classesOf(school: School) {
  return <ClassList schoolId={school.id} showSchool={false} />;
}

/** The school page: the schools feature's details with the classes feature's list (composed here, not imported across features). */
export default function SchoolPage() {
  return <SchoolDetailPage sections={classesOf} />;
}
