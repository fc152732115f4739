/**
 * Browser end-to-end support: builds the game once, serves it with Vite's preview server on a free
 * loopback port, and drives Debian's chromium through playwright-core (no browser download).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const SHOTS = join(process.cwd(), 'test-results', 'screens');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

let server: PreviewServer | null = null;
let built = false;

/** Test files build into their own folders, so they can run side by side. */
export const OUT = 'test-results/dist-client';

export const buildTo = async (outDir: string): Promise<void> => {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
};

export const serve = async (): Promise<string> => {
  if (!built) {
    await buildTo(OUT);
    built = true;
  }
  server ??= await preview({
    logLevel: 'warn',
    build: { outDir: OUT },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server has no address');
  return url;
};

export const stopServer = async (): Promise<void> => {
  await server?.close();
  server = null;
};

export const browserContext = async (
  name: string,
  viewport = { width: 1280, height: 800 },
): Promise<BrowserContext> => {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launchPersistentContext(join('/tmp', `consensus-e2e-${name}-${process.pid}`), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
  });
};

export const shot = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

/** Presses Tab until the focused element matches the selector; proves it is reachable by keyboard. */
export const tabTo = async (page: Page, selector: string, max = 150): Promise<void> => {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
};

/** Runs axe-core on the page and returns serious and critical violations. */
export const axe = async (
  page: Page,
): Promise<{ id: string; impact: string; nodes: string[] }[]> => {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const source = (await import('node:fs')).readFileSync(
    require.resolve('axe-core/axe.min.js'),
    'utf8',
  );
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object,
        ) => Promise<{
          violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
};

/** The engine's (Phaser's) canvas; the hall's still layer is a separate canvas beneath it. */
export const STAGE_CANVAS = '#stage canvas:not(.hall-backdrop)';
export const BACKDROP = '#stage canvas.hall-backdrop';

/**
 * Is the Phaser canvas drawing something (not one flat colour)? Reads a screenshot's pixels, taken
 * with the hall's backdrop hidden, so that only what WebGL draws counts.
 */
export const canvasIsDrawn = async (page: Page): Promise<boolean> => {
  const backdrop = (v: string) =>
    page.evaluate((vis) => {
      for (const b of document.querySelectorAll<HTMLElement>('#stage canvas.hall-backdrop'))
        b.style.visibility = vis;
    }, v);
  // A canvas of no size cannot be read: say what it is instead of waiting on it.
  const box = await page.locator(STAGE_CANVAS).evaluate((c: HTMLCanvasElement) => {
    const r = c.getBoundingClientRect();
    const host = c.parentElement?.getBoundingClientRect();
    return { css: [r.width, r.height], px: [c.width, c.height], host: [host?.width, host?.height] };
  });
  if (box.css[0]! < 1 || box.css[1]! < 1)
    throw new Error(`the stage's canvas has no size: ${JSON.stringify(box)}`);
  await backdrop('hidden');
  const png = await page.locator(STAGE_CANVAS).screenshot();
  await backdrop('');
  return (await colours(page, { png: png.toString('base64') })) > 20;
};

/** Is the hall's still layer (the room, the table) drawn in its backdrop canvas? Reads its pixels. */
export const backdropIsDrawn = async (page: Page): Promise<boolean> =>
  (await colours(page, { canvas: BACKDROP })) > 20;

/**
 * Distinct colours on a coarse sample of a PNG (decoded in the page) or of a 2D canvas in the page
 * (0 if it is missing or hidden).
 */
const colours = (page: Page, from: { png?: string; canvas?: string }): Promise<number> =>
  page.evaluate(async ({ png, canvas }) => {
    let c: HTMLCanvasElement | null;
    if (png) {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      c.getContext('2d')!.drawImage(img, 0, 0);
    } else {
      c = document.querySelector<HTMLCanvasElement>(canvas!);
      if (!c || c.hidden) return 0;
    }
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 97)
      seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  }, from);

/**
 * Emoji and other pictographs in the page's text: neither the game's fonts nor many school
 * computers can draw them (a box instead of the crisis's pin, once).
 */
export const pictographsIn = (page: Page): Promise<string[]> =>
  page.evaluate(() => [
    ...new Set(document.body.innerText.match(/[\u{1F000}-\u{1FAFF}\u{2600}-\u{26FF}]/gu) ?? []),
  ]);

/**
 * What a screen reader hears on `page` from now on: each text the page's live region takes
 * (`#live`), in order. The returned list fills as the page announces.
 */
export const listenLive = async (page: Page): Promise<string[]> => {
  const heard: string[] = [];
  await page.exposeFunction('heard', (x: string) => heard.push(x));
  await page.evaluate(() => {
    const live = document.getElementById('live')!;
    new MutationObserver(() => {
      if (live.textContent)
        (window as unknown as { heard(x: string): void }).heard(live.textContent);
    }).observe(live, { childList: true, characterData: true, subtree: true });
  });
  return heard;
};
