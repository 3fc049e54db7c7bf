//! Fitting text into boxes: word wrapping to a number of lines with an ellipsis, and XML
//! escaping for SVG.

use crate::fonts::{text_width, Weight};

pub(crate) const ELLIPSIS: char = '…';

/// A font choice: weight and size in SVG pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Font {
    pub weight: Weight,
    pub size: f32,
}

impl Font {
    pub(crate) const fn new(weight: Weight, size: f32) -> Font {
        Font { weight, size }
    }

    pub(crate) fn width(self, text: &str) -> f32 {
        text_width(text, self.weight, self.size)
    }
}

/// `text` wrapped at word boundaries into at most `max_lines` lines of `width`; a word wider
/// than a line is broken, and text that does not fit ends in an ellipsis.
pub(crate) fn wrap(text: &str, font: Font, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if font.width(&candidate) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word wider than the line is cut where it overflows.
        let mut rest = word;
        while font.width(rest) > width {
            let cut = longest_prefix(rest, font, width).max(first_char_len(rest));
            lines.push(rest[..cut].to_owned());
            rest = &rest[cut..];
        }
        current = rest.to_owned();
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.pop().unwrap_or_default();
        lines.push(with_ellipsis(&last, font, width));
    }
    lines
}

/// One line: `text` as is when it fits, else cut to fit with an ellipsis.
pub(crate) fn truncate(text: &str, font: Font, width: f32) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if font.width(&text) <= width {
        text
    } else {
        with_ellipsis(&text, font, width)
    }
}

/// `text` cut so that it and an ellipsis fit `width` (always ends in the ellipsis).
fn with_ellipsis(text: &str, font: Font, width: f32) -> String {
    let room = width - font.width(&ELLIPSIS.to_string());
    let cut = longest_prefix(text, font, room);
    format!("{}{ELLIPSIS}", text[..cut].trim_end())
}

/// The byte length of the longest prefix of `text` (on a char boundary) that fits `width`.
fn longest_prefix(text: &str, font: Font, width: f32) -> usize {
    let mut fit = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if font.width(&text[..end]) > width {
            break;
        }
        fit = end;
    }
    fit
}

fn first_char_len(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

/// `text` safe inside an SVG element or attribute.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Font = Font::new(Weight::Medium, 14.0);

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrap("Pay by card", BODY, 180.0, 3), ["Pay by card"]);
    }

    #[test]
    fn long_text_wraps_at_words_and_ends_in_an_ellipsis() {
        let text = "As a returning shopper I want to reorder my last basket in one tap so that the weekly shop takes a minute";
        let lines = wrap(text, BODY, 180.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with(ELLIPSIS), "{lines:?}");
        assert!(!lines[0].ends_with(ELLIPSIS));
        for line in &lines {
            assert!(BODY.width(line) <= 180.0, "{line} overflows");
        }
        assert!(lines[0].starts_with("As a returning"));
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken() {
        let lines = wrap(&"x".repeat(80), BODY, 100.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| BODY.width(l) <= 100.0));
    }

    #[test]
    fn truncate_keeps_what_fits() {
        assert_eq!(truncate("Search", BODY, 200.0), "Search");
        let cut = truncate(
            "View product details and reviews from other shoppers",
            BODY,
            120.0,
        );
        assert!(
            cut.ends_with(ELLIPSIS) && BODY.width(&cut) <= 120.0,
            "{cut}"
        );
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<b> & \"q\" 'a'"),
            "&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos;"
        );
    }
}
