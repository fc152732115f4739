/**
 * The after-action report as semantic HTML: the same document `report.ts` renders as Markdown,
 * with headings, tables (captions, header cells with scopes) and lists; buttons export it as
 * Markdown, as the replayable JSON log, or print it. `print.css` makes the browser's print (and
 * print-to-PDF) show the report alone, black on white, with the address of every link.
 */
import '../report.css';
import '../print.css';
import type { Conference } from '../../core/conference';
import type { Scenario } from '../../core/scenario';
import {
  buildReport,
  docToMarkdown,
  reportJson,
  word,
  type Block,
  type Inline,
  type ReportLang,
} from '../report';
import { button, h, tableHead } from './dom';

export interface ReportViewOptions {
  /** Level of the report's title: 1 on a screen of its own, 2 inside another screen. */
  level?: 1 | 2;
}

let counter = 0;

/** `mm:ss` as an ISO 8601 duration, for `<time datetime>`. */
const duration = (mmss: string): string => {
  const [m, s] = mmss.split(':').map(Number);
  return `PT${m ?? 0}M${s ?? 0}S`;
};

const inline = (parts: readonly Inline[]): (Node | string)[] =>
  parts.map((p) => {
    if (typeof p === 'string') return p;
    if ('strong' in p) return h('strong', {}, p.strong);
    if ('em' in p) return h('em', {}, p.em);
    if ('time' in p) return h('time', { class: 'clock', datetime: duration(p.time) }, p.time);
    return h(
      'a',
      {
        href: p.href,
        rel: 'noreferrer',
        target: '_blank',
        // A link whose text is its address needs no address printed after it.
        class: p.link === p.href ? 'bare' : undefined,
      },
      p.link,
    );
  });

type Heading = 'h2' | 'h3' | 'h4';

const block = (b: Block, sub: Heading): HTMLElement => {
  switch (b.type) {
    case 'p':
      return h('p', {}, ...inline(b.content));
    case 'h3':
      return h(sub, {}, b.text);
    case 'list':
      return h(
        b.ordered ? 'ol' : 'ul',
        { class: b.cls },
        ...b.items.map((it) => h('li', {}, ...inline(it))),
      );
    case 'table':
      return h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          {},
          h('caption', {}, b.caption),
          tableHead(b.head),
          h(
            'tbody',
            {},
            ...b.rows.map((r) =>
              h(
                'tr',
                {},
                ...r.map((c, j) =>
                  j === 0 ? h('th', { scope: 'row' }, ...inline(c)) : h('td', {}, ...inline(c)),
                ),
              ),
            ),
          ),
        ),
      );
  }
};

const download = (name: string, text: string, type: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Sections whose printout starts on a new page. */
const MAJOR = new Set(['timeline', 'votes', 'crises', 'said-did', 'scores', 'history']);

// ── printing: only the report ──────────────────────────────────────────────────────────────
// print.css hides everything but the report with `:has()`; for browsers without it, the report's
// ancestors are marked and their other children hidden while printing, keyed on a body class.

const PRINT_CLASS = 'printing-report';
const marked: Element[] = [];

const markForPrint = (target: Element): void => {
  unmarkPrint();
  document.body.classList.add(PRINT_CLASS);
  target.setAttribute('data-print-target', '');
  for (
    let node: Element | null = target;
    node && node !== document.body;
    node = node.parentElement
  ) {
    const parent: Element | null = node.parentElement;
    if (!parent) break;
    if (parent !== document.body) {
      parent.classList.add('print-path');
      marked.push(parent);
    }
    for (const sib of Array.from(parent.children))
      if (sib !== node) {
        sib.setAttribute('data-print-hidden', '');
        marked.push(sib);
      }
  }
  marked.push(target);
};

const unmarkPrint = (): void => {
  document.body.classList.remove(PRINT_CLASS);
  for (const el of marked.splice(0)) {
    el.removeAttribute('data-print-hidden');
    el.removeAttribute('data-print-target');
    el.classList.remove('print-path');
  }
};

let printHooks = false;
const installPrintHooks = (): void => {
  if (printHooks || typeof window === 'undefined') return;
  printHooks = true;
  window.addEventListener('beforeprint', () => {
    if (document.body.classList.contains(PRINT_CLASS)) return;
    const all = document.querySelectorAll('.report-root');
    const target = all[all.length - 1];
    if (target) markForPrint(target);
  });
  window.addEventListener('afterprint', unmarkPrint);
};

/** The after-action report as an element, with export and print buttons. */
export const renderReport = (
  scenario: Scenario,
  conference: Conference,
  lang: ReportLang,
  options: ReportViewOptions = {},
): HTMLElement => {
  installPrintHooks();
  const doc = buildReport(scenario, conference, lang);
  const level = options.level ?? 1;
  const [titleTag, sectionTag, subTag] = (
    level === 1 ? ['h1', 'h2', 'h3'] : ['h2', 'h3', 'h4']
  ) as ['h1' | 'h2', Heading, Heading];
  const prefix = `report-${++counter}`;
  const w = (k: Parameters<typeof word>[1]) => word(lang, k);

  const root = h('article', {
    class: 'report-root',
    lang,
    'aria-labelledby': `${prefix}-title`,
  });
  const actions = h(
    'div',
    { class: 'report-actions menu', role: 'group', 'aria-label': w('actions') },
    button(
      w('exportMd'),
      () => download(`${doc.fileBase}.md`, docToMarkdown(doc), 'text/markdown;charset=utf-8'),
      { 'data-key': 'report-md', class: 'report-export-md' },
    ),
    button(
      w('exportJson'),
      () =>
        download(
          `consensus-${scenario.id}-seed${conference.options.seed}.json`,
          reportJson(conference),
          'application/json',
        ),
      { 'data-key': 'report-json', class: 'report-export-json' },
    ),
    button(
      w('print'),
      () => {
        markForPrint(root);
        try {
          window.print();
        } finally {
          // Browsers that print asynchronously send afterprint; the others are done here.
          window.setTimeout(unmarkPrint, 0);
        }
      },
      { 'data-key': 'report-print', class: 'report-print' },
    ),
  );
  root.append(
    h(
      'header',
      { class: 'report-head' },
      h(titleTag, { id: `${prefix}-title` }, doc.title),
      ...doc.intro.map((b) => block(b, subTag)),
      actions,
    ),
    ...doc.sections.map((s) =>
      h(
        'section',
        {
          class: `report-section panel${MAJOR.has(s.id) ? ' major' : ''}`,
          id: `${prefix}-${s.id}`,
          'aria-labelledby': `${prefix}-${s.id}-h`,
        },
        h(sectionTag, { id: `${prefix}-${s.id}-h` }, s.heading),
        ...s.blocks.map((b) => block(b, subTag)),
      ),
    ),
  );
  return root;
};
