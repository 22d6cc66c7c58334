/**
 * Draws the installable app's PNG icons from public/favicon.svg with Debian's
 * Chromium (no image tools needed): run `node --import tsx apps/web/scripts/make-icons.ts`
 * after changing the SVG, and commit the PNGs.
 *   icon-192.png, icon-512.png   the shield on transparent ground ("any")
 *   icon-maskable-512.png        the shield inside the 80 % safe zone on white, for launchers that crop to a circle or squircle
 *   apple-touch-icon.png         180 px on white (iOS fills transparency with black)
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const publicDir = path.resolve(import.meta.dirname, '../public');
const svg = fs.readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');

const icons = [
  { file: 'icon-192.png', size: 192, scale: 1, background: 'transparent' },
  { file: 'icon-512.png', size: 512, scale: 1, background: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.62, background: '#ffffff' },
  { file: 'apple-touch-icon.png', size: 180, scale: 0.84, background: '#ffffff' },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    const inner = Math.round(icon.size * icon.scale);
    await page.setContent(
      `<html><body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${icon.background}">` +
        `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
    );
    await page.screenshot({ path: path.join(publicDir, icon.file), omitBackground: icon.background === 'transparent' });
    await page.close();
    console.log(`wrote public/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
