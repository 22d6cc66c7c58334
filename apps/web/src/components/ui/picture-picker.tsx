import { useEffect, useRef, useState } from 'react';
import { Button, Image, Progress } from 'antd';
import { CameraOutlined, CloseOutlined, PictureOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PICTURE_RULES, type Picture, type UploadPurpose } from '@campus/shared';
import { isApiRequestError } from '@/lib/api-client';
import { uploadPicture } from '@/lib/uploads';
import './picture-picker.css';

interface Item {
  key: string;
  name: string;
  file?: File;
  state: 'uploading' | 'done' | 'failed';
  progress: number;
  picture?: Picture;
  error?: string;
  /** worth sending again (the network, the server), not a file the server refused */
  retryable?: boolean;
}

interface PicturePickerProps {
  purpose: UploadPurpose;
  schoolId: string;
  /** Pictures the record already has (a correction). */
  initial?: Picture[];
  /** The uploaded pictures, in order, whenever they change. */
  onChange: (pictures: Picture[]) => void;
  /** True while a picture is still on its way (the form waits). */
  onBusyChange?: (busy: boolean) => void;
  /** The id of the element that labels the picker. */
  labelledBy: string;
  /** The rule line above the pictures (default: 1–6 pictures, for records that need one). */
  help?: string;
}

let counter = 0;

/**
 * The one way to add pictures to a record (ADR 0021): take a photo or choose
 * from the album; each picture uploads as soon as it is chosen, with its own
 * progress bar, and shows as a thumbnail that opens full size. A failed picture
 * says why and can be retried or removed; nothing typed elsewhere is touched.
 */
export function PicturePicker({ purpose, schoolId, initial = [], onChange, onBusyChange, labelledBy, help }: PicturePickerProps) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Item[]>(() => initial.map((picture) => ({ key: picture.id, name: picture.id, state: 'done', progress: 1, picture })));
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const aborts = useRef(new Map<string, AbortController>());

  useEffect(() => {
    onChange(items.flatMap((item) => (item.state === 'done' && item.picture ? [item.picture] : [])));
    onBusyChange?.(items.some((item) => item.state === 'uploading'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report changes of the list only
  }, [items]);

  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((controller) => controller.abort());
  }, []);

  const update = (key: string, change: Partial<Item>) => setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const send = (key: string, file: File) => {
    const controller = new AbortController();
    aborts.current.set(key, controller);
    update(key, { state: 'uploading', progress: 0, error: undefined });
    uploadPicture(file, { purpose, schoolId }, (progress) => update(key, { progress }), controller.signal)
      .then((picture) => update(key, { state: 'done', progress: 1, picture }))
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        const retryable = !isApiRequestError(error) || error.statusCode === 0 || error.statusCode >= 500;
        update(key, { state: 'failed', error: error instanceof Error ? error.message : String(error), retryable });
      })
      .finally(() => aborts.current.delete(key));
  };

  const add = (files: FileList | null) => {
    if (!files) return;
    const room = PICTURE_RULES.maxFiles - items.length;
    const chosen = Array.from(files).slice(0, Math.max(0, room));
    const added = chosen.map((file) => ({ key: `new-${(counter += 1)}`, name: file.name, file, state: 'uploading' as const, progress: 0 }));
    setItems((current) => [...current, ...added]);
    added.forEach((item) => send(item.key, item.file));
  };

  const remove = (key: string) => {
    aborts.current.get(key)?.abort();
    setItems((current) => current.filter((item) => item.key !== key));
  };

  const full = items.length >= PICTURE_RULES.maxFiles;
  const done = items.filter((item) => item.state === 'done').length;

  return (
    <div className="picture-picker" role="group" aria-labelledby={labelledBy}>
      <p className="picture-help">{help ?? t('pictures.help')}</p>
      <Image.PreviewGroup>
        <ul className="picture-list">
          {items.map((item, index) => (
            <li key={item.key} className={`picture-item picture-${item.state}`}>
              {item.state === 'done' && item.picture ? (
                <Image src={item.picture.thumbUrl} preview={{ src: item.picture.url }} alt={t('pictures.pictureN', { index: index + 1 })} width={96} height={96} className="picture-thumb" />
              ) : item.state === 'uploading' ? (
                <div className="picture-placeholder" role="status">
                  <span className="visually-hidden">{t('pictures.uploading', { name: item.name })}</span>
                  <Progress type="circle" size={56} percent={Math.round(item.progress * 100)} aria-hidden />
                </div>
              ) : (
                <div className="picture-placeholder picture-error">
                  <span className="picture-error-text">{t('pictures.failedShort')}</span>
                  {item.file && item.retryable ? (
                    <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={() => send(item.key, item.file!)}>
                      {t('pictures.retry')}
                    </Button>
                  ) : null}
                </div>
              )}
              <Button className="picture-remove" size="small" shape="circle" icon={<CloseOutlined aria-hidden />} aria-label={t('pictures.removeN', { index: index + 1 })} onClick={() => remove(item.key)} />
            </li>
          ))}
        </ul>
      </Image.PreviewGroup>
      {items.some((item) => item.state === 'failed') ? (
        <ul className="picture-errors" role="alert">
          {items.map((item, index) => (item.state === 'failed' ? <li key={item.key}>{`${t('pictures.pictureN', { index: index + 1 })}：${item.error ?? t('pictures.failed', { name: item.name })}`}</li> : null))}
        </ul>
      ) : null}
      <div className="picture-actions">
        <Button icon={<CameraOutlined aria-hidden />} disabled={full} onClick={() => camera.current?.click()}>
          {t('pictures.takePhoto')}
        </Button>
        <Button icon={<PictureOutlined aria-hidden />} disabled={full} onClick={() => album.current?.click()}>
          {t('pictures.choose')}
        </Button>
        <span className="picture-count" aria-live="polite">
          {full ? t('pictures.full') : done ? t('pictures.count', { count: done }) : null}
        </span>
      </div>
      {/* Hidden inputs: the buttons above are what people see and tab to; a phone offers its camera for the first. */}
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        data-testid="picture-camera"
        onChange={(event) => {
          add(event.target.files);
          event.target.value = '';
        }}
      />
      <input
        ref={album}
        type="file"
        accept={PICTURE_RULES.accept}
        multiple
        style={{ display: 'none' }}
        data-testid="picture-album"
        onChange={(event) => {
          add(event.target.files);
          event.target.value = '';
        }}
      />
    </div>
  );
}
