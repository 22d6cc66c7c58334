import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchoolClass } from '@campus/shared';
import { useDeleteSchoolClass } from '../api/delete-class';
import { useUpdateSchoolClass } from '../api/update-class';

/** Deactivate / reactivate / delete a class, each after a confirmation. */
export function useClassActions() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const updateClass = useUpdateSchoolClass();
  const deleteClass = useDeleteSchoolClass();

  function showError(error: unknown) {
    modal.error({ title: t('errors.title'), content: error instanceof Error ? error.message : undefined, okText: t('common.close') });
  }

  /** `label` is what the user sees for the class, e.g. "三年级 2班". */
  function confirmToggleActive(schoolClass: SchoolClass, label: string) {
    const deactivating = schoolClass.active;
    void modal.confirm({
      title: t(deactivating ? 'classes.deactivateTitle' : 'classes.reactivateTitle', { name: label }),
      content: deactivating ? t('classes.deactivateText') : undefined,
      okText: deactivating ? t('common.deactivate') : t('common.reactivate'),
      okButtonProps: { danger: deactivating },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await updateClass.mutateAsync({ id: schoolClass.id, input: { active: !deactivating } });
          void message.success(t(deactivating ? 'classes.deactivated' : 'classes.reactivated', { name: label }));
        } catch (error) {
          showError(error);
        }
      },
    });
  }

  function confirmDelete(schoolClass: SchoolClass, label: string, onDeleted?: () => void) {
    void modal.confirm({
      title: t('classes.deleteTitle', { name: label }),
      content: t('classes.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteClass.mutateAsync(schoolClass.id);
          void message.success(t('classes.deleted', { name: label }));
          onDeleted?.();
        } catch (error) {
          showError(error);
        }
      },
    });
  }

  return { confirmToggleActive, confirmDelete };
}
