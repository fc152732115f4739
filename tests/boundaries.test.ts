/**
 * The core stays pure (STYLE.md rule 1): every file under src/core is parsed with the TypeScript
 * compiler and checked for imports of engines, servers, node built-ins or other layers, for
 * non-deterministic calls, and for DOM globals. The checker is tested on sample sources first, so
 * a clean result means something.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORE = join(ROOT, 'src', 'core');

interface Violation {
  line: number;
  rule: string;
  text: string;
}

const NODE_BUILTINS = new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]!));
const DOM_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'navigator']);
const OTHER_LAYERS = ['content', 'client', 'server', 'cli'].map((l) => join(ROOT, 'src', l));

const bannedPackage = (spec: string): string | null => {
  if (spec.startsWith('node:')) return 'node built-in';
  const top = spec.split('/')[0]!;
  if (NODE_BUILTINS.has(top) && !spec.startsWith('.')) return 'node built-in';
  if (top === 'phaser') return 'phaser';
  if (top === 'colyseus' || top === 'colyseus.js' || top === '@colyseus') return 'colyseus';
  if (top === 'howler') return 'howler';
  return null;
};

/** Is this identifier a reference to a value (not a property name or a declaration's name)? */
const isReference = (id: ts.Identifier): boolean => {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isQualifiedName(p) && p.right === id) return false;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isPropertySignature(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isMethodSignature(p) ||
      ts.isGetAccessor(p) ||
      ts.isSetAccessor(p) ||
      ts.isEnumMember(p) ||
      ts.isBindingElement(p) ||
      ts.isVariableDeclaration(p) ||
      ts.isParameter(p) ||
      ts.isFunctionDeclaration(p) ||
      ts.isClassDeclaration(p) ||
      ts.isInterfaceDeclaration(p) ||
      ts.isTypeAliasDeclaration(p)) &&
    p.name === id
  )
    return false;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return true;
};

/**
 * Checks one source text. `file` is its absolute path (used to resolve relative imports into other
 * layers).
 */
