"""`make image-check`: the image's dependencies, installed as the Dockerfile installs them, run the
product's handler with the production settings against stand-ins for AWS.

1. backend/requirements/install-runtime.sh into an empty folder (the same script and flags as the
   Dockerfile), with the given interpreter; its size is printed and must stay under --max-mb.
   The backend is copied as the image gets it (the files .dockerignore lets into the build
   context, without requirements/) and collectstatic runs as in the Dockerfile.
2. A moto server holds the secret key and the Aurora-style master secret (the migration function's
   configuration); the database is a local PostgreSQL (see below) behind a small TLS proxy whose
   self-signed certificate stands for the RDS CA bundle: the production settings verify the
   database's certificate and host name (verify-full) and the local server has no TLS.
3. A fresh interpreter with only that folder and the backend on its path (-S: no site-packages,
   no virtualenv) imports lambda_handler, serves /health/deep/, runs `migrate` through the handler
   and answers a warm-up, and reports every module it loaded from anywhere else.

The PostgreSQL server is DATABASE_URL's when it names one (CI sets it), else
postgres@127.0.0.1:5432 with trust authentication. Under CI=true a missing tool or service
(PostgreSQL, Redis) is a failure; elsewhere a missing PostgreSQL or Redis is reported and the
check asserts what it still can.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import json
import os
import re
import shutil
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import boto3
import psycopg
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

BACKEND = Path(__file__).resolve().parent.parent
ROOT = BACKEND.parent
INSTALL_SCRIPT = BACKEND / "requirements" / "install-runtime.sh"
PROBE = BACKEND / "tooling" / "bench" / "lambda_probe.py"
CI = os.environ.get("CI", "").lower() == "true"
REGION = "us-east-1"
DATABASE = "image_check"
SECRET_KEY = "image-check-" + "Zq4vN8wR2mK6pT1x" * 4
SSL_REQUEST, GSSENC_REQUEST = 80877103, 80877104


class CheckFailed(Exception):
    pass


@dataclass(frozen=True)
class Postgres:
    host: str = "127.0.0.1"
    port: int = 5432
    user: str = "postgres"
    password: str = "trust-auth-ignores-this"  # noqa: S105 - a local server's trust auth

    @classmethod
    def from_environment(cls) -> Postgres:
        parts = urlsplit(os.environ.get("DATABASE_URL", ""))
        if not parts.scheme.startswith("postgres"):
            return cls()
        return cls(
            host=parts.hostname or cls.host,
            port=parts.port or cls.port,
            user=unquote(parts.username or cls.user),
            password=unquote(parts.password or cls.password),
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def disk_usage_mb(folder: Path) -> float:
    """What du(1) reports: allocated blocks, not file lengths."""
    blocks = sum(path.lstat().st_blocks for path in folder.rglob("*"))
    return blocks * 512 / 1024 / 1024


def install(python: str, target: Path) -> float:
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 - our own install script
        [str(INSTALL_SCRIPT), str(target)], env={**os.environ, "PYTHON": python}, check=True
    )
    return disk_usage_mb(target)


def dockerignore_rules() -> list[tuple[bool, re.Pattern[str]]]:
    """(re-include?, pattern) per line of .dockerignore, in order."""
    rules = []
    for raw in (ROOT / ".dockerignore").read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = line.removeprefix("!").strip("/")
        regex = re.escape(pattern).replace(r"\[", "[").replace(r"\]", "]")
        regex = regex.replace(r"\*\*/", "(.*/)?").replace(r"\*\*", ".*")
        regex = regex.replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        rules.append((negate, re.compile(regex)))
    return rules


def in_build_context(relative: str, rules: list[tuple[bool, re.Pattern[str]]]) -> bool:
    """Docker's reading: the last line matching the path or one of its folders decides."""
    parts = relative.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    included = True
    for negate, pattern in rules:
        if any(pattern.fullmatch(candidate) for candidate in candidates):
            included = negate
    return included


def copy_backend_as_the_image_has_it(destination: Path) -> int:
    """The Dockerfile's COPY backend/ then rm -rf requirements; returns the file count."""
    shutil.rmtree(destination, ignore_errors=True)
    rules, dropped = dockerignore_rules(), {"requirements"}
    count = 0
    for path in sorted(BACKEND.rglob("*")):
        relative = path.relative_to(ROOT).as_posix()
        inside = path.relative_to(BACKEND).parts
        if path.is_dir() or inside[0] in dropped or not in_build_context(relative, rules):
            continue
        (destination / path.relative_to(BACKEND)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination / path.relative_to(BACKEND))
        count += 1
    return count


