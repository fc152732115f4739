/**
 * AI delegations: utility-based, seeded, and able to say why. `delegateAct` returns the event a
 * delegation wants to send now (with its top factors attached), or null if it has nothing to do.
 * It reads the context as its own view would show it: its own brief and the public record.
 */
import type { ConferenceEvent, Factor, Term, Why } from '../events';
import { currentPhase, type Conference } from '../conference';
import { drawNormal, draw } from '../random';
import type { Env } from '../rules/common';
import { currentItemProposals, eligibleVoters } from '../rules/common';
import { responseLevel, type Text } from '../scenario';
import type { ConferenceContext, Difficulty } from '../state';
import {
  VOTE_OBJECT,
  VOTE_YES,
  amendmentsNow,
  proposalUtility,
  proposalValue,
  reputationOf,
  responseUtility,
  termCost,
  termValue,
  topFactors,
  type Weighed,
} from './utility';

export interface Temper {
  /** Standard deviation of the noise on every utility. */
  noise: number;
  /** Weight on keeping one's word. */
  loyalty: number;
  negotiates: boolean;
  amends: boolean;
  /** Refuses offers from delegations whose reputation is below this. */
  distrustBelow: number;
}

export const TEMPERS: Record<Difficulty, Temper> = {
  easy: { noise: 0.45, loyalty: 0.1, negotiates: false, amends: false, distrustBelow: 0 },
  normal: { noise: 0.2, loyalty: 0.4, negotiates: false, amends: true, distrustBelow: 30 },
  hard: { noise: 0.06, loyalty: 0.7, negotiates: true, amends: true, distrustBelow: 45 },
};

const why = (summary: Text, factors: Factor[]): Why => ({ summary, factors: topFactors(factors) });

/** Names as a reader sees them: delegations by name, proposals by code and title. */
const who = (env: Env, id: string): Text => env.delegation.get(id)?.name ?? { en: id, ru: id };
const propNames = new WeakMap<Env, Map<string, Text>>();
const prop = (env: Env, id: string): Text => {
  let byId = propNames.get(env);
  if (!byId) propNames.set(env, (byId = new Map()));
  let name = byId.get(id);
  if (!name) {
    const p = env.proposal.get(id);
    name = p
      ? { en: `${p.code} «${p.title.en}»`, ru: `${p.code} «${p.title.ru}»` }
      : { en: id, ru: id };
    byId.set(id, name);
  }
  return name;
};
const amend = (env: Env, p: string, a: string): Text => {
  const x = env.proposal.get(p)?.amendments.find((y) => y.id === a);
  return x ? x.title : { en: a, ru: a };
};
const fmtCache = new Map<number, string>();
/** A factor's value as shown, e.g. `+0.41` (memoised: values are rounded to hundredths). */
const fmt = (x: number): string => {
  let s = fmtCache.get(x);
  if (s === undefined) {
    s = x >= 0 ? `+${x.toFixed(2)}` : x.toFixed(2);
    if (fmtCache.size < 10_000) fmtCache.set(x, s);
  }
  return s;
};
/** The same in Russian: a decimal comma and a minus sign (`+0,41`, `−0,30`). */
const fmtRu = (x: number): string => fmt(x).replace('.', ',').replace('-', '−');
/** The two strongest factors as words, in both languages (for a decision's summary). */
const factorText = (fs: Factor[]): Text => {
  const top = topFactors(fs, 2);
  return {
    en: top.map((x) => `${x.label.en} ${fmt(x.value)}`).join(' and '),
    ru: top.map((x) => `${x.label.ru} ${fmtRu(x.value)}`).join(' и '),
  };
};

/** Noise for one decision, from the game seed and the event counter. */
const noise = (ctx: ConferenceContext, seat: string, salt: string, t: Temper): number =>
  drawNormal(ctx.seed, ctx.seq, `${seat}/${salt}`) * t.noise;

/** My commitments that bear on a vote, as a utility bonus for keeping them. */
const commitmentPull = (
  env: Env,
  ctx: ConferenceContext,
  seat: string,
  proposal: string,
  t: Temper,
): Factor[] =>
  ctx.commitments
    .filter(
      (c) =>
        c.by === seat &&
        c.status === 'pending' &&
        c.term.type === 'vote' &&
        c.term.proposal === proposal,
    )
    .map((c) => ({
      label: { en: `promise to ${who(env, c.to).en}`, ru: `обещание (${who(env, c.to).ru})` },
      value:
        Math.round(
          t.loyalty * (c.term.type === 'vote' && c.term.choice === 'yes' ? 1.2 : 0.8) * 100,
        ) / 100,
    }));

