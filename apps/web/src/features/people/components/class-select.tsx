import { Select, type SelectProps } from 'antd';
import { useClasses } from '@/features/classes';
import { usePersonClassLabel } from './use-person-class-label';

type ClassSelectProps = Omit<SelectProps<string>, 'options' | 'loading' | 'showSearch'> & { schoolId?: string; exclude?: string | null };

/** A class of one school, in the caller's scope (a class teacher gets only the classes they head). */
export function ClassSelect({ schoolId, exclude, ...props }: ClassSelectProps) {
  const classes = useClasses({ schoolId, includeInactive: false });
  const classLabel = usePersonClassLabel();
  const options = (classes.data ?? [])
    .filter((schoolClass) => schoolClass.id !== exclude)
    .map((schoolClass) => ({ value: schoolClass.id, label: classLabel({ schoolId: schoolClass.schoolId, grade: schoolClass.grade, className: schoolClass.name }) ?? schoolClass.name }));
  return <Select<string> {...props} disabled={!schoolId || props.disabled} options={options} loading={Boolean(schoolId) && classes.isPending} showSearch={{ optionFilterProp: 'label' }} />;
}
