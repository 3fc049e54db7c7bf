import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ErrorBoundary } from "./ErrorBoundary";

let broken = true;

function Fragile() {
  if (broken) throw new Error("bindings out of date: backups is not a function");
  return <p>The map</p>;
}

describe("ErrorBoundary", () => {
  beforeEach(() => {
    broken = true;
    // React logs the caught error; keep the test output readable.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("shows what failed and that the maps are safe instead of a blank window", () => {
    render(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    const shown = screen.getByTestId("view-crashed");
    expect(shown.textContent).toContain("bindings out of date: backups is not a function");
    expect(shown.textContent).toContain("every edit is saved");
  });

  it("draws the view again on Try again once it no longer fails", () => {
    render(
      <ErrorBoundary>
        <Fragile />
      </ErrorBoundary>,
    );
    broken = false;
    fireEvent.click(screen.getByTestId("view-crashed-retry"));
    expect(screen.getByText("The map")).toBeTruthy();
    expect(screen.queryByTestId("view-crashed")).toBeNull();
  });
});
