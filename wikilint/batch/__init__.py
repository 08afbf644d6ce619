"""Running many inputs: one input under the time guard, the process pool, Dask, the result
cache, baselines, live wiki pages and folder walks."""
