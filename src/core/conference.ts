/**
 * The one door into state. A conference is (scenario, options, events); `send` parses an untrusted
 * event, checks it against the rules and the phase, and either returns the next conference or the
 * reason it was refused, leaving the state unchanged. Everything here is pure.
 */
import { createActor, initialTransition, type AnyActorScope } from 'xstate';
import { parseEvent, type ConferenceEvent } from './events';
import { applyEvent, buildConferenceMachine, type ConferenceMachine } from './machine';
import { isProfileId, type ProfileId } from './profiles';
import type { Env } from './rules/common';
import { refusal } from './rules/index';
import type { Scenario, Text } from './scenario';
import { initialContext, type ConferenceContext, type StartOptions } from './state';

export const SAVE_FORMAT = 1;

type Snapshot = ReturnType<typeof initialTransition<ConferenceMachine>>[0];

export interface Conference {
  readonly scenario: Scenario;
  readonly options: Readonly<StartOptions>;
  readonly machine: ConferenceMachine;
  readonly env: Env;
  readonly snapshot: Snapshot;
  /** Every accepted event, in order: with the scenario and options, the whole game. */
  readonly log: readonly ConferenceEvent[];
}

export type SendResult =
  | { ok: true; conference: Conference; event: ConferenceEvent }
  | { ok: false; reason: Text; conference: Conference };

const machines = new WeakMap<Scenario, Map<ProfileId, ReturnType<typeof buildConferenceMachine>>>();
const machineFor = (scenario: Scenario, profile: ProfileId) => {
  let byProfile = machines.get(scenario);
  if (!byProfile) machines.set(scenario, (byProfile = new Map()));
  let built = byProfile.get(profile);
  if (!built) byProfile.set(profile, (built = buildConferenceMachine(scenario, profile)));
  return built;
};

/**
 * One inert actor scope per machine, reused for every transition. `xstate.transition()` builds a
 * fresh actor for each call, which was a third of the cost of an event; the machine's own
 * `transition(snapshot, event, scope)` with an inert scope is the same pure computation (no action
 * is executed: our machine has only `assign`s).
 */
const scopes = new WeakMap<ConferenceMachine, AnyActorScope>();
const scopeFor = (machine: ConferenceMachine, ctx: ConferenceContext): AnyActorScope => {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine, { input: ctx });
    const noop = () => {};
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      defer: noop,
      logger: noop,
      stopChild: noop,
      emit: noop,
      actionExecutor: noop,
    } as unknown as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
};

/**
 * Most events (votes, speeches, offers, ticks, closing all but the last ballot) are accepted by a
 * self-transition: the `apply` action and no target, in a configuration with no eventless
 * transition. For those the machine's answer is known from its definition: the same value and
 * history, and the context after `apply`. `send` selects the transition as XState does (the
 * candidates of the active leaf, then of its ancestors, in order; the first whose guard passes)
 * and, when the one selected is such a self-transition, gives that answer directly instead of
 * walking the statechart. Anything else (a target, no transition, a guard that is not a named
 * one) is left to XState's `transition`. The plan for each (state, event type) is read from the
 * machine itself, once; a test checks that both ways give the same snapshot for every event of
 * many games and random sequences.
 */
interface NodeLike {
  parent?: NodeLike;
  always?: readonly unknown[];
  transitions: Map<
    string,
    readonly { target?: readonly unknown[]; guard?: unknown; actions: readonly unknown[] }[]
  >;
}
interface Step {
  guard?: string;
  params?: unknown;
  /** Selected, it only applies the event: no target. */
  selfApply: boolean;
}
type GuardFn = (
  args: { context: ConferenceContext; event: ConferenceEvent },
  params: unknown,
) => boolean;

const plans = new WeakMap<object, Map<string, readonly Step[] | null>>();
const planFor = (snapshot: Snapshot, type: string): readonly Step[] | null => {
  const nodes = (snapshot as unknown as { _nodes: NodeLike[] })._nodes;
  const leaf = nodes[nodes.length - 1]!;
  let known = plans.get(leaf);
  if (!known) plans.set(leaf, (known = new Map()));
  let plan = known.get(type);
  if (plan === undefined) {
    const steps: Step[] = [];
    // Eventless or wildcard transitions: left to XState.
    let plannable = !nodes.some(
      (n) => n.always?.length || [...n.transitions.keys()].some((k) => k.includes('*')),
    );
    for (let n: NodeLike | undefined = leaf; n && plannable; n = n.parent)
      for (const t of n.transitions.get(type) ?? []) {
        const g = t.guard as string | { type?: unknown; params?: unknown } | undefined;
        const selfApply = !t.target?.length && t.actions.length === 1 && t.actions[0] === 'apply';
        if (g === undefined) steps.push({ selfApply });
        else if (typeof g === 'string') steps.push({ guard: g, selfApply });
        else if (typeof g === 'object' && typeof g.type === 'string')
          steps.push({ guard: g.type, params: g.params, selfApply });
        else plannable = false;
      }
    plan = plannable && steps.some((x) => x.selfApply) ? steps : null;
    known.set(type, plan);
  }
  return plan;
};

