//! Shared set-up for the history tests: the app over a fake backend, and history values.
import { render, waitFor } from "@testing-library/react";
import { createElement } from "react";
import type { ChangeEntryView } from "../../bindings/ChangeEntryView";
import type { ConflictView } from "../../bindings/ConflictView";
import { FakeBackend } from "../../test/fakeBackend";
import { App } from "../App";

export async function renderApp(backend = new FakeBackend()): Promise<FakeBackend> {
  const utils = render(createElement(App, { backend }));
  await waitFor(() => {
    if (!utils.container.querySelector('[data-ready="true"]')) throw new Error("not ready");
  });
  return backend;
}

export function entry(summary: string, author: string, at: string, hash = "h1"): ChangeEntryView {
  return { hash, author, at, kind: "edited", field: null, summary, mentionsYou: false };
}

export function titleConflict(storyId = "st-1", storyTitle = "See prices per kg"): ConflictView {
  return {
    storyId,
    storyTitle,
    field: "title",
    fieldLabel: "Title",
    values: [
      { choice: "c-ana", display: "See prices per kilo", author: "ana", at: "2025-11-24T13:05:00Z" },
      { choice: "c-ben", display: "Show unit prices", author: "ben", at: "2025-11-24T13:06:00Z" },
    ],
    winner: "c-ben",
  };
}

export function card(storyId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid="story-card"][data-story-id="${storyId}"]`);
  if (!found) throw new Error(`no card ${storyId}`);
  return found;
}
