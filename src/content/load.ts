/**
 * Scenario loader: YAML text -> schema-checked -> cross-references resolved.
 *
 * Every problem becomes a `ScenarioProblem` naming the file, the path inside it (and the line,
 * where the YAML parser knows it) and what to do about it. Pure apart from its input text, so the
 * browser, the server and the CLI share it.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import {
  GlossarySchema,
  ScenarioSchema,
  type Condition,
  type Glossary,
  type Scenario,
} from '../core/scenario';

export interface ScenarioProblem {
  file: string;
  /** Path inside the file, e.g. `proposals[3].consent[0]`. */
  path: string;
  line?: number;
  message: string;
  fix: string;
}

export type LoadResult<T> = { ok: true; value: T } | { ok: false; problems: ScenarioProblem[] };

export const formatProblem = (p: ScenarioProblem): string =>
  `${p.file}${p.line ? `:${p.line}` : ''}: ${p.path || '(top level)'}: ${p.message}\n  fix: ${p.fix}`;

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

type Segment = string | number;
const pathText = (path: readonly Segment[]): string =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

/** Levenshtein distance, for "did you mean" suggestions. */
const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
};

export const suggest = (value: string, known: readonly string[]): string => {
  const best = [...known].sort((x, y) => distance(value, x) - distance(value, y))[0];
  const list = known.length <= 12 ? known.join(', ') : `${known.slice(0, 12).join(', ')}, …`;
  if (best !== undefined && distance(value, best) <= Math.max(2, Math.floor(best.length / 3)))
    return `did you mean "${best}"? Known: ${list}`;
  return known.length ? `use one of: ${list}` : 'declare it first';
};

const fixForIssue = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? `add the missing field (${issue.expected})`
        : `write a value of type ${issue.expected}`;
    case 'unrecognized_keys':
      return `remove or rename ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against scenarios/README.md)`;
    case 'invalid_value':
      return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `give at least ${String(issue.minimum)} item(s)`
        : issue.origin === 'string'
          ? 'fill in the text'
          : `use a value of at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `give at most ${String(issue.maximum)} item(s)`
        : `use a value of at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'check the "type" field and the fields that type needs (see scenarios/README.md)';
    case 'invalid_format':
      return issue.format === 'url'
        ? 'write a full https:// address'
        : `write a valid ${issue.format}`;
    default:
      return 'see scenarios/README.md for this field';
  }
};

/** Finds the source line of a path in the parsed YAML document, when it exists. */
const lineOf = (
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: readonly Segment[],
): number | undefined => {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && (node as { range?: number[] }).range) {
      const start = (node as { range: number[] }).range[0]!;
      return counter.linePos(start).line;
    }
    if (n === 0 && (isMap(doc.contents) || isSeq(doc.contents))) return 1;
  }
  return undefined;
};

interface Parsed {
  data: unknown;
  locate: (path: readonly Segment[]) => number | undefined;
}

