//! Estimates: story points on the modified Fibonacci scale, "?" for "we could not size it",
//! or a T-shirt size that a per-map table turns into points.

use std::fmt;

use crate::CoreError;

/// The point values a team can pick, in order; "?" is [`Estimate::Unknown`].
pub const POINT_SCALE: [f64; 11] = [0.0, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0, 40.0, 100.0];

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum TShirt {
    XS,
    S,
    M,
    L,
    XL,
    XXL,
}

impl TShirt {
    pub const ALL: [TShirt; 6] = [
        TShirt::XS,
        TShirt::S,
        TShirt::M,
        TShirt::L,
        TShirt::XL,
        TShirt::XXL,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TShirt::XS => "XS",
            TShirt::S => "S",
            TShirt::M => "M",
            TShirt::L => "L",
            TShirt::XL => "XL",
            TShirt::XXL => "XXL",
        }
    }

    /// Points a size counts for until the team maps sizes itself.
    pub fn default_points(self) -> f64 {
        match self {
            TShirt::XS => 1.0,
            TShirt::S => 2.0,
            TShirt::M => 3.0,
            TShirt::L => 5.0,
            TShirt::XL => 8.0,
            TShirt::XXL => 13.0,
        }
    }

    fn parse(text: &str) -> Option<TShirt> {
        TShirt::ALL
            .into_iter()
            .find(|size| size.as_str().eq_ignore_ascii_case(text))
    }
}

/// The points each T-shirt size counts for in roll-ups, WSJF and the "small enough" check.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TShirtPoints(pub [(TShirt, f64); 6]);

impl Default for TShirtPoints {
    fn default() -> Self {
        TShirtPoints(TShirt::ALL.map(|size| (size, size.default_points())))
    }
}

impl TShirtPoints {
    pub fn points(&self, size: TShirt) -> f64 {
        self.0
            .iter()
            .find(|(s, _)| *s == size)
            .map_or(size.default_points(), |(_, p)| *p)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Estimate {
    Points(f64),
    /// "?": the team discussed it and could not size it.
    Unknown,
    TShirt(TShirt),
}

impl Estimate {
    /// Reads what a person or an import wrote: a point value of the scale ("5", "5.0",
    /// "½", "0.5"), "?", or a T-shirt size in any case. Anything else is refused with the
    /// scale in the message.
    pub fn parse(text: &str) -> Result<Estimate, CoreError> {
        let text = text.trim();
        if text == "?" {
            return Ok(Estimate::Unknown);
        }
        if let Some(size) = TShirt::parse(text) {
            return Ok(Estimate::TShirt(size));
        }
        let number = if text == "½" {
            Some(0.5)
        } else {
            text.parse::<f64>().ok()
        };
        match number.and_then(|n| POINT_SCALE.into_iter().find(|p| *p == n)) {
            Some(points) => Ok(Estimate::Points(points)),
            None => Err(CoreError::InvalidInput(format!(
                "'{text}' is not an estimate: use story points (0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100), \
                 ? or a T-shirt size (XS, S, M, L, XL, XXL)"
            ))),
        }
    }

    /// Reads a stored estimate leniently: a value a newer or older version wrote that is
    /// not on today's scale counts as no estimate rather than failing the whole map.
    pub fn read(text: Option<&str>) -> Option<Estimate> {
        text.and_then(|t| Estimate::parse(t).ok())
    }

    pub fn points(self, sizes: &TShirtPoints) -> Option<f64> {
        match self {
            Estimate::Points(points) => Some(points),
            Estimate::Unknown => None,
            Estimate::TShirt(size) => Some(sizes.points(size)),
        }
    }
}

impl fmt::Display for Estimate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Estimate::Points(p) if *p == 0.5 => f.write_str("½"),
            Estimate::Points(p) => write!(f, "{p}"),
            Estimate::Unknown => f.write_str("?"),
            Estimate::TShirt(size) => f.write_str(size.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_sizes_and_unknown_parse_and_print_canonically() {
        let cases = [
            ("5", "5"),
            ("5.0", "5"),
            (" 13 ", "13"),
            ("0.5", "½"),
            ("½", "½"),
            ("0", "0"),
            ("100", "100"),
            ("?", "?"),
            ("xl", "XL"),
            ("XXL", "XXL"),
        ];
        for (input, canonical) in cases {
            assert_eq!(
                Estimate::parse(input).unwrap().to_string(),
                canonical,
                "{input}"
            );
        }
    }

    #[test]
    fn values_off_the_scale_are_refused_with_the_scale_in_the_message() {
        for input in ["4", "7.5", "-1", "", "big", "1e9"] {
            let error = Estimate::parse(input).unwrap_err().to_string();
            assert!(error.contains("0, ½, 1, 2, 3, 5, 8"), "{input}: {error}");
        }
    }

    #[test]
    fn points_come_from_the_value_or_the_size_table() {
        let mut sizes = TShirtPoints::default();
        assert_eq!(Estimate::TShirt(TShirt::M).points(&sizes), Some(3.0));
        sizes.0[2].1 = 5.0;
        assert_eq!(Estimate::TShirt(TShirt::M).points(&sizes), Some(5.0));
        assert_eq!(Estimate::Points(8.0).points(&sizes), Some(8.0));
        assert_eq!(Estimate::Unknown.points(&sizes), None);
        assert_eq!(Estimate::read(Some("4")), None);
    }
}
