"""Reading Arabic news: pure functions, text in and facts out, no I/O.

Each module answers one question about a news sentence: when (`dates`), who
(`actors`), what kind of event and where (`classify`), and which sentences are
the same news (`dedupe`). `normalize` folds spelling variants for matching only.
"""
