//! Items the settings keep under their ids, in the team's order (PI objectives, personas):
//! read from every copy of the settings and of each item (two laptops may each have made
//! the collection, or written parts of one item), deleted ones left out.

use automerge::{ObjId, ReadDoc};

use crate::read_fields::str_field;
use crate::read_fields::{all_maps, children, holder, is_deleted, keys_in_all, parse_rank};
use crate::schema::{DELETED, RANK, SETTINGS};
use crate::Rank;

/// One live item: its rank, its id and every copy of its object.
pub(crate) struct LiveItem {
    pub rank: Rank,
    pub id: String,
    pub copies: Vec<ObjId>,
}

impl LiveItem {
    /// A text field from whichever copy holds it.
    pub fn text<R: ReadDoc>(&self, doc: &R, key: &str) -> Option<String> {
        holder(doc, &self.copies, key).and_then(|o| str_field(doc, o, key))
    }
}

/// The live items of the collection `key` in the settings' copies (`settings`), unordered.
pub(crate) fn live_items<R: ReadDoc>(doc: &R, settings: &[ObjId], key: &str) -> Vec<LiveItem> {
    let containers = children(doc, settings, key);
    keys_in_all(doc, &containers)
        .into_iter()
        .filter_map(|id| {
            let copies = children(doc, &containers, &id);
            let deleted = holder(doc, &copies, DELETED).is_some_and(|o| is_deleted(doc, o));
            if copies.is_empty() || deleted {
                return None;
            }
            let rank = parse_rank(holder(doc, &copies, RANK).and_then(|o| str_field(doc, o, RANK)));
            Some(LiveItem { rank, id, copies })
        })
        .collect()
}

/// Each live item's rank and id, in order: where a new or moved one goes. Reads only the
/// ranks, not the items.
pub(crate) fn ranks<R: ReadDoc>(doc: &R, key: &str) -> Vec<(Rank, String)> {
    let settings = all_maps(doc, &automerge::ROOT, SETTINGS);
    let mut ranks: Vec<(Rank, String)> = live_items(doc, &settings, key)
        .into_iter()
        .map(|item| (item.rank, item.id))
        .collect();
    ranks.sort();
    ranks
}
