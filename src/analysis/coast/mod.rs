//! Coastline proximity (issue 6): how far incidents are from the sea and from the coastal
//! states' northern borders, and how the southernmost incidents move over time.
//!
//! * [`CoastIndex`]: geodesic distance (km, WGS 84) to the GSHHG level-1 shoreline, through an
//!   R-tree of its segments.
//! * [`BorderIndex`]: signed geodesic distance (km) to the land border of Benin, Togo, Ghana and
//!   Côte d'Ivoire taken together, negative inside them (definition in [`border`]'s
//!   documentation).
//! * [`band_counts`]: points within 10/50/100 km north of that border.
//! * [`frontier()`](frontier::frontier), [`quarter_stats`]: per quarter, the southernmost point of every longitude band
//!   and the closest/median distance to the sea.
//!
//! # Accuracy
//!
//! Distances are geodesics on the WGS 84 ellipsoid. A line segment runs straight in lon/lat
//! between its vertices (RFC 7946). `geo` has point-to-point geodesics (`Geodesic`, Karney) but
//! point-to-segment only on the sphere (`HaversineClosestPoint`, up to 0.5 % off), hence
//! `segments.rs`: an `rstar` R-tree in Earth-centred coordinates finds the nearest segment by
//! chord with rigorous chord/geodesic bounds, and the distance to its closest point is measured
//! by Lambert's ellipsoidal formula (within 1.5e-6 of Karney) or, on request, by Karney's
//! algorithm. The tests compare both with a brute-force reference (Karney minimised along every
//! segment) and require agreement within 0.1 %; they agree within 1.5e-6 (Lambert) and 3e-9
//! (Karney).
//!
//! # Files
//!
//! * `sea.rs` [`CoastIndex`], `border.rs` [`BorderIndex`] (land-border extraction, sign),
//!   `bands.rs`, `frontier.rs`: the public API.
//! * `geodesic.rs`: WGS 84, Earth-centred coordinates, Lambert and Karney distances, chord bounds.
//! * `segments.rs`: the segment R-tree and its exact nearest-segment query; `chunk.rs` its
//!   entries (runs of up to 8 segments bounded by box and capsule); `candidates.rs` the
//!   per-cell candidate runs, `cells.rs` the lazy lon/lat grid that holds them.
//! * `side.rs`: point in polygon over the countries (cached per cell), `chain.rs`: edges joined
//!   into lines.
//!
//! # Speed
//!
//! 1,000,000 random points in the data box: about 0.6 µs of CPU per point on this machine
//! (`benches/coast.rs`), so well under a second on two cores, including the first-use fill of
//! the per-cell caches (about 0.1 s for the whole box).
//!
//! Pure geometry in, numbers out: no files, no GUI; invalid inputs (NaN, latitude beyond ±90°)
//! give `NaN` and are skipped by the aggregate functions, never a panic.

pub mod bands;
pub mod border;
mod candidates;
mod cells;
mod chain;
mod chunk;
pub mod field;
pub mod frontier;
pub mod geodesic;
pub mod readout;
pub mod sea;
mod segments;
mod side;

pub use self::bands::{DEFAULT_BANDS_KM, band_counts};
pub use self::border::{BorderIndex, BorderPoint, BorderStats, COASTAL_STATES, LandBorderLine};
pub use self::field::{GridField, band_index};
pub use self::frontier::{
    FrontierCell, FrontierPoint, QuarterStats, frontier, quarter_index, quarter_label,
    quarter_stats,
};
pub use self::readout::{BandRow, CoastDistances, CoastReadout, indexes_for, jihadist_flags};
pub use self::sea::CoastIndex;
pub use self::segments::Nearest;
