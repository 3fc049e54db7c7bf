//! The map's settings ⇄ their DTO: the Definition of Ready, T-shirt points, the "small
//! enough" limit, status names, label colours with the text colour Rust picks for each,
//! and the team's capacity (velocity, sprint length, ready target).

use storymap_core::capacity::Capacity;
use storymap_core::label_colors::text_color;
use storymap_core::refine;
use storymap_core::MapSettings;

use crate::refine_views::*;

impl Default for MapSettingsView {
    fn default() -> Self {
        MapSettingsView::from(&MapSettings::default())
    }
}

impl From<&MapSettings> for MapSettingsView {
    fn from(s: &MapSettings) -> Self {
        MapSettingsView {
            definition_of_ready: s
                .definition_of_ready
                .iter()
                .map(|item| DorItemView {
                    id: item.id.clone(),
                    text: item.text.clone(),
                    rule: item.rule.map(DorRule::from),
                })
                .collect(),
            tshirt_points: s
                .tshirt_points
                .0
                .iter()
                .map(|(size, points)| TShirtPointsView {
                    size: (*size).into(),
                    points: *points,
                })
                .collect(),
            small_limit: s.small_limit,
            status_labels: s
                .status_labels
                .iter()
                .map(|(status, label)| StatusLabelView {
                    status: (*status).into(),
                    label: label.clone(),
                })
                .collect(),
            label_colors: s.label_colors.clone(),
            label_text_colors: s
                .label_colors
                .iter()
                .map(|(label, color)| (label.clone(), text_color(color).to_owned()))
                .collect(),
            velocity: s.capacity.velocity,
            sprint_length_days: s.capacity.sprint_length_days,
            ready_target_sprints: s.capacity.ready_target.into(),
        }
    }
}

/// Files exported before capacity was kept carry no sprint length: the default applies.
pub(crate) fn default_sprint_length() -> u32 {
    Capacity::default().sprint_length_days
}

/// Files exported before statuses could be renamed carry no labels: the defaults apply.
pub(crate) fn default_status_labels() -> Vec<StatusLabelView> {
    MapSettingsView::default().status_labels
}

impl From<&MapSettingsView> for MapSettings {
    fn from(v: &MapSettingsView) -> Self {
        let mut settings = MapSettings {
            definition_of_ready: v
                .definition_of_ready
                .iter()
                .map(|item| refine::DorItem {
                    id: item.id.clone(),
                    text: item.text.clone(),
                    rule: item.rule.map(refine::DorRule::from),
                })
                .collect(),
            small_limit: v.small_limit,
            label_colors: v.label_colors.clone(),
            capacity: Capacity {
                velocity: v.velocity,
                sprint_length_days: v.sprint_length_days,
                ready_target: v.ready_target_sprints.into(),
            },
            ..MapSettings::default()
        };
        for view in &v.status_labels {
            let status = storymap_core::StoryStatus::from(view.status);
            if let Some(entry) = settings
                .status_labels
                .iter_mut()
                .find(|(s, _)| *s == status)
            {
                if !view.label.trim().is_empty() {
                    entry.1 = view.label.trim().to_owned();
                }
            }
        }
        for p in &v.tshirt_points {
            let size = refine::TShirt::from(p.size);
            if let Some(entry) = settings
                .tshirt_points
                .0
                .iter_mut()
                .find(|(s, _)| *s == size)
            {
                entry.1 = p.points;
            }
        }
        settings
    }
}
