"""A view for core/tests/test_lazy_views.py, imported only by the test that imports it lazily."""

from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


class SampleApi(APIView):
    def get(self, request: Request, **kwargs: object) -> Response:
        return Response({})
