/** A worker of `npm run simulate --workers N`: plays one slice of the seeds and posts its tally. */
import { parentPort, workerData } from 'node:worker_threads';
import { readScenario } from '../content/library';
import { tallyGames, type SimulationOptions } from '../core/simulate';

const job = workerData as { scenario: string; options: SimulationOptions; seeds: number[] };
parentPort!.postMessage(tallyGames(readScenario(job.scenario), job.options, job.seeds));
