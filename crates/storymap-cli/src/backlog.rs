//! `storymap backlog`: the backlog's header counts and its health — ready sprints against
//! the team's target, what each slice needs — and what each PI objective adds up to, as
//! text or JSON.

use storymap_api::{ApiError, BacklogQuery, Workspace};

pub fn run(workspace: &mut Workspace, map: &str, json: bool) -> Result<String, ApiError> {
    let map_id = workspace.resolve_map(map)?;
    let backlog = workspace.backlog(&map_id, BacklogQuery::default())?;
    let mut health = workspace.backlog_health(&map_id)?;
    let objectives = std::mem::take(&mut health.objectives);
    if json {
        // The backlog's counts with the health and the objectives' roll-ups beside them.
        let mut output = serde_json::to_value(&backlog).expect("DTOs serialise");
        output["health"] = serde_json::to_value(&health).expect("DTOs serialise");
        output["objectives"] = serde_json::to_value(&objectives).expect("DTOs serialise");
        return Ok(serde_json::to_string_pretty(&output).expect("DTOs serialise"));
    }
    let mut out = format!("{}\n{}", backlog.headline, health.line);
    if let Some(horizon) = &health.horizon {
        out += &format!(" · {horizon}");
    }
    for slice in &health.slices {
        out += &format!("\n  {}: {}", slice.title, slice.line);
        if !slice.unestimated.is_empty() {
            let names: Vec<&str> = slice.unestimated.iter().map(|u| u.title.as_str()).collect();
            out += &format!(" ({})", names.join(", "));
        }
    }
    if !objectives.is_empty() {
        out += "\nPI objectives:";
    }
    for (n, o) in objectives.iter().enumerate() {
        out += &format!(
            "\n  {}. {}: {} of {} pts ready, {} of {} stories done",
            n + 1,
            o.label,
            o.ready_points,
            o.points,
            o.done,
            o.stories
        );
        for b in &o.blocked {
            out += &format!("\n     blocked: {} ({})", b.title, b.reason);
        }
    }
    Ok(out)
}
