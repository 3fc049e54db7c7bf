//! Plain-text reports of what changed and of conflicts, as the CLI prints them.

use storymap_api::{ChangesView, ConflictView};

pub fn changes(view: &ChangesView) -> String {
    let by = if view.authors.is_empty() {
        String::new()
    } else {
        format!(" by {}", view.authors.join(", "))
    };
    let plural = if view.change_count == 1 { "" } else { "s" };
    let mut out = format!(
        "{}: {} change{plural}{by}",
        view.since_label, view.change_count
    );
    for story in &view.stories {
        let removed = if story.removed { " (removed)" } else { "" };
        out += &format!("\n\n{}{removed}", story.title);
        for entry in &story.entries {
            out += &format!("\n  {}  {}", entry.at, entry.summary);
        }
    }
    if !view.map_entries.is_empty() {
        out += "\n\nMap";
        for entry in &view.map_entries {
            out += &format!("\n  {}  {}", entry.at, entry.summary);
        }
    }
    out
}

pub fn conflicts(conflicts: &[ConflictView]) -> String {
    if conflicts.is_empty() {
        return "No conflicts".to_owned();
    }
    let mut out = String::new();
    for conflict in conflicts {
        out += &format!("{} — {}\n", conflict.story_title, conflict.field_label);
        for value in &conflict.values {
            let shown = if value.choice == conflict.winner {
                "  (showing now)"
            } else {
                ""
            };
            out += &format!(
                "  {}  by {} at {}{shown}\n",
                value.display, value.author, value.at
            );
        }
    }
    out.trim_end().to_owned()
}
