//! The module's allocator: a rewound arena during `dg_call` (docs/wasm-abi.md).
//!
//! One call decodes its arguments, computes and encodes its result with
//! many short-lived allocations. During a call they bump a pointer through
//! one reused chunk instead of going through `malloc`/`free`; outside a
//! call, and for what does not fit the chunk, the system allocator serves.
//! The chunk is rewound when the next call starts, provided every
//! allocation made in it has been freed. One that survives (a lazily built
//! constant) pins the chunk: it is retired (never reused, its pointers still
//! recognised) and a fresh chunk is taken, so the memory a loop of calls
//! uses stays fixed once every constant has been built. After
//! `MAX_RETIRED` retirements the arena is off for good (the system
//! allocator only).
//!
//! Only on wasm32, where the module is single-threaded.

#[cfg(target_arch = "wasm32")]
pub use arena::{begin, pause};

/// Elsewhere (a native build of the crate): nothing to do.
#[cfg(not(target_arch = "wasm32"))]
pub fn begin() {}

/// Elsewhere (a native build of the crate): nothing to do.
#[cfg(not(target_arch = "wasm32"))]
pub fn pause() {}

#[cfg(target_arch = "wasm32")]
mod arena {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::UnsafeCell;

    const CHUNK: usize = 64 * 1024;

    /// The first chunk, part of the module's memory from the start (so the
    /// first call does not grow memory); later ones come from `System`.
    #[repr(align(16))]
    struct First(UnsafeCell<[u8; CHUNK]>);
    // SAFETY: single-threaded, see `Arena`.
    unsafe impl Sync for First {}
    static FIRST: First = First(UnsafeCell::new([0; CHUNK]));
    const MAX_RETIRED: usize = 32;

    struct State {
        start: usize,
        end: usize,
        next: usize,
        /// Allocations in the current chunk not yet freed.
        live: usize,
        active: bool,
        off: bool,
        retired: [(usize, usize); MAX_RETIRED],
        retired_count: usize,
        first_used: bool,
    }

    struct Arena {
        state: UnsafeCell<State>,
    }

    // SAFETY: wasm32-wasip1 modules run on one thread; no reentrancy either (the
    // allocator never calls back into itself while holding `state`).
    unsafe impl Sync for Arena {}

    #[global_allocator]
    static ARENA: Arena = Arena {
        state: UnsafeCell::new(State {
            start: 0,
            end: 0,
            next: 0,
            live: 0,
            active: false,
            off: false,
            retired: [(0, 0); MAX_RETIRED],
            retired_count: 0,
            first_used: false,
        }),
    };

    impl State {
        fn in_chunk(&self, at: usize) -> bool {
            self.start <= at && at < self.end
        }

        fn in_retired(&self, at: usize) -> bool {
            self.retired[..self.retired_count].iter().any(|&(start, end)| start <= at && at < end)
        }

        /// Room for `layout` in the current chunk, if the arena is active and it fits.
        fn bump(&mut self, layout: Layout) -> Option<usize> {
            if !self.active || layout.size() == 0 {
                return None;
            }
            let at = self.next.checked_add(layout.align() - 1)? & !(layout.align() - 1);
            let next = at.checked_add(layout.size())?;
            if next > self.end {
                return None;
            }
            self.next = next;
            self.live += 1;
            Some(at)
        }
    }

    /// Starts a call: rewinds (or retires) the chunk and turns the arena on.
    pub fn begin() {
        // SAFETY: single-threaded; no other borrow of the state is alive.
        let s = unsafe { &mut *ARENA.state.get() };
        if s.off {
            return;
        }
        if s.live != 0 {
            if s.retired_count == MAX_RETIRED {
                s.off = true;
                return;
            }
            s.retired[s.retired_count] = (s.start, s.end);
            s.retired_count += 1;
            s.start = 0;
            s.end = 0;
            s.live = 0;
        }
        if s.start == 0 {
            let chunk = if s.first_used {
                // SAFETY: a non-zero size and a valid alignment.
                unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, 16)) as usize }
            } else {
                s.first_used = true;
                FIRST.0.get() as usize
            };
            if chunk == 0 {
                s.off = true;
                return;
            }
            s.start = chunk;
            s.end = chunk + CHUNK;
        }
        s.next = s.start;
        s.active = true;
    }

    /// Ends a call's allocations: what follows goes to the system allocator.
    pub fn pause() {
        // SAFETY: as in `begin`.
        unsafe { (*ARENA.state.get()).active = false };
    }

    unsafe impl GlobalAlloc for Arena {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // SAFETY: single-threaded; the borrow ends before any other call.
            let s = unsafe { &mut *self.state.get() };
            match s.bump(layout) {
                Some(at) => at as *mut u8,
                // SAFETY: the caller's layout contract is passed on.
                None => unsafe { System.alloc(layout) },
            }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: as in `alloc`.
            let s = unsafe { &mut *self.state.get() };
            let at = ptr as usize;
            if s.in_chunk(at) {
                s.live -= 1;
                if at + layout.size() == s.next {
                    s.next = at; // the latest allocation: its room is reused at once
                }
            } else if !s.in_retired(at) {
                // SAFETY: not ours, so the system allocator's.
                unsafe { System.dealloc(ptr, layout) }
            }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            // SAFETY: as in `alloc`.
            let s = unsafe { &mut *self.state.get() };
            let at = ptr as usize;
            if s.in_chunk(at) {
                if at + layout.size() == s.next && at.checked_add(new_size).is_some_and(|end| end <= s.end) {
                    s.next = at + new_size; // the latest allocation grows (or shrinks) in place
                    return ptr;
                }
                if new_size <= layout.size() {
                    return ptr;
                }
            } else if !s.in_retired(at) {
                // SAFETY: not ours, so the system allocator's.
                return unsafe { System.realloc(ptr, layout, new_size) };
            }
            // SAFETY: `new_size` is non-zero and fits the alignment (the caller's contract).
            let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
            // SAFETY: as above; on success the old block is copied and released.
            unsafe {
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                new
            }
        }
    }
}
