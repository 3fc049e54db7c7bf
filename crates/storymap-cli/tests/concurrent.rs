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

#[test]
fn two_imports_of_one_jira_export_at_once_add_each_story_once() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&storymap(dir.path(), &["map", "create", "Shop"]));
    let mut csv = String::from("Summary,Issue key,Issue Type,Status\n");
    for n in 1..=40 {
        csv.push_str(&format!("Story {n},SHOP-{n},Story,To Do\n"));
    }
    let file = dir.path().join("export.csv");
    std::fs::write(&file, csv).unwrap();
    let file = file.to_str().unwrap();
    for round in 0..3 {
        // Both plan against the same map: without one step from plan to write, each
        // would find every key new and create it.
        let barrier = std::sync::Barrier::new(2);
        let outputs: Vec<std::process::Output> = std::thread::scope(|scope| {
            let handles: Vec<_> = [0, 1]
                .map(|_| {
                    let (barrier, dir) = (&barrier, dir.path());
                    scope.spawn(move || {
                        barrier.wait();
                        storymap(dir, &["import", "jira-csv", file, "--map", "Shop"])
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
        let stories = json["stories"].as_array().unwrap();
        assert_eq!(stories.len(), 40, "round {round}");
    }
}
