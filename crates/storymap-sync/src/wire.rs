//! automerge-repo's network messages (protocol "1"): CBOR maps with a `type`. Only what a
//! client of a sync server needs is spelled out; anything else a server sends (ephemeral
//! messages, remote heads) is read as [`Wire::Other`] and ignored.

use minicbor::data::Type;
use minicbor::{Decoder, Encoder};

/// One message on the WebSocket. Peer ids and document ids are the strings automerge-repo
/// uses (a document id in its base58check form, without `automerge:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wire {
    /// The client's hello: who it is and, when it keeps its data, its storage id (the
    /// server then keeps the sync state for it between connections).
    Join {
        sender: String,
        storage_id: Option<String>,
    },
    /// The server's answer to `join`.
    Peer {
        sender: String,
        target: String,
        storage_id: Option<String>,
    },
    /// "Send me this document", from a peer that does not have it.
    Request {
        document: String,
        sender: String,
        target: String,
        data: Vec<u8>,
    },
    /// One Automerge sync message about a document.
    Sync {
        document: String,
        sender: String,
        target: String,
        data: Vec<u8>,
    },
    /// The server does not have the document asked for.
    DocUnavailable { document: String },
    /// The server refused something we sent.
    Error { message: String },
    /// A message this client has no use for (its type).
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an automerge-repo message: {0}")]
pub struct WireError(String);

impl From<minicbor::decode::Error> for WireError {
    fn from(error: minicbor::decode::Error) -> Self {
        WireError(error.to_string())
    }
}

/// Fields of a message as read, before its type says which are required.
#[derive(Default)]
struct Fields {
    kind: Option<String>,
    sender: Option<String>,
    target: Option<String>,
    document: Option<String>,
    data: Option<Vec<u8>>,
    message: Option<String>,
    storage_id: Option<String>,
}

impl Fields {
    fn take(slot: Option<String>, name: &str) -> Result<String, WireError> {
        slot.ok_or_else(|| WireError(format!("no {name}")))
    }
}

fn read_metadata(decoder: &mut Decoder) -> Result<Option<String>, WireError> {
    if decoder.datatype()? != Type::Map {
        decoder.skip()?;
        return Ok(None);
    }
    let len = decoder
        .map()?
        .ok_or_else(|| WireError("metadata of unknown length".into()))?;
    let mut storage_id = None;
    for _ in 0..len {
        match (decoder.str()?, decoder.datatype()?) {
            ("storageId", Type::String) => storage_id = Some(decoder.str()?.to_owned()),
            _ => decoder.skip()?,
        }
    }
    Ok(storage_id)
}

fn read_fields(bytes: &[u8]) -> Result<Fields, WireError> {
    let mut decoder = Decoder::new(bytes);
    let len = decoder
        .map()?
        .ok_or_else(|| WireError("a map of unknown length".into()))?;
    let mut fields = Fields::default();
    for _ in 0..len {
        let key = decoder.str()?;
        let kind = decoder.datatype()?;
        let text = |d: &mut Decoder| -> Result<Option<String>, WireError> {
            Ok(Some(d.str()?.to_owned()))
        };
        match (key, kind) {
            ("type", Type::String) => fields.kind = text(&mut decoder)?,
            ("senderId", Type::String) => fields.sender = text(&mut decoder)?,
            ("targetId", Type::String) => fields.target = text(&mut decoder)?,
            ("documentId", Type::String) => fields.document = text(&mut decoder)?,
            ("message", Type::String) => fields.message = text(&mut decoder)?,
            ("data", Type::Bytes) => fields.data = Some(decoder.bytes()?.to_vec()),
            ("peerMetadata" | "metadata", _) => fields.storage_id = read_metadata(&mut decoder)?,
            _ => decoder.skip()?,
        }
    }
    Ok(fields)
}

