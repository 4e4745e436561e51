"""Personal API tokens: list, create (the value shown once), revoke. Session only: a token cannot
manage tokens (accounts.authentication)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import api_tokens, services
from accounts.apis.common import site_url_of
from accounts.models import ApiToken
from accounts.selectors import api_token_list, signed_in_user
from core.fields import TextField
from core.schema import ERROR_RESPONSES, extend_schema

SCOPE_HELP = "read: GET requests only; read_write: also create, change and delete."


class ApiTokenOutput(serializers.ModelSerializer[ApiToken]):
    scope = serializers.ChoiceField(choices=[scope.value for scope in api_tokens.Scope])
    prefix = serializers.SerializerMethodField(
        help_text="How the token's value starts (not secret): tells tokens apart."
    )

    class Meta:
        model = ApiToken
        fields = ["id", "name", "scope", "prefix", "created_at", "last_used_at", "expires_at"]
        read_only_fields = fields
        extra_kwargs = {
            "last_used_at": {
                "help_text": (
                    "When a request last used it (to the minute: written at most once a minute)."
                )
            },
            "expires_at": {"help_text": "When it stops working; null: when revoked."},
        }

    def get_prefix(self, token: ApiToken) -> str:
        return api_tokens.display_prefix(token.prefix)


class ApiTokenCreatedOutput(ApiTokenOutput):
    token = serializers.CharField(
        help_text="The token itself: shown this once, never again (only its hash is kept)."
    )

    class Meta(ApiTokenOutput.Meta):
        fields = [*ApiTokenOutput.Meta.fields, "token"]
        read_only_fields = fields


class ApiTokenListApi(APIView):
    class ApiTokenInput(serializers.Serializer[Any]):
        name = TextField(
            max_length=api_tokens.NAME_MAX_LENGTH,
            help_text="What the token is for, e.g. the script or machine that uses it.",
        )
        scope = serializers.ChoiceField(
            choices=[scope.value for scope in api_tokens.Scope], help_text=SCOPE_HELP
        )
        lifetime_days = serializers.IntegerField(
            min_value=1,
            max_value=api_tokens.LIFETIME_MAX_DAYS,
            allow_null=True,
            required=False,
            default=None,
            help_text="Days until it stops working; null or absent: until revoked.",
        )

    @extend_schema(
        summary="The signed-in user's API tokens, newest first",
        responses={200: ApiTokenOutput(many=True), **ERROR_RESPONSES},
        tags=["api tokens"],
    )
    def get(self, request: Request) -> Response:
        tokens = api_token_list(user=signed_in_user(request))
        return Response(ApiTokenOutput(tokens, many=True).data)

    @extend_schema(
        summary="Create an API token; the answer holds its value, shown this once",
        description=(
            f"At most {api_tokens.TOKENS_PER_USER} per account; the account's address is told by "
            "mail. Changing or resetting the password revokes every token; deleting the account "
            "deletes them."
        ),
        request=ApiTokenInput,
        responses={201: ApiTokenCreatedOutput, **ERROR_RESPONSES},
        tags=["api tokens"],
    )
    def post(self, request: Request) -> Response:
        data = self.ApiTokenInput(data=request.data)
        data.is_valid(raise_exception=True)
        created = services.api_token_create(
            user=signed_in_user(request),
            name=data.validated_data["name"],
            scope=api_tokens.Scope(data.validated_data["scope"]),
            site_url=site_url_of(request._request),
            lifetime_days=data.validated_data["lifetime_days"],
        )
        body = {**ApiTokenOutput(created.token).data, "token": created.value}
        return Response(body, status=status.HTTP_201_CREATED)


class ApiTokenDetailApi(APIView):
    @extend_schema(
        summary="Revoke an API token (at once: its next request is a 401)",
        responses={204: OpenApiResponse(description="Revoked."), **ERROR_RESPONSES},
        tags=["api tokens"],
    )
    def delete(self, request: Request, token_id: int) -> Response:
        services.api_token_revoke(user=signed_in_user(request), token_id=token_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
