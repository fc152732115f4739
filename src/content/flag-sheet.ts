/**
 * The delegations' flags (flag-icons, MIT) in one SVG sheet, side by side at the size the hall
 * draws them from. A browser decodes each SVG image as a document of its own, about 5 ms of the
 * page's main thread each even for three stripes (measured on the bench machine: nine flags
 * 55–66 ms, the same nine as one sheet 17–22 ms). The hall's flags are decoded on the way to its
 * first frame, so the sheet is decoded once and cut into one canvas a flag (src/client/flags.ts).
 *
 * Pure: the plugin (`flag-sheet-plugin.ts`) reads the files.
 */

/** The flags in the sheet, left to right: every state or actor the scenarios seat. */
export const FLAG_IDS = ['af', 'am', 'az', 'by', 'kg', 'kz', 'ru', 'tj', 'uz'] as const;

/** The size of one flag in the sheet, and in the hall's textures (4:3). */
export const FLAG_W = 96;
export const FLAG_H = 72;

/**
 * One SVG of `flags` (id → the flag's own SVG text) in a row, flag i at x = i × FLAG_W. Each
 * flag stays an `<svg>` with its own viewBox; flag-icons already prefixes the ids inside a flag
 * with its country code, and a repeated id is refused, since one flag would then paint another's.
 */
export const flagSheet = (flags: readonly (readonly [id: string, svg: string])[]): string => {
  const seen = new Set<string>();
  const parts = flags.map(([id, svg], i) => {
    const open = svg.indexOf('<svg');
    if (open < 0) throw new Error(`flag ${id}: no <svg> element in its file`);
    for (const m of svg.slice(open + 4).matchAll(/\sid="([^"]+)"/g)) {
      const name = m[1]!;
      if (seen.has(name)) throw new Error(`flag ${id}: the id "${name}" is used by another flag`);
      seen.add(name);
    }
    return svg
      .slice(open)
      .replace('<svg', `<svg x="${i * FLAG_W}" y="0" width="${FLAG_W}" height="${FLAG_H}"`);
  });
  const w = flags.length * FLAG_W;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"` +
    ` width="${w}" height="${FLAG_H}" viewBox="0 0 ${w} ${FLAG_H}">\n${parts.join('\n')}\n</svg>\n`
  );
};
