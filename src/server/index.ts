/**
 * `npm start`: serves the built game and the session server on one port (2567 unless PORT is
 * set) and prints the address on every network interface.
 */
import { lanAddresses, startServer } from './app';

const port = Number(process.env.PORT ?? 2567);
const server = await startServer({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  dataFile: process.env.CONSENSUS_DB ?? 'data/sessions.db',
  distDir: 'dist',
  pace: process.env.CONSENSUS_PACE ? Number(process.env.CONSENSUS_PACE) : undefined,
});
console.log(`Consensus is running.\n  On this computer: http://localhost:${server.port}`);
for (const a of lanAddresses()) console.log(`  On the network:   http://${a}:${server.port}`);
console.log('Press Ctrl+C to stop (open sessions are saved and come back when you start again).');

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing sessions…`);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
