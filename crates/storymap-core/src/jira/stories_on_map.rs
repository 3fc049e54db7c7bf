//! The map's stories an import row may update, indexed once per import.

use std::collections::HashMap;

use crate::{MapModel, Story};

/// The map's stories a row may update, found without reading the whole map per row: by
/// Jira key, and the keyless ones by (activity id, title); each list in map order.
#[derive(Default)]
pub(super) struct StoriesOnMap<'a> {
    pub(super) by_key: HashMap<&'a str, Vec<&'a Story>>,
    pub(super) keyless_by_title: HashMap<(&'a str, &'a str), Vec<&'a Story>>,
}

impl<'a> StoriesOnMap<'a> {
    pub(super) fn new(map: &'a MapModel) -> Self {
        let mut index = StoriesOnMap::default();
        for story in &map.stories {
            match story.details.jira_key.as_deref() {
                Some(key) => index.by_key.entry(key).or_default().push(story),
                None => {
                    let title = (story.activity_id.as_str(), story.title.as_str());
                    index.keyless_by_title.entry(title).or_default().push(story);
                }
            }
        }
        index
    }
}