const votingChoice = (
  env: Env,
  ctx: ConferenceContext,
  seat: string,
  u: number,
  committedStandAside: boolean,
): 'yes' | 'no' | 'abstain' | 'standAside' => {
  const mustVote = ctx.delegations[seat]!.presence === 'presentAndVoting';
  if (u > VOTE_YES) return 'yes';
  if (u < VOTE_OBJECT && !committedStandAside) return 'no';
  if (mustVote) return u >= 0 ? 'yes' : 'no';
  return env.profile.standAside ? 'standAside' : 'abstain';
};

const CHOICE_TEXT: Record<string, Text> = {
  yes: { en: 'votes yes', ru: 'голосует «за»' },
  no: { en: 'objects', ru: 'возражает' },
  abstain: { en: 'abstains', ru: 'воздерживается' },
  standAside: { en: 'stands aside', ru: 'заявляет о неучастии' },
};

const voteOnBallot = (conf: Conference, seat: string, t: Temper): ConferenceEvent | null => {
  const ctx = conf.snapshot.context;
  const env = conf.env;
  const b = ctx.ballots[ctx.ballot];
  if (!b || b.votes[seat] || !eligibleVoters(ctx, env).includes(seat)) return null;
  let w: Weighed;
  if (b.kind === 'amendment') {
    const base = amendmentsNow(ctx, b.proposal);
    const withA = proposalUtility(env, seat, b.proposal, [...base, b.amendment!]);
    const without = proposalUtility(env, seat, b.proposal, base);
    const promised = ctx.commitments.some(
      (c) =>
        c.by === seat &&
        c.status === 'pending' &&
        c.term.type === 'amendment' &&
        c.term.amendment === b.amendment,
    );
    const factors: Factor[] = [
      {
        label: { en: 'the text with the amendment', ru: 'текст с поправкой' },
        value: Math.round((withA.value - without.value) * 100) / 100,
      },
      ...(promised
        ? [
            {
              label: { en: 'a promise to support it', ru: 'обещание поддержать' },
              value: t.loyalty,
            },
          ]
        : []),
    ];
    w = { value: factors.reduce((a, x) => a + x.value, 0), factors };
  } else {
    const base = proposalUtility(env, seat, b.proposal, amendmentsNow(ctx, b.proposal));
    const pull = commitmentPull(env, ctx, seat, b.proposal, t);
    w = {
      value: base.value + pull.reduce((a, x) => a + x.value, 0),
      factors: [...base.factors, ...pull],
    };
  }
  const jitter = noise(ctx, seat, `vote/${ctx.ballot}`, t);
  const u = w.value + jitter;
  // The AI's unpredictability is a factor like any other, so "why?" never hides it.
  if (Math.abs(jitter) >= 0.05)
    w.factors.push({
      label: { en: 'unpredictability of this delegation', ru: 'непредсказуемость делегации' },
      value: Math.round(jitter * 100) / 100,
    });
  const standAsidePromised = ctx.commitments.some(
    (c) =>
      c.by === seat &&
      c.status === 'pending' &&
      c.term.type === 'vote' &&
      c.term.proposal === b.proposal &&
      c.term.choice === 'standAside',
  );
  const choice = votingChoice(env, ctx, seat, u, standAsidePromised && t.loyalty >= 0.4);
  const what: Text =
    b.kind === 'amendment'
      ? {
          en: `the amendment «${amend(env, b.proposal, b.amendment!).en}» to ${prop(env, b.proposal).en}`,
          ru: `поправка «${amend(env, b.proposal, b.amendment!).ru}» к предложению ${prop(env, b.proposal).ru}`,
        }
      : { en: prop(env, b.proposal).en, ru: `предложение ${prop(env, b.proposal).ru}` };
  const reasons = factorText(w.factors);
  return {
    type: 'delegate.vote',
    seat,
    choice,
    why: why(
      {
        en: `${who(env, seat).en} ${CHOICE_TEXT[choice]!.en} on ${what.en}: ${reasons.en || 'no strong interest'}`,
        ru: `${who(env, seat).ru}: ${CHOICE_TEXT[choice]!.ru} — ${what.ru}. Причины: ${reasons.ru || 'нет сильного интереса'}`,
      },
      w.factors,
    ),
  };
};

