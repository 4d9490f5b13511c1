"""The coaching domain: scenarios, rubric, judge, customer, session, progress.

Nothing in this package imports Telegram or openai.
"""
