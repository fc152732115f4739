/**
 * `npm run balance [-- --runs 1000 --write]`: simulates every scenario at the AI's highest
 * difficulty under the consensus profile, checks the library's balance rules and prints a
 * Markdown report; `--write` puts it into scenarios/README.md between the balance markers.
 * Exits 1 if a rule is broken.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readScenario, scenarioFiles } from '../content/library';
import { balanceFindings, simulate } from '../core/simulate';
import { parseArgs } from './args';

const USAGE = 'usage: npm run balance -- [--runs 1000] [--seed 7] [--write]';
const a = parseArgs(
  process.argv.slice(2),
  { runs: 'number', seed: 'number', write: 'boolean' },
  USAGE,
);
const runs = Number(a.runs ?? 1000);
const seed = Number(a.seed ?? 7);

const lines: string[] = [
  `Measured with \`npm run balance -- --runs ${runs} --seed ${seed}\`: ${runs} AI-only games per scenario, consensus profile, every delegation played by the AI at its highest difficulty (\`hard\`), Node ${process.version}.`,
  '',
];
let broken = 0;
for (const file of scenarioFiles()) {
  const s = readScenario(file);
  const r = simulate(s, { runs, seed, profile: 'consensus', difficulty: 'hard' });
  const findings = balanceFindings(s, r);
  broken += findings.filter((f) => !f.ok).length;
  lines.push(`### ${s.id}`, '');
  lines.push('| proposal | adopted |', '| --- | ---: |');
  for (const p of s.proposals)
    lines.push(`| ${p.code} ${p.title.en} | ${((r.adoption[p.id] ?? 0) * 100).toFixed(1)}% |`);
  lines.push(
    '',
    '| delegation | mean score | games with an objective met |',
    '| --- | ---: | ---: |',
  );
  for (const [d, sc] of Object.entries(r.scores))
    lines.push(
      `| ${d} | ${sc.mean.toFixed(1)} ± ${sc.sd.toFixed(1)} | ${((r.anyObjective[d] ?? 0) * 100).toFixed(1)}% |`,
    );
  lines.push('');
  for (const [id, c] of Object.entries(r.crises))
    lines.push(
      `Crisis \`${id}\`: honoured in ${(c.honoured * 100).toFixed(1)}% of games; the requester froze its participation in ${(c.froze * 100).toFixed(1)}%; mean collective level ${c.meanLevel}.`,
    );
  lines.push('', ...findings.filter((f) => !f.ok).map((f) => `- **Broken rule:** ${f.text}`), '');
}
lines.push(broken ? `**${broken} balance rule(s) broken.**` : 'All balance rules hold.');
const report = lines.join('\n');
console.log(report);
if (a.write) {
  const path = 'scenarios/README.md';
  const text = readFileSync(path, 'utf8');
  const start = '<!-- balance:start -->';
  const end = '<!-- balance:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) {
    console.error(`${path} has no ${start} … ${end} markers: add them where the report belongs`);
    process.exit(1);
  }
  writeFileSync(path, `${text.slice(0, i + start.length)}\n${report}\n${text.slice(j)}`);
  console.error(`wrote the report into ${path}`);
}
process.exit(broken ? 1 : 0);
