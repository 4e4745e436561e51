"""The accounts API, one module per concern; urls.py routes them. The package imports none of
them: accounts.urls imports the session's views and leaves the others to their first request
(core.lazy_views), so a cold start does not load sign-up, recovery, email change, API tokens or
passkeys."""