const respondToCrisis = (conf: Conference, seat: string, t: Temper): ConferenceEvent | null => {
  const ctx = conf.snapshot.context;
  const env = conf.env;
  const id = ctx.crisis;
  if (!id || ctx.crises[id]?.status !== 'open' || ctx.crises[id]!.responses[seat]) return null;
  const c = env.crisis.get(id)!;
  if (c.requester === seat || !eligibleVoters(ctx, env).includes(seat)) return null;
  let best: { kind: (typeof c.options)[number]['kind']; w: Weighed; u: number } | null = null;
  for (const o of c.options) {
    const w = responseUtility(env, ctx, seat, id, o.kind);
    const promise = ctx.commitments.find(
      (x) =>
        x.by === seat &&
        x.status === 'pending' &&
        x.term.type === 'response' &&
        x.term.crisis === id,
    );
    if (
      promise &&
      promise.term.type === 'response' &&
      responseLevel(o.kind) >= responseLevel(promise.term.atLeast)
    )
      w.factors.push({
        label: {
          en: `promise to ${who(env, promise.to).en}`,
          ru: `обещание (${who(env, promise.to).ru})`,
        },
        value: t.loyalty,
      });
    const u = w.factors.reduce((a, x) => a + x.value, 0) + noise(ctx, seat, `crisis/${o.kind}`, t);
    if (!best || u > best.u) best = { kind: o.kind, w, u };
  }
  if (!best) return null;
  const text = c.options.find((o) => o.kind === best.kind)!.text;
  const reasons = factorText(best.w.factors);
  return {
    type: 'delegate.respond',
    seat,
    crisis: id,
    response: best.kind,
    why: why(
      {
        en: `${who(env, seat).en} chooses: ${text.en} (${reasons.en})`,
        ru: `${who(env, seat).ru} выбирает: ${text.ru} (${reasons.ru})`,
      },
      best.w.factors,
    ),
  };
};

const answerOffers = (
  conf: Conference,
  seat: string,
  t: Temper,
  difficulty: Difficulty,
): ConferenceEvent | null => {
  const ctx = conf.snapshot.context;
  const env = conf.env;
  const offer = ctx.offers.find((o) => o.to === seat && o.status === 'open');
  if (!offer) return null;
  const value = offer.give.reduce((a, x) => a + termValue(env, ctx, seat, offer.from, x), 0);
  const cost = offer.want.reduce((a, x) => a + termCost(env, ctx, seat, x), 0);
  const rep = reputationOf(ctx, offer.from);
  const factors: Factor[] = [
    {
      label: { en: 'what is offered', ru: 'что предлагают' },
      value: Math.round(value * 100) / 100,
    },
    { label: { en: 'what is asked', ru: 'что просят' }, value: -Math.round(cost * 100) / 100 },
  ];
  if (t.distrustBelow && rep < t.distrustBelow)
    factors.push({
      label: {
        en: `reputation of ${who(env, offer.from).en} (${rep})`,
        ru: `репутация: ${who(env, offer.from).ru} (${rep})`,
      },
      value: -1,
    });
  const u =
    factors.reduce((a, x) => a + x.value, 0) +
    (difficulty === 'easy' ? -0.3 : 0) +
    noise(ctx, seat, `offer/${offer.id}`, t);
  const accept = u > 0;
  return {
    type: accept ? 'delegate.acceptOffer' : 'delegate.rejectOffer',
    seat,
    offer: offer.id,
    why: why(
      {
        en: `${who(env, seat).en} ${accept ? 'accepts' : 'rejects'} the offer from ${who(env, offer.from).en}`,
        ru: `${who(env, seat).ru}: ${accept ? 'принимает' : 'отклоняет'} предложение о сделке от делегации «${who(env, offer.from).ru}»`,
      },
      factors,
    ),
  };
};

