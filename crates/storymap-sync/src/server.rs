//! The sync server's address, and what to tell the user when it cannot be reached.
//!
//! When a dial fails we say why: one plain WebSocket handshake, bounded in time, whose
//! outcome names what is (or is not) at that address.

use std::net::IpAddr;
use std::time::Duration;

use tokio_tungstenite::tungstenite::Error as WsError;

use crate::SyncError;

/// `ws://` or `wss://` with a host. Unencrypted `ws://` only where the traffic stays on
/// this computer or a private network; anywhere else a map would cross the internet in
/// clear text, so `wss://` is required.
pub fn check_server_url(server: &str) -> Result<url::Url, SyncError> {
    let server = server.trim();
    let invalid = || SyncError::InvalidServerUrl(server.to_owned());
    let url = url::Url::parse(server).map_err(|_| invalid())?;
    let Some(host) = url.host() else {
        return Err(invalid());
    };
    match url.scheme() {
        "wss" => Ok(url),
        "ws" if is_private_host(&host) => Ok(url),
        "ws" => Err(SyncError::UnencryptedServer {
            url: server.to_owned(),
            secure: server.replacen("ws://", "wss://", 1),
        }),
        _ => Err(invalid()),
    }
}

/// Loopback, private and link-local addresses, and names that only resolve inside a
/// network (no dot, `localhost`, `.local`, `.lan`, `.internal`, `.home.arpa`).
fn is_private_host(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Ipv4(ip) => ip.is_loopback() || ip.is_private() || ip.is_link_local(),
        url::Host::Ipv6(ip) => {
            let unique_local = (ip.segments()[0] & 0xfe00) == 0xfc00;
            let link_local = (ip.segments()[0] & 0xffc0) == 0xfe80;
            ip.is_loopback() || unique_local || link_local
        }
        url::Host::Domain(name) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            if let Ok(ip) = name.parse::<IpAddr>() {
                return ip.is_loopback();
            }
            !name.contains('.')
                || name == "localhost"
                || [".localhost", ".local", ".lan", ".internal", ".home.arpa"]
                    .iter()
                    .any(|suffix| name.ends_with(suffix))
        }
    }
}

/// Why nothing usable answered at `url`: tries one WebSocket handshake for at most `wait`
/// and names the outcome (refused, no such host, plain HTTP, not HTTP at all, TLS, silence).
pub async fn diagnose(url: &url::Url, wait: Duration) -> String {
    let attempt = tokio_tungstenite::connect_async(url.as_str());
    match tokio::time::timeout(wait, attempt).await {
        Err(_) => format!(
            "nothing answered within {} s (the server may be down, or a firewall drops the connection)",
            wait.as_secs().max(1)
        ),
        Ok(Ok((mut socket, _))) => {
            let _ = socket.close(None).await;
            "the server accepted a WebSocket connection but not the sync handshake (is it an automerge-repo sync server?)".to_owned()
        }
        Ok(Err(error)) => describe(url, &error),
    }
}

pub(crate) fn describe(url: &url::Url, error: &WsError) -> String {
    let host = url.host_str().unwrap_or_default();
    match error {
        WsError::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "nothing is listening there (connection refused); is the server running?".to_owned()
        }
        WsError::Io(io) if io.to_string().contains("lookup") => {
            format!("no computer named '{host}' was found (check the address and the network)")
        }
        WsError::Io(io) => format!("the network failed: {io}"),
        WsError::Http(response) => format!(
            "a web server answered (HTTP {}), but it is not a sync server: it refused the WebSocket connection",
            response.status()
        ),
        WsError::Tls(tls) => format!("the secure (TLS) connection failed: {tls}"),
        WsError::HttpFormat(_) | WsError::Protocol(_) => format!(
            "something answered, but it does not speak HTTP or WebSocket ({error})"
        ),
        other => format!("the connection failed: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unencrypted_addresses_are_accepted_only_on_a_private_network() {
        for ok in [
            "ws://127.0.0.1:3030",
            "ws://localhost:3030",
            "ws://[::1]:3030",
            "ws://192.168.1.20:3030",
            "ws://10.0.0.5",
            "ws://172.20.1.1",
            "ws://169.254.3.3",
            "ws://[fd12::1]",
            "ws://syncbox:3030",
            "ws://syncbox.local",
            "ws://sync.team.internal",
            "wss://sync.example.org",
            " wss://sync.example.org/path ",
        ] {
            assert!(check_server_url(ok).is_ok(), "{ok}");
        }
        let refused = check_server_url("ws://sync.example.org:3030").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "ws://sync.example.org:3030 is not encrypted, and a map would cross the internet in clear text: use wss://sync.example.org:3030 (ws:// is accepted only on this computer or a private network)"
        );
        for public in ["ws://8.8.8.8", "ws://172.32.0.1", "ws://[2001:db8::1]"] {
            assert!(
                matches!(
                    check_server_url(public),
                    Err(SyncError::UnencryptedServer { .. })
                ),
                "{public}"
            );
        }
        for invalid in [
            "http://localhost:3030",
            "localhost:3030",
            "ws://",
            "ws://exa mple",
            "",
        ] {
            assert!(
                matches!(
                    check_server_url(invalid),
                    Err(SyncError::InvalidServerUrl(_))
                ),
                "{invalid}"
            );
        }
    }
}
