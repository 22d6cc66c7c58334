import { useState } from 'react';
import { Alert, Button, Card, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportField, IMPORT_REQUIRED, type ImportCheck, type ImportMapping } from '@campus/shared';

interface ImportMappingCardProps {
  check: ImportCheck;
  onRecheck: (mapping: ImportMapping) => void;
  checking: boolean;
}

/** Headers of the file that no field uses. */
export function unmatchedHeaders(check: ImportCheck): string[] {
  const used = new Set(Object.values(check.mapping).filter(Boolean));
  return check.headers.filter((header) => header.trim() && !used.has(header));
}

/** One select per field, listing the file's own headers; "check again" sends the mapping. */
export function ImportMappingCard({ check, onRecheck, checking }: ImportMappingCardProps) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<ImportMapping>(() => ({ ...check.mapping }));
  const headerOptions = [{ value: '', label: t('people.import.mapping.none') }, ...check.headers.filter((header) => header.trim()).map((header) => ({ value: header, label: header }))];
  const fieldLabel = (field: ImportField) => t(`people.fields.${field}`);

  return (
    <Card className="import-card" title={<h2 className="card-heading">{t('people.import.mapping.title')}</h2>}>
      <Typography.Paragraph>{t('people.import.mapping.intro')}</Typography.Paragraph>
      {check.missingRequired.length ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="form-alert"
          title={t('people.import.mapping.missing', { fields: check.missingRequired.map(fieldLabel).join('、') })}
        />
      ) : null}
      <div className="mapping-grid">
        {ImportField.options.map((field) => (
          <div key={field} className="filter-field">
            <label htmlFor={`mapping-${field}`} className="filter-label">
              {fieldLabel(field)}
              {IMPORT_REQUIRED.includes(field) ? <span className="required-mark" aria-hidden> *</span> : null}
            </label>
            <Select<string>
              id={`mapping-${field}`}
              value={mapping[field] ?? ''}
              options={headerOptions}
              onChange={(value) => setMapping((current) => ({ ...current, [field]: value || null }))}
            />
          </div>
        ))}
      </div>
      <Button type="primary" loading={checking} onClick={() => onRecheck(mapping)}>
        {t('people.import.recheck')}
      </Button>
    </Card>
  );
}
