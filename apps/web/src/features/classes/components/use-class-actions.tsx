import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchoolClass } from '@campus/shared';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useDeleteSchoolClass } from '../api/delete-class';
import { useUpdateSchoolClass } from '../api/update-class';

/** Deactivate / reactivate / delete a class, each after a confirmation. */
export function useClassActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirmedAction();
  const updateClass = useUpdateSchoolClass();
  const deleteClass = useDeleteSchoolClass();

  /** `label` is what the user sees for the class, e.g. "三年级 2班". */
  function confirmToggleActive(schoolClass: SchoolClass, label: string) {
    const deactivating = schoolClass.active;
    confirm({
      title: t(deactivating ? 'classes.deactivateTitle' : 'classes.reactivateTitle', { name: label }),
      content: deactivating ? t('classes.deactivateText') : undefined,
      okText: deactivating ? t('common.deactivate') : t('common.reactivate'),
      danger: deactivating,
      run: async () => {
        await updateClass.mutateAsync({ id: schoolClass.id, input: { active: !deactivating } });
        void message.success(t(deactivating ? 'classes.deactivated' : 'classes.reactivated', { name: label }));
      },
    });
  }

  function confirmDelete(schoolClass: SchoolClass, label: string, onDeleted?: () => void) {
    confirm({
      title: t('classes.deleteTitle', { name: label }),
      content: t('classes.deleteText'),
      okText: t('common.delete'),
      run: async () => {
        await deleteClass.mutateAsync(schoolClass.id);
        void message.success(t('classes.deleted', { name: label }));
        onDeleted?.();
      },
    });
  }

  return { confirmToggleActive, confirmDelete };
}
