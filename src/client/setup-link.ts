/**
 * A game's set-up written as an address, and read back. A teacher copies the link from the setup
 * screen and gives it to the class: everyone who opens it finds the same scenario, delegation,
 * AI difficulty, procedure and seed chosen, and only has to press Start. The same query string,
 * without the seed, is how the setup screen remembers the last game's choices on this device.
 *
 * Reading never fails: each part of the address that cannot be used is named, with what was
 * chosen instead, and the rest of the address still applies.
 */
import type { Difficulty } from '../core/state';
import { PROFILES, PROFILE_IDS, type ProfileId } from '../core/profiles';
import type { Scenario } from '../core/scenario';
import { t, tx } from './i18n';
import { delegationName } from './ui/labels';

export interface Setup {
  scenario: string;
  mode: 'solo' | 'hotseat';
  humans: string[];
  difficulty: Difficulty;
  profile: ProfileId;
  seed: number;
}

/** The address's parameters that make a set-up (`scenario` alone marks an address as one). */
export const LINK_PARAMS = ['scenario', 'mode', 'seats', 'ai', 'procedure', 'seed'] as const;
export type LinkParam = (typeof LINK_PARAMS)[number];

export const SEED_MAX = 99999;

/** A seed as typed in a number field, kept within 0 to SEED_MAX (0 for anything not a number). */
export const clampSeed = (typed: string): number =>
  Math.max(0, Math.min(SEED_MAX, Math.floor(Number(typed) || 0)));

/** A new game's seed, 0 to SEED_MAX (the browser's random numbers; the game's core takes it as given). */
export const randomSeed = (): number => {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]! % (SEED_MAX + 1);
};
const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

/** One part of a link that could not be used: which, the value it had, and what was done. */
export interface LinkProblem {
  param: LinkParam;
  value: string;
  /** What was chosen instead (a delegation's or scenario's id, a value); '' when left out. */
  instead: string;
  /** Seats beyond the first of a solo game (the value), rather than seats that do not exist. */
  solo?: true;
}

export interface LinkReading {
  setup: Setup;
  problems: LinkProblem[];
}

/** The set-up as query parameters; `withSeed: false` for the remembered choices. */
export const setupQuery = (s: Setup, withSeed = true): string => {
  const q = new URLSearchParams({
    scenario: s.scenario,
    mode: s.mode,
    seats: s.humans.join(','),
    ai: s.difficulty,
    procedure: s.profile,
  });
  if (withSeed) q.set('seed', String(s.seed));
  return q.toString();
};

/** The link a teacher gives the class: this page's address with the set-up as its query. */
export const setupLink = (page: string, s: Setup): string =>
  `${page.replace(/[?#].*$/, '')}?${setupQuery(s)}`;

export const isSetupLink = (q: URLSearchParams): boolean => q.has('scenario');

const members = (s: Scenario): string[] =>
  s.delegations.filter((d) => d.role === 'member').map((d) => d.id);

/**
 * Reads a set-up from query parameters over `fallback` (the setup the screen would otherwise
 * show). A parameter that is absent keeps the fallback's value; one that cannot be used keeps it
 * too and is reported.
 */
