//! A small, fast, non-cryptographic hasher (the "Fx" hash used in rustc)
//! for the string-keyed maps of the importers and the store. Inputs are
//! local files, so hash flooding is not a concern.

use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits (which hashbrown uses to pick a
        // bucket) depending only on the low input bits; rotate the well
        // mixed high bits down, as rustc-hash 2 does.
        self.hash.rotate_left(26)
    }
}

pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuildHasher>;
pub type FxHashSet<K> = std::collections::HashSet<K, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn distinguishes_lengths_and_content() {
        let h = |s: &str| FxBuildHasher::default().hash_one(s);
        assert_ne!(h("a"), h("a\0"));
        assert_ne!(h("MLI1"), h("MLI2"));
        assert_eq!(h("Mali"), h("Mali"));
        // ids differing only past the first byte must spread over buckets
        let low: std::collections::HashSet<u64> =
            (0..1000).map(|i| h(&format!("X{i}")) & 0xff).collect();
        assert!(low.len() > 200, "{}", low.len());
    }
}
