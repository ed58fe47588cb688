import fc from 'fast-check';

// Property tests run from one seed, so a run (and CI) can be repeated exactly; FC_SEED=random explores new cases,
// FC_SEED=<number> replays one. fast-check prints the seed of any failure.
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20_261_125 : Number(seed) });
