//! The WebAssembly build's memory allocator: power-of-two size classes with a free list each.
//!
//! A lint makes thousands of small, short-lived allocations (words, strings, vectors). Under
//! std's default (dlmalloc, with its bins, splitting and coalescing) they cost about 15 % of a
//! lint in WebAssembly. Here an allocation is a pop from its class's free list and a
//! deallocation a push, and dlmalloc's code leaves the .wasm.
//!
//! - Classes are powers of two from 8 bytes up. A block is aligned to its class size (classes
//!   below 64 KiB are cut from whole 64 KiB pages, larger ones are whole pages), so any
//!   alignment up to the size is met.
//! - Memory is never handed back: WebAssembly memory cannot shrink anyway. Freed blocks are
//!   reused by the next allocation of the same class, so repeated lints of a file run in the
//!   same memory; at most half of a block is unused.
//! - WebAssembly here is single-threaded (no `atomics` target feature), so the free lists
//!   need no lock.

#![expect(
    unsafe_code,
    reason = "a global allocator hands out raw memory; this module is the only unsafe code"
)]

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr;

const PAGE: usize = 65_536;
/// The smallest class holds a free-list link (a pointer, 4 bytes on wasm32) with room to spare.
const MIN_CLASS: usize = 3;
const CLASSES: usize = usize::BITS as usize;

pub struct SizeClasses {
    /// Head of each class's free list; a free block's first word links to the next.
    free: UnsafeCell<[*mut u8; CLASSES]>,
}

// SAFETY: the wasm32-unknown-unknown build has no threads, so there is no concurrent access.
unsafe impl Sync for SizeClasses {}

impl SizeClasses {
    pub const fn new() -> Self {
        Self {
            free: UnsafeCell::new([ptr::null_mut(); CLASSES]),
        }
    }
}

/// The class (log2 of the block size) for a layout, `None` if it cannot exist.
#[inline(always)]
fn class_of(size: usize, align: usize) -> Option<usize> {
    let need = size.max(align).max(1 << MIN_CLASS);
    // ⌈log2(need)⌉ is the bit length of `need - 1` (no call to `next_power_of_two`).
    let k = (usize::BITS - (need - 1).leading_zeros()) as usize;
    (k < CLASSES).then_some(k)
}

/// `pages` fresh 64 KiB pages, or null when memory cannot grow.
fn grow(pages: usize) -> *mut u8 {
    let previous = core::arch::wasm32::memory_grow(0, pages);
    if previous == usize::MAX {
        return ptr::null_mut();
    }
    // The pages exist from here on; like dlmalloc, address them by their integer position.
    ptr::with_exposed_provenance_mut(previous * PAGE)
}

// SAFETY: blocks are disjoint (each is on at most one free list or handed out once), sized and
// aligned to their class, and `dealloc`/`realloc` receive the layout the block was allocated with.
unsafe impl GlobalAlloc for SizeClasses {
    // Inlined into the `__rust_alloc`/`__rust_dealloc` shims: one call per allocation, not three.
    #[inline(always)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(k) = class_of(layout.size(), layout.align()) else {
            return ptr::null_mut();
        };
        // SAFETY: single-threaded, and no other reference to the lists is alive.
        let free = unsafe { &mut *self.free.get() };
        let head = free[k];
        if !head.is_null() {
            // SAFETY: `head` is a free block of this class; its first word is the link.
            free[k] = unsafe { head.cast::<*mut u8>().read() };
            return head;
        }
        let size = 1usize << k;
        if size >= PAGE {
            return grow(size / PAGE);
        }
        // Cut a fresh page into blocks: hand out the first, list the others.
        let page = grow(1);
        if page.is_null() {
            return page;
        }
        let mut offset = PAGE;
        while offset > size {
            offset -= size;
            // SAFETY: `offset < PAGE`, so the block lies inside the page just obtained.
            unsafe {
                let block = page.add(offset);
                block.cast::<*mut u8>().write(free[k]);
                free[k] = block;
            }
        }
        page
    }

    #[inline(always)]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(k) = class_of(layout.size(), layout.align()) else {
            return;
        };
        // SAFETY: single-threaded; `block` came from `alloc` with this layout, so it is at
        // least a pointer in size and aligned for one.
        unsafe {
            let free = &mut *self.free.get();
            block.cast::<*mut u8>().write(free[k]);
            free[k] = block;
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Growing or shrinking within the block's class keeps the block.
        if class_of(layout.size(), layout.align()) == class_of(new_size, layout.align()) {
            return block;
        }
        // SAFETY: the caller guarantees `new_size` with this alignment is a valid layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: as for `alloc`; the copy stays within both blocks.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }
}
