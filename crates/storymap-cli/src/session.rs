//! `storymap session …`: the map's refinement sessions and a session's summary with the
//! stakeholder update, as Markdown or plain text.

use clap::{Subcommand, ValueEnum};
use storymap_api::{ApiError, Workspace};

#[derive(Subcommand)]
pub enum SessionCommand {
    /// The map's refinement sessions, newest first.
    List {
        /// Map name or id.
        #[arg(long)]
        map: String,
    },
    /// What a session did and the stakeholder update (default: the latest session).
    Summary {
        /// Map name or id.
        #[arg(long)]
        map: String,
        /// Session id (see `session list`).
        #[arg(long)]
        session: Option<String>,
        #[arg(long, value_enum, default_value_t = SummaryFormat::Markdown)]
        format: SummaryFormat,
        /// Save it to this .md or .txt file instead of printing it.
        #[arg(short = 'o', long)]
        output: Option<std::path::PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SummaryFormat {
    Markdown,
    Text,
}

/// What the command prints.
pub fn run(workspace: &mut Workspace, command: SessionCommand) -> Result<String, ApiError> {
    match command {
        SessionCommand::List { map } => {
            let map_id = workspace.resolve_map(&map)?;
            let sessions = workspace.sessions(&map_id)?;
            if sessions.is_empty() {
                return Ok("No refinement sessions yet".to_owned());
            }
            let lines: Vec<String> = sessions
                .iter()
                .map(|s| {
                    let state = if s.open { "open" } else { "ended" };
                    format!(
                        "{}  {}  {state:<5}  {} stories, {} refined, {} parked  by {}",
                        s.id, s.started_at, s.stories, s.refined, s.parked, s.facilitator
                    )
                })
                .collect();
            Ok(lines.join("\n"))
        }
        SessionCommand::Summary {
            map,
            session,
            format,
            output,
        } => {
            let map_id = workspace.resolve_map(&map)?;
            let summary = workspace.session_summary(&map_id, session.as_deref())?;
            let text = match format {
                SummaryFormat::Markdown => summary.markdown,
                SummaryFormat::Text => summary.text,
            };
            match output {
                Some(path) => {
                    Workspace::save_stakeholder_update(&path, &text)?;
                    Ok(format!("Saved the session summary to {}", path.display()))
                }
                None => Ok(text.trim_end().to_owned()),
            }
        }
    }
}
