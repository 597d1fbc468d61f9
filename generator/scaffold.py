"""`tarikh new DIR`: a small site that builds at once and shows every input kind,
with the GitHub Actions workflow that publishes it on GitHub Pages."""

from __future__ import annotations

import json
import sys
from importlib import metadata
from pathlib import Path

from generator import __version__

WORKFLOW = ".github/workflows/pages.yml"

# GitHub's documented flow for Pages with a custom workflow (as Hugo's docs
# give it): build with the base URL that configure-pages reports, upload the
# output as the Pages artifact, deploy it in the github-pages environment.
# upload-pages-artifact@v4 leaves dotfiles out of the artifact (tarikh's
# manifest stays behind; .nojekyll is not needed when Actions deploys).
PAGES_YML = """\
# Publishes this site on GitHub Pages at every push to main; also by hand
# (Actions → Pages → Run workflow). Written by `tarikh new`: see "Publish on
# GitHub Pages" in tarikh's README. In the repository's Settings → Pages,
# Source must be "GitHub Actions".
name: Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time: a newer push waits, a running one finishes.
concurrency:
  group: pages
  cancel-in-progress: false

env:
  # The tarikh that made this site, pinned, so that a new release changes the
  # site only when you raise this line.
  TARIKH: {spec}

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Checkout
        uses: actions/checkout@v5
      - name: Set up Python
        uses: actions/setup-python@v6
        with:
          python-version: "3.12"
      - name: Install tarikh
        run: python -m pip install "$TARIKH"
      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v5
      - name: Build
        run: tarikh build --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - name: Upload the site
        uses: actions/upload-pages-artifact@v4
        with:
          path: output

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
"""

GITIGNORE = """\
# What tarikh builds (the workflow builds it again on GitHub).
/output/
"""


def install_spec() -> tuple[str, str | None]:
    """What the workflow's `pip install` installs: the tarikh that runs now.

    Installed from a git repository (`pip install git+https://…`), that
    repository at the very commit (PEP 610's direct_url.json says which);
    otherwise the release of this version, `tarikh==X.Y.Z`, with a note when
    this tarikh came from a folder that GitHub's runner cannot reach.
    """
    try:
        text = metadata.distribution("tarikh").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        text = None
    pinned = f"tarikh=={__version__}"
    if not text:
        return pinned, None
    try:
        info = json.loads(text)
    except ValueError:
        return pinned, None
    url, vcs = str(info.get("url", "")), info.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and vcs.get("commit_id") and url.startswith("https://"):
        return f"tarikh @ git+{url}@{vcs['commit_id']}", None
    if url.startswith("https://") and not vcs and "dir_info" not in info:
        return f"tarikh @ {url}", None  # a wheel or sdist at a public URL
    return pinned, (
        f"this tarikh was installed from {url or 'a local folder'}, which GitHub's runner "
        f"cannot reach: the workflow installs {pinned}; if that release is not on PyPI, "
        f"set TARIKH in {WORKFLOW} to a pinned git URL "
        '("tarikh @ git+https://github.com/OWNER/tarikh@COMMIT")'
    )


FILES = {
    "site.toml": """\
# Settings of this site; every key is optional. See the README for all of them.
title = "خط زمني جديد"
description = ""
base_url = ""          # e.g. "https://org.github.io/repo/" when published under a sub-path
theme = "default"
digits = "latn"        # "latn" 0-9 or "arab" ٠-٩
months = "levant"      # "levant" كانون الثاني… / "egypt" يناير… / "maghreb" جانفي…
calendar = "gregorian" # the calendar shown first
order = "asc"          # "asc" oldest first, "desc" newest first
hijri_adjust = 0       # local moon sighting: -2…2 days
page_size = 200        # events per page; longer listings are cut by year, then month
""",
    "content/news/sample.txt": """\
---
date: 2024-03-14
source: وكالة مثال
---
اجتماع وزاري عربي في القاهرة لبحث الأوضاع الإنسانية
بحث وزير الخارجية المصري سامح شكري مع نظرائه العرب الأربعاء 13 آذار في القاهرة تنسيق إيصال المساعدات الإنسانية.
أعلنت جامعة الدول العربية اليوم عن عقد اجتماع طارئ على مستوى المندوبين.
""",
    "content/actors/سامح-شكري.md": """\
---
name: سامح شكري
aliases: [شكري]
kind: person
roles:
  - title: وزير الخارجية المصري
    from: 2014-06-17
    to: 2024-07-03
---
دبلوماسي مصري تولّى وزارة الخارجية بين عامَي 2014 و2024.
""",
    "content/events/sample-event.md": """\
---
title: افتتاح الدورة الجديدة لمجلس الجامعة العربية
date: 2024-03-05
actors: [جامعة الدول العربية]
place: القاهرة
tags: [دبلوماسية]
---
افتُتحت في **القاهرة** الدورة العادية لمجلس جامعة الدول العربية على المستوى الوزاري.
""",
}


def create_site(directory: Path) -> int:
    if directory.exists() and any(directory.iterdir()):
        print(
            f"tarikh: error: {directory} exists and is not empty; choose a new directory",
            file=sys.stderr,
        )
        return 2
    spec, note = install_spec()
    files = {**FILES, WORKFLOW: PAGES_YML.format(spec=json.dumps(spec)), ".gitignore": GITIGNORE}
    for rel, text in files.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(
        f"created a new site in {directory}\n"
        f"next: tarikh build --source {directory}\n"
        f"to publish it on GitHub Pages, push it to a repository's main branch "
        f"({WORKFLOW} builds and deploys it; see the README)"
    )
    if note:
        print(f"note: {note}", file=sys.stderr)
    return 0
