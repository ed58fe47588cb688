import * as v from 'valibot';
import { pantryAmountsSchema } from './backup/schema';
import { AISLES } from './types';

/** Every user setting, with the defaults of SCORING.md and DESIGN.md. */
export interface Settings {
  people: number;
  plantTarget: number;
  fiberTarget: number;
  fiberLower: number;
  /** Scale the fiber target to 14 g per 1000 kcal eaten. */
  fiberPer1000kcal: boolean;
  fermentedTarget: number;
  fermentedStudyLevel: number;
  /** Count colour variants (red and green pepper) as separate plants. */
  countColourVariants: boolean;
  units: 'metric' | 'us';
  /** 0 = Sunday … 6 = Saturday. */
  weekStartDay: number;
  slots: string[];
  aisleOrder: string[];
  /** Food ids the user keeps in stock ("I have this"), beyond the catalog's staples. */
  pantryFoods: string[];
  /** Food ids the user buys even though they are staples ("Buy it"). */
  buyFoods: string[];
  /** Grams of each food in the pantry, by food id. */
  pantryAmounts: Record<string, number>;
  /** Ticking a line of the shopping list puts what it buys in the pantry. */
  pantryFromTicks: boolean;
  theme: 'system' | 'light' | 'dark';
  paperSize: 'A4' | 'Letter';
}

export const DEFAULT_SETTINGS: Settings = {
  people: 2,
  plantTarget: 30,
  fiberTarget: 30,
  fiberLower: 25,
  fiberPer1000kcal: false,
  fermentedTarget: 7,
  fermentedStudyLevel: 42,
  countColourVariants: false,
  units: 'metric',
  weekStartDay: 1,
  slots: ['breakfast', 'lunch', 'dinner', 'snack'],
  aisleOrder: [...AISLES],
  pantryFoods: [],
  buyFoods: [],
  pantryAmounts: {},
  pantryFromTicks: false,
  theme: 'system',
  paperSize: 'A4',
};

export type SettingKey = keyof Settings;

/**
 * Reads one stored setting value, falling back to the default when the stored
 * value has the wrong shape (an older or hand-edited database).
 */
export function coerceSetting<K extends SettingKey>(key: K, value: unknown): Settings[K] {
  const fallback = DEFAULT_SETTINGS[key];
  if (value === undefined || value === null) return fallback;
  if (key === 'pantryAmounts') return (v.is(pantryAmountsSchema, value) ? value : fallback) as Settings[K];
  if (Array.isArray(fallback)) {
    return (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback) as Settings[K];
  }
  if (typeof value !== typeof fallback) return fallback;
  if (typeof value === 'number' && !Number.isFinite(value)) return fallback;
  if (key === 'weekStartDay' && (typeof value !== 'number' || value < 0 || value > 6 || !Number.isInteger(value))) return fallback;
  if (key === 'people' && (typeof value !== 'number' || value < 1 || value > 100 || !Number.isInteger(value))) return fallback;
  if (key === 'units' && value !== 'metric' && value !== 'us') return fallback;
  if (key === 'theme' && value !== 'system' && value !== 'light' && value !== 'dark') return fallback;
  if (key === 'paperSize' && value !== 'A4' && value !== 'Letter') return fallback;
  return value as Settings[K];
}

/** Builds full settings from stored rows. */
export function settingsFromRows(rows: readonly { key: string; value: unknown }[]): Settings {
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const result = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    (result as Record<SettingKey, unknown>)[key] = coerceSetting(key, stored.get(key));
  }
  return result;
}