const parseYaml = (text: string, file: string): LoadResult<Parsed> => {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        path: '',
        line: e.linePos?.[0]?.line,
        message: `not valid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        fix: 'check the indentation and quoting around this line',
      })),
    };
  }
  return {
    ok: true,
    value: { data: doc.toJS(), locate: (path) => lineOf(doc, counter, path) },
  };
};

const schemaProblems = (
  error: z.ZodError,
  file: string,
  locate: Parsed['locate'],
): ScenarioProblem[] =>
  error.issues.map((issue) => {
    const path = issue.path.filter((s): s is Segment => typeof s !== 'symbol');
    return {
      file,
      path: pathText(path),
      line: locate(path),
      message: issue.message,
      fix: fixForIssue(issue),
    };
  });

/** Cross-reference checks that a schema cannot express. */
export const checkReferences = (s: Scenario, file: string): Omit<ScenarioProblem, 'line'>[] => {
  const problems: Omit<ScenarioProblem, 'line'>[] = [];
  const add = (path: string, message: string, fix: string) =>
    problems.push({ file, path, message, fix });

  const unique = (kind: string, items: { id: string }[], at: string) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id))
        add(
          `${at}[${i}].id`,
          `the ${kind} id "${it.id}" is used twice`,
          'give each one its own id',
        );
      seen.add(it.id);
    });
  };
  unique('source', s.sources, 'sources');
  unique('actor', s.actors, 'actors');
  unique('group', s.groups, 'groups');
  unique('agenda item', s.agenda, 'agenda');
  unique('delegation', s.delegations, 'delegations');
  unique('proposal', s.proposals, 'proposals');
  unique('crisis', s.crises, 'crises');

  const sources = s.sources.map((x) => x.id);
  const actors = s.actors.map((x) => x.id);
  const delegations = s.delegations.map((x) => x.id);
  const members = s.delegations.filter((d) => d.role === 'member').map((d) => d.id);
  const proposals = s.proposals.map((x) => x.id);
  const crises = s.crises.map((x) => x.id);
  const groups = s.groups.map((x) => x.id);
  const parties = [...delegations, ...actors, 'csto'];

  const source = (path: string, id: string) => {
    if (!sources.includes(id))
      add(path, `unknown source "${id}"`, `declare it under "sources" or ${suggest(id, sources)}`);
  };
  const delegation = (path: string, id: string, only = delegations) => {
    if (!only.includes(id)) add(path, `unknown delegation "${id}"`, suggest(id, only));
  };
  const actorOrDelegation = (path: string, id: string) => {
    if (!actors.includes(id) && !delegations.includes(id))
      add(
        path,
        `unknown actor or delegation "${id}"`,
        `declare it under "actors" or ${suggest(id, [...actors, ...delegations])}`,
      );
  };
  const actor = (path: string, id: string) => {
    if (!actors.includes(id))
      add(
        path,
        `unknown outside actor "${id}"`,
        `declare it under "actors" or ${suggest(id, actors)}`,
      );
  };

  if (members.length < 2)
    add(
      'delegations',
      'a conference needs at least two member delegations',
      'add member delegations',
    );

  // The game lists the agenda as a numbered list: "1. " in a title would read "1. 1. …".
  s.agenda.forEach((item, i) => {
    for (const lang of ['en', 'ru'] as const)
      if (/^\s*\d+[.)]\s/.test(item.title[lang]))
        add(
          `agenda[${i}].title.${lang}`,
          `the title starts with a number ("${item.title[lang].trim().split(/\s/)[0]}")`,
          'remove the number: the game numbers the agenda items itself',
        );
  });

  const placed = new Map<string, number>();
  s.agenda.forEach((item, i) =>
    item.proposals.forEach((p, j) => {
      if (!proposals.includes(p))
        add(`agenda[${i}].proposals[${j}]`, `unknown proposal "${p}"`, suggest(p, proposals));
      if (placed.has(p))
        add(
          `agenda[${i}].proposals[${j}]`,
          `proposal "${p}" is on the agenda twice`,
          'list each proposal in one agenda item',
        );
      placed.set(p, i);
    }),
  );
  s.proposals.forEach((p, i) => {
    if (!placed.has(p.id))
      add(
        `proposals[${i}]`,
        `proposal "${p.id}" is not on the agenda`,
        'add its id to an agenda item',
      );
    if (!groups.includes(p.group))
      add(`proposals[${i}].group`, `unknown group "${p.group}"`, suggest(p.group, groups));
    delegation(`proposals[${i}].sponsor`, p.sponsor);
    p.consent.forEach((c, j) => delegation(`proposals[${i}].consent[${j}]`, c, members));
    const stakes = (list: typeof p.stakes, at: string) =>
      list.forEach((st, j) => {
        delegation(`${at}[${j}].delegation`, st.delegation);
        Object.keys(st.relations).forEach((a) => actor(`${at}[${j}].relations.${a}`, a));
      });
    stakes(p.stakes, `proposals[${i}].stakes`);
    unique('amendment', p.amendments, `proposals[${i}].amendments`);
    p.amendments.forEach((a, k) => {
      if (a.proposedBy) delegation(`proposals[${i}].amendments[${k}].proposedBy`, a.proposedBy);
      stakes(a.stakes, `proposals[${i}].amendments[${k}].stakes`);
    });
    p.sources.forEach((src, j) => source(`proposals[${i}].sources[${j}]`, src));
  });

  s.delegations.forEach((d, i) => {
    Object.keys(d.interests.actors).forEach((a) =>
      actor(`delegations[${i}].interests.actors.${a}`, a),
    );
    d.ties.forEach((t, j) => {
      actorOrDelegation(`delegations[${i}].ties[${j}].with`, t.with);
      source(`delegations[${i}].ties[${j}].source`, t.source);
    });
    const fs = d.factSheet;
    (['population', 'gdp', 'militarySpending'] as const).forEach((k) =>
      source(`delegations[${i}].factSheet.${k}.source`, fs[k].source),
    );
    source(`delegations[${i}].factSheet.armedForces.source`, fs.armedForces.source);
    fs.bases.forEach((b, j) => source(`delegations[${i}].factSheet.bases[${j}].source`, b.source));
    fs.alignments.forEach((b, j) =>
      source(`delegations[${i}].factSheet.alignments[${j}].source`, b.source),
    );
    unique('objective', d.objectives, `delegations[${i}].objectives`);
    d.objectives.forEach((o, j) =>
      checkCondition(o.check, `delegations[${i}].objectives[${j}].check`),
    );
  });

  // One source per figure type across all delegations, so figures compare like with like.
  (['population', 'gdp', 'militarySpending', 'armedForces'] as const).forEach((k) => {
    const used = new Set(s.delegations.map((d) => d.factSheet[k].source));
    if (used.size > 1)
      add(
        `delegations[*].factSheet.${k}.source`,
        `the ${k} figures come from ${used.size} different sources (${[...used].join(', ')})`,
        'use one source for a figure type across all delegations, so they compare',
      );
  });

  s.crises.forEach((c, i) => {
    delegation(`crises[${i}].requester`, c.requester, members);
    if (c.against) actor(`crises[${i}].against`, c.against);
    if (c.trigger.type === 'afterItem' && c.trigger.item >= s.agenda.length)
      add(
        `crises[${i}].trigger.item`,
        `there is no agenda item ${c.trigger.item} (items are numbered from 0 to ${s.agenda.length - 1})`,
        `use a number below ${s.agenda.length}`,
      );
    const kinds = c.options.map((o) => o.kind);
    if (!kinds.includes('standAside'))
      add(
        `crises[${i}].options`,
        'a crisis must let members stand aside',
        'add an option of kind standAside',
      );
    if (!kinds.includes(c.asked))
      add(
        `crises[${i}].asked`,
        `the requested response "${c.asked}" is not among the options`,
        `add an option of kind ${c.asked}`,
      );
    if (new Set(kinds).size !== kinds.length)
      add(`crises[${i}].options`, 'a response kind is listed twice', 'list each kind once');
    c.stakes.forEach((st, j) => delegation(`crises[${i}].stakes[${j}].delegation`, st.delegation));
    c.sources.forEach((src, j) => source(`crises[${i}].sources[${j}]`, src));
  });

  s.debrief.history.forEach((h, i) =>
    h.sources.forEach((src, j) => source(`debrief.history[${i}].sources[${j}]`, src)),
  );
  s.debrief.positions.forEach((p, i) => {
    if (!parties.includes(p.party))
      add(`debrief.positions[${i}].party`, `unknown party "${p.party}"`, suggest(p.party, parties));
    p.sources.forEach((src, j) => source(`debrief.positions[${i}].sources[${j}]`, src));
  });
  s.debrief.corrections.forEach((c, i) =>
    c.sources.forEach((src, j) => source(`debrief.corrections[${i}].sources[${j}]`, src)),
  );

  function checkCondition(c: Condition, at: string): void {
    switch (c.type) {
      case 'proposalAdopted':
      case 'proposalNotAdopted':
        if (!proposals.includes(c.proposal))
          add(`${at}.proposal`, `unknown proposal "${c.proposal}"`, suggest(c.proposal, proposals));
        return;
      case 'amendmentAdopted': {
        const p = s.proposals.find((x) => x.id === c.proposal);
        if (!p)
          add(`${at}.proposal`, `unknown proposal "${c.proposal}"`, suggest(c.proposal, proposals));
        else if (!p.amendments.some((a) => a.id === c.amendment))
          add(
            `${at}.amendment`,
            `proposal "${p.id}" has no amendment "${c.amendment}"`,
            suggest(
              c.amendment,
              p.amendments.map((a) => a.id),
            ),
          );
        return;
      }
      case 'crisisHonoured':
      case 'crisisNotHonoured':
      case 'ownResponseAtLeast':
      case 'ownResponseAtMost':
        if (!crises.includes(c.crisis))
          add(`${at}.crisis`, `unknown crisis "${c.crisis}"`, suggest(c.crisis, crises));
        return;
      case 'notFrozen':
        delegation(`${at}.delegation`, c.delegation);
        return;
      case 'allOf':
      case 'anyOf':
        c.of.forEach((x, i) => checkCondition(x, `${at}.of[${i}]`));
        return;
      default:
        return;
    }
  }
  return problems;
};

/** Parses and checks one scenario file's text. `file` is used in messages only. */
export const loadScenario = (text: string, file: string): LoadResult<Scenario> => {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const { data, locate } = parsed.value;
  const result = ScenarioSchema.safeParse(data);
  if (!result.success) return { ok: false, problems: schemaProblems(result.error, file, locate) };
  const refs = checkReferences(result.data, file);
  if (refs.length) {
    return {
      ok: false,
      problems: refs.map((p) => ({
        ...p,
        line: locate(
          p.path
            .split(/\.|\[|\]/)
            .filter((x) => x !== '')
            .map((x) => (/^\d+$/.test(x) ? Number(x) : x)),
        ),
      })),
    };
  }
  return { ok: true, value: result.data };
};

/** Like `loadScenario` but throws a `ScenarioError` listing every problem. */
export const loadScenarioOrThrow = (text: string, file: string): Scenario => {
  const r = loadScenario(text, file);
  if (!r.ok) throw new ScenarioError(r.problems);
  return r.value;
};

export const loadGlossary = (text: string, file: string): LoadResult<Glossary> => {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const result = GlossarySchema.safeParse(parsed.value.data);
  if (!result.success)
    return { ok: false, problems: schemaProblems(result.error, file, parsed.value.locate) };
  return { ok: true, value: result.data };
};
