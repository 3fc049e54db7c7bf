//! Who does an activity, as images draw it at the end of the activity's band: the
//! persona's initials on their colour (the text colour that reads on it) and their name.

use std::fmt::Write;

use storymap_core::label_colors::text_color;
use storymap_core::personas::Persona;

use crate::draw::{text, text_centred};
use crate::fonts::Weight;
use crate::grid::ACTIVITY_H;
use crate::text::{escape, truncate, Font};

const PERSONA_NAME: Font = Font::new(Weight::SemiBold, 12.0);
const PERSONA_INITIALS: Font = Font::new(Weight::Bold, 10.0);

/// Who does an activity, at its band's right end (`right`): the persona's name, given at
/// most 40% of the band, and their initials on their colour. Returns the width it took.
pub(crate) fn persona_mark(
    out: &mut String,
    persona: &Persona,
    right: f32,
    band_w: f32,
    ink: &str,
) -> f32 {
    const R: f32 = 11.0;
    let cx = right - 8.0 - R;
    let cy = 3.0 + (ACTIVITY_H - 3.0) / 2.0;
    let _ = writeln!(
        out,
        r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{R}" fill="{}"><title>{}</title></circle>"#,
        persona.color,
        escape(&persona.name)
    );
    let initials = text_color(&persona.color);
    text_centred(
        out,
        cx,
        cy + 3.8,
        PERSONA_INITIALS,
        initials,
        &persona.initials(),
    );
    let avatar = 2.0 * R + 16.0;
    let room = band_w * 0.4 - avatar;
    if room < 40.0 {
        return avatar;
    }
    let name = truncate(&persona.name, PERSONA_NAME, room);
    let name_w = PERSONA_NAME.width(&name);
    text(
        out,
        right - avatar - name_w,
        cy + 4.5,
        PERSONA_NAME,
        ink,
        &name,
    );
    avatar + name_w + 8.0
}
