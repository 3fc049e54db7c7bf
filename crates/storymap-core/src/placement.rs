//! The placement index: where every live story sits (its cell and rank) and what it
//! depends on. Built once from the document, then refreshed for the stories each edit
//! touched, so minting a rank or checking a dependency cycle never reads the whole map.

use std::collections::{BTreeSet, HashMap};

use automerge::{ReadDoc, ROOT};

use crate::read::{entries, is_deleted, key_set, map_field, str_field};
use crate::schema::*;
use crate::Rank;

#[derive(Debug, Clone, PartialEq)]
struct Placed {
    step: String,
    release: String,
    rank: Rank,
    depends_on: Vec<String>,
}

/// Live stories by cell, in display order (rank, then id), and their dependency links.
#[derive(Debug, Default)]
pub(crate) struct Placement {
    stories: HashMap<String, Placed>,
    cells: HashMap<(String, String), BTreeSet<(Rank, String)>>,
}

impl Placement {
    /// Reads every story once.
    pub fn build<R: ReadDoc>(doc: &R) -> Placement {
        let mut placement = Placement::default();
        for (id, _) in entries(doc, &ROOT, STORIES) {
            placement.refresh_one(doc, &id);
        }
        placement
    }

    /// Re-reads the given stories (created, moved, deleted, relinked).
    pub fn refresh<R: ReadDoc>(&mut self, doc: &R, story_ids: &[String]) {
        for id in story_ids {
            self.refresh_one(doc, id);
        }
    }

    fn refresh_one<R: ReadDoc>(&mut self, doc: &R, id: &str) {
        if let Some(old) = self.stories.remove(id) {
            let cell = (old.step, old.release);
            if let Some(set) = self.cells.get_mut(&cell) {
                set.remove(&(old.rank, id.to_owned()));
            }
        }
        let Some(obj) = map_field(doc, &ROOT, STORIES).and_then(|c| map_field(doc, &c, id)) else {
            return;
        };
        if is_deleted(doc, &obj) {
            return;
        }
        let placed = Placed {
            step: str_field(doc, &obj, STEP_ID).unwrap_or_default(),
            release: str_field(doc, &obj, RELEASE_ID).unwrap_or_default(),
            rank: str_field(doc, &obj, RANK)
                .and_then(|r| Rank::parse(&r).ok())
                .unwrap_or_else(Rank::last_resort),
            depends_on: key_set(doc, &obj, DEPENDS_ON),
        };
        self.cells
            .entry((placed.step.clone(), placed.release.clone()))
            .or_default()
            .insert((placed.rank.clone(), id.to_owned()));
        self.stories.insert(id.to_owned(), placed);
    }

    /// The live stories of a cell, in order.
    pub fn cell(&self, step_id: &str, release_id: &str) -> Vec<(Rank, String)> {
        self.cells
            .get(&(step_id.to_owned(), release_id.to_owned()))
            .map(|set| set.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// Live stories whose step is one of `step_ids`.
    pub fn in_steps(&self, step_ids: &[String]) -> Vec<String> {
        let mut ids: Vec<String> = self
            .stories
            .iter()
            .filter(|(_, p)| step_ids.contains(&p.step))
            .map(|(id, _)| id.clone())
            .collect();
        ids.sort();
        ids
    }

    /// Live stories of a slice as (step, rank, id), sorted.
    pub fn in_release(&self, release_id: &str) -> Vec<(String, Rank, String)> {
        let mut stories: Vec<(String, Rank, String)> = self
            .stories
            .iter()
            .filter(|(_, p)| p.release == release_id)
            .map(|(id, p)| (p.step.clone(), p.rank.clone(), id.clone()))
            .collect();
        stories.sort();
        stories
    }

    /// What a live story depends on.
    pub fn depends_on(&self, story_id: &str) -> &[String] {
        self.stories
            .get(story_id)
            .map_or(&[], |p| p.depends_on.as_slice())
    }
}
