"""``reportgen check --fix`` against hostile files and a hostile machine.

--fix is the first command that writes to the officer's own file, report.yaml. Whatever the file
is (a link, a pipe, a file another user owns, a file in another process's hands) and whatever
stops the run, the file is either wholly the old one or wholly the new one, with its owner,
group and mode, no temporary file is left, and every refusal is one line naming the file, exit
code 2, with the file byte for byte as it was. Signals land at named steps (the commit
protocol's fault steps, or a step of --fix itself patched in a child), never by timing.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reportgen.commit import FAULT_AT_ENV, FAULT_LOG_ENV, FAULT_PAUSE_ENV
from tests.helpers import FIXTURES, ROOT
from tests.test_check_fix import NARRATIVE, fixed, generated, run_check

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX links, owners and signals")

CHANGED = "{{ budget.lines['Line A'].budget | money }}"


def _refused(folder: Path, message: str, *args: str, file: Path | None = None) -> None:
    """--fix on ``folder`` refused in one line naming the file, exit 2, nothing changed."""
    path = file or folder / "report.yaml"
    before = path.read_bytes() if path.is_file() and not stat.S_ISFIFO(os.lstat(path).st_mode) \
        else None
    listing = sorted(os.listdir(path.parent))
    result = run_check(folder, "--fix", *args)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.output
    assert lines[0].startswith(f"error: {path}: "), lines[0]
    if before is not None:
        assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == listing  # nothing left beside it


def _cli(folder: Path, *args: str, env: dict[str, str] | None = None,
         prelude: str = "") -> subprocess.CompletedProcess[str]:
    """The real CLI in a child (its own signal handlers), after ``prelude`` (Python run first:
    a patch that stops the run at a step of --fix)."""
    code = f"import sys\n{prelude}\nfrom reportgen.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, "check", str(folder), "--fix", *args],
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
                          check=False)


def _only_report(folder: Path) -> None:
    """No temporary file beside report.yaml, and no journal left."""
    assert sorted(p.name for p in folder.iterdir()) == ["README.txt", "data", "report.yaml"]
    journals = Path(os.environ["REPORTGEN_STATE_DIR"]) / "journal"
    assert not journals.exists() or list(journals.iterdir()) == []


# ----------------------------------------------------------------- what report.yaml is


def test_a_symlink_to_a_file_outside_the_bundle_is_refused(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    outside = tmp_path / "elsewhere.yaml"
    shutil.move(folder / "report.yaml", outside)
    (folder / "report.yaml").symlink_to(outside)
    before = outside.read_bytes()
    _refused(folder, f"is a symbolic link (to '{outside}'): --fix rewrites only a regular file")
    assert (folder / "report.yaml").is_symlink() and outside.read_bytes() == before


def test_a_symlink_to_a_system_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    (folder / "report.yaml").unlink()
    (folder / "report.yaml").symlink_to("/etc/passwd")
    _refused(folder, "is a symbolic link (to '/etc/passwd')")
    (folder / "report.yaml").unlink()
    (folder / "report.yaml").symlink_to(tmp_path / "nowhere.yaml")  # dangling
    _refused(folder, "is a symbolic link (to ")
    assert (folder / "report.yaml").is_symlink()


def test_a_hard_link_is_refused(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    other = tmp_path / "copy.yaml"
    os.link(folder / "report.yaml", other)
    _refused(folder, "has 2 names (hard links): replacing it would part it from the others")
    assert os.path.samefile(folder / "report.yaml", other)


def test_a_fifo_and_a_folder_are_refused(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    (folder / "report.yaml").unlink()
    os.mkfifo(folder / "report.yaml")  # never opened: a reader would block on it
    _refused(folder, "is a named pipe (FIFO), not a regular file")
    (folder / "report.yaml").unlink()
    (folder / "report.yaml").mkdir()
    _refused(folder, "report.yaml")
    assert (folder / "report.yaml").is_dir()


def test_another_yaml_file_named_directly_is_not_written_over_report_yaml(
        tmp_path: Path) -> None:
    # load_bundle reads a YAML file named directly; --fix must never write its edits of
    # that file into the folder's report.yaml.
    folder = generated(tmp_path / "b", NARRATIVE)
    draft = folder / "draft.yaml"
    shutil.copy(folder / "report.yaml", draft)
    report = (folder / "report.yaml").read_bytes()
    result = run_check(draft, "--fix")
    assert result.exit_code == 2, result.output
    assert f"error: {folder / 'report.yaml'}: cannot rewrite it safely: it is not the " \
           "bundle's report.yaml as first found" in result.output
    assert (folder / "report.yaml").read_bytes() == report


def test_a_bundle_folder_that_is_a_symlink_works_and_stays_a_link(tmp_path: Path) -> None:
    folder = generated(tmp_path / "real", NARRATIVE)
    link = tmp_path / "link"
    link.symlink_to(folder, target_is_directory=True)
    assert len(fixed(link)["fixed"]) == 5
    assert link.is_symlink() and CHANGED in (folder / "report.yaml").read_text(encoding="utf-8")


def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    (folder / "report.yaml").chmod(0o444)
    _refused(folder, "its permissions (444) are narrower than those --fix writes a file with")


# ------------------------------------------------------------------ owner, group and mode


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_owner_group_and_setgid_are_kept(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    os.chown(path, 1234, 5678)
    path.chmod(0o2664)
    assert len(fixed(folder)["fixed"]) == 5
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 5678, 0o2664)


def test_a_file_of_another_user_is_refused_when_it_cannot_be_given_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    owner = (folder / "report.yaml").stat().st_uid
    monkeypatch.setattr(os, "geteuid", lambda: owner + 1)
    _refused(folder, f"belongs to another user (uid {owner}): --fix would make the file yours")


def test_a_file_of_a_group_one_is_not_in_is_refused(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    info = (folder / "report.yaml").stat()
    monkeypatch.setattr(os, "geteuid", lambda: info.st_uid if info.st_uid else 1)
    if info.st_uid == 0:
        monkeypatch.setattr(os, "geteuid", lambda: 1)
        os.chown(folder / "report.yaml", 1, info.st_gid)
    monkeypatch.setattr(os, "getegid", lambda: info.st_gid + 1)
    monkeypatch.setattr(os, "getgroups", lambda: [info.st_gid + 2])
    _refused(folder, f"belongs to a group you are not in (gid {info.st_gid})")


# ------------------------------------------------------------------- other processes


def test_two_runs_at_once_the_second_is_refused(tmp_path: Path) -> None:
    # The first run holds report.yaml locked while it plans and writes: held here.
    folder = generated(tmp_path / "b", NARRATIVE)
    fd = os.open(folder / "report.yaml", os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        _refused(folder, "another 'reportgen check --fix' is rewriting it: nothing changed")
    finally:
        os.close(fd)
    assert len(fixed(folder)["fixed"]) == 5  # the lock is free again


def test_a_change_while_it_is_read_is_never_overwritten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportgen import fix

    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    theirs = path.read_bytes() + b"# the officer's late note\n"
    same_report = fix._same_report

    def meanwhile(*args: Any, **kwargs: Any) -> Any:
        path.write_bytes(theirs)  # another process saves the file as --fix checks its edit
        return same_report(*args, **kwargs)

    monkeypatch.setattr(fix, "_same_report", meanwhile)
    result = run_check(folder, "--fix")
    assert result.exit_code == 2, result.output
    assert f"error: {path}: changed while --fix read it: nothing changed" in result.output
    assert path.read_bytes() == theirs


def test_a_change_in_place_while_it_is_written_is_kept(tmp_path: Path) -> None:
    # The run pauses as the new file is staged (after its last look at the file); another
    # process then writes into report.yaml in place (as many editors save). --fix must not
    # leave the other change lost: it is put back and --fix's withdrawn.
    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    child = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "check", str(folder), "--fix"], cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), FAULT_PAUSE_ENV: f"stage {path}"},
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None and child.stdin is not None
    line = child.stderr.readline()
    assert line.startswith("paused at stage"), line
    theirs = path.read_bytes().replace(b"Line A is", b"Line A was")
    with open(path, "r+b") as f:  # in place: same file, new content
        f.write(theirs)
        f.truncate()
    child.stdin.write("\n")
    child.stdin.flush()
    out, err = child.communicate()
    assert child.returncode == 2, (out, err)
    assert f"error: {path}: changed while --fix wrote it: the other change is kept" in err
    assert path.read_bytes() == theirs
    _only_report(folder)


# ---------------------------------------------------------------------------- signals


def _steps(tmp_path: Path) -> list[str]:
    probe = generated(tmp_path / "probe", NARRATIVE)
    log = tmp_path / "probe.log"
    result = _cli(probe, env={FAULT_LOG_ENV: str(log)})
    assert result.returncode == 0, result.stderr
    return [line.split(" ", 1)[1] for line in log.read_text().splitlines()]


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_a_stop_at_every_step_of_the_write_leaves_the_old_or_the_new_file(
        tmp_path: Path) -> None:
    steps = _steps(tmp_path)
    committed = steps.index("commit") + 1
    signals = ["SIGTERM", "SIGINT", "SIGHUP"]
    for n in range(1, len(steps) + 1):
        name = signals[n % len(signals)]
        folder = generated(tmp_path / f"{name}-{n}", NARRATIVE)
        path = folder / "report.yaml"
        path.chmod(0o664)
        old = path.read_bytes()
        result = _cli(folder, env={FAULT_AT_ENV: f"{n}:{name}"})
        signum = getattr(signal, name)
        assert result.returncode == 128 + signum, (n, steps[n - 1], result.stderr)
        now = path.read_bytes()
        if n <= committed:
            assert now == old, (n, steps[n - 1])
        else:
            assert now != old and CHANGED in now.decode("utf-8"), (n, steps[n - 1])
        # The mode the officer gave it, whichever file is in place.
        assert stat.S_IMODE(path.stat().st_mode) == 0o664, (n, steps[n - 1])
        _only_report(folder)


@pytest.mark.parametrize("at", ["_same_report", "_round_trip", "_hand_typed"])
def test_a_stop_while_it_plans_changes_nothing(tmp_path: Path, at: str) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    old = path.read_bytes()
    prelude = (f"import os, signal\nimport reportgen.fix as fix\n_real = fix.{at}\n"
               f"def _stop(*a, **k):\n    os.kill(os.getpid(), signal.SIGTERM)\n"
               f"    return _real(*a, **k)\nfix.{at} = _stop\n")
    result = _cli(folder, prelude=prelude)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert result.stderr.strip().splitlines()[-1] == \
        "Stopped by SIGTERM: no half-written file was left."
    assert path.read_bytes() == old
    _only_report(folder)


# ---------------------------------------------------------------- hostile contents


@pytest.mark.parametrize("old,new,message", [
    (b"  committee: Corporate Parenting Panel\n",
     b"  committee: !!python/object/apply:os.system ['touch pwned']\n",
     "meeting.committee"),
    (b"  committee: Corporate Parenting Panel\n",
     b"  committee: Corporate Parenting Panel\n  committee: Other Panel\n",
     "the key 'committee' is written twice"),
    (b"The council places", b"The council\x00 places", "unacceptable character #x0000"),
    (b"The council places", b"The council\xff places", "not a UTF-8 text file"),
    # Line breaks to YAML, not to a reader that splits on "\n".
    (b"The council places 23 children with\n",
     "The council\u0085places 23 children with\n".encode(), "YAML syntax error"),
    (b"  # A comment among the sections.\n",
     "  # A comment \u2028among: the sections.\n".encode(), "YAML syntax error"),
    (b"\nsections:\n", b"\n" + b"x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
     + b"".join(b"x%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n"
                % ((i, i) + (i - 1,) * 8) for i in range(1, 10)) + b"sections:\n",
     "the file expands to more than"),
    (b"\nsections:\n", b"\nx: " + b"[" * 200 + b"]" * 200 + b"\nsections:\n", "nested"),
])
def test_hostile_contents_are_refused_unchanged(tmp_path: Path, old: bytes, new: bytes,
                                                message: str) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))
    os.chdir(tmp_path)
    _refused(folder, message)
    assert not (tmp_path / "pwned").exists()


def test_a_line_separator_inside_a_block_is_never_moved(tmp_path: Path) -> None:
    # U+2028 is a line break to YAML (kept in a block's value) but not to str.split("\n"):
    # the figure after it may be changed only where the file has it.
    folder = generated(tmp_path / "b", """\
  summary: |
    The council\u2028    places 23 children with independent fostering agencies.
    The budget for Line A is £1,234,567 this year.
