//! A large delivery is read on every core: its rows are independent until duplicates are looked for.

use std::thread::{self, ScopedJoinHandle};

/// How many parts to cut work of `units` units into: one per core, at most one per unit.
pub(super) fn parts_for(units: usize) -> usize {
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    units.clamp(1, cores)
}

/// `work` on each item, the first on this thread and the others each on a thread of its own; the
/// results in the order of the items.
pub(super) fn map<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let mut items = items.into_iter();
    let Some(first) = items.next() else {
        return Vec::new();
    };
    thread::scope(|scope| {
        let work = &work;
        let others: Vec<_> = items.map(|item| scope.spawn(move || work(item))).collect();
        let mut results = vec![work(first)];
        results.extend(others.into_iter().map(joined));
        results
    })
}

/// `items` cut into consecutive runs, one per core, for a thread each to work through in order.
pub(super) fn runs<T>(items: Vec<T>) -> Vec<Vec<T>> {
    let size = items.len().div_ceil(parts_for(items.len()));
    let mut items = items.into_iter();
    std::iter::from_fn(|| Some(items.by_ref().take(size).collect::<Vec<T>>()))
        .take_while(|run| !run.is_empty())
        .collect()
}

/// `first` on another thread while `second` runs on this one.
pub(super) fn both<A: Send, B>(
    first: impl FnOnce() -> A + Send,
    second: impl FnOnce() -> B,
) -> (A, B) {
    thread::scope(|scope| {
        let first = scope.spawn(first);
        let second = second();
        (joined(first), second)
    })
}

/// Sorts parts on every core, then merges them: the stable sort finds the sorted runs.
pub(super) fn sort<T: Ord + Send>(items: &mut [T]) {
    let part = items
        .len()
        .div_ceil(parts_for(items.len() / SORTED_PER_PART));
    map(
        items.chunks_mut(part.max(1)).collect(),
        <[T]>::sort_unstable,
    );
    items.sort();
}

/// Items worth sorting on another core.
const SORTED_PER_PART: usize = 100_000;

/// A thread's result; its panic goes on in this thread.
fn joined<T>(thread: ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
