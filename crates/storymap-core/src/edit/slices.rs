//! Release slices: adding, renaming, moving, deleting one with its stories moved to
//! another slice (or to "Unplanned"), and ordering a slice's cells by WSJF.

use std::collections::HashMap;

use automerge::transaction::Transaction;
use automerge::ROOT;

use super::ranks::{end_rank, place, siblings, without};
use super::shared::{clean_title, live, new_titled, rename, title_of, RELEASE};
use super::tx::EditTx;
use crate::history::Entity;
use crate::read::{entries, is_deleted, map_field, read_settings, read_wsjf, str_field};
use crate::refine::{wsjf, wsjf_order, Estimate, TShirtPoints};
use crate::schema::*;
use crate::{CoreError, Rank};

/// The slice stories go to when theirs is deleted and no other is chosen.
pub const UNPLANNED: &str = "Unplanned";

#[derive(Debug, Clone, PartialEq)]
pub enum SliceEdit {
    AddRelease {
        title: String,
    },
    RenameRelease {
        release_id: String,
        title: String,
    },
    MoveRelease {
        release_id: String,
        to_index: usize,
    },
    /// Its stories move to the end of `move_stories_to`'s cells, or of the "Unplanned"
    /// slice (created when missing).
    DeleteRelease {
        release_id: String,
        move_stories_to: Option<String>,
    },
    /// Orders each of the slice's cells by WSJF score, highest first; unscored stories
    /// stay below the scored ones in their order. One edit, undone as one.
    SortByWsjf {
        release_id: String,
    },
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &SliceEdit) -> Result<String, CoreError> {
    match edit {
        SliceEdit::AddRelease { title } => {
            let title = clean_title("release slice", title)?;
            let rank = end_rank(&siblings(rec.tx, RELEASES, |_| true));
            let id = rec.create();
            new_titled(rec, RELEASES, Entity::Release(id), &title, &rank)?;
            Ok(format!("Add release slice '{title}'"))
        }
        SliceEdit::RenameRelease { release_id, title } => rename(
            rec,
            &RELEASE,
            Entity::Release(release_id.clone()),
            release_id,
            title,
        ),
        SliceEdit::MoveRelease {
            release_id,
            to_index,
        } => {
            let obj = live(rec.tx, RELEASES, "release slice", release_id)?;
            let title = title_of(rec.tx, &obj);
            let others = without(siblings(rec.tx, RELEASES, |_| true), release_id);
            let entity = Entity::Release(release_id.clone());
            place(rec, &others, *to_index, entity, Entity::Release)?;
            Ok(format!("Move release slice '{title}'"))
        }
        SliceEdit::DeleteRelease {
            release_id,
            move_stories_to,
        } => delete_release(rec, release_id, move_stories_to.as_deref()),
        SliceEdit::SortByWsjf { release_id } => sort_by_wsjf(rec, release_id),
    }
}

/// Gives each cell's stories the cell's own ranks in WSJF order, so only the stories that
/// change place are written (and a concurrent move elsewhere in the cell keeps its place).
fn sort_by_wsjf(rec: &mut EditTx<'_, '_>, release_id: &str) -> Result<String, CoreError> {
    let release = live(rec.tx, RELEASES, "release slice", release_id)?;
    let title = title_of(rec.tx, &release);
    let sizes = read_settings(rec.tx).tshirt_points;
    let stories = rec.placement.in_release(release_id);
    let mut cells: Vec<Vec<(Rank, String)>> = Vec::new();
    for (i, (step, rank, id)) in stories.iter().enumerate() {
        if i == 0 || stories[i - 1].0 != *step {
            cells.push(Vec::new());
        }
        cells
            .last_mut()
            .expect("pushed above")
            .push((rank.clone(), id.clone()));
    }
    for cell in cells {
        let scored = cell
            .iter()
            .map(|(_, id)| (id.clone(), wsjf_score(rec.tx, id, &sizes)))
            .collect();
        let order = wsjf_order(scored);
        let mut ranks: Vec<Rank> = cell.iter().map(|(rank, _)| rank.clone()).collect();
        // Two peers can mint equal ranks; equal ranks cannot carry an order.
        if ranks.windows(2).any(|pair| pair[0] >= pair[1]) {
            ranks = Rank::sequence(None, ranks.len());
        }
        for ((old_rank, old_id), (id, rank)) in cell.iter().zip(order.iter().zip(ranks)) {
            if old_id != id || *old_rank != rank {
                rec.set_str(&Entity::Story(id.clone()), RANK, &rank.as_string())?;
            }
        }
    }
    Ok(format!("Sort '{title}' by WSJF"))
}

