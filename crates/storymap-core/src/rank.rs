//! Fractional-index rank strings: order without list positions, so concurrent moves in
//! the CRDT never duplicate or drop a card. Two peers can mint the same rank between the
//! same neighbours (the generator is deterministic), so every sort breaks ties by id.

use std::cmp::Ordering;
use std::fmt;

use fractional_index::FractionalIndex;

use crate::CoreError;

/// A position among siblings; compares lexicographically as its string does.
#[derive(Clone, PartialEq, Eq)]
pub struct Rank(FractionalIndex);

impl Rank {
    /// The rank of the first item in an empty list.
    pub fn first() -> Rank {
        Rank(FractionalIndex::default())
    }

    pub fn after(rank: &Rank) -> Rank {
        Rank(FractionalIndex::new_after(&rank.0))
    }

    pub fn before(rank: &Rank) -> Rank {
        Rank(FractionalIndex::new_before(&rank.0))
    }

    /// A rank strictly between two neighbours; either may be absent at a list's end.
    /// Equal or reversed neighbours (a tie left by a concurrent insert) get a rank just
    /// after `lower`, which the id tie-break then orders.
    pub fn between(lower: Option<&Rank>, upper: Option<&Rank>) -> Rank {
        match (lower, upper) {
            (Some(lower), Some(upper)) => FractionalIndex::new_between(&lower.0, &upper.0)
                .map(Rank)
                .unwrap_or_else(|| Rank::after(lower)),
            (Some(lower), None) => Rank::after(lower),
            (None, Some(upper)) => Rank::before(upper),
            (None, None) => Rank::first(),
        }
    }

    /// `count` ranks in increasing order after `lower` (or from the start).
    pub fn sequence(lower: Option<&Rank>, count: usize) -> Vec<Rank> {
        let mut ranks = Vec::with_capacity(count);
        let mut last = lower.cloned();
        for _ in 0..count {
            let next = Rank::between(last.as_ref(), None);
            ranks.push(next.clone());
            last = Some(next);
        }
        ranks
    }

    /// Where an unreadable rank sorts: after everything a peer could mint in practice.
    pub fn last_resort() -> Rank {
        Rank::parse("ff80").expect("valid constant rank")
    }

    pub fn parse(text: &str) -> Result<Rank, CoreError> {
        // fractional_index slices the text two bytes at a time and panics inside a
        // multi-byte character; a rank is only ever lowercase hex.
        let hex = text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        hex.then(|| FractionalIndex::from_string(text).ok())
            .flatten()
            .map(Rank)
            .ok_or_else(|| CoreError::InvalidInput(format!("'{text}' is not a rank string")))
    }

    pub fn as_string(&self) -> String {
        self.0.to_string()
    }
}

impl Ord for Rank {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl PartialOrd for Rank {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Rank({})", self.as_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn string_order_matches_rank_order() {
        let ranks = Rank::sequence(None, 300);
        for pair in ranks.windows(2) {
            assert!(pair[0] < pair[1]);
            assert!(pair[0].as_string() < pair[1].as_string());
        }
    }

    #[test]
    fn parse_round_trips_and_rejects_garbage() {
        let rank = Rank::between(Some(&Rank::first()), None);
        assert_eq!(Rank::parse(&rank.as_string()).unwrap(), rank);
        assert!(Rank::parse("zz").is_err());
        assert!(
            Rank::parse("ࠀ").is_err(),
            "a multi-byte character is refused, not a panic"
        );
        assert!(Rank::parse("").is_err());
    }

    #[test]
    fn tie_gets_a_rank_after_the_lower_neighbour() {
        let a = Rank::first();
        let r = Rank::between(Some(&a), Some(&a));
        assert!(r > a);
    }

    proptest! {
        /// Any sequence of inserts at arbitrary positions keeps a strict total order,
        /// and the string form sorts the same way.
        #[test]
        fn inserts_keep_a_strict_order(positions in proptest::collection::vec(0usize..1000, 1..200)) {
            let mut list: Vec<Rank> = Vec::new();
            for p in positions {
                let at = p % (list.len() + 1);
                let lower = if at == 0 { None } else { list.get(at - 1) };
                let upper = list.get(at);
                let rank = Rank::between(lower, upper);
                if let Some(l) = lower { prop_assert!(*l < rank); }
                if let Some(u) = upper { prop_assert!(rank < *u); }
                list.insert(at, rank);
            }
            for pair in list.windows(2) {
                prop_assert!(pair[0] < pair[1]);
                prop_assert!(pair[0].as_string() < pair[1].as_string());
            }
        }
    }
}
