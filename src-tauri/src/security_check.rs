//! The window's security settings, checked: the capabilities grant exactly what the UI uses,
//! and the content security policy allows nothing remote and no `eval`.

const CAPABILITIES: &str = include_str!("../capabilities/main.json");
const CONFIG: &str = include_str!("../../tauri.conf.json");

#[test]
fn the_window_is_granted_only_what_the_ui_uses() {
    let capability: serde_json::Value = serde_json::from_str(CAPABILITIES).unwrap();
    let granted = capability["permissions"].as_array().unwrap();
    let permissions: Vec<&str> = granted
        .iter()
        .map(|p| p.as_str().or(p["identifier"].as_str()).unwrap())
        .collect();
    // Events from Rust, the native open/save dialogs, and opening a story's link in the
    // system browser; no fs, shell or http.
    assert_eq!(
        permissions,
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "dialog:allow-open",
            "dialog:allow-save",
            "opener:allow-open-url",
        ]
    );
    // Only the schemes a link may have (storymap_core::comments::URL_SCHEMES): no file:,
    // no custom protocols, no paths.
    assert_eq!(
        granted[4]["allow"],
        serde_json::json!([{ "url": "https://*" }, { "url": "http://*" }, { "url": "mailto:*" }])
    );
    assert!(
        granted[..4].iter().all(|p| p.is_string()),
        "no other scopes"
    );
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
}

#[test]
fn the_content_security_policy_allows_nothing_remote_and_no_eval() {
    let config: serde_json::Value = serde_json::from_str(CONFIG).unwrap();
    let csp = config["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set");
    for forbidden in [
        "unsafe-eval",
        "unsafe-inline",
        "http:",
        "https:",
        "ws:",
        "wss:",
        "*",
    ] {
        let offending: Vec<&str> = csp
            .split(';')
            .flat_map(str::split_whitespace)
            .filter(|source| source.contains(forbidden) && *source != "http://ipc.localhost")
            .collect();
        assert!(
            offending.is_empty(),
            "{forbidden} in the CSP: {offending:?}"
        );
    }
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
    ] {
        assert!(csp.contains(directive), "{directive} missing: {csp}");
    }
}

#[test]
fn every_text_argument_of_every_command_has_a_check() {
    // Structured arguments check themselves (a missing impl does not build); plain texts
    // are checked by their name, so a new name needs a rule.
    let mut unchecked = Vec::new();
    for command in crate::command_table::specs() {
        for (arg, ts_type) in &command.args {
            // `path` is a `PathBuf`, which checks itself (a full path, bounded).
            let is_text = (ts_type == "string" || ts_type == "string | null") && arg != "path";
            if is_text && storymap_api::ipc_args::rule_for(arg).is_none() {
                unchecked.push(format!("{}({arg})", command.name));
            }
        }
    }
    assert!(unchecked.is_empty(), "no check for: {unchecked:?}");
}
