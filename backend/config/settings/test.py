"""The test suite: the local settings with a fast password hasher and no demo data."""

from .local import *  # noqa: F403

DEMO_DATA = False
# Import jobs run in the request that queues them, so a test sees their end at once.
IMPORT_RUNNER = "inline"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SERVE_FRONTEND = True

# Room for the concurrency tests' 20 simultaneous requests (each thread holds its own connection).
if "pool" in DATABASES["default"].get("OPTIONS", {}):
    DATABASES["default"]["OPTIONS"]["pool"]["max_size"] = 25
# The tests' push endpoint is a local HTTP server.
PUSH_ALLOW_ANY_ENDPOINT = True
