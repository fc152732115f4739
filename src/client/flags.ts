/**
 * The flags shipped with the game (flag-icons, MIT), and their early loading: the stage starts
 * decoding them while Phaser's own module loads and starts, so the hall does not wait for them
 * afterwards. They come as one sheet (src/content/flag-sheet.ts), decoded once and cut into a
 * canvas a flag. Flags that cannot be loaded are left out; the hall then draws a plain plate with
 * the country's code.
 */
import sheetUrl from 'virtual:flag-sheet';
import { FLAG_H, FLAG_IDS, FLAG_W } from '../content/flag-sheet';

/** The flags in the sheet, by id (the stage reports which of them it holds). */
export { FLAG_IDS };

export const flagKey = (id: string): string => `flag-${id}`;

/** Every flag of the sheet as a canvas of FLAG_W × FLAG_H; none if it could not be loaded. */
const drawFlags = async (): Promise<ReadonlyMap<string, HTMLCanvasElement>> => {
  const out = new Map<string, HTMLCanvasElement>();
  try {
    const img = new Image(FLAG_W * FLAG_IDS.length, FLAG_H);
    img.src = sheetUrl;
    await img.decode();
    FLAG_IDS.forEach((id, i) => {
      const canvas = document.createElement('canvas');
      canvas.width = FLAG_W;
      canvas.height = FLAG_H;
      const g = canvas.getContext('2d');
      if (!g) return;
      g.drawImage(img, i * FLAG_W, 0, FLAG_W, FLAG_H, 0, 0, FLAG_W, FLAG_H);
      out.set(id, canvas);
    });
  } catch {
    // Left out: the hall draws each seat's code instead.
  }
  return out;
};

let loading: Promise<ReadonlyMap<string, HTMLCanvasElement>> | null = null;

/** Every flag that loaded, by id. Started once per page; later calls share the same promise. */
export const loadFlags = (): Promise<ReadonlyMap<string, HTMLCanvasElement>> =>
  (loading ??= drawFlags());
