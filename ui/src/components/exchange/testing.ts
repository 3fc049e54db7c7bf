//! Shared set-up for the import/export tests: the app over a fake backend, the maps menu, and a
//! Jira CSV file with the preview the backend would answer for it.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createElement } from "react";
import type { JiraPreviewView } from "../../bindings/JiraPreviewView";
import { FakeBackend } from "../../test/fakeBackend";
import { sampleMap, story } from "../../test/sampleMap";
import { App } from "../App";
import type { FakeJiraFile } from "./fakeExchange";

export const JIRA_PATH = "/home/ann/Downloads/jira-export.csv";

export async function renderApp(backend = new FakeBackend()): Promise<FakeBackend> {
  const utils = render(createElement(App, { backend }));
  await waitFor(() => {
    if (!utils.container.querySelector('[data-ready="true"]')) throw new Error("not ready");
  });
  return backend;
}

export async function menuItem(testId: string): Promise<void> {
  fireEvent.click(screen.getByTestId("map-switcher"));
  fireEvent.click(await screen.findByTestId(testId));
}

export function jiraPreview(): JiraPreviewView {
  return {
    mapName: "",
    creates: { activities: 1, steps: 2, slices: 1, stories: 3, criteria: 4 },
    updates: { activities: 0, steps: 0, slices: 0, stories: 1, criteria: 2 },
    unchanged: 2,
    skippedRows: 1,
    columns: [
      { column: "Summary", count: 1, usedAs: "title" },
      { column: "Issue key", count: 1, usedAs: "issue key (kept on the story or activity)" },
      { column: "Status", count: 1, usedAs: "status" },
      { column: "Sprint", count: 2, usedAs: null },
      { column: "Custom field (Story Points)", count: 1, usedAs: "estimate" },
    ],
    warnings: [
      { row: 4, column: "Status", message: "Jira status 'In QA' is not mapped: read as draft (map it with --status-map \"In QA=refining\")" },
      { row: 6, column: "Custom field (Story Points)", message: "story points '7' are off the scale: left out" },
      { row: 9, column: null, message: "no summary; the row is skipped" },
    ],
    sampleStories: [
      { row: 2, jiraKey: "SHOP-2", title: "Pay by voucher", action: "create", activity: "Checkout", step: "Pay", slice: "MVP", status: "ready", estimate: "5", criteria: 3 },
      { row: 3, jiraKey: "SHOP-3", title: "Search by name", action: "update", activity: "Discover", step: null, slice: null, status: "inSprint", estimate: null, criteria: 1 },
    ],
    storyCount: 6,
  };
}

/** The file: its preview, and the stories it brings (the sample map plus "Pay by voucher"). */
export function jiraFile(): FakeJiraFile {
  const map = sampleMap();
  map.stories.push(story("st-jira", "Pay by voucher", "a-checkout", "s-pay", "r-mvp", "ready", "5"));
  return { preview: jiraPreview(), map };
}

export function backendWithJiraFile(): FakeBackend {
  const backend = new FakeBackend();
  backend.openPath = JIRA_PATH;
  backend.jiraFiles.set(JIRA_PATH, jiraFile());
  return backend;
}
