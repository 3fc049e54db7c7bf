//! Splitting patterns (SPIDR and friends) and the titles each suggests for a story.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitPattern {
    Spike,
    Paths,
    Interfaces,
    Data,
    Rules,
    WorkflowSteps,
    Crud,
    HappyUnhappy,
}

impl SplitPattern {
    pub const ALL: [SplitPattern; 8] = [
        SplitPattern::Spike,
        SplitPattern::Paths,
        SplitPattern::Interfaces,
        SplitPattern::Data,
        SplitPattern::Rules,
        SplitPattern::WorkflowSteps,
        SplitPattern::Crud,
        SplitPattern::HappyUnhappy,
    ];

    /// The pattern's name and the question it asks.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            SplitPattern::Spike => (
                "Spike",
                "Is there something to learn before we can build it?",
            ),
            SplitPattern::Paths => ("Paths", "Are there alternative paths through the story?"),
            SplitPattern::Interfaces => (
                "Interfaces",
                "Can one interface (device, channel) come first?",
            ),
            SplitPattern::Data => ("Data", "Can it start with a subset of the data?"),
            SplitPattern::Rules => (
                "Rules",
                "Can business rules be relaxed first and added later?",
            ),
            SplitPattern::WorkflowSteps => (
                "Workflow steps",
                "Can the steps of the workflow ship one by one?",
            ),
            SplitPattern::Crud => (
                "CRUD operations",
                "Create, read, update and delete as separate stories?",
            ),
            SplitPattern::HappyUnhappy => (
                "Happy / unhappy path",
                "The happy path first, errors and edge cases next?",
            ),
        }
    }
}

/// Starting titles for the children, edited by the POPM before splitting.
pub fn suggest_titles(pattern: SplitPattern, title: &str) -> Vec<String> {
    let t = title.trim();
    let with = |suffixes: &[&str]| suffixes.iter().map(|s| format!("{t} — {s}")).collect();
    match pattern {
        SplitPattern::Spike => vec![
            format!("Spike: find out how to {}", lower_first(t)),
            t.to_owned(),
        ],
        SplitPattern::Paths => with(&["main path", "alternative path"]),
        SplitPattern::Interfaces => with(&["first interface", "other interfaces"]),
        SplitPattern::Data => with(&["basic data", "complete data"]),
        SplitPattern::Rules => with(&["simple rules", "all business rules"]),
        SplitPattern::WorkflowSteps => with(&["first step", "next steps"]),
        SplitPattern::Crud => with(&["create", "view", "update", "delete"]),
        SplitPattern::HappyUnhappy => with(&["happy path", "errors and edge cases"]),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_suggests_at_least_two_titles_built_on_the_original() {
        for pattern in SplitPattern::ALL {
            let titles = suggest_titles(pattern, "Pay by card");
            assert!(titles.len() >= 2, "{pattern:?}");
            assert!(
                titles
                    .iter()
                    .all(|t| t.to_lowercase().contains("pay by card")),
                "{titles:?}"
            );
        }
        assert_eq!(
            suggest_titles(SplitPattern::WorkflowSteps, " Pay by card "),
            ["Pay by card — first step", "Pay by card — next steps"]
        );
        assert_eq!(
            suggest_titles(SplitPattern::Spike, "Pay by card")[0],
            "Spike: find out how to pay by card"
        );
    }
}
