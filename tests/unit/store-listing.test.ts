// What the stores take: pictures of the right size without alpha, a short description within the Chrome Web Store's
// limit, the listing texts, and the README showing two of the generated screenshots.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Width, height and colour type (2 = RGB, 6 = RGBA) from a PNG's header. */
function pngHeader(file: string) {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] };
}

describe('the store listing', () => {
  it.each([
    ['store/screenshot-light-en.png', 1280, 800],
    ['store/screenshot-dark-de.png', 1280, 800],
    ['store/promo-small-440x280.png', 440, 280],
  ])('has %s at %i×%i, RGB without alpha', (file, width, height) => {
    expect(pngHeader(file)).toEqual({ width, height, colourType: 2 });
  });

  it('has a description and the privacy-practices answers, one justification per permission', () => {
    expect(readFileSync('store/description.md', 'utf8')).toMatch(/## Description/);
    const privacy = readFileSync('store/privacy-practices.md', 'utf8');
    for (const permission of ['storage', 'unlimitedStorage', 'alarms', 'scripting', 'sidePanel']) {
      expect(privacy).toContain(`| \`${permission}\``);
    }
    expect(privacy).toMatch(/\*\*Remote code\*\*: No/);
  });

  it('keeps the manifest description within the Chrome Web Store’s 132 characters', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    const description = /description:\s*'([^']+)'/.exec(config)?.[1];
    expect(description?.length).toBeGreaterThan(0);
    expect(description?.length).toBeLessThanOrEqual(132);
  });

  it('is shown in the README: two generated screenshots', () => {
    const shown = [...readFileSync('README.md', 'utf8').matchAll(/!\[[^\]]+\]\((store\/screenshot-[^)]+\.png)\)/g)];
    expect(shown.map((m) => m[1])).toEqual(['store/screenshot-light-en.png', 'store/screenshot-dark-de.png']);
    for (const [, file] of shown) expect(existsSync(String(file))).toBe(true);
  });
});
