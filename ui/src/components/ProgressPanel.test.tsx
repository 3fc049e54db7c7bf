import { act, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ProgressView } from "../bindings/ProgressView";
import { FakeBackend } from "../test/fakeBackend";
import { renderApp } from "./history/testing";

const report = (step: string, done: number, total: number, finished = false): ProgressView => ({
  operation: "Importing big.csv",
  step,
  done,
  total,
  finished,
});

describe("Progress panel", () => {
  it("shows long work's step and share as Rust reports it, and closes on the finished report", async () => {
    const backend = new FakeBackend();
    await renderApp(backend);
    expect(screen.queryByTestId("progress")).toBeNull();

    act(() => {
      backend.emitProgress(report("Adding to the map", 4000, 10000));
    });
    const panel = screen.getByTestId("progress");
    expect(panel.textContent).toContain("Importing big.csv");
    expect(screen.getByTestId("progress-detail").textContent).toMatch(/^Adding to the map · 4.000 of 10.000$/);
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("40");

    act(() => {
      backend.emitProgress(report("Saving", 0, 0));
    });
    expect(screen.getByTestId("progress-detail").textContent).toBe("Saving");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBeNull();

    act(() => {
      backend.emitProgress(report("Saving", 0, 0, true));
    });
    expect(screen.queryByTestId("progress")).toBeNull();
  });
});
