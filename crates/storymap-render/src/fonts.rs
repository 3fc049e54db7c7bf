//! The bundled Inter faces (OFL, `assets/fonts/`): measured here for wrapping, and the only
//! fonts the renderers load, so an image looks the same on every machine, offline.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

/// The family every text element names.
pub(crate) const FAMILY: &str = "Inter";

/// The weights drawn; each is one bundled file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Medium,
    SemiBold,
    Bold,
}

impl Weight {
    pub(crate) fn css(self) -> u16 {
        match self {
            Weight::Medium => 500,
            Weight::SemiBold => 600,
            Weight::Bold => 700,
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Medium => include_bytes!("../../../assets/fonts/Inter-Medium.otf"),
            Weight::SemiBold => include_bytes!("../../../assets/fonts/Inter-SemiBold.otf"),
            Weight::Bold => include_bytes!("../../../assets/fonts/Inter-Bold.otf"),
        }
    }

    const ALL: [Weight; 3] = [Weight::Medium, Weight::SemiBold, Weight::Bold];
}

/// Advance widths of one face, per character, in em.
struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

fn metrics(weight: Weight) -> &'static Metrics {
    static FACES: OnceLock<Vec<Metrics>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        Weight::ALL
            .iter()
            .map(|w| {
                let face = ttf_parser::Face::parse(w.bytes(), 0).expect("the bundled font parses");
                Metrics {
                    units_per_em: f32::from(face.units_per_em()),
                    face,
                }
            })
            .collect()
    });
    &faces[Weight::ALL
        .iter()
        .position(|w| *w == weight)
        .expect("listed")]
}

/// The width of `text` set in `weight` at `size` (no kerning: a slight over-estimate,
/// which only makes wrapping a little cautious).
pub(crate) fn text_width(text: &str, weight: Weight, size: f32) -> f32 {
    let m = metrics(weight);
    let fallback = m.units_per_em * 0.6;
    let units: f32 = text
        .chars()
        .map(|c| {
            m.face
                .glyph_index(c)
                .and_then(|g| m.face.glyph_hor_advance(g))
                .map_or(fallback, f32::from)
        })
        .sum();
    units / m.units_per_em * size
}

/// A font database holding only the bundled faces; never the system's.
pub(crate) fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for weight in Weight::ALL {
            db.load_font_data(weight.bytes().to_vec());
        }
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}
