//! Varied notes for the CSV writer's benchmark mode: the incident's own
//! notes, often followed by generic sentences with commas, quotes and now
//! and then a line break, as in real exports. The other 30 columns already
//! take about 345 bytes per row (ACLED's long actor names), so the notes
//! are lengthened only moderately: rows average about 480 bytes.
//! The sentences avoid the words the importer's claim extractor looks for,
//! so they add no claims.

use super::rng::Rng;

/// Sentences that fit any event; `{L}` is replaced by the location.
const GENERAL: &[&str] = &[
    "Local sources described the situation as \"very tense\", with shops, schools and the weekly market closed for several days.",
    "Telephone networks had been cut in parts of the commune, which delayed information about the event by several days.",
    "A curfew was imposed on {L} and the surrounding villages, and motorbikes were banned at night.",
    "Traffic on the main road was interrupted for most of the day, and buses to {L} were cancelled.",
    "This is one of several incidents recorded in the same week across the province.",
    "Schools in the commune, closed since the previous year, remained shut.",
    "The event happened on a market day, when traders from several villages were present.",
    "A local radio station relayed appeals for calm; aid groups later distributed food, mats and blankets.",
    "Information about the event came from local partners, cross-checked with national media.",
    "Access to the area is restricted, and independent verification was not possible.",
    "Prices of grain rose sharply in {L} after supply convoys were stopped.",
    "Coordinates refer to the nearest town; the exact village is not named in sources.",
    "Calm returned by the evening, residents added.",
    "Shops in {L} stayed closed the next day.",
    "Exact location unclear; coded to {L}.",
    "Roads to the market were closed for two days.",
    "Local sources, contacted by phone, confirmed the event.",
    "The area had been \"quiet for months\" before this.",
    "Classes in {L} were suspended for a week.",
    "It is the second such event in the area this month.",
];

/// Sentences for political violence only.
const VIOLENCE: &[&str] = &[
    "The event took place on the road linking {L} to the neighbouring commune, a route targeted repeatedly since the start of the year.",
    "Several families left for the regional capital in the following days, joining displaced people already living with host families.",
    "Humanitarian organisations suspended their movements in the area, citing the presence of armed men on motorbikes.",
    "The area, between farmland and grazing corridors, has seen more incidents linked to control of water points and pasture.",
    "Residents described armed men arriving on dozens of motorbikes, moving in groups of two or three.",
    "The event follows an escalation in the area, where roads, bridges and telecom masts have been targeted.",
    "According to local sources, the perpetrators left towards the bush in the direction of the border.",
    "Livestock, motorbikes and food stocks were taken, and some granaries were set on fire.",
    "The site had already been hit in previous months; a local official described the area as \"under siege\".",
    "Sources differ on the identity of the perpetrators, and no group has taken responsibility so far.",
    "Displacement from surrounding villages increased pressure on water, food and shelter in {L}.",
    "Sources mention heavy gunfire lasting several hours, followed by a lull in the evening.",
    "Local leaders asked for more protection for farmers, who fear working in fields far from the village.",
    "The event coincided with the start of the rainy season, when moving between villages becomes harder.",
    "Some residents fled on foot towards {L}, carrying only what they could.",
    "Security forces conducted search operations in the area in the days that followed.",
    "The route between {L} and the border has become \"almost impassable\", according to transporters.",
    "Several motorbikes and a pick-up truck were burnt, and a mobile phone shop was looted.",
    "The corridor, used to smuggle fuel, cattle and motorbikes, has long been contested.",
    "Local committees had negotiated a fragile truce a few weeks earlier; it collapsed after this incident.",
    "Witnesses mentioned men in uniform, but it is unclear which force they belonged to.",
    "Residents met in the evening and asked for a permanent army post, \"at least for the harvest\".",
    "Herders from {L} moved their animals south, fearing further raids on the grazing areas.",
    "Several huts, granaries and carts were burnt.",
    "\"We are afraid to go to the fields\", one farmer told local radio.",
    "No group has taken responsibility.",
    "Several families fled {L} for safer towns.",
];

/// (weight, number of generic sentences added to a row's notes)
const EXTRA_SENTENCES: [(u32, usize); 4] = [(86, 0), (10, 1), (3, 2), (1, 3)];

/// Writes notes into a CSV field. Deterministic: the same incidents give the
/// same file.
pub(crate) struct RichNotes {
    rng: Rng,
    /// Each sentence split at `{L}`, quotes already doubled.
    pieces: Vec<Vec<Vec<u8>>>,
}

/// Appends `s` with CSV quote escaping (the caller writes the enclosing
/// quotes).
pub(crate) fn push_escaped(buf: &mut Vec<u8>, s: &[u8]) {
    let mut rest = s;
    while let Some(i) = memchr::memchr(b'"', rest) {
        buf.extend_from_slice(&rest[..=i]);
        buf.push(b'"');
        rest = &rest[i + 1..];
    }
    buf.extend_from_slice(rest);
}

impl RichNotes {
    pub fn new() -> Self {
        let pieces = GENERAL
            .iter()
            .chain(VIOLENCE)
            .map(|s| {
                s.split("{L}")
                    .map(|p| {
                        let mut v = Vec::with_capacity(p.len() + 4);
                        push_escaped(&mut v, p.as_bytes());
                        v
                    })
                    .collect()
            })
            .collect();
        RichNotes {
            rng: Rng::new(0x5A4E_4C52_4943_4821, 3),
            pieces,
        }
    }

    /// Writes `"<notes> <sentence> <sentence>..."`: the incident's own notes
    /// followed by zero to three generic sentences (about 15 bytes added per
    /// row on average, so rows average about 480 bytes).
    /// `violent`: political violence (battles, explosions, violence against
    /// civilians, strategic developments), which may use every sentence;
    /// demonstrations only get the general ones.
    pub fn write_field(&mut self, buf: &mut Vec<u8>, notes: &str, location: &str, violent: bool) {
        buf.push(b'"');
        push_escaped(buf, notes.as_bytes());
        let extra = self.rng.pick_weighted(&EXTRA_SENTENCES);
        for _ in 0..*extra {
            buf.push(if self.rng.chance(0.06) { b'\n' } else { b' ' });
            let pool = if violent {
                self.pieces.len()
            } else {
                GENERAL.len()
            };
            let sentence = &self.pieces[self.rng.below(pool)];
            for (i, part) in sentence.iter().enumerate() {
                if i > 0 {
                    push_escaped(buf, location.as_bytes());
                }
                buf.extend_from_slice(part);
            }
        }
        buf.push(b'"');
    }
}
