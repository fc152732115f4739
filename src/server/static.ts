/**
 * The built game's files, as the session server sends them: each text file compressed once at
 * build time (brotli and gzip, beside the file: `app-….js.br`, `app-….js.gz`, written by
 * `precompress` below from the Vite build) and sent in the best encoding the browser accepts.
 * A class of 30 on school Wi-Fi then downloads the game's 2.4 MB of JavaScript as about 0.6 MB each,
 * and the server spends no CPU compressing while they all load at once.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Encodings written beside the files, best first, with their file suffix. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Files worth compressing: text (fonts are compressed already; sound barely compresses). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

/**
 * The encodings `header` (an Accept-Encoding value) accepts, by the quality it gives them
 * ("br;q=0" refuses brotli; "*" stands for any not named).
 */
export const acceptedEncodings = (header: string | undefined): Set<string> => {
  const named = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    named.set(token, Number.isFinite(quality) ? quality : 0);
  }
  const out = new Set<string>();
  for (const { name } of ENCODINGS) {
    const q = named.get(name) ?? named.get('*') ?? 0;
    if (q > 0) out.add(name);
  }
  return out;
};

/**
 * A request handler for the files of `distDir`; an unknown path gets the game's page (it reads
 * `?join=` and the like itself), an address that cannot be decoded a plain 400. Asset file names
 * carry a content hash, so they may be cached for good; the page is checked again every time.
 * `pathname` is the request's, when the caller has parsed its URL already.
 */
export const staticFiles = (distDir: string) => {
  const dist = resolve(distDir);
  const assets = join(dist, 'assets') + sep;
  return (req: IncomingMessage, res: ServerResponse, pathname?: string): void => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(
        pathname ?? new URL(req.url ?? '/', 'http://localhost').pathname,
      );
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        'This address is not valid (a broken %-escape). Check the link, or open the start page.\n' +
          'Этот адрес недействителен (испорченный %-код). Проверьте ссылку или откройте главную страницу.\n',
      );
      return;
    }
    let path = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
    if (path === '/' || path === '\\') path = '/index.html';
    let file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile())
      file = join(dist, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        'The game is not built yet: run "npm run build" (npm start does it for you).\n' +
          'Игра ещё не собрана: выполните "npm run build" (npm start делает это сам).\n',
      );
      return;
    }
    const headers: Record<string, string | number> = {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    let body = file;
    if (COMPRESSIBLE.has(extname(file))) {
      headers.vary = 'Accept-Encoding';
      const accepted = acceptedEncodings(req.headers['accept-encoding']);
      const enc = ENCODINGS.find((e) => accepted.has(e.name) && existsSync(file + e.suffix));
      if (enc) {
        headers['content-encoding'] = enc.name;
        body = file + enc.suffix;
      }
    }
    headers['content-length'] = statSync(body).size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(body).pipe(res);
  };
};

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `name.br` and `name.gz` beside every compressible file of `dir` of at least 1 KB, each
 * only where it saves at least a tenth (a browser that accepts neither gets the file itself).
 * Brotli at quality 10: within 2% of the smallest, at a third of quality 11's time.
 */
export const precompress = async (dir: string): Promise<void> => {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    COMPRESSIBLE.has(extname(f)),
  );
  await Promise.all(
    files.map(async (file) => {
      const path = join(dir, file);
      const raw = await readFile(path);
      if (raw.length < 1024) return;
      const [b, g] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 10,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gz(raw, { level: 9 }),
      ]);
      if (b.length <= raw.length * 0.9) await writeFile(`${path}.br`, b);
      if (g.length <= raw.length * 0.9) await writeFile(`${path}.gz`, g);
    }),
  );
};
