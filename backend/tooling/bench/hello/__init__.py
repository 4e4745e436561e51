"""The baseline of `make bench-cold-start`: a bare Django + DRF + Mangum hello-world."""
