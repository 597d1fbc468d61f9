"""`tarikh new` writes the GitHub Pages workflow; its build steps run here on
the new site as GitHub's runner would run them (issue 10)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import tarikh

from generator import __version__
from generator.scaffold import WORKFLOW, install_spec

BASE = "https://org.github.io/repo"  # what actions/configure-pages reports: no final slash


def _workflow(site: Path) -> dict:
    data = yaml.safe_load((site / WORKFLOW).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads a bare `on` as true
    return data


def test_workflow_is_githubs_pages_flow(tmp_path: Path) -> None:
    assert tarikh("new", tmp_path / "site") == 0
    wf = _workflow(tmp_path / "site")
    assert wf["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert wf["concurrency"]["group"] == "pages"
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    uses = [s.get("uses", "").split("@")[0] or "run" for s in build["steps"]]
    assert uses == [
        "actions/checkout",
        "actions/setup-python",
        "run",
        "actions/configure-pages",
        "run",
        "actions/upload-pages-artifact",
    ]
    [pages] = [s for s in build["steps"] if s.get("id") == "pages"]
    assert pages["uses"].startswith("actions/configure-pages@")
    run = [s["run"] for s in build["steps"] if "run" in s]
    assert run[0] == 'python -m pip install "$TARIKH"'
    assert run[1] == 'tarikh build --base-url "${{ steps.pages.outputs.base_url }}/"'
    assert build["steps"][-1]["with"] == {"path": "output"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    [step] = deploy["steps"]
    assert step["uses"].startswith("actions/deploy-pages@") and step["id"] == "deployment"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    # The tarikh that made the site, pinned.
    spec = wf["env"]["TARIKH"]
    assert spec == install_spec()[0]
    assert spec == f"tarikh=={__version__}" or re.fullmatch(r"tarikh @ \S+@[0-9a-f]{40}", spec)


def test_workflow_build_steps_run_on_a_new_site(tmp_path: Path) -> None:
    """Every `run:` step of the build job, in the site as checked out, with
    the base URL that configure-pages would give: the install step finds this
    very tarikh (PIP_NO_INDEX: no network), the build writes output/."""
    site = tmp_path / "site"
    assert tarikh("new", site) == 0
    wf = _workflow(site)
    env = {
        **os.environ,
        **{k: str(v) for k, v in wf["env"].items()},
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PIP_NO_INDEX": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    if not env["TARIKH"].startswith("tarikh=="):
        env["TARIKH"] = f"tarikh=={__version__}"  # a git pin needs the network
    for step in wf["jobs"]["build"]["steps"]:
        if "run" not in step:
            continue
        command = step["run"].replace("${{ steps.pages.outputs.base_url }}", BASE)
        assert "${{" not in command
        done = subprocess.run(
            ["bash", "-e", "-c", command], cwd=site, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{step['name']}: {done.stdout}\n{done.stderr}"
    path = site / wf["jobs"]["build"]["steps"][-1]["with"]["path"]
    assert (path / "index.html").is_file() and (path / "404.html").is_file()
    # Built for where Pages publishes it: the sub-path, with absolute URLs under it.
    index = (path / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}/">' in index
    assert f"{BASE}/" in (path / "sitemap.xml").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}/sitemap.xml" in (path / "robots.txt").read_text(encoding="utf-8")
    assert 'href="/repo/' in (path / "404.html").read_text(encoding="utf-8")
    assert "TARIKH" in (site / WORKFLOW).read_text(encoding="utf-8")
    assert json.loads(json.dumps(wf))  # plain data, nothing YAML-specific left


def test_new_site_ignores_its_output(tmp_path: Path) -> None:
    assert tarikh("new", tmp_path / "site") == 0
    assert "/output/" in (tmp_path / "site/.gitignore").read_text(encoding="utf-8").split()


def _schema_check(path: Path) -> subprocess.CompletedProcess:
    """SchemaStore's schema of GitHub workflows (the one GitHub's own editor
    support and actionlint's users validate against), vendored offline by
    check-jsonschema: the nearest thing to GitHub reading the file."""
    schema = ("--builtin-schema", "vendor.github-workflows")
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", *schema, str(path)],
        capture_output=True,
        text=True,
    )


def test_workflow_is_valid_for_github(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert tarikh("new", site) == 0
    done = _schema_check(site / WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr
    # The check can fail: a misspelt permission level and a job with no
    # runner are refused.
    text = (site / WORKFLOW).read_text(encoding="utf-8")
    for bad in (
        text.replace("pages: write", "pages: writ"),
        text.replace("    runs-on: ubuntu-latest\n", "", 1),
    ):
        assert bad != text
        broken = tmp_path / "broken.yml"
        broken.write_text(bad, encoding="utf-8")
        assert _schema_check(broken).returncode != 0
