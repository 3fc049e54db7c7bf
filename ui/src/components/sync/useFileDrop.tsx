//! A `.storymap` file dragged from the file manager onto the window: while it is over the
//! window a drop target says what happens, and on drop its name and bytes go to Rust (the
//! window is not told the file's path), which keeps it and answers what it holds. Only drags
//! that carry files count: moving cards on the map uses pointer events, not these.
import { useEffect, useState } from "react";

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

/** Whether files are being dragged over the window; `onFile` gets the first one dropped. */
export function useFileDrop(onFile: (file: File) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them to know when we left.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setOver(true);
    };
    const overWindow = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // allows the drop
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // never navigate to the file
      depth = 0;
      setOver(false);
      const file = event.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", overWindow);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", overWindow);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [onFile]);
  return over;
}

/** Shown over the window while a file is dragged over it. */
export function DropTarget() {
  return (
    <div className="file-drop-target" data-testid="file-drop-target" role="status">
      <p className="file-drop-title">Drop a .storymap file to open it</p>
      <p className="file-drop-note">You see what it holds before anything is merged or added.</p>
    </div>
  );
}
