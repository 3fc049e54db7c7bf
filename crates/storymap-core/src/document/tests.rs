use super::*;
use crate::{BackboneEdit, CardEdit, SliceEdit, StoryStatus};

fn ctx(id: &str) -> EditContext {
    EditContext {
        new_id: id.into(),
        unix_time: 1_700_000_000,
        author: "ana".into(),
    }
}

fn small_map() -> MapDocument {
    let mut map = MapDocument::create("m1", "Grocery app", "ana", 1_700_000_000).unwrap();
    map.apply(
        &Edit::from(BackboneEdit::AddActivity {
            title: "Shop".into(),
        }),
        &ctx("a1"),
    )
    .unwrap();
    map.apply(
        &Edit::from(BackboneEdit::AddStep {
            activity_id: "a1".into(),
            title: "Search".into(),
        }),
        &ctx("s1"),
    )
    .unwrap();
    map.apply(
        &Edit::from(SliceEdit::AddRelease {
            title: "MVP".into(),
        }),
        &ctx("r1"),
    )
    .unwrap();
    map
}

/// Renders a map compactly so expectations read like the grid.
fn render(model: &MapModel) -> String {
    let mut out = format!("{}\n", model.name);
    for a in &model.activities {
        let steps: Vec<&str> = a.steps.iter().map(|s| s.title.as_str()).collect();
        out += &format!("  {} [{}]\n", a.title, steps.join(", "));
    }
    for r in &model.releases {
        out += &format!("  == {}\n", r.title);
    }
    for s in &model.stories {
        out += &format!(
            "  {} @ {}/{}/{}\n",
            s.title, s.activity_id, s.step_id, s.release_id
        );
    }
    out
}

#[test]
fn edits_build_the_grid_in_order() {
    let mut map = small_map();
    map.apply(
        &Edit::from(BackboneEdit::AddStep {
            activity_id: "a1".into(),
            title: "Compare".into(),
        }),
        &ctx("s2"),
    )
    .unwrap();
    map.apply(
        &Edit::from(BackboneEdit::AddActivity {
            title: "Pay".into(),
        }),
        &ctx("a2"),
    )
    .unwrap();
    map.apply(
        &Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: "By name".into(),
        }),
        &ctx("t1"),
    )
    .unwrap();
    map.apply(
        &Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: "By barcode".into(),
        }),
        &ctx("t2"),
    )
    .unwrap();
    map.apply(
        &Edit::from(CardEdit::RenameStory {
            story_id: "t1".into(),
            title: "  By product name ".into(),
        }),
        &ctx("-"),
    )
    .unwrap();
    let expected = expect_test::expect![[r#"
        Grocery app
          Shop [Search, Compare]
          Pay []
          == MVP
          By product name @ a1/s1/r1
          By barcode @ a1/s1/r1
    "#]];
    expected.assert_eq(&render(&map.read().unwrap()));
    assert_eq!(map.read().unwrap().stories[0].status, StoryStatus::Idea);
}

#[test]
fn invalid_edits_change_nothing() {
    let mut map = small_map();
    let heads = map.heads();
    let err = map.apply(
        &Edit::from(CardEdit::AddStory {
            step_id: "nope".into(),
            release_id: "r1".into(),
            title: "X".into(),
        }),
        &ctx("t1"),
    );
    assert!(
        matches!(err, Err(CoreError::NotFound { kind: "step", .. })),
        "{err:?}"
    );
    let err = map.apply(
        &Edit::from(BackboneEdit::RenameActivity {
            activity_id: "a1".into(),
            title: "   ".into(),
        }),
        &ctx("-"),
    );
    assert!(matches!(err, Err(CoreError::InvalidInput(_))), "{err:?}");
    assert_eq!(map.heads(), heads);
}

#[test]
fn changes_carry_time_author_and_message() {
    let map = small_map();
    let change = map.automerge().get_last_local_change().unwrap();
    assert_eq!(change.timestamp(), 1_700_000_000);
    assert_eq!(change.message(), Some("Add release slice 'MVP'"));
    // Automerge records the author once per actor (on its first change).
    let author = map
        .automerge()
        .get_author_for_actor(change.actor_id())
        .unwrap();
    assert_eq!(author.as_bytes(), b"ana");
}

#[test]
fn save_and_load_round_trip_with_change_rows() {
    let mut map = small_map();
    let snapshot = map.save();
    map.apply(
        &Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: "A".into(),
        }),
        &ctx("t1"),
    )
    .unwrap();
    let row = map.last_local_change().unwrap();
    let mut loaded = MapDocument::load(&snapshot).unwrap();
    loaded.load_incremental(&row).unwrap();
    assert_eq!(loaded.read().unwrap(), map.read().unwrap());
}

#[test]
fn foreign_and_damaged_documents_are_refused() {
    let mut other = Automerge::new();
    other.transact(|tx| tx.put(ROOT, "todos", 3)).unwrap();
    assert!(matches!(
        MapDocument::load(&other.save()),
        Err(CoreError::ForeignDocument(_))
    ));
    let mut bytes = small_map().save();
    bytes.truncate(bytes.len() / 2);
    assert!(matches!(
        MapDocument::load(&bytes),
        Err(CoreError::Corrupt(_))
    ));
    assert!(matches!(
        MapDocument::load(b"not automerge at all"),
        Err(CoreError::Corrupt(_))
    ));
}

#[test]
fn a_newer_schema_is_refused_with_a_clear_message() {
    let mut map = small_map();
    map.automerge_mut()
        .transact(|tx| tx.put(ROOT, SCHEMA_VERSION_KEY, 99))
        .unwrap();
    let err = MapDocument::load(&map.save()).err().unwrap();
    assert!(err.to_string().contains("newer Storymap"), "{err}");
}

#[test]
fn a_negative_schema_version_is_refused_as_foreign_not_as_newer() {
    let mut map = small_map();
    map.automerge_mut()
        .transact(|tx| tx.put(ROOT, SCHEMA_VERSION_KEY, -1))
        .unwrap();
    let err = MapDocument::load(&map.save()).err().unwrap();
    assert!(matches!(err, CoreError::ForeignDocument(_)), "{err}");
    assert!(err.to_string().contains("schemaVersion is -1"), "{err}");
}

#[test]
fn concurrent_renames_and_adds_merge_without_loss() {
    let a = small_map();
    let mut b = MapDocument::load(&a.save()).unwrap();
    let mut a = a;
    b.set_author("ben");
    a.apply(
        &Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: "From Ana".into(),
        }),
        &ctx("ta"),
    )
    .unwrap();
    b.apply(
        &Edit::from(CardEdit::AddStory {
            step_id: "s1".into(),
            release_id: "r1".into(),
            title: "From Ben".into(),
        }),
        &ctx("tb"),
    )
    .unwrap();
    b.apply(
        &Edit::from(BackboneEdit::RenameStep {
            step_id: "s1".into(),
            title: "Find".into(),
        }),
        &ctx("-"),
    )
    .unwrap();
    a.load_incremental(&b.save()).unwrap();
    b.load_incremental(&a.save()).unwrap();
    let (ma, mb) = (a.read().unwrap(), b.read().unwrap());
    assert_eq!(ma, mb);
    assert_eq!(ma.stories.len(), 2);
    assert_eq!(ma.activities[0].steps[0].title, "Find");
}
