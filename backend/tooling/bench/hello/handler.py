"""Built the way lambda_handler is: Django set up and the URLconf imported at import time."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hello.settings")

from django.core.asgi import get_asgi_application  # after the settings are chosen
from django.urls import get_resolver
from mangum import Mangum

application = get_asgi_application()
get_resolver().url_patterns  # noqa: B018 - imports the URLconf now, as lambda_handler does
handler = Mangum(application, lifespan="off")  # type: ignore[arg-type]
