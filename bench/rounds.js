// Timing contenders side by side. This machine is shared and its speed drifts by a third within a
// minute, so what is compared is timed in rounds — each round times every contender once, in an
// order that rotates — and compared round by round, never as figures taken minutes apart.

/**
 * Time `contenders` (name → function, sync or async) in rounds. Each is first warmed up (0.3 s, at
 * least one run) and given a batch of runs lasting ~20 ms, so a 1 KB parse is not timed at the
 * timer's resolution; then each round times one batch of each, until `budget` seconds have passed
 * (at least `minRounds`, at most 100). Returns each round's seconds per run, by name.
 */
export async function rounds(contenders, { budget = 0, minRounds = 3 } = {}) {
  const names = Object.keys(contenders);
  const batch = {};
  for (const name of names) {
    const fn = contenders[name];
    let best = Infinity;
    const warm = performance.now();
    do {
      const t0 = performance.now();
      await fn();
      best = Math.min(best, (performance.now() - t0) / 1000);
    } while ((performance.now() - warm) / 1000 < 0.3 && best < 1);
    batch[name] = Math.max(1, Math.ceil(0.02 / Math.max(best, 1e-7)));
  }
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const start = performance.now();
  for (let r = 0; r < 100 && (r < minRounds || (performance.now() - start) / 1000 < budget); r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      const fn = contenders[name];
      const t0 = performance.now();
      for (let i = 0; i < batch[name]; i++) await fn();
      times[name].push((performance.now() - t0) / 1000 / batch[name]);
    }
  }
  return times;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The median and range of a[i] / b[i] over rounds. */
export function ratio(a, b) {
  const rs = a.map((x, i) => x / b[i]);
  return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
}
