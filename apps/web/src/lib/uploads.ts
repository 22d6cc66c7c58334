import { ApiError, PICTURE_RULES, PictureList, translate, type Picture, type UploadPurpose } from '@campus/shared';
import { currentLanguage, i18n } from '@/i18n';
import { ApiRequestError } from './api-client';

/**
 * Uploads one picture for a school's record (ADR 0021) and reports progress
 * (0–1). XMLHttpRequest rather than fetch: fetch cannot tell how much of the
 * body has gone. Errors are `ApiRequestError`s, as for every other call.
 */
export function uploadPicture(file: File, target: { purpose: UploadPurpose; schoolId: string }, onProgress: (share: number) => void, signal?: AbortSignal): Promise<Picture> {
  const language = currentLanguage();
  if (file.size > PICTURE_RULES.maxBytes) return Promise.reject(new ApiRequestError({ statusCode: 413, code: 'payload_too_large', message: translate('upload.too_large', language, { name: file.name }) }));
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ purpose: target.purpose, schoolId: target.schoolId });
    request.open('POST', `/api/uploads?${query.toString()}`);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', language);
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiRequestError({ statusCode: 0, code: 'network_error', message: i18n.t('errors.network') }));
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText) as unknown;
      } catch {
        body = undefined;
      }
      if (request.status === 201) {
        const parsed = PictureList.safeParse(body);
        if (parsed.success && parsed.data.items[0]) return resolve(parsed.data.items[0]);
        return reject(new ApiRequestError({ statusCode: request.status, code: 'bad_response', message: i18n.t('errors.badResponse') }));
      }
      const error = ApiError.safeParse(body);
      reject(new ApiRequestError(error.success ? error.data : { statusCode: request.status, code: request.status >= 500 ? 'internal_error' : 'bad_request', message: translate(request.status >= 500 ? 'internal_error' : 'bad_request', language) }));
    };
    signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