/// A story's WSJF score, `None` until it is scored (see [`crate::refine::wsjf`]).
fn wsjf_score(tx: &Transaction<'_>, story_id: &str, sizes: &TShirtPoints) -> Option<f64> {
    let story = map_field(tx, &ROOT, STORIES).and_then(|all| map_field(tx, &all, story_id))?;
    let points = Estimate::read(str_field(tx, &story, ESTIMATE).as_deref())
        .and_then(|estimate| estimate.points(sizes));
    wsjf(&read_wsjf(tx, &story), points).map(|w| w.score)
}

/// The live slice named "Unplanned", other than `except`.
fn unplanned_slice(tx: &Transaction<'_>, except: &str) -> Option<String> {
    entries(tx, &ROOT, RELEASES)
        .into_iter()
        .filter(|(id, obj)| id != except && !is_deleted(tx, obj))
        .find(|(_, obj)| title_of(tx, obj) == UNPLANNED)
        .map(|(id, _)| id)
}

/// Deletes a slice after moving its stories to the end of their step's cell in the
/// target slice, in their order.
fn delete_release(
    rec: &mut EditTx<'_, '_>,
    release_id: &str,
    move_stories_to: Option<&str>,
) -> Result<String, CoreError> {
    let release = live(rec.tx, RELEASES, "release slice", release_id)?;
    let title = title_of(rec.tx, &release);
    let stories = rec.placement.in_release(release_id);
    if !stories.is_empty() {
        let target = target_slice(rec, release_id, move_stories_to)?;
        // The last rank given in each cell of the target, as stories arrive there.
        let mut ends: HashMap<String, Rank> = HashMap::new();
        for (step, _, story) in &stories {
            let end = ends
                .entry(step.clone())
                .or_insert_with(|| end_rank(&rec.placement.cell(step, &target)));
            let rank = end.clone();
            *end = Rank::after(&rank);
            let entity = Entity::Story(story.clone());
            rec.set_str(&entity, RELEASE_ID, &target)?;
            rec.set_str(&entity, RANK, &rank.as_string())?;
        }
    }
    rec.delete(&Entity::Release(release_id.to_owned()))?;
    Ok(format!("Delete release slice '{title}'"))
}

/// Where a deleted slice's stories go; an "Unplanned" slice is created when needed.
fn target_slice(
    rec: &mut EditTx<'_, '_>,
    release_id: &str,
    move_stories_to: Option<&str>,
) -> Result<String, CoreError> {
    match move_stories_to {
        Some(target) if target == release_id => Err(CoreError::InvalidInput(
            "the stories of a deleted slice must go to another slice".into(),
        )),
        Some(target) => {
            live(rec.tx, RELEASES, "release slice", target)?;
            Ok(target.to_owned())
        }
        None => match unplanned_slice(rec.tx, release_id) {
            Some(existing) => Ok(existing),
            None => {
                let rank = end_rank(&siblings(rec.tx, RELEASES, |_| true));
                let id = rec.create();
                new_titled(rec, RELEASES, Entity::Release(id.clone()), UNPLANNED, &rank)?;
                Ok(id)
            }
        },
    }
}
