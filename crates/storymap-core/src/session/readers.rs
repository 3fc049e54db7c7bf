//! The rotating reader: each story of a session is read aloud (or summarised) by one
//! participant, taken in turn so everyone reads and the facilitator is not the voice of
//! every story.

/// Readers for the stories not read yet, in session order: the participants in turn (in
/// their order, those skipped left out), starting with the one after whoever read last, so
/// adding or skipping someone mid-session continues the rotation. `None` for every story
/// when nobody is in the rotation.
pub fn deal_readers(
    pending: usize,
    rotation: &[String],
    last_reader: Option<&str>,
) -> Vec<Option<String>> {
    if rotation.is_empty() {
        return vec![None; pending];
    }
    let start = last_reader
        .and_then(|last| rotation.iter().position(|p| p == last))
        .map_or(0, |i| i + 1);
    (0..pending)
        .map(|i| Some(rotation[(start + i) % rotation.len()].clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// (stories not read yet, rotation, last reader) → readers.
    type Case<'a> = (usize, &'a [String], Option<&'a str>, Vec<Option<&'a str>>);

    #[test]
    fn readers_rotate_after_whoever_read_last() {
        let ana_ben_cy = names(&["ana", "ben", "cy"]);
        let cases: [Case; 5] = [
            (
                4,
                &ana_ben_cy,
                None,
                vec![Some("ana"), Some("ben"), Some("cy"), Some("ana")],
            ),
            (2, &ana_ben_cy, Some("ben"), vec![Some("cy"), Some("ana")]),
            (2, &ana_ben_cy, Some("cy"), vec![Some("ana"), Some("ben")]),
            // Whoever read last was skipped since: the rotation starts at the top.
            (1, &ana_ben_cy, Some("dee"), vec![Some("ana")]),
            (2, &[], Some("ana"), vec![None, None]),
        ];
        for (pending, rotation, last, expected) in cases {
            let expected: Vec<Option<String>> =
                expected.into_iter().map(|r| r.map(str::to_owned)).collect();
            assert_eq!(
                deal_readers(pending, rotation, last),
                expected,
                "{pending} {rotation:?} {last:?}"
            );
        }
    }
}
