//! Extracts disputed fatality figures from ACLED notes as extra claims.
//!
//! Deliberately conservative: a claim needs a claiming verb ("said",
//! "claimed", "reported", ...) or, for armies, "neutralized", whose subject
//! is a *named* source (an acronym such as "VoJ", a known armed group,
//! government body or UN/NGO, or a multi-word proper name), and a figure tied
//! to a killing word ("killed 35", "neutralized more than 80",
//! "3 fatalities"). "X claimed ..." without a figure makes a claim with no
//! number only when X is an armed group or a government body, and never for
//! "claimed responsibility". Plain notes yield nothing.

use std::sync::OnceLock;

use memchr::memmem;

use super::claimants::classify;
use crate::model::{Claim, Claimant};

const CLAIM_VERBS: &[&str] = &[
    "said",
    "says",
    "claimed",
    "claims",
    "reported",
    "reports",
    "stated",
    "announced",
];
const NEUTRALIZE: &[&str] = &["neutralized", "neutralised"];
const KILL_WORDS: &[&str] = &[
    "killed",
    "killing",
    "kill",
    "neutralized",
    "neutralised",
    "neutralizing",
    "neutralising",
];
const DEATH_NOUNS: &[&str] = &[
    "fatalities",
    "fatality",
    "deaths",
    "dead",
    "killed",
    "bodies",
];
const SUBJECT_KEYWORDS: &[&str] = &[
    "army",
    "military",
    "government",
    "ministry",
    "authorities",
    "forces",
    "gendarmerie",
    "police",
    "junta",
    "presidency",
];
const CONNECTORS: &[&str] = &["the", "of", "de", "du", "des", "la", "le"];
/// Words dropped from the start of a subject ("On Monday JNIM" -> "JNIM").
const LEADING_NOISE: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "on",
    "in",
    "at",
    "after",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The start of every claiming verb and of "neutralized"; a token can only
/// be one of those words if it contains one of these.
const TRIGGERS: [&str; 7] = [
    "said",
    "says",
    "claim",
    "report",
    "stated",
    "announced",
    "neutrali",
];

fn finders() -> &'static [memmem::Finder<'static>] {
    static FINDERS: OnceLock<Vec<memmem::Finder<'static>>> = OnceLock::new();
    FINDERS.get_or_init(|| {
        TRIGGERS
            .iter()
            .map(|n| memmem::Finder::new(n.as_bytes()))
            .collect()
    })
}

/// Cheap test before any tokenising: no trigger word, no claim. The verbs
/// always follow their subject, so they are searched in lower case only.
fn may_hold_claim(notes: &str) -> bool {
    finders().iter().any(|f| f.find(notes.as_bytes()).is_some())
}

/// Where triggers start in `notes`, ignoring ASCII case, in order (a
/// sentence without one holds no claiming verb, matched ignoring case, and
/// can be skipped), or `None` when no trigger is written in lower case
/// (exactly when [`may_hold_claim`] is false).
fn trigger_positions(notes: &str) -> Option<Vec<usize>> {
    let b = notes.as_bytes();
    let mut small = [0u8; 512];
    let big;
    let lower: &[u8] = match small.get_mut(..b.len()) {
        Some(buf) => {
            buf.copy_from_slice(b);
            buf.make_ascii_lowercase();
            buf
        }
        None => {
            big = b.to_ascii_lowercase();
            &big
        }
    };
    let mut at = Vec::new();
    let mut as_written = false;
    for (f, t) in finders().iter().zip(TRIGGERS) {
        for p in f.find_iter(lower) {
            as_written = as_written || b.get(p..p + t.len()) == Some(t.as_bytes());
            at.push(p);
        }
    }
    at.sort_unstable();
    as_written.then_some(at)
}