export const readSetup = (
  q: URLSearchParams,
  scenarios: readonly Scenario[],
  fallback: Setup,
): LinkReading => {
  const problems: LinkProblem[] = [];
  // (A value is quoted back in the message: a long one is cut, so the message stays readable.)
  const bad = (param: LinkParam, value: string, instead: string, solo = false) =>
    problems.push({
      param,
      value: value.length > 40 ? `${value.slice(0, 39)}…` : value,
      instead,
      ...(solo ? { solo: true as const } : {}),
    });
  const get = (k: LinkParam): string | null => {
    const v = q.get(k);
    return v === null ? null : v.trim();
  };

  const byId = (id: string) => scenarios.find((s) => s.id === id);
  let scenario = byId(fallback.scenario) ?? scenarios[0]!;
  const sc = get('scenario');
  if (sc !== null) {
    const found = byId(sc.toLowerCase());
    if (found) scenario = found;
    else bad('scenario', sc, scenario.id);
  }
  const seatsOf = members(scenario);

  let difficulty = fallback.difficulty;
  const ai = get('ai');
  if (ai !== null) {
    if ((DIFFICULTIES as readonly string[]).includes(ai.toLowerCase()))
      difficulty = ai.toLowerCase() as Difficulty;
    else bad('ai', ai, difficulty);
  }

  let profile = fallback.profile;
  const pr = get('procedure');
  if (pr !== null) {
    const found = PROFILE_IDS.find((p) => p.toLowerCase() === pr.toLowerCase());
    if (found) profile = found;
    else bad('procedure', pr, profile);
  }

  let seed = fallback.seed;
  const sd = get('seed');
  if (sd !== null) {
    const n = /^\d{1,5}$/.test(sd) ? Number(sd) : NaN;
    if (Number.isInteger(n) && n >= 0 && n <= SEED_MAX) seed = n;
    else bad('seed', sd, String(seed));
  }

  // Seats: the link's members of this scenario, in the order given, each once.
  const st = get('seats');
  let humans: string[] = [];
  if (st !== null) {
    for (const raw of st.split(',')) {
      const id = raw.trim().toLowerCase();
      if (!id) continue;
      if (!seatsOf.includes(id)) bad('seats', raw.trim(), '');
      else if (!humans.includes(id)) humans.push(id);
    }
  } else humans = fallback.humans.filter((id) => seatsOf.includes(id));

  let mode: Setup['mode'] = fallback.mode;
  const md = get('mode');
  if (md !== null) {
    if (md === 'solo' || md === 'hotseat') mode = md;
    else {
      mode = humans.length > 1 ? 'hotseat' : 'solo';
      bad('mode', md, mode);
    }
  } else if (st !== null) mode = humans.length > 1 ? 'hotseat' : 'solo';

  if (!humans.length) {
    humans = [seatsOf[0]!];
    // The message for an unusable seat says which delegation was chosen instead.
    for (const p of problems) if (p.param === 'seats') p.instead = humans[0]!;
  } else if (mode === 'solo' && humans.length > 1) {
    bad('seats', humans.slice(1).join(','), humans[0]!, true);
    humans = humans.slice(0, 1);
  }

  return {
    setup: { scenario: scenario.id, mode, humans, difficulty, profile, seed },
    problems,
  };
};

/**
 * What a link's unusable part means to the player, in the interface's language; `chosen` is the
 * scenario the link's reading chose (what the other names are looked up in).
 */
export const describeProblem = (p: LinkProblem, chosen: Scenario): string => {
  const { value } = p;
  if (p.param === 'scenario') return t('linkScenario', { value, instead: tx(chosen.title) });
  if (p.param === 'seats') {
    const name = (id: string) => delegationName(id, chosen);
    if (p.solo)
      return t('linkSolo', {
        instead: name(p.instead),
        value: value.split(',').map(name).join(', '),
      });
    return p.instead
      ? t('linkSeatInstead', { value, instead: name(p.instead) })
      : t('linkSeat', { value });
  }
  if (p.param === 'mode')
    return t('linkMode', {
      value,
      instead: t(p.instead === 'solo' ? 'modeSoloShort' : 'modeHotseatShort'),
    });
  if (p.param === 'ai') return t('linkAi', { value, instead: t(`ai_${p.instead as Difficulty}`) });
  if (p.param === 'procedure')
    return t('linkProcedure', {
      value,
      list: PROFILE_IDS.join(', '),
      instead: tx(PROFILES[p.instead as ProfileId].name),
    });
  return t('linkSeed', { value, instead: p.instead });
};

/** Where this device keeps the last game's choices (not its seed: a new game, a new seed). */
export const SETUP_KEY = 'consensus.setup.v1';

export const rememberSetup = (s: Setup): void => {
  try {
    localStorage.setItem(SETUP_KEY, setupQuery(s, false));
  } catch {
    // Storage full or disabled: the next visit starts from the defaults.
  }
};

/** The last game's choices over `fallback`; whatever no longer fits is quietly left out. */
export const rememberedSetup = (scenarios: readonly Scenario[], fallback: Setup): Setup => {
  let stored: string | null;
  try {
    stored = localStorage.getItem(SETUP_KEY);
  } catch {
    stored = null;
  }
  if (!stored) return fallback;
  return readSetup(new URLSearchParams(stored), scenarios, fallback).setup;
};