/** A hard delegation looks for a member that would block a proposal it wants, and offers a deal. */
const makeOffer = (conf: Conference, seat: string): ConferenceEvent | null => {
  const ctx = conf.snapshot.context;
  const env = conf.env;
  if (ctx.offers.some((o) => o.from === seat && o.item === ctx.item)) return null;
  const me = ctx.delegations[seat]!;
  for (const p of currentItemProposals(ctx, env)) {
    const mine = proposalValue(env, seat, p, amendmentsNow(ctx, p));
    if (mine < 0.5) continue;
    for (const other of eligibleVoters(ctx, env)) {
      if (other === seat) continue;
      const theirs = proposalValue(env, other, p, amendmentsNow(ctx, p));
      if (theirs >= VOTE_OBJECT || theirs < VOTE_OBJECT - 0.8) continue;
      const ask: Term = {
        type: 'vote',
        proposal: p,
        choice: env.profile.standAside ? 'standAside' : 'yes',
      };
      const amount = Math.min(
        me.capital,
        Math.max(2, Math.ceil((VOTE_OBJECT - theirs + 0.2) * 10)),
      );
      if (amount < 2 || amount > 15 || me.capital - amount < 10) continue;
      return {
        type: 'delegate.makeOffer',
        seat,
        to: other,
        give: [{ type: 'capital', amount }],
        want: [ask],
        why: why(
          {
            en: `${who(env, seat).en} wants ${prop(env, p).en} adopted and ${who(env, other).en} would block it`,
            ru: `${who(env, seat).ru} добивается принятия ${prop(env, p).ru}, а ${who(env, other).ru} может его заблокировать`,
          },
          [
            {
              label: { en: `value of ${prop(env, p).en}`, ru: `ценность ${prop(env, p).ru}` },
              value: Math.round(mine * 100) / 100,
            },
            {
              label: { en: 'political capital offered', ru: 'предложенный капитал' },
              value: -amount / 10,
            },
          ],
        ),
      };
    }
  }
  return null;
};

/** For one delegation and proposal: the amendments it could table, with what each would gain it. */
interface AmendPlan {
  p: string;
  /** The proposal's value to the delegation with the amendments now in its text. */
  now: number;
  sponsor: boolean;
  options: { a: string; gain: number }[];
}
/**
 * Memoised per amendments list (a context's lists are never changed in place), item and seat: the
 * AI asks this of every member at every step of a debate, and the answer only changes when an
 * amendment is tabled, accepted or voted on.
 */
const amendPlans = new WeakMap<
  Env,
  WeakMap<ConferenceContext['amendments'], Map<string, AmendPlan[]>>
>();
const amendPlan = (ctx: ConferenceContext, env: Env, seat: string): AmendPlan[] => {
  let byList = amendPlans.get(env);
  if (!byList) amendPlans.set(env, (byList = new WeakMap()));
  let byKey = byList.get(ctx.amendments);
  if (!byKey) byList.set(ctx.amendments, (byKey = new Map()));
  const key = ctx.postponed.length
    ? `${ctx.item}|${seat}|${ctx.postponed.join(',')}`
    : `${ctx.item}|${seat}`;
  let plan = byKey.get(key);
  if (plan) return plan;
  plan = currentItemProposals(ctx, env).map((p) => {
    const prop = env.proposal.get(p)!;
    const base = amendmentsNow(ctx, p);
    const now = proposalValue(env, seat, p, base);
    const options: AmendPlan['options'] = [];
    for (const a of prop.amendments) {
      if (
        ctx.amendments.some(
          (x) => x.proposal === p && x.amendment === a.id && x.status !== 'withdrawn',
        )
      )
        continue;
      if (a.proposedBy && a.proposedBy !== seat) continue;
      options.push({ a: a.id, gain: proposalValue(env, seat, p, [...base, a.id]) - now });
    }
    return { p, now, sponsor: prop.sponsor === seat, options };
  });
  byKey.set(key, plan);
  return plan;
};

