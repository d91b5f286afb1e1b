// The figures bench:runner and bench:runner:frames print: a percentile by
// the nearest-rank method, a bootstrap interval for the difference of two
// arms' percentiles, and milliseconds written as both print them.

export const ms = (value) => `${value.toFixed(1)} ms`;
export const signed = (value) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} ms`;

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * The 2.5th and 97.5th centiles of (percentile p of a − percentile p of b)
 * over 2,000 resamples of each arm's values (a fixed seed, so a rerun on the
 * same figures prints the same interval). An interval that spans zero is a
 * difference this run cannot tell from chance.
 */
export function bootstrapDifference(a, b, p, rounds = 2000) {
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const resample = (values) => values.map(() => values[Math.floor(random() * values.length)]);
  const differences = [];
  for (let round = 0; round < rounds; round += 1) differences.push(percentile(resample(a), p) - percentile(resample(b), p));
  return [percentile(differences, 2.5), percentile(differences, 97.5)];
}
