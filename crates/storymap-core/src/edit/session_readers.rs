//! Dealing a session's readers again: the stories not read yet get the next participants
//! in turn (see [`crate::session::deal_readers`]). Starting a session, adding or removing a
//! participant or a story, and skipping someone all deal again; stories already read
//! keep who read them.

use automerge::ObjId;

use super::session_parts::{story_entity, text};
use crate::history::Recorder;
use crate::session::{deal_readers, read_session, SessionStoryState};
use crate::CoreError;

pub(crate) fn deal_again(
    rec: &mut Recorder<'_, '_>,
    (session_id, obj): (&str, &ObjId),
) -> Result<(), CoreError> {
    let session = read_session(rec.tx, session_id, obj);
    let rotation: Vec<String> = session
        .participants
        .iter()
        .filter(|p| !p.skips_reading)
        .map(|p| p.id.clone())
        .collect();
    let not_read = |s: &&crate::session::SessionStory| {
        s.state == SessionStoryState::Pending
            && session.focus.as_deref() != Some(s.story_id.as_str())
    };
    let pending: Vec<_> = session.stories.iter().filter(not_read).collect();
    let last_reader = session
        .stories
        .iter()
        .rev()
        .filter(|s| !not_read(s))
        .find_map(|s| s.reader.as_deref());
    let readers = deal_readers(pending.len(), &rotation, last_reader);
    for (story, reader) in pending.into_iter().zip(readers) {
        if story.reader != reader {
            let value = reader.as_deref().and_then(text);
            rec.set(
                &story_entity(session_id, &story.story_id),
                crate::schema::READER,
                value,
            )?;
        }
    }
    Ok(())
}