""")
    path = folder / "report.yaml"
    before = path.read_text(encoding="utf-8")
    result = run_check(folder, "--fix", "--format", "json")
    assert result.exit_code in (0, 2), result.output
    after = path.read_text(encoding="utf-8")
    assert after.count("\u2028") == 1
    assert after.replace(CHANGED, "£1,234,567").replace(
        "{{ placements.by_type['ifa'].count }}", "23") == before


def test_figures_in_comments_dates_and_beside_expressions_stay(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", """\
  # The budget for Line A is £1,234,567 (a note: never changed).
  summary: |
    On 23 March 2026 the panel met. See paragraph 2.3 and {{ 23 }}23 places.
    The budget for Line A is £1,234,567 this year.
""")
    path = folder / "report.yaml"
    before = path.read_text(encoding="utf-8")
    data = fixed(folder)
    after = path.read_text(encoding="utf-8")
    assert [(c["where"], c["old"]) for c in data["fixed"]] == [("sections.summary", "£1,234,567")]
    assert after == before.replace("is £1,234,567 this year.\n", f"is {CHANGED} this year.\n")


def test_an_escape_ruamel_would_not_keep_is_refused_at_its_line(tmp_path: Path) -> None:
    # ruamel.yaml writes "\u00a3" back as "£": the file is refused, and the message names the
    # line of the escape (not an earlier line some other indentation would change).
    folder = generated(tmp_path / "b", """\
  summary: "The budget for Line A is \\u00a31,234,567 this year."