/** Table an amendment that makes a proposal better for me; accept friendly ones as sponsor. */
const handleAmendments = (conf: Conference, seat: string, t: Temper): ConferenceEvent | null => {
  const ctx = conf.snapshot.context;
  const env = conf.env;
  for (const { p, sponsor, options } of amendPlan(ctx, env, seat)) {
    if (sponsor) {
      const pending = ctx.amendments.find((a) => a.proposal === p && a.status === 'pending');
      if (pending) {
        const base = amendmentsNow(ctx, p);
        const now = proposalValue(env, seat, p, base);
        const withA = proposalValue(env, seat, p, [...base, pending.amendment]);
        // Accept if it costs me little and wins over someone who would otherwise object.
        const wins = eligibleVoters(ctx, env).some(
          (o) =>
            proposalValue(env, o, p, base) < VOTE_OBJECT &&
            proposalValue(env, o, p, [...base, pending.amendment]) >= VOTE_OBJECT,
        );
        if (withA > VOTE_YES && (wins || withA >= now - 0.05))
          return {
            type: 'delegate.acceptAmendment',
            seat,
            proposal: p,
            amendment: pending.amendment,
            why: why(
              {
                en: `${who(env, seat).en} accepts the amendment «${amend(env, p, pending.amendment).en}» to ${prop(env, p).en} as friendly`,
                ru: `${who(env, seat).ru} принимает поправку «${amend(env, p, pending.amendment).ru}» к предложению ${prop(env, p).ru} как дружественную`,
              },
              [
                {
                  label: {
                    en: 'change in the value of its proposal',
                    ru: 'изменение ценности своего предложения',
                  },
                  value: Math.round((withA - now) * 100) / 100,
                },
                ...(wins
                  ? [
                      {
                        label: { en: 'wins over an objector', ru: 'снимает возражение' },
                        value: 0.3,
                      },
                    ]
                  : []),
              ],
            ),
          };
      }
    }
    for (const { a, gain } of options) {
      // The noise is at most 3 × t.noise: no need to draw it when even that would not do.
      if (gain + 3 * t.noise <= 0.15) continue;
      if (gain + noise(ctx, seat, `amend/${a}`, t) > 0.15)
        return {
          type: 'delegate.proposeAmendment',
          seat,
          proposal: p,
          amendment: a,
          why: why(
            {
              en: `${who(env, seat).en} tables the amendment «${amend(env, p, a).en}» to ${prop(env, p).en}`,
              ru: `${who(env, seat).ru} вносит поправку «${amend(env, p, a).ru}» к предложению ${prop(env, p).ru}`,
            },
            [
              {
                label: { en: 'value gained by the amendment', ru: 'выигрыш от поправки' },
                value: Math.round(gain * 100) / 100,
              },
            ],
          ),
        };
    }
  }
  return null;
};

/** Factor labels in order of weight: "a, then b" / "a, затем b" (labels may contain "and"). */
const ranked = (labels: Text[], lang: 'en' | 'ru'): string =>
  labels.map((l) => l[lang]).join(lang === 'en' ? ', then ' : ', затем ');

/** The labels of the (at most two) factors that weigh most on one side: gains (+1) or costs (−1). */
const heaviest = (factors: readonly Factor[], sign: 1 | -1): Text[] =>
  factors
    .filter((f) => f.value * sign > 0)
    .sort((a, b) => (b.value - a.value) * sign)
    .slice(0, 2)
    .map((f) => f.label);

/** Openings of a speech, by stance, in both languages; each speaker's is drawn from the seed. */
const OPENINGS: Record<'support' | 'oppose' | 'undecided', ((p: Text, me: Text) => Text)[]> = {
  support: [
    (p) => ({
      en: `Our delegation supports ${p.en}.`,
      ru: `Наша делегация поддерживает предложение ${p.ru}.`,
    }),
    (p) => ({ en: `We will vote for ${p.en}.`, ru: `Мы будем голосовать за предложение ${p.ru}.` }),
    (p, me) => ({
      en: `${me.en} backs ${p.en}.`,
      ru: `${me.ru} поддерживает предложение ${p.ru}.`,
    }),
  ],
  oppose: [
    (p) => ({
      en: `Our delegation cannot accept ${p.en} in its present form.`,
      ru: `Наша делегация не может согласиться с предложением ${p.ru} в нынешней редакции.`,
    }),
    (p) => ({
      en: `We cannot support ${p.en} as it stands.`,
      ru: `В нынешнем виде мы не можем поддержать предложение ${p.ru}.`,
    }),
    (p, me) => ({
      en: `${me.en} has serious reservations about ${p.en}.`,
      ru: `${me.ru}: у нас серьёзные сомнения в предложении ${p.ru}.`,
    }),
  ],
  undecided: [
    (p) => ({
      en: `Our delegation is studying ${p.en} and is open to amendments.`,
      ru: `Наша делегация изучает предложение ${p.ru} и открыта для поправок.`,
    }),
    (p) => ({
      en: `We have not yet made up our minds on ${p.en}.`,
      ru: `Мы ещё не определили позицию по предложению ${p.ru}.`,
    }),
    (p) => ({
      en: `Before we decide on ${p.en}, we want to hear the other delegations.`,
      ru: `Прежде чем решать по предложению ${p.ru}, мы хотим выслушать другие делегации.`,
    }),
  ],
};

