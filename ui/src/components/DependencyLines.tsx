//! The map's dependency lines: one SVG laid over the grid's content (so it scrolls and zooms with
//! the cards), measured from the drawn cards after each render and whenever the grid resizes.
//! A line whose card is not drawn (far from view on a large map, or in a collapsed slice) is
//! left out and counted, so the legend can say so. The SVG never takes the pointer.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { StoryView } from "../bindings/StoryView";
import { boxWithin, dependencyLinks, linePath, type Box, type DependencyLink, type Point } from "../model/dependencyLines";
import { cardSelector } from "./selectors";

interface DrawnLine extends DependencyLink {
  d: string;
  start: Point;
}

/** What the legend reports about the lines. */
export interface DependencySummary {
  drawn: number;
  hidden: number;
  warnings: number;
}

interface Drawing {
  lines: DrawnLine[];
  hidden: number;
  width: number;
  height: number;
}

const NOTHING: Drawing = { lines: [], hidden: 0, width: 0, height: 0 };

function sameDrawing(a: Drawing, b: Drawing): boolean {
  return (
    a.hidden === b.hidden &&
    a.width === b.width &&
    a.height === b.height &&
    a.lines.length === b.lines.length &&
    a.lines.every((line, index) => {
      const other = b.lines[index];
      return other !== undefined && line.from === other.from && line.to === other.to && line.warning === other.warning && line.d === other.d;
    })
  );
}

export function DependencyLines({
  grid,
  stories,
  zoom,
  onSummary,
}: {
  grid: React.RefObject<HTMLElement | null>;
  stories: readonly StoryView[];
  zoom: number;
  onSummary: (summary: DependencySummary) => void;
}) {
  const links = useMemo(() => dependencyLinks(stories), [stories]);
  const [drawing, setDrawing] = useState<Drawing>(NOTHING);

  const measure = useRef<() => void>(() => undefined);

  // Cards move with every render of the map (edits, drags, collapse, windowing): measure after
  // each, before paint, so a line never trails its card.
  useLayoutEffect(() => {
    measure.current = () => {
      const content = grid.current;
      if (!content) return;
      const origin = content.getBoundingClientRect();
      const boxes = new Map<string, Box | null>();
      /** A card's box in the grid's layout pixels; `null` when it is not drawn. */
      const boxOf = (storyId: string): Box | null => {
        if (!boxes.has(storyId)) {
          const rect = content.querySelector(cardSelector(storyId))?.getBoundingClientRect();
          boxes.set(storyId, rect && rect.width > 0 && rect.height > 0 ? boxWithin(rect, origin, zoom) : null);
        }
        return boxes.get(storyId) ?? null;
      };
      const lines: DrawnLine[] = [];
      for (const link of links) {
        const from = boxOf(link.from);
        const to = boxOf(link.to);
        if (from && to) {
          const path = linePath(from, to);
          lines.push({ ...link, d: path.d, start: path.start });
        }
      }
      const next: Drawing = { lines, hidden: links.length - lines.length, width: content.offsetWidth, height: content.offsetHeight };
      setDrawing((current) => (sameDrawing(current, next) ? current : next));
    };
    measure.current();
  });

  // …and when the layout moves without a render (fonts loading, the window resized).
  useEffect(() => {
    const content = grid.current;
    if (!content || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      measure.current();
    });
    observer.observe(content);
    return () => {
      observer.disconnect();
    };
  }, [grid]);

  const warnings = drawing.lines.filter((line) => line.warning).length;
  useEffect(() => {
    onSummary({ drawn: drawing.lines.length, hidden: drawing.hidden, warnings });
  }, [onSummary, drawing, warnings]);

  return (
    <svg
      className="dependency-lines"
      data-testid="dependency-lines"
      width={drawing.width || undefined}
      height={drawing.height || undefined}
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <marker id="dependency-arrow" className="dependency-arrow" viewBox="0 0 10 10" refX="8.5" refY="5" markerWidth="6" markerHeight="6" orient="auto">
          <path d="M 0.5 0.5 L 9 5 L 0.5 9.5 z" />
        </marker>
        <marker
          id="dependency-arrow-warning"
          className="dependency-arrow is-warning"
          viewBox="0 0 10 10"
          refX="8.5"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M 0.5 0.5 L 9 5 L 0.5 9.5 z" />
        </marker>
      </defs>
      {drawing.lines.map((line) => (
        <g key={`${line.from}>${line.to}`} className={line.warning ? "dependency is-warning" : "dependency"}>
          <path className="dependency-halo" d={line.d} />
          <path
            className="dependency-line"
            data-testid="dependency-line"
            data-from={line.from}
            data-to={line.to}
            data-warning={line.warning ? "true" : "false"}
            d={line.d}
            markerEnd={line.warning ? "url(#dependency-arrow-warning)" : "url(#dependency-arrow)"}
          />
          <circle className="dependency-start" cx={line.start.x} cy={line.start.y} r={3.5} />
        </g>
      ))}
    </svg>
  );
}

/** The key to the lines, in the map's corner while they are shown. */
export function DependencyLegend({ summary }: { summary: DependencySummary }) {
  const total = summary.drawn + summary.hidden;
  return (
    <div className="dependency-legend" data-testid="dependency-legend" role="status">
      <span className="dependency-legend-key">
        <svg width="30" height="10" aria-hidden="true" focusable="false">
          <path d="M 2 5 H 22" className="dependency-legend-line" />
          <path d="M 21 1.5 L 28 5 L 21 8.5 z" className="dependency-legend-arrow" />
        </svg>
        {total === 0 ? "No dependencies on this map" : "Points to what the story depends on"}
      </span>
      {summary.warnings > 0 && (
        <span className="dependency-legend-key is-warning">
          <svg width="30" height="10" aria-hidden="true" focusable="false">
            <path d="M 2 5 H 22" className="dependency-legend-line" />
            <path d="M 21 1.5 L 28 5 L 21 8.5 z" className="dependency-legend-arrow" />
          </svg>
          Planned out of order
        </span>
      )}
      {summary.hidden > 0 && (
        <span className="dependency-legend-note">
          {summary.hidden} not shown: a card is in a collapsed slice or far from view
        </span>
      )}
    </div>
  );
}
