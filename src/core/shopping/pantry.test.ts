import { describe, expect, it } from 'vitest';
import { addToPantry, pantryForList, takeFromPantry } from './pantry';

describe('pantry amounts', () => {
  it('adds and takes off grams, never below 0 g', () => {
    const pantry = addToPantry({ 'red-lentils': 500 }, 'red-lentils', 500);
    expect(pantry).toEqual({ 'red-lentils': 1000 });
    expect(addToPantry(pantry, 'rice', 250)).toEqual({ 'red-lentils': 1000, rice: 250 });
    expect(addToPantry(pantry, 'red-lentils', -1500)).toEqual({ 'red-lentils': 0 });
  });

  it('a cooked meal takes its grams off foods held by amount only', () => {
    const after = takeFromPantry({ 'red-lentils': 500, rice: 100 }, new Map([['red-lentils', 375], ['rice', 131.4], ['onion', 220]]));
    expect(after).toEqual({ 'red-lentils': 125, rice: 0 });
    expect(takeFromPantry(after, new Map([['red-lentils', 375]]), -1)).toEqual({ 'red-lentils': 500, rice: 0 });
  });

  it("a list's own ticks do not count against it", () => {
    // 500 g held before; ticking put in 1000 g more; onion only came from a tick.
    expect([...pantryForList({ 'red-lentils': 1500, onion: 330 }, { 'red-lentils': 1000, onion: 330 })]).toEqual([['red-lentils', 500]]);
    expect([...pantryForList({ rice: 0 })]).toEqual([['rice', 0]]);
  });
});
