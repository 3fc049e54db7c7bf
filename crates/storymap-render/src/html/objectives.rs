//! The page's PI objectives, between the session summary and the map: each in order with
//! committed or stretch, its business value and what it adds up to (`objective_rollups`).

use storymap_core::refine::objective_rollups;
use storymap_core::MapModel;

use super::text::escape;

/// Nothing when the map has no objectives.
pub(super) fn write(out: &mut String, model: &MapModel) {
    let rollups = objective_rollups(model);
    if rollups.is_empty() {
        return;
    }
    out.push_str("<section class=\"objectives\" aria-labelledby=\"objectives-title\">\n");
    out.push_str("<h2 id=\"objectives-title\">PI objectives</h2>\n<ol>\n");
    for (objective, r) in model.settings.objectives.iter().zip(&rollups) {
        let (kind, class) = if objective.committed {
            ("Committed", "committed")
        } else {
            ("Stretch", "stretch")
        };
        let stories = match r.stories {
            1 => "1 story".to_owned(),
            n => format!("{n} stories"),
        };
        let mut facts = format!(
            "{} of {} pts ready · {stories}, {} done",
            r.ready_points, r.points, r.done
        );
        if !r.blocked.is_empty() {
            facts += &format!(
                " · <span class=\"blocked\">{} blocked</span>",
                r.blocked.len()
            );
        }
        out.push_str(&format!(
            "<li><span class=\"objective-title\">{}</span> <span class=\"kind {class}\">{kind}</span> \
             <span class=\"value\">value {}</span><div class=\"facts\">{facts}</div></li>\n",
            escape(&objective.title),
            objective.business_value,
        ));
    }
    out.push_str("</ol>\n</section>\n");
}
