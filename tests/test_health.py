"""/healthz for load balancers: 200 while the database answers, 503 when it does not."""

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext


def database_down(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1:5432 failed: Connection refused")


def test_it_answers_ok_while_the_database_answers(client, db, settings):
    settings.TIMELINE_PUBLIC = False  # no login needed, whatever the timeline's setting
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert [query["sql"] for query in queries] == ["SELECT 1"]
    assert response.cookies == {}
    assert "no-cache" in response["Cache-Control"]


def test_load_balancers_may_ask_with_head(client, db):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_it_answers_503_while_the_database_does_not(client, db):
    with connection.execute_wrapper(database_down):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert "Connection refused" in response.json()["database"]
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("path", ["/healthz/", "/healthz?verbose=1"])
def test_only_the_one_url_is_the_health_check(client, db, path):
    expected = 200 if "?" in path else 404
    assert client.get(path).status_code == expected
