"""Password hashing: Argon2id at the parameters OWASP's Password Storage Cheat Sheet gives as its
first choice (cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html: "Argon2id
with a minimum configuration of 19 MiB of memory, an iteration count of 2, and 1 degree of
parallelism").

Django's own Argon2 hasher defaults to 100 MiB and parallelism 8, sized for a server with cores to
spare; a Lambda instance serves one request at a time on a fraction of a core, where eight lanes
only queue. One lane and 19 MiB keep a sign-in within its 250 ms budget (`make bench-signin`).
Hashes made with other parameters or another hasher (PBKDF2, before) are re-made at the next
successful sign-in: Django re-hashes when the first hasher is not the one, or not at the
parameters, that made the stored hash.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
