//! What the user is told when a sync server address has no sync server behind it: each
//! kind of wrong answer named, within a bounded time.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use storymap_sync::{check_server_url, diagnose};

/// A local "server" that answers every connection with `reply` (after reading the request
/// when `read_first`), or holds it open in silence when `reply` is `None`.
fn fake_server(reply: Option<&'static [u8]>) -> (String, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("ws://{}", listener.local_addr().unwrap());
    let thread = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        match reply {
            Some(bytes) => {
                read_request(&mut stream);
                stream.write_all(bytes).unwrap();
            }
            // Silent: keep the connection until the client gives up and closes it.
            None => while stream.read(&mut [0; 512]).is_ok_and(|n| n > 0) {},
        }
    });
    (url, thread)
}

fn read_request(stream: &mut TcpStream) {
    let mut seen = Vec::new();
    let mut buffer = [0; 512];
    while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => seen.extend_from_slice(&buffer[..n]),
        }
    }
}

async fn reason_at(url: &str, wait: Duration) -> String {
    diagnose(&check_server_url(url).unwrap(), wait).await
}

#[tokio::test]
async fn a_closed_port_is_named_as_nothing_listening() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let reason = reason_at(&format!("ws://127.0.0.1:{port}"), Duration::from_secs(10)).await;
    assert_eq!(
        reason,
        "nothing is listening there (connection refused); is the server running?"
    );
}

#[tokio::test]
async fn a_plain_web_server_is_named_with_its_answer() {
    let (url, server) = fake_server(Some(
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
    ));
    let reason = reason_at(&url, Duration::from_secs(10)).await;
    assert_eq!(
        reason,
        "a web server answered (HTTP 200 OK), but it is not a sync server: it refused the WebSocket connection"
    );
    server.join().unwrap();
}

#[tokio::test]
async fn garbage_is_named_as_not_speaking_http() {
    let (url, server) = fake_server(Some(b"\x00\x01\x02 SSH-2.0-OpenSSH_9.6\r\n\r\n"));
    let reason = reason_at(&url, Duration::from_secs(10)).await;
    assert!(
        reason.starts_with("something answered, but it does not speak HTTP or WebSocket ("),
        "{reason}"
    );
    server.join().unwrap();
}

#[tokio::test]
async fn silence_is_named_after_the_wait() {
    let (url, server) = fake_server(None);
    let reason = reason_at(&url, Duration::from_secs(1)).await;
    assert_eq!(
        reason,
        "nothing answered within 1 s (the server may be down, or a firewall drops the connection)"
    );
    server.join().unwrap();
}
