//! The plan board of a term (posts, who is planned, what the check says of each) and the
//! candidate list of a post.

use crate::board::{Board, Candidates};
use crate::error::Result;
use crate::store::Store;

pub fn board(store: &Store, term: &str) -> Result<Board> {
    store.plan_board(term)
}

/// Everyone who could be planned for the post, each judged by the same rules as the check.
pub fn candidates(store: &Store, term: &str, position: &str) -> Result<Candidates> {
    store.plan_candidates(term, position)
}
