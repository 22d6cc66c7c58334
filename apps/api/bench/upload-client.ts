// The phone's side of bench:campus's upload figure, in a process of its own, so that the request body and
// fetch's buffers are not counted in the server's RSS growth: reads <dir>/IMG_1.jpg … IMG_<count>.jpg, posts
// them as one multipart request <runs> times in a row, and tells the parent each request's time (IPC).
// node --import tsx upload-client.ts <url> <cookie> <dir> <count> <runs>
import fs from 'node:fs';
import path from 'node:path';
import { pictureForm } from '../test/helpers/pictures.js';

const [url, cookie, dir, count, runs] = process.argv.slice(2) as [string, string, string, string, string];
const send = (message: unknown) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
const form = pictureForm(Array.from({ length: Number(count) }, (_, index) => ({ name: `IMG_${index + 1}.jpg`, content: fs.readFileSync(path.join(dir, `IMG_${index + 1}.jpg`)) })));
try {
  for (let run = 0; run < Number(runs); run += 1) {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { cookie, ...form.headers }, body: form.body });
    const answer = (await response.json()) as { items?: { id: string }[] };
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(answer)}`);
    await send({ ms: performance.now() - started, ids: answer.items!.map((item) => item.id) });
  }
} catch (error) {
  await send({ error: String(error) });
}
process.disconnect();
