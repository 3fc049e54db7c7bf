//! The map's frame: the viewport, the zoom (a transform on the scroll area itself, see
//! .map-zoom in map.css), the scroll area, and the CSS grid the map lays out on.
export function MapFrame({
  viewportRef,
  scrollRef,
  gridRef,
  zoom,
  className,
  columnCount,
  label,
  onFocus,
  legend,
  children,
}: {
  viewportRef: React.RefObject<HTMLDivElement | null>;
  scrollRef: React.RefObject<HTMLDivElement | null>;
  gridRef: React.RefObject<HTMLDivElement | null>;
  zoom: React.CSSProperties;
  className: string;
  /** Story columns, between the slice labels and the trailing "+ Activity" column. */
  columnCount: number;
  label: string;
  onFocus: (event: React.FocusEvent) => void;
  /** Drawn over the viewport, outside the zoom (the dependency legend). */
  legend: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="map-viewport" ref={viewportRef}>
      <div className="map-zoom" style={zoom}>
        <div className="map-scroll" data-testid="map-scroll" ref={scrollRef}>
          <div
            ref={gridRef}
            className={className}
            style={{ gridTemplateColumns: `var(--label-w) repeat(${columnCount.toString()}, var(--col-w)) var(--trail-w)` }}
            aria-label={label}
            role="region"
            onFocus={onFocus}
          >
            {children}
          </div>
        </div>
      </div>
      {legend}
    </div>
  );
}
