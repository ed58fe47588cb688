/**
 * A household's id and secret, and the plain code that carries both from the
 * first device to the others. Ids and secrets are lower-case base32 so a code
 * survives being read aloud or typed; the secret holds 130 random bits.
 */

/** Settings row holding this device's household (id, secret, server): per device, never synced, kept in backups. */
export const HOUSEHOLD_SETTING = 'household';
/** Local storage item naming the household, so a joined device starts syncing as it loads; it holds no secret. */
export const HOUSEHOLD_FLAG = 'thirtyfold.household';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_LENGTH = 16;
const SECRET_LENGTH = 26;

/** A household id: the name of its document on the server. */
export const HOUSEHOLD_ID = new RegExp(`^[${ALPHABET}]{${ID_LENGTH}}$`);
const SECRET = new RegExp(`^[${ALPHABET}]{${SECRET_LENGTH}}$`);

export interface HouseholdKey {
  id: string;
  secret: string;
}

function randomText(length: number, random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(length));
  let text = '';
  for (const byte of bytes) text += ALPHABET[byte & 31];
  return text;
}

/** A new household id and secret from `random` (crypto.getRandomValues). */
export function newHouseholdKey(random: (bytes: Uint8Array) => Uint8Array): HouseholdKey {
  return { id: randomText(ID_LENGTH, random), secret: randomText(SECRET_LENGTH, random) };
}

/** True when `secret` has the shape of a household secret (checked before any hashing). */
export function isHouseholdSecret(secret: string): boolean {
  return SECRET.test(secret);
}

/** The code another device joins with: id and secret in groups of four, e.g. `abcd-efgh-…`. */
export function householdCode(key: HouseholdKey): string {
  return (key.id + key.secret).match(/.{1,4}/g)!.join('-');
}

/** Reads a code as typed or pasted (any case, spaces or dashes); returns null when it is not a household code. */
export function readHouseholdCode(code: string): HouseholdKey | null {
  const plain = code.toLowerCase().replace(/[\s-]/g, '');
  if (plain.length !== ID_LENGTH + SECRET_LENGTH) return null;
  const key = { id: plain.slice(0, ID_LENGTH), secret: plain.slice(ID_LENGTH) };
  return HOUSEHOLD_ID.test(key.id) && SECRET.test(key.secret) ? key : null;
}

export { readServerAddress, serverOrigin } from '../shared/sync-address';
