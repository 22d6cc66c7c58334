import { useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import type { GateEntry } from '@campus/shared';
import type { Keyed } from './api/gate-today';
import { newIdempotencyKey } from '@/lib/api-client';
import { applyApiError, clearFieldErrors, showFieldErrors, type FieldMessages, type Validation } from '@/lib/form-errors';

/** A gate form's input checked with its shared schema, and messages of checks the schema cannot make (a question left unanswered). */
export type GateCheck<I> = { checked: Validation<I>; fields?: FieldMessages };

/**
 * A gate check form's two states: filling in, then the server's decision
 * (shown as the big DecisionPanel) until the guard taps "next person". A
 * submit is ignored while one is out; messages go under their fields, anything
 * the form cannot place and the server's refusal to `error`; what was typed
 * stays on an error. `next` empties the form (and whatever else the form
 * keeps, `onNext`) for the next person. Each registration carries one
 * Idempotency-Key, so a re-tap after a lost answer registers them once.
 */
export function useGateRegistration<I>(form: FormInstance, register: UseMutationResult<GateEntry, Error, Keyed<I>>, options: { onNext?: () => void } = {}) {
  const [error, setError] = useState<string>();
  const [decided, setDecided] = useState<GateEntry>();
  // one key per registration: a re-tap of the same content after an error resends it; other content
  // (another person chosen, a name corrected) or the next person gets a new one
  const key = useRef<{ value: string; sent?: string }>({ value: newIdempotencyKey() });

  /** `check` runs once the previous messages are cleared: it reads the form and checks its input. */
  const submit = async (check: () => GateCheck<NoInfer<I>>) => {
    if (register.isPending) return;
    setError(undefined);
    clearFieldErrors(form);
    const { checked, fields: extra = {} } = check();
    const fields = { ...(checked.ok ? {} : checked.fields), ...extra };
    if (!checked.ok || Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setError(rest.join(' '));
      return;
    }
    try {
      const sent = JSON.stringify(checked.data);
      if (key.current.sent !== undefined && key.current.sent !== sent) key.current = { value: newIdempotencyKey() };
      key.current.sent = sent;
      setDecided(await register.mutateAsync({ input: checked.data, key: key.current.value }));
    } catch (caught) {
      setError(applyApiError(form, caught));
    }
  };

  const next = () => {
    form.resetFields();
    key.current = { value: newIdempotencyKey() };
    options.onNext?.();
    setDecided(undefined);
  };

  return { decided, error, pending: register.isPending, submit, next };
}
