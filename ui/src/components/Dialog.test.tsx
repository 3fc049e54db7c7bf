import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { Dialog } from "./Dialog";

function SelfRemoving({ onClose }: { onClose: () => void }) {
  const [shown, setShown] = useState(true);
  return (
    <Dialog title="Conflicts" testId="dialog" onClose={onClose}>
      {shown ? (
        <button type="button" onClick={() => setShown(false)}>
          Keep this
        </button>
      ) : (
        <p>All settled</p>
      )}
    </Dialog>
  );
}

describe("Dialog", () => {
  it("takes focus back when the focused button removes itself, so Esc still closes it", async () => {
    const onClose = vi.fn();
    render(<SelfRemoving onClose={onClose} />);
    const keep = screen.getByRole("button", { name: "Keep this" });
    expect(document.activeElement).toBe(keep);
    fireEvent.click(keep);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("dialog")));
    fireEvent.keyDown(document.activeElement as Element, { key: "Escape" });
    expect(onClose).toHaveBeenCalledOnce();
  });
});
