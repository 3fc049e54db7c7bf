//! Zoom levels for the map: steps for Ctrl+= / Ctrl+-, and the level that fits the window.
//! The range is Rust's (the same clamp applies to saved view preferences).
import { ZOOM_MAX, ZOOM_MIN } from "../bindings/rules";

export { ZOOM_MAX, ZOOM_MIN };
const STEP = 0.1;

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.round(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, zoom)) * 100) / 100;
}

export function zoomIn(zoom: number): number {
  return clampZoom(Math.round((zoom + STEP) * 10) / 10);
}

export function zoomOut(zoom: number): number {
  return clampZoom(Math.round((zoom - STEP) * 10) / 10);
}

/**
 * The largest zoom (at most 100 %) at which a map of `content` size (measured at 100 %) fits in
 * `available`, rounded down to 5 % steps.
 */
export function fitZoom(
  content: { width: number; height: number },
  available: { width: number; height: number },
): number {
  if (content.width <= 0 || content.height <= 0) return 1;
  const ratio = Math.min(1, available.width / content.width, available.height / content.height);
  return clampZoom(Math.floor(ratio * 20) / 20);
}

/** "80 %" */
export function zoomLabel(zoom: number): string {
  return `${Math.round(zoom * 100).toString()} %`;
}
