/**
 * The flags shipped with the game (flag-icons, MIT), and their early loading: the stage starts
 * decoding them while Phaser's own module loads and starts, so the hall does not wait for them
 * afterwards. A flag that cannot be loaded is left out; the hall then draws a plain plate with the
 * country's code.
 */
import afUrl from 'flag-icons/flags/4x3/af.svg?url';
import amUrl from 'flag-icons/flags/4x3/am.svg?url';
import azUrl from 'flag-icons/flags/4x3/az.svg?url';
import byUrl from 'flag-icons/flags/4x3/by.svg?url';
import kgUrl from 'flag-icons/flags/4x3/kg.svg?url';
import kzUrl from 'flag-icons/flags/4x3/kz.svg?url';
import ruUrl from 'flag-icons/flags/4x3/ru.svg?url';
import tjUrl from 'flag-icons/flags/4x3/tj.svg?url';
import uzUrl from 'flag-icons/flags/4x3/uz.svg?url';

export const FLAG_URLS: Readonly<Record<string, string>> = {
  af: afUrl,
  am: amUrl,
  az: azUrl,
  by: byUrl,
  kg: kgUrl,
  kz: kzUrl,
  ru: ruUrl,
  tj: tjUrl,
  uz: uzUrl,
};

/** The size the flags are drawn at in their textures (4:3). */
export const FLAG_W = 96;
export const FLAG_H = 72;

export const flagKey = (id: string): string => `flag-${id}`;

/** One flag drawn at FLAG_W × FLAG_H, or null if it could not be loaded or drawn. */
const drawFlag = async (url: string): Promise<HTMLCanvasElement | null> => {
  try {
    const img = new Image(FLAG_W, FLAG_H);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = FLAG_W;
    canvas.height = FLAG_H;
    const g = canvas.getContext('2d');
    if (!g) return null;
    g.drawImage(img, 0, 0, FLAG_W, FLAG_H);
    return canvas;
  } catch {
    return null;
  }
};

let loading: Promise<ReadonlyMap<string, HTMLCanvasElement>> | null = null;

/** Every flag that loaded, by id. Started once per page; later calls share the same promise. */
export const loadFlags = (): Promise<ReadonlyMap<string, HTMLCanvasElement>> =>
  (loading ??= Promise.all(
    Object.entries(FLAG_URLS).map(async ([id, url]) => [id, await drawFlag(url)] as const),
  ).then((all) => {
    const out = new Map<string, HTMLCanvasElement>();
    for (const [id, canvas] of all) if (canvas) out.set(id, canvas);
    return out;
  }));
