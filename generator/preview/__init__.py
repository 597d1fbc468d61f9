"""The live preview (`tarikh serve`, `tarikh build --watch`), one module per part.

`serve` runs the loop: a rebuild on every burst of saves, the last complete
build served from memory, never written to output/. `watch` turns raw
file-system events into one burst of real source changes. `httpd` routes a
request safely into the in-memory site. `livereload` is the event stream, the
script injected while serving and the error overlay.

A package of its own because only the preview uses these (a build never
imports them: `tarikh build` without --watch stays light) and a newcomer
looking for "how does the preview reload?" finds all of it here.
"""
