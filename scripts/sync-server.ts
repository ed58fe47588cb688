/**
 * Household sync server: `npm run sync-server -- [--host H] [--port P] [--data DIR] [--redis HOST:PORT] [--max-message-mb N]`.
 * Runs until stopped (Ctrl+C or SIGTERM), then saves every open household and exits.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_MESSAGE_BYTES, startSyncServer } from '../src/sync/server/server';

function fail(message: string): never {
  process.stderr.write(`sync-server: ${message}\n`);
  process.exit(2);
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4410' },
      data: { type: 'string', default: 'sync-data' },
      redis: { type: 'string' },
      'max-message-mb': { type: 'string' },
    },
    strict: true,
  }) as { values: Record<string, string | undefined> });
} catch (error) {
  fail((error as Error).message);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a whole number from 0 to 65535, not ${JSON.stringify(values.port)}`);
let redis: { host: string; port: number } | undefined;
if (values.redis !== undefined) {
  const match = /^(.+):(\d{1,5})$/.exec(values.redis);
  if (!match) fail(`--redis must be HOST:PORT, not ${JSON.stringify(values.redis)}`);
  redis = { host: match[1], port: Number(match[2]) };
}
const megabytes = values['max-message-mb'] === undefined ? DEFAULT_MAX_MESSAGE_BYTES / 1024 / 1024 : Number(values['max-message-mb']);
if (!Number.isFinite(megabytes) || megabytes <= 0) fail('--max-message-mb must be a number more than 0');

const dataDir = resolve(values.data!);
const server = await startSyncServer({ host: values.host!, port, dataDir, redis, maxMessageBytes: Math.round(megabytes * 1024 * 1024) }).catch(
  (error: Error) => fail(`could not start: ${error.message}`),
);
console.log(`Thirtyfold sync server on ${server.url}, households in ${dataDir}${redis ? `, sharing through Redis at ${values.redis}` : ''}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: Error) => fail(`could not save on stop: ${error.message}`),
    );
  });
}
