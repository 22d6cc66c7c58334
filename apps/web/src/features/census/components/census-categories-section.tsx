import { useState } from 'react';
import { App, Button, Card, Flex, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CensusCategory } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { ErrorState } from '@/components/ui/error-state';
import { ActiveTag } from '@/components/ui/status-tag';
import { useCensusCategories } from '../api/list-census-categories';
import { useUpdateCensusCategory } from '../api/update-census-category';
import { useCategoryLabel } from './category-label';
import { CategoryFormModal } from './category-form-modal';
import { CategoryTag } from './category-tag';

/**
 * The configurable list of census categories (centre settings): add, rename,
 * reorder, retire. Retired categories stay on the people who have them.
 */
export function CensusCategoriesSection() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const categories = useCensusCategories();
  const updateCategory = useUpdateCensusCategory();
  const label = useCategoryLabel();
  const [editing, setEditing] = useState<{ category?: CensusCategory } | null>(null);
  const [reordering, setReordering] = useState(false);
  const items = categories.data ?? [];
  const nextSortOrder = items.reduce((max, category) => Math.max(max, category.sortOrder), 0) + 10;

  function showError(error: unknown) {
    modal.error({ title: t('errors.title'), content: error instanceof Error ? error.message : undefined, okText: t('common.close') });
  }

  /** Swaps a category with its neighbour; renumbers the list 10, 20, 30… so equal orders cannot tie. */
  async function move(index: number, offset: -1 | 1) {
    const order = [...items];
    const [moved] = order.splice(index, 1);
    order.splice(index + offset, 0, moved!);
    setReordering(true);
    try {
      for (const [position, category] of order.entries()) {
        const sortOrder = (position + 1) * 10;
        if (category.sortOrder !== sortOrder) await updateCategory.mutateAsync({ id: category.id, input: { sortOrder } });
      }
    } catch (error) {
      showError(error);
    } finally {
      setReordering(false);
    }
  }

  function confirmToggle(category: CensusCategory) {
    const name = label(category);
    const retiring = category.active;
    const toggle = async () => {
      try {
        await updateCategory.mutateAsync({ id: category.id, input: { active: !retiring } });
        void message.success(t(retiring ? 'census.retired' : 'census.restored', { name }));
      } catch (error) {
        showError(error);
      }
    };
    if (!retiring) {
      void toggle();
      return;
    }
    void modal.confirm({
      title: t('census.retireTitle', { name }),
      content: t('census.retireText'),
      okText: t('census.retire'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: toggle,
    });
  }

  function orderButtons(category: CensusCategory, index: number) {
    const name = label(category);
    return (
      <Flex gap={4}>
        <Button icon={<ArrowUpOutlined aria-hidden />} aria-label={t('census.moveUp', { name })} disabled={index === 0 || reordering} onClick={() => void move(index, -1)} />
        <Button
          icon={<ArrowDownOutlined aria-hidden />}
          aria-label={t('census.moveDown', { name })}
          disabled={index === items.length - 1 || reordering}
          onClick={() => void move(index, 1)}
        />
      </Flex>
    );
  }

  function actionButtons(category: CensusCategory) {
    const name = label(category);
    return (
      <Flex wrap gap={8}>
        <Button onClick={() => setEditing({ category })} aria-label={`${t('common.edit')} ${name}`}>
          {t('common.edit')}
        </Button>
        <Button onClick={() => confirmToggle(category)} aria-label={`${category.active ? t('census.retire') : t('census.restore')} ${name}`}>
          {category.active ? t('census.retire') : t('census.restore')}
        </Button>
      </Flex>
    );
  }

  const exceptionTag = (category: CensusCategory) =>
    category.isException ? <Tag className="tag-warn">{t('census.exception')}</Tag> : <Tag className="tag-off">{t('census.normal')}</Tag>;

  const columns: TableColumnsType<CensusCategory> = [
    { title: t('census.order'), key: 'order', width: 110, render: (_value, category, index) => orderButtons(category, index) },
    { title: t('census.label'), key: 'label', render: (_value, category) => <CategoryTag category={category} /> },
    { title: t('census.labelEn'), dataIndex: 'labelEn', key: 'labelEn' },
    { title: t('census.code'), dataIndex: 'code', key: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: t('census.isException'), key: 'isException', render: (_value, category) => exceptionTag(category) },
    { title: t('common.status'), key: 'active', render: (_value, category) => <ActiveTag active={category.active} /> },
    { title: t('common.actions'), key: 'actions', render: (_value, category) => actionButtons(category) },
  ];

  return (
    <section className="section" aria-labelledby="census-categories-title">
      <Card>
        <Flex wrap gap={12} justify="space-between" align="center" className="toolbar">
          <Typography.Title level={2} className="section-title no-margin" id="census-categories-title">
            {t('census.title')}
          </Typography.Title>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>
            {t('census.add')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary">{t('census.intro')}</Typography.Paragraph>
        {categories.isError ? (
          <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
        ) : (
          <DataList<CensusCategory>
            label={t('census.listLabel')}
            items={items}
            loading={categories.isPending || reordering}
            rowKey={(category) => category.id}
            columns={columns}
            emptyText={t('census.empty')}
            paginate={false}
            renderCard={(category) => {
              const index = items.indexOf(category);
              return (
                <Space orientation="vertical" size={8} className="card-body">
                  <Flex justify="space-between" align="center" gap={8}>
                    <CategoryTag category={category} />
                    {orderButtons(category, index)}
                  </Flex>
                  <Typography.Text type="secondary">
                    {category.labelEn} · <Typography.Text code>{category.code}</Typography.Text>
                  </Typography.Text>
                  <Flex wrap gap={8}>
                    {exceptionTag(category)}
                    <ActiveTag active={category.active} />
                  </Flex>
                  {actionButtons(category)}
                </Space>
              );
            }}
          />
        )}
      </Card>
      <CategoryFormModal open={editing !== null} category={editing?.category} nextSortOrder={nextSortOrder} onClose={() => setEditing(null)} />
    </section>
  );
}
