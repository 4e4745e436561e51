# The Lambda container image (docs/CONTRACT_NOTES.md): Django behind Mangum, CMD lambda_handler.handler.
#
# Base image: the AWS Lambda Python 3.12 image, pinned by its dated tag (3.12.YYYY.MM.DD.HH), so a
# rebuild of an old commit gets the same runtime. To move to a newer one, take the newest 3.12.* tag,
# build, run `make image-check`, and commit the new pin:
#   skopeo list-tags docker://public.ecr.aws/lambda/python \
#     | grep -oE '"3\.12\.20[0-9]{2}(\.[0-9]{2}){3}"' | tr -d '"' | sort -V | tail -1
# (or `crane ls public.ecr.aws/lambda/python`). Adding the digest (python:TAG@sha256:..., from
# `skopeo inspect`) makes the pin immutable even if a tag were ever pushed again.
ARG LAMBDA_PYTHON=public.ecr.aws/lambda/python:3.12.2026.11.10.14

# --- build: dependencies, the product's code, static files, bytecode ------------------------------
FROM ${LAMBDA_PYTHON} AS build
WORKDIR /build

# The same script and flags as `make image-check`, into a folder of its own.
COPY backend/requirements/runtime.txt backend/requirements/runtime.txt
COPY backend/requirements/install-runtime.sh backend/requirements/install-runtime.sh
RUN backend/requirements/install-runtime.sh /build/packages

# .dockerignore lets only the product's packages and the handler into the build context.
COPY backend/ /build/app/
RUN rm -rf /build/app/requirements

# The RDS CA bundle the functions verify Aurora's certificate against (sslmode=verify-full,
# DATABASE_SSLROOTCERT=/var/task/certs/rds-global-bundle.pem): AWS's global bundle, fetched over
# HTTPS at build time (Aurora User Guide, "Using SSL/TLS to encrypt a connection to a DB cluster",
# certificate bundles); the build fails unless it loads as a bundle of CA certificates.
ARG RDS_CA_BUNDLE_URL=https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem
RUN mkdir -p /build/app/certs \
    && python3 -c "import ssl, sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2]); count = len(ssl.create_default_context(cafile=sys.argv[2]).get_ca_certs()); assert count >= 10, count; print('RDS CA bundle:', count, 'certificates')" \
       "$RDS_CA_BUNDLE_URL" /build/app/certs/rds-global-bundle.pem \
    && chmod 644 /build/app/certs/rds-global-bundle.pem

# collectstatic needs the production settings to load, not to run: the secret key, host and
# database given here exist only for this command and are not part of the image.
RUN cd /build/app \
    && PYTHONPATH=/build/packages:/build/app \
       DJANGO_SETTINGS_MODULE=config.settings.production \
       DJANGO_SECRET_KEY=build-only-not-a-secret-exists-only-for-collectstatic-0000 \
       DJANGO_ALLOWED_HOSTS=build \
       DATABASE_URL=sqlite:////tmp/build.sqlite3 \
       python3 -m django collectstatic --noinput --verbosity 0 \
    && rm -f /tmp/build.sqlite3

# /var/task is read-only at run time: compile everything now. unchecked-hash makes the .pyc files
# valid whatever the files' timestamps after the copy below.
RUN python3 -m compileall -q -j 0 --invalidation-mode unchecked-hash /build/packages /build/app

# --- runtime ------------------------------------------------------------------------------------
FROM ${LAMBDA_PYTHON}

COPY --from=build /build/packages/ ${LAMBDA_TASK_ROOT}/
COPY --from=build /build/app/ ${LAMBDA_TASK_ROOT}/

# Terraform sets the same variable; the default keeps a stray `docker run` on production settings,
# which refuse to start without their secrets rather than fall back to development defaults.
ENV DJANGO_SETTINGS_MODULE=config.settings.production \
    PYTHONDONTWRITEBYTECODE=1

CMD ["lambda_handler.handler"]
