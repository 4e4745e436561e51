"""Imports as jobs: the file goes to a store (S3 straight from the browser in AWS, a local folder
otherwise), a job reads it outside the request that asked for it, with progress, and lands whole or
not at all."""
