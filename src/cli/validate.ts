/**
 * `npm run validate [files…]`: checks scenario files (all of scenarios/*.yaml by default) and the
 * glossary; prints every problem with file, path, line and fix; exits 1 on any problem.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatProblem, loadGlossary, loadScenario } from '../content/load';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = args.length
  ? args
  : readdirSync('scenarios')
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join('scenarios', f));

let failed = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    console.error(
      `${file}: cannot read the file\n  fix: check the path (run from the project folder)`,
    );
    failed++;
    continue;
  }
  const result =
    basename(file) === 'glossary.yaml' ? loadGlossary(text, file) : loadScenario(text, file);
  if (result.ok) console.log(`ok   ${file}`);
  else {
    failed++;
    console.error(`FAIL ${file}: ${result.problems.length} problem(s)`);
    for (const p of result.problems) console.error(formatProblem(p));
  }
}
console.log(`${files.length - failed} of ${files.length} file(s) valid`);
process.exit(failed ? 1 : 0);
