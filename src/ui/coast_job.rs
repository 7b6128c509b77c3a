//! The coast analyses for the window, all off the UI thread: the indexes and the band fields
//! (built once, shortly after start-up), every incident's distances (once per store) and the
//! readout of the filtered set (on every filter change). Until a piece is ready the window
//! simply does not show it yet.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use super::incidents::Incidents;
use crate::analysis::coast::{
    BorderIndex, COASTAL_STATES, CoastDistances, CoastIndex, CoastReadout, DEFAULT_BANDS_KM,
    GridField, SAHEL_STATES, Side,
};
use crate::geodata::GeoData;

/// Cell size of the distance-to-the-sea field (degrees, ~5.5 km).
pub const SEA_FIELD_STEP: f64 = 0.05;
/// The border-band field covers the coastal states' northern borders more finely (~2.2 km),
/// so the 10 km band is several cells wide.
pub const BORDER_FIELD_STEP: f64 = 0.02;
pub const BORDER_FIELD_BOX: [f64; 4] = [-10.5, 6.0, 5.0, 13.8];
/// Longitude band of the frontier (degrees).
pub const FRONTIER_BAND_DEG: f64 = 0.5;

pub struct CoastTools {
    pub sea: CoastIndex,
    pub border: BorderIndex,
    /// km to the sea, on land.
    pub sea_field: GridField,
    /// Signed km to the coastal states' northern border, in the coastal and the Sahel states
    /// (elsewhere, e.g. in Nigeria, a positive distance is not "north of the border").
    pub border_field: GridField,
    pub build_ms: f64,
}

impl CoastTools {
    pub fn build(geo: &GeoData) -> Self {
        let t = Instant::now();
        let (sea, border) = crate::analysis::coast::indexes_for(geo);
        let on_land = |lon: f64, lat: f64| geo.countries.locate(lon, lat).is_some();
        let sea_field = GridField::compute(crate::geodata::BOX, SEA_FIELD_STEP, on_land, |p| {
            sea.distance_km_many(p)
        });
        let measured = |lon: f64, lat: f64| {
            geo.countries.locate(lon, lat).is_some_and(|r| {
                let iso3 = geo.countries.regions[r].country.as_str();
                COASTAL_STATES.contains(&iso3) || SAHEL_STATES.contains(&iso3)
            })
        };
        let border_field = GridField::compute(BORDER_FIELD_BOX, BORDER_FIELD_STEP, measured, |p| {
            border.signed_km_many(p)
        });
        CoastTools {
            sea,
            border,
            sea_field,
            border_field,
            build_ms: t.elapsed().as_secs_f64() * 1000.0,
        }
    }

    /// "512 km from the sea · 120 km north of the coastal states' border" for a point of the
    /// map (its side from the country polygons).
    pub fn describe(&self, lon: f64, lat: f64) -> String {
        let side = match self.border.country_at(lon, lat) {
            Some(c) if COASTAL_STATES.contains(&c) => Side::Coastal,
            Some(c) if SAHEL_STATES.contains(&c) => Side::Sahel,
            Some(_) => Side::Other,
            None => Side::Unknown,
        };
        describe(
            self.sea.distance_km(lon, lat),
            self.border.signed_km(lon, lat),
            side,
            false,
        )
    }
}

/// The distances in words, for an incident that counts on `side` (see
/// `analysis::coast::readout`); `mismatch`: its dataset country is not the map's.
pub fn describe(coast_km: f64, border_km: f64, side: Side, mismatch: bool) -> String {
    let sea = if coast_km.is_finite() {
        format!("{coast_km:.0} km from the sea")
    } else {
        "distance to the sea unknown".into()
    };
    let km = border_km.abs();
    let border = if !border_km.is_finite() {
        String::new()
    } else {
        match (side, border_km > 0.0) {
            (Side::Sahel, _) | (Side::Unknown, true) => {
                format!(" · {km:.0} km north of the coastal states' border")
            }
            (Side::Coastal, _) | (Side::Unknown, false) => {
                format!(" · inside a coastal state, {km:.0} km from its northern border")
            }
            (Side::Other, _) => format!(
                " · outside the Sahel and coastal states, {km:.0} km from the coastal states' \
                 northern border"
            ),
        }
    };
    let note = if mismatch {
        " · the dataset's country is not the map's (counted by the dataset's)"
    } else {
        ""
    };
    format!("{sea}{border}{note}")
}

