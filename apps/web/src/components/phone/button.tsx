import type { ButtonHTMLAttributes, Ref } from 'react';
import { classNames } from './class-names';
import './phone.css';

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'default' | 'danger';
  /** The full width of its container. */
  block?: boolean;
  /** Waiting for the answer to a tap: disabled, a small spinner, aria-busy. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
};

/** A ≥ 44 px button in antd's look (type="button" unless told otherwise, so it never submits a form by accident). */
export function Button({ variant = 'default', block = false, busy = false, type = 'button', disabled, className, children, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      {...rest}
      className={classNames('phone-button', `phone-button-${variant}`, block && 'phone-button-block', className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <span className="phone-spinner phone-spinner-small" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
