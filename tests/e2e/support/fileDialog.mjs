// Answers the native GTK file dialog (tauri-plugin-dialog) the way a person can: with the
// dialog on screen, type the full path into it and press Enter. WebDriver cannot reach a
// native dialog, so the keys go through xdotool to the X display the app runs on.
import { execFileSync } from "node:child_process";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function xdotool(args) {
  return execFileSync("xdotool", args, { encoding: "utf8", timeout: 30_000 }).trim();
}

/** Waits for the dialog titled `title`, types `path` into it and confirms. */
export async function answerFileDialog(title, path) {
  // --sync waits until a window with this title is mapped.
  const window = xdotool(["search", "--sync", "--onlyvisible", "--name", `^${title}$`]).split("\n")[0];
  // No window manager runs under Xvfb: give the dialog the keyboard focus directly.
  xdotool(["windowfocus", "--sync", window]);
  await sleep(400); // GTK finishes laying out the dialog after it is mapped
  // Ctrl+L opens the location field in an Open dialog; in a Save dialog the name field has
  // focus. Select what is there and type the full path over it.
  // Real key events (XTEST) to the focused dialog; GTK ignores synthetic ones.
  xdotool(["key", "--clearmodifiers", "ctrl+l"]);
  await sleep(150);
  xdotool(["key", "--clearmodifiers", "ctrl+a"]);
  xdotool(["type", "--delay", "15", path]);
  await sleep(200);
  xdotool(["key", "Return"]);
}
