//! The WebSocket to the sync server: dialled with room for a whole big map, and read as
//! automerge-repo's binary messages or the reason it closed.

use std::time::Duration;

use futures::StreamExt;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::server::{check_server_url, describe};

pub(crate) type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// Dials `server`, waiting at most `wait`; the error says why in words.
pub(crate) async fn dial(server: &str, wait: Duration) -> Result<Socket, String> {
    let url = check_server_url(server).map_err(|e| e.to_string())?;
    let mut config = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default();
    // A 50,000-story map sent whole is ~30 MB; leave room.
    config.max_message_size = Some(256 << 20);
    config.max_frame_size = Some(256 << 20);
    let attempt = tokio_tungstenite::connect_async_with_config(url.as_str(), Some(config), true);
    match tokio::time::timeout(wait, attempt).await {
        Ok(Ok((socket, _))) => Ok(socket),
        Ok(Err(error)) => Err(describe(&url, &error)),
        Err(_) => Err(format!(
            "nothing answered within {} s (the server may be down, or a firewall drops the connection)",
            wait.as_secs().max(1)
        )),
    }
}

/// What happened on the socket, for the loop to hand to the session.
pub(crate) enum Heard {
    Message(Vec<u8>),
    Closed(String),
}

pub(crate) async fn next_message(socket: &mut Socket) -> Heard {
    loop {
        match socket.next().await {
            Some(Ok(WsMessage::Binary(bytes))) => return Heard::Message(bytes.to_vec()),
            Some(Ok(WsMessage::Close(frame))) => {
                return Heard::Closed(match frame {
                    Some(frame) if !frame.reason.is_empty() => {
                        format!("the server closed the connection ({})", frame.reason)
                    }
                    _ => "the server closed the connection".to_owned(),
                })
            }
            // Pings are answered by tungstenite; text frames are not part of the protocol.
            Some(Ok(_)) => {}
            Some(Err(error)) => return Heard::Closed(format!("the connection failed: {error}")),
            None => return Heard::Closed("the connection was lost".to_owned()),
        }
    }
}