def collectstatic(python: str, packages: Path, app: Path) -> None:
    """As the Dockerfile runs it: settings that load, values that exist only for this command."""
    subprocess.run(  # noqa: S603 - our own tools
        [python, "-S", "-m", "django", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=app,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": f"{packages}{os.pathsep}{app}",
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "build-only-not-a-secret-exists-only-for-collectstatic-0000",
            "DJANGO_ALLOWED_HOSTS": "build",
            "DATABASE_URL": f"sqlite:///{app}/build.sqlite3",
        },
        check=True,
    )


# --- PostgreSQL over TLS ------------------------------------------------------------------------


def self_signed_context(folder: Path) -> ssl.SSLContext:
    """A TLS server context for `localhost`, whose certificate (cert.pem) is also the CA the
    probe verifies it with (verify-full, as against the RDS CA bundle in AWS)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return context


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass
    finally:
        writer.close()


def postgres_tls_proxy(context: ssl.SSLContext, upstream: Postgres) -> int:
    """Answer PostgreSQL's SSLRequest with TLS, then relay in clear to the local server."""

    async def relay(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        first = await reader.readexactly(8)
        while struct.unpack("!II", first) == (8, GSSENC_REQUEST):
            writer.write(b"N")
            first = await reader.readexactly(8)
        if struct.unpack("!II", first) == (8, SSL_REQUEST):
            writer.write(b"S")
            await writer.drain()
            await writer.start_tls(context)
            first = b""
        up_reader, up_writer = await asyncio.open_connection(upstream.host, upstream.port)
        up_writer.write(first)
        await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))

    port = free_port()
    loop = asyncio.new_event_loop()
    ready = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(asyncio.start_server(relay, "127.0.0.1", port))
        ready.set()
        loop.run_forever()

    threading.Thread(target=serve, daemon=True, name="postgres-tls-proxy").start()
    ready.wait(10)
    return port


def postgres_ready(server: Postgres) -> bool:
    """Create the check's database if it is missing; False when no PostgreSQL answers."""
    try:
        with psycopg.connect(
            host=server.host,
            port=server.port,
            user=server.user,
            password=server.password,
            dbname="postgres",
            connect_timeout=3,
            autocommit=True,
        ) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{DATABASE}"')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL on {server.host}:{server.port} does not answer: {type(error).__name__}")
        return False
    return True


