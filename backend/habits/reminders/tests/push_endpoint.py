"""A local push service for the tests: an HTTP server that receives what the sender POSTs,
checks the VAPID signature (RFC 8292) and decrypts the aes128gcm body (RFC 8291) with the
subscription's private key, written here from the RFCs independently of habits.reminding.webpush."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def point(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


@dataclass
class Browser:
    """A subscribed browser: its P-256 key pair and auth secret, as PushManager makes them."""

    private_key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    @property
    def keys(self) -> dict[str, str]:
        return {"p256dh": b64url(point(self.private_key.public_key())), "auth": b64url(self.auth)}

    def decrypt(self, body: bytes) -> bytes:
        salt, record_size, id_length = body[:16], *struct.unpack("!IB", body[16:21])
        sender = ec.EllipticCurvePublicKey.from_encoded_point(
            ec.SECP256R1(), body[21 : 21 + id_length]
        )
        ciphertext = body[21 + id_length :]
        assert len(ciphertext) <= record_size
        ua_point = point(self.private_key.public_key())
        shared = self.private_key.exchange(ec.ECDH(), sender)

        def hkdf(salt: bytes, ikm: bytes, info: bytes, length: int) -> bytes:
            prk = hmac.new(salt, ikm, hashlib.sha256).digest()
            return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()[:length]

        ikm = hkdf(self.auth, shared, b"WebPush: info\x00" + ua_point + point(sender), 32)
        key = hkdf(salt, ikm, b"Content-Encoding: aes128gcm\x00", 16)
        nonce = hkdf(salt, ikm, b"Content-Encoding: nonce\x00", 12)
        plaintext = AESGCM(key).decrypt(nonce, ciphertext, None)
        unpadded = plaintext.rstrip(b"\x00")
        assert unpadded.endswith(b"\x02"), "the last record ends with the delimiter 2"
        return unpadded[:-1]


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    """Lower-case names (HTTP's are case-insensitive)."""
    body: bytes


class PushEndpoint:
    """Answers `status_for[path]` (201 by default) and records every request."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.status_for: dict[str, int] = {}
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                endpoint.received.append(
                    Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                self.send_response(endpoint.status_for.get(self.path, 201))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.origin + path

    def message(self, received: Received, browser: Browser, *, public_key: str) -> dict[str, Any]:
        """Check the request as a push service and the browser would; the decrypted JSON."""
        assert received.headers["content-encoding"] == "aes128gcm"
        assert received.headers["urgency"] == "normal"
        assert 0 < int(received.headers["ttl"]) <= 3600
        self.check_vapid(received.headers["authorization"], public_key=public_key)
        result: dict[str, Any] = json.loads(browser.decrypt(received.body))
        assert received.headers["topic"] == result["tag"]
        return result

    def check_vapid(self, authorization: str, *, public_key: str) -> None:
        scheme, _, rest = authorization.partition(" ")
        assert scheme == "vapid"
        params = dict(part.strip().split("=", 1) for part in rest.split(","))
        assert params["k"] == public_key
        header_b64, claims_b64, signature_b64 = params["t"].split(".")
        key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(params["k"]))
        signature = unb64url(signature_b64)
        der = encode_dss_signature(
            int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        )
        try:
            key.verify(der, f"{header_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            pytest.fail("the VAPID signature does not verify")
        assert json.loads(unb64url(header_b64)) == {"typ": "JWT", "alg": "ES256"}
        claims = json.loads(unb64url(claims_b64))
        assert claims["aud"] == self.origin
        assert time.time() < claims["exp"] <= time.time() + 24 * 3600
        assert claims["sub"].startswith("mailto:")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def push_endpoint() -> Iterator[PushEndpoint]:
    endpoint = PushEndpoint()
    yield endpoint
    endpoint.close()
