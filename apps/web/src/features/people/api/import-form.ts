import type { ImportMapping } from '@campus/shared';

/** What the user picked: the file stays in component state between check and commit, never in storage. */
export interface ImportRequest {
  file: File;
  schoolId: string;
  /** The user's header mapping; absent = the server matches headers by name. */
  mapping?: ImportMapping;
}

/** The multipart body; the browser sets the content type with its boundary. */
export function importFormData({ file, schoolId, mapping }: ImportRequest, checksum?: string): FormData {
  const form = new FormData();
  form.append('schoolId', schoolId);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  if (checksum) form.append('checksum', checksum);
  form.append('file', file, file.name);
  return form;
}

export const IMPORT_TEMPLATE_URL = '/api/people/import-template';
