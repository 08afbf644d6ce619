"""Rules on markup that is broken or renders other than written (WL4xx)."""
