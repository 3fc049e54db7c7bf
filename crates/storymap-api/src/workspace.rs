//! [`Workspace`]: every handler the shells call, over one data directory. Each handler
//! converts, calls the core or the store once or twice, and converts back.

use std::path::Path;

use storymap_core::{refine, EditContext, MapDocument, MapImport};
use storymap_store::{LoadedMap, Store};

use crate::convert::parse_map_json;
use crate::dto::{MapSummary, MapView, ViewPrefs};
use crate::history::LocalHistory;
use crate::refine_views::{BacklogQuery, BacklogView, SplitPatternView};
use crate::rules::{MAX_ZOOM, MIN_ZOOM};
use crate::MapEdit;
use crate::{ApiError, ErrorCode, DATABASE_FILE, SAMPLE_MAP_JSON};
use crate::{BackboneEdit, CardEdit, SliceEdit};

const LAST_MAP_SETTING: &str = "lastMapId";
pub(crate) const AUTHOR_SETTING: &str = "author";
/// The slice a new map starts with, so its first activity and step already have cells.
const FIRST_RELEASE: &str = "MVP";

pub struct Workspace {
    /// The SQLite file (the data directory is its folder).
    database: std::path::PathBuf,
    pub(crate) store: Store,
    pub(crate) author: String,
    /// The document of the map being edited, loaded on first edit or by [`Workspace::prepare`].
    pub(crate) loaded: Option<LoadedMap>,
    /// Shared maps synced in the background while another is open, kept warm
    /// (`sync_replica.rs`); the oldest is put away past [`crate::sync_replica::BACKGROUND_MAPS`].
    pub(crate) background: Vec<LoadedMap>,
    pub(crate) history: LocalHistory,
    /// Derived from the loaded map's model, with the model stamp it was built from.
    pub(crate) derived: Option<crate::workspace_edit::OpenIndex>,
    /// Where long work reports its progress (the window, the CLI), if anywhere.
    pub(crate) progress: Option<crate::progress::ProgressTarget>,
}

fn view_prefs_key(map_id: &str) -> String {
    format!("viewPrefs:{map_id}")
}

pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub(crate) fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The device's user name, recorded as the author of every change made here.
fn default_author() -> String {
    ["USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "Storymap user".to_owned())
}

impl Workspace {
    /// The data directory: where the database, backups and window state live.
    pub fn data_dir(&self) -> &std::path::Path {
        self.database.parent().unwrap_or(std::path::Path::new("."))
    }

    /// Opens the data directory, creating it and its database when missing.
    pub fn open(data_dir: &Path) -> Result<Workspace, ApiError> {
        std::fs::create_dir_all(data_dir).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!(
                    "cannot create the data directory {}: {e}",
                    data_dir.display()
                ),
            )
        })?;
        let database = data_dir.join(DATABASE_FILE);
        let store = Store::open(&database)?;
        let author = match store.setting(AUTHOR_SETTING)? {
            Some(author) => author,
            None => {
                let author = default_author();
                // A read-only data directory still opens for reading, under this name.
                if !store.is_read_only() {
                    store.set_setting(AUTHOR_SETTING, &author)?;
                }
                author
            }
        };
        Ok(Workspace {
            database,
            store,
            author,
            loaded: None,
            background: Vec::new(),
            history: LocalHistory::default(),
            derived: None,
            progress: None,
        })
    }

    /// Sends the progress of long work (imports, large images) to `sink` from now on, for
    /// work still running `after` it began (shorter work shows no bar).
    pub fn set_progress_sink(&mut self, sink: crate::ProgressSink, after: std::time::Duration) {
        self.progress = Some(crate::progress::ProgressTarget { sink, after });
    }

    pub fn database_path(&self) -> &Path {
        &self.database
    }

    pub fn list_maps(&self) -> Result<Vec<MapSummary>, ApiError> {
        Ok(self
            .store
            .list_maps()?
            .into_iter()
            .map(MapSummary::from)
            .collect())
    }

    /// The map to show at start: the last one opened, else the latest edited, else the
    /// sample map (imported on the very first run).
    pub fn open_start_map(&mut self) -> Result<MapView, ApiError> {
        if let Some(last) = self.store.setting(LAST_MAP_SETTING)? {
            if self.store.map_exists(&last)? {
                return self.open_map(&last);
            }
        }
        if let Some(latest) = self.store.list_maps()?.into_iter().next() {
            return self.open_map(&latest.id);
        }
        let view = self.import_json(SAMPLE_MAP_JSON)?;
        self.store.set_setting(LAST_MAP_SETTING, &view.map.id)?;
        Ok(view)
    }

    /// The map from its projection (fast at any size); remembered as the last map.
    /// Opening a map starts its undo history afresh.
    pub fn open_map(&mut self, map_id: &str) -> Result<MapView, ApiError> {
        let model = self.store.read_model(map_id)?;
        let view = MapView::read_by(&model, Some(&self.author));
        // Remembering is a convenience: a read-only data directory still shows the map.
        if !self.store.is_read_only() {
            self.store.set_setting(LAST_MAP_SETTING, map_id)?;
        }
        self.history.for_map(map_id).clear();
        Ok(view)
    }

    /// The map as stored, without side effects (the JSON export).
    pub fn view(&self, map_id: &str) -> Result<MapView, ApiError> {
        Ok(MapView::from(&self.store.read_model(map_id)?))
    }

    pub fn create_map(&mut self, name: &str) -> Result<MapView, ApiError> {
        let map_id = new_id();
        let mut doc = MapDocument::create(&map_id, name, &self.author, unix_now())?;
        let first_release = storymap_core::SliceEdit::AddRelease {
            title: FIRST_RELEASE.into(),
        };
        doc.apply(&first_release.into(), &self.edit_context())?;
        self.store.insert_map(&doc)?;
        self.open_map(&map_id)
    }

    /// Imports a map exported as JSON; it gets a new map id, so importing twice gives two maps.
    pub fn import_json(&mut self, json: &str) -> Result<MapView, ApiError> {
        let model = parse_map_json(json)?;
        let doc = MapImport::build(&model, &new_id(), &self.author, unix_now())?;
        self.store.insert_map(&doc)?;
        self.view(&doc.map_id())
    }

    /// Loads the map's document ahead of the first edit (the app calls this in the
    /// background right after showing a map), and remembers this opening (see
    /// [`Workspace::changes_since`]).
    pub fn prepare(&mut self, map_id: &str) -> Result<(), ApiError> {
        self.remember_opened(map_id)
    }

    /// A fresh id, the time now, and this device's user as the author.
    pub(crate) fn edit_context(&self) -> EditContext {
        EditContext {
            new_id: new_id(),
            unix_time: unix_now(),
            author: self.author.clone(),
        }
    }

    pub(crate) fn loaded_map(&mut self, map_id: &str) -> Result<&mut LoadedMap, ApiError> {
        match &mut self.loaded {
            Some(loaded) if loaded.map_id() == map_id => self.store.catch_up(loaded)?,
            _ => {
                // A shared map synced in the background is already warm.
                let warm = self.take_background(map_id)?;
                let next = warm.map_or_else(|| self.store.load(map_id), Ok)?;
                if let Some(previous) = self.loaded.replace(next) {
                    self.put_away(previous);
                }
            }
        }
        let loaded = self.loaded.as_mut().expect("loaded just above");
        // A loaded document gets a new actor; without this its changes would be by "someone".
        // Set every time, as the store reloads the document after a failed commit.
        loaded.doc.set_author(&self.author);
        Ok(loaded)
    }

    /// The map's stories as one ranked, filtered list with its header counts.
    pub fn backlog(&self, map_id: &str, query: BacklogQuery) -> Result<BacklogView, ApiError> {
        let model = self.store.read_model(map_id)?;
        let filter = refine::BacklogFilter {
            release_id: query.release_id,
            activity_id: query.activity_id,
            status: query.status.map(Into::into),
            label: query.label,
            flag: query.flag.map(Into::into),
            objective: query.objective.map(Into::into),
            cross_team: query.cross_team,
            ready: query.ready,
            blocked: query.blocked,
        };
        let backlog = refine::backlog(&model, query.sort.into(), &filter);
        let summary = &backlog.summary;
        Ok(BacklogView {
            story_ids: backlog.rows.iter().map(|(s, _)| s.id.clone()).collect(),
            stories: summary.stories as u32,
            ready: summary.ready as u32,
            ready_points: summary.ready_points,
            blocked: summary.blocked as u32,
            needs_input: summary.needs_input as u32,
            headline: summary.headline(),
        })
    }

    /// Every splitting pattern with the titles it suggests for a story titled `title`.
    pub fn split_patterns(&self, title: &str) -> Vec<SplitPatternView> {
        refine::SplitPattern::ALL
            .into_iter()
            .map(|pattern| {
                let (name, question) = pattern.describe();
                SplitPatternView {
                    pattern: pattern.into(),
                    name: name.to_owned(),
                    question: question.to_owned(),
                    titles: refine::suggest_titles(pattern, title),
                }
            })
            .collect()
    }

    /// How this device shows the map; defaults until saved.
    pub fn view_prefs(&self, map_id: &str) -> Result<ViewPrefs, ApiError> {
        let stored = self.store.setting(&view_prefs_key(map_id))?;
        // Preferences are a convenience: unreadable ones fall back to the defaults.
        Ok(stored
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    pub fn save_view_prefs(&mut self, map_id: &str, mut prefs: ViewPrefs) -> Result<(), ApiError> {
        if !self.store.map_exists(map_id)? {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("no map with id '{map_id}'"),
            ));
        }
        prefs.zoom = if prefs.zoom.is_finite() {
            prefs.zoom.clamp(MIN_ZOOM, MAX_ZOOM)
        } else {
            1.0
        };
        let json = serde_json::to_string(&prefs).expect("view prefs serialize");
        self.store.set_setting(&view_prefs_key(map_id), &json)?;
        Ok(())
    }

    /// A map id from an id or an exact name; a name shared by several maps is refused.
    pub fn resolve_map(&self, name_or_id: &str) -> Result<String, ApiError> {
        let maps = self.store.list_maps()?;
        if let Some(map) = maps.iter().find(|m| m.id == name_or_id) {
            return Ok(map.id.clone());
        }
        let named: Vec<_> = maps.iter().filter(|m| m.name == name_or_id).collect();
        match named.as_slice() {
            [one] => Ok(one.id.clone()),
            [] => Err(ApiError::new(
                ErrorCode::NotFound,
                format!("no map named or with id '{name_or_id}'"),
            )),
            many => Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "{} maps are named '{name_or_id}'; use one of their ids: {}",
                    many.len(),
                    many.iter()
                        .map(|m| m.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    /// Adds a story under activity › step in a release slice, all named by title, creating
    /// whichever of them is missing. Returns the story id.
    pub fn add_story_at(
        &mut self,
        map_id: &str,
        activity: &str,
        step: &str,
        release: &str,
        title: &str,
    ) -> Result<String, ApiError> {
        // Under the write lock: another process adding "Checkout" at the same moment
        // waits, then finds ours instead of creating a second one.
        self.exclusively(map_id, |w| {
            w.add_story_by_names(map_id, [activity, step, release], title)
        })
    }

    fn add_story_by_names(
        &mut self,
        map_id: &str,
        [activity, step, release]: [&str; 3],
        title: &str,
    ) -> Result<String, ApiError> {
        let view = self.view(map_id)?;
        let activity_id = match view.activities.iter().find(|a| a.title == activity.trim()) {
            Some(a) => a.id.clone(),
            None => self.created(
                map_id,
                MapEdit::from(BackboneEdit::AddActivity {
                    title: activity.into(),
                }),
            )?,
        };
        let existing_step = view
            .activities
            .iter()
            .find(|a| a.id == activity_id)
            .and_then(|a| a.steps.iter().find(|s| s.title == step.trim()));
        let step_id = match existing_step {
            Some(s) => s.id.clone(),
            None => self.created(
                map_id,
                MapEdit::from(BackboneEdit::AddStep {
                    activity_id,
                    title: step.into(),
                }),
            )?,
        };
        let release_id = match view.releases.iter().find(|r| r.title == release.trim()) {
            Some(r) => r.id.clone(),
            None => self.created(
                map_id,
                MapEdit::from(SliceEdit::AddRelease {
                    title: release.into(),
                }),
            )?,
        };
        self.created(
            map_id,
            MapEdit::from(CardEdit::AddStory {
                step_id,
                release_id,
                title: title.into(),
            }),
        )
    }

    /// Runs `f` holding the database's write lock, so what it reads and the edits it
    /// decides on are one step for every process; its edits are durable together. If it
    /// fails, none is, and the map is read again from disk (its undo steps are dropped).
    pub(crate) fn exclusively<T>(
        &mut self,
        map_id: &str,
        f: impl FnOnce(&mut Self) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        self.store.begin_exclusive()?;
        let result = f(self);
        let ended = self.store.end_exclusive(result.is_ok());
        if result.is_err() || ended.is_err() {
            self.loaded = None;
            self.derived = None;
            self.history.for_map(map_id).clear();
        }
        let value = result?;
        ended?;
        Ok(value)
    }

    fn created(&mut self, map_id: &str, edit: MapEdit) -> Result<String, ApiError> {
        let outcome = self.apply_edit(map_id, edit)?;
        outcome
            .created_id
            .ok_or_else(|| ApiError::new(ErrorCode::Internal, "the edit created nothing"))
    }
}
