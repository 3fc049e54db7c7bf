//! Invitation links: `storymap://join?map=<automerge link>&server=<ws(s) URL>`, what "Copy
//! invitation" in Share & sync gives. Clicking one opens Storymap (the package registers the
//! scheme) on the join dialog, filled in; `storymap join` takes one too.

use serde::{Deserialize, Serialize};
use storymap_sync::parse_share_url;
use ts_rs::TS;

use crate::{ApiError, ErrorCode};

/// The URL scheme the package registers for Storymap.
pub const INVITATION_SCHEME: &str = "storymap";

/// What an invitation asks: join this map, synced through this server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    /// The map's `automerge:` link.
    pub share_url: String,
    /// The sync server, `ws://` or `wss://`.
    pub server_url: String,
}

/// What Storymap was started (or started again) to do: open a `.storymap` file, or offer
/// to join the map an invitation names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum LaunchRequest {
    File { path: String },
    Join { invitation: Invitation },
}

/// The invitation link to a map shared on a server.
pub fn invitation_link(share_url: &str, server_url: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("map", share_url)
        .append_pair("server", server_url)
        .finish();
    format!("{INVITATION_SCHEME}://join?{query}")
}

fn refused(link: &str, why: &str) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        format!("'{link}' is not a Storymap invitation: {why}"),
    )
}

/// Reads an invitation link, checking the map link and the server's scheme.
pub fn parse_invitation(link: &str) -> Result<Invitation, ApiError> {
    let link = link.trim();
    let url = url::Url::parse(link).map_err(|e| refused(link, &e.to_string()))?;
    if url.scheme() != INVITATION_SCHEME || url.host_str() != Some("join") {
        return Err(refused(link, "it should start with storymap://join?"));
    }
    let value = |key: &str| {
        url.query_pairs()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let share_url = value("map").ok_or_else(|| refused(link, "it names no map"))?;
    parse_share_url(&share_url).map_err(|_| refused(link, "its map link is not valid"))?;
    let server_url = value("server").ok_or_else(|| refused(link, "it names no server"))?;
    if !(server_url.starts_with("ws://") || server_url.starts_with("wss://")) {
        return Err(refused(link, "its server is not a ws:// or wss:// address"));
    }
    Ok(Invitation {
        share_url,
        server_url,
    })
}

/// The map link and server to join: from an invitation (a `server` given wins over its
/// own), or an `automerge:` link with `server`.
pub fn join_target(link: &str, server: Option<String>) -> Result<(String, String), ApiError> {
    let server = server.filter(|s| !s.trim().is_empty());
    if link.trim().starts_with(&format!("{INVITATION_SCHEME}:")) {
        let invitation = parse_invitation(link)?;
        return Ok((
            invitation.share_url,
            server.unwrap_or(invitation.server_url),
        ));
    }
    let server = server.ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidInput,
            "which server? give its ws:// address (or join with a storymap://join?… invitation)",
        )
    })?;
    Ok((link.trim().to_owned(), server))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> String {
        storymap_sync::share_url("6f1c1a0e-2d4b-4c8e-9a57-3b0f5d2e8c11").unwrap()
    }

    #[test]
    fn an_invitation_round_trips_with_its_map_and_server() {
        let link = invitation_link(&map(), "wss://sync.example.org/team?x=1");
        let id = map().trim_start_matches("automerge:").to_owned();
        assert_eq!(
            link,
            format!("storymap://join?map=automerge%3A{id}&server=wss%3A%2F%2Fsync.example.org%2Fteam%3Fx%3D1")
        );
        let invitation = parse_invitation(&format!("  {link} ")).unwrap();
        assert_eq!(invitation.share_url, map());
        assert_eq!(invitation.server_url, "wss://sync.example.org/team?x=1");
    }

    #[test]
    fn a_bad_invitation_says_what_is_wrong() {
        let why = |link: &str| parse_invitation(link).unwrap_err().message;
        assert!(why("https://join?map=x").ends_with("it should start with storymap://join?"));
        assert!(why("storymap://open?map=x").ends_with("it should start with storymap://join?"));
        assert!(why("storymap://join?server=ws://a").ends_with("it names no map"));
        assert!(why("storymap://join?map=automerge:nope&server=ws://a")
            .ends_with("its map link is not valid"));
        let no_server = format!("storymap://join?map={}", map());
        assert!(why(&no_server).ends_with("it names no server"));
        let http = format!("storymap://join?map={}&server=http://a", map());
        assert!(why(&http).ends_with("its server is not a ws:// or wss:// address"));
        assert_eq!(
            parse_invitation("x").unwrap_err().code,
            ErrorCode::InvalidInput
        );
    }

    #[test]
    fn joining_takes_an_invitation_or_a_link_and_a_server() {
        let link = invitation_link(&map(), "wss://team.example.org");
        assert_eq!(
            join_target(&link, Some(" ".into())).unwrap(),
            (map(), "wss://team.example.org".to_owned())
        );
        assert_eq!(
            join_target(&link, Some("ws://127.0.0.1:3030".into()))
                .unwrap()
                .1,
            "ws://127.0.0.1:3030"
        );
        assert_eq!(
            join_target(&map(), Some("ws://a".into())).unwrap(),
            (map(), "ws://a".to_owned())
        );
        assert!(join_target(&map(), None)
            .unwrap_err()
            .message
            .starts_with("which server?"));
    }
}
