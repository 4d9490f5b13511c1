"""Phrase lexicons, Swedish and English in one pattern each, one module per skill or failure.

Every pattern is matched against the folded (lower-cased) reply, in either language: a rep may
answer a Swedish customer in English, or mix. Phrases are regex fragments; a space matches any
whitespace and an apostrophe is optional (see `patterns.rx`).
"""
