"""Run csc-validator-be-903 on an episodes and a header file; print failures a rule as JSON.

Run by tests/test_episodes.py with the interpreter of an environment where
``csc-validator-be-903`` is installed (it pins pandas < 2, so it cannot share reportgen's):

    python tests/lac_validator_run.py EPISODES HEADER YEAR RULE,RULE,...

Its ``rpc_main.lac_validate`` entry point builds the issue table with ``pd.concat`` and fails
("No objects to concatenate") when no rule fails; so the same steps are run here and the
failures are read from the validator's own report, then ``lac_validate`` is called too when
something failed, to show the entry point agrees.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile


def main() -> int:
    episodes, header, year, rules = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    os.chdir(tempfile.mkdtemp())  # rpc_main writes a log file in the working folder
    from lac_validator import lac_validator
    from lac_validator.report import Report
    from lac_validator.rules.ruleset_utils import get_year_ruleset
    from lac_validator.utils import process_uploaded_files
    from rpc_main import lac_validate

    selected = rules.split(",")
    metadata = {"collectionYear": year, "localAuthority": "E06000019"}
    files = {"This year": [episodes, header]}
    registry = get_year_ruleset(year)
    validator = lac_validator.LacValidator(metadata=metadata,
                                           files=process_uploaded_files(files),
                                           registry=registry, selected_rules=selected)
    report = Report(validator.ds_results, registry).report
    failures = {column[4:]: int(report[column].sum()) for column in report.columns
                if column.startswith("ERR_") and int(report[column].sum())}
    if failures:
        issues = json.loads(lac_validate(files, metadata, selected)["issue_locations"][0])
        failures["lac_validate issues"] = len(issues)
    print(json.dumps(failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
