//! How a progress report reads in the window: the share done, and the words beside the bar.
import type { ProgressView } from "../bindings/ProgressView";

/** The share done, 0–100; `null` when the step cannot be counted (the bar then sweeps). */
export function progressPercent(progress: ProgressView): number | null {
  if (progress.total <= 0) return null;
  return Math.min(100, Math.floor((progress.done * 100) / progress.total));
}

/** "Adding to the map · 4,000 of 10,000" or just the step. */
export function progressDetail(progress: ProgressView, locale?: string): string {
  if (progress.total <= 0) return progress.step;
  const number = new Intl.NumberFormat(locale);
  return `${progress.step} · ${number.format(progress.done)} of ${number.format(progress.total)}`;
}
