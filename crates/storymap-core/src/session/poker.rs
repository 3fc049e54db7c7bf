//! What a revealed poker round says: the median card, the spread, who to hear from
//! (outliers), the "?" and coffee cards, and whether the team agrees.

use super::deck::{Deck, COFFEE_CARD, UNKNOWN_CARD};

#[derive(Debug, Clone, PartialEq)]
pub struct PokerStats {
    pub votes: usize,
    /// The card nearest the median of the sizing votes; ties go to the larger card.
    pub median: Option<&'static str>,
    pub min: Option<&'static str>,
    pub max: Option<&'static str>,
    /// Cards between the lowest and the highest vote (0: everyone agrees).
    pub spread: usize,
    /// Participants whose card is two or more cards away from the median: the highest
    /// and lowest explain.
    pub outliers: Vec<String>,
    pub unknown: usize,
    pub coffee: usize,
    /// Every sizing vote on one card, at least one of them, and no "?".
    pub consensus: bool,
}

/// Statistics of `votes` (participant id, card) on `deck`; cards off the deck are ignored.
pub fn poker_stats(votes: &[(String, String)], deck: Deck) -> PokerStats {
    let cards = deck.sized_cards();
    let mut sized: Vec<(usize, &str)> = votes
        .iter()
        .filter_map(|(who, card)| deck.position(card).map(|p| (p, who.as_str())))
        .collect();
    sized.sort();
    let unknown = votes.iter().filter(|(_, c)| c == UNKNOWN_CARD).count();
    let coffee = votes.iter().filter(|(_, c)| c == COFFEE_CARD).count();
    let (Some(&(low, _)), Some(&(high, _))) = (sized.first(), sized.last()) else {
        return PokerStats {
            votes: votes.len(),
            median: None,
            min: None,
            max: None,
            spread: 0,
            outliers: Vec::new(),
            unknown,
            coffee,
            consensus: false,
        };
    };
    let worth: Vec<f64> = sized.iter().map(|(p, _)| deck.worth(*p)).collect();
    let middle = worth.len() / 2;
    let median_worth = if worth.len() % 2 == 1 {
        worth[middle]
    } else {
        (worth[middle - 1] + worth[middle]) / 2.0
    };
    let median = (low..=high)
        .min_by(|a, b| {
            let distance = |p: &usize| (deck.worth(*p) - median_worth).abs();
            distance(a).total_cmp(&distance(b)).then(b.cmp(a))
        })
        .expect("low ≤ high");
    let mut outliers: Vec<String> = sized
        .iter()
        .filter(|(p, _)| p.abs_diff(median) >= 2)
        .map(|(_, who)| (*who).to_owned())
        .collect();
    outliers.sort();
    PokerStats {
        votes: votes.len(),
        median: Some(cards[median]),
        min: Some(cards[low]),
        max: Some(cards[high]),
        spread: high - low,
        outliers,
        unknown,
        coffee,
        consensus: low == high && unknown == 0,
    }
}
