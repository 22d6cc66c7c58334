import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { School } from '@campus/shared';
import { isApiRequestError } from '@/lib/api-client';
import { useDeleteSchool } from '../api/delete-school';
import { useUpdateSchool } from '../api/update-school';

/** Deactivate / reactivate / delete a school, each after a confirmation. */
export function useSchoolActions() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const updateSchool = useUpdateSchool();
  const deleteSchool = useDeleteSchool();

  // A refusal (e.g. 409 "still has classes … deactivate instead") stays on screen until read.
  function showError(error: unknown) {
    modal.error({
      title: t('errors.title'),
      content: isApiRequestError(error) || error instanceof Error ? error.message : undefined,
      okText: t('common.close'),
    });
  }

  function confirmToggleActive(school: School) {
    const deactivating = school.active;
    void modal.confirm({
      title: t(deactivating ? 'schools.deactivateTitle' : 'schools.reactivateTitle', { name: school.name }),
      content: deactivating ? t('schools.deactivateText') : undefined,
      okText: deactivating ? t('common.deactivate') : t('common.reactivate'),
      okButtonProps: { danger: deactivating },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const saved = await updateSchool.mutateAsync({ id: school.id, input: { active: !deactivating } });
          void message.success(t(deactivating ? 'schools.deactivated' : 'schools.reactivated', { name: saved.name }));
        } catch (error) {
          showError(error);
        }
      },
    });
  }

  function confirmDelete(school: School, onDeleted?: () => void) {
    void modal.confirm({
      title: t('schools.deleteTitle', { name: school.name }),
      content: t('schools.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteSchool.mutateAsync(school.id);
          void message.success(t('schools.deleted', { name: school.name }));
          onDeleted?.();
        } catch (error) {
          // 409: "still has N classes and M accounts … deactivate instead".
          showError(error);
        }
      },
    });
  }

  return { confirmToggleActive, confirmDelete };
}
