import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { School } from '@campus/shared';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useDeleteSchool } from '../api/delete-school';
import { useUpdateSchool } from '../api/update-school';

/** Deactivate / reactivate / delete a school, each after a confirmation. A refusal (409 "still has classes … deactivate instead") stays on screen until read. */
export function useSchoolActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirmedAction();
  const updateSchool = useUpdateSchool();
  const deleteSchool = useDeleteSchool();

  function confirmToggleActive(school: School) {
    const deactivating = school.active;
    confirm({
      title: t(deactivating ? 'schools.deactivateTitle' : 'schools.reactivateTitle', { name: school.name }),
      content: deactivating ? t('schools.deactivateText') : undefined,
      okText: deactivating ? t('common.deactivate') : t('common.reactivate'),
      danger: deactivating,
      run: async () => {
        const saved = await updateSchool.mutateAsync({ id: school.id, input: { active: !deactivating } });
        void message.success(t(deactivating ? 'schools.deactivated' : 'schools.reactivated', { name: saved.name }));
      },
    });
  }

  function confirmDelete(school: School, onDeleted?: () => void) {
    confirm({
      title: t('schools.deleteTitle', { name: school.name }),
      content: t('schools.deleteText'),
      okText: t('common.delete'),
      run: async () => {
        await deleteSchool.mutateAsync(school.id);
        void message.success(t('schools.deleted', { name: school.name }));
        onDeleted?.();
      },
    });
  }

  return { confirmToggleActive, confirmDelete };
}