type Outcome = (Arc<CoastDistances>, CoastReadout);

struct Pending {
    key: (u64, usize),
    result: Receiver<Outcome>,
}

pub struct CoastJob {
    pub tools: Option<Arc<CoastTools>>,
    tools_rx: Option<Receiver<CoastTools>>,
    /// Distances of the current store's incidents, by store index.
    pub distances: Option<Arc<CoastDistances>>,
    distances_for: usize,
    pub readout: Option<Arc<CoastReadout>>,
    readout_for: (u64, usize),
    pending: Option<Pending>,
    /// Border bands counted (km).
    pub bands_km: Vec<f64>,
}

impl Default for CoastJob {
    fn default() -> Self {
        CoastJob {
            tools: None,
            tools_rx: None,
            distances: None,
            distances_for: 0,
            readout: None,
            readout_for: (0, 0),
            pending: None,
            bands_km: DEFAULT_BANDS_KM.to_vec(),
        }
    }
}

impl CoastJob {
    pub fn busy(&self) -> bool {
        self.tools.is_none() || self.pending.is_some()
    }

    /// Start or collect the background work; `wake` is called when a piece is ready.
    pub fn sync(
        &mut self,
        geo: &Arc<GeoData>,
        incidents: &Incidents,
        wake: impl Fn() + Send + Clone + 'static,
    ) {
        if self.tools.is_none() {
            match &self.tools_rx {
                None => {
                    let (tx, rx) = channel();
                    let (geo, wake) = (geo.clone(), wake.clone());
                    std::thread::spawn(move || {
                        if tx.send(CoastTools::build(&geo)).is_ok() {
                            wake();
                        }
                    });
                    self.tools_rx = Some(rx);
                }
                Some(rx) => {
                    if let Ok(t) = rx.try_recv() {
                        self.tools = Some(Arc::new(t));
                        self.tools_rx = None;
                    }
                }
            }
        }
        let Some(tools) = self.tools.clone() else {
            return;
        };
        if let Some(p) = &self.pending
            && let Ok((d, r)) = p.result.try_recv()
        {
            self.distances_for = p.key.1;
            self.readout_for = p.key;
            self.distances = Some(d);
            self.readout = Some(Arc::new(r));
            self.pending = None;
        }
        let key = (incidents.generation, incidents.columns_id());
        if self.distances_for != key.1 {
            // Another store: the old distances belong to other incidents.
            self.distances = None;
            self.readout = None;
        }
        if self.readout_for == key || self.pending.as_ref().is_some_and(|p| p.key == key) {
            return;
        }
        let known = self
            .distances
            .clone()
            .filter(|_| self.distances_for == key.1);
        let columns = incidents.columns.clone();
        let filtered = incidents.result.indices.clone();
        let bands = self.bands_km.clone();
        let (tx, result) = channel();
        std::thread::spawn(move || {
            let d = known.unwrap_or_else(|| {
                Arc::new(CoastDistances::compute(&columns, &tools.sea, &tools.border))
            });
            let r = CoastReadout::compute(&columns, &d, &filtered, &bands, FRONTIER_BAND_DEG);
            if tx.send((d, r)).is_ok() {
                wake();
            }
        });
        // A superseded job still finishes, but its result is never read.
        self.pending = Some(Pending { key, result });
    }

    /// The finished state, without running work (for an export on another thread).
    pub fn snapshot(&self) -> CoastJob {
        CoastJob {
            tools: self.tools.clone(),
            tools_rx: None,
            distances: self.distances.clone(),
            distances_for: self.distances_for,
            readout: self.readout.clone(),
            readout_for: self.readout_for,
            pending: None,
            bands_km: self.bands_km.clone(),
        }
    }

    /// Recount with other border bands.
    pub fn set_bands(&mut self, bands: Vec<f64>) {
        if bands != self.bands_km {
            self.bands_km = bands;
            self.readout_for = (u64::MAX, 0);
        }
    }

    /// Wait for every piece (tests and scripted renders).
    pub fn finish_blocking(&mut self, geo: &Arc<GeoData>, incidents: &Incidents) {
        for _ in 0..60_000 {
            self.sync(geo, incidents, || {});
            if !self.busy() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
}
