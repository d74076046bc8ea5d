"""Shared test set-up: each test keeps reportgen's write journals (reportgen.commit) in a
folder of its own, never in the user's state folder, and child processes inherit it."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_state_folder(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTGEN_STATE_DIR", str(tmp_path_factory.mktemp("state")))
