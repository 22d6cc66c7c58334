import { Button, Popover } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { supplyFormula, type MatrixCell, type SupplyFigure, type SupplyUnit } from '@campus/shared';
import { useLanguage } from '@/lib/language';

export const FIGURES: SupplyFigure[] = ['on_hand', 'target', 'shortfall', 'days_left', 'status'];

/** Each figure's formula in words, from the shared rules (the same text the server gives a school). */
export function useCellFormulas() {
  const language = useLanguage();
  return (cell: MatrixCell, unit: SupplyUnit, heads: { everyone: number; staff: number }): Record<SupplyFigure, string> =>
    Object.fromEntries(FIGURES.map((figure) => [figure, supplyFormula(figure, cell, { unit, heads, language })])) as Record<SupplyFigure, string>;
}

/**
 * "算法": a button that shows how the cell's numbers were made (target =
 * heads × per day × days, shortfall = max(0, target − on hand), days of
 * stock = on hand ÷ average use…). Named for the school and item it explains.
 */
export function FormulaPopover({ formulas, label }: { formulas: Partial<Record<SupplyFigure, string>>; label: string }) {
  const { t } = useTranslation();
  const content = (
    <dl className="formula-list">
      {FIGURES.filter((figure) => formulas[figure]).map((figure) => (
        <div key={figure}>
          <dt>{t(`supplies.figure.${figure}`)}</dt>
          <dd>{formulas[figure]}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <Popover content={content} title={label} trigger="click" placement="bottom">
      <Button type="link" size="small" className="formula-button" icon={<CalculatorOutlined aria-hidden />} aria-label={label}>
        {t('supplies.formula.button')}
      </Button>
    </Popover>
  );
}
