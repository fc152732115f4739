/**
 * The printable role briefs (scripts/briefs.ts): a file per scenario per language, every
 * delegation and objective in its own language and nowhere in the other, proper `lang`
 * attributes, escaped text, one printed page per delegation, and deterministic output.
 */
import { describe, expect, it } from 'vitest';
import {
  LANGS,
  escapeHtml,
  formatDate,
  formatNumber,
  glossary,
  libraryScenarios,
  renderBriefs,
  renderGlossaryMarkdown,
} from '../scripts/briefs';

const files = renderBriefs();
const scenarios = libraryScenarios();
const contains = (html: string, text: string) => html.includes(escapeHtml(text));

describe('role briefs', () => {
  it('writes one file per scenario per language, the glossaries and an index', () => {
    const expected = [
      ...scenarios.flatMap((s) => LANGS.map((l) => `${s.id}.${l}.html`)),
      'glossary.en.html',
      'glossary.ru.html',
      'index.html',
    ].sort();
    expect(scenarios.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(files).sort()).toEqual(expected);
  });

  it('gives every file an <html lang="en|ru"> matching its name', () => {
    for (const [name, html] of Object.entries(files)) {
      const m = /^<!doctype html>\n<html lang="(en|ru)">/.exec(html);
      expect(m, name).not.toBeNull();
      const suffix = /\.(en|ru)\.html$/.exec(name)?.[1] ?? 'en';
      expect(m![1], name).toBe(suffix);
    }
  });

  it('puts every delegation’s name, brief and objective texts in its scenario’s file, in that language', () => {
    for (const s of scenarios)
      for (const lang of LANGS) {
        const html = files[`${s.id}.${lang}.html`]!;
        expect(contains(html, s.title[lang]), `${s.id}.${lang}: title`).toBe(true);
        for (const d of s.delegations) {
          expect(contains(html, d.name[lang]), `${s.id}.${lang}: ${d.id} name`).toBe(true);
          for (const o of d.objectives) {
            expect(contains(html, o.text[lang]), `${s.id}.${lang}: ${d.id}/${o.id}`).toBe(true);
            expect(contains(html, o.why[lang]), `${s.id}.${lang}: ${d.id}/${o.id} why`).toBe(true);
          }
        }
      }
  });

  it('keeps English objective texts out of every Russian file', () => {
    const english = scenarios.flatMap((s) =>
      s.delegations.flatMap((d) => d.objectives.flatMap((o) => [o.text.en, o.why.en])),
    );
    for (const [name, html] of Object.entries(files)) {
      if (!name.endsWith('.ru.html')) continue;
      const found = english.filter((t) => html.includes(t) || contains(html, t));
      expect(found, name).toEqual([]);
    }
  });

  it('starts every delegation on a new printed page', () => {
    for (const s of scenarios)
      for (const lang of LANGS) {
        const html = files[`${s.id}.${lang}.html`]!;
        expect(html).toMatch(/\.page \{ break-before: page; page-break-before: always; \}/);
        const pages = html.match(/<section class="delegation page"/g) ?? [];
        expect(pages.length, `${s.id}.${lang}`).toBe(s.delegations.length);
      }
  });

  it('loads nothing from outside the file', () => {
    for (const [name, html] of Object.entries(files)) {
      expect(html, name).not.toMatch(/<link\b|<script\b|@import|@font-face|url\(/i);
      expect(html, name).not.toMatch(/\bsrc=/);
    }
  });

  it('ends every scenario file with the glossary in its language', () => {
    const g = glossary();
    for (const s of scenarios)
      for (const lang of LANGS) {
        const html = files[`${s.id}.${lang}.html`]!;
        for (const t of g.terms) expect(contains(html, t.term[lang]), t.id).toBe(true);
      }
  });

  it('closes every element it opens, in order, and links only to ids that exist', () => {
    const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);
    for (const [name, html] of Object.entries(files)) {
      const stack: string[] = [];
      for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
        const [, close, tag] = m as unknown as [string, string, string];
        if (VOID.has(tag)) continue;
        if (!close) stack.push(tag);
        else expect(stack.pop(), `${name}: </${tag}> at ${m.index}`).toBe(tag);
      }
      expect(stack, name).toEqual([]);
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      expect(ids.size, `${name}: duplicate ids`).toBe([...html.matchAll(/\sid="([^"]+)"/g)].length);
      for (const [, target] of html.matchAll(/href="#([^"]+)"/g))
        expect(ids.has(target), `${name}: #${target}`).toBe(true);
    }
  });

  it('links every file from the index', () => {
    for (const name of Object.keys(files))
      if (name !== 'index.html') expect(files['index.html']).toContain(`href="${name}"`);
  });

  it('is deterministic', () => {
    expect(renderBriefs()).toEqual(files);
    expect(renderGlossaryMarkdown()).toBe(renderGlossaryMarkdown());
  });

  it('escapes text', () => {
    expect(escapeHtml(`<b a="1">Tom & 'Jerry'</b>`)).toBe(
      '&lt;b a=&quot;1&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;',
    );
    // No raw markup characters survive from the content: every text node was escaped.
    for (const [name, html] of Object.entries(files))
      expect(html.replace(/<[^>]*>/g, ''), name).not.toMatch(/[<>]/);
  });

  it('writes numbers and dates in each language’s convention', () => {
    expect(formatNumber(1209, 'en')).toBe('1,209');
    expect(formatNumber(1209, 'ru')).toBe('1209');
    expect(formatNumber(14305.5, 'ru')).toBe('14\u00a0305,5');
    expect(formatDate('2022-09-14', 'en')).toBe('14 September 2022');
    expect(formatDate('2022-09-14', 'ru')).toBe('14 сентября 2022 г.');
    expect(formatDate('2022-08', 'ru')).toBe('август 2022 г.');
    expect(formatDate('2025', 'en')).toBe('2025');
  });
});

describe('glossary in Markdown', () => {
  it('has every term in both languages', () => {
    const text = renderGlossaryMarkdown();
    const plain = text.replace(/\\(.)/g, '$1');
    for (const t of glossary().terms) {
      expect(plain, t.id).toContain(t.term.en);
      expect(plain, t.id).toContain(t.term.ru);
      expect(plain, t.id).toContain(t.definition.ru.replace(/\s*\n\s*/g, ' '));
    }
  });
});
