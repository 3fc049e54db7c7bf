//! How a card asks the app to open its story's details, without threading a callback through
//! the map grid and its cells.
import { createContext } from "react";

export const StoryOpenContext = createContext<((storyId: string) => void) | null>(null);
