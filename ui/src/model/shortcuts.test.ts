import { describe, expect, it } from "vitest";
// The page people read outside the app; it must not drift from the table.
import shortcutsDoc from "../../../docs/shortcuts.md?raw";
import { isTypingTarget, matchShortcut, SHORTCUTS, type KeyPress } from "./shortcuts";

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("shortcut table", () => {
  it("matches the documented keys", () => {
    const id = (key: string, mods?: Partial<KeyPress>) => matchShortcut(press(key, mods))?.id ?? null;
    expect(id("z", { ctrlKey: true })).toBe("undo");
    expect(id("Z", { ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(id("y", { ctrlKey: true })).toBe("redo");
    expect(id("z", { metaKey: true })).toBe("undo");
    expect(id("=", { ctrlKey: true })).toBe("zoomIn");
    expect(id("+", { ctrlKey: true, shiftKey: true })).toBe("zoomIn");
    expect(id("-", { ctrlKey: true })).toBe("zoomOut");
    expect(id("0", { ctrlKey: true })).toBe("zoomFit");
    expect(id("f", { ctrlKey: true })).toBe("search");
    expect(id("/")).toBe("search");
    expect(id("?", { shiftKey: true })).toBe("help");
    expect(id("n", { ctrlKey: true })).toBe("newMap");
    expect(id("n")).toBe("addStory");
    expect(id("d", { ctrlKey: true })).toBe("duplicate");
    expect(id("Delete")).toBe("delete");
    expect(id("F2")).toBe("rename");
    expect(id("ArrowUp", { altKey: true })).toBe("moveVertical");
    expect(id("ArrowRight", { altKey: true })).toBe("moveHorizontal");
    expect(id("ArrowDown")).toBe("focus");
    expect(id("o")).toBe("openStory");
    expect(id(" ")).toBe("openStory");
    expect(id("b")).toBe("toggleBacklog");
    expect(id("d")).toBe("toggleDependencies");
    expect(id("h")).toBe("changes");
    expect(id("D", { ctrlKey: true })).toBe("duplicate");
  });

  it("leaves other keys alone", () => {
    expect(matchShortcut(press("x"))).toBeNull();
    expect(matchShortcut(press("N", { shiftKey: true }))).toBeNull();
    expect(matchShortcut(press("z", { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it("never gives two shortcuts the same key", () => {
    for (const shortcut of SHORTCUTS) {
      for (const combo of shortcut.combos) {
        const event = press(combo.key, { ctrlKey: combo.ctrl ?? false, altKey: combo.alt ?? false, shiftKey: combo.shift ?? false });
        expect(matchShortcut(event)?.id).toBe(shortcut.id);
      }
    }
  });

  it("treats fields as places where people type", () => {
    expect(isTypingTarget(document.createElement("input"))).toBe(true);
    expect(isTypingTarget(document.createElement("textarea"))).toBe(true);
    expect(isTypingTarget(document.createElement("div"))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("docs/shortcuts.md", () => {
  it("lists the same shortcuts as the table, in the same order", () => {
    const rows = shortcutsDoc
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| Keys"))
      .map((line) => line.slice(2, -2).split(" | "));
    expect(rows).toEqual(SHORTCUTS.map((shortcut) => [shortcut.keys, shortcut.description]));
  });
});
