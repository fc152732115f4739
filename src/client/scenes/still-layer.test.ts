import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CMD,
  layerReplayable,
  paintLayer,
  replayable,
  replayShape,
  type Paint,
} from './still-layer';

/** A 2D context that records what is drawn (and the fill and stroke styles at the time). */
const recorder = () => {
  const calls: string[] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(
        `${name}(${args.map((a) => (typeof a === 'number' ? +a.toFixed(2) : String(a))).join(',')})`,
      );
    };
  const g = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    globalAlpha: 1,
    setTransform: rec('setTransform'),
    clearRect: rec('clearRect'),
    beginPath: rec('beginPath'),
    moveTo: rec('moveTo'),
    lineTo: rec('lineTo'),
    closePath: rec('closePath'),
    fill: () => calls.push(`fill ${String(g.fillStyle)}`),
    stroke: () => calls.push(`stroke ${String(g.strokeStyle)} ${g.lineWidth}`),
    fillRect: (...a: number[]) => calls.push(`fillRect(${a.join(',')}) ${String(g.fillStyle)}`),
    drawImage: (src: unknown, ...a: number[]) =>
      calls.push(`drawImage(${String(src)},${a.join(',')}) alpha ${g.globalAlpha}`),
    createLinearGradient: (...a: number[]) => {
      const stops: string[] = [];
      const grad = {
        addColorStop: (at: number, c: string) => stops.push(`${at}:${c}`),
        toString: () => `gradient(${a.join(',')}; ${stops.join(' ')})`,
      };
      return grad as unknown as CanvasGradient;
    },
  };
  return { g: g as unknown as Paint, calls };
};

const ID: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0];

describe("the still layer's replay on a 2D canvas", () => {
  it("uses Phaser's own command codes", () => {
    const require = createRequire(import.meta.url);
    // Phaser's package exports only its bundles: its sources are read from beside them.
    const root = require.resolve('phaser').replace(/[\\/]dist[\\/][^\\/]+$/, '');
    const phaser = require(join(root, 'src', 'gameobjects', 'graphics', 'Commands.js')) as Record<
      string,
      number
    >;
    for (const [name, code] of Object.entries(CMD)) expect(phaser[name], name).toBe(code);
  });

  it('fills each sub-path on its own, as WebGL does, in the colour and alpha given', () => {
    const { g, calls } = recorder();
    replayShape(
      g,
      [
        CMD.FILL_STYLE,
        0x336699,
        0.5,
        CMD.BEGIN_PATH,
        CMD.MOVE_TO,
        0,
        0,
        CMD.LINE_TO,
        10,
        0,
        CMD.LINE_TO,
        10,
        10,
        CMD.MOVE_TO,
        20,
        20,
        CMD.LINE_TO,
        30,
        20,
        CMD.LINE_TO,
        30,
        30,
        CMD.FILL_PATH,
      ],
      ID,
      0.8,
    );
    expect(calls.filter((c) => c.startsWith('fill '))).toEqual([
      'fill rgba(51,102,153,0.4)',
      'fill rgba(51,102,153,0.4)',
    ]);
    expect(calls.filter((c) => c.startsWith('moveTo'))).toEqual(['moveTo(0,0)', 'moveTo(20,20)']);
  });

  it('draws the background gradient from top to bottom, and refuses what it cannot draw', () => {
    const { g, calls } = recorder();
    const bg = [
      CMD.GRADIENT_FILL_STYLE,
      1,
      1,
      1,
      1,
      0x102030,
      0x102030,
      0x405060,
      0x405060,
      CMD.FILL_RECT,
      0,
      0,
      100,
      50,
    ];
    expect(replayable(bg)).toBe(true);
    replayShape(g, bg, ID, 1);
    expect(calls).toContain(
      'fillRect(0,0,100,50) gradient(0,0,0,50; 0:rgba(16,32,48,1) 1:rgba(64,80,96,1))',
    );
    // A gradient from left to right, one under a path, a gradient line, an unknown command.
    expect(
      replayable([CMD.GRADIENT_FILL_STYLE, 1, 1, 1, 1, 0x102030, 0x405060, 0x102030, 0x405060]),
    ).toBe(false);
    expect(replayable([...bg.slice(0, 9), CMD.BEGIN_PATH, CMD.MOVE_TO, 0, 0, CMD.FILL_PATH])).toBe(
      false,
    );
    expect(replayable([CMD.GRADIENT_LINE_STYLE, 1, 1, 0, 0, 0, 0])).toBe(false);
    expect(replayable([99])).toBe(false);
    expect(layerReplayable([{ kind: 'shape', commands: [99], matrix: ID, alpha: 1 }])).toBe(false);
    expect(layerReplayable(null)).toBe(false);
  });

  it('puts a one-pixel rule on one row of pixels, as WebGL does, not smeared over two', () => {
    const { g, calls } = recorder();
    replayShape(
      g,
      [
        CMD.LINE_STYLE,
        1,
        0xffffff,
        1,
        CMD.BEGIN_PATH,
        CMD.MOVE_TO,
        30,
        740,
        CMD.LINE_TO,
        470,
        740,
        CMD.STROKE_PATH,
      ],
      ID,
      1,
    );
    expect(calls).toContain('moveTo(30.5,740.5)');
    expect(calls).toContain('lineTo(470.5,740.5)');
    expect(calls).toContain('stroke rgba(255,255,255,1) 1');
  });

  it('applies a translation when the shape is filled, and undoes it on restore', () => {
    const { g, calls } = recorder();
    replayShape(
      g,
      [
        CMD.SAVE,
        CMD.TRANSLATE,
        5,
        7,
        CMD.FILL_RECT,
        0,
        0,
        1,
        1,
        CMD.RESTORE,
        CMD.FILL_RECT,
        0,
        0,
        1,
        1,
      ],
      [1, 0, 0, 1, 100, 0],
      1,
    );
    expect(calls.filter((c) => c.startsWith('setTransform'))).toEqual([
      'setTransform(1,0,0,1,105,7)',
      'setTransform(1,0,0,1,100,0)',
    ]);
  });

  it('clears the canvas, then draws shapes and images in order, each image with its alpha', () => {
    const { g, calls } = recorder();
    paintLayer(g, 200, 100, [
      {
        kind: 'shape',
        commands: [CMD.FILL_STYLE, 0, 1, CMD.FILL_RECT, 0, 0, 200, 100],
        matrix: ID,
        alpha: 1,
      },
      {
        kind: 'image',
        source: 'flag' as unknown as CanvasImageSource,
        from: [0, 0, 96, 72],
        to: [10, 20, 40, 30],
        alpha: 0.5,
      },
    ]);
    expect(calls[1]).toBe('clearRect(0,0,200,100)');
    const rect = calls.findIndex((c) => c.startsWith('fillRect'));
    const image = calls.indexOf('drawImage(flag,0,0,96,72,10,20,40,30) alpha 0.5');
    expect(rect).toBeGreaterThan(1);
    expect(image).toBeGreaterThan(rect);
  });
});