/**
 * A delegation's speech on a proposal, in both languages (a line each):
 * - if the speaker before it spoke on the same proposal, whether it shares that view;
 * - an opening for its stance, drawn from the seed (six delegations do not all say the same);
 * - the reasons that weigh most for it: the largest gains when it supports, the largest costs when
 *   it objects, one of each when it is undecided;
 * - when it is not for the proposal, an amendment still open that would win its vote, if any.
 * In Russian the proposal is "предложение K1 «title»" and names stay in the nominative, so that
 * nothing needs declension.
 */
const speech = (
  ctx: ConferenceContext,
  env: Env,
  seat: string,
  p: string,
  amendments: readonly string[],
  stance: 'support' | 'oppose' | 'undecided',
): string => {
  const name = prop(env, p);
  const factors = proposalUtility(env, seat, p, amendments).factors;
  const gains = heaviest(factors, 1);
  const costs = heaviest(factors, -1);
  const en: string[] = [];
  const ru: string[] = [];
  const say = (x: Text) => (en.push(x.en), ru.push(x.ru));

  const last = ctx.statements[ctx.statements.length - 1];
  if (last && last.item === ctx.item && last.proposal === p && last.by !== seat) {
    const other = who(env, last.by);
    const pick = draw(ctx.seed, ctx.item, `answer/${seat}/${p}`) < 0.5;
    if (last.stance === stance && stance !== 'undecided')
      say(
        pick
          ? {
              en: `We share the view of the previous speaker, ${other.en}.`,
              ru: `Мы разделяем позицию предыдущего оратора (${other.ru}).`,
            }
          : {
              en: `We agree with the previous speaker, ${other.en}.`,
              ru: `Мы согласны с предыдущим оратором (${other.ru}).`,
            },
      );
    else if (last.stance !== 'undecided' && stance !== 'undecided' && last.stance !== stance)
      say(
        pick
          ? {
              en: `We see it differently from the previous speaker, ${other.en}.`,
              ru: `Мы смотрим на это иначе, чем предыдущий оратор (${other.ru}).`,
            }
          : {
              en: `We cannot agree with the previous speaker, ${other.en}.`,
              ru: `Мы не можем согласиться с предыдущим оратором (${other.ru}).`,
            },
      );
  }

  const openings = OPENINGS[stance];
  say(
    openings[Math.floor(draw(ctx.seed, ctx.item, `opening/${seat}/${p}`) * openings.length)]!(
      name,
      who(env, seat),
    ),
  );

  if (stance === 'support')
    say(
      gains.length
        ? {
            en: `What counts most for us: ${ranked(gains, 'en')}.`,
            ru: `Для нас здесь главное: ${ranked(gains, 'ru')}.`,
          }
        : {
            en: 'It serves the security of all member states.',
            ru: 'Оно отвечает интересам безопасности всех государств-членов.',
          },
    );
  else if (stance === 'oppose')
    say(
      costs.length
        ? {
            en: `What weighs against it for us: ${ranked(costs, 'en')}.`,
            ru: `Для нас против него говорят: ${ranked(costs, 'ru')}.`,
          }
        : {
            en: 'The costs fall unevenly on member states.',
            ru: 'Издержки распределяются между государствами неравномерно.',
          },
    );
  else {
    const [pro, con] = [gains[0], costs[0]];
    if (pro && con)
      say({
        en: `For it: ${pro.en}; against it: ${con.en}.`,
        ru: `За: ${pro.ru}; против: ${con.ru}.`,
      });
  }

  if (stance !== 'support') {
    // The amendment still open that would do most for the speaker, if it would win its vote.
    const open = env.proposal
      .get(p)!
      .amendments.filter(
        (a) =>
          !amendments.includes(a.id) &&
          !ctx.amendments.some(
            (x) =>
              x.proposal === p &&
              x.amendment === a.id &&
              (x.status === 'rejected' || x.status === 'withdrawn'),
          ),
      )
      .map((a) => ({ a, v: proposalValue(env, seat, p, [...amendments, a.id]) }))
      .filter((x) => x.v > VOTE_YES)
      .sort((x, y) => y.v - x.v)[0];
    if (open)
      say({
        en: `With the amendment «${open.a.title.en}», we could support it.`,
        ru: `С поправкой «${open.a.title.ru}» мы могли бы его поддержать.`,
      });
  }
  return `${en.join(' ')}\n${ru.join(' ')}`;
};

