import { Radio, type RadioGroupProps } from 'antd';

/** A row of big choice buttons (one tap each, ≥ 44 px; styled by .choice-buttons). */
export function ChoiceButtons(props: Omit<RadioGroupProps, 'optionType' | 'buttonStyle' | 'className'>) {
  return <Radio.Group {...props} optionType="button" buttonStyle="solid" className="choice-buttons" />;
}
