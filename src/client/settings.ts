/** Player settings, remembered in local storage; bad stored values fall back to defaults. */
import type { Lang } from './i18n';
import { isGameSpeed, type GameSpeed } from '../core/pace';

export interface Settings {
  lang: Lang;
  effects: number;
  ambience: number;
  muted: boolean;
  /** 1–2: text size from 100% to 200%. */
  textScale: number;
  reducedMotion: 'system' | 'on' | 'off';
  palette: 'default' | 'colourblind';
  highContrast: boolean;
  captions: boolean;
  /** How fast the AI delegations and the AI chair move in solo and hot-seat play. */
  speed: GameSpeed;
}

export const SETTINGS_KEY = 'consensus.settings.v1';

const browserLang = (): Lang =>
  typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('ru')
    ? 'ru'
    : 'en';

export const defaults = (): Settings => ({
  lang: browserLang(),
  effects: 0.7,
  ambience: 0.3,
  muted: false,
  textScale: 1,
  reducedMotion: 'system',
  palette: 'default',
  highContrast: false,
  captions: true,
  speed: 'normal',
});

const num = (x: unknown, lo: number, hi: number, d: number) =>
  typeof x === 'number' && Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : d;

export const loadSettings = (): Settings => {
  const d = defaults();
  try {
    const raw = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<Settings>;
    return {
      lang: raw.lang === 'ru' || raw.lang === 'en' ? raw.lang : d.lang,
      effects: num(raw.effects, 0, 1, d.effects),
      ambience: num(raw.ambience, 0, 1, d.ambience),
      muted: typeof raw.muted === 'boolean' ? raw.muted : d.muted,
      textScale: num(raw.textScale, 1, 2, d.textScale),
      reducedMotion:
        raw.reducedMotion === 'on' || raw.reducedMotion === 'off' ? raw.reducedMotion : 'system',
      palette: raw.palette === 'colourblind' ? 'colourblind' : 'default',
      highContrast: raw.highContrast === true,
      captions: raw.captions !== false,
      speed: isGameSpeed(raw.speed) ? raw.speed : 'normal',
    };
  } catch {
    return d;
  }
};

export const saveSettings = (s: Settings): void => {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // Storage full or disabled: settings still apply for this visit.
  }
};

export const prefersReducedMotion = (s: Settings): boolean =>
  s.reducedMotion === 'on' ||
  (s.reducedMotion === 'system' &&
    typeof matchMedia !== 'undefined' &&
    matchMedia('(prefers-reduced-motion: reduce)').matches);

/** Applies the settings that live in CSS: text size, contrast, palette, motion. */
export const applySettings = (s: Settings): void => {
  const root = document.documentElement;
  root.style.setProperty('--text-scale', String(s.textScale));
  root.dataset.contrast = s.highContrast ? 'high' : 'normal';
  root.dataset.palette = s.palette;
  root.dataset.motion = prefersReducedMotion(s) ? 'reduced' : 'full';
  // Large text needs room: the desk and the hall stack in one column.
  root.dataset.text = s.textScale >= 1.5 ? 'large' : 'normal';
};
