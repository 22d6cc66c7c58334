// Writes phone-like photos for bench:campus in a process of their own, so that
// making them (12 MP of pixels each, through libvips) leaves nothing in the
// memory of the process whose growth the bench measures.
// node phone-photos.mjs <dir> <count>: <dir>/IMG_1.jpg … IMG_<count>.jpg
import path from 'node:path';
import sharp from 'sharp';

const [dir, count] = process.argv.slice(2);
for (let index = 1; index <= Number(count); index += 1) {
  // 4032 × 3024 (12 MP) as a phone takes it; noise, so it does not compress to
  // nothing, of a strength that makes the JPEG ~3 MB.
  await sharp({ create: { width: 4032, height: 3024, channels: 3, background: '#7aa0c8', noise: { type: 'gaussian', mean: 120, sigma: 13 } } })
    .jpeg({ quality: 85 })
    .toFile(path.join(dir, `IMG_${index}.jpg`));
}
