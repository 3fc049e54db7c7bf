//! Dependencies between stories; a link that would close a cycle is refused, checked on
//! the placement index rather than by reading every story.

use super::shared::{set_member, story, story_title, title_of};
use super::tx::EditTx;
use crate::refine::find_cycle;
use crate::schema::*;
use crate::CoreError;

#[derive(Debug, Clone, PartialEq)]
pub enum DependencyEdit {
    /// Refused when it would close a cycle.
    SetDependency {
        story_id: String,
        depends_on: String,
        on: bool,
    },
}

pub(crate) fn apply(rec: &mut EditTx<'_, '_>, edit: &DependencyEdit) -> Result<String, CoreError> {
    let DependencyEdit::SetDependency {
        story_id,
        depends_on,
        on,
    } = edit;
    let obj = story(rec, story_id)?;
    if !*on {
        set_member(rec, (story_id, &obj), DEPENDS_ON, depends_on, false)?;
        return Ok(format!(
            "Remove a dependency of '{}'",
            title_of(rec.tx, &obj)
        ));
    }
    let other = story(rec, depends_on)?;
    let placement = rec.placement;
    if let Some(cycle) = find_cycle(|id| placement.depends_on(id), story_id, depends_on) {
        let titles: Vec<String> = cycle
            .iter()
            .map(|id| format!("'{}'", story_title(rec.tx, id)))
            .collect();
        return Err(CoreError::InvalidInput(format!(
            "that would make a dependency cycle: {}",
            titles.join(" → ")
        )));
    }
    set_member(rec, (story_id, &obj), DEPENDS_ON, depends_on, true)?;
    Ok(format!(
        "Make '{}' depend on '{}'",
        title_of(rec.tx, &obj),
        title_of(rec.tx, &other)
    ))
}
