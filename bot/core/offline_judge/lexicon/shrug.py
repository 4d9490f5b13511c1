"""Shrugging a problem off without passing it on. Swedish and English together."""

from __future__ import annotations

from bot.core.offline_judge.patterns import rx

#: Shrugging the problem off without passing it on.
SHRUG = rx(
    r"(?:should|will|ought to|might) (?:\w+ )?(?:arrive|be there|come|turn up|show up) (?:soon|any|shortly|tomorrow)",
    r"can be slow",
    r"(?:system|tracking|it) (?:\w+ )?(?:says|shows|said|showed)",
    # Doubting the customer's report ("are you sure it didn't come?"), not a premise ("are you
    # sure the price is the problem?", a challenge).
    r"are you sure (?:that )?(?:it|they|the (?:parcel|package|order|delivery|shipment|cards?|goods))",
    r"weird",
    r"kommer (?:nog|säkert|snart|väl)",
    r"borde (?:komma|vara|dyka)",
    r"(?:systemet|spårningen) (?:\w+ )?(?:säger|visar|sa)",
    r"är du säker",
    r"konstigt",
    r"det händer",
    r"it happens",
    r"(?:these|such) things happen",
    r"sånt (?:händer|kan hända)",
    r"enligt (?:systemet|spårningen|våra system|vårt system)",
    r"according to (?:the |our )?(?:system|tracking)",
)