const debate = (
  conf: Conference,
  seat: string,
  t: Temper,
  difficulty: Difficulty,
): ConferenceEvent | null => {
  const ctx = conf.snapshot.context;
  const env = conf.env;
  const d = ctx.delegations[seat]!;
  if (d.presence === 'absent') return null;
  if (ctx.speaker?.delegation === seat) {
    if (ctx.speaker.spoke) return { type: 'delegate.yield', seat, to: 'chair' };
    const props = currentItemProposals(ctx, env);
    let pick = props[0];
    let best = -1;
    let u = 0;
    for (const p of props) {
      const v = proposalValue(env, seat, p, amendmentsNow(ctx, p));
      if (Math.abs(v) > best) [best, pick, u] = [Math.abs(v), p, v];
    }
    if (!pick) return { type: 'delegate.yield', seat, to: 'chair' };
    const stance = u > VOTE_YES ? 'support' : u < VOTE_OBJECT ? 'oppose' : 'undecided';
    return {
      type: 'delegate.speak',
      seat,
      proposal: pick,
      stance,
      text: speech(ctx, env, seat, pick, amendmentsNow(ctx, pick), stance),
    };
  }
  const member = env.members.includes(seat);
  if (member && (ctx.caucus?.kind === 'unmoderated' || !ctx.caucus)) {
    if (!d.frozen && TEMPERS[difficulty].amends) {
      const a = handleAmendments(conf, seat, t);
      if (a) return a;
    }
    if (!d.frozen && t.negotiates) {
      const o = makeOffer(conf, seat);
      if (o) return o;
    }
  }
  if (!ctx.caucus && !ctx.speaker && !ctx.speakers.includes(seat) && !ctx.motionVote) {
    const spoke = ctx.statements.some((s) => s.by === seat && s.item === ctx.item);
    if (spoke) return null;
    const strong = amendPlan(ctx, env, seat).some((x) => Math.abs(x.now) > 0.3);
    if (strong && draw(ctx.seed, ctx.item, `speak/${seat}`) < 0.8)
      return { type: 'delegate.joinSpeakers', seat };
  }
  return null;
};

/** The event an AI delegation sends now, or null. */
export const delegateAct = (
  conf: Conference,
  seat: string,
  difficulty: Difficulty,
): ConferenceEvent | null => {
  const t = TEMPERS[difficulty];
  const ctx = conf.snapshot.context;
  if (ctx.ended || ctx.paused) return null;
  const phase = currentPhase(conf);
  const d = ctx.delegations[seat];
  if (!d) return null;
  if (phase === 'rollCall.open')
    return d.presence === 'absent'
      ? { type: 'delegate.answerRollCall', seat, status: 'present' }
      : null;
  if (d.presence === 'absent') return null;
  const answer = answerOffers(conf, seat, t, difficulty);
  if (answer) return answer;
  if (phase === 'floor.item.voting') return voteOnBallot(conf, seat, t);
  if (phase === 'floor.item.debate.motionVote') {
    const mv = ctx.motionVote!;
    if (mv.votes[seat] || !eligibleVoters(ctx, conf.env).includes(seat)) return null;
    const yes = mv.motion.by === seat || draw(ctx.seed, ctx.seq, `motion/${seat}`) < 0.6;
    return { type: 'delegate.voteMotion', seat, choice: yes ? 'yes' : 'no' };
  }
  if (phase === 'crisis.responses') return respondToCrisis(conf, seat, t);
  if (phase.startsWith('floor.item.debate')) return debate(conf, seat, t, difficulty);
  return null;
};