/** Turns the shortcut off (tests compare both ways). */
export const transitionOptions = { selfAcceptFastPath: true };

export const startConference = (scenario: Scenario, options: StartOptions): Conference => {
  const { machine, env } = machineFor(scenario, options.profile);
  const [snapshot] = initialTransition(machine, initialContext(scenario, options));
  return { scenario, options: { ...options }, machine, env, snapshot, log: [] };
};

/** The state value as a dotted path, e.g. `floor.item.debate.formal`. */
export const phaseOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value as Record<string, unknown>)[0]!;
  return `${k}.${phaseOf(v)}`;
};

const PHASE_TEXT: Record<string, Text> = {
  'rollCall.waiting': { en: 'before the roll call is opened', ru: 'до начала переклички' },
  'rollCall.open': { en: 'during the roll call', ru: 'во время переклички' },
  agenda: { en: 'while the agenda is being adopted', ru: 'во время утверждения повестки' },
  'floor.item.debate.formal': { en: 'during formal debate', ru: 'во время официальных прений' },
  'floor.item.debate.moderated': {
    en: 'during a moderated caucus',
    ru: 'во время модерируемых консультаций',
  },
  'floor.item.debate.unmoderated': {
    en: 'during an unmoderated caucus',
    ru: 'во время неформальных консультаций',
  },
  'floor.item.debate.motionVote': {
    en: 'during a vote on a motion',
    ru: 'во время голосования по процедурному предложению',
  },
  'floor.item.voting': { en: 'during voting', ru: 'во время голосования' },
  'floor.item.outcome': {
    en: 'after the vote on this item',
    ru: 'после голосования по этому пункту',
  },
  'crisis.responses': {
    en: 'while members respond to the crisis',
    ru: 'пока члены отвечают на кризисный запрос',
  },
  'crisis.decided': {
    en: 'after the council has decided on the crisis',
    ru: 'после решения Совета по кризису',
  },
  debrief: { en: 'after the conference has ended', ru: 'после завершения конференции' },
};
export const phaseText = (phase: string): Text => PHASE_TEXT[phase] ?? { en: phase, ru: phase };

const phases = new WeakMap<object, string>();
/** The phase of a conference (memoised per state value: the AI asks it for every seat, every step). */
export const currentPhase = (c: Conference): string => {
  const value = c.snapshot.value;
  if (typeof value !== 'object') return phaseOf(value);
  let phase = phases.get(value);
  if (phase === undefined) phases.set(value, (phase = phaseOf(value)));
  return phase;
};
export const contextOf = (c: Conference): ConferenceContext => c.snapshot.context;

/** Sends one untrusted event. Never throws; a refusal carries the reason in both languages. */
export const send = (c: Conference, raw: unknown): SendResult => {
  const parsed = parseEvent(raw);
  if (!parsed.ok)
    return {
      ok: false,
      reason: { en: parsed.reason, ru: `ошибка в событии: ${parsed.reason}` },
      conference: c,
    };
  const event = parsed.event;
  const plan = transitionOptions.selfAcceptFastPath ? planFor(c.snapshot, event.type) : null;
  if (plan) {
    const guards = c.machine.implementations.guards as Record<string, GuardFn>;
    const args = { context: c.snapshot.context, event };
    let selected = false;
    for (const step of plan) {
      if (step.guard !== undefined && !guards[step.guard]!(args, step.params)) continue;
      selected = true;
      if (!step.selfApply) break;
      const snapshot = { ...c.snapshot, context: applyEvent(c.snapshot.context, event, c.env) };
      return { ok: true, event, conference: { ...c, snapshot, log: [...c.log, event] } };
    }
    // No transition is enabled: the statechart would refuse it too.
    if (!selected) return refused(c, event);
  }
  // The machine's `isInOrder` guard runs the rule checks; only a refusal asks them again, for the reason.
  const next = c.machine.transition(c.snapshot, event, scopeFor(c.machine, c.snapshot.context));
  if (next.context.seq === c.snapshot.context.seq) return refused(c, event);
  return { ok: true, event, conference: { ...c, snapshot: next, log: [...c.log, event] } };
};

