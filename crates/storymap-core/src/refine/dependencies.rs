//! "Depends on" links: refusing cycles, and warning when a story is planned before
//! something it needs.

use std::collections::HashSet;

use super::{quoted, MapIndex};
use crate::{Story, StoryStatus};

/// The cycle that adding `from → to` would close, as ids from `from` back to `from`, or
/// `None` when the link is safe. `links` gives the stories a story depends on.
pub fn find_cycle<'a>(
    links: impl Fn(&str) -> &'a [String],
    from: &str,
    to: &str,
) -> Option<Vec<String>> {
    if from == to {
        return Some(vec![from.to_owned(), from.to_owned()]);
    }
    // Depth-first search from `to` for a path back to `from`.
    let mut stack: Vec<(String, Vec<String>)> =
        vec![(to.to_owned(), vec![from.to_owned(), to.to_owned()])];
    let mut seen: HashSet<String> = HashSet::new();
    while let Some((node, path)) = stack.pop() {
        if !seen.insert(node.clone()) {
            continue;
        }
        for next in links(&node) {
            let mut longer = path.clone();
            longer.push(next.clone());
            if next == from {
                return Some(longer);
            }
            stack.push((next.clone(), longer));
        }
    }
    None
}

/// Warnings for dependencies (not done) planned after the story: in a later slice, or in
/// the same slice further down the backlog.
pub fn order_warnings(story: &Story, index: &MapIndex<'_>) -> Vec<String> {
    let own = index.backlog_key(story);
    story
        .details
        .depends_on
        .iter()
        .filter_map(|id| index.story(id))
        .filter(|d| d.status != StoryStatus::Done)
        .filter_map(|d| {
            let theirs = index.backlog_key(d);
            if theirs.0 > own.0 {
                Some(format!(
                    "Depends on {}, planned in a later slice ({}).",
                    quoted(&d.title),
                    index.release_title(&d.release_id)
                ))
            } else if theirs.0 == own.0 && theirs > own {
                Some(format!(
                    "Depends on {}, which comes after it in the backlog.",
                    quoted(&d.title)
                ))
            } else {
                None
            }
        })
        .collect()
}