impl Wire {
    pub fn decode(bytes: &[u8]) -> Result<Wire, WireError> {
        let fields = read_fields(bytes)?;
        let kind = Fields::take(fields.kind, "type")?;
        let sender = || Fields::take(fields.sender.clone(), "senderId");
        let target = || Fields::take(fields.target.clone(), "targetId");
        let document = || Fields::take(fields.document.clone(), "documentId");
        let data = || {
            fields
                .data
                .clone()
                .ok_or_else(|| WireError("no data".into()))
        };
        Ok(match kind.as_str() {
            "join" => Wire::Join {
                sender: sender()?,
                storage_id: fields.storage_id,
            },
            "peer" => Wire::Peer {
                sender: sender()?,
                target: target()?,
                storage_id: fields.storage_id,
            },
            "request" => Wire::Request {
                document: document()?,
                sender: sender()?,
                target: target()?,
                data: data()?,
            },
            "sync" => Wire::Sync {
                document: document()?,
                sender: sender()?,
                target: target()?,
                data: data()?,
            },
            "doc-unavailable" => Wire::DocUnavailable {
                document: document()?,
            },
            "error" => Wire::Error {
                message: fields.message.unwrap_or_default(),
            },
            _ => Wire::Other(kind),
        })
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut encoder = Encoder::new(Vec::new());
        // Writing into a Vec cannot fail.
        let _ = self.encode_into(&mut encoder);
        encoder.into_writer()
    }

    fn encode_into(
        &self,
        e: &mut Encoder<Vec<u8>>,
    ) -> Result<(), minicbor::encode::Error<std::convert::Infallible>> {
        match self {
            Wire::Join { sender, storage_id } => {
                e.map(4)?.str("type")?.str("join")?;
                e.str("senderId")?.str(sender)?;
                e.str("supportedProtocolVersions")?.array(1)?.str("1")?;
                e.str("peerMetadata")?;
                encode_metadata(e, storage_id.as_deref())?;
            }
            Wire::Peer {
                sender,
                target,
                storage_id,
            } => {
                e.map(5)?.str("type")?.str("peer")?;
                e.str("senderId")?.str(sender)?;
                e.str("targetId")?.str(target)?;
                e.str("selectedProtocolVersion")?.str("1")?;
                e.str("peerMetadata")?;
                encode_metadata(e, storage_id.as_deref())?;
            }
            Wire::Request {
                document,
                sender,
                target,
                data,
            } => encode_sync(e, "request", document, sender, target, data)?,
            Wire::Sync {
                document,
                sender,
                target,
                data,
            } => encode_sync(e, "sync", document, sender, target, data)?,
            Wire::DocUnavailable { document } => {
                e.map(2)?.str("type")?.str("doc-unavailable")?;
                e.str("documentId")?.str(document)?;
            }
            Wire::Error { message } => {
                e.map(2)?.str("type")?.str("error")?;
                e.str("message")?.str(message)?;
            }
            Wire::Other(kind) => {
                e.map(1)?.str("type")?.str(kind)?;
            }
        }
        Ok(())
    }
}

fn encode_metadata(
    e: &mut Encoder<Vec<u8>>,
    storage_id: Option<&str>,
) -> Result<(), minicbor::encode::Error<std::convert::Infallible>> {
    match storage_id {
        Some(id) => {
            e.map(2)?.str("storageId")?.str(id)?;
        }
        None => {
            e.map(1)?;
        }
    }
    // A peer with a storage id comes back with it, so the server keeps its sync state.
    e.str("isEphemeral")?.bool(storage_id.is_none())?;
    Ok(())
}

fn encode_sync(
    e: &mut Encoder<Vec<u8>>,
    kind: &str,
    document: &str,
    sender: &str,
    target: &str,
    data: &[u8],
) -> Result<(), minicbor::encode::Error<std::convert::Infallible>> {
    e.map(5)?.str("type")?.str(kind)?;
    e.str("documentId")?.str(document)?;
    e.str("senderId")?.str(sender)?;
    e.str("targetId")?.str(target)?;
    e.str("data")?.bytes(data)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        let messages = [
            Wire::Join {
                sender: "me".into(),
                storage_id: Some("s1".into()),
            },
            Wire::Peer {
                sender: "server".into(),
                target: "me".into(),
                storage_id: None,
            },
            Wire::Sync {
                document: "doc".into(),
                sender: "me".into(),
                target: "server".into(),
                data: vec![1, 2, 3],
            },
            Wire::DocUnavailable {
                document: "doc".into(),
            },
            Wire::Error {
                message: "no".into(),
            },
        ];
        for message in messages {
            assert_eq!(Wire::decode(&message.encode()).unwrap(), message);
        }
    }

    #[test]
    fn garbage_and_missing_fields_are_refused() {
        assert!(Wire::decode(b"not cbor").is_err());
        let no_data = Wire::Other("sync".into()).encode();
        assert_eq!(
            Wire::decode(&no_data).unwrap_err().to_string(),
            "not an automerge-repo message: no documentId"
        );
        let unknown = Wire::Other("ephemeral".into()).encode();
        assert_eq!(
            Wire::decode(&unknown).unwrap(),
            Wire::Other("ephemeral".into())
        );
    }
}
