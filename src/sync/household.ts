import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { ThirtyfoldDatabase } from '../db/database';
import type { HouseholdKey } from './code';
import { DexieMirror, type JoinSummary } from './mirror';

/** What a device keeps to take part in a household (stored with its settings, so backups carry it). */
export interface HouseholdConfig extends HouseholdKey {
  /** ws:// or wss:// address of the sync server. */
  server: string;
  /** Set once the device's own data was merged into the household. */
  joinedAt: string | null;
}

export type SyncState = 'connecting' | 'synced' | 'offline' | 'refused';

/** The sync status shown in Settings and the sidebar. */
export interface SyncStatus {
  state: SyncState;
  /** When the connection was lost (ISO timestamp), while offline. */
  offlineSince: string | null;
  /** Local changes the server has not confirmed yet. */
  waiting: number;
  /** The last problem, in plain words, or null. */
  lastError: string | null;
}

export interface HouseholdOptions {
  db: ThirtyfoldDatabase;
  config: HouseholdConfig;
  /** Name of the IndexedDB database that keeps the doc on this device. */
  persistenceName?: string;
  /** A WebSocket class where the platform has none (Node before 22). */
  WebSocket?: unknown;
  now?: () => string;
  onStatus?: (status: SyncStatus) => void;
  /** Once this device's data was merged into the household (a first join, or a backup restored on a new device). */
  onJoined?: (summary: JoinSummary) => void;
}

/** IndexedDB database name of a household's doc on this device. */
export function persistenceNameOf(householdId: string): string {
  return `thirtyfold-household-${householdId}`;
}

/**
 * One device's connection to its household: the doc kept in IndexedDB
 * (y-indexeddb), mirrored into the app's database, and synced with the
 * server by a Hocuspocus provider whenever the server can be reached.
 */
export class HouseholdSync {
  readonly doc = new Y.Doc();
  readonly mirror: DexieMirror;
  readonly #options: HouseholdOptions;
  readonly #persistence: IndexeddbPersistence;
  readonly #socket: HocuspocusProviderWebsocket;
  readonly #provider: HocuspocusProvider;
  readonly #now: () => string;
  #status: SyncStatus = { state: 'connecting', offlineSince: null, waiting: 0, lastError: null };
  #connected = false;
  #synced: Promise<void>;
  #joined: Promise<JoinSummary> | null = null;
  #closed = false;

  private constructor(options: HouseholdOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date().toISOString());
    this.mirror = new DexieMirror(options.db, this.doc, {
      onRefused: (problem) => this.#update({ lastError: problem }),
      onLocalChange: () => this.#update({ waiting: this.#status.waiting + 1 }),
    });
    this.#persistence = new IndexeddbPersistence(options.persistenceName ?? persistenceNameOf(options.config.id), this.doc);
    this.#socket = new HocuspocusProviderWebsocket({
      url: options.config.server,
      autoConnect: false,
      maxDelay: 10_000,
      ...(options.WebSocket ? { WebSocketPolyfill: options.WebSocket } : {}),
    });
    this.#provider = new HocuspocusProvider({
      websocketProvider: this.#socket,
      name: options.config.id,
      document: this.doc,
      token: options.config.secret,
    });
    let resolveSynced!: () => void;
    this.#synced = new Promise((resolve) => (resolveSynced = resolve));
    this.#provider.on('synced', () => {
      resolveSynced();
      this.#update({ state: 'synced', offlineSince: null, lastError: null });
    });
    this.#provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number === 0 && this.#connected) this.#update({ waiting: 0 });
    });
    this.#provider.on('authenticationFailed', () => {
      this.#socket.disconnect();
      this.#update({ state: 'refused', lastError: 'The server refused this household code. Ask a member of the household for the code again.' });
    });
    this.#socket.on('status', ({ status }: { status: string }) => {
      this.#connected = status === 'connected';
      if (this.#status.state === 'refused') return;
      if (status === 'connected') this.#update({ state: this.#provider.isSynced ? 'synced' : 'connecting' });
      else if (status === 'disconnected') this.#update({ state: 'offline', offlineSince: this.#status.offlineSince ?? this.#now() });
    });
    this.#socket.on('close', ({ event }: { event: { code?: number } }) => {
      if (event?.code === 1009) this.#update({ lastError: 'The server refused a change that was too large.' });
    });
  }

  /**
   * Opens the household on this device: loads the doc from IndexedDB,
   * starts mirroring and connects. A device that has not joined yet merges
   * its data into the household once the server answered; until then it
   * waits (join needs the server). So does a device that joined before but
   * has no doc of the household (its backup restored on a new device): it
   * merges as on a first join, by itself, so that nothing the household
   * deleted or changed since comes back from the backup. Resolves once the
   * database matches the doc as loaded.
   */
  static async open(options: HouseholdOptions): Promise<HouseholdSync> {
    const sync = new HouseholdSync(options);
    sync.mirror.start({ hold: true });
    await sync.#persistence.whenSynced;
    const resumes = options.config.joinedAt !== null && sync.doc.store.clients.size > 0;
    if (resumes) await sync.mirror.reconcile('resume');
    sync.#provider.attach();
    void sync.#socket.connect();
    if (options.config.joinedAt !== null && !resumes) {
      void sync.join().catch((error: Error) => sync.#update({ lastError: `Could not merge this device into the household: ${error.message}` }));
    }
    return sync;
  }

  get status(): SyncStatus {
    return this.#status;
  }

  /** Resolves once the server answered the first time after opening. */
  whenSynced(): Promise<void> {
    return this.#synced;
  }

  /** The first join of this device: waits for the household's data, then merges this device's data into it (once). */
  join(): Promise<JoinSummary> {
    this.#joined ??= this.#synced.then(async () => {
      const summary = await this.mirror.reconcile('join');
      this.#options.onJoined?.(summary);
      return summary;
    });
    return this.#joined;
  }

  /** Resolves once every change that arrived is in the database. */
  idle(): Promise<void> {
    return this.mirror.idle();
  }

  /** Stops syncing; the database keeps everything. `forget` also removes the doc from this device. */
  async close(options: { forget?: boolean } = {}): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.mirror.stop();
    this.#provider.destroy();
    this.#socket.destroy();
    await this.mirror.idle();
    if (options.forget) await this.#persistence.clearData();
    else await this.#persistence.destroy();
    this.doc.destroy();
  }

  /** Drops the connection but keeps syncing locally (for tests: a device going offline). */
  goOffline(): void {
    this.#socket.disconnect();
  }

  /** Connects again after `goOffline`. */
  goOnline(): void {
    void this.#socket.connect();
  }

  #update(change: Partial<SyncStatus>): void {
    this.#status = { ...this.#status, ...change };
    this.#options.onStatus?.(this.#status);
  }
}
