/** `npm run schema`: writes the JSON Schema editors use for autocompletion of scenario files. */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../content/json-schema';

writeFileSync(
  'scenarios/scenario.schema.json',
  `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`,
);
console.log('wrote scenarios/scenario.schema.json');
