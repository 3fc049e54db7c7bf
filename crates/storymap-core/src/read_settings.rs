//! Reading the map's settings from every copy of them (see `read_fields::all_maps`),
//! tolerant of values a peer may have written wrong: those read as the defaults; and
//! writing an imported map's settings.

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc};

use crate::model::MapSettings;
use crate::read_fields::{all_maps, children, f64_field, holder, is_deleted, keys_in_all};
use crate::read_fields::{non_empty, parse_rank, sorted, str_field};
use crate::refine::{DorItem, DorRule};
use crate::schema::*;
use crate::{CoreError, Rank};

/// The map's settings; a map that never changed them reads the defaults.
pub(crate) fn read_settings<R: ReadDoc>(doc: &R) -> MapSettings {
    let mut settings = MapSettings::default();
    // Two peers that each changed a setting first made two settings maps: read them all.
    let copies = all_maps(doc, &automerge::ROOT, SETTINGS);
    if copies.is_empty() {
        return settings;
    }
    let limit = holder(doc, &copies, SMALL_LIMIT).and_then(|o| f64_field(doc, o, SMALL_LIMIT));
    if let Some(limit) = limit.filter(|l| l.is_finite() && *l > 0.0) {
        settings.small_limit = limit;
    }
    let sizes = children(doc, &copies, TSHIRT_POINTS);
    for (size, points) in settings.tshirt_points.0.iter_mut() {
        let key = size.as_str();
        let p = holder(doc, &sizes, key).and_then(|o| f64_field(doc, o, key));
        if let Some(p) = p.filter(|p| p.is_finite() && *p >= 0.0) {
            *points = p;
        }
    }
    let labels = children(doc, &copies, STATUS_LABELS);
    for (status, label) in settings.status_labels.iter_mut() {
        let key = status.as_str();
        if let Some(name) =
            non_empty(holder(doc, &labels, key).and_then(|o| str_field(doc, o, key)))
        {
            *label = name;
        }
    }
    settings.label_colors = crate::label_colors::read(doc, &copies);
    settings.capacity = crate::capacity::read(doc, &copies);
    settings.objectives = crate::objectives::read(doc, &copies);
    settings.personas = crate::personas::read(doc, &copies);
    let dor = children(doc, &copies, DEFINITION_OF_READY);
    if !dor.is_empty() {
        settings.definition_of_ready = read_dor(doc, &dor);
    }
    settings
}

/// The Definition of Ready from every copy of it; the default items have fixed ids, so
/// an item can be in two copies, each with some of its fields.
fn read_dor<R: ReadDoc>(doc: &R, dor: &[ObjId]) -> Vec<DorItem> {
    let ids = keys_in_all(doc, dor);
    let items = ids
        .into_iter()
        .filter_map(|id| {
            let item = children(doc, dor, &id);
            let text = |key| holder(doc, &item, key).and_then(|o| str_field(doc, o, key));
            let deleted = holder(doc, &item, DELETED).is_some_and(|o| is_deleted(doc, o));
            if item.is_empty() || deleted {
                return None;
            }
            let rank = parse_rank(text(RANK));
            let dor = DorItem {
                text: text(TEXT).unwrap_or_default(),
                rule: text(RULE).and_then(|r| DorRule::parse(&r)),
                id: id.clone(),
            };
            Some((rank, id, dor))
        })
        .collect();
    sorted(items)
}

/// The map's settings, written only when they differ from the defaults (which it follows).
pub(crate) fn put_settings(
    tx: &mut automerge::transaction::Transaction<'_>,
    settings: &MapSettings,
) -> Result<(), CoreError> {
    if *settings == MapSettings::default() {
        return Ok(());
    }
    let obj = tx.put_object(automerge::ROOT, SETTINGS, ObjType::Map)?;
    tx.put(&obj, SMALL_LIMIT, settings.small_limit)?;
    let sizes = tx.put_object(&obj, TSHIRT_POINTS, ObjType::Map)?;
    for (size, points) in &settings.tshirt_points.0 {
        tx.put(&sizes, size.as_str(), *points)?;
    }
    crate::label_colors::put(tx, &obj, &settings.label_colors)?;
    crate::capacity::put(tx, &obj, &settings.capacity)?;
    crate::objectives::put(tx, &obj, &settings.objectives)?;
    crate::personas::put(tx, &obj, &settings.personas)?;
    let labels = tx.put_object(&obj, STATUS_LABELS, ObjType::Map)?;
    for (status, label) in &settings.status_labels {
        if label != status.default_label() {
            tx.put(&labels, status.as_str(), label.as_str())?;
        }
    }
    let items = tx.put_object(&obj, DEFINITION_OF_READY, ObjType::Map)?;
    let ranks = Rank::sequence(None, settings.definition_of_ready.len());
    for (item, rank) in settings.definition_of_ready.iter().zip(ranks) {
        let entry = tx.put_object(&items, item.id.as_str(), ObjType::Map)?;
        tx.put(&entry, TEXT, item.text.as_str())?;
        tx.put(&entry, RANK, rank.as_string())?;
        if let Some(rule) = item.rule {
            tx.put(&entry, RULE, rule.as_str())?;
        }
    }
    Ok(())
}
