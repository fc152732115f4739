/**
 * Pieces of a sample hall model, shared by the hall's manual harness (`hall-harness.ts`) and the
 * bench's page of the hall alone (`bench/hall-alone`).
 */
import type { Gauge, Seat } from '../scenes/types';

/** A seat at the table, present unless `status` says otherwise. */
export const sampleSeat = (
  id: string,
  name: string,
  isPlayer = false,
  status = 'present',
): Seat => ({
  id,
  name,
  status,
  frozen: false,
  absent: false,
  isPlayer,
});

/** The alliance's five gauges at `values` (credibility, cohesion, borders, image, outreach). */
export const sampleGauges = (values: readonly [number, number, number, number, number]): Gauge[] =>
  (
    [
      ['credibility', 'Credibility'],
      ['cohesion', 'Cohesion'],
      ['borderSecurity', 'Border security'],
      ['stratcom', 'Strategic communication and image'],
      ['international', 'International interaction'],
    ] as const
  ).map(([id, label], i) => ({ id, label, value: values[i]! }));