""")
    line = (folder / "report.yaml").read_text(encoding="utf-8").split("\n").index(
        '  summary: "The budget for Line A is \\u00a31,234,567 this year."') + 1
    _refused(folder, f"ruamel.yaml does not write it back byte for byte (line {line} differs")


def test_many_fields_cost_a_few_readings_not_one_each(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each field was once checked by reading the whole file again (100 fields of a 22 kB file
    # took 50 s; a 2 MB file takes 12 s to read once). Counted, not timed: the file is read
    # by ruamel.yaml once to check it writes back, then twice a pass, whatever the fields.
    from ruamel.yaml import YAML

    from reportgen.fix import plan_fix
    from tests.test_check_fix import BODY

    folder = generated(tmp_path / "b", "  summary: |\n    Summary.\n")
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\nsections:\n"), text.index("\n# Instead of sections:")
    extra = "".join(f"  - id: extra{i}\n    heading: Extra {i}\n    text: |\n      The budget "
                    f"for Line A is £1,234,567 this year.\n" for i in range(60))
    # One field ruamel.yaml would write otherwise (a plain value cannot start with "{{").
    extra += "  - id: plain\n    heading: Plain\n    text: £2,345,678 is Line B's budget.\n"
    path.write_text(text[:start + 1] + BODY + extra + text[end:], encoding="utf-8")
    counts = {"load": 0, "dump": 0}
    for name in counts:
        real = getattr(YAML, name)

        def counted(self: Any, *args: Any, _real: Any = real, _name: str = name) -> Any:
            counts[_name] += 1
            return _real(self, *args)

        monkeypatch.setattr(YAML, name, counted)
    result = plan_fix(folder)
    assert len(result.changes) == 62
    assert [(a.where, a.text) for a in result.left_alone] == [("body.plain", "£2,345,678")]
    assert counts["load"] <= 1 + 2 * 2, counts  # two passes: the second finds nothing new
    assert counts["dump"] <= 6 + 2 * 2 * 8, counts  # the bad field found by halving


def test_a_file_near_the_size_limit_with_very_long_lines(tmp_path: Path) -> None:
    # Near MAX_YAML_BYTES: 28,000 comment lines, a comment line of 400,000 characters and a
    # narrative line of 30,000; nothing is folded or moved, only the figures change.
    from reportgen.limits import MAX_YAML_BYTES

    long_line = "Nothing here is a figure. " * 1150 + "The budget for Line A is £1,234,567."
    folder = generated(tmp_path / "b", NARRATIVE + "  # " + "x" * 400_000 + "\n"
                       + "  background: |\n    " + long_line + "\n")
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    pad = "".join(f"# a comment line that is long enough to matter here {i}\n"
                  for i in range(28_000))
    text = text.replace("\nsections:\n", "\n" + pad + "sections:\n")
    path.write_text(text, encoding="utf-8")
    assert MAX_YAML_BYTES - 200_000 < len(text.encode("utf-8")) < MAX_YAML_BYTES
    data = fixed(folder)
    assert len(data["fixed"]) == 6, data["left_alone"]
    after = path.read_text(encoding="utf-8")
    assert after.count("\n") == text.count("\n")
    assert "    " + long_line.replace("£1,234,567", CHANGED) + "\n" in after
    assert "  # " + "x" * 400_000 + "\n" in after


# ------------------------------------------------------------------ other options


def test_fix_with_json_and_strict(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    result = run_check(folder, "--fix", "--strict")
    assert result.exit_code == 1, result.output  # the £987654 it left alone is still warned
    assert "Fixed (5)" in result.output
    folder = generated(tmp_path / "c", NARRATIVE)
    (folder / "report.yaml").chmod(0o600)
    # A refusal is one error line on stderr, as for any bundle that cannot be read.
    _refused(folder, "its permissions (600) are narrower", "--format", "json")


def test_fix_on_an_agenda_or_a_build_file_is_refused(tmp_path: Path) -> None:
    agenda = tmp_path / "agenda"
    shutil.copytree(FIXTURES / "agenda-corporate-parenting", agenda)
    before = {p: p.read_bytes() for p in agenda.rglob("*") if p.is_file()}
    result = run_check(agenda, "--fix")
    assert result.exit_code == 2 and result.output.startswith("error: "), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in agenda.rglob("*") if p.is_file()} == before
    build = tmp_path / "build.yaml"
    shutil.copy(FIXTURES / "build.yaml", build)
    data = build.read_bytes()
    result = run_check(build, "--fix")
    assert result.exit_code == 2, result.output
    assert all(line.startswith("error: ") for line in result.output.strip().splitlines())
    assert build.read_bytes() == data
