//! Jira statuses ⇄ Storymap statuses: defaults a team can override ("In Review=refining").

use crate::{CoreError, StoryStatus};

/// Jira workflow names (lower case) and the status each becomes by default.
const DEFAULTS: [(&str, StoryStatus); 12] = [
    ("backlog", StoryStatus::Idea),
    ("to do", StoryStatus::Draft),
    ("open", StoryStatus::Draft),
    ("in refinement", StoryStatus::Refining),
    ("ready", StoryStatus::Ready),
    ("ready for dev", StoryStatus::Ready),
    ("selected for development", StoryStatus::Ready),
    ("in progress", StoryStatus::InSprint),
    ("in review", StoryStatus::InSprint),
    ("done", StoryStatus::Done),
    ("closed", StoryStatus::Done),
    ("resolved", StoryStatus::Done),
];

/// How Jira statuses read as Storymap statuses: the team's overrides first, then defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatusMap {
    overrides: Vec<(String, StoryStatus)>,
}

fn normal(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A Storymap status by its id ("inSprint") or its default label ("In sprint").
pub fn status_named(name: &str) -> Option<StoryStatus> {
    let name = normal(name).replace(['-', '_'], " ");
    StoryStatus::ALL.into_iter().find(|s| {
        s.as_str().eq_ignore_ascii_case(&name.replace(' ', "")) || normal(s.default_label()) == name
    })
}

impl StatusMap {
    /// Overrides as pairs (Jira status, Storymap status); an empty Jira name is refused.
    pub fn new(
        overrides: impl IntoIterator<Item = (String, StoryStatus)>,
    ) -> Result<StatusMap, CoreError> {
        let mut map = StatusMap::default();
        for (jira, status) in overrides {
            let jira = normal(&jira);
            if jira.is_empty() {
                return Err(CoreError::InvalidInput(
                    "a status mapping needs the Jira status name".into(),
                ));
            }
            map.overrides.retain(|(name, _)| *name != jira);
            map.overrides.push((jira, status));
        }
        Ok(map)
    }

    /// Reads "In Review=refining, Blocked=refining".
    pub fn parse(text: &str) -> Result<StatusMap, CoreError> {
        let pairs = text
            .split(',')
            .filter(|part| !part.trim().is_empty())
            .map(|part| {
                let (jira, ours) = part.split_once('=').ok_or_else(|| {
                    CoreError::InvalidInput(format!(
                        "'{}' is not a status mapping: write JIRA STATUS=storymap-status",
                        part.trim()
                    ))
                })?;
                let status = status_named(ours).ok_or_else(|| {
                    CoreError::InvalidInput(format!(
                        "'{}' is not a Storymap status: use idea, draft, refining, ready, inSprint or done",
                        ours.trim()
                    ))
                })?;
                Ok((jira.to_owned(), status))
            })
            .collect::<Result<Vec<_>, CoreError>>()?;
        StatusMap::new(pairs)
    }

    /// `None` for a Jira status neither the team nor the defaults know.
    pub fn status_of(&self, jira: &str) -> Option<StoryStatus> {
        let jira = normal(jira);
        self.overrides
            .iter()
            .find(|(name, _)| *name == jira)
            .map(|(_, s)| *s)
            .or_else(|| {
                DEFAULTS
                    .iter()
                    .find(|(name, _)| *name == jira)
                    .map(|(_, s)| *s)
            })
    }

    /// The overrides, for showing what an import used.
    pub fn overrides(&self) -> &[(String, StoryStatus)] {
        &self.overrides
    }
}

/// The Jira status an export writes for each of ours; each reads back as the same status.
pub fn jira_status(status: StoryStatus) -> &'static str {
    match status {
        StoryStatus::Idea => "Backlog",
        StoryStatus::Draft => "To Do",
        StoryStatus::Refining => "In Refinement",
        StoryStatus::Ready => "Ready for Dev",
        StoryStatus::InSprint => "In Progress",
        StoryStatus::Done => "Done",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_overrides_and_the_export_names_read_back() {
        let map =
            StatusMap::parse("In Review=refining, blocked = Refining,Waiting=in sprint").unwrap();
        assert_eq!(map.status_of("In review"), Some(StoryStatus::Refining));
        assert_eq!(map.status_of("BLOCKED"), Some(StoryStatus::Refining));
        assert_eq!(map.status_of("waiting"), Some(StoryStatus::InSprint));
        assert_eq!(map.status_of("Ready for  Dev"), Some(StoryStatus::Ready));
        assert_eq!(map.status_of("Parked"), None);
        for status in StoryStatus::ALL {
            assert_eq!(
                StatusMap::default().status_of(jira_status(status)),
                Some(status)
            );
        }
        let err = StatusMap::parse("Blocked=stuck").unwrap_err().to_string();
        assert!(err.contains("'stuck' is not a Storymap status"), "{err}");
        let err = StatusMap::parse("Blocked").unwrap_err().to_string();
        assert!(err.contains("not a status mapping"), "{err}");
    }
}
