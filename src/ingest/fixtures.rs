//! Text shared by the ingest unit tests.

/// A long paragraph of ordinary article prose: no boilerplate rule flags it and no metadata
/// rule reads anything from it.
pub const BODY: &str = "The council voted on Tuesday to extend the programme for another \
    three years, despite objections from members who argued that its costs had doubled.";
