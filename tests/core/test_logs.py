"""Log rotation at start-up."""

from __future__ import annotations

import logging

from desk.core import logs


def test_rotates_once_over_the_limit_and_keeps_five(tmp_path):
    path = tmp_path / logs.LOG_NAME
    for generation in range(8):
        path.write_bytes(b"x" * logs.MAX_BYTES + str(generation).encode())
        logs.rotate(path)
        assert not path.exists()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [f"{logs.LOG_NAME}.{n}" for n in range(1, logs.KEEP + 1)]
    assert (tmp_path / f"{logs.LOG_NAME}.1").read_bytes().endswith(b"7")  # newest first
    assert (tmp_path / f"{logs.LOG_NAME}.5").read_bytes().endswith(b"3")


def test_small_log_is_kept_and_appended(tmp_path):
    path = tmp_path / logs.LOG_NAME
    path.write_text("earlier\n", encoding="utf-8")
    logs.setup(tmp_path)
    logging.getLogger("desk.test").info("started")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("earlier\n") and "desk.test: started" in text
    root = logging.getLogger()
    for h in [h for h in root.handlers if getattr(h, "_shopdesk", False)]:
        root.removeHandler(h)
        h.close()


def test_sql_and_its_parameters_never_reach_the_log_even_at_debug(tmp_path):
    import logging

    path = logs.setup(tmp_path, level=logging.DEBUG)
    logging.getLogger("peewee").debug(("SELECT * FROM customer WHERE phone = ?", ("13800001111",)))
    for h in logging.getLogger().handlers:
        h.flush()
    assert "13800001111" not in path.read_text(encoding="utf-8")
    logs.setup(tmp_path)  # back to the app's level for the other tests
