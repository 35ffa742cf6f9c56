from sammachip import create_app


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "ok\n"


def test_healthz_503_when_database_does_not_answer(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing-dir/x.db", "TESTING": True})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
