//! The dependency lines drawn over the map: which links there are, and the path of each, from
//! the dependent story's card to the card of the story it depends on (pure geometry).
import type { StoryView } from "../bindings/StoryView";

/** A box in the map's own layout pixels (unzoomed, relative to the scrolled content). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export type Side = "left" | "right" | "top" | "bottom";

/** One arrow: `from` depends on `to`. */
export interface DependencyLink {
  from: string;
  to: string;
  /** The dependent story has a dependency warning (a dependency planned later than it). */
  warning: boolean;
}

export interface LinePath {
  /** SVG path data: a cubic curve from `start` to `end`. */
  d: string;
  start: Point;
  end: Point;
}

/** Cards above one another with less than this between them are joined bottom to top. */
const ADJACENT_GAP = 40;
/** How far a curve leaves a card's side before it turns. */
const MIN_BEND = 24;
const MAX_BEND = 120;
/** How far a loop between cards of one column bows out to the right. */
const MIN_BOW = 28;
const MAX_BOW = 72;

/**
 * Every link on the map, in story order. The core reports warnings per story, not per link, so
 * each link of a story with a dependency warning is marked. Links to stories no longer on the
 * map are left out.
 */
export function dependencyLinks(stories: readonly Pick<StoryView, "id" | "dependsOn" | "refinement">[]): DependencyLink[] {
  const onMap = new Set(stories.map((story) => story.id));
  return stories.flatMap((story) =>
    story.dependsOn
      .filter((id) => id !== story.id && onMap.has(id))
      .map((id) => ({ from: story.id, to: id, warning: story.refinement.dependencyWarnings.length > 0 })),
  );
}

const centre = (box: Box): Point => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });

/** The middle of one side of a box. */
export function sidePoint(box: Box, side: Side): Point {
  const mid = centre(box);
  switch (side) {
    case "left":
      return { x: box.left, y: mid.y };
    case "right":
      return { x: box.left + box.width, y: mid.y };
    case "top":
      return { x: mid.x, y: box.top };
    case "bottom":
      return { x: mid.x, y: box.top + box.height };
  }
}

/**
 * The sides a line leaves `from` by and reaches `to` by. Cards in different columns join by the
 * sides that face each other; cards in one column join bottom to top when next to each other,
 * else by their right sides (the line bows out instead of crossing the cards between them).
 */
export function chooseSides(from: Box, to: Box): [Side, Side] {
  const overlapX = Math.min(from.left + from.width, to.left + to.width) - Math.max(from.left, to.left);
  if (overlapX <= 0) return centre(from).x < centre(to).x ? ["right", "left"] : ["left", "right"];
  const below = to.top >= from.top + from.height;
  const above = to.top + to.height <= from.top;
  const gap = below ? to.top - (from.top + from.height) : above ? from.top - (to.top + to.height) : Number.POSITIVE_INFINITY;
  if (gap < ADJACENT_GAP) return below ? ["bottom", "top"] : ["top", "bottom"];
  return ["right", "right"];
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function outward(point: Point, side: Side, by: number): Point {
  switch (side) {
    case "left":
      return { x: point.x - by, y: point.y };
    case "right":
      return { x: point.x + by, y: point.y };
    case "top":
      return { x: point.x, y: point.y - by };
    case "bottom":
      return { x: point.x, y: point.y + by };
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
const pointText = (point: Point) => `${round(point.x).toString()} ${round(point.y).toString()}`;

/** The curve from the dependent card (`from`) to its dependency's card (`to`). */
export function linePath(from: Box, to: Box): LinePath {
  const [fromSide, toSide] = chooseSides(from, to);
  const start = sidePoint(from, fromSide);
  const end = sidePoint(to, toSide);
  const distance = Math.hypot(end.x - start.x, end.y - start.y);
  // A loop bows out; a short hop between neighbours stays straight; other lines leave and
  // reach the cards square to their sides.
  const bend =
    fromSide === toSide
      ? clamp(distance / 4, MIN_BOW, MAX_BOW)
      : fromSide === "top" || fromSide === "bottom"
        ? distance / 3
        : clamp(distance / 2, MIN_BEND, MAX_BEND);
  const c1 = outward(start, fromSide, bend);
  const c2 = outward(end, toSide, bend);
  return { d: `M ${pointText(start)} C ${pointText(c1)}, ${pointText(c2)}, ${pointText(end)}`, start, end };
}

/** `inner` in the layout pixels of `outer`'s content, from two on-screen rectangles and the zoom. */
export function boxWithin(inner: Box, outer: Pick<Box, "left" | "top">, zoom: number): Box {
  const scale = zoom > 0 ? zoom : 1;
  return {
    left: (inner.left - outer.left) / scale,
    top: (inner.top - outer.top) / scale,
    width: inner.width / scale,
    height: inner.height / scale,
  };
}
