"""The local mail page: the newest messages with their links, so a person (and the browser tests)
can follow a sign-up, reset or address-change link without a mail service. Mounted only when the
DEV_MAIL_PAGE setting allows it, which production's settings never do."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.schema import ERROR_RESPONSES, extend_schema
from outbox.models import Message
from outbox.selectors import mail_links, mail_recent


class DevMailApi(APIView):
    permission_classes = [AllowAny]

    class MessageOutput(serializers.ModelSerializer[Message]):
        links = serializers.SerializerMethodField(help_text="Every http(s) link in the body.")

        class Meta:
            model = Message
            fields = ["id", "kind", "to", "subject", "body", "links", "created_at", "sent_at"]
            read_only_fields = fields

        def get_links(self, message: Message) -> list[str]:
            return mail_links(message=message)

    @extend_schema(
        summary="Local only: the newest outgoing mail, with its links",
        description="Never mounted in production. `?to=<address>` keeps that recipient's mail.",
        responses={200: MessageOutput(many=True), **ERROR_RESPONSES},
        tags=["dev"],
    )
    def get(self, request: Request) -> Response:
        to = request.query_params.get("to", "").strip().lower() or None
        return Response(self.MessageOutput(mail_recent(to=to), many=True).data)
