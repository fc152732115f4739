/**
 * The Phaser stage, loaded on demand so the title and setup screens are usable at once. Progress
 * is reported while the engine module and then the scenes' assets load.
 */
import { loadFlags } from './flags';
import type { HallModel, MapModel } from './scenes/types';

export interface Stage {
  showHall(): void;
  showMap(): void;
  renderHall(m: HallModel): void;
  renderMap(m: MapModel): void;
  /**
   * Loads the map's code and draws `m` on it out of sight, so that showMap shows it at once (the
   * game calls it once the hall has been on screen for a moment).
   */
  prepareMap(m: MapModel): void;
  readonly renderer: 'webgl' | 'canvas';
  /** True while the engine's loop sleeps because nothing on the stage moves (render on demand). */
  sleeping(): boolean;
  /** How many times the hall has been laid out anew (a new size, phase, ballot or language). */
  layouts(): number;
  /** The hall's last layout: its width and one nameplate card's width, in pixels (for tests). */
  cardSpan(): { stage: number; card: number };
  /**
   * How the hall's still layer was last drawn: with Canvas 2D straight into its backdrop, or
   * with WebGL (a layer the 2D replay cannot draw, or no backdrop); none before the first layout.
   */
  stillLayer(): 'canvas' | 'webgl' | 'none';
  /** The ids of the flags the stage holds as textures (for tests: a flag left out shows its code). */
  flags(): string[];
  destroy(): void;
}

/**
 * Once the hall has been on screen for a moment (1.5 s) and the page is idle, prepares the map
 * (Stage.prepareMap) with the model `current` gives then, unless it gives none (the player left).
 */
export const prepareMapSoon = (stage: Stage, current: () => MapModel | null): void => {
  setTimeout(
    () =>
      whenIdle(() => {
        const m = current();
        if (m) stage.prepareMap(m);
      }, 2000),
    1500,
  );
};

/** Runs `f` at the page's next idle moment, at most `timeout` ms away (soon, where the browser cannot tell). */
export const whenIdle = (f: () => void, timeout: number): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(() => f(), { timeout });
  else setTimeout(f, 50);
};

/** Starts loading the engine and the hall's code (not their assets), without starting them. */
export const prefetchStage = (): void => {
  void import('./scenes/boot').catch(() => undefined);
  void loadFlags();
};

export const loadStage = async (
  parent: HTMLElement,
  onProgress: (share: number) => void,
): Promise<Stage> => {
  onProgress(0.05);
  // The flags decode while Phaser's module loads and starts.
  const flags = loadFlags();
  const { bootStage } = await import('./scenes/boot');
  onProgress(0.6);
  return bootStage(parent, (p) => onProgress(0.6 + 0.4 * p), flags);
};
