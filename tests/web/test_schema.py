"""schemathesis against the OpenAPI spec, in process: no 500 and no response outside the schema,
with a bounded number of examples per operation."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_operation_fails_or_leaves_its_schema(api_schema):
    from schemathesis.checks import not_a_server_error, response_schema_conformance

    failures, operations = [], 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() != "GET":
            continue  # the ingest endpoint writes; its refusals are tested in test_api.py
        operations += 1
        strategy = operation.as_strategy()

        @given(case=strategy)
        @settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call()
            case.validate_response(response, checks=(not_a_server_error, response_schema_conformance))

        try:
            check()
        except Exception as exc:  # noqa: BLE001 - collected, reported together
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:400]}")
    assert operations >= 12
    assert not failures, "\n".join(failures)
