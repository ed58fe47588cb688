/** Counting rules and targets of SCORING.md; every field is a user setting. */
export interface ScoringSettings {
  /** Weighted plant points per week. */
  plantTarget: number;
  /** Fiber grams per person per day. */
  fiberTarget: number;
  /** Lower fiber threshold, grams per person per day. */
  fiberLower: number;
  /** Scale the fiber target to 14 g per 1000 kcal eaten instead of a fixed target. */
  fiberPer1000kcal: boolean;
  /** Live-culture servings per person per week. */
  fermentedTarget: number;
  /** Servings per person per week that earn the "study level" badge (Wastyk et al. 2021). */
  fermentedStudyLevel: number;
  /** Count crop + colour pairs separately (red and green pepper as two plants). */
  countColourVariants: boolean;
}

/** Grams of fiber per 1000 kcal under the IOM rule. */
export const FIBER_PER_1000_KCAL = 14;

/** The defaults SCORING.md gives. */
export const DEFAULT_SCORING_SETTINGS: Readonly<ScoringSettings> = Object.freeze({
  plantTarget: 30,
  fiberTarget: 30,
  fiberLower: 25,
  fiberPer1000kcal: false,
  fermentedTarget: 7,
  fermentedStudyLevel: 42,
  countColourVariants: false,
});

/** The default meal slots, in display order. */
export const DEFAULT_SLOTS: readonly string[] = Object.freeze(['breakfast', 'lunch', 'dinner', 'snack']);
