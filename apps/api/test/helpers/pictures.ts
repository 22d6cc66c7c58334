import sharp from 'sharp';
import type { Client } from './http.js';

/**
 * A real photo-like JPEG (noise, so it does not compress to nothing), with
 * EXIF that names a camera and a GPS position, as a phone writes it.
 */
export async function samplePhoto(options: { width?: number; height?: number; format?: 'jpeg' | 'png' | 'webp' } = {}): Promise<Buffer> {
  const width = options.width ?? 1200;
  const height = options.height ?? 900;
  const image = sharp({ create: { width, height, channels: 3, background: '#7aa0c8', noise: { type: 'gaussian', mean: 120, sigma: 40 } } }).withExif({
    IFD0: { Make: 'PhoneMaker', Model: 'Cheap Phone 3', Copyright: 'secret-location-test' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 33/1 0/1' },
  });
  if (options.format === 'png') return image.png().toBuffer();
  if (options.format === 'webp') return image.webp().toBuffer();
  return image.jpeg({ quality: 90 }).toBuffer();
}

export interface FormFile {
  name: string;
  content: Buffer;
  type?: string;
}

/** A multipart/form-data body of "file" parts, as a browser sends it. */
export function pictureForm(files: FormFile[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----campus${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`));
    chunks.push(file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads pictures for a school's record through the real route. */
export function uploadPictures(client: Client, schoolId: string, files: FormFile[], purpose = 'duty_report') {
  const form = pictureForm(files);
  return client.request('POST', `/api/uploads?purpose=${purpose}&schoolId=${schoolId}`, form.body, form.headers);
}

/** Uploads one sample photo and answers its id (throws when the upload is refused). */
export async function uploadedPictureId(client: Client, schoolId: string): Promise<string> {
  const response = await uploadPictures(client, schoolId, [{ name: 'duty.jpg', content: await samplePhoto({ width: 400, height: 300 }) }]);
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json<{ items: { id: string }[] }>().items[0]!.id;
}
