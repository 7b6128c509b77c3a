//! Coastline proximity (issues 6 and 15): how far incidents are from the sea and from the
//! coastal states' northern borders, and how the southernmost incidents move over time.
//!
//! * [`CoastIndex`]: geodesic distance (km, WGS 84) to the GSHHG level-1 shoreline, through an
//!   R-tree of its segments.
//! * [`BorderIndex`]: signed geodesic distance (km) to the border of Benin, Togo, Ghana and
//!   Côte d'Ivoire with Mali, Burkina Faso and Niger (about 2,200 km), negative inside the
//!   coastal states; the coastal states' whole land border (4,060 km, also Guinea, Liberia and
//!   Nigeria) as the option [`BorderKind::WholeLandBorder`] (definition in [`border`]'s
//!   documentation). It also tells which country polygon a point falls in.
//! * [`band_counts`]: points within 10/50/100 km north of that border.
//! * [`frontier_p10()`](frontier::frontier_p10), [`quarter_stats`]: per quarter, the
//!   10th-percentile latitude of every longitude band and the 10th-percentile (with its count),
//!   closest and median distance to the sea; percentiles by nearest rank, so one event never
//!   moves the frontier (`frontier.rs`'s documentation).
//! * [`CoastReadout`] (`readout.rs`): what the window and `sahel-risk coast` show. Bands count
//!   jihadist-attributed incidents in Mali, Burkina Faso and Niger, each incident in its
//!   dataset's country ([`iso3_of_country_name`]; the polygon when the dataset gives none), with
//!   the incidents whose dataset country is not their polygon's counted as mismatches;
//!   "Unidentified Armed Group" incidents are counted beside the jihadist ones. The names of
//!   the jihadist groups are in one table, `analysis::armed_groups`.
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
//! * `sea.rs` [`CoastIndex`], `border.rs` [`BorderIndex`] (border extraction, sign),
//!   `bands.rs`, `frontier.rs`, `readout.rs`: the public API; `country.rs` dataset country names
//!   to iso3 codes.
//! * `geodesic.rs`: WGS 84, Earth-centred coordinates, Lambert and Karney distances, chord bounds.
//! * `segments.rs`: the segment R-tree and its exact nearest-segment query; `chunk.rs` its
//!   entries (runs of up to 8 segments bounded by box and capsule); `candidates.rs` the
//!   per-cell candidate runs, `cells.rs` the lazy lon/lat grid that holds them.
//! * `side.rs`: point in polygon over the countries (cached per cell: the country of a point and
//!   its side of the border), `chain.rs`: edges joined
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
mod country;
pub mod field;
pub mod frontier;
pub mod geodesic;
pub mod readout;
pub mod sea;
mod segments;
mod side;

pub use self::bands::{DEFAULT_BANDS_KM, band_counts};
pub use self::border::{
    BorderIndex, BorderKind, BorderPoint, BorderStats, COASTAL_STATES, LandBorderLine, SAHEL_STATES,
};
pub use self::country::iso3_of_country_name;
pub use self::field::{GridField, band_index};
pub use self::frontier::{
    FRONTIER_MIN_EVENTS, FrontierCell, FrontierPoint, QuarterStats, frontier, frontier_p10,
    p10_nearest_rank, p10_rank, quarter_index, quarter_label, quarter_stats,
};
pub use self::readout::{
    BandRow, CoastDistances, CoastReadout, MISMATCH_EXAMPLES, Side, indexes_for, indexes_for_kind,
    jihadist_flags, unidentified_flags,
};
pub use self::sea::CoastIndex;
pub use self::segments::Nearest;
