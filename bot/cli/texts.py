"""User-facing text for the terminal, Swedish first."""

from __future__ import annotations

from bot.core.datafile import Lang

TEXTS: dict[str, dict[Lang, str]] = {
    "pick": {
        "sv": "Välj kund (nummer eller id, Enter = 1):",
        "en": "Pick a customer (number or id, Enter = 1):",
    },
    "brief": {"sv": "Situationen", "en": "The situation"},
    "howto": {
        "sv": "Skriv ditt svar och tryck Enter. /tips = ledtråd, /slut = avsluta.",
        "en": "Type your reply and press Enter. /hint = a nudge, /end = finish.",
    },
    "customer": {"sv": "Kund", "en": "Customer"},
    "you": {"sv": "Du", "en": "You"},
    "score": {"sv": "Poäng", "en": "Score"},
    "try_instead": {"sv": "Prova i stället", "en": "Try instead"},
    "truncated": {
        "sv": "(Ditt svar var långt; jag använde början av det.)",
        "en": "(Your reply was long; I used the beginning of it.)",
    },
    "report": {"sv": "Resultat", "en": "Report card"},
    "outcome": {"sv": "Utfall", "en": "Outcome"},
    "overall": {"sv": "Totalt", "en": "Overall"},
    "passed": {"sv": "godkänt", "en": "passed"},
    "failed": {"sv": "inte godkänt än", "en": "not passed yet"},
    "best": {"sv": "Bästa svaret", "en": "Best reply"},
    "weakest": {"sv": "Svagaste svaret", "en": "Weakest reply"},
    "advice": {"sv": "Att jobba på", "en": "What to work on"},
    "hint": {"sv": "Ledtråd", "en": "Hint"},
    "saved": {"sv": "Sparat som session", "en": "Saved as session"},
    "won": {"sv": "vunnen affär", "en": "deal won"},
    "meeting_booked": {"sv": "möte bokat", "en": "meeting booked"},
    "lost": {"sv": "kunden gick", "en": "customer left"},
    "stopped": {"sv": "avbruten", "en": "stopped"},
    "ongoing": {"sv": "pågår", "en": "ongoing"},
    "na": {"sv": "ej aktuellt", "en": "n/a"},
    "resume": {
        "sv": "Pausad. Fortsätt med: salescoach chat --resume",
        "en": "Paused. Continue with: salescoach chat --resume",
    },
}


def t(key: str, lang: Lang) -> str:
    """The text for `key` in `lang`."""
    return TEXTS[key][lang]
