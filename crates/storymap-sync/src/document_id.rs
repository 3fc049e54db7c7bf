//! A map's id is the 16-byte UUID automerge-repo uses as its document id, so a map is
//! shared as an `automerge:` URL without a second id to keep in step.

use samod_core::DocumentId;

use crate::SyncError;

/// The automerge-repo document id of a map.
pub fn document_id(map_id: &str) -> Result<DocumentId, SyncError> {
    let uuid =
        uuid::Uuid::parse_str(map_id).map_err(|_| SyncError::NotShareable(map_id.to_owned()))?;
    DocumentId::try_from(uuid.as_bytes().to_vec())
        .map_err(|_| SyncError::NotShareable(map_id.to_owned()))
}

/// The map id a document id stands for (the inverse of [`document_id`]).
pub fn map_id_of(document: &DocumentId) -> String {
    uuid::Uuid::from_slice(document.as_bytes())
        .map(|u| u.to_string())
        .unwrap_or_else(|_| document.to_string())
}

/// `automerge:<base58check id>`, as automerge-repo prints and parses it.
pub fn share_url(map_id: &str) -> Result<String, SyncError> {
    Ok(format!("automerge:{}", document_id(map_id)?))
}

/// Reads a link copied from Share (`automerge:…`) or a bare document id.
pub fn parse_share_url(url: &str) -> Result<DocumentId, SyncError> {
    let trimmed = url.trim();
    let id = trimmed.strip_prefix("automerge:").unwrap_or(trimmed);
    // A URL may carry a heads suffix (`#…`); the map is the document itself.
    let id = id.split(['#', '/']).next().unwrap_or_default();
    id.parse::<DocumentId>()
        .map_err(|_| SyncError::InvalidShareUrl(url.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_id_round_trips_through_its_share_url() {
        let map_id = "6f1c1a0e-2d4b-4c8e-9a57-3b0f5d2e8c11";
        let url = share_url(map_id).unwrap();
        assert!(url.starts_with("automerge:"), "{url}");
        assert_eq!(map_id_of(&parse_share_url(&url).unwrap()), map_id);
        assert_eq!(
            map_id_of(&parse_share_url(&format!(" {url} ")).unwrap()),
            map_id
        );
    }

    #[test]
    fn bad_links_and_old_ids_are_refused_with_the_reason() {
        assert_eq!(
            parse_share_url("automerge:not-base58!")
                .unwrap_err()
                .to_string(),
            "'automerge:not-base58!' is not a map link: expected automerge:… as copied from Share"
        );
        assert!(matches!(
            share_url("m1"),
            Err(SyncError::NotShareable(id)) if id == "m1"
        ));
    }
}