const checkSource = (text: string, file: string): Violation[] => {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: Violation[] = [];
  const add = (node: ts.Node, rule: string) =>
    out.push({
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      rule,
      text: node.getText(sf).slice(0, 80),
    });

  const checkSpecifier = (node: ts.Node, spec: string) => {
    const pkg = bannedPackage(spec);
    if (pkg) add(node, `imports ${pkg} ("${spec}")`);
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      for (const layer of OTHER_LAYERS)
        if (target === layer || target.startsWith(layer + sep))
          add(node, `imports from src/${relative(join(ROOT, 'src'), layer)} ("${spec}")`);
    }
    if (spec.startsWith('/') || /^src\/(content|client|server|cli)\b/.test(spec))
      add(node, `imports by absolute path ("${spec}")`);
  };

  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      checkSpecifier(node, node.moduleSpecifier.text);
    else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) checkSpecifier(node, e.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const arg = node.arguments[0];
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if ((isImport || isRequire) && arg && ts.isStringLiteralLike(arg))
        checkSpecifier(node, arg.text);
      else if (isImport || isRequire) add(node, 'imports a computed module path');
    } else if (ts.isImportTypeNode(node)) {
      const lit = node.argument;
      if (ts.isLiteralTypeNode(lit) && ts.isStringLiteral(lit.literal))
        checkSpecifier(node, lit.literal.text);
    }

    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const obj = node.expression;
      const name = ts.isPropertyAccessExpression(node)
        ? node.name.text
        : ts.isStringLiteralLike(node.argumentExpression)
          ? node.argumentExpression.text
          : undefined;
      if (ts.isIdentifier(obj) && obj.text === 'Math' && name === 'random')
        add(node, 'uses Math.random');
      if (ts.isIdentifier(obj) && obj.text === 'Date' && name === 'now') add(node, 'uses Date.now');
      if (ts.isIdentifier(obj) && (obj.text === 'performance' || obj.text === 'crypto') && name)
        add(node, `uses ${obj.text}.${name}`);
      if (
        ts.isIdentifier(obj) &&
        obj.text === 'globalThis' &&
        name &&
        (DOM_GLOBALS.has(name) || name === 'process')
      )
        add(node, `uses the global ${name}`);
    }
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Date'
    )
      add(node, 'uses new Date');
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Date'
    )
      add(node, 'uses Date()');
    if (ts.isIdentifier(node) && isReference(node)) {
      if (DOM_GLOBALS.has(node.text)) add(node, `uses the DOM global ${node.text}`);
      if (node.text === 'process' || node.text === 'Buffer' || node.text === '__dirname')
        add(node, `uses the node global ${node.text}`);
      if (node.text === 'setTimeout' || node.text === 'setInterval') add(node, `uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
};

const listTs = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return listTs(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')
      ? [p]
      : [];
  });

describe('the boundary checker catches violations (self-test)', () => {
  const sample = join(CORE, 'rules', 'sample.ts');
  const rulesOf = (text: string) => checkSource(text, sample).map((v) => v.rule);

  it.each<[string, string, RegExp]>([
    ['phaser', `import Phaser from 'phaser';`, /imports phaser/],
    ['colyseus', `import { Room } from 'colyseus';`, /imports colyseus/],
    ['@colyseus/schema', `import { Schema } from '@colyseus/schema';`, /imports colyseus/],
    ['node:fs', `import { readFileSync } from 'node:fs';`, /node built-in/],
    ['fs without the node: prefix', `import * as fs from 'fs';`, /node built-in/],
    ['path/posix', `import { join } from 'path/posix';`, /node built-in/],
    ['a re-export of crypto', `export { randomUUID } from 'crypto';`, /node built-in/],
    ['a dynamic import', `const m = await import('node:os');`, /node built-in/],
    ['require', `const fs = require('fs');`, /node built-in/],
    ['a type import of node', `type T = import('node:events').EventEmitter;`, /node built-in/],
    [
      'src/content',
      `import { loadScenario } from '../../content/load';`,
      /imports from src\/content/,
    ],
    [
      'src/client',
      `import { Chamber } from '../../client/scenes/Chamber';`,
      /imports from src\/client/,
    ],
    [
      'src/server',
      `import type { Room } from '../../server/rooms/ConferenceRoom';`,
      /imports from src\/server/,
    ],
    ['Math.random', `const x = Math.random();`, /Math\.random/],
    ['Math["random"]', `const r = Math['random'];`, /Math\.random/],
    ['Date.now', `const t = Date.now();`, /Date\.now/],
    ['new Date', `const d = new Date();`, /new Date/],
    ['window', `window.alert('hi');`, /DOM global window/],
    ['document', `const el = document.getElementById('x');`, /DOM global document/],
    ['localStorage', `localStorage.setItem('k', 'v');`, /DOM global localStorage/],
    ['navigator', `const lang = navigator.language;`, /DOM global navigator/],
    ['globalThis.window', `const w = globalThis.window;`, /global window/],
  ])('flags %s', (_label, text, rule) => {
    expect(
      rulesOf(text).some((r) => rule.test(r)),
      `violations: ${JSON.stringify(rulesOf(text))}`,
    ).toBe(true);
  });

  it('does not flag harmless look-alikes', () => {
    const text = [
      `import { z } from 'zod';`,
      `import { produce } from 'immer';`,
      `import type { Text } from '../scenario';`,
      `import { applyRule } from './index';`,
      `const o = { window: 1, document: 'd', navigator: true };`,
      `const w = o.window + o.document.length;`,
      `interface Pane { window: number; document(): void }`,
      `const s = 'Math.random() and Date.now() and new Date() in a string';`,
      `// window.alert in a comment, Math.random in a comment`,
      `const n = Math.max(1, 2); const date = '2022-09-13';`,
      `export const draw = (seed: number) => seed * 2;`,
    ].join('\n');
    expect(checkSource(text, sample)).toEqual([]);
  });

  it('reports the line of the violation', () => {
    const v = checkSource(`const a = 1;\n\nconst b = Math.random();\n`, sample);
    expect(v).toEqual([{ line: 3, rule: 'uses Math.random', text: 'Math.random' }]);
  });
});

describe('src/core is pure', () => {
  const files = listTs(CORE);

  it('finds the core sources (the check below is not vacuous)', () => {
    const names = files.map((f) => relative(CORE, f).split(sep).join('/'));
    expect(names).toEqual(
      expect.arrayContaining([
        'conference.ts',
        'machine.ts',
        'events.ts',
        'rules/voting.ts',
        'ai/delegate.ts',
      ]),
    );
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it('no core file imports phaser, colyseus, node built-ins or other layers, or uses time, chance or the DOM', () => {
    const found = files.flatMap((f) =>
      checkSource(readFileSync(f, 'utf8'), f).map(
        (v) => `${relative(ROOT, f)}:${v.line}: ${v.rule}: ${v.text}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('core imports only its own files and the pure libraries it is allowed', () => {
    const ALLOWED = new Set(['zod', 'xstate', 'immer']);
    const packages = new Set<string>();
    for (const f of files) {
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true);
      for (const s of sf.statements)
        if (
          (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) &&
          s.moduleSpecifier &&
          ts.isStringLiteral(s.moduleSpecifier)
        ) {
          const spec = s.moduleSpecifier.text;
          if (spec.startsWith('.'))
            expect(resolve(dirname(f), spec).startsWith(CORE), `${f} imports ${spec}`).toBe(true);
          else
            packages.add(
              spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!,
            );
        }
    }
    expect([...packages].filter((p) => !ALLOWED.has(p))).toEqual([]);
  });
});
