"""Web Push messages: RFC 8291 encryption (aes128gcm, RFC 8188) and RFC 8292 VAPID, on the
`cryptography` package the project already locks.

No Django here: the keys and the subject are arguments. Why not pywebpush or http_ece: both need
http_ece, which PyPI carries only as a source archive, and the Lambda image installs wheels only
(requirements/install-runtime.sh); the two RFCs' steps fit in this module.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

RECORD_SIZE = 4096
# One record holds the message: the record size less the header's worst case (86 bytes), the
# delimiter (1) and the tag (16). Push services accept 4096 bytes of body.
MAX_PAYLOAD_BYTES = RECORD_SIZE - 86 - 1 - 16
VAPID_LIFETIME_SECONDS = 12 * 3600  # RFC 8292: at most 24 hours
TOPIC_MAX_LENGTH = 32  # RFC 8030 5.4


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode base64url with or without padding; ValueError on anything else."""
    cleaned = text.strip()
    if not cleaned or any(c not in _B64URL for c in cleaned.rstrip("=")):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(cleaned.rstrip("=") + "=" * (-len(cleaned.rstrip("=")) % 4))


_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _hmac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def _point(public_key: ec.EllipticCurvePublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def receiver_key(p256dh: str) -> ec.EllipticCurvePublicKey:
    """The browser's P-256 key from the subscription's `p256dh`; ValueError if it is not one."""
    raw = b64url_decode(p256dh)
    if len(raw) != 65 or raw[0] != 4:
        raise ValueError("p256dh must be an uncompressed P-256 point")
    return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)


def auth_secret(auth: str) -> bytes:
    raw = b64url_decode(auth)
    if len(raw) != 16:
        raise ValueError("auth must be 16 bytes")
    return raw


def encrypt(
    payload: bytes,
    *,
    p256dh: str,
    auth: str,
    sender_key: ec.EllipticCurvePrivateKey | None = None,
    salt: bytes | None = None,
) -> bytes:
    """The aes128gcm body of a push message to the subscription with these keys (RFC 8291 3.4).

    `sender_key` and `salt` are fresh for every message; tests may fix them."""
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"a push message holds at most {MAX_PAYLOAD_BYTES} bytes")
    ua_public = receiver_key(p256dh)
    secret = auth_secret(auth)
    as_private = sender_key or ec.generate_private_key(ec.SECP256R1())
    salt = salt if salt is not None else os.urandom(16)
    ua_point = _point(ua_public)
    as_point = _point(as_private.public_key())
    ecdh_secret = as_private.exchange(ec.ECDH(), ua_public)
    prk_key = _hmac(secret, ecdh_secret)
    ikm = _hmac(prk_key, b"WebPush: info\x00" + ua_point + as_point + b"\x01")
    prk = _hmac(salt, ikm)
    cek = _hmac(prk, b"Content-Encoding: aes128gcm\x00\x01")[:16]
    nonce = _hmac(prk, b"Content-Encoding: nonce\x00\x01")[:12]
    ciphertext = AESGCM(cek).encrypt(nonce, payload + b"\x02", None)
    header = salt + struct.pack("!IB", RECORD_SIZE, len(as_point)) + as_point
    return header + ciphertext


@dataclass(frozen=True)
class Vapid:
    """The application server's identity: its P-256 key and a contact (`mailto:` or https)."""

    private_key: ec.EllipticCurvePrivateKey
    subject: str

    @classmethod
    def from_settings(cls, private_key: str, subject: str) -> Vapid:
        """From the raw 32-byte private scalar in base64url (as `web-push generate-vapid-keys`
        prints it) or a PEM key."""
        if private_key.lstrip().startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(private_key.encode(), password=None)
            if not isinstance(key, ec.EllipticCurvePrivateKey):
                raise ValueError("the VAPID key must be a P-256 key")
            return cls(private_key=key, subject=subject)
        scalar = int.from_bytes(b64url_decode(private_key), "big")
        return cls(private_key=ec.derive_private_key(scalar, ec.SECP256R1()), subject=subject)

    @property
    def public_key(self) -> str:
        """The application server key browsers subscribe with (base64url, uncompressed point)."""
        return b64url_encode(_point(self.private_key.public_key()))

    def authorization(self, endpoint: str, *, now: float | None = None) -> str:
        """The `Authorization: vapid t=..., k=...` value for a request to `endpoint`."""
        parts = urlsplit(endpoint)
        claims = {
            "aud": f"{parts.scheme}://{parts.netloc}",
            "exp": int((now if now is not None else time.time()) + VAPID_LIFETIME_SECONDS),
            "sub": self.subject,
        }
        header = {"typ": "JWT", "alg": "ES256"}
        signing_input = ".".join(
            b64url_encode(json.dumps(part, separators=(",", ":")).encode())
            for part in (header, claims)
        )
        der = self.private_key.sign(signing_input.encode("ascii"), ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
        return f"vapid t={signing_input}.{b64url_encode(signature)}, k={self.public_key}"


def generate_private_key() -> str:
    """A new VAPID private key as base64url of its 32-byte scalar."""
    key = ec.generate_private_key(ec.SECP256R1())
    return b64url_encode(key.private_numbers().private_value.to_bytes(32, "big"))


@dataclass(frozen=True)
class PushRequest:
    """A ready push: POST `body` with `headers` to `endpoint` (what the relay is handed)."""

    endpoint: str
    headers: dict[str, str]
    body: bytes

    def relay_event(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "headers": self.headers,
            "body_b64": base64.b64encode(self.body).decode("ascii"),
        }


def push_request(
    *,
    endpoint: str,
    p256dh: str,
    auth: str,
    message: dict[str, Any],
    vapid: Vapid,
    ttl_seconds: int,
    topic: str,
    urgency: str = "normal",
) -> PushRequest:
    """The encrypted, signed request that delivers `message` (as JSON) to one subscription."""
    if len(topic) > TOPIC_MAX_LENGTH or any(c not in _B64URL for c in topic):
        raise ValueError("a topic is at most 32 base64url characters")
    body = encrypt(json.dumps(message, separators=(",", ":")).encode(), p256dh=p256dh, auth=auth)
    headers = {
        "Authorization": vapid.authorization(endpoint),
        "Content-Encoding": "aes128gcm",
        "Content-Type": "application/octet-stream",
        "TTL": str(ttl_seconds),
        "Urgency": urgency,
        "Topic": topic,
    }
    return PushRequest(endpoint=endpoint, headers=headers, body=body)
