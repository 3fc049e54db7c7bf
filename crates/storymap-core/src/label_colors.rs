//! Map-level label colours: the colour a label is drawn in (`#rrggbb`), checked here once,
//! and the text colour that reads on it, so the UI and the exports never work it out.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc};

use crate::limits::MAX_LABEL_CHARS;
use crate::read_fields::{children, holder, keys_in_all, str_field};
use crate::schema::LABEL_COLORS;
use crate::CoreError;

/// A map colours at most this many labels (the legend has to fit beside the map).
pub const MAX_LABEL_COLORS: usize = 100;

/// Text on a light colour; white goes on a dark one.
pub const DARK_TEXT: &str = "#111827";
pub const LIGHT_TEXT: &str = "#ffffff";

/// `#rrggbb`, lowercased; anything else is refused naming the label.
pub fn parse_color(label: &str, color: &str) -> Result<String, CoreError> {
    parse_hex_color(&format!("label '{label}'"), color)
}

/// `#rrggbb`, lowercased; anything else is refused naming whose colour it is
/// ("label 'ux'", "persona 'Sam'").
pub fn parse_hex_color(whose: &str, color: &str) -> Result<String, CoreError> {
    let color = color.trim();
    let hex = color.strip_prefix('#');
    if color.len() != 7 || !hex.is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit())) {
        return Err(CoreError::InvalidInput(format!(
            "the colour of {whose} must be #rrggbb (got '{color}')"
        )));
    }
    Ok(color.to_ascii_lowercase())
}

/// A label that can carry a colour: not blank, not past the label limit.
pub fn check_label(label: &str) -> Result<(), CoreError> {
    if label.trim().is_empty() {
        return Err(CoreError::InvalidInput(
            "a label colour needs a label".into(),
        ));
    }
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err(CoreError::InvalidInput(format!(
            "the label is longer than {MAX_LABEL_CHARS} characters"
        )));
    }
    Ok(())
}

/// Every colour of an imported map, as an edit would check it one at a time.
pub fn check(colors: &BTreeMap<String, String>) -> Result<(), CoreError> {
    if colors.len() > MAX_LABEL_COLORS {
        return Err(CoreError::InvalidInput(format!(
            "a map colours at most {MAX_LABEL_COLORS} labels (the file has {})",
            colors.len()
        )));
    }
    for (label, color) in colors {
        check_label(label)?;
        parse_color(label, color)?;
    }
    Ok(())
}

/// The text colour with the higher WCAG contrast on `color` (a checked `#rrggbb`).
pub fn text_color(color: &str) -> &'static str {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&color[i..i + 2], 16).unwrap_or(0)) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // DARK_TEXT's relative luminance is about 0.012.
    let on_white = 1.05 / (luminance + 0.05);
    let on_dark = (luminance + 0.05) / (0.012 + 0.05);
    if on_white >= on_dark {
        LIGHT_TEXT
    } else {
        DARK_TEXT
    }
}

/// The colours in the settings' copies (see `read_fields::all_maps`); a malformed entry
/// (from a peer) is skipped.
pub(crate) fn read<R: ReadDoc>(doc: &R, settings: &[ObjId]) -> BTreeMap<String, String> {
    let colors = children(doc, settings, LABEL_COLORS);
    keys_in_all(doc, &colors)
        .into_iter()
        .filter_map(|label| {
            let value = str_field(doc, holder(doc, &colors, &label)?, &label)?;
            let color = parse_color(&label, &value).ok()?;
            Some((label, color))
        })
        .collect()
}

/// Writes an imported map's colours into its settings object.
pub(crate) fn put(
    tx: &mut automerge::transaction::Transaction<'_>,
    settings: &ObjId,
    colors: &BTreeMap<String, String>,
) -> Result<(), CoreError> {
    if colors.is_empty() {
        return Ok(());
    }
    let obj = tx.put_object(settings, LABEL_COLORS, ObjType::Map)?;
    for (label, color) in colors {
        tx.put(&obj, label.as_str(), parse_color(label, color)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_checked_and_text_reads_on_them() {
        assert_eq!(parse_color("ux", " #A1B2C3 ").unwrap(), "#a1b2c3");
        for bad in ["red", "#abc", "#abcdeg", "a1b2c3d", "#a1b2c3d"] {
            let refused = parse_color("ux", bad).unwrap_err().to_string();
            assert!(refused.contains("label 'ux' must be #rrggbb"), "{refused}");
        }
        assert_eq!(text_color("#ffffff"), DARK_TEXT);
        assert_eq!(text_color("#fde68a"), DARK_TEXT);
        assert_eq!(text_color("#1e3a8a"), LIGHT_TEXT);
        assert_eq!(text_color("#000000"), LIGHT_TEXT);
        assert!(check_label("  ").is_err());
    }
}
