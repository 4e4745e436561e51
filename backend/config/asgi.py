import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

# Imported after the settings are chosen: see core/asgi.py for why not Django's own handler.
from core.asgi import get_asgi_application

application = get_asgi_application()
