/**
 * Printable role briefs and the glossary, generated from the scenario library.
 *
 *   npx tsx scripts/briefs.ts [--out docs/briefs] [--glossary docs/glossary.md] [--check]
 *
 * For every scenario and language it writes one standalone HTML file (`<id>.en.html`,
 * `<id>.ru.html`) holding the public part (title, setting, briefing, agenda) and then every
 * delegation's private brief, objectives and fact sheet, each delegation on its own printed page,
 * followed by the fact-sheet sources and the glossary. It also writes `glossary.en.html`,
 * `glossary.ru.html`, an `index.html` linking all of them, and `docs/glossary.md` (both languages).
 *
 * No external fonts, scripts or stylesheets: every file carries its own print stylesheet (A4).
 * The output is deterministic (no dates, no clock, sorted input), so regenerating an unchanged
 * library gives byte-identical files; `--check` exits 1 if the files on disk are out of date.
 * `renderBriefs()` and `renderGlossaryMarkdown()` build everything in memory and write nothing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readScenario, scenarioFiles } from '../src/content/library';
import { formatProblem, loadGlossary } from '../src/content/load';
import type { Glossary, Scenario, Source, Text } from '../src/core/scenario';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCENARIOS = join(ROOT, 'scenarios');
export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const e = escapeHtml;

/** The language of a single-language string (source titles): Cyrillic means Russian. */
const langOf = (s: string): Lang => (/[А-Яа-яЁё]/.test(s) ? 'ru' : 'en');

/** Wraps a single-language string in a `lang` span when it differs from the document's. */
const foreign = (s: string, doc: Lang): string =>
  langOf(s) === doc ? e(s) : `<span lang="${langOf(s)}">${e(s)}</span>`;

