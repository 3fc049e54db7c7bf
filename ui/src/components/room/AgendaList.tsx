//! The session's agenda (seeded by Rust from the 90-minute rhythm): rename, retime, reorder,
//! delete and add items; the item the clock is in is highlighted.
import { useState } from "react";
import type { AgendaItemView } from "../../bindings/AgendaItemView";
import type { SessionView } from "../../bindings/SessionView";
import { currentAgendaId, secondsSince } from "../../model/room";
import { ChevronDownIcon, CloseIcon, PlusIcon } from "../Icons";
import type { SendSessionEdit } from "./liveSession";

export function AgendaList({ session, now, send }: { session: SessionView; now: number; send: SendSessionEdit }) {
  const currentId = currentAgendaId(session.agenda, secondsSince(session.startedAt, now));
  const sessionId = session.id;
  return (
    <section className="room-section" aria-label="Agenda">
      <h3 className="room-section-title">Agenda</h3>
      <ol className="agenda" data-testid="session-agenda">
        {session.agenda.map((item, index) => (
          <AgendaRow
            // A new key when Rust changes it, so the fields show the new values.
            key={`${item.id}|${item.title}|${item.startMinute.toString()}|${item.endMinute.toString()}`}
            item={item}
            current={item.id === currentId}
            first={index === 0}
            last={index === session.agenda.length - 1}
            onRename={(title) => void send({ kind: "renameAgendaItem", sessionId, itemId: item.id, title })}
            onRetime={(startMinute, endMinute) => void send({ kind: "retimeAgendaItem", sessionId, itemId: item.id, startMinute, endMinute })}
            onMove={(step) => void send({ kind: "moveAgendaItem", sessionId, itemId: item.id, toIndex: index + step })}
            onDelete={() => void send({ kind: "deleteAgendaItem", sessionId, itemId: item.id })}
          />
        ))}
      </ol>
      <AddAgendaItem
        after={session.agenda.at(-1)?.endMinute ?? 0}
        length={session.lengthMinutes}
        onAdd={(title, startMinute, endMinute) => void send({ kind: "addAgendaItem", sessionId, title, startMinute, endMinute })}
      />
    </section>
  );
}

interface AgendaRowProps {
  item: AgendaItemView;
  current: boolean;
  first: boolean;
  last: boolean;
  onRename: (title: string) => void;
  onRetime: (startMinute: number, endMinute: number) => void;
  onMove: (step: number) => void;
  onDelete: () => void;
}

function AgendaRow({ item, current, first, last, onRename, onRetime, onMove, onDelete }: AgendaRowProps) {
  const [start, setStart] = useState(item.startMinute.toString());
  const [end, setEnd] = useState(item.endMinute.toString());
  const retime = () => {
    const from = Number(start);
    const to = Number(end);
    if (Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to > from) {
      if (from !== item.startMinute || to !== item.endMinute) onRetime(from, to);
    } else {
      setStart(item.startMinute.toString());
      setEnd(item.endMinute.toString());
    }
  };
  const onKey = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") event.currentTarget.blur();
  };
  return (
    <li className={current ? "agenda-item is-current" : "agenda-item"} data-testid="agenda-item" data-current={current ? "true" : "false"} aria-current={current ? "step" : undefined}>
      <span className="agenda-times">
        <input className="agenda-minute" aria-label={`${item.title}: starts at minute`} inputMode="numeric" value={start} onChange={(event) => { setStart(event.target.value); }} onBlur={retime} onKeyDown={onKey} />
        <span aria-hidden="true">–</span>
        <input className="agenda-minute" aria-label={`${item.title}: ends at minute`} inputMode="numeric" value={end} onChange={(event) => { setEnd(event.target.value); }} onBlur={retime} onKeyDown={onKey} />
      </span>
      <input
        className="agenda-title"
        data-testid="agenda-title"
        aria-label="Agenda item"
        defaultValue={item.title}
        onKeyDown={onKey}
        onBlur={(event) => {
          const title = event.target.value.trim();
          if (title !== "" && title !== item.title) onRename(title);
          else event.target.value = item.title;
        }}
      />
      <span className="agenda-tools">
        <button type="button" className="mini-button is-up" aria-label="Move earlier" title="Move earlier" disabled={first} onClick={() => { onMove(-1); }}>
          <ChevronDownIcon size={14} />
        </button>
        <button type="button" className="mini-button" aria-label="Move later" title="Move later" disabled={last} onClick={() => { onMove(1); }}>
          <ChevronDownIcon size={14} />
        </button>
        <button type="button" className="mini-button" data-testid="agenda-delete" aria-label={`Delete ${item.title}`} title="Delete" onClick={onDelete}>
          <CloseIcon size={14} />
        </button>
      </span>
    </li>
  );
}

function AddAgendaItem({ after, length, onAdd }: { after: number; length: number; onAdd: (title: string, start: number, end: number) => void }) {
  const [title, setTitle] = useState("");
  return (
    <form
      className="agenda-add"
      onSubmit={(event) => {
        event.preventDefault();
        const text = title.trim();
        if (text === "") return;
        const start = Math.min(after, Math.max(0, length - 5));
        onAdd(text, start, Math.max(start + 5, Math.min(length, start + 10)));
        setTitle("");
      }}
    >
      <input className="field-input" data-testid="agenda-add-title" aria-label="New agenda item" placeholder="Add an agenda item…" value={title} onChange={(event) => { setTitle(event.target.value); }} />
      <button type="submit" className="secondary-button is-small" data-testid="agenda-add" disabled={title.trim() === ""}>
        <PlusIcon size={14} /> Add
      </button>
    </form>
  );
}
