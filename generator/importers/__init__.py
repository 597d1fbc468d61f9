"""Importers: other tools' timelines → tarikh content files.

Each importer reads a foreign format into Markdown event files that tarikh
then loads like any editor's file, so an import adds no second way into the
model: what it wrote is what the build reads, and can be edited by hand.
"""
