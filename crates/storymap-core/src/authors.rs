//! Who made a change, as the device recorded it.

/// The author a device recorded for its actor (Automerge stores it once per actor, not
/// on every change); "someone" for changes made without one.
pub(crate) fn author_of(doc: &automerge::Automerge, actor: &automerge::ActorId) -> String {
    author_name(doc.get_author_for_actor(actor))
}

/// An author as recorded (in a change's metadata, say), or "someone".
pub(crate) fn author_name(author: Option<automerge::Author<'_>>) -> String {
    author
        .map(|a| String::from_utf8_lossy(a.as_bytes()).into_owned())
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| "someone".to_owned())
}
