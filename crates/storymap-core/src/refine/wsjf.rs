//! Weighted Shortest Job First: cost of delay (user-business value + time criticality +
//! risk reduction/opportunity enablement) divided by job size, each part on 1…20.

use crate::CoreError;

/// The relative scale every WSJF part is scored on.
pub const WSJF_SCALE: [u8; 7] = [1, 2, 3, 5, 8, 13, 20];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WsjfInputs {
    pub value: Option<u8>,
    pub time_criticality: Option<u8>,
    pub risk_reduction: Option<u8>,
    /// When unset, the job size follows the estimate (see [`job_size_for_points`]).
    pub job_size: Option<u8>,
}

impl WsjfInputs {
    /// The parts in [`crate::WsjfPart::ALL`] order: value, time criticality, risk
    /// reduction / opportunity enablement, job size.
    pub fn parts(&self) -> [Option<u8>; 4] {
        [
            self.value,
            self.time_criticality,
            self.risk_reduction,
            self.job_size,
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wsjf {
    pub cost_of_delay: u32,
    pub job_size: u8,
    /// The job size was taken from the estimate, not scored by hand.
    pub job_size_from_estimate: bool,
    pub score: f64,
}

/// Refuses a part that is not on [`WSJF_SCALE`], naming the part.
pub fn check_part(part: &str, value: Option<u8>) -> Result<(), CoreError> {
    match value {
        Some(v) if !WSJF_SCALE.contains(&v) => Err(CoreError::InvalidInput(format!(
            "{part} must be one of 1, 2, 3, 5, 8, 13, 20 (got {v})"
        ))),
        _ => Ok(()),
    }
}

/// The smallest scale value that holds `points` (a 0- or ½-point story is a 1).
pub fn job_size_for_points(points: f64) -> u8 {
    WSJF_SCALE
        .into_iter()
        .find(|size| f64::from(*size) >= points)
        .unwrap_or(20)
}

/// The score once value, time criticality and risk reduction are scored and a job size is
/// known (scored, or from the estimate's points); `None` until then.
pub fn wsjf(inputs: &WsjfInputs, estimate_points: Option<f64>) -> Option<Wsjf> {
    let cost_of_delay = u32::from(inputs.value?)
        + u32::from(inputs.time_criticality?)
        + u32::from(inputs.risk_reduction?);
    let (job_size, from_estimate) = match inputs.job_size {
        Some(size) => (size, false),
        None => (job_size_for_points(estimate_points?), true),
    };
    Some(Wsjf {
        cost_of_delay,
        job_size,
        job_size_from_estimate: from_estimate,
        score: f64::from(cost_of_delay) / f64::from(job_size.max(1)),
    })
}

/// Where each heat level of the map's WSJF overlay starts: a score under 1 is level 1, 1 to
/// 2 level 2, … 8 or more level 5. Fixed, not relative to the map, so a colour means the same
/// score on every map and after every edit.
pub const WSJF_HEAT_FLOORS: [f64; 4] = [1.0, 2.0, 4.0, 8.0];

/// The overlay's heat level of a score, 1 (coolest) to 5.
pub fn wsjf_heat(score: f64) -> u8 {
    1 + WSJF_HEAT_FLOORS
        .iter()
        .filter(|floor| score >= **floor)
        .count() as u8
}

/// Items in WSJF order: the highest score first, equal scores in their present order, and
/// the unscored after the scored, in their present order (sorting never hides a story that
/// is not scored yet, nor shuffles it).
pub fn wsjf_order<T>(items: Vec<(T, Option<f64>)>) -> Vec<T> {
    let (mut scored, unscored): (Vec<_>, Vec<_>) =
        items.into_iter().partition(|(_, score)| score.is_some());
    // `sort_by` is stable: equal scores keep their order.
    scored.sort_by(|a, b| b.1.unwrap_or(0.0).total_cmp(&a.1.unwrap_or(0.0)));
    scored.into_iter().chain(unscored).map(|(t, _)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(v: u8, tc: u8, rr: u8, size: Option<u8>) -> WsjfInputs {
        WsjfInputs {
            value: Some(v),
            time_criticality: Some(tc),
            risk_reduction: Some(rr),
            job_size: size,
        }
    }

    #[test]
    fn score_is_cost_of_delay_over_job_size() {
        // (inputs, estimate points) → (cost of delay, job size, from estimate, score)
        let cases = [
            (inputs(8, 5, 3, Some(2)), None, Some((16, 2, false, 8.0))),
            (
                inputs(20, 20, 20, Some(20)),
                Some(1.0),
                Some((60, 20, false, 3.0)),
            ),
            (inputs(3, 2, 1, None), Some(5.0), Some((6, 5, true, 1.2))),
            (inputs(3, 2, 1, None), Some(0.5), Some((6, 1, true, 6.0))),
            (inputs(3, 2, 1, None), Some(40.0), Some((6, 20, true, 0.3))),
            (inputs(3, 2, 1, None), Some(4.0), Some((6, 5, true, 1.2))),
            (inputs(3, 2, 1, None), None, None),
        ];
        for (given, points, expected) in cases {
            let got = wsjf(&given, points).map(|w| {
                (
                    w.cost_of_delay,
                    w.job_size,
                    w.job_size_from_estimate,
                    w.score,
                )
            });
            assert_eq!(got, expected, "{given:?} {points:?}");
        }
        let unscored = WsjfInputs {
            value: Some(5),
            ..WsjfInputs::default()
        };
        assert_eq!(wsjf(&unscored, Some(3.0)), None);
    }

    #[test]
    fn parts_off_the_scale_are_refused_by_name() {
        assert!(check_part("time criticality", Some(13)).is_ok());
        assert!(check_part("time criticality", None).is_ok());
        let error = check_part("time criticality", Some(4)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "time criticality must be one of 1, 2, 3, 5, 8, 13, 20 (got 4)"
        );
    }

    #[test]
    fn heat_levels_start_at_their_floors() {
        let cases = [
            (0.15, 1),
            (0.99, 1),
            (1.0, 2),
            (1.9, 2),
            (2.0, 3),
            (4.0, 4),
            (7.9, 4),
            (8.0, 5),
            (60.0, 5),
        ];
        for (score, level) in cases {
            assert_eq!(wsjf_heat(score), level, "{score}");
        }
    }

    #[test]
    fn wsjf_order_puts_high_scores_first_and_keeps_ties_and_unscored_in_place() {
        let items = vec![
            ("a", None),
            ("b", Some(2.0)),
            ("c", Some(8.0)),
            ("d", None),
            ("e", Some(2.0)),
            ("f", Some(3.5)),
        ];
        assert_eq!(wsjf_order(items), ["c", "f", "b", "e", "a", "d"]);
        assert_eq!(
            wsjf_order(Vec::<(u8, Option<f64>)>::new()),
            Vec::<u8>::new()
        );
    }
}
