import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';

/** Hocuspocus message types used by these tests (the wire format of @hocuspocus/common). */
const SYNC = 0;
const AUTH = 2;
const SYNC_UPDATE = 2;

export function authMessage(document: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, document);
  encoding.writeVarUint(encoder, AUTH);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(document: string, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, document);
  encoding.writeVarUint(encoder, SYNC);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The server's answer to an authentication message: 'authenticated', 'denied' or 'closed' (no answer). */
export type AuthAnswer = 'authenticated' | 'denied' | 'closed';

/** Opens a raw socket, sends one authentication message and reads the answer. */
export function tryAuth(url: string, document: string, token: string): Promise<{ answer: AuthAnswer; socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.binaryType = 'nodebuffer';
    socket.on('error', reject);
    socket.on('open', () => socket.send(authMessage(document, token)));
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== AUTH) return;
      const answer = decoding.readVarUint(decoder);
      resolve({ answer: answer === 2 ? 'authenticated' : 'denied', socket });
    });
    socket.on('close', () => resolve({ answer: 'closed', socket }));
  });
}

export function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve(-1);
    socket.on('close', (code) => resolve(code));
  });
}
