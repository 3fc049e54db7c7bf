//! The stakeholder page: the map (or one release slice) as ONE self-contained, read-only
//! HTML file to mail to people who do not run Storymap. No scripts, no network: the styles
//! are inline, Inter is embedded as a `data:` font, and a strict Content-Security-Policy
//! forbids everything else, so it opens the same from an e-mail attachment as from disk.
//!
//! Pure like the images: it reads the model and what the caller passes in (the export time,
//! the last session's stakeholder update) and returns the page as a string.

mod cards;
mod map;
mod objectives;
mod style;
mod text;

use storymap_core::MapModel;

use crate::{RenderError, Scope};
use text::escape;

/// The page's policy: nothing may load but its own inline styles and `data:` fonts/images.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/// What the page shows besides the map itself; everything that changes comes in here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlPage {
    /// When the page was exported, as readers should see it ("4 December 2026, 16:20").
    pub exported_at: String,
    /// The map's last refinement session, when it has had one.
    pub session: Option<SessionSummary>,
}

/// The last refinement session as the app sums it up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionSummary {
    /// When it was held ("3 December 2026").
    pub held: String,
    /// The stakeholder update in plain text (`session::stakeholder_update`, `Format::Text`).
    pub update: String,
}

/// The page for `model` (the whole map, or one slice under the backbone).
pub fn render_html(
    model: &MapModel,
    scope: &Scope,
    page: &HtmlPage,
) -> Result<String, RenderError> {
    let map = map::MapTable::build(model, scope)?;
    let mut out = String::with_capacity(800_000 + model.stories.len() * 600);
    head(&mut out, model, scope);
    out.push_str("<body>\n<main class=\"page\">\n");
    header(&mut out, model, scope, page, &map);
    if let Some(session) = &page.session {
        summary(&mut out, session);
    }
    objectives::write(&mut out, model);
    map.write(&mut out);
    footer(&mut out);
    out.push_str("</main>\n</body>\n</html>\n");
    Ok(out)
}

fn slice_title<'m>(model: &'m MapModel, scope: &Scope) -> Option<&'m str> {
    match scope {
        Scope::WholeMap => None,
        Scope::Slice(id) => model
            .releases
            .iter()
            .find(|r| &r.id == id)
            .map(|r| r.title.as_str()),
    }
}

fn head(out: &mut String, model: &MapModel, scope: &Scope) {
    let title = match slice_title(model, scope) {
        Some(slice) => format!("{} — {}", model.name, slice),
        None => model.name.clone(),
    };
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n"
    ));
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Storymap\">\n");
    out.push_str(&format!("<title>{} · Story map</title>\n", escape(&title)));
    out.push_str("<style>\n");
    style::font_faces(out);
    out.push_str(style::CSS);
    out.push_str("</style>\n</head>\n");
}

fn header(out: &mut String, model: &MapModel, scope: &Scope, page: &HtmlPage, map: &map::MapTable) {
    let stories = match map.story_count {
        1 => "1 story".to_owned(),
        n => format!("{n} stories"),
    };
    let what = match slice_title(model, scope) {
        Some(slice) => format!("Release slice <strong>{}</strong>", escape(slice)),
        None => match map.band_count {
            1 => "1 release slice".to_owned(),
            n => format!("{n} release slices"),
        },
    };
    out.push_str("<header class=\"page-head\">\n<p class=\"eyebrow\">Story map</p>\n");
    out.push_str(&format!("<h1>{}</h1>\n", escape(&model.name)));
    out.push_str(&format!(
        "<p class=\"page-meta\"><span>{what}</span><span>{stories}</span>\
         <span>Exported <time>{}</time></span></p>\n</header>\n",
        escape(&page.exported_at)
    ));
}

fn summary(out: &mut String, session: &SessionSummary) {
    let mut lines = session.update.trim().splitn(2, '\n');
    let lead = lines.next().unwrap_or_default();
    let rest = lines.next().unwrap_or_default().trim();
    out.push_str("<section class=\"summary\" aria-labelledby=\"summary-title\">\n");
    out.push_str(&format!(
        "<h2 id=\"summary-title\">Last refinement session <span class=\"held\">{}</span></h2>\n",
        escape(&session.held)
    ));
    out.push_str(&format!("<p class=\"lead\">{}</p>\n", escape(lead)));
    if !rest.is_empty() {
        out.push_str(&format!("<div class=\"update\">{}</div>\n", escape(rest)));
    }
    out.push_str("</section>\n");
}

fn footer(out: &mut String) {
    out.push_str(
        "<footer class=\"page-foot\">\n<p>Exported from Storymap as a read-only page: it \
         runs no scripts and loads nothing from the network.</p>\n<p>Set in Inter, \
         copyright 2016–2022 The Inter Project Authors, embedded under the SIL Open Font \
         License, Version 1.1 (OFL-1.1).</p>\n</footer>\n",
    );
}
