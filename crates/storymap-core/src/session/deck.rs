//! Planning-poker decks: the modified Fibonacci scale or T-shirt sizes, each with "?"
//! (cannot size it) and the coffee card (a break, please).

use crate::CoreError;

pub const UNKNOWN_CARD: &str = "?";
pub const COFFEE_CARD: &str = "☕";

const FIBONACCI: [&str; 11] = ["0", "½", "1", "2", "3", "5", "8", "13", "20", "40", "100"];
const TSHIRT: [&str; 6] = ["XS", "S", "M", "L", "XL", "XXL"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Deck {
    #[default]
    Fibonacci,
    TShirt,
}

impl Deck {
    pub fn as_str(self) -> &'static str {
        match self {
            Deck::Fibonacci => "fibonacci",
            Deck::TShirt => "tshirt",
        }
    }

    pub fn parse(text: &str) -> Option<Deck> {
        match text {
            "fibonacci" => Some(Deck::Fibonacci),
            "tshirt" => Some(Deck::TShirt),
            _ => None,
        }
    }

    /// The cards that size a story, smallest first.
    pub fn sized_cards(self) -> &'static [&'static str] {
        match self {
            Deck::Fibonacci => &FIBONACCI,
            Deck::TShirt => &TSHIRT,
        }
    }

    /// Every card, as the UI lays them out: the sizes, then "?" and coffee.
    pub fn cards(self) -> Vec<&'static str> {
        let mut cards = self.sized_cards().to_vec();
        cards.extend([UNKNOWN_CARD, COFFEE_CARD]);
        cards
    }

    /// The position of a sizing card on the deck.
    pub fn position(self, card: &str) -> Option<usize> {
        self.sized_cards().iter().position(|c| *c == card)
    }

    /// What a card is worth for the median: points on the Fibonacci deck, the size's
    /// place on the T-shirt deck.
    pub(crate) fn worth(self, position: usize) -> f64 {
        match self {
            Deck::Fibonacci => crate::refine::POINT_SCALE[position],
            Deck::TShirt => position as f64,
        }
    }

    /// A card as people type it ("0.5", "coffee", "m") in its canonical form, or a
    /// refusal naming the deck.
    pub fn card(self, text: &str) -> Result<&'static str, CoreError> {
        let text = text.trim();
        if text == UNKNOWN_CARD {
            return Ok(UNKNOWN_CARD);
        }
        if text == COFFEE_CARD || text.eq_ignore_ascii_case("coffee") {
            return Ok(COFFEE_CARD);
        }
        let text = if text == "0.5" { "½" } else { text };
        self.sized_cards()
            .iter()
            .find(|c| c.eq_ignore_ascii_case(text))
            .copied()
            .ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "'{text}' is not a card of the {} deck: use {}",
                    self.describe(),
                    self.cards().join(", ")
                ))
            })
    }

    fn describe(self) -> &'static str {
        match self {
            Deck::Fibonacci => "Fibonacci",
            Deck::TShirt => "T-shirt",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_read_as_people_type_them() {
        let fib = Deck::Fibonacci;
        assert_eq!(fib.card(" 0.5 ").unwrap(), "½");
        assert_eq!(fib.card("coffee").unwrap(), COFFEE_CARD);
        assert_eq!(fib.card("?").unwrap(), "?");
        assert_eq!(Deck::TShirt.card("xl").unwrap(), "XL");
        let err = fib.card("4").unwrap_err().to_string();
        assert_eq!(
            err,
            "'4' is not a card of the Fibonacci deck: use 0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100, ?, ☕"
        );
        assert!(Deck::TShirt.card("5").is_err());
        assert!(fib.card("M").is_err());
    }
}
