import type { z } from 'zod';
import { translate, type Language } from './messages.js';

/**
 * Turns zod issues into `{ field: message }` in the user's language. Schemas
 * name their own keys (`{ error: 'field.username' }`); other issues get a
 * generic message by zod's issue code. Used by the API's error handler and by
 * the web forms, so both say the same thing.
 */
export function issuesToFields(issues: readonly z.core.$ZodIssue[], language: Language): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key].join('.')) : [issue.path.join('.') || '_'];
    const message = issueMessage(issue, language);
    for (const path of paths) fields[path] ??= message;
  }
  return fields;
}

function issueMessage(issue: z.core.$ZodIssue, language: Language): string {
  if (issue.message?.startsWith('field.')) return translate(issue.message, language);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? translate('field.required', language) : translate('field.too_short', language, { min: Number(issue.minimum) });
      }
      return translate('field.too_small', language, { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? translate('field.too_long', language, { max: Number(issue.maximum) })
        : translate('field.too_big', language, { max: Number(issue.maximum) });
    case 'invalid_type':
      return issue.input === undefined ? translate('field.required', language) : translate('field.invalid_type', language);
    case 'invalid_value':
      return translate('field.invalid_value', language);
    case 'unrecognized_keys':
      return translate('field.unknown_field', language);
    default:
      return translate('field.invalid_type', language);
  }
}
