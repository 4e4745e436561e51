"""The Web Push (VAPID) key pair derived from the Django secret key, so production needs no
secret of its own for it (docs/CONTRACT_NOTES.md): the API function gives browsers the public half
and the reminder sender signs with the private half, both from the key they already read.

HKDF-SHA256 (RFC 5869) with a label of its own, so the derived key tells nothing about the secret
key or anything else derived from it. The 32 bytes become a P-256 scalar in [1, n - 1]: reducing
256 bits modulo n - 1 skews the distribution by less than 2^-128 (n is within 2^-128 of 2^256).
Rotating the secret key rotates this pair: push services refuse the old subscriptions until each
browser subscribes again (Settings, "Notifications on this device"). Standard library only:
settings import it at a cold start.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

# Order of the P-256 group (SEC 2, secp256r1).
P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
SALT = b"habits.config.vapid"
INFO = b"web push VAPID P-256 private key, v1"


def hkdf_sha256(key_material: bytes, *, salt: bytes, info: bytes, length: int) -> bytes:
    pseudo_random_key = hmac.new(salt, key_material, hashlib.sha256).digest()
    output, block = b"", b""
    for counter in range(1, -(-length // hashlib.sha256().digest_size) + 1):
        message = block + info + bytes([counter])
        block = hmac.new(pseudo_random_key, message, hashlib.sha256).digest()
        output += block
    return output[:length]


def derived_private_key(secret_key: str) -> str:
    """The VAPID private key (base64url of its 32-byte scalar) that belongs to `secret_key`."""
    if not secret_key:
        raise ValueError("a VAPID key needs a secret key to derive from")
    material = hkdf_sha256(secret_key.encode(), salt=SALT, info=INFO, length=32)
    scalar = int.from_bytes(material, "big") % (P256_ORDER - 1) + 1
    return base64.urlsafe_b64encode(scalar.to_bytes(32, "big")).rstrip(b"=").decode()
