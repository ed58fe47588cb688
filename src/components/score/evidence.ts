/**
 * Help texts for the three sub-scores, in the words of the scoring
 * specification: a one-line "why" and the evidence behind each figure, with
 * where the evidence is thin. Shared by the planner's score panel and the
 * Scores view.
 */

import type { MedasStatus } from '../../core/scoring/medas';

export type ScoreTopic = 'plants' | 'fiber' | 'fermented' | 'weights' | 'caution';

export interface Evidence {
  /** Short title of the figure. */
  title: string;
  /** One line shown under the figure. */
  why: string;
  /** The study or guideline and what it found. */
  source: string;
  /** How strong the evidence is, said plainly. */
  caveat: string;
}

export const EVIDENCE: Record<ScoreTopic, Evidence> = {
  plants: {
    title: 'Plant points',
    why: 'More kinds of plants a week went with more diverse gut microbes.',
    source:
      'McDonald et al. 2018, mSystems 3:e00031-18 (American Gut): people eating >30 plant types a week had more diverse gut microbes and metabolites than those eating <10.',
    caveat: 'Cross-sectional and self-reported; 30 is the top survey band, not a tested optimum.',
  },
  fiber: {
    title: 'Fiber',
    why: 'Guidelines ask for 25–30 g a day; risk fell most at 25–29 g a day.',
    source:
      'WHO 2023 (≥25 g), EFSA 2010 (25 g), UK SACN 2015 (30 g), IOM (14 g per 1000 kcal; 38/25 g). Reynolds 2019 (Lancet): largest risk reduction at 25–29 g/day.',
    caveat: 'Grams per person per day, averaged over the 7 days of the week; only planned meals are counted.',
  },
  fermented: {
    title: 'Fermented foods',
    why: 'Live-culture foods every day; about 6 a day raised microbe diversity in a trial.',
    source:
      'Wastyk et al. 2021, Cell 184:4137: ~6 servings/day for 10 weeks raised microbiota diversity and lowered 19 inflammatory markers.',
    caveat:
      'One 10-week trial, 18 people per arm: the 1-a-day default is a pragmatic choice. Only foods that still hold live microbes when eaten count (ISAPP: Marco et al. 2021).',
  },
  weights: {
    title: 'Weights',
    why: 'Each crop counts once a week, at the highest weight among the forms eaten.',
    source:
      'Weight 1: vegetables, fruit, whole grains, legumes, nuts, seeds, mushrooms. 0.25: herbs, spices, garlic, ginger, tea, coffee, cocoa, extra-virgin olive oil. 0: refined grains, fruit juice, refined oils, sugar.',
    caveat: "A convention used by The Gut Health Doctor, The Doctor's Kitchen and similar; none has been tested in a trial.",
  },
  caution: {
    title: 'What these scores are not',
    why: 'Thirtyfold plans meals; it does not diagnose or treat.',
    source: 'The help texts cite the studies behind each figure.',
    caveat: 'Where the evidence is thin, the help text says so.',
  },
};

/** The weights of the plant points, for a legend: weight and the foods it applies to. */
export const PLANT_WEIGHTS: readonly { weight: number; foods: string }[] = [
  { weight: 1, foods: 'vegetables, fruit, whole grains, legumes, nuts, seeds, mushrooms' },
  { weight: 0.25, foods: 'herbs, spices, garlic, ginger, tea, coffee, cocoa, extra-virgin olive oil' },
  { weight: 0, foods: 'refined grains, fruit juice, refined oils, sugar and syrups' },
];

/** A number with at most `digits` decimals and no trailing zeros: 23.5, 30, 0.25. */
export function formatNumber(value: number, digits = 1): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

/** How a Mediterranean pattern item's status reads in lists and tables. */
export const MEDAS_STATUS_WORDS: Readonly<Record<MedasStatus, string>> = Object.freeze({
  met: 'Met',
  'not-met': 'Not met',
  'not-assessable': 'Not assessable',
  'not-scored': 'Not scored',
});
