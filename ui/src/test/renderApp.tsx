//! The app on the fake backend for Vitest, with the steps most UI tests begin with: wait for
//! the map, find a card, open a story's details from it with the keyboard.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect } from "vitest";
import { App } from "../components/App";
import { cardSelector } from "../components/selectors";
import { FakeBackend } from "./fakeBackend";

/** Renders the app and waits until its map is drawn. */
export async function renderApp(backend = new FakeBackend()) {
  const utils = render(<App backend={backend} />);
  await waitFor(() => {
    expect(utils.container.querySelector('[data-ready="true"]')).not.toBeNull();
  });
  return { ...utils, backend };
}

export function card(storyId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(cardSelector(storyId));
  if (!found) throw new Error(`no card ${storyId}`);
  return found;
}

/** Opens the story's details with "o" on its card, as a keyboard user does. */
export async function openPanel(storyId: string): Promise<HTMLElement> {
  card(storyId).focus();
  fireEvent.keyDown(card(storyId), { key: "o" });
  return screen.findByTestId("story-panel");
}