/// A token without surrounding punctuation.
pub(super) fn core(tok: &str) -> &str {
    match (tok.as_bytes().first(), tok.as_bytes().last()) {
        // ASCII letters or digits at both ends: nothing to strip.
        (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => tok,
        _ => tok.trim_matches(|c: char| !c.is_alphanumeric()),
    }
}

/// `tok` (punctuation stripped) is one of `list`, ignoring ASCII case.
fn is_one(tok: &str, list: &[&str]) -> bool {
    one_of(core(tok), list)
}

/// `word` is one of `list`, ignoring ASCII case.
fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Sentences end at ". ", "! ", "? " or a newline; each with the offset
/// where it starts.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // The ends, in order: newlines, and ".", "!", "?" before whitespace or
    // at the end (found with memchr rather than byte by byte).
    let mut stops = memchr::memchr3_iter(b'.', b'!', b'?', b)
        .filter(|&i| b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()));
    let mut newlines = memchr::memchr_iter(b'\n', b);
    let (mut stop, mut newline) = (stops.next(), newlines.next());
    loop {
        let i = match (stop, newline) {
            (Some(s), Some(n)) if s < n => {
                stop = stops.next();
                s
            }
            (_, Some(n)) => {
                newline = newlines.next();
                n
            }
            (Some(s), None) => {
                stop = stops.next();
                s
            }
            (None, None) => break,
        };
        out.push((start, text.get(start..i).unwrap_or_default()));
        start = i + 1;
    }
    out.push((start, text.get(start..).unwrap_or_default()));
    out
}

/// `s.split_whitespace()`, faster on ASCII text.
fn words(s: &str) -> Vec<&str> {
    if !s.is_ascii() {
        return s.split_whitespace().collect();
    }
    // The ASCII characters `char::is_whitespace` accepts.
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        let start = i;
        while i < b.len() && !space(b[i]) {
            i += 1;
        }
        if i > start {
            out.extend(s.get(start..i));
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Qual {
    Exact,
    AtLeast,
    AtMost,
}

fn qualifier(toks: &[&str]) -> (Qual, usize) {
    let is = |i: usize, list: &[&str]| toks.get(i).is_some_and(|t| is_one(t, list));
    if (is(0, &["more"]) && is(1, &["than"])) || (is(0, &["at"]) && is(1, &["least"])) {
        (Qual::AtLeast, 2)
    } else if is(0, &["up"]) && is(1, &["to"]) {
        (Qual::AtMost, 2)
    } else if is(0, &["an"]) && is(1, &["estimated"]) {
        (Qual::Exact, 2)
    } else if is(0, &["over", "above"]) {
        (Qual::AtLeast, 1)
    } else if is(0, &["nearly", "almost"]) {
        (Qual::AtMost, 1)
    } else if is(0, &["about", "around", "some", "approximately", "roughly"]) {
        (Qual::Exact, 1)
    } else {
        (Qual::Exact, 0)
    }
}

/// A figure token: digits ("35", "1,200") or a number word. Vague words are
/// coded as ACLED codes them and count as lower bounds.
fn number(tok: Option<&&str>) -> Option<(u32, bool)> {
    let c = core(tok?);
    if c.bytes().next()?.is_ascii_digit() {
        let v = super::fields::parse_u32(c)?;
        return (v <= 100_000).then_some((v, false));
    }
    const WORDS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|x| x.eq_ignore_ascii_case(c)) {
        return Some((i as u32 + 1, false));
    }
    [("tens", 10), ("dozens", 12), ("hundreds", 100)]
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(c))
        .map(|&(_, v)| (v, true))
}

/// First figure tied to a killing word in `toks`: (value, qualifier,
/// index of the number token).
fn find_figure(toks: &[&str]) -> Option<(u32, Qual, usize)> {
    for j in 0..toks.len() {
        if is_one(toks[j], KILL_WORDS) {
            let (q, k) = qualifier(&toks[j + 1..]);
            if let Some((n, vague)) = number(toks.get(j + 1 + k)) {
                return Some((n, if vague { Qual::AtLeast } else { q }, j + 1 + k));
            }
        }
        if let Some((n, vague)) = number(toks.get(j)) {
            let after = &toks[j + 1..toks.len().min(j + 4)];
            if after.iter().any(|t| is_one(t, DEATH_NOUNS)) {
                let q = match (j.checked_sub(2), j.checked_sub(1)) {
                    (Some(b), _) if qualifier(&toks[b..j]).1 == 2 => qualifier(&toks[b..j]).0,
                    (_, Some(b)) if qualifier(&toks[b..j]).1 == 1 => qualifier(&toks[b..j]).0,
                    _ => Qual::Exact,
                };
                return Some((n, if vague { Qual::AtLeast } else { q }, j));
            }
        }
    }
    None
}

