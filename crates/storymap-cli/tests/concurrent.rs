//! Two processes writing one data directory at the same moment.

mod common;

use common::{stdout, storymap};
use std::path::Path;

fn add(dir: &Path, activity: &str, title: &str) -> std::process::Output {
    storymap(
        dir,
        &[
            "story",
            "add",
            "--map",
            "Shop",
            "--activity",
            activity,
            "--step",
            "Pay",
            "--release",
            "MVP",
            "--title",
            title,
        ],
    )
}

#[test]
fn two_adds_that_create_the_same_activity_at_once_create_it_once() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&storymap(dir.path(), &["map", "create", "Shop"]));
    for round in 0..8 {
        let activity = format!("Checkout {round}");
        // Both processes start together; each looks the activity up and, not finding
        // it, would create it — unless the lookup and the creation are one step.
        let barrier = std::sync::Barrier::new(2);
        let outputs: Vec<std::process::Output> = std::thread::scope(|scope| {
            let handles: Vec<_> = ["ana", "ben"]
                .map(|who| {
                    let (barrier, activity, dir) = (&barrier, &activity, dir.path());
                    scope.spawn(move || {
                        barrier.wait();
                        add(dir, activity, &format!("{who}'s story {round}"))
                    })
                })
                .into();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for output in &outputs {
            stdout(output);
        }
        let json: serde_json::Value = serde_json::from_str(&stdout(&storymap(
            dir.path(),
            &["export", "json", "--map", "Shop"],
        )))
        .unwrap();
        let named: Vec<&serde_json::Value> = json["activities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["title"] == activity.as_str())
            .collect();
        assert_eq!(named.len(), 1, "round {round}: {named:?}");
        assert_eq!(
            named[0]["steps"].as_array().unwrap().len(),
            1,
            "round {round}"
        );
    }
    let json = stdout(&storymap(dir.path(), &["export", "json", "--map", "Shop"]));
    let map: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(map["stories"].as_array().unwrap().len(), 16);
}
