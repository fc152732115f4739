/**
 * What the Phaser scenes receive: plain data derived from the core's view by the client. Scenes
 * render this and nothing else; they decide nothing (STYLE.md rule 7). All strings arrive already
 * translated into the player's language.
 */

export type Palette = 'default' | 'colourblind';

/** Colours for a palette; meaning is never carried by colour alone (labels and shapes too). */
export interface Theme {
  palette: Palette;
  highContrast: boolean;
  reducedMotion: boolean;
  /** Text scale, 1–2: canvas text is drawn this much larger. */
  textScale: number;
}

export interface Seat {
  /** ISO 3166 alpha-2, lower case: the flag is `flag-icons/flags/4x3/<id>.svg`. */
  id: string;
  name: string;
  /** Present / absent / frozen, as a word in the player's language (shown on the nameplate). */
  status: string;
  frozen: boolean;
  absent: boolean;
  /** The seat whose turn it is on this device (hot-seat) or the player's own seat. */
  isPlayer: boolean;
}

export interface Gauge {
  id: 'credibility' | 'cohesion' | 'borderSecurity' | 'stratcom' | 'international';
  label: string;
  /** 0–100. */
  value: number;
}

export interface VoteMark {
  seat: string;
  /** 'yes' | 'no' | 'abstain' | 'standAside' | null (not yet voted) */
  choice: 'yes' | 'no' | 'abstain' | 'standAside' | null;
  /** The word shown with the mark, in the player's language. */
  label: string;
}

export interface HallModel {
  theme: Theme;
  title: string;
  phaseLabel: string;
  seats: Seat[];
  speaker: { seat: string; text: string; remaining: number; total: number } | null;
  /**
   * The chair's latest news, until the next statement: shown in the speech panel while nobody
   * has the floor, under `label` (optional: a model without it shows the muted microphone).
   */
  news?: { label: string; text: string } | null;
  gauges: Gauge[];
  /** The ballot being voted on, if any: the board animates as marks arrive. */
  ballot: { title: string; marks: VoteMark[]; result: string | null } | null;
  /** Increments each time the chair bangs the gavel (a ruling, a decision, a vote closed). */
  gavel: number;
  /** The clock, seconds since the conference opened. */
  clock: number;
}

export interface MapModel {
  theme: Theme;
  /** Member states, shaded and labelled: ISO alpha-2 lower case with a display name. */
  members: { id: string; name: string; frozen: boolean }[];
  /** Outside actors named on the map (countries by ISO alpha-2 where they are states). */
  actors: { id: string; name: string; iso2?: string }[];
  crisis: { name: string; lon: number; lat: number } | null;
  title: string;
}

/** A Phaser scene that renders one of these models. */
export interface Renders<M> {
  render(model: M): void;
}
