import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import { Redis as IORedis } from 'ioredis';
import type { WebSocket } from 'ws';
import { HOUSEHOLD_ID, isHouseholdSecret } from '../code';

/** Largest message a client may send; a first sync of a 10,000-recipe library is well under it. */
export const DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export interface SyncServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Folder for household documents and (without Redis) the hashed secrets. */
  dataDir: string;
  /** Several instances behind one address share documents and secrets through this Redis. */
  redis?: { host: string; port: number };
  maxMessageBytes?: number;
  /** One line per connection; defaults to standard output. */
  log?: (line: string) => void;
}

export interface SyncServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

interface StoredSecret {
  salt: string;
  hash: string;
}

/** Where hashed household secrets are kept: the first device to connect with an id sets its secret. */
interface SecretStore {
  get(id: string): Promise<StoredSecret | null>;
  /** Stores the secret unless the id has one; returns the one that is stored. */
  claim(id: string, secret: StoredSecret): Promise<StoredSecret>;
  close(): Promise<void>;
}

function hashSecret(secret: string, salt: string): string {
  // Secrets are 130 random bits made by the app, never chosen by a person: a plain salted hash is enough.
  return createHash('sha256').update(salt).update(secret).digest('hex');
}

function secretMatches(secret: string, stored: StoredSecret): boolean {
  const given = Buffer.from(hashSecret(secret, stored.salt), 'hex');
  const expected = Buffer.from(stored.hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

function fileSecrets(dataDir: string): SecretStore {
  const path = join(dataDir, 'households.json');
  let cache: Record<string, StoredSecret> | null = null;
  let writing: Promise<unknown> = Promise.resolve();
  const load = async () => {
    if (cache) return cache;
    try {
      cache = JSON.parse(await readFile(path, 'utf8')) as Record<string, StoredSecret>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      cache = {};
    }
    return cache;
  };
  return {
    async get(id) {
      return (await load())[id] ?? null;
    },
    async claim(id, secret) {
      const all = await load();
      if (all[id]) return all[id];
      all[id] = secret;
      writing = writing.then(() => writeAtomically(path, JSON.stringify(all, null, 1)));
      await writing;
      return secret;
    },
    async close() {
      await writing;
    },
  };
}

function redisSecrets(client: IORedis): SecretStore {
  const key = 'thirtyfold:households';
  return {
    async get(id) {
      const value = await client.hget(key, id);
      return value ? (JSON.parse(value) as StoredSecret) : null;
    },
    async claim(id, secret) {
      await client.hsetnx(key, id, JSON.stringify(secret));
      return JSON.parse((await client.hget(key, id))!) as StoredSecret;
    },
    async close() {
      await client.quit();
    },
  };
}

function documentPath(dataDir: string, name: string): string {
  if (!HOUSEHOLD_ID.test(name)) throw new Error('not a household id');
  return join(dataDir, 'households', `${name}.ydoc`);
}

function remoteAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * Starts a household sync server: Hocuspocus with each household's document
 * kept on disk, a secret checked on every connection, and optionally Redis so
 * several instances serve one address.
 */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  await mkdir(join(options.dataDir, 'households'), { recursive: true });
  const redisClient = options.redis ? new IORedis({ host: options.redis.host, port: options.redis.port, lazyConnect: true }) : null;
  if (redisClient) await redisClient.connect();
  const secrets = redisClient ? redisSecrets(redisClient) : fileSecrets(options.dataDir);
  const sockets = new WeakMap<IncomingMessage, WebSocket>();

  const refuse = (request: IncomingMessage, household: string, reason: string): never => {
    log(`${new Date().toISOString()} refused ${household || '-'} from ${remoteAddress(request)}: ${reason}`);
    // Hocuspocus answers "permission denied"; then the socket is closed so a guesser must reconnect for every try.
    const socket = sockets.get(request);
    setTimeout(() => socket?.close(4401, 'Unauthorized'), 100).unref();
    throw Object.assign(new Error(reason), { reason: 'permission-denied' });
  };

  const extensions: Extension[] = [
    new Database({
      fetch: async ({ documentName }) => {
        try {
          return new Uint8Array(await readFile(documentPath(options.dataDir, documentName)));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw error;
        }
      },
      store: async ({ documentName, state }) => {
        await writeAtomically(documentPath(options.dataDir, documentName), state);
      },
    }),
  ];
  if (options.redis) extensions.push(new RedisExtension({ host: options.redis.host, port: options.redis.port, prefix: 'thirtyfold' }));

  const server = new Server(
    {
      address: options.host,
      port: options.port,
      quiet: true,
      stopOnSignals: false,
      debounce: 500,
      maxDebounce: 5_000,
      extensions,
      async onAuthenticate({ documentName, token, request }) {
        if (!HOUSEHOLD_ID.test(documentName)) refuse(request, '', 'not a household id');
        if (typeof token !== 'string' || !isHouseholdSecret(token)) refuse(request, documentName, 'missing or malformed secret');
        const stored = await secrets.get(documentName);
        if (stored) {
          if (!secretMatches(token, stored)) refuse(request, documentName, 'wrong secret');
          log(`${new Date().toISOString()} connected ${documentName} from ${remoteAddress(request)}`);
          return;
        }
        const salt = randomBytes(16).toString('hex');
        const claimed = await secrets.claim(documentName, { salt, hash: hashSecret(token, salt) });
        if (!secretMatches(token, claimed)) refuse(request, documentName, 'wrong secret');
        log(`${new Date().toISOString()} created ${documentName} from ${remoteAddress(request)}`);
      },
    },
    { maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES },
  );
  server.webSocketServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    sockets.set(request, socket);
    // A message over the limit closes the socket (1009); ws reports it here, the server goes on.
    socket.on('error', (error) => log(`${new Date().toISOString()} closed a connection from ${remoteAddress(request)}: ${error.message}`));
  });
  await server.listen();
  const port = server.address.port;
  return {
    port,
    url: `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    async stop() {
      await server.destroy();
      // Hocuspocus saved and closed every document; the sockets under them are ended too, so clients see the server gone.
      for (const socket of server.webSocketServer.clients) socket.terminate();
      server.httpServer.closeAllConnections();
      await secrets.close();
    },
  };
}