/** The answer to an event no transition takes: the rule that refuses it, or the phase. */
const refused = (c: Conference, event: ConferenceEvent): SendResult => {
  const why = refusal(c.snapshot.context, event, c.env);
  if (why) return { ok: false, reason: why, conference: c };
  const phase = phaseText(currentPhase(c));
  return {
    ok: false,
    reason: {
      en: `that is not in order ${phase.en}`,
      ru: `это действие недопустимо ${phase.ru}`,
    },
    conference: c,
  };
};

/** Sends a list of events, stopping at the first refusal. */
export const sendAll = (
  c: Conference,
  events: readonly unknown[],
): { conference: Conference; refused?: { index: number; reason: Text } } => {
  let cur = c;
  for (let i = 0; i < events.length; i++) {
    const r = send(cur, events[i]);
    if (!r.ok) return { conference: cur, refused: { index: i, reason: r.reason } };
    cur = r.conference;
  }
  return { conference: cur };
};

// ── persistence and replay ─────────────────────────────────────────────────────────────────

/** A game as a log: replaying it gives the same state. */
export interface SavedGame {
  format: typeof SAVE_FORMAT;
  scenario: string;
  options: StartOptions;
  events: ConferenceEvent[];
}

/** A snapshot of the state, for fast restore; carries its format version. */
export interface PersistedSnapshot {
  format: typeof SAVE_FORMAT;
  scenario: string;
  options: StartOptions;
  phase: string;
  /** XState's persisted snapshot: state value, context and the deep-history record. */
  machine: unknown;
}

export const saveGame = (c: Conference): SavedGame => ({
  format: SAVE_FORMAT,
  scenario: c.scenario.id,
  options: { ...c.options },
  events: [...c.log],
});

export const persistSnapshot = (c: Conference): PersistedSnapshot => ({
  format: SAVE_FORMAT,
  scenario: c.scenario.id,
  options: { ...c.options },
  phase: currentPhase(c),
  machine: c.machine.getPersistedSnapshot(c.snapshot),
});

export type ReplayResult =
  { ok: true; conference: Conference } | { ok: false; reason: Text; index?: number };

const badSave = (en: string, ru: string): ReplayResult => ({ ok: false, reason: { en, ru } });

/** Checks a save's envelope (untrusted input) and replays its events. Never throws. */
export const replayGame = (scenario: Scenario, raw: unknown): ReplayResult => {
  if (typeof raw !== 'object' || raw === null)
    return badSave('the save is not a game record', 'сохранение не является записью игры');
  const save = raw as Partial<SavedGame>;
  if (save.format !== SAVE_FORMAT)
    return badSave(
      `the save has format ${String(save.format)}, this version reads format ${SAVE_FORMAT}`,
      `формат сохранения ${String(save.format)}, эта версия читает формат ${SAVE_FORMAT}`,
    );
  if (save.scenario !== scenario.id)
    return badSave(
      `the save belongs to scenario "${String(save.scenario)}", not "${scenario.id}"`,
      `сохранение относится к сценарию «${String(save.scenario)}», а не «${scenario.id}»`,
    );
  const o = save.options;
  if (!o || typeof o.seed !== 'number' || typeof o.profile !== 'string' || !isProfileId(o.profile))
    return badSave(
      'the save has no valid seed and procedure profile',
      'в сохранении нет корректного номера партии и порядка принятия решений',
    );
  if (!Array.isArray(save.events))
    return badSave('the save has no event list', 'в сохранении нет списка событий');
  const humans = Array.isArray(o.humans)
    ? o.humans.filter((h): h is string => typeof h === 'string')
    : [];
  const r = sendAll(
    startConference(scenario, {
      seed: o.seed,
      profile: o.profile,
      humans,
      ...(o.training === true ? { training: true } : {}),
    }),
    save.events,
  );
  if (r.refused)
    return {
      ok: false,
      index: r.refused.index,
      reason: {
        en: `event ${r.refused.index + 1} of the save is refused: ${r.refused.reason.en}`,
        ru: `событие ${r.refused.index + 1} сохранения отклонено: ${r.refused.reason.ru}`,
      },
    };
  return { ok: true, conference: r.conference };
};

/** Restores a persisted snapshot; the log is not part of a snapshot. */
export const restoreSnapshot = (scenario: Scenario, p: PersistedSnapshot): Conference => {
  const c = startConference(scenario, p.options);
  const persisted = JSON.parse(JSON.stringify(p.machine)) as Parameters<
    ConferenceMachine['restoreSnapshot']
  >[0];
  const snapshot = c.machine.restoreSnapshot(
    persisted,
    scopeFor(c.machine, c.snapshot.context),
  ) as Snapshot;
  return { ...c, snapshot };
};
