/**
 * The built game as the session server sends it: compressed once at build time, sent in the best
 * encoding the browser accepts, and byte for byte the file the build wrote.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, precompress, staticFiles } from '../../src/server/static';

let dir: string;
let server: Server;
let port: number;
/** A chunk of JavaScript that compresses well, as real chunks do. */
const script = Array.from({ length: 400 }, (_, i) => `export const seat${i} = 'delegation ${i}';`)
  .join('\n')
  .concat('\n');
const page = `<!doctype html><html><head><title>Consensus</title></head><body>${'<p>x</p>'.repeat(200)}</body></html>`;
/** Already compressed bytes (a font, say): not worth compressing again. SHA-256 blocks in a chain. */
const noise = Buffer.concat(
  Array.from({ length: 128 }, (_, i) => createHash('sha256').update(`block ${i}`).digest()),
);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'consensus-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), script);
  writeFileSync(join(dir, 'assets', 'tiny-1.js'), 'export {};\n');
  writeFileSync(join(dir, 'assets', 'noise-2.json'), noise);
  writeFileSync(join(dir, 'assets', 'font-3.woff2'), script);
  await precompress(dir);
  server = createServer(staticFiles(dir));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

const get = (
  path: string,
  acceptEncoding?: string,
  method = 'GET',
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> =>
  new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', fail);
    req.end();
  });

describe('the built game over HTTP', () => {
  it('precompresses text files where it saves, and leaves small and incompressible files alone', () => {
    expect(existsSync(join(dir, 'assets', 'app-abc123.js.br'))).toBe(true);
    expect(existsSync(join(dir, 'assets', 'app-abc123.js.gz'))).toBe(true);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(dir, 'assets', 'tiny-1.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'noise-2.json.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'font-3.woff2.br'))).toBe(false);
  });

  it('sends brotli to a browser that accepts it, decoding to the very file, at a fraction of its size', async () => {
    const r = await get('/assets/app-abc123.js', 'gzip, deflate, br, zstd');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(r.body).toString()).toBe(script);
  });

  it('sends gzip where brotli is not accepted, and the file itself where nothing is', async () => {
    const gz = await get('/assets/app-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const refusesBr = await get('/assets/app-abc123.js', 'br;q=0, gzip;q=0.8');
    expect(refusesBr.headers['content-encoding']).toBe('gzip');
    for (const none of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const r = await get('/assets/app-abc123.js', none);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.toString()).toBe(script);
    }
  });

  it('caches hashed assets for good and checks the page every time', async () => {
    const asset = await get('/assets/app-abc123.js', 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await get('/', 'br');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(index.body).toString()).toBe(page);
  });

  it('answers an unknown path or one that climbs out of the build with the game’s page', async () => {
    for (const path of [
      '/?join=ABCD',
      '/session/xyz',
      '/../../etc/passwd',
      '/assets/..%2f..%2fsecret',
    ]) {
      const r = await get(path);
      expect(r.status).toBe(200);
      expect(r.body.toString()).toBe(page);
    }
  });

  it('answers an address with a broken %-escape with a plain 400, and keeps serving', async () => {
    const bad = await get('/assets/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toMatch(/not valid/);
    expect(bad.body.toString()).toMatch(/адрес недействителен/);
    const next = await get('/assets/app-abc123.js');
    expect(next.status).toBe(200);
    expect(next.body.toString()).toBe(script);
  });

  it('answers HEAD with the headers and no body', async () => {
    const r = await get('/assets/app-abc123.js', 'br', 'HEAD');
    expect(r.headers['content-encoding']).toBe('br');
    expect(Number(r.headers['content-length'])).toBe(
      readFileSync(join(dir, 'assets', 'app-abc123.js.br')).length,
    );
    expect(r.body.length).toBe(0);
  });

  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*')]).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*, br;q=0')]).toEqual(['gzip']);
    expect([...acceptedEncodings('GZIP;Q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings('')]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });

  it('says plainly when the game has not been built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'consensus-empty-'));
    const s = createServer(staticFiles(empty));
    await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
    const r = await fetch(`http://127.0.0.1:${(s.address() as { port: number }).port}/`);
    expect(r.status).toBe(503);
    const text = await r.text();
    expect(text).toMatch(/not built yet.*npm run build/);
    expect(text).toMatch(/Игра ещё не собрана/);
    await new Promise<void>((done) => s.close(() => done()));
    rmSync(empty, { recursive: true, force: true });
  });
});
