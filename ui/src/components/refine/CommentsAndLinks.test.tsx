import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MapEdit } from "../../bindings/MapEdit";
import { FakeBackend } from "../../test/fakeBackend";
import { App } from "../App";
import { cardSelector } from "../selectors";
import { CommentsSection } from "./CommentsSection";
import { LinksSection } from "./LinksSection";
import { story } from "../../test/sampleMap";

async function openPanelOn(storyId: string, backend = new FakeBackend()) {
  const utils = render(<App backend={backend} />);
  await waitFor(() => {
    expect(utils.container.querySelector('[data-ready="true"]')).not.toBeNull();
  });
  const card = document.querySelector<HTMLElement>(cardSelector(storyId));
  if (!card) throw new Error(`no card ${storyId}`);
  card.focus();
  fireEvent.keyDown(card, { key: "o" });
  await screen.findByTestId("story-panel");
  return { backend, card };
}

describe("comments and links in the story panel", () => {
  it("adds a comment with a mention, shows it in the thread and counts it on the card", async () => {
    const { backend, card } = await openPanelOn("st-1");
    expect(within(card).queryByTestId("comment-count")).toBeNull();
    const input = screen.getByTestId<HTMLTextAreaElement>("comment-input");
    // Once my display name has loaded, the box says who I comment as.
    await waitFor(() => {
      expect(input.placeholder).toContain("Comment as Ann");
    });
    fireEvent.change(input, { target: { value: "@Ben can you check the weights?" } });
    fireEvent.keyDown(input, { key: "Enter" });

    const thread = await screen.findByTestId("comment-thread");
    expect(within(thread).getByTestId("comment-text").textContent).toBe("@Ben can you check the weights?");
    expect(within(thread).getByTestId("mention").textContent).toBe("@Ben");
    expect(within(card).getByTestId("comment-count").textContent).toBe("1");
    expect(input.value).toBe("");
    const sent = backend.edits.map(({ edit }) => edit).filter((edit) => edit.kind === "addComment");
    expect(sent).toEqual([{ kind: "addComment", storyId: "st-1", text: "@Ben can you check the weights?" }]);
  });

  it("adds a link, shows its title and opens the URL through the backend only on a click", async () => {
    const { backend } = await openPanelOn("st-1");
    fireEvent.change(screen.getByTestId("link-title-input"), { target: { value: "Wireframe" } });
    fireEvent.change(screen.getByTestId("link-url-input"), { target: { value: "https://figma.com/f/1" } });
    fireEvent.click(screen.getByTestId("link-add"));
    const link = await screen.findByTestId("story-link");
    expect(link.textContent).toBe("Wireframe");
    expect(backend.openedLinks).toEqual([]);
    fireEvent.click(within(link).getByRole("button", { name: "Wireframe" }));
    expect(backend.openedLinks).toEqual(["https://figma.com/f/1"]);
  });
});

describe("the comment thread on its own", () => {
  const sent: MapEdit[] = [];
  const send = (edit: MapEdit) => {
    sent.push(edit);
    return Promise.resolve(null);
  };

  it("flags the comment Rust says mentions me and lets only the author edit or delete", () => {
    const s = story("s1", "Pay by card", "step", "rel", "a0");
    s.comments = [
      // Rust flags the comment that names me (`mentionsYou`); the panel shows its verdict.
      { id: "c1", author: "Ben", at: "2026-12-04T09:00:00Z", text: "@ann please review", mentions: ["ann"], mentionsYou: true },
      { id: "c2", author: "Ann Lee", at: "2026-12-04T09:05:00Z", text: "On it", mentions: [] },
    ];
    render(<CommentsSection story={s} me="Ann Lee" send={send} />);
    const [fromBen, mine] = screen.getAllByTestId("comment");
    if (!fromBen || !mine) throw new Error("two comments expected");
    expect(within(fromBen).getByTestId("mentions-you")).toBeTruthy();
    expect(within(fromBen).queryByRole("button", { name: "Delete this comment" })).toBeNull();
    expect(within(mine).queryByTestId("mentions-you")).toBeNull();
    fireEvent.click(within(mine).getByRole("button", { name: "Delete this comment" }));
    expect(sent.at(-1)).toEqual({ kind: "deleteComment", storyId: "s1", commentId: "c2" });
  });

  it("lists links by title and hands the URL to the opener", () => {
    const s = story("s1", "Pay by card", "step", "rel", "a0");
    s.links = [{ id: "l1", title: "Spec", url: "mailto:ux@example.com" }];
    const opened: string[] = [];
    render(<LinksSection story={s} send={send} onOpen={(url) => opened.push(url)} />);
    fireEvent.click(screen.getByRole("button", { name: "Spec" }));
    expect(opened).toEqual(["mailto:ux@example.com"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove the link Spec" }));
    expect(sent.at(-1)).toEqual({ kind: "deleteLink", storyId: "s1", linkId: "l1" });
  });
});
