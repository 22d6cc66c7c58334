import { Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CensusCategoryInput, CensusCategoryUpdate, type CensusCategory } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { useLanguage } from '@/lib/language';
import { useCreateCensusCategory } from '../api/create-census-category';
import { useUpdateCensusCategory } from '../api/update-census-category';

interface CategoryFormValues {
  code?: string;
  label?: string;
  labelEn?: string;
  isException?: boolean;
}

interface CategoryFormModalProps {
  open: boolean;
  /** Edit this category; add a new one when absent. */
  category?: CensusCategory;
  /** Where a new category goes in the order (after the last one). */
  nextSortOrder: number;
  onClose: () => void;
}

/** Add a census category (code, names, exception) or rename one. */
export function CategoryFormModal(props: CategoryFormModalProps) {
  return props.open ? <CategoryForm {...props} /> : null;
}

function CategoryForm({ category, nextSortOrder, onClose }: CategoryFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const createCategory = useCreateCensusCategory();
  const updateCategory = useUpdateCensusCategory();

  const toInput = (values: CategoryFormValues) => {
    const common = { label: values.label ?? '', labelEn: values.labelEn ?? '', isException: Boolean(values.isException) };
    return category ? common : { ...common, code: values.code ?? '', sortOrder: Math.min(nextSortOrder, 999) };
  };

  return (
    <FormModal<CategoryFormValues, typeof CensusCategoryUpdate | typeof CensusCategoryInput, CensusCategory>
      title={category ? t('census.editTitle') : t('census.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      schema={category ? CensusCategoryUpdate : CensusCategoryInput}
      toInput={toInput}
      send={(input) => (category ? updateCategory.mutateAsync({ id: category.id, input }) : createCategory.mutateAsync(input as CensusCategoryInput))}
      success={(saved) => t(category ? 'census.updated' : 'census.created', { name: language === 'en' ? saved.labelEn : saved.label })}
      onClose={onClose}
      name={category ? 'edit-category' : 'add-category'}
      initialValues={category ? { label: category.label, labelEn: category.labelEn, isException: category.isException } : { code: '', label: '', labelEn: '', isException: false }}
      errorPlacement="top"
      submitOnEnter
    >
      {category ? (
        <Form.Item label={t('census.code')}>
          <Typography.Text code>{category.code}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item label={t('census.code')} name="code" required extra={t('census.codeHelp')}>
          <Input maxLength={32} autoCapitalize="off" autoCorrect="off" spellCheck={false} />
        </Form.Item>
      )}
      <Form.Item label={t('census.label')} name="label" required>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label={t('census.labelEn')} name="labelEn" required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="isException" valuePropName="checked" extra={t('census.isExceptionHelp')}>
        <Checkbox>{t('census.isException')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
