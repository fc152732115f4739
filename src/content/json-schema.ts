/** JSON Schema of the scenario format, generated from the zod schema (never edited by hand). */
import { z } from 'zod';
import { ScenarioSchema } from '../core/scenario';

export const scenarioJsonSchema = (): Record<string, unknown> => ({
  ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }),
  title: 'Consensus scenario file',
});
