import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CensusCategoryInput, CensusCategoryUpdate, type CensusCategory } from '@campus/shared';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
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
export function CategoryFormModal({ open, category, nextSortOrder, onClose }: CategoryFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryFormValues>();
  const createCategory = useCreateCensusCategory();
  const updateCategory = useUpdateCensusCategory();
  const [alert, setAlert] = useState<string>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(category ? { label: category.label, labelEn: category.labelEn, isException: category.isException } : { code: '', label: '', labelEn: '', isException: false });
  }, [open, category, form]);

  async function submit(values: CategoryFormValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const common = { label: values.label ?? '', labelEn: values.labelEn ?? '', isException: Boolean(values.isException) };
    const checked = category
      ? validate(CensusCategoryUpdate, common, language)
      : validate(CensusCategoryInput, { ...common, code: values.code ?? '', sortOrder: Math.min(nextSortOrder, 999) }, language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const saved = category
        ? await updateCategory.mutateAsync({ id: category.id, input: checked.data })
        : await createCategory.mutateAsync(checked.data as CensusCategoryInput);
      void message.success(t(category ? 'census.updated' : 'census.created', { name: language === 'en' ? saved.labelEn : saved.label }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={open}
      title={category ? t('census.editTitle') : t('census.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={createCategory.isPending || updateCategory.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form
        form={form}
        name={category ? 'edit-category' : 'add-category'}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: CategoryFormValues) => clearChangedFieldErrors(form, changed)}
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
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
