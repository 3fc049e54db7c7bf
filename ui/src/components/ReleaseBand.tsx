//! The release slices across the map: each one's rule, header, and either its cells (one per
//! step column) or, collapsed, a line saying how many stories it hides; the line shown while
//! there is no slice; and the row that adds one.
import type { MapEdit } from "../bindings/MapEdit";
import type { ReleaseView } from "../bindings/ReleaseView";
import type { StoryView } from "../bindings/StoryView";
import { storiesInCell, type Cells } from "../model/cells";
import type { GridFocus } from "../model/gridNav";
import { storyCountLabel } from "../model/labels";
import type { ColumnLayout } from "../model/layout";
import { AddInline } from "./AddInline";
import { Cell, cellKey } from "./Cell";
import { at, FIRST_STORY_COLUMN, headerSide } from "./gridPlacement";
import { ReleaseHeader, type DeleteTarget } from "./Headers";
import type { DragState } from "./useMapDnd";

export interface ReleaseBandProps {
  release: ReleaseView;
  /** The slice's place among the slices (its grid row follows). */
  index: number;
  /** The first slice's grid row (see `backboneRows`). */
  firstRow: number;
  layout: ColumnLayout;
  cells: Cells;
  trailingColumn: number;
  collapsed: boolean;
  drag: DragState | null;
  /** The grid's one tab stop, if it is in this slice. */
  tabStop: GridFocus | null;
  /** Whether a cell is drawn with its cards (see `useCellWindow`). */
  isLive: (stepId: string, releaseId: string, columnIndex: number, bandIndex: number) => boolean;
  placeholderHeight: (stepId: string, releaseId: string, stories: readonly StoryView[]) => number;
  matches: ReadonlySet<string> | null;
  addingCell: string | null;
  onAddingChange: (key: string, open: boolean) => void;
  onEdit: (edit: MapEdit) => void;
  onToggle: (releaseId: string) => void;
  onDelete: (target: DeleteTarget) => void;
  onDeleteStory: (story: StoryView) => void;
}

export type ReleaseBandsProps = Omit<ReleaseBandProps, "release" | "index" | "collapsed"> & {
  releases: readonly ReleaseView[];
  collapsed: ReadonlySet<string>;
};

/** One band per slice, or the line inviting a first slice. */
export function ReleaseBands({ releases, collapsed, ...props }: ReleaseBandsProps) {
  return (
    <>
      {releases.map((release, index) => (
        <ReleaseBand key={release.id} release={release} index={index} collapsed={collapsed.has(release.id)} {...props} />
      ))}
      {releases.length === 0 && (
        <div className="no-releases" style={at(props.firstRow, `1 / ${(props.trailingColumn + 1).toString()}`)}>
          Add a release slice to start placing stories on the map.
        </div>
      )}
    </>
  );
}

/** The row under the last slice (or the empty line) with "+ Release slice". */
export function AddReleaseRow({
  releaseCount,
  firstRow,
  open,
  onOpenChange,
  onEdit,
}: {
  releaseCount: number;
  firstRow: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onEdit: (edit: MapEdit) => void;
}) {
  return (
    <div className="release-end" style={at(firstRow + Math.max(releaseCount, 1), 1)}>
      <AddInline
        open={open}
        onOpenChange={onOpenChange}
        buttonText="Release slice"
        buttonLabel="Add a release slice"
        buttonClassName="ghost-button add-release"
        buttonTestId="add-release"
        inputLabel="New release slice title"
        placeholder="Slice name"
        inputClassName="release-input"
        onSubmit={(title) => {
          onEdit({ kind: "addRelease", title });
        }}
      />
    </div>
  );
}

export function ReleaseBand(props: ReleaseBandProps) {
  const { release, index, firstRow, trailingColumn, collapsed, drag, layout } = props;
  const row = firstRow + index;
  return (
    <>
      <div className="band-rule" style={at(row, `1 / ${(trailingColumn + 1).toString()}`)} aria-hidden="true" />
      <ReleaseHeader
        release={release}
        style={at(row, 1)}
        collapsed={collapsed}
        dropSide={headerSide(drag, "release", release.id)}
        onEdit={props.onEdit}
        onToggle={props.onToggle}
        onDelete={props.onDelete}
      />
      {collapsed ? (
        <div className="collapsed-band" style={at(row, `${FIRST_STORY_COLUMN.toString()} / span ${layout.columns.length.toString()}`)}>
          {storyCountLabel(release.rollup.stories)} hidden · expand the slice to see them
        </div>
      ) : (
        <BandCells {...props} row={row} />
      )}
    </>
  );
}

function BandCells({ release, index, layout, cells, drag, tabStop, isLive, placeholderHeight, row, ...rest }: ReleaseBandProps & { row: number }) {
  const storyTarget = drag?.target?.kind === "story" ? drag.target : null;
  return layout.columns.map((column) => {
    const style = at(row, FIRST_STORY_COLUMN + column.index);
    if (column.kind !== "step") {
      return <div key={`${column.key}:${release.id}`} className="cell cell-placeholder" style={style} aria-hidden="true" />;
    }
    const key = cellKey(column.step.id, release.id);
    const isTarget = storyTarget?.stepId === column.step.id && storyTarget.releaseId === release.id;
    const stop = tabStop?.stepId === column.step.id && tabStop.releaseId === release.id ? tabStop : null;
    const stories = storiesInCell(cells, column.step.id, release.id);
    const live = isLive(column.step.id, release.id, column.index, index);
    return (
      <Cell
        key={key}
        stepId={column.step.id}
        releaseId={release.id}
        stepTitle={column.step.title}
        releaseTitle={release.title}
        stories={stories}
        style={style}
        live={live}
        height={live ? 0 : placeholderHeight(column.step.id, release.id, stories)}
        tabStop={stop ? (stop.kind === "card" ? stop.storyId : "cell") : null}
        dropIndex={isTarget ? storyTarget.index : null}
        dragId={isTarget ? (drag?.id ?? null) : null}
        matches={rest.matches}
        adding={rest.addingCell === key}
        onAddingChange={rest.onAddingChange}
        onEdit={rest.onEdit}
        onDelete={rest.onDeleteStory}
      />
    );
  });
}
