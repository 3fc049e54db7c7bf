//! The default agenda of a refinement session, from the seed guide.

/// The seed's 90-minute agenda: (title, start, end).
const DEFAULT_AGENDA: [(&str, u32, u32); 4] = [
    ("Recap objectives and priorities", 0, 10),
    ("Story walkthrough and estimation", 10, 60),
    ("Prioritise and adjust dependencies", 60, 80),
    ("Summarise decisions and next steps", 80, 90),
];

/// The default agenda for a session of `length` minutes: the seed's, scaled.
pub fn default_agenda(length: u32) -> Vec<(String, u32, u32)> {
    let scale = |minute: u32| (minute * length + 45) / 90;
    DEFAULT_AGENDA
        .iter()
        .map(|(title, start, end)| ((*title).to_owned(), scale(*start), scale(*end)))
        .collect()
}
