//! A map as a readable, git-diffable Markdown outline: activities → steps → release
//! slices → stories, with estimate, status, labels, flags, Jira key, description and criteria.
//! One line per item in display order, no ids, so a diff shows what a person would say;
//! with a velocity set, the ready backlog's health line under the title, then the PI
//! objectives with their roll-ups and the personas; each activity says who does it and a
//! story that serves someone else says whom.

use std::fmt::Write;

use crate::{MapModel, Story};

pub fn markdown(model: &MapModel) -> String {
    let mut out = format!("# {}\n", one_line(&model.name));
    // Only once the team set a velocity: a map without one diffs as before.
    if model.settings.capacity.velocity.is_some() {
        let _ = write!(out, "\n_{}._\n", crate::refine::health(model).line());
    }
    objectives(&mut out, model);
    personas(&mut out, model);
    let personas = crate::personas::PersonaIndex::new(model);
    for activity in &model.activities {
        let key = activity
            .jira_key
            .as_ref()
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        let _ = write!(out, "\n## {}{key}\n", one_line(&activity.title));
        if let Some(persona) = personas.of_activity(&activity.id) {
            let _ = write!(out, "\n_For {}._\n", one_line(&persona.name));
        }
        if activity.steps.is_empty() {
            out += "\n_No steps._\n";
        }
        for step in &activity.steps {
            let _ = write!(out, "\n### {}\n", one_line(&step.title));
            let in_step: Vec<&Story> = model
                .stories
                .iter()
                .filter(|s| s.step_id == step.id)
                .collect();
            if in_step.is_empty() {
                out += "\n_No stories._\n";
            }
            for slice in &model.releases {
                let cell: Vec<&&Story> = in_step
                    .iter()
                    .filter(|s| s.release_id == slice.id)
                    .collect();
                if cell.is_empty() {
                    continue;
                }
                let _ = write!(out, "\n#### {}\n\n", one_line(&slice.title));
                for story in cell {
                    let status = model
                        .settings
                        .status_labels
                        .iter()
                        .find(|(s, _)| *s == story.status)
                        .map_or(story.status.default_label(), |(_, l)| l.as_str());
                    let objective = model.objective_of(story).map(|o| o.title.as_str());
                    // Only a story's own persona: its activity's is said above.
                    let persona =
                        (personas.of(story)).and_then(|(p, own)| own.then_some(p.name.as_str()));
                    story_item(&mut out, story, status, [objective, persona]);
                }
            }
        }
    }
    out
}

/// The PI objectives in order, each with what it adds up to; nothing when there are none.
fn objectives(out: &mut String, model: &MapModel) {
    let rollups = crate::refine::objective_rollups(model);
    if rollups.is_empty() {
        return;
    }
    out.push_str("\nPI objectives:\n\n");
    for (n, (objective, r)) in model.settings.objectives.iter().zip(&rollups).enumerate() {
        let label = crate::refine::objective_label(objective);
        let _ = write!(
            out,
            "{}. {} — {} {}, {} of {} pts ready",
            n + 1,
            one_line(&label),
            r.stories,
            if r.stories == 1 { "story" } else { "stories" },
            r.ready_points,
            r.points
        );
        if !r.blocked.is_empty() {
            let _ = write!(out, ", {} blocked", r.blocked.len());
        }
        out.push('\n');
    }
}

/// The personas in order with their goals; nothing when there are none.
fn personas(out: &mut String, model: &MapModel) {
    if model.settings.personas.is_empty() {
        return;
    }
    out.push_str("\nPersonas:\n\n");
    for persona in &model.settings.personas {
        let _ = write!(out, "- **{}**", one_line(&persona.name));
        if !persona.goal.is_empty() {
            let _ = write!(out, " — {}", one_line(&persona.goal));
        }
        out.push('\n');
    }
}

/// `objective_persona`: the titles of the objective it serves and its own persona.
fn story_item(out: &mut String, story: &Story, status: &str, objective_persona: [Option<&str>; 2]) {
    let [objective, persona] = objective_persona;
    let mut facts = Vec::new();
    if let Some(key) = &story.details.jira_key {
        facts.push(key.clone());
    }
    facts.push(match story.estimate.as_deref() {
        Some(e) if e.parse::<f64>().is_ok() || e == "½" => format!("{e} pts"),
        Some(e) => format!("size {e}"),
        None => "not estimated".to_owned(),
    });
    facts.push(status.to_owned());
    if !story.details.labels.is_empty() {
        facts.push(format!("labels: {}", story.details.labels.join(", ")));
    }
    if let Some(objective) = objective {
        facts.push(format!("objective: {}", one_line(objective)));
    }
    if let Some(persona) = persona {
        facts.push(format!("for: {}", one_line(persona)));
    }
    let waits: Vec<String> = (story.details.external_dependencies.iter())
        .filter(|d| d.is_open())
        .map(|d| format!("{} ({})", d.team, d.status.as_str()))
        .collect();
    if !waits.is_empty() {
        facts.push(format!("waits on: {}", waits.join(", ")));
    }
    if !story.details.flags.is_empty() {
        let flags: Vec<&str> = story.details.flags.iter().map(|f| f.label()).collect();
        facts.push(format!("flags: {}", flags.join(", ")));
    }
    let _ = writeln!(
        out,
        "- **{}** — {}",
        one_line(&story.title),
        facts.join(" · ")
    );
    for line in story.description.lines() {
        match line.trim_end() {
            "" => out.push('\n'),
            text => {
                let _ = writeln!(out, "  {text}");
            }
        }
    }
    for criterion in &story.acceptance_criteria {
        let mark = if criterion.done { "x" } else { " " };
        let _ = writeln!(out, "  - [{mark}] {}", one_line(&criterion.text));
    }
}

/// Titles are single lines; a stray line break would break the outline.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
