/**
 * Creates the Phaser game with the hall (this module pulls in Phaser). The map scene, with its
 * Natural Earth outlines, loads when the game asks to prepare it (Stage.prepareMap: drawn out of
 * sight while the player reads the hall) or when the map is first opened.
 */
import Phaser from 'phaser';
import { FLAG_IDS, flagKey } from '../flags';
import { whenIdle, type Stage } from '../stage';
import { HallScene } from './hall-scene';
import type { MapScene } from './map-scene';
import type { MapModel } from './types';

/**
 * The attributes Phaser asks for when it makes its own WebGL context, for a transparent game
 * without multisampling (WebGLRenderer's context creation with this game's config).
 */
const CONTEXT: WebGLContextAttributes = {
  alpha: true,
  desynchronized: false,
  depth: true,
  antialias: false,
  premultipliedAlpha: true,
  stencil: true,
  failIfMajorPerformanceCaveat: false,
  powerPreference: 'default',
  preserveDrawingBuffer: false,
};

/**
 * Where WebGL runs in software (no GPU, or one the browser will not use: SwiftShader, llvmpipe),
 * multisampling costs every frame more than the whole hall (most of which is baked into textures,
 * and so not smoothed by it anyway), so edges are smoothed only where a GPU does it cheaply.
 * Measured: 558 frames in 10 s of votes and speeches without it, 416 with it.
 *
 * Finding out takes a WebGL context. In software, making one costs ~15 ms, so that context (made
 * without multisampling) is the one the game gets, with its canvas; with a GPU it is dropped and
 * Phaser makes its own, smoothed. Null: software WebGL not found (or no WebGL at all).
 */
const softwareGL = (): { canvas: HTMLCanvasElement; context: WebGLRenderingContext } | null => {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl', CONTEXT);
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    if (/swiftshader|llvmpipe|softpipe|software|basic render/i.test(name))
      return { canvas, context: gl };
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return null;
  } catch {
    return null;
  }
};

/** Resolves at the page's next idle moment (or soon, where the browser cannot tell). */
const idle = (): Promise<void> => new Promise((done) => whenIdle(done, 1000));

/** `flags`: the flags loaded early (src/client/flags.ts), added as textures before the hall starts. */
export const bootStage = (
  parent: HTMLElement,
  onProgress: (p: number) => void,
  flags: Promise<ReadonlyMap<string, HTMLCanvasElement>>,
): Promise<Stage> =>
  new Promise((resolve) => {
    const soft = softwareGL();
    const game = new Phaser.Game({
      // Phaser's types say a 2D context; its WebGL renderer takes a WebGL one (WebGLRenderer.init).
      ...(soft
        ? { canvas: soft.canvas, context: soft.context as unknown as CanvasRenderingContext2D }
        : {}),
      type: soft ? Phaser.WEBGL : Phaser.AUTO,
      parent,
      backgroundColor: '#101820',
      scale: {
        mode: Phaser.Scale.RESIZE,
        // The page's CSS sizes the stage (4:3 on a laptop, 70% of the screen's height on a
        // phone): Phaser's inline `height: 100%` on it would undo the phone's height.
        expandParent: false,
        width: parent.clientWidth || 800,
        height: parent.clientHeight || 450,
      },
      banner: false,
      // The hall's still layer is a canvas beneath this one (HallScene's backdrop).
      transparent: true,
      render: { antialiasGL: !soft },
      audio: { noAudio: true },
      scene: [],
    });
    const hall = new HallScene();
    // The hall sleeps when still (render on demand): a change of the stage's size wakes it, and
    // the scale manager is told at once (on its own it looks at the parent every 500 ms only).
    const resized = new ResizeObserver(() => {
      game.scale.dirty = true;
      hall.wake();
    });
    resized.observe(parent);
    let map: MapScene | null = null;
    /** Destroyed (the desk drawn for another seat, the title): late steps then do nothing. */
    let gone = false;
    let mapLoading: Promise<MapScene> | null = null;
    let pendingMap: MapModel | null = null;
    let wantMap = false;
    /** Whether the map scene has been run (it then only sleeps and wakes). */
    let mapStarted = false;
    const loadMap = (): Promise<MapScene> =>
      (mapLoading ??= import('./map-scene').then(({ MapScene: Scene }) => {
        const scene = new Scene();
        if (gone) return scene;
        game.scene.add('map', scene, false);
        // Given before it is created, the model is drawn once, by create.
        if (pendingMap) scene.render(pendingMap);
        map = scene;
        return scene;
      }));
    game.events.once(Phaser.Core.Events.READY, async () => {
      for (const [id, canvas] of await flags) {
        if (!game.textures.exists(flagKey(id))) game.textures.addCanvas(flagKey(id), canvas);
      }
      game.scene.add('hall', hall, false);
      hall.load.on('progress', (p: number) => onProgress(p));
      hall.events.once(Phaser.Scenes.Events.CREATE, () => {
        onProgress(1);
        const stage: Stage = {
          showHall: () => {
            hall.wake();
            wantMap = false;
            if (game.scene.getScene('map')) game.scene.sleep('map');
            if (game.scene.isSleeping('hall')) game.scene.wake('hall');
          },
          showMap: () => {
            hall.wake();
            wantMap = true;
            void loadMap().then(() => {
              if (!wantMap || gone) return;
              game.scene.sleep('hall');
              if (game.scene.isSleeping('map')) game.scene.wake('map');
              else if (!mapStarted) {
                mapStarted = true;
                game.scene.run('map');
              }
              // The hall may have let the loop sleep while the map's code loaded.
              hall.wake();
              // Read by `npm run bench` (input): the first frame that shows the map.
              requestAnimationFrame(() => performance.mark('map-shown'));
            });
          },
          renderHall: (m) => hall.render(m),
          renderMap: (m) => {
            pendingMap = m;
            if (map) map.render(m);
          },
          prepareMap: (m) => {
            pendingMap = m;
            // Three steps, each at an idle moment of its own, so that none holds up the hall
            // for long: the code, the outlines projected, the scene created and drawn.
            void (async () => {
              const scene = await loadMap();
              await idle();
              if (gone) return;
              scene.prepare(game.scale.width, game.scale.height);
              await idle();
              if (mapStarted || gone) return;
              // Created and drawn now, then put to sleep before its first frame.
              mapStarted = true;
              scene.events.once(Phaser.Scenes.Events.CREATE, () => {
                if (!wantMap) game.scene.sleep('map');
                performance.mark('map-prepared'); // read by the browser tests
              });
              game.scene.run('map');
              hall.wake();
            })().catch(() => (mapLoading = null));
          },
          renderer: game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas',
          sleeping: () => !game.loop.running,
          layouts: () => hall.layouts,
          cardSpan: () => hall.cardSpan,
          stillLayer: () => hall.stillLayer,
          flags: () => FLAG_IDS.filter((id) => game.textures.exists(flagKey(id))),
          destroy: () => {
            gone = true;
            resized.disconnect();
            game.destroy(true);
            // Phaser destroys the game at its next step: a loop asleep (nothing moved) would never
            // take it, and the WebGL context would stay.
            game.loop.wake();
          },
        };
        resolve(stage);
      });
      game.scene.start('hall');
    });
  });