def redis_ready(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


# --- AWS stand-in -------------------------------------------------------------------------------


@contextlib.contextmanager
def moto_server(venv_bin: Path) -> Iterator[str]:
    executable = venv_bin / "moto_server"
    if not executable.exists():
        raise CheckFailed(f"{executable} is missing: run `make venv` (moto[server] is in dev.txt)")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(  # noqa: S603 - our own scripts and tools
        [str(executable), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1).close()  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise CheckFailed("the moto server did not start") from None
                time.sleep(0.2)
        yield endpoint
    finally:
        process.terminate()
        process.wait(10)


def seed_aws(endpoint: str, redis_url: str, database: Postgres) -> dict[str, str]:
    """The secrets Terraform creates, as the production settings read them."""
    options: dict[str, Any] = {
        "endpoint_url": endpoint,
        "region_name": REGION,
        "aws_access_key_id": "testing",
        "aws_secret_access_key": "testing",
    }
    secrets = boto3.client("secretsmanager", **options)
    key_arn = secrets.create_secret(Name="habits/image-check/secret-key", SecretString=SECRET_KEY)
    database_arn = secrets.create_secret(
        Name="rds!cluster-image-check",
        SecretString=json.dumps({"username": database.user, "password": database.password}),
    )
    return {
        "DJANGO_SECRET_KEY_SECRET_ARN": key_arn["ARN"],
        "DATABASE_SECRET_ARN": database_arn["ARN"],
        "REDIS_URL": redis_url,
    }


# --- The check ----------------------------------------------------------------------------------


def probe(python: str, target: Path, app: Path, env: dict[str, str]) -> dict[str, Any]:
    isolated_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": f"{target}{os.pathsep}{app}",
        "PYTHONDONTWRITEBYTECODE": "1",
        **env,
    }
    with tempfile.TemporaryDirectory() as empty:  # nothing importable in the working directory
        result = subprocess.run(  # noqa: S603 - our own scripts and tools
            [python, "-S", "-s", str(PROBE), "image-check"],
            cwd=empty,
            env=isolated_env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    sys.stdout.write(result.stderr)  # the handler's JSON log lines
    if result.returncode != 0:
        raise CheckFailed(f"the handler failed in the isolated interpreter:\n{result.stdout}")
    return dict(json.loads(result.stdout.splitlines()[-1]))


def check(report: dict[str, Any], *, database: bool, cache: bool) -> list[str]:
    problems = []
    body = report["health_body"]
    if set(body) != {"status", "database", "cache"}:
        problems.append(f"/health/deep/ answered {body}, not the status document")
    if database and (report["health_status"], body.get("database")) != (200, "ok"):
        problems.append(f"/health/deep/ answered {report['health_status']} {body}, expected 200")
    if not database and report["health_status"] not in (200, 503):
        problems.append(f"/health/deep/ answered {report['health_status']}")
    if cache and body.get("cache") != "ok":
        problems.append(f"the cache is {body.get('cache')} through REDIS_URL")
    if database and report["migrate"]["exit_status"] != 0:
        problems.append(f"migrate through the handler failed: {report['migrate']['output']}")
    if report["warmup"] != {"warmup": True}:
        problems.append(f"the warm-up answered {report['warmup']}")
    if not report["request_id_echoed"]:
        problems.append("the response does not carry Lambda's request id")
    if report["foreign_modules"]:
        problems.append(f"modules loaded from outside the install: {report['foreign_modules']}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--python", required=True, help="the interpreter the image's runtime stands for"
    )
    parser.add_argument("--target", type=Path, required=True, help="the install folder (emptied)")
    parser.add_argument("--max-mb", type=float, default=80)
    parser.add_argument("--redis-port", type=int, default=6379)
    args = parser.parse_args()

    python = shutil.which(args.python)
    if python is None:
        raise CheckFailed(f"no interpreter {args.python}")
    version = subprocess.run(  # noqa: S603 - our own scripts and tools
        [python, "-S", "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"image-check: Python {version} at {python} (the image runs Python 3.12)")

    args.target = args.target.resolve()
    size = install(python, args.target)
    print(f"image-check: runtime install {size:.1f} MB on disk (du), budget {args.max_mb:.0f} MB")
    if size > args.max_mb:
        raise CheckFailed(f"the runtime install is {size:.1f} MB, over {args.max_mb:.0f} MB")

    app = args.target.parent / "app"
    files = copy_backend_as_the_image_has_it(app)
    collectstatic(python, args.target, app)
    print(f"image-check: {files} backend files in the build context; collectstatic done")

    postgres = Postgres.from_environment()
    has_postgres = postgres_ready(postgres)
    has_redis = redis_ready(args.redis_port)
    for name, present in (("PostgreSQL", has_postgres), ("Redis", has_redis)):
        if not present:
            if CI:
                raise CheckFailed(f"CI=true and {name} is not running on this machine")
            print(f"image-check: no {name}: checking what can be checked without it")

    with tempfile.TemporaryDirectory() as scratch, moto_server(Path(sys.executable).parent) as aws:
        proxy_port = postgres_tls_proxy(self_signed_context(Path(scratch)), postgres)
        env = {
            **seed_aws(aws, f"redis://127.0.0.1:{args.redis_port}/15", postgres),
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_ALLOWED_HOSTS": "abc123.execute-api.us-east-1.amazonaws.com,habits.example.com",
            "DJANGO_CSRF_TRUSTED_ORIGINS": "https://habits.example.com",
            "DATABASE_HOST": "localhost",
            "DATABASE_PORT": str(proxy_port),
            "DATABASE_NAME": DATABASE,
            "DATABASE_SSLROOTCERT": str(Path(scratch) / "cert.pem"),
            "MANAGE_COMMANDS": "migrate",
            "AWS_ENDPOINT_URL": aws,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": REGION,
        }
        report = probe(python, args.target, app, env)

    print(
        f"image-check: import {report['import_ms']} ms, first /health/ {report['first_request_ms']}"
        f" ms -> {report['health_status']} {json.dumps(report['health_body'])};"
        f" migrate exit {report['migrate']['exit_status']}"
    )
    problems = check(report, database=has_postgres, cache=has_redis)
    for problem in problems:
        print(f"image-check: FAILED: {problem}", file=sys.stderr)
    if not problems:
        print("image-check: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckFailed as error:
        print(f"image-check: FAILED: {error}", file=sys.stderr)
        sys.exit(1)
