import { useId, type ReactNode } from 'react';
import { classNames } from './class-names';
import { Icon } from './icons';
import './phone.css';

export interface ChoiceOption<T extends string> {
  value: T;
  label: ReactNode;
}

export interface ChoiceGroupProps<T extends string> {
  legend: ReactNode;
  value: T | undefined;
  options: readonly ChoiceOption<T>[];
  onChange: (value: T) => void;
  /** The radios' name (one group per name on the page). */
  name: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

function Legend({ children, required }: { children: ReactNode; required?: boolean }) {
  return (
    <legend className="phone-legend">
      {required ? (
        <span className="phone-required" aria-hidden="true">
          *
        </span>
      ) : null}
      {children}
    </legend>
  );
}

/**
 * One of a few answers, as a row of big toggles (wrapping). The inputs are
 * real radios covering their toggles: arrow keys, Space and screen readers
 * work as with any radio group, and a tap anywhere on a toggle is a tap on its radio.
 */
export function ChoiceGroup<T extends string>({ legend, value, options, onChange, name, error, required, disabled, className }: ChoiceGroupProps<T>) {
  const errorId = useId();
  return (
    // A fieldset may be a radiogroup: then aria-required and aria-invalid are allowed on it (they are not on a plain group).
    <fieldset
      role="radiogroup"
      className={classNames('phone-choices', className)}
      aria-required={required || undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      disabled={disabled}
    >
      <Legend required={required}>{legend}</Legend>
      <div className="phone-choice-row">
        {options.map((option) => (
          <label key={option.value} className="phone-choice">
            <input
              type="radio"
              className="phone-choice-input"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span className="phone-choice-box">{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="phone-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export interface CheckGroupProps<T extends string> {
  legend: ReactNode;
  values: readonly T[];
  options: readonly ChoiceOption<T>[];
  onChange: (values: T[]) => void;
  name: string;
  error?: string;
  disabled?: boolean;
  className?: string;
}

/** Any of a few answers, as big toggles with a tick (real checkboxes, as ChoiceGroup's radios). Values keep the options' order. */
export function CheckGroup<T extends string>({ legend, values, options, onChange, name, error, disabled, className }: CheckGroupProps<T>) {
  const errorId = useId();
  const toggle = (value: T, checked: boolean) => {
    const next = new Set(values);
    if (checked) next.add(value);
    else next.delete(value);
    onChange(options.map((option) => option.value).filter((candidate) => next.has(candidate)));
  };
  return (
    <fieldset className={classNames('phone-choices', className)} aria-describedby={error ? errorId : undefined} disabled={disabled}>
      <Legend>{legend}</Legend>
      <div className="phone-choice-row">
        {options.map((option) => (
          <label key={option.value} className="phone-choice">
            <input
              type="checkbox"
              className="phone-choice-input"
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span className="phone-choice-box">
              <span className="phone-check-mark">
                <Icon name="check" />
              </span>
              {option.label}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="phone-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export interface CheckboxProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The checkbox's words (its accessible name). */
  children: ReactNode;
  /** A muted line under it (its description). */
  hint?: ReactNode;
  name?: string;
  disabled?: boolean;
  className?: string;
}

/** One checkbox with its words, the whole line a ≥ 44 px tap target. */
export function Checkbox({ checked, onChange, children, hint, name, disabled, className }: CheckboxProps) {
  const hintId = useId();
  return (
    <div className={classNames('phone-checkbox-field', className)}>
      <label className="phone-checkbox">
        <input
          type="checkbox"
          className="phone-checkbox-input"
          name={name}
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{children}</span>
      </label>
      {hint ? (
        <p id={hintId} className="phone-field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
