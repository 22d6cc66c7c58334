import { useId, type HTMLAttributes, type ReactNode } from 'react';
import { classNames } from './class-names';
import './phone.css';

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field (role="alert"), the field marked aria-invalid and described by it. */
  error?: string;
  /** A textarea instead of a one-line input. */
  multiline?: boolean;
  rows?: number;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
  /** A star before the label and aria-required; the browser's own validation stays out of it (the shared schema says what is wrong). */
  required?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  name: string;
  /** A muted line under the field (its description). */
  hint?: ReactNode;
  type?: 'text' | 'password' | 'tel' | 'email' | 'search' | 'number';
  autoComplete?: string;
  disabled?: boolean;
  onBlur?: () => void;
  className?: string;
}

/** A labelled text input (or textarea): label above, hint and error under it. */
export function TextField({
  label,
  value,
  onChange,
  error,
  multiline = false,
  rows = 3,
  inputMode,
  maxLength,
  required,
  placeholder,
  autoFocus,
  name,
  hint,
  type = 'text',
  autoComplete,
  disabled,
  onBlur,
  className,
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    name,
    value,
    maxLength,
    placeholder,
    autoFocus,
    disabled,
    onBlur,
    className: 'phone-input',
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={classNames('phone-field', className)}>
      <label htmlFor={id} className="phone-label">
        {required ? (
          <span className="phone-required" aria-hidden="true">
            *
          </span>
        ) : null}
        {label}
      </label>
      {multiline ? (
        <textarea {...shared} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...shared} type={type} inputMode={inputMode} autoComplete={autoComplete} onChange={(event) => onChange(event.target.value)} />
      )}
      {hint ? (
        <p id={hintId} className="phone-field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="phone-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
