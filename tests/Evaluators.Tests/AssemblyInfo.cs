// Torch state (seeds, thread count, live-tensor counters) is process-wide: run these tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
