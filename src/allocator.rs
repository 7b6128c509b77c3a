//! The process's memory allocator policy: glibc's malloc, told to keep freed memory for the next
//! build instead of giving it back to the kernel.
//!
//! Why: a cluster build (and a risk rescore, an import) allocates and frees arrays of tens of MB.
//! By default glibc serves blocks above its mmap threshold (at most 32 MiB) with a fresh `mmap`,
//! unmaps them on free, and trims the heap's free top above 128 KiB, so every rebuild faults
//! its pages in again: on 1M points about 11,000 page faults and 30 ms of kernel time per build
//! (both threads together). Served from the heap with its free top kept, a rebuild reuses
//! mapped pages: about 600 faults and 5 ms. Measured in `BENCHMARKS.md`.
//!
//! What this costs: memory freed stays with the process up to `TRIM_THRESHOLD` (memory freed
//! in the middle of the heap was never returned anyway). Transparent huge pages for the large
//! blocks were measured too and not kept: ~5% faster warm, but the first build in a process
//! varied between 130 and 440 ms while the kernel compacted memory for them.

/// The free top of the heap kept before trimming (bytes).
const TRIM_THRESHOLD: i32 = 512 << 20;
/// Extra the heap grows by each time it grows (address space; pages are mapped when touched).
const TOP_PAD: i32 = 64 << 20;

/// Sets the policy above. Call once, first thing in `main` (and in benchmarks). A no-op where
/// the allocator is not glibc's.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes glibc malloc's tuning parameters; it takes plain integers,
    // is thread-safe, and fails (returns 0) without effect on a bad value.
    unsafe {
        libc::mallopt(libc::M_MMAP_MAX, 0);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        libc::mallopt(libc::M_TOP_PAD, TOP_PAD);
    }
}
