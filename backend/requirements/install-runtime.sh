#!/usr/bin/env bash
# Install the Lambda's locked runtime requirements into TARGET, then prune what the function never
# uses. The one way they are installed: the Dockerfile and `make image-check` both run this file.
#
#   backend/requirements/install-runtime.sh TARGET        (PYTHON picks the interpreter; default python3)
#
# --no-deps: runtime.txt is the complete locked set (pip-compile), so nothing outside it comes in.
# --only-binary: wheels only, no compiler at build time. runtime.txt carries no hashes, so
# --require-hashes is not used (it would need `pip-compile --generate-hashes` in `make lock`).
# pip compiles every module to .pyc as it installs (its default): /var/task is read-only in
# Lambda, and bytecode not compiled at build time would be compiled again on every cold start.
# The pruning is Python rather than find(1): the Lambda base image is a minimal Amazon Linux.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 TARGET" >&2
    exit 2
fi
target=$1
python=${PYTHON:-python3}
requirements="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/requirements/runtime.txt"

mkdir -p "$target"
"$python" -m pip install --quiet --no-cache-dir --disable-pip-version-check --no-deps \
    --only-binary=:all: --root-user-action=ignore --target "$target" --requirement "$requirements"

"$python" - "$target" <<'PRUNE'
import shutil
import sys
from pathlib import Path

target = Path(sys.argv[1])
# The AWS services the function calls (config.aws; config.iam_tokens signs Aurora tokens with an
# RDS client; outbox.transports sends mail with SES v2; habits.storage keeps import and export files
# in S3; the reminder sender hands pushes to the relay and import jobs start themselves through
# Lambda), and STS for assume-role credentials.
# tooling/tests/test_runtime_install.py checks every client the product makes is kept.
KEEP_SERVICES = {"lambda", "rds", "s3", "secretsmanager", "sesv2", "ssm", "sts"}


def size_mb() -> float:
    return sum(f.stat().st_size for f in target.rglob("*") if f.is_file()) / 1024 / 1024


def remove(path: Path) -> None:
    shutil.rmtree(path) if path.is_dir() else path.unlink()


before = size_mb()
doomed: list[Path] = [target / "django" / "contrib" / "gis", target / "bin"]
# Translations: USE_I18N is off. django/conf/locale is code (format modules), so only its
# languages other than English go; every other locale folder goes entirely.
django_locale = target / "django" / "conf" / "locale"
doomed += [p for p in django_locale.iterdir() if p.is_dir() and p.name not in {"en", "__pycache__"}]
doomed += [p for p in target.rglob("locale") if p.is_dir() and p != django_locale]
# The dependencies' own test suites are never imported.
doomed += [p for p in target.rglob("tests") if p.is_dir()]
# botocore carries a model for every AWS service (most of its size); boto3's resource models
# are unused (no boto3.resource).
doomed += [p for p in (target / "botocore" / "data").iterdir() if p.is_dir() and p.name not in KEEP_SERVICES]
doomed += [p for p in (target / "boto3" / "data").iterdir() if p.is_dir()]
for path in sorted(set(doomed), key=lambda p: len(p.parts)):
    if path.exists():
        remove(path)
print(f"runtime requirements in {target}: {size_mb():.1f} MB (pruned from {before:.1f} MB)")
PRUNE