/// The named subject right before the verb at `verb`, e.g. "Malian Armed
/// Forces (FAMa)" in "The Malian Armed Forces (FAMa) said".
fn subject_before(toks: &[&str], verb: usize) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut skipped = false;
    let mut j = verb;
    while j > 0 {
        j -= 1;
        let t = toks[j];
        let c = core(t);
        if c.is_empty() || t.ends_with([',', ';', ':']) {
            break;
        }
        let adverb = c.len() > 2
            && c.is_char_boundary(c.len() - 2)
            && c[c.len() - 2..].eq_ignore_ascii_case("ly");
        if words.is_empty() && !skipped && (adverb || is_one(c, &["also", "later"])) {
            skipped = true;
            continue;
        }
        let cap = c.chars().next().is_some_and(char::is_uppercase);
        let keyword = is_one(c, SUBJECT_KEYWORDS);
        let connector = is_one(c, CONNECTORS) && !words.is_empty();
        if !(cap || keyword || connector) {
            break;
        }
        words.push(t);
        if t.starts_with('(') && !t.contains(')') {
            break;
        }
    }
    words.reverse();
    while words.first().is_some_and(|w| is_one(w, LEADING_NOISE)) {
        words.remove(0);
    }
    let s = words.join(" ");
    let s = s.trim_end_matches([',', ';', ':', '.']);
    let s = if s.starts_with('(') && !s.contains(')') {
        &s[1..]
    } else {
        s
    };
    (!s.is_empty()).then(|| s.to_string())
}

fn clip(s: &str) -> String {
    let s = s.trim();
    if s.len() <= 300 {
        // At most 300 bytes: at most 300 characters.
        return s.to_string();
    }
    match s.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Claims found in `notes`, in order, without duplicates.
pub fn extract_claims(notes: &str) -> Vec<Claim> {
    extract(notes, true)
}

/// `skip`: leave out sentences without a trigger (same result, faster;
/// tests compare both).
fn extract(notes: &str, skip: bool) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    if !may_hold_claim(notes) {
        return out;
    }
    let triggers = match skip {
        true => trigger_positions(notes).unwrap_or_default(),
        false => Vec::new(),
    };
    for (start, sentence) in sentences(notes) {
        let end = start + sentence.len();
        if skip && !triggers.iter().any(|&p| (start..end).contains(&p)) {
            continue;
        }
        let toks = words(sentence);
        let mut last_subject: Option<String> = None;
        let mut i = 0;
        while i < toks.len() {
            let verb = core(toks[i]);
            let neutralize = one_of(verb, NEUTRALIZE);
            if !neutralize && !one_of(verb, CLAIM_VERBS) {
                i += 1;
                continue;
            }
            let subject = match subject_before(&toks, i) {
                Some(s) => Some(s),
                None if i > 0 && is_one(toks[i - 1], &["and"]) => last_subject.clone(),
                None => None,
            };
            let Some(subject) = subject else {
                i += 1;
                continue;
            };
            last_subject = Some(subject.clone());
            let claimant = match classify(&subject) {
                Some(Claimant::Government) => Claimant::Government,
                Some(_) if neutralize => Claimant::Other,
                Some(c) => c,
                None => Claimant::Other,
            };
            if claimant == Claimant::Other {
                i += 1;
                continue;
            }
            let from = if neutralize { i } else { i + 1 };
            let window = &toks[from..toks.len().min(i + 18)];
            let mut claim = Claim::new(claimant, subject, None);
            let mut next = i + 1;
            if let Some((n, q, at)) = find_figure(window) {
                match q {
                    Qual::Exact => claim.best = Some(n),
                    Qual::AtLeast => claim.low = Some(n),
                    Qual::AtMost => claim.high = Some(n),
                }
                claim.note = Some(clip(sentence));
                next = from + at + 1;
            } else if is_one(toks[i], &["claimed", "claims"])
                && matches!(claimant, Claimant::ArmedGroup | Claimant::Government)
                && toks
                    .get(i + 1)
                    .is_some_and(|t| !is_one(t, &["responsibility"]))
            {
                claim.note = Some(clip(&toks[i..].join(" ")));
            } else {
                i += 1;
                continue;
            }
            if !out.iter().any(|c| {
                c.claimant == claim.claimant
                    && c.source == claim.source
                    && c.range() == claim.range()
            }) {
                out.push(claim);
            }
            i = next;
        }
    }
    out
}

#[cfg(test)]
#[path = "notes_tests.rs"]
mod tests;
