"""Coaching: roles, cohorts, reviews, assignments, workshop rounds, exports and calibration.

Plain domain code over the store; the Telegram bot and the command line call it the same way.
"""
