//! Shared set-up for the room tests: the app over the fake backend, and a session started with
//! the dialog's defaults.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { FakeBackend } from "../../test/fakeBackend";
import { renderApp } from "../history/testing";

export { renderApp };

/** Opens the Session panel and starts a session with the dialog's defaults. */
export async function startSession(backend = new FakeBackend()): Promise<FakeBackend> {
  await renderApp(backend);
  fireEvent.click(screen.getByTestId("session-button"));
  fireEvent.click(screen.getByTestId("start-session"));
  fireEvent.click(screen.getByTestId("session-start-submit"));
  await waitFor(() => {
    if (screen.queryAllByTestId("session-story").length === 0) throw new Error("no session yet");
  });
  return backend;
}

export function sessionStory(storyId: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-testid="session-story"][data-story-id="${storyId}"]`);
  if (!row) throw new Error(`no session story ${storyId}`);
  return row;
}

export function lastEdit(backend: FakeBackend) {
  return backend.edits.at(-1)?.edit;
}
