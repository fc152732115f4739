/**
 * The hall's place on a screen: the canvas host, the loading bar while Phaser and the assets load,
 * and a clear message (the text desk still works) if the hall cannot be shown.
 */
import { loadStage, type Stage } from '../stage';
import type { Text } from '../../core/scenario';
import { t, tx } from '../i18n';
import { button, h } from './dom';

/** What the stage shows: the hall or the regional map. */
export type StageShows = 'hall' | 'map';

/** The Hall / Map switch of a game's header (solo, a classroom desk, the projector). */
export const viewSwitch = (shown: StageShows, choose: (v: StageShows) => void): HTMLElement =>
  h(
    'div',
    { class: 'view-switch', role: 'group', 'aria-label': `${t('hall')} / ${t('map')}` },
    button(t('hall'), () => choose('hall'), {
      'aria-pressed': String(shown === 'hall'),
      id: 'show-hall',
    }),
    button(t('map'), () => choose('map'), {
      'aria-pressed': String(shown === 'map'),
      id: 'show-map',
    }),
  );

/**
 * The stage's name and, under the map, its legend (what the hatching, the ring and the italics
 * mean), in the current language: the stage view lives as long as the page, the language may not.
 */
export const labelStage = (v: StageShows, title: Text): void => {
  document.getElementById('stage')?.setAttribute('aria-label', `${t(v)}: ${tx(title)}`);
  const legend = document.getElementById('map-legend');
  if (!legend) return;
  legend.textContent = t('mapLegend');
  legend.hidden = v !== 'map';
};

/** Shows the hall or the map: the switch's pressed button, the stage's name, the stage itself. */
export const showOnStage = (v: StageShows, stage: Stage | null, title: Text): void => {
  document.getElementById('show-hall')?.setAttribute('aria-pressed', String(v === 'hall'));
  document.getElementById('show-map')?.setAttribute('aria-pressed', String(v === 'map'));
  labelStage(v, title);
  if (v === 'map') stage?.showMap();
  else stage?.showHall();
  // On a phone the hall comes after the desk, far down: asked for, it is brought into view.
  const host = document.getElementById('stage');
  const r = host?.getBoundingClientRect();
  if (host && r && (r.top >= window.innerHeight || r.bottom <= 0))
    host.scrollIntoView({
      block: 'start',
      behavior: document.documentElement.dataset.motion === 'reduced' ? 'auto' : 'smooth',
    });
};

export interface StageView {
  wrap: HTMLElement;
  host: HTMLElement;
  /** Loads the stage into the host; null if it could not load (the message is shown). */
  load(): Promise<Stage | null>;
  /** Shows the message instead of loading (the stage already failed once on this screen). */
  fail(): void;
}

/** `failed` is what to say if the hall cannot be shown (by default: the text desk still works). */
export const stageView = (label: string, failed: string = t('stageFailed')): StageView => {
  const stageHost = h('div', { id: 'stage', class: 'stage', role: 'img', 'aria-label': label });
  const bar = h('progress', { id: 'progress', max: 100, value: 0 });
  const loading = h(
    'div',
    { id: 'loading', class: 'loading' },
    h('label', { for: 'progress' }, t('loading')),
    bar,
  );
  const fail = () => loading.replaceChildren(h('p', { role: 'alert' }, failed));
  return {
    wrap: h(
      'div',
      { class: 'stage-wrap' },
      stageHost,
      loading,
      h('p', { id: 'map-legend', class: 'map-legend', hidden: true }, t('mapLegend')),
    ),
    host: stageHost,
    fail,
    load: async () => {
      try {
        const stage = await loadStage(stageHost, (p) => (bar.value = Math.round(p * 100)));
        document.body.dataset.renderer = stage.renderer;
        loading.setAttribute('hidden', '');
        return stage;
      } catch (e) {
        console.warn('the hall could not be shown', e);
        fail();
        return null;
      }
    },
  };
};