/** Paragraphs of a bilingual text: line breaks in the YAML separate paragraphs. */
const paras = (t: Text, lang: Lang, cls = ''): string =>
  t[lang]
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p${cls ? ` class="${cls}"` : ''}>${e(p)}</p>`)
    .join('\n');

/** Numbers in each language's convention (own code, so the output does not depend on ICU). */
export const formatNumber = (x: number, lang: Lang): string => {
  const [int = '0', frac] = String(x).split('.');
  const group = lang === 'en' ? ',' : '\u00a0';
  const grouped =
    int.length > (lang === 'en' ? 3 : 4) ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int;
  return frac ? `${grouped}${lang === 'en' ? '.' : ','}${frac}` : grouped;
};

const MONTHS: Record<Lang, { alone: string[]; day: string[] }> = {
  en: {
    alone: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    day: [],
  },
  ru: {
    alone: [
      'январь',
      'февраль',
      'март',
      'апрель',
      'май',
      'июнь',
      'июль',
      'август',
      'сентябрь',
      'октябрь',
      'ноябрь',
      'декабрь',
    ],
    day: [
      'января',
      'февраля',
      'марта',
      'апреля',
      'мая',
      'июня',
      'июля',
      'августа',
      'сентября',
      'октября',
      'ноября',
      'декабря',
    ],
  },
};

/** A partial date (`2022`, `2022-09`, `2022-09-14`) written out in the language. */
export const formatDate = (d: string, lang: Lang): string => {
  const [y, m, day] = d.split('-');
  if (!m) return y!;
  const mi = Number(m) - 1;
  if (!day) return lang === 'en' ? `${MONTHS.en.alone[mi]} ${y}` : `${MONTHS.ru.alone[mi]} ${y} г.`;
  return lang === 'en'
    ? `${Number(day)} ${MONTHS.en.alone[mi]} ${y}`
    : `${Number(day)} ${MONTHS.ru.day[mi]} ${y} г.`;
};

/** "10 points" / "10 очков", with Russian plural forms. */
const points = (n: number, lang: Lang): string => {
  if (lang === 'en') return `${n} ${n === 1 ? 'point' : 'points'}`;
  const d = n % 10;
  const dd = n % 100;
  const word =
    d === 1 && dd !== 11 ? 'очко' : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? 'очка' : 'очков';
  return `${n} ${word}`;
};

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

const L = {
  en: {
    kicker: 'Consensus · role briefs',
    setting: 'Setting',
    date: 'Date',
    place: 'Place',
    facts: 'About the facts',
    length: 'Playing time',
    minutes: (n: number) => `about ${n} minutes`,
    difficulty: 'Difficulty',
    diff: { introductory: 'introductory', standard: 'standard', advanced: 'advanced' },
    briefing: 'Public briefing (for every delegation)',
    agenda: 'Agenda',
    contents: 'Contents',
    delegationsHeading: 'Delegations',
    delegation: 'Delegation',
    observer: 'observer: speaks and negotiates, does not vote',
    private: (name: string) => `Private: for the delegation of ${name} only`,
    brief: 'Your brief',
    constraints: 'Constraints',
    capital: (n: number) => `Political capital at the start: ${n}.`,
    objectives: 'Objectives',
    why: 'Why',
    total: (n: number) =>
      `Objectives are worth ${points(n, 'en')} in all. You also score alliance points (how the alliance metrics you care about move) and reputation points (+3 for every commitment kept, −5 for every one broken).`,
    factCaption: (name: string) => `Fact sheet: ${name}`,
    item: 'Item',
    figure: 'Figure',
    year: 'Year or date',
    source: 'Source',
    population: 'Population',
    gdp: 'GDP (current US$)',
    milex: 'Military spending',
    armedForces: 'Armed forces',
    bases: 'Bases',
    alignments: 'Alignments',
    none: 'none',
    popValue: (x: string) => `${x} million`,
    gdpValue: (x: string) => `US$${x} billion`,
    milexValue: (x: string) => `US$${x} million`,
    sources: 'Sources of the fact sheets',
    sourcesNote:
      'Figures are the most recent available when the scenario was written and may be later than the setting; each row gives its year.',
    published: 'dated',
    glossary: 'Glossary',
    glossaryNote:
      'The alliance’s institutions and the rules of procedure used in the game. Sources for each term are in the separate glossary file.',
    glossaryTitle: 'Consensus: glossary',
    glossaryIntro:
      'The alliance’s institutions and the rules of procedure used in the game, with the sources for each term.',
    termSources: 'Sources',
    skip: 'Skip to the delegations',
    backToTop: 'Back to the contents',
  },
  ru: {
    kicker: '«Консенсус» · материалы делегаций',
    setting: 'Обстановка',
    date: 'Дата',
    place: 'Место',
    facts: 'О фактах',
    length: 'Продолжительность',
    minutes: (n: number) => `около ${n} мин`,
    difficulty: 'Сложность',
    diff: { introductory: 'вводный', standard: 'обычный', advanced: 'сложный' },
    briefing: 'Вводная для всех делегаций',
    agenda: 'Повестка дня',
    contents: 'Содержание',
    delegationsHeading: 'Делегации',
    delegation: 'Делегация',
    observer: 'наблюдатель: выступает и ведёт переговоры, но не голосует',
    private: (name: string) => `Конфиденциально. Только для делегации: ${name}`,
    brief: 'Ваши инструкции',
    constraints: 'Ограничения',
    capital: (n: number) => `Политический капитал в начале игры: ${n}.`,
    objectives: 'Цели',
    why: 'Обоснование',
    total: (n: number) =>
      `Всего цели дают ${points(n, 'ru')}. Кроме того, вы получаете очки за альянс (по тому, как меняются важные для вас показатели альянса) и за репутацию (+3 за каждое выполненное обязательство, −5 за каждое нарушенное).`,
    factCaption: (name: string) => `Справка: ${name}`,
    item: 'Показатель',
    figure: 'Значение',
    year: 'Год или дата',
    source: 'Источник',
    population: 'Население',
    gdp: 'ВВП (в текущих долларах США)',
    milex: 'Военные расходы',
    armedForces: 'Вооружённые силы',
    bases: 'Военные базы',
    alignments: 'Союзы и партнёрства',
    none: 'нет',
    popValue: (x: string) => `${x} млн человек`,
    gdpValue: (x: string) => `${x} млрд долл. США`,
    milexValue: (x: string) => `${x} млн долл. США`,
    sources: 'Источники справок',
    sourcesNote:
      'Приведены последние данные, доступные на момент подготовки сценария; они могут быть позже времени действия. Год указан в каждой строке.',
    published: 'дата',
    glossary: 'Словарь терминов',
    glossaryNote:
      'Органы ОДКБ и правила процедуры, действующие в игре. Источники по каждому термину приведены в отдельном файле словаря.',
    glossaryTitle: '«Консенсус»: словарь терминов',
    glossaryIntro:
      'Органы ОДКБ и правила процедуры, действующие в игре, с источниками по каждому термину.',
    termSources: 'Источники',
    skip: 'Перейти к делегациям',
    backToTop: 'К содержанию',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Page frame and print stylesheet
// ---------------------------------------------------------------------------------------------

/** One stylesheet for every file: readable on screen, A4 in print, no external fonts. */
export const STYLE = `
:root { color-scheme: light; }
html {
  font-family: 'Noto Serif', 'DejaVu Serif', 'Liberation Serif', Georgia, 'Times New Roman',
    'Noto Sans', serif;
  font-size: 100%;
  line-height: 1.5;
  color: #111;
  background: #fff;
}
body { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1, h2, h3, .kicker, .private, th, caption, .meta dt {
  font-family: 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif;
}
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.35rem; line-height: 1.25; margin: 1.6rem 0 0.6rem; }
h3 { font-size: 1.1rem; line-height: 1.3; margin: 1.2rem 0 0.4rem; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 0.6rem; }
a { color: #0b4a8b; }
.kicker { font-size: 0.85rem; letter-spacing: 0.04em; text-transform: uppercase; margin: 0; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; padding: 0.3rem 0.5rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
.meta dt { font-weight: 700; }
.meta dd { margin: 0; }
.private {
  display: inline-block;
  border: 2px solid #111;
  padding: 0.2rem 0.6rem;
  font-size: 0.85rem;
  font-weight: 700;
  margin: 0 0 0.4rem;
}
.delegation-label { font-size: 0.9rem; margin: 0.6rem 0 0; }
.delegation h2 { font-size: 1.7rem; margin-top: 0.1rem; }
ol.objectives { padding-left: 1.4rem; }
ol.objectives li { margin-bottom: 0.6rem; break-inside: avoid; page-break-inside: avoid; }
ol.objectives .objective { margin-bottom: 0.15rem; }
.points, .nowrap { white-space: nowrap; font-weight: 400; }
.why { margin-left: 0; font-style: italic; }
.note { font-size: 0.92rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.3rem; }
th, td { border: 1px solid #888; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
.sources li, .terms dd, .url { overflow-wrap: anywhere; }
.url { font-size: 0.85rem; }
.terms dt { font-weight: 700; margin-top: 0.7rem; break-after: avoid; page-break-after: avoid; }
.terms dd { margin: 0.1rem 0 0 1.2rem; break-inside: avoid; page-break-inside: avoid; }
nav ul { padding-left: 1.2rem; }
ul.agenda { list-style: none; padding-left: 0; }
.top { font-size: 0.85rem; }
th.col-item { width: 17%; }
th.col-year { width: 13%; }
th.col-source { width: 27%; }
@page { size: A4; margin: 15mm 16mm 16mm 16mm; }
@media print {
  html { font-size: 10pt; line-height: 1.38; }
  h2 { margin-top: 1.2rem; }
  h3 { margin-top: 0.9rem; }
  .delegation h2 { font-size: 1.5rem; }
  table { font-size: 0.88rem; }
  body { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .skip, .top { display: none; }
  thead th { background: none; }
  .page { break-before: page; page-break-before: always; }
  /* Two pages a delegation: brief and objectives, then the fact sheet (one sheet, duplex). */
  .facts { break-before: page; page-break-before: always; }
}
`;

const page = (lang: Lang, title: string, body: string): string =>
  `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;

// ---------------------------------------------------------------------------------------------
// Scenario files
// ---------------------------------------------------------------------------------------------

/** The name of a source: its title, prefixed with the publisher unless the title names it. */
const sourceName = (s: Source): string =>
  s.publisher && !s.title.startsWith(s.publisher) ? `${s.publisher}: ${s.title}` : s.title;

const scenarioFile = (s: Scenario, lang: Lang): string => {
  const l = L[lang];
  const title = s.title[lang];
  const sourceById = new Map(s.sources.map((x) => [x.id, x]));
  // Sources cited in the fact sheets, numbered in order of first use.
  const cited: Source[] = [];
  const cite = (id: string): string => {
    const src = sourceById.get(id);
    if (!src) return e(id);
    if (!cited.includes(src)) cited.push(src);
    return `<a href="#src-${e(src.id)}">${foreign(sourceName(src), lang)}</a>`;
  };

  // Agenda titles that carry their own numbers ("1. …") go in an unnumbered list.
  const agendaList = s.agenda.some((a) => /^\d/.test(a.title[lang])) ? 'ul class="agenda"' : 'ol';
  const header = `<p class="kicker">${e(l.kicker)}</p>
<h1>${e(title)}</h1>
<a class="skip" href="#delegations">${e(l.skip)}</a>
<section aria-labelledby="setting">
<h2 id="setting">${e(l.setting)}</h2>
<dl class="meta">
<dt>${e(l.date)}</dt><dd>${e(formatDate(s.setting.date, lang))}</dd>
<dt>${e(l.place)}</dt><dd>${e(s.setting.place[lang])}</dd>
<dt>${e(l.length)}</dt><dd>${e(l.minutes(s.length.minutes))}</dd>
<dt>${e(l.difficulty)}</dt><dd>${e(l.diff[s.difficulty])}</dd>
</dl>
<h3>${e(l.facts)}</h3>
${paras(s.setting.note, lang, 'note')}
</section>
<section aria-labelledby="briefing">
<h2 id="briefing">${e(l.briefing)}</h2>
${paras(s.briefing, lang)}
</section>
<section aria-labelledby="agenda">
<h2 id="agenda">${e(l.agenda)}</h2>
<${agendaList}>
${s.agenda
  .map((item) => {
    const props = item.proposals
      .map((pid) => s.proposals.find((p) => p.id === pid))
      .filter((p) => p !== undefined)
      .map((p) => `<li>${e(p.code)} ${e(p.title[lang])}</li>`)
      .join('\n');
    return `<li>${e(item.title[lang])}\n<ul>\n${props}\n</ul>\n</li>`;
  })
  .join('\n')}
</${agendaList.split(' ')[0]}>
</section>
<nav id="contents" aria-labelledby="contents-h">
<h2 id="contents-h">${e(l.contents)}</h2>
<ul>
${s.delegations.map((d) => `<li><a href="#d-${d.id}">${e(d.name[lang])}</a></li>`).join('\n')}
<li><a href="#sources">${e(l.sources)}</a></li>
<li><a href="#glossary">${e(l.glossary)}</a></li>
</ul>
</nav>`;

  const delegations = s.delegations
    .map((d) => {
      const name = d.name[lang];
      const fs = d.factSheet;
      const total = d.objectives.reduce((a, o) => a + o.points, 0);
      const figureRow = (label: string, value: string, year: number, source: string) =>
        `<tr><th scope="row">${e(label)}</th><td>${e(value)}</td><td>${year}</td><td>${cite(source)}</td></tr>`;
      const listRows = (label: string, items: typeof fs.bases) =>
        items.length
          ? items
              .map(
                (x, i) =>
                  `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${items.length}">${e(label)}</th>` : ''}<td>${e(x.text[lang])}</td><td>${e(formatDate(x.date, lang))}</td><td>${cite(x.source)}</td></tr>`,
              )
              .join('\n')
          : `<tr><th scope="row">${e(label)}</th><td>${e(l.none)}</td><td></td><td></td></tr>`;
      const objectives = d.objectives
        .map(
          (o) => `<li>
<p class="objective"><strong>${e(o.text[lang])}</strong> <span class="points">(${e(points(o.points, lang))})</span></p>
<p class="why"><span>${e(l.why)}:</span> ${e(o.why[lang])}</p>
</li>`,
        )
        .join('\n');
      return `<section class="delegation page" id="d-${d.id}" aria-labelledby="d-${d.id}-h">
<p class="private">${e(l.private(name))}</p>
<p class="delegation-label">${e(l.delegation)} · ${e(title)}</p>
<h2 id="d-${d.id}-h">${e(name)}</h2>
${d.role === 'observer' ? `<p class="note">${e(l.observer)}</p>\n` : ''}<h3>${e(l.brief)}</h3>
${paras(d.brief, lang)}
${
  d.constraints.length
    ? `<h3>${e(l.constraints)}</h3>\n<ul>\n${d.constraints.map((c) => `<li>${e(c[lang])}</li>`).join('\n')}\n</ul>\n`
    : ''
}<p>${e(l.capital(d.capital))}</p>
<h3>${e(l.objectives)}</h3>
<ol class="objectives">
${objectives}
</ol>
<p class="note">${e(l.total(total))}</p>
<div class="facts">
<h3 id="d-${d.id}-facts">${e(l.factCaption(name))}</h3>
<table aria-labelledby="d-${d.id}-facts">
<thead><tr><th scope="col" class="col-item">${e(l.item)}</th><th scope="col">${e(l.figure)}</th><th scope="col" class="col-year">${e(l.year)}</th><th scope="col" class="col-source">${e(l.source)}</th></tr></thead>
<tbody>
${figureRow(l.population, l.popValue(formatNumber(fs.population.value, lang)), fs.population.year, fs.population.source)}
${figureRow(l.gdp, l.gdpValue(formatNumber(fs.gdp.value, lang)), fs.gdp.year, fs.gdp.source)}
${figureRow(l.milex, l.milexValue(formatNumber(fs.militarySpending.value, lang)), fs.militarySpending.year, fs.militarySpending.source)}
<tr><th scope="row">${e(l.armedForces)}</th><td>${e(fs.armedForces.text[lang])}</td><td>${e(formatDate(fs.armedForces.date, lang))}</td><td>${cite(fs.armedForces.source)}</td></tr>
${listRows(l.bases, fs.bases)}
${listRows(l.alignments, fs.alignments)}
</tbody>
</table>
</div>
<p class="top"><a href="#contents">${e(l.backToTop)}</a></p>
</section>`;
    })
    .join('\n');

  const sources = `<section class="page" id="sources" aria-labelledby="sources-h">
<h2 id="sources-h">${e(l.sources)}</h2>
<p class="note">${e(l.sourcesNote)}</p>
<ol class="sources">
${cited
  .map(
    (src) =>
      `<li id="src-${e(src.id)}">${foreign(sourceName(src), lang)} (${e(l.published)}: ${e(formatDate(src.date, lang))}). <span class="url">${e(src.url)}</span></li>`,
  )
  .join('\n')}
</ol>
</section>`;

  return page(
    lang,
    `${title} — ${l.kicker}`,
    `${header}
<div id="delegations">
${delegations}
</div>
${sources}
${glossarySection(glossary(), lang, false)}`,
  );
};

// ---------------------------------------------------------------------------------------------
// Glossary
// ---------------------------------------------------------------------------------------------

let glossaryCache: Glossary | null = null;

/** The glossary, loaded once; throws with every problem if the file is broken. */
export const glossary = (): Glossary => {
  if (glossaryCache) return glossaryCache;
  const file = join(SCENARIOS, 'glossary.yaml');
  const r = loadGlossary(readFileSync(file, 'utf8'), relative(ROOT, file));
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  glossaryCache = r.value;
  return r.value;
};

const glossarySection = (g: Glossary, lang: Lang, withSources: boolean): string => {
  const l = L[lang];
  const terms = g.terms
    .map((t) => {
      const src =
        withSources && t.sources.length
          ? `\n<p class="url">${e(l.termSources)}: ${t.sources
              .map((u) => `<a href="${e(u)}">${e(u)}</a>`)
              .join('; ')}</p>`
          : '';
      return `<dt id="term-${e(t.id)}">${e(t.term[lang])}</dt>\n<dd>${paras(t.definition, lang)}${src}</dd>`;
    })
    .join('\n');
  return `<section class="page" id="glossary" aria-labelledby="glossary-h">
<h2 id="glossary-h">${e(l.glossary)}</h2>
<p class="note">${e(withSources ? l.glossaryIntro : l.glossaryNote)}</p>
<dl class="terms">
${terms}
</dl>
</section>`;
};

const glossaryFile = (g: Glossary, lang: Lang): string => {
  const l = L[lang];
  return page(
    lang,
    l.glossaryTitle,
    `<p class="kicker">${e(l.kicker)}</p>
<h1>${e(l.glossaryTitle)}</h1>
${glossarySection(g, lang, true).replace('class="page" ', '')}`,
  );
};

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

const indexFile = (scenarios: Scenario[]): string => {
  const rows = scenarios
    .map(
      (s) => `<tr>
<th scope="row">${e(s.title.en)}<br><span lang="ru">${e(s.title.ru)}</span></th>
<td class="nowrap">${e(s.setting.date)}</td>
<td><a href="${e(s.id)}.en.html">English</a></td>
<td><a href="${e(s.id)}.ru.html" lang="ru" hreflang="ru">Русский</a></td>
</tr>`,
    )
    .join('\n');
  return page(
    'en',
    'Consensus: printable role briefs',
    `<p class="kicker">Consensus</p>
<h1>Printable role briefs <span lang="ru">/ Материалы делегаций для печати</span></h1>
<p>One file per scenario and language. Each file opens with the public part (setting, briefing,
agenda), then gives every delegation its own pages: the private brief, the objectives with their
reasons and points, and the fact sheet. Each delegation starts on a new printed page and takes two
pages (brief and objectives, then the fact sheet), so a team's brief fits on one sheet printed
double-sided. The briefs are private: hand each team its own pages only. The sources of the fact
sheets and the glossary close every file. Check the page numbers in the print preview.</p>
<p lang="ru">Для каждого сценария и языка — отдельный файл. В начале — общая часть (обстановка,
вводная, повестка дня), затем материалы каждой делегации: закрытые инструкции, цели с
обоснованием и очками, справка о государстве. Материалы каждой делегации начинаются с новой
страницы и занимают две страницы (инструкции и цели, затем справка), так что при двусторонней
печати они помещаются на одном листе. Раздавайте каждой команде только её страницы. В конце
каждого файла — источники справок и словарь терминов. Номера страниц проверьте в окне
предварительного просмотра.</p>
<table>
<caption>Scenarios <span lang="ru">/ Сценарии</span></caption>
<thead><tr><th scope="col">Scenario <span lang="ru">/ Сценарий</span></th><th scope="col">Set <span lang="ru">/ Дата</span></th><th scope="col">English</th><th scope="col" lang="ru">Русский</th></tr></thead>
<tbody>
${rows}
<tr>
<th scope="row">Glossary<br><span lang="ru">Словарь терминов</span></th>
<td></td>
<td><a href="glossary.en.html">English</a></td>
<td><a href="glossary.ru.html" lang="ru" hreflang="ru">Русский</a></td>
</tr>
</tbody>
</table>
<p class="note">Generated by <code>scripts/briefs.ts</code> from <code>scenarios/*.yaml</code>; do not edit by hand.
<span lang="ru">Файлы созданы скриптом <code>scripts/briefs.ts</code> из <code>scenarios/*.yaml</code>; не правьте их вручную.</span></p>`,
  );
};

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/** Every scenario in the library, in file-name order. */
export const libraryScenarios = (): Scenario[] =>
  scenarioFiles(SCENARIOS).map((f) => readScenario(f));

/**
 * Every brief file in memory: file name (relative to the output folder) → HTML. Writes nothing.
 * Keys: `<scenario>.<lang>.html` for every scenario and language, `glossary.<lang>.html`, `index.html`.
 */
export const renderBriefs = (): Record<string, string> => {
  const scenarios = libraryScenarios();
  const g = glossary();
  const out: Record<string, string> = {};
  for (const s of scenarios)
    for (const lang of LANGS) out[`${s.id}.${lang}.html`] = scenarioFile(s, lang);
  for (const lang of LANGS) out[`glossary.${lang}.html`] = glossaryFile(g, lang);
  out['index.html'] = indexFile(scenarios);
  return out;
};

/** Markdown escaping for glossary text: the characters Markdown would read as syntax. */
const md = (s: string): string => s.replace(/([\\`*_[\]<>|#])/g, '\\$1');

/** `docs/glossary.md`: every term in English and Russian, with its sources. */
export const renderGlossaryMarkdown = (): string => {
  const g = glossary();
  const lines = [
    '# Glossary · Словарь терминов',
    '',
    '<!-- Generated by scripts/briefs.ts from scenarios/glossary.yaml. Do not edit by hand: run `npx tsx scripts/briefs.ts`. -->',
    '',
    'The alliance’s institutions and the rules of procedure used in Consensus, in English and',
    'Russian. Printable versions: [docs/briefs/glossary.en.html](briefs/glossary.en.html),',
    '[docs/briefs/glossary.ru.html](briefs/glossary.ru.html).',
    '',
    'Органы ОДКБ и правила процедуры, действующие в игре «Консенсус», на английском и русском',
    'языках.',
    '',
    '## Terms · Термины',
    '',
    ...g.terms.map((t) => `- [${md(t.term.en)}](#${t.id}) · ${md(t.term.ru)}`),
    '',
  ];
  for (const t of g.terms) {
    lines.push(
      `<a id="${t.id}"></a>`,
      '',
      `### ${md(t.term.en)} · ${md(t.term.ru)}`,
      '',
      `**EN.** ${md(t.definition.en.replace(/\s*\n\s*/g, ' '))}`,
      '',
      `**RU.** ${md(t.definition.ru.replace(/\s*\n\s*/g, ' '))}`,
      '',
    );
    if (t.sources.length)
      lines.push(`Sources · Источники: ${t.sources.map((u) => `<${u}>`).join(', ')}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
};

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

const USAGE = `usage: npx tsx scripts/briefs.ts [--out docs/briefs] [--glossary docs/glossary.md] [--check]

  --out DIR        where the HTML briefs go (default docs/briefs)
  --glossary FILE  where the Markdown glossary goes (default docs/glossary.md)
  --check          write nothing; exit 1 if any file on disk differs from what would be written`;

const parseCli = (argv: readonly string[]) => {
  const opts = { out: join(ROOT, 'docs', 'briefs'), glossary: join(ROOT, 'docs', 'glossary.md') };
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    if (flag === '--check') {
      check = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag !== '--out' && flag !== '--glossary') {
      console.error(`error: unknown argument "${argv[i]}"\n\n${USAGE}`);
      process.exit(2);
    }
    const value = inline ?? argv[++i];
    if (!value) {
      console.error(`error: ${flag} needs a value\n\n${USAGE}`);
      process.exit(2);
    }
    opts[flag === '--out' ? 'out' : 'glossary'] = resolve(value);
  }
  return { ...opts, check };
};

const main = (): void => {
  const { out, glossary: glossaryPath, check } = parseCli(process.argv.slice(2));
  const files: [string, string][] = [
    ...Object.entries(renderBriefs()).map(([name, html]): [string, string] => [
      join(out, name),
      html,
    ]),
    [glossaryPath, renderGlossaryMarkdown()],
  ];
  if (check) {
    const stale = files.filter(
      ([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text,
    );
    for (const [file] of stale) console.error(`out of date: ${relative(process.cwd(), file)}`);
    if (stale.length) {
      console.error('run `npx tsx scripts/briefs.ts` to regenerate');
      process.exit(1);
    }
    console.log(`${files.length} files up to date`);
    return;
  }
  for (const [file, text] of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`${relative(process.cwd(), file)} (${Buffer.byteLength(text)} B)`);
  }
};

// Run only when executed directly (`npx tsx scripts/briefs.ts`), not when imported by tests.
const invoked = process.argv[1] ? resolve(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url)) main();
