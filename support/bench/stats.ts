// Summaries of repeated measurements: median and p95 (nearest rank), with the samples kept.
export interface Summary { readonly n: number; readonly median: number | null; readonly p95: number | null; readonly samples: number[] }

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].map(Math.round).sort((a, b) => a - b);
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : Math.round((sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);
  return { n: sorted.length, median, p95: percentile(sorted, 95), samples: sorted };
}
